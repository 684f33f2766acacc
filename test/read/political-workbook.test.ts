// The evaluation workbook's reader (political.md "The input workbook"): read as workbook.md reads
// appraisal workbooks, every check with its cell. One defect per case on the base workbook.

import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import { DEFAULT_POLITICAL_RULES_FILE, toPoliticalRules } from "../../src/domain/political-rules.js";
import { parsePoliticalWorkbook } from "../../src/read/political-workbook.js";
import { plainWorkbook, type SheetData } from "../support/plain-workbook.js";
import { FORM_HEADER, formRow, politicalBaseWorkbook } from "../support/political-workbook-data.mjs";
import { appendRows, prependRows, setCell } from "../support/workbook-data.mjs";

const rules = toPoliticalRules(DEFAULT_POLITICAL_RULES_FILE);
const parse = (sheets: SheetData[]) => parsePoliticalWorkbook(plainWorkbook("测评.xlsx", sheets), rules);
const where = (sheets: SheetData[]) => parse(sheets).problems.map((p) => [p.severity, p.code, p.sheet, p.cell]);

describe("the evaluation workbook", () => {
  it("reads the base workbook without a problem", () => {
    const { workbook, problems } = parse(politicalBaseWorkbook());
    expect(problems).toEqual([]);
    expect([workbook?.year, workbook?.round, workbook?.units.map((u) => u.code), workbook?.cadres.length, workbook?.forms.length]).toEqual([
      2026,
      "2026年度领导班子和领导干部考核",
      ["XZ01"],
      3,
      15,
    ]);
    expect(workbook?.forms[8]?.marks).toEqual(["反9"]);
    expect(workbook?.clues.map((c) => c.verification)).toEqual(["checking", "unfounded"]);
  });

  it("finds its columns under title rows, in another order, by an item's text or code and text", () => {
    let sheets = politicalBaseWorkbook();
    const forms = sheets.find((s) => s.name === "双向测评")!;
    const header = [...FORM_HEADER];
    header[8 + 9] = "为官不为、慢作为，庸懒散拖"; // 反9 by its text
    header[8 + 11] = "反11\n决策部署落实不力，成效不明显";
    forms.rows[0] = header;
    sheets = prependRows(sheets, "双向测评", [["某县城关镇领导干部政治素质双向测评汇总"], []]);
    const { workbook, problems } = parse(sheets);
    expect(problems).toEqual([]);
    expect(workbook?.forms.filter((f) => f.marks.includes("反9")).length).toBe(2);
    expect(workbook?.forms.filter((f) => f.marks.includes("反11")).length).toBe(3);
  });

  it.each([
    ["a mark that is not 是, √, 1 or 否", () => setCell(politicalBaseWorkbook(), "双向测评", "N2", "有"), ["error", "E_MARK", "双向测评", "N2"]],
    ["an aspect word that is not a word", () => setCell(politicalBaseWorkbook(), "双向测评", "F3", "优秀"), ["error", "E_CHOICE", "双向测评", "F3"]],
    ["a 问题线索 for someone not in 干部", () => appendRows(politicalBaseWorkbook(), "问题线索", [["GB09", "钱进", "审计局", "政治担当", null, "x", "属实", "2026-10-01"]]), ["error", "E_UNKNOWN_PERSON", "问题线索", "A4"]],
    ["a 姓名 that does not match 干部", () => setCell(politicalBaseWorkbook(), "延伸考察", "B2", "王刚"), ["error", "E_NAME_MISMATCH", "延伸考察", "B2"]],
    ["a 场景 outside the set", () => setCell(politicalBaseWorkbook(), "延伸考察", "C2", "单位"), ["error", "E_CHOICE", "延伸考察", "C2"]],
    ["a talk without a date", () => setCell(politicalBaseWorkbook(), "谈心谈话", "D2", null), ["error", "E_REQUIRED", "谈心谈话", "D2"]],
    ["a 参数 without 测评名称", () => setCell(politicalBaseWorkbook(), "参数", "B3", null), ["error", "E_REQUIRED", "参数", "B3"]],
    ["a header row of 反18", () => setCell(politicalBaseWorkbook(), "双向测评", "AA1", "反18"), ["warning", "W_UNKNOWN_HEADER", "双向测评", "AA1"]],
  ] as const)("%s", (_, sheets, expected) => {
    expect(where(sheets())).toEqual([expected]);
  });

  it("a cadre whose forms all come from groups weighing 0: an error at the 干部 row", () => {
    // 干部职工 weighing 0 (上级领导 0.4, 班子成员 0.6)
    const zero = { ...rules, raterGroups: [{ name: "上级领导", weight: exact("0.4") }, { name: "班子成员", weight: exact("0.6") }, { name: "干部职工", weight: exact(0) }] };
    let sheets = politicalBaseWorkbook();
    sheets = appendRows(sheets, "干部", [["XZ01", "GB04", "孙丽", "副镇长", null, null]]);
    sheets = appendRows(sheets, "双向测评", [formRow("GB04", "孙丽", "干部职工", null, "AAAAA")]);
    const { problems } = parsePoliticalWorkbook(plainWorkbook("测评.xlsx", sheets), zero);
    expect(problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([["E_NO_WEIGHTED_FORM", "干部", "B5"]]);
  });

  it("an error names the cadre's unit, so that other units of the workbook go on", () => {
    const { problems } = parse(setCell(politicalBaseWorkbook(), "双向测评", "E2", null));
    expect(problems.map((p) => p.unit)).toEqual(["XZ01"]);
  });
});
