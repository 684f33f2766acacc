// Every written value of a result workbook's sheets, row by row, as plain JSON: what a clerk sees
// in the cells. Used to compare outputs with a golden file (test/e2e/months-unchanged.test.ts).
// Plain JavaScript so that a golden file can be made with node alone from any build.

import ExcelJS from "exceljs";

/** @param {unknown} value */
function plain(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * `{ sheet: [[rowNumber, ...values], ...] }` for every sheet of an .xlsx, rows that hold nothing left out.
 * @param {Buffer} bytes
 * @returns {Promise<Record<string, unknown[][]>>}
 */
export async function sheetValues(bytes) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  /** @type {Record<string, unknown[][]>} */
  const sheets = {};
  for (const worksheet of workbook.worksheets) {
    /** @type {unknown[][]} */
    const rows = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = /** @type {unknown[]} */ (row.values);
      rows.push([number, ...Array.from(values.slice(1), plain)]);
    });
    sheets[worksheet.name] = rows;
  }
  return sheets;
}
