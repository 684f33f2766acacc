import { describe, expect, it } from "vitest";
import { checkPoliticalRun, type PoliticalRunMember } from "../../src/domain/political-check-run.js";
import type { PoliticalWorkbook } from "../../src/domain/political-model.js";
import { itemHeaders } from "../../src/read/political-forms.js";
import { normaliseHeader } from "../../src/read/normalise-cell.js";
import { exampleCadre } from "./support/political-example.js";

function member(file: string, year: number, round: string, unit: string, cadreIds: string[]): PoliticalRunMember {
  const ref = (cell: string) => ({ file, sheet: "参数", cell, header: "" });
  const workbook: PoliticalWorkbook = {
    file,
    sha256: "",
    year,
    round,
    contact: null,
    phone: null,
    units: [{ code: unit, name: unit, contact: null, phone: null, ref: ref("B4") }],
    cadres: cadreIds.map((id, i) => ({ ...exampleCadre(id, unit), ref: { file, sheet: "干部", cell: `B${i + 2}`, header: "人员编号" } })),
    forms: [],
    clues: [],
    observations: [],
    talks: [],
  };
  return { workbook, places: { year: ref("B2"), round: ref("B3") } };
}

describe("checks across the evaluation workbooks of a run", () => {
  it("one 年度 and 测评名称: the odd one out is an error at its 参数 cell", () => {
    const problems = checkPoliticalRun([
      member("a.xlsx", 2026, "2026年度考核", "A", ["A1"]),
      member("b.xlsx", 2026, "2026年度考核", "B", ["B1"]),
      member("c.xlsx", 2026, "2026年换届考察", "C", ["C1"]),
    ]);
    expect(problems.map((p) => [p.code, p.file, p.cell])).toEqual([["E_PERIOD_MISMATCH", "c.xlsx", "B3"]]);
  });

  it("a 人员编号 in two workbooks: an error at both places", () => {
    const problems = checkPoliticalRun([member("a.xlsx", 2026, "r", "A", ["A1", "X9"]), member("b.xlsx", 2026, "r", "B", ["X9"])]);
    expect(problems.map((p) => [p.code, p.file, p.sheet, p.cell])).toEqual([
      ["E_DUPLICATE_PERSON_RUN", "a.xlsx", "干部", "B3"],
      ["E_DUPLICATE_PERSON_RUN", "b.xlsx", "干部", "B2"],
    ]);
  });
});

describe("the column of a negative item in 双向测评", () => {
  it.each(["反9", "为官不为、慢作为，庸懒散拖", "反9\n为官不为、慢作为，庸懒散拖", "反9 为官不为、慢作为，庸懒散拖"])("is found by %j", (header) => {
    expect(itemHeaders({ code: "反9", text: "为官不为、慢作为，庸懒散拖" })).toContain(normaliseHeader(header));
  });
});
