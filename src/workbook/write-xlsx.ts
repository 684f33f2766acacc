// The only exceljs writer of outputs (outputs.md "Per unit", "Per run", "Safety of files"). The
// pipeline describes sheets as plain data (titles, header, rows of typed cells, widths, fills);
// this file turns a description into .xlsx bytes. The same description gives the same bytes:
// creator and dates are fixed and the zip entries carry no clock time.

import ExcelJS from "exceljs";
import type { Exact } from "../domain/exact.js";
import { toNumber } from "../domain/exact.js";
import { FIXED_AUTHOR, FIXED_DATE, fixZipTimestamps } from "./fix-zip-timestamps.js";

/** One cell of an output sheet. Numbers are already exact-rounded by the caller's `decimal`. */
export type SheetCell =
  | { kind: "blank" }
  | { kind: "text"; text: string }
  /** Shown with two decimals (`0.00`). */
  | { kind: "decimal"; value: number }
  | { kind: "integer"; value: number }
  /** A share (0.4 = 40%), shown as `0.00%`. */
  | { kind: "percent"; value: number };

export interface SheetRow {
  cells: SheetCell[];
  /** Background colour of the whole row, `RRGGBB`. */
  fill?: string;
  /** A sub-heading inside a sheet (e.g. the department table under 汇总). */
  bold?: boolean;
}

export interface SheetColumn {
  header: string;
  /** Width in characters (a Chinese character counts about 2). */
  width: number;
}

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (Excel's limits). */
  name: string;
  /** Title rows above the header; the first is the heading and gets （草稿） in a draft. */
  titles: string[];
  columns: SheetColumn[];
  rows: SheetRow[];
  orientation: "landscape" | "portrait";
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** A draft workbook (a 待定 person, rules.md §5) says （草稿） in every sheet's title. */
  draft: boolean;
}

export const DRAFT_MARK = "（草稿）";
/** The author and date every output carries instead of the clock (also used by the template writer). */
export { FIXED_AUTHOR, FIXED_DATE };

const BLANK: SheetCell = { kind: "blank" };

export function textCell(text: string | null | undefined): SheetCell {
  return text === null || text === undefined || text === "" ? BLANK : { kind: "text", text };
}

/** A score: rounded half up to 2 decimals exactly (rules.md "Arithmetic"), shown as 0.00. */
export function decimalCell(value: Exact | null | undefined): SheetCell {
  return value ? { kind: "decimal", value: toNumber(value, 2) } : BLANK;
}

export function integerCell(value: number | null | undefined): SheetCell {
  if (value === null || value === undefined) return BLANK;
  if (!Number.isInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return { kind: "integer", value };
}

/** A share, rounded half up to 0.01 % (4 decimals of the fraction). */
export function percentCell(value: Exact | null | undefined): SheetCell {
  return value ? { kind: "percent", value: toNumber(value, 4) } : BLANK;
}

const NUMBER_FORMAT: Record<"decimal" | "integer" | "percent", string> = {
  decimal: "0.00",
  integer: "0",
  percent: "0.00%",
};

const BODY_FONT = "宋体";
const TITLE_FONT = "黑体";
const HEADER_FILL = "FFD9D9D9";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Characters that XML 1.0 cannot hold; a cell with one would make the file unreadable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Width of text in column-width units: a Chinese (full-width) character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return width;
}

/**
 * Lines a wrapped cell needs. Excel and LibreOffice do not grow a row for wrapped text written
 * by a program, so each row is given the height of its tallest cell.
 */
export function linesNeeded(text: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 1);
  return text.split("\n").reduce((lines, line) => lines + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

const LINE_HEIGHT = 15;

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new Error(`sheet name Excel cannot hold: ${JSON.stringify(name)}`);
  }
}

function setCell(cell: ExcelJS.Cell, value: SheetCell): void {
  switch (value.kind) {
    case "blank":
      return;
    case "text":
      // A plain string is written as a shared string, i.e. text: `=1+1` or `@SUM(A1)` stays
      // visible text and never becomes a formula (outputs.md "Safety of files").
      cell.value = value.text.replace(XML_INVALID, "");
      return;
    case "decimal":
    case "integer":
    case "percent":
      if (!Number.isFinite(value.value)) throw new RangeError(`not a finite number: ${value.value}`);
      cell.value = value.value;
      cell.numFmt = NUMBER_FORMAT[value.kind];
      return;
  }
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, draft: boolean): void {
  checkSheetName(spec.name);
  const width = Math.max(1, spec.columns.length);
  const titleRows = spec.titles.length > 0 ? [...spec.titles] : draft ? [""] : [];
  if (draft && titleRows.length > 0) titleRows[0] = `${titleRows[0]}${DRAFT_MARK}`;
  const headerRow = titleRows.length + 1;

  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // The header row is printed again on every page (outputs.md 结果).
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", evenFooter: "&C第 &P 页，共 &N 页" },
  });
  spec.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });

  titleRows.forEach((title, i) => {
    const row = sheet.getRow(i + 1);
    const cell = row.getCell(1);
    setCell(cell, textCell(title));
    cell.font = i === 0 ? { name: TITLE_FONT, size: 14, bold: true } : { name: BODY_FONT, size: 11 };
    cell.alignment = { horizontal: i === 0 ? "center" : "left", vertical: "middle", wrapText: true };
    row.height = i === 0 ? 28 : 20;
    if (width > 1) sheet.mergeCells(i + 1, 1, i + 1, width);
  });

  const header = sheet.getRow(headerRow);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    setCell(cell, textCell(column.header));
    cell.font = { name: BODY_FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
  });
  const headerLines = Math.max(1, ...spec.columns.map((column) => linesNeeded(column.header, column.width)));
  if (headerLines > 1) header.height = headerLines * LINE_HEIGHT + 3;

  spec.rows.forEach((rowSpec, r) => {
    if (rowSpec.cells.length > width) throw new Error(`row ${r + 1} of ${spec.name} has more cells than columns`);
    const row = sheet.getRow(headerRow + 1 + r);
    let lines = 1;
    for (let c = 0; c < width; c++) {
      const value = rowSpec.cells[c] ?? BLANK;
      const cell = row.getCell(c + 1);
      setCell(cell, value);
      cell.font = { name: BODY_FONT, size: 11, bold: rowSpec.bold === true };
      cell.alignment = {
        horizontal: value.kind === "text" || value.kind === "blank" ? "left" : "right",
        vertical: "middle",
        wrapText: true,
      };
      cell.border = BORDER;
      if (rowSpec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rowSpec.fill}` } };
      if (value.kind === "text") lines = Math.max(lines, linesNeeded(value.text, spec.columns[c]?.width ?? 10));
    }
    if (lines > 1) row.height = lines * LINE_HEIGHT + 3;
  });
}

/** The .xlsx bytes of `spec`; the same spec always gives the same bytes. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = FIXED_AUTHOR;
  workbook.lastModifiedBy = FIXED_AUTHOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of spec.sheets) addSheet(workbook, sheet, spec.draft);
  const bytes = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(bytes as ArrayBuffer));
}
