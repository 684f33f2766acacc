// A CSV file (a unit list or a roster, outputs.md `assess template`) as a PlainWorkbook with one
// sheet, named after the sheet it stands for (单位 or 人员), so that the same sheet parser reads
// CSV and .xlsx alike. Clerks save CSV from Excel or WPS in UTF-8 (often with a BOM) or in the
// Windows Chinese code page (GBK), and never know which: the encoding is found from the bytes.

import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { type Checked, checked } from "../domain/problem.js";
import { ArraySheet } from "../ooxml/array-sheet.js";
import { fileRefusal, type OpenLimits } from "./open-guard.js";
import type { PlainWorkbook } from "../ooxml/plain.js";
import { readBytes, refusedBy } from "./read-xlsx.js";

export type CsvEncoding = "utf-8-bom" | "utf-8" | "gb18030";

export type CsvReadResult = Checked<{ workbook: PlainWorkbook; encoding: CsvEncoding }>;

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The text of the bytes and the encoding it was found in: UTF-8 with a BOM, valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312, which is what "CSV" means in a Chinese Excel).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    // fatal: Chinese text in GBK is almost never valid UTF-8, so the first bad sequence tells them apart
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** Records as a sheet; record i is Excel's row i + 1, as Excel shows the file when it opens it. */
function sheetOf(name: string, records: readonly (readonly string[])[]): ArraySheet {
  const sheet = new ArraySheet(name);
  records.forEach((record, index) => {
    record.forEach((text, column) => {
      // every CSV value is text; the sheet parser reads numbers and dates out of text
      if (text !== "") sheet.set(index + 1, column + 1, { kind: "text", text });
    });
  });
  return sheet;
}

/** CSV bytes as a one-sheet workbook named `sheetName`. `file` is the name shown to the clerk. */
export function csvToWorkbook(bytes: Uint8Array, sheetName: string, file: string): CsvReadResult {
  if (bytes.length === 0) {
    return fileRefusal("E_FILE_EMPTY", file, `文件“${file}”是空文件（0 字节）。请重新导出或另存后再试。`);
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      // Excel writes a stray quote inside an unquoted field as it is; read it as text
      relax_quotes: true,
      // keep empty lines so that row numbers are the ones the clerk sees in Excel
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = typeof line === "number" ? `第 ${line} 行附近` : "";
    return fileRefusal(
      "E_FILE_CORRUPT",
      file,
      `文件“${file}”不是可读的 CSV 文件（${where}有引号没有配对）。请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV 再试。`,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return checked({ encoding, workbook: { file, sha256, sheets: [sheetOf(sheetName, records)] } });
}

/** Reads a CSV file; `file` is the name shown to the clerk (as given on the command line). */
export async function readCsvFile(path: string, sheetName: string, file: string, limits: OpenLimits): Promise<CsvReadResult> {
  const read = await readBytes(path, file, limits);
  if (read.value === null) return refusedBy(read);
  return csvToWorkbook(read.value, sheetName, file);
}
