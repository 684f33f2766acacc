// The floors bench/run.js compares against: exceljs loading the same workbooks, one after
// another, and nothing else (no checks, no grading, no outputs). A workbook is dropped before the
// next is loaded, as the tool's reader does.
//
// node bench/exceljs-load.mjs PATH [--stream]   (PATH: a workbook, or a folder of them)
//
// Without --stream, exceljs's normal reader (`workbook.xlsx.readFile`), which the tool used
// first. With --stream, its streaming reader (`stream.xlsx.WorkbookReader`), rows counted as they
// come: issue 5 asks for it to be measured where the normal reader is the bottleneck. It could not
// serve the tool as it is: its sheet reader skips `mergeCell` (exceljs 4.4,
// lib/stream/xlsx/worksheet-reader.js), and workbook.md gives a merged range's value to every
// cell of it.

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";

const [given, flag] = process.argv.slice(2);
if (!given || (flag !== undefined && flag !== "--stream")) throw new Error("usage: node bench/exceljs-load.mjs PATH [--stream]");
const files = (await stat(given)).isDirectory()
  ? (await readdir(given)).filter((name) => name.endsWith(".xlsx")).sort().map((name) => join(given, name))
  : [given];
let rows = 0;
// Files the streaming reader threw on. It does so now and then on valid workbooks whose sheets come
// before xl/workbook.xml in the archive, as exceljs writes them ("Cannot read properties of
// undefined (reading 'sheets')", exceljs issue 962): counted and printed, not fatal.
let failed = 0;
for (const file of files) {
  if (flag === "--stream") {
    try {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
      for await (const worksheet of reader) for await (const row of worksheet) if (row) rows += 1;
    } catch {
      failed += 1;
    }
  } else {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of workbook.worksheets) rows += sheet.actualRowCount;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, rows, failed })}\n`);
