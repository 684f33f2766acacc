// A PlainSheet kept as rows of arrays: the reader fills it once and the parser reads it many
// times, so a cell costs one array slot, not an object with its own address (1,000 workbooks a
// run, outputs.md "Per run"). Also fit for any other source of plain cells (a .csv roster).

import { BLANK, type CellValue, type PlainSheet } from "./plain.js";


export class ArraySheet implements PlainSheet {
  rowCount = 0;
  columnCount = 0;
  /** rows[row - 1][column - 1]; holes are blank. */
  private readonly rows: (CellValue[] | undefined)[] = [];

  constructor(readonly name: string) {}

  /**
   * Sets a cell (1-based). A blank is not stored: it empties the cell (read-xlsx-xml.ts: a stray
   * value under a merged range whose top-left is blank) and does not widen the used range.
   */
  set(row: number, column: number, value: CellValue): void {
    if (row < 1 || column < 1) return;
    let cells = this.rows[row - 1];
    if (value.kind === "blank") {
      if (cells !== undefined) delete cells[column - 1];
      return;
    }
    if (cells === undefined) {
      cells = [];
      this.rows[row - 1] = cells;
    }
    cells[column - 1] = value;
    if (row > this.rowCount) this.rowCount = row;
    if (column > this.columnCount) this.columnCount = column;
  }

  /**
   * Gives a row that is complete no more room than its cells take: an array grown cell by cell has
   * room for 17 (a city's 共性测评 has 388,000 rows of 9 cells). It may still be set afterwards.
   */
  fitRow(row: number): void {
    const cells = this.rows[row - 1];
    if (cells !== undefined) this.rows[row - 1] = cells.slice();
  }

  cell(row: number, column: number): CellValue {
    return this.rows[row - 1]?.[column - 1] ?? BLANK;
  }
}
