// Reads one .xlsx file into plain sheets (src/workbook/plain.ts): guard the bytes (open-guard.ts),
// load the checked parts with exceljs, and turn every worksheet's cells into plain values, with
// merged ranges resolved. A file that cannot be read is one problem, never an exception.

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Problem } from "../domain/problem.js";
import { ArraySheet } from "./array-sheet.js";
import { corrupt, fileRefusal, guardXlsxBytes, tooLarge, type OpenLimits } from "./open-guard.js";
import type { CellValue, PlainSheet, PlainWorkbook } from "./plain.js";

/**
 * Worksheet parts exceljs need not parse to give cell values. Data validations and conditional
 * formats are expanded by exceljs into one entry per cell (a rule over a whole column is a
 * million), and hyperlinks are read as their text anyway.
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst", "hyperlinks"];

const BLANK: CellValue = { kind: "blank" };

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** exceljs gives a date cell as a Date at that day's UTC midnight (plus the time of day). */
function dateValue(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return { kind: "error", text: "#####" }; // Excel's own display of an impossible date
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return { kind: "date", iso: `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}` };
}

function richTextOf(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text ?? "").join("");
}

/** One cell's value as exceljs holds it → a plain value. `formula` names the formula when needed. */
export function plainValue(value: ExcelJS.CellValue | undefined, formula: () => string): CellValue {
  if (value === null || value === undefined) return BLANK;
  switch (typeof value) {
    case "number":
      return { kind: "number", value };
    case "string":
      return { kind: "text", text: value };
    case "boolean":
      return { kind: "boolean", value };
    default:
      break;
  }
  if (value instanceof Date) return dateValue(value);
  if ("error" in value) return { kind: "error", text: String(value.error) };
  if ("richText" in value) return { kind: "text", text: richTextOf(value) };
  if ("formula" in value || "sharedFormula" in value) {
    // A formula counts by its cached result; a file never recalculated has none (plain.ts).
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) return { kind: "noResult", formula: formula() };
    return plainValue(result, formula);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === "string") return { kind: "text", text };
    if (text !== null && typeof text === "object" && "richText" in text) {
      return { kind: "text", text: richTextOf(text as { richText: { text: string }[] }) };
    }
  }
  return { kind: "text", text: JSON.stringify(value) };
}

function plainSheet(worksheet: ExcelJS.Worksheet): PlainSheet {
  const sheet = new ArraySheet(worksheet.name);
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A cell inside a merged range reads as the range's top-left cell (plain.ts, workbook.md).
      const source = cell.master;
      sheet.set(rowNumber, columnNumber, plainValue(source.value, () => source.formula ?? ""));
    });
  });
  return sheet;
}

/**
 * A file's bytes, or the one problem why they cannot be had: missing, a folder, no permission,
 * locked, or larger than the limit (then not even read, so memory stays bounded). read-csv.ts
 * reads its bytes here too.
 */
export async function readBytes(path: string, file: string, limits: OpenLimits): Promise<{ bytes: Buffer } | { problem: Problem }> {
  try {
    // A file larger than the inflated limit cannot be a workbook within it: not even read.
    const size = (await stat(path)).size;
    if (size > limits.maxInflatedBytes) return tooLarge(file, limits.maxInflatedBytes, "本身");
    return { bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const why =
      code === "ENOENT"
        ? "找不到该文件"
        : code === "EISDIR"
          ? "这是一个文件夹"
          : code === "EACCES" || code === "EPERM"
            ? "没有读取权限"
            : code === "EBUSY"
              ? "文件正被其他程序占用"
              : `读取出错 ${code}`.trim();
    return fileRefusal(
      "E_FILE_UNREADABLE",
      file,
      `文件“${file}”无法读取（${why}）。请确认文件存在、已在 Excel/WPS 中关闭，并有读取权限。`,
    );
  }
}

/**
 * Reads an .xlsx file. `displayName` is the file as the clerk named it, used in problems and in
 * the result. Either every worksheet as plain cells, or the one problem that refuses the file.
 */
export async function readWorkbookFile(
  path: string,
  displayName: string,
  options: OpenLimits,
): Promise<{ workbook: PlainWorkbook } | { problem: Problem }> {
  const read = await readBytes(path, displayName, options);
  if ("problem" in read) return read;
  const guarded = await guardXlsxBytes(read.bytes, displayName, options);
  if ("problem" in guarded) return guarded;
  const sha256 = createHash("sha256").update(read.bytes).digest("hex");

  let loaded: ExcelJS.Workbook;
  try {
    loaded = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    await loaded.xlsx.load(guarded.zip as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    // Whatever exceljs cannot make sense of is, for the clerk, a damaged file (never a stack trace).
    return corrupt(displayName, "工作簿内部结构有误");
  }
  let sheets: PlainSheet[];
  try {
    sheets = loaded.worksheets.map(plainSheet);
  } catch {
    return corrupt(displayName, "工作表内容有误");
  }
  return { workbook: { file: displayName, sha256, sheets } };
}
