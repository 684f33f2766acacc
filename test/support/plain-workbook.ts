// A PlainWorkbook built in memory from workbook data (workbook-data.mjs), as the reader would hand
// it over: merged ranges resolved to their top-left value, formulas by their cached result. Lets
// parser tests run without writing .xlsx files.

import { ArraySheet } from "../../src/ooxml/array-sheet.js";
import type { CellValue, PlainWorkbook } from "../../src/ooxml/plain.js";

export type CellData =
  | null
  | undefined
  | string
  | number
  | { date: string }
  | { error: string }
  | { formula: string; result?: number | string | { error: string } };

export interface SheetData {
  name: string;
  rows: CellData[][];
  merges?: string[];
}

export function plainCell(data: CellData): CellValue {
  if (data === null || data === undefined) return { kind: "blank" };
  if (typeof data === "string") return { kind: "text", text: data };
  if (typeof data === "number") return { kind: "number", value: data };
  if ("date" in data) return { kind: "date", iso: data.date };
  if ("error" in data) return { kind: "error", text: data.error };
  if (!("result" in data) || data.result === undefined) return { kind: "noResult", formula: data.formula };
  return plainCell(data.result);
}

function position(address: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const column = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

export function plainWorkbook(file: string, sheets: readonly SheetData[], sha256 = "0".repeat(64)): PlainWorkbook {
  return {
    file,
    sha256,
    sheets: sheets.map((data) => {
      const sheet = new ArraySheet(data.name);
      data.rows.forEach((row, r) => row.forEach((cell, c) => sheet.set(r + 1, c + 1, plainCell(cell))));
      for (const range of data.merges ?? []) {
        const [from = "", to = from] = range.split(":");
        const a = position(from);
        const b = position(to);
        const value = sheet.cell(a.row, a.column);
        for (let row = a.row; row <= b.row; row++) for (let column = a.column; column <= b.column; column++) sheet.set(row, column, value);
      }
      return sheet;
    }),
  };
}
