// The 参数 sheet (workbook.md): two columns, 项目 and 内容, one setting a row: the period, the unit
// when the workbook has no 单位 sheet, and what the notice prints. Grading rules are never read
// here (rules.md: a unit cannot change its own quota by editing its workbook). The rows are read
// by readParameterRows, which the evaluation workbook's 参数 (political-parameters.ts) shares.

import type { Period, WorkbookSettings } from "../domain/model.js";
import type { CellRef } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { PARAMETERS_SHEET, PARAMETER_KEYS } from "../domain/sheets.js";
import { dataRows, findHeaderRow, sheetProblem } from "./find-header-row.js";
import type { CellRead } from "./normalise-cell.js";
import { cellText, isBlank, normaliseHeader, readDate, readId, readQuarter, readText, readYear } from "./normalise-cell.js";
import type { CellValue, PlainSheet } from "../ooxml/plain.js";
import { cellAddress } from "../ooxml/plain.js";
import { faultProblem } from "./rows.js";

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

/** A row of a 参数 sheet whose 项目 is known: its 内容 cell, and how to read it. */
export interface ParameterRow<K extends string> {
  key: K;
  cell: CellValue;
  /** The 内容 cell, named by its 项目. */
  ref: CellRef;
  /** The value read, or null with the cell's fault among the problems. */
  take<T>(read: CellRead<T | null>): T | null;
  /** A blank 内容 that must be filled in: E_REQUIRED, saying what to write (`what`). */
  required(what: string): void;
}

/**
 * The rows of a 参数 sheet (项目, 内容; workbook.md, political.md), one a known 项目, handed to
 * `onRow` in sheet order. The problems, in that order: the header's, an unknown 项目 (a warning,
 * the row not read), a 项目 on a second row, what `onRow` finds, and each `requiredRows` 项目
 * without a row (its value: the example the message gives).
 */
export function readParameterRows<K extends string>(
  file: string,
  sheet: PlainSheet,
  labels: Record<K, string>,
  requiredRows: Partial<Record<K, string>>,
  onRow: (row: ParameterRow<K>) => void,
): Problem[] {
  const problems: Problem[] = [];
  const found = findHeaderRow(file, SHEET, sheet, {
    required: [ITEM, CONTENT],
    isKnown: (h) => h === ITEM || h === CONTENT,
  });
  problems.push(...found.problems);
  const layout = found.value;
  if (!layout) return problems;
  const itemColumn = layout.columns.get(ITEM) ?? 0;
  const contentColumn = layout.columns.get(CONTENT) ?? 0;
  const keyByLabel = new Map<string, K>((Object.entries(labels) as [K, string][]).map(([key, label]) => [label, key]));
  const seen = new Map<K, string>();

  for (const row of dataRows(layout)) {
    const label = cellText(sheet.cell(row, itemColumn));
    const itemCell = cellAddress(row, itemColumn);
    if (label === "") continue; // a 内容 without 项目 cannot be placed; nothing to set
    const key = keyByLabel.get(normaliseHeader(label));
    if (key === undefined) {
      problems.push(
        sheetProblem(
          file,
          SHEET,
          "W_UNKNOWN_PARAMETER",
          `${SHEET}!${itemCell}「项目」“${label}”不是参数表的项目，这一行不读取。可用的项目：${Object.values<string>(labels).join("、")}。`,
          { cell: itemCell, header: ITEM, value: label },
        ),
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        sheetProblem(file, SHEET, "E_DUPLICATE_PARAMETER", `${SHEET}!${itemCell}：项目“${labels[key]}”已在 ${first} 填写过，每个项目只能有一行。请删除多余的一行。`, {
          cell: itemCell,
          header: ITEM,
          value: label,
        }),
      );
      continue;
    }
    seen.set(key, itemCell);
    const ref: CellRef = { file, sheet: SHEET, cell: cellAddress(row, contentColumn), header: labels[key] };
    onRow({
      key,
      cell: sheet.cell(row, contentColumn),
      ref,
      take: <T>(read: CellRead<T | null>): T | null => {
        if (read.ok) return read.value;
        problems.push(faultProblem(ref, read.fault));
        return null;
      },
      required: (what) => {
        problems.push(sheetProblem(file, SHEET, "E_REQUIRED", `${SHEET}!${ref.cell}「${ref.header}」没有填写，请填写${what}。`, { cell: ref.cell, header: ref.header }));
      },
    });
  }

  for (const [key, example] of Object.entries(requiredRows) as [K, string][]) {
    if (seen.has(key)) continue;
    problems.push(
      sheetProblem(
        file,
        SHEET,
        "E_REQUIRED",
        `“${SHEET}”工作表中没有“${labels[key]}”一行。请添加一行：项目填“${labels[key]}”，内容填${example}。`,
        { header: labels[key] },
      ),
    );
  }
  return problems;
}

/** The 单位代码 or 单位名称 row of a 参数 sheet: the unit when the workbook has no 单位 sheet. */
export function readUnitRow(
  row: Pick<ParameterRow<"unitCode" | "unitName">, "key" | "cell" | "ref" | "take">,
  into: { unitCode: Setting<string> | null; unitName: Setting<string> | null },
): void {
  const value = row.key === "unitCode" ? row.take(readId(row.cell)) : row.take(readText(row.cell));
  if (value !== null) into[row.key] = { value, ref: row.ref };
}

export function parseParameters(file: string, sheet: PlainSheet | null): ParsedParameters {
  const result = empty();
  if (sheet === null) return result;
  // Set by the rows of 年度 and 季度 (a callback's assignments to a `let` escape the compiler).
  const read: { year: number | null; quarter: Period["quarter"] | null } = { year: null, quarter: null };
  const problems = readParameterRows(file, sheet, PARAMETER_KEYS, EXAMPLE, ({ key, cell, ref, take, required }) => {
    switch (key) {
      case "year":
        result.places.year = ref;
        read.year = take(readYear(cell));
        if (read.year === null && isBlank(cell)) required(EXAMPLE.year);
        break;
      case "quarter":
        result.places.quarter = ref;
        read.quarter = take(readQuarter(cell));
        if (read.quarter === null && isBlank(cell)) required(EXAMPLE.quarter);
        break;
      case "unitCode":
      case "unitName":
        readUnitRow({ key, cell, ref, take }, result);
        break;
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
  });
  result.problems.push(...problems);
  if (read.year !== null && read.quarter !== null) result.period = { year: read.year, quarter: read.quarter };
  return result;
}
