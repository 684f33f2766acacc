// The 单位 sheet (workbook.md): one unit a row, codes unique. Also the unit list that
// `assess template --units` reads (.xlsx or .csv), so the same problems come out of both.

import type { ParentLink } from "../domain/check-units.js";
import type { Unit } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { UNITS_SHEET } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf } from "./find-header-row.js";
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
