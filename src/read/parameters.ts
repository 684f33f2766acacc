// The 参数 sheet (workbook.md): two columns, 项目 and 内容, one setting a row: the period, the unit
// when the workbook has no 单位 sheet, and what the notice prints. Grading rules are never read
// here (rules.md: a unit cannot change its own quota by editing its workbook).

import type { Period, WorkbookSettings } from "../domain/model.js";
import type { CellRef } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { PARAMETERS_SHEET, PARAMETER_KEYS } from "../domain/sheets.js";
import { dataRows, findHeaderRow, sheetProblem } from "./find-header-row.js";
import type { CellRead } from "./normalise-cell.js";
import { cellText, isBlank, normaliseHeader, readDate, readId, readQuarter, readText, readYear } from "./normalise-cell.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { cellAddress } from "../ooxml/plain.js";
import { faultProblem } from "./rows.js";
import type { ProblemCode } from "../domain/problem-codes.js";

type ParameterKey = keyof typeof PARAMETER_KEYS;

/** A setting read from 参数, with the 内容 cell it came from. */
export interface Setting<T> {
  value: T;
  ref: CellRef;
}

export interface ParsedParameters {
  /** Null when 年度 or 季度 is missing or unreadable (its problem says which). */
  period: Period | null;
  settings: WorkbookSettings;
  unitCode: Setting<string> | null;
  unitName: Setting<string> | null;
  parentCode: Setting<string> | null;
  /** The 内容 cells of 年度, 季度 and 公示开始日期, for checks that name them. */
  places: { year: CellRef | null; quarter: CellRef | null; noticeStart: CellRef | null };
  problems: Problem[];
}

const SHEET = PARAMETERS_SHEET.name;
const ITEM = "项目";
const CONTENT = "内容";
const KEY_BY_LABEL = new Map<string, ParameterKey>(
  (Object.entries(PARAMETER_KEYS) as [ParameterKey, string][]).map(([key, label]) => [label, key]),
);
const EXAMPLE: Record<"year" | "quarter", string> = { year: "四位年份，如 2026", quarter: "季度，如 3" };

function empty(): ParsedParameters {
  return {
    period: null,
    settings: { contact: null, phone: null, address: null, noticeStart: null },
    unitCode: null,
    unitName: null,
    parentCode: null,
    places: { year: null, quarter: null, noticeStart: null },
    problems: [],
  };
}

export function parseParameters(file: string, sheet: PlainSheet | null): ParsedParameters {
  const result = empty();
  if (sheet === null) return result;
  const found = findHeaderRow(file, SHEET, sheet, {
    required: [ITEM, CONTENT],
    isKnown: (h) => h === ITEM || h === CONTENT,
  });
  result.problems.push(...found.problems);
  const layout = found.value;
  if (!layout) return result;
  const itemColumn = layout.columns.get(ITEM) ?? 0;
  const contentColumn = layout.columns.get(CONTENT) ?? 0;

  const seen = new Map<ParameterKey, string>();
  let year: number | null = null;
  let quarter: Period["quarter"] | null = null;

  for (const row of dataRows(layout)) {
    const label = cellText(sheet.cell(row, itemColumn));
    const itemCell = cellAddress(row, itemColumn);
    if (label === "") continue; // a 内容 without 项目 cannot be placed; nothing to set
    const key = KEY_BY_LABEL.get(normaliseHeader(label));
    if (key === undefined) {
      result.problems.push(
        sheetProblem(
          file,
          SHEET,
          "W_UNKNOWN_PARAMETER",
          `${SHEET}!${itemCell}「项目」“${label}”不是参数表的项目，这一行不读取。可用的项目：${Object.values(PARAMETER_KEYS).join("、")}。`,
          { cell: itemCell, header: ITEM, value: label },
        ),
      );
      continue;
    }
    const ref: CellRef = { file, sheet: SHEET, cell: cellAddress(row, contentColumn), header: PARAMETER_KEYS[key] };
    const first = seen.get(key);
    if (first !== undefined) {
      result.problems.push(
        sheetProblem(file, SHEET, "E_DUPLICATE_PARAMETER", `${SHEET}!${itemCell}：项目“${PARAMETER_KEYS[key]}”已在 ${first} 填写过，每个项目只能有一行。请删除多余的一行。`, {
          cell: itemCell,
          header: ITEM,
          value: label,
        }),
      );
      continue;
    }
    seen.set(key, itemCell);
    const cell = sheet.cell(row, contentColumn);
    const take = <T>(read: CellRead<T>): T | null => {
      if (read.ok) return read.value;
      result.problems.push(faultProblem(ref, read.fault));
      return null;
    };
    const required = (code: ProblemCode, what: string): void => {
      result.problems.push(sheetProblem(file, SHEET, code, `${SHEET}!${ref.cell}「${ref.header}」没有填写，请填写${what}。`, { cell: ref.cell, header: ref.header }));
    };

    switch (key) {
      case "year":
        result.places.year = ref;
        year = take(readYear(cell));
        if (year === null && isBlank(cell)) required("E_REQUIRED", EXAMPLE.year);
        break;
      case "quarter":
        result.places.quarter = ref;
        quarter = take(readQuarter(cell));
        if (quarter === null && isBlank(cell)) required("E_REQUIRED", EXAMPLE.quarter);
        break;
      case "unitCode": {
        const value = take(readId(cell));
        if (value !== null) result.unitCode = { value, ref };
        break;
      }
      case "unitName": {
        const value = take(readText(cell));
        if (value !== null) result.unitName = { value, ref };
        break;
      }
      case "parentCode": {
        const value = take(readId(cell));
        if (value !== null) result.parentCode = { value, ref };
        break;
      }
      case "contact":
        result.settings.contact = take(readText(cell));
        break;
      case "phone":
        result.settings.phone = take(readText(cell));
        break;
      case "address":
        result.settings.address = take(readText(cell));
        break;
      case "noticeStart":
        result.places.noticeStart = ref;
        result.settings.noticeStart = take(readDate(cell));
        break;
    }
  }

  for (const key of ["year", "quarter"] as const) {
    if (seen.has(key)) continue;
    result.problems.push(
      sheetProblem(
        file,
        SHEET,
        "E_REQUIRED",
        `“${SHEET}”工作表中没有“${PARAMETER_KEYS[key]}”一行。请添加一行：项目填“${PARAMETER_KEYS[key]}”，内容填${EXAMPLE[key]}。`,
        { header: PARAMETER_KEYS[key] },
      ),
    );
  }
  if (year !== null && quarter !== null) result.period = { year, quarter };
  return result;
}
