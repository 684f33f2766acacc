// A workbook as plain cells: what src/ooxml hands to the rest of the program, so that only
// src/ooxml knows the file formats (read-xlsx-xml.ts reads an .xlsx's XML itself; exceljs only
// writes the template). Merged ranges are already resolved (workbook.md: a merged range gives its
// top-left value to every cell in it).

export type CellValue =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  /** An Excel date cell, as an ISO date `2026-10-09` (time of day dropped). */
  | { kind: "date"; iso: string }
  /**
   * A number shown as a time of day (`13:20:01`) or a duration (`[h]:mm`, `25:30:00`): not a date
   * and not a plain number, as the clerk sees it in the cell.
   */
  | { kind: "time"; text: string }
  /** An error value typed in or cached as a formula's result: `#REF!`, `#DIV/0!`, `#N/A`, ... */
  | { kind: "error"; text: string }
  /** A formula whose cached result is missing (a file written by a program, never recalculated). */
  | { kind: "noResult"; formula: string };

/** The one blank value: a cell with nothing in it. */
export const BLANK: CellValue = { kind: "blank" };

export interface PlainSheet {
  /** The sheet's name as written in the file (not trimmed). */
  name: string;
  /** The last row number holding anything (1-based, as Excel numbers rows); 0 when empty. */
  rowCount: number;
  /** The last column number holding anything (1-based); 0 when empty. */
  columnCount: number;
  /** The value at a 1-based row and column; blank outside the used range. */
  cell(row: number, column: number): CellValue;
}

export interface PlainWorkbook {
  /** The file as the clerk named it. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  sheets: PlainSheet[];
}

/** `C` from column 3, `AA` from 27. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `C7` from row 7, column 3. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
