// The floor bench/run.js compares against: exceljs's normal reader loading the same workbooks,
// one after another, and nothing else (no checks, no grading, no outputs). A workbook is dropped
// before the next is loaded, as the tool's reader did.
//
// node bench/exceljs-load.mjs PATH   (a workbook, or a folder of them)

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";

const [given] = process.argv.slice(2);
if (!given) throw new Error("usage: node bench/exceljs-load.mjs PATH");
const files = (await stat(given)).isDirectory()
  ? (await readdir(given)).filter((name) => name.endsWith(".xlsx")).sort().map((name) => join(given, name))
  : [given];
let rows = 0;
for (const file of files) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  for (const sheet of workbook.worksheets) rows += sheet.actualRowCount;
}
process.stdout.write(`${JSON.stringify({ files: files.length, rows })}\n`);
