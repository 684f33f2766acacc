// The 干部 sheet of the evaluation workbook (political.md): the leading cadres evaluated, one a
// row: 人员编号 unique, 姓名, 职务, 干部类别 (default 班子成员), the unit (required with several).

import type { Cadre, PoliticalUnit } from "../domain/political-model.js";
import { CADRE_KIND_LABEL } from "../domain/political-model.js";
import { CADRES_SHEET } from "../domain/political-sheets.js";
import type { Problem } from "../domain/problem.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { dataRows, findHeaderRow, headerSpecOf, sheetProblem } from "./find-header-row.js";
import { isFirstRowOf } from "./persons.js";
import { RowReader } from "./rows.js";

export interface ParsedCadres {
  cadres: Cadre[];
  problems: Problem[];
  readable: boolean;
}

const SHEET = CADRES_SHEET.name;

export function parseCadresSheet(file: string, sheet: PlainSheet, units: readonly PoliticalUnit[]): ParsedCadres {
  const found = findHeaderRow(file, SHEET, sheet, headerSpecOf(CADRES_SHEET));
  const result: ParsedCadres = { cadres: [], problems: [...found.problems], readable: found.value !== null };
  if (!found.value) return result;
  const layout = found.value;
  const codes = new Set(units.map((u) => u.code));
  const onlyUnit = units.length === 1 ? (units[0]?.code ?? null) : null;
  if (onlyUnit === null && units.length > 0 && !layout.columns.has("单位代码")) {
    result.problems.push(
      sheetProblem(file, SHEET, "E_MISSING_HEADER", `“${SHEET}”工作表没有“单位代码”列，而工作簿中有 ${units.length} 个单位。请加上“单位代码”列，为每位干部填写所在单位的代码。`, {
        header: "单位代码",
      }),
    );
  }
  const firstRow = new Map<string, string>();
  for (const row of dataRows(layout)) {
    const r = new RowReader(file, layout, row);
    const id = r.personId("人员编号");
    const name = r.text("姓名", true);
    const post = r.text("职务", true);
    const kind = r.choice("干部类别", CADRE_KIND_LABEL) ?? "member";
    const note = r.text("备注");
    let unitCode = r.id("单位代码");
    if (unitCode === null) {
      if (onlyUnit !== null) unitCode = onlyUnit;
      else if (r.has("单位代码") && units.length > 0) {
        r.report("单位代码", "E_REQUIRED", "", `${r.place("单位代码")}没有填写。工作簿中有多个单位时，请为每位干部填写所在单位的代码。`);
      }
    } else if (units.length > 0 && !codes.has(unitCode)) {
      r.report(
        "单位代码",
        "E_UNKNOWN_UNIT",
        unitCode,
        `${r.place("单位代码")}填写了“${unitCode}”，但本工作簿中没有这个单位（${[...codes].join("、")}）。请核对代码，或把这个单位列入“单位”工作表。`,
      );
      unitCode = null;
    }
    if (id !== null && isFirstRowOf(r, id, firstRow)) {
      result.cadres.push({ id, name: name ?? "", post: post ?? "", unitCode: unitCode ?? "", kind, note, ref: r.ref("人员编号") });
    }
    result.problems.push(...r.finish(unitCode ?? onlyUnit ?? undefined));
  }
  return result;
}
