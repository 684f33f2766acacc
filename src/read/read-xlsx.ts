// Reads one .xlsx file into plain sheets (src/ooxml/plain.ts): guard the bytes (open-guard.ts),
// then read the checked parts' XML straight into plain values, with merged ranges resolved
// (read-xlsx-xml.ts). A file that cannot be read is one problem, never an exception.
//
// exceljs's reader did the second step until a city's quarter end (1,000 workbooks) showed it to
// be most of the run's time and memory: it builds a model of every style, row and cell. Its
// cases are kept as the tests of this reader (test/read/read-xlsx.test.ts).

import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { type Checked, checked, refused } from "../domain/problem.js";
import { corrupt, fileRefusal, guardXlsxBytes, mergedCellLimit, mergesTooLarge, notAWorkbook, tooLarge, type OpenLimits } from "./open-guard.js";
import type { PlainSheet, PlainWorkbook } from "../ooxml/plain.js";
import { MergesTooLarge, NotAWorkbook, readXlsxSheets, SheetDamage } from "../ooxml/read-xlsx-xml.js";
import { XmlDamage } from "../ooxml/xml-scanner.js";

/** A refusal passed on: the one problem that refused the file. */
export function refusedBy(refusal: Checked<unknown>): Checked<never> {
  const [problem] = refusal.problems;
  if (problem === undefined) throw new Error("a refusal without its problem");
  return refused(problem);
}

/**
 * A file's bytes, or the one problem why they cannot be had: missing, a folder, no permission,
 * locked, or larger than the limit (then not even read, so memory stays bounded). read-csv.ts
 * reads its bytes here too.
 */
export async function readBytes(path: string, file: string, limits: OpenLimits): Promise<Checked<Buffer>> {
  try {
    // One opening of the file for its size and its bytes (a city folder has a thousand files),
    // read at once: fs/promises' FileHandle cost some 0.3 ms of CPU a file, a quarter second of
    // a city's run, for files of some 30 KB read from the page cache in a few microseconds. A
    // file's bytes come whole before it is parsed either way.
    const handle = openSync(path, "r");
    try {
      // A file larger than the inflated limit cannot be a workbook within it: not even read.
      const size = fstatSync(handle).size;
      if (size > limits.maxInflatedBytes) return tooLarge(file, limits.maxInflatedBytes, "本身");
      return checked(readFileSync(handle));
    } finally {
      closeSync(handle);
    }
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
 * the result. Either every worksheet as plain cells (or those whose name `options.sheets` takes),
 * or null with the one problem that refuses the file.
 */
export async function readWorkbookFile(
  path: string,
  displayName: string,
  options: OpenLimits & { sheets?: (sheetName: string) => boolean },
): Promise<Checked<PlainWorkbook>> {
  const read = await readBytes(path, displayName, options);
  if (read.value === null) return refusedBy(read);
  return readWorkbookBytes(read.value, displayName, options);
}

/** `readWorkbookFile` of a file's bytes already read (`readBytes`). */
export async function readWorkbookBytes(
  bytes: Buffer,
  displayName: string,
  options: OpenLimits & { sheets?: (sheetName: string) => boolean },
): Promise<Checked<PlainWorkbook>> {
  const guarded = await guardXlsxBytes(bytes, displayName, options);
  if (guarded.value === null) return refusedBy(guarded);
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  let sheets: PlainSheet[];
  try {
    sheets = await readXlsxSheets(guarded.value, mergedCellLimit(options), options.sheets);
  } catch (error) {
    if (error instanceof MergesTooLarge) return mergesTooLarge(displayName, error.largest, error.limit);
    // Whatever cannot be made sense of is, for the clerk, a damaged file (never a stack trace).
    if (error instanceof NotAWorkbook) return notAWorkbook(displayName);
    if (error instanceof SheetDamage) return corrupt(displayName, `工作表“${error.sheet}”内容有误`);
    if (error instanceof XmlDamage) return corrupt(displayName, "工作簿内部结构有误");
    throw error;
  }
  return checked({ file: displayName, sha256, sheets });
}
