// Writes a workbook described as data (test/support/workbook-data.mjs) to .xlsx bytes with exceljs,
// the way Excel would store what a clerk typed: text, numbers, date cells, formulas with or
// without a cached result, error values, merged ranges. The same data always gives the same
// bytes (fixed document dates; zip entry times fixed by the project's fixZipTimestamps), so the
// committed fixtures can be checked against their generator.
//
// Plain JavaScript, so that fixtures/make.mjs can run it with node alone; it imports the compiled
// project (dist/), so run `npx tsc` first.

import ExcelJS from "exceljs";
import { fixZipTimestamps } from "../../dist/ooxml/fix-zip-timestamps.js";

const FIXED_DATE = new Date(Date.UTC(2026, 9, 9));

/** @param {string} iso */
function utcDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * One data cell → an exceljs value and number format (also bench/write-city.mjs's streaming writer).
 * @param {import("./workbook-data.mjs").CellData} data
 */
export function cellValue(data) {
  if (data === null || data === undefined) return { value: null };
  if (typeof data === "string" || typeof data === "number") return { value: data };
  if ("date" in data) return { value: utcDate(data.date), numFmt: "yyyy-mm-dd" };
  if ("error" in data) return { value: { error: data.error } };
  if ("formula" in data) {
    if (!("result" in data)) return { value: { formula: data.formula } };
    const result = typeof data.result === "object" && data.result !== null && "error" in data.result ? { error: data.result.error } : data.result;
    return { value: { formula: data.formula, result } };
  }
  throw new Error(`unknown cell data ${JSON.stringify(data)}`);
}

/**
 * @param {import("./workbook-data.mjs").SheetData[]} sheets
 * @returns {Promise<Buffer>}
 */
export async function writeWorkbook(sheets) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "assess fixtures";
  workbook.lastModifiedBy = "assess fixtures";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      (row ?? []).forEach((data, c) => {
        const { value, numFmt } = cellValue(data);
        if (value === null) return;
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      });
    });
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
    for (const [column, width] of Object.entries(sheet.widths ?? {})) worksheet.getColumn(Number(column)).width = width;
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(bytes));
}
