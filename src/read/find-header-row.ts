// Finds a sheet by name and its header row and columns by header text (workbook.md "How sheets and
// columns are found"): the header row is the first of the first 10 rows holding every required
// header; columns are matched after normalising; order is free. Pure: plain cells in, a layout
// and problems out.

import type { Checked, Problem } from "../domain/problem.js";
import { type ProblemCode, severityOf } from "../domain/problem-codes.js";
import type { SheetDef } from "../domain/sheets.js";
import { cellText, isBlank, normaliseHeader } from "./normalise-cell.js";
import { cellAddress, type PlainSheet, type PlainWorkbook } from "../ooxml/plain.js";

/** The header row must be among the sheet's first rows (workbook.md). */
export const HEADER_SEARCH_ROWS = 10;
/** How far below row 10 a misplaced header row is still looked for, to tell the clerk where it is. */
const MISPLACED_SEARCH_ROWS = 200;

export interface HeaderLayout {
  /** The sheet's name as the spec writes it (surrounding spaces dropped). */
  sheetName: string;
  sheet: PlainSheet;
  headerRow: number;
  /** Normalised header → column number (the first, when a header is duplicated). */
  columns: ReadonlyMap<string, number>;
}

export interface HeaderSpec {
  /** Normalised headers the sheet must have. */
  required: readonly string[];
  /** Whether a normalised header is one the sheet knows (required ones included). */
  isKnown: (header: string) => boolean;
  /** Why an unknown header is ignored, when more can be said than "not a column of this sheet". */
  unknownNote?: (header: string) => string | null;
}

/**
 * The spec of a sheet whose columns are exactly its definition's (sheets.ts); sheets with
 * indicator columns besides (个性评分, 共性测评) write their own.
 */
export function headerSpecOf(sheet: Pick<SheetDef, "columns">): HeaderSpec {
  const known = new Set(sheet.columns.map((c) => c.header));
  return { required: sheet.columns.filter((c) => c.required).map((c) => c.header), isKnown: (h) => known.has(h) };
}

/** A problem on a sheet: at a cell, or (no cell) about the whole sheet. W_ codes are warnings. */
export function sheetProblem(
  file: string,
  sheet: string,
  code: ProblemCode,
  message: string,
  at: { cell?: string; header?: string; value?: string } = {},
): Problem {
  const { cell = "", header = "", value = "" } = at;
  return { severity: severityOf(code), code, file, sheet, cell, header, value, message };
}

/** The sheets of a workbook named `name` once surrounding spaces are dropped (workbook.md). */
export function sheetsNamed(workbook: PlainWorkbook, name: string): PlainSheet[] {
  return workbook.sheets.filter((sheet) => sheetNameOf(sheet.name) === name);
}

/** The name a sheet is found by: as written, without the spaces around it. */
export function sheetNameOf(written: string): string {
  return written.trim();
}

/**
 * The sheet named `name`, or null; a missing required sheet and a name used twice are problems.
 * (Excel refuses two sheets of one name, but `人员` and `人员 ` are two names to it.)
 */
export function findSheet(workbook: PlainWorkbook, name: string, required: boolean): Checked<PlainSheet> {
  const found = sheetsNamed(workbook, name);
  const problems: Problem[] = [];
  if (found.length === 0 && required) {
    problems.push(
      sheetProblem(workbook.file, name, "E_MISSING_SHEET", `工作簿中没有“${name}”工作表。请按模板补上这张工作表，名称须为“${name}”。`),
    );
  }
  if (found.length > 1) {
    problems.push(
      sheetProblem(
        workbook.file,
        name,
        "E_DUPLICATE_SHEET",
        `工作簿中有 ${found.length} 张名为“${name}”的工作表（名称前后的空格不算）。请删除或改名多余的一张。`,
      ),
    );
  }
  return { value: found[0] ?? null, problems };
}

/**
 * Each sheet of `defs` found by its name (null when absent), as findSheet finds one; the
 * problems in the order of `defs`. One workbook's sheets, for the appraisal and the evaluation
 * workbook alike.
 */
export function findSheets<K extends string>(
  workbook: PlainWorkbook,
  defs: Record<K, { name: string; required: boolean }>,
): { sheets: Record<K, PlainSheet | null>; problems: Problem[] } {
  const problems: Problem[] = [];
  const sheets = {} as Record<K, PlainSheet | null>;
  for (const key of Object.keys(defs) as K[]) {
    const found = findSheet(workbook, defs[key].name, defs[key].required);
    problems.push(...found.problems);
    sheets[key] = found.value;
  }
  return { sheets, problems };
}

function headersOfRow(sheet: PlainSheet, row: number): { column: number; text: string; header: string }[] {
  const headers = [];
  for (let column = 1; column <= sheet.columnCount; column++) {
    const cell = sheet.cell(row, column);
    if (isBlank(cell)) continue;
    const text = cellText(cell);
    headers.push({ column, text, header: normaliseHeader(text) });
  }
  return headers;
}

function holdsAll(sheet: PlainSheet, row: number, required: readonly string[]): number {
  const present = new Set(headersOfRow(sheet, row).map((h) => h.header));
  return required.filter((h) => present.has(h)).length;
}

/**
 * The header row and column map of a sheet. Problems: a missing required header (error), a
 * header row below row 10 (error, naming where it is), a duplicated known header (error), an
 * unknown header (warning; the column is ignored).
 */
export function findHeaderRow(
  file: string,
  sheetName: string,
  sheet: PlainSheet,
  spec: HeaderSpec,
): Checked<HeaderLayout> {
  const problems: Problem[] = [];
  const lastSearched = Math.min(HEADER_SEARCH_ROWS, sheet.rowCount);
  let headerRow = 0;
  let best = { row: 0, count: 0 };
  for (let row = 1; row <= lastSearched; row++) {
    const count = holdsAll(sheet, row, spec.required);
    if (count === spec.required.length) {
      headerRow = row;
      break;
    }
    if (count > best.count) best = { row, count };
  }

  if (headerRow === 0) {
    const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS + MISPLACED_SEARCH_ROWS);
    for (let row = HEADER_SEARCH_ROWS + 1; row <= last; row++) {
      if (holdsAll(sheet, row, spec.required) === spec.required.length) {
        problems.push(
          sheetProblem(
            file,
            sheetName,
            "E_HEADER_TOO_LOW",
            `${sheetName}!${cellAddress(row, 1)}：“${sheetName}”工作表的列标题在第 ${row} 行，应在前 ${HEADER_SEARCH_ROWS} 行之内。请删除标题行上方多余的行。`,
            { cell: cellAddress(row, 1) },
          ),
        );
        return { value: null, problems };
      }
    }
    const present = best.row === 0 ? new Set<string>() : new Set(headersOfRow(sheet, best.row).map((h) => h.header));
    const where = best.row === 0 ? `前 ${HEADER_SEARCH_ROWS} 行中` : `标题行（第 ${best.row} 行）中`;
    for (const header of spec.required) {
      if (present.has(header)) continue;
      problems.push(
        sheetProblem(
          file,
          sheetName,
          "E_MISSING_HEADER",
          `“${sheetName}”工作表${where}没有“${header}”列。请在标题行补上这一列，列标题须与模板一致。`,
          { header },
        ),
      );
    }
    return { value: null, problems };
  }

  const columns = new Map<string, number>();
  for (const { column, text, header } of headersOfRow(sheet, headerRow)) {
    const cell = cellAddress(headerRow, column);
    if (!spec.isKnown(header)) {
      const note = spec.unknownNote?.(header) ?? `不是“${sheetName}”工作表的列`;
      problems.push(
        sheetProblem(file, sheetName, "W_UNKNOWN_HEADER", `${sheetName}!${cell} 列标题“${text}”${note}，这一列不读取。`, { cell, value: text }),
      );
      continue;
    }
    const first = columns.get(header);
    if (first !== undefined) {
      problems.push(
        sheetProblem(
          file,
          sheetName,
          "E_DUPLICATE_HEADER",
          `${sheetName}!${cell} 列标题“${text}”与 ${cellAddress(headerRow, first)} 重复。请删除或改名其中一列，每个列标题只能出现一次。`,
          { cell, header, value: text },
        ),
      );
      continue;
    }
    columns.set(header, column);
  }
  return { value: { sheetName, sheet, headerRow, columns }, problems };
}

/** The data rows below the header row, skipping rows whose known columns are all blank (workbook.md). */
export function dataRows(layout: HeaderLayout): number[] {
  const rows: number[] = [];
  const columns = [...layout.columns.values()];
  for (let row = layout.headerRow + 1; row <= layout.sheet.rowCount; row++) {
    if (columns.some((column) => !isBlank(layout.sheet.cell(row, column)))) rows.push(row);
  }
  return rows;
}
