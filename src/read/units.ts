// The 单位 sheet (workbook.md): one unit a row, codes unique. Also the unit list that
// `assess template --units` reads (.xlsx or .csv), so the same problems come out of both.

import type { ParentLink } from "../domain/check-units.js";
import type { Unit } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { PARAMETERS_SHEET, PARAMETER_KEYS, UNITS_SHEET } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf, sheetProblem } from "./find-header-row.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { RowReader } from "./rows.js";

export interface ParsedUnits {
  units: Unit[];
  /** Each unit's 主管单位代码 with its cell, checked against the whole run (check-units.ts). */
  parents: ParentLink[];
  problems: Problem[];
  /** Whether the sheet's header row was found (false: nothing could be read). */
  readable: boolean;
}


export function parseUnitsSheet(file: string, sheet: PlainSheet, sheetName = UNITS_SHEET.name): ParsedUnits {
  const found = findHeaderRow(file, sheetName, sheet, headerSpecOf(UNITS_SHEET));
  const result: ParsedUnits = { units: [], parents: [], problems: [...found.problems], readable: found.value !== null };
  if (!found.value) return result;
  const layout = found.value;
  const firstRow = new Map<string, string>();

  for (const row of dataRows(layout)) {
    const r = new RowReader(file, layout, row);
    const code = r.id("单位代码", true);
    const name = r.text("单位名称", true);
    const parentCode = r.id("主管单位代码");
    const contact = r.text("联系人");
    const phone = r.text("联系电话");
    const address = r.text("受理地址");
    if (code !== null) {
      const first = firstRow.get(code);
      if (first !== undefined) {
        r.report("单位代码", "E_DUPLICATE_UNIT", code, `${r.place("单位代码")}“${code}”与 ${first} 重复。单位代码不能重复：请核对代码或删除重复的行。`);
      } else {
        firstRow.set(code, r.ref("单位代码").cell);
        const unit: Unit = { code, name: name ?? "", parentCode, contact, phone, address, ref: r.ref("单位代码") };
        result.units.push(unit);
        if (parentCode !== null) result.parents.push({ unitCode: code, parentCode, ref: r.ref("主管单位代码") });
      }
    }
    result.problems.push(...r.finish(code ?? undefined));
  }
  return result;
}

/**
 * The 单位 sheet's reading when it names the workbook's units; null when the unit comes from
 * 参数 instead (workbook.md): no 单位 sheet, or an empty one (an empty 单位 sheet counts as none,
 * unless it cannot be read or has errors).
 */
export function unitsSheetIfAny(file: string, sheet: PlainSheet | null): ParsedUnits | null {
  if (!sheet) return null;
  const parsed = parseUnitsSheet(file, sheet);
  return !parsed.readable || parsed.units.length > 0 || parsed.problems.some((p) => p.severity === "error") ? parsed : null;
}

/** E_NO_UNIT for each of 单位代码 and 单位名称 that 参数 lacks when no 单位 sheet names the units. */
export function noUnitProblems(file: string, named: { unitCode: object | null; unitName: object | null }): Problem[] {
  const missing = [named.unitCode ? null : PARAMETER_KEYS.unitCode, named.unitName ? null : PARAMETER_KEYS.unitName];
  return missing
    .filter((key) => key !== null)
    .map((key) =>
      sheetProblem(
        file,
        PARAMETERS_SHEET.name,
        "E_NO_UNIT",
        `“${PARAMETERS_SHEET.name}”工作表中没有填写“${key}”，工作簿中也没有“单位”工作表。请在参数表中填写本单位的单位代码和单位名称。`,
        { header: key },
      ),
    );
}
