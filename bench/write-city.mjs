// Writes the benchmark's city (bench/city.mjs) to disk: a folder of unit workbooks, written by
// the fixtures' writer (test/support/write-workbook.mjs) in worker threads, and the same units as
// one workbook, written by exceljs's streaming writer (a city does not fit its normal writer).
//
// Plain JavaScript: bench/run.js runs with node alone, after `tsc` (the fixtures' writer imports
// dist/).

import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import ExcelJS from "exceljs";
import { cellValue, writeWorkbook } from "../test/support/write-workbook.mjs";
import { cityWorkbookSheets, unitCode, unitWorkbook } from "./city.mjs";

/** The file of unit `index` in a city folder: `C0001.xlsx`, so the folder sorts in unit order. */
function unitFileName(index) {
  return `${unitCode(index)}.xlsx`;
}

/**
 * Writes units `[0, units)` of the city into `dir`, `jobs` worker threads sharing the work.
 * @param {string} dir @param {number} units @param {number} seed @param {number} [jobs]
 */
export async function writeCityFolder(dir, units, seed, jobs = Math.min(2, availableParallelism())) {
  await mkdir(dir, { recursive: true });
  const workers = Array.from({ length: jobs }, (_, worker) =>
    new Promise((resolve, reject) => {
      const thread = new Worker(new URL(import.meta.url), { workerData: { dir, units, seed, worker, jobs } });
      thread.on("error", reject);
      thread.on("exit", (code) => (code === 0 ? resolve(undefined) : reject(new Error(`city writer stopped with code ${code}`))));
    }),
  );
  await Promise.all(workers);
}

/** A cell as the streaming writer takes it, as write-workbook.mjs writes the same data. */
function streamCell(cell, data) {
  const { value, numFmt } = cellValue(data);
  if (value === null) return;
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
}

/**
 * Writes every unit of the city into one workbook, sheet by sheet, row by row.
 * @param {string} file @param {number} units @param {number} seed
 */
export async function writeCityWorkbook(file, units, seed) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const sheet of cityWorkbookSheets(units, seed)) {
    const worksheet = workbook.addWorksheet(sheet.name);
    const add = (values) => {
      const row = worksheet.addRow([]);
      values.forEach((data, c) => streamCell(row.getCell(c + 1), data));
      row.commit();
    };
    if (sheet.header) add(sheet.header);
    for (const values of sheet.rows()) add(values);
    worksheet.commit();
  }
  await workbook.commit();
}

if (!isMainThread && parentPort) {
  const { dir, units, seed, worker, jobs } = workerData;
  for (let index = worker; index < units; index += jobs) {
    await writeFile(join(dir, unitFileName(index)), await writeWorkbook(unitWorkbook(index, seed)));
  }
}
