// Judges a file's bytes before any sheet is parsed (workbook.md "Files that cannot be read"):
// an empty file, an old .xls, a password-protected workbook, something that is not a zip, a
// cut-off download, or a zip bomb is refused with one problem naming the file and what to do.
// What passes is handed on as its parts, each inflated and checked here, so that the reader never
// inflates anything this guard has not measured. A part of a few MiB (every part of a unit's
// workbook) is handed on as the guard inflated it; a larger one (the 共性测评 of a city in one
// workbook inflates to 140 MB) is checked chunk by chunk, without keeping it, and inflated again
// when the reader reads it: holding every inflated part until the last sheet is parsed would add
// some 180 MB to the peak of a city in one workbook.

import { createInflateRaw, inflateRawSync } from "node:zlib";
import { type Checked, checked, refused } from "../domain/problem.js";
import {
  FLAG_ENCRYPTED,
  crc32,
  entryData,
  isDamage,
  readZipDirectory,
  type ZipEntry,
} from "../ooxml/zip-directory.js";
import { WORKBOOK_PART } from "../ooxml/read-xlsx-xml.js";

export interface OpenLimits {
  /** The most bytes all parts of the file may inflate to, together (workbook.md: 256 MiB). */
  maxInflatedBytes: number;
}

export type FileRefusalCode =
  | "E_FILE_UNREADABLE"
  | "E_FILE_EMPTY"
  | "E_FILE_XLS"
  | "E_FILE_ENCRYPTED"
  | "E_FILE_NOT_XLSX"
  | "E_FILE_CORRUPT"
  | "E_FILE_TOO_LARGE";

/** One problem about the whole file (sheet and cell empty). */
export function fileRefusal(code: FileRefusalCode, file: string, message: string): Checked<never> {
  return refused({ severity: "error", code, file, sheet: "", cell: "", header: "", value: "", message });
}

/** "256 MiB", as --max-size takes it; a limit under 1 MiB (only ever in tests) in bytes. */
function sizeText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib < 1) return `${bytes} 字节`;
  return `${Number.isInteger(mib) ? String(mib) : mib.toFixed(1)} MiB`;
}

export function tooLarge(file: string, limit: number, what: string): Checked<never> {
  return fileRefusal(
    "E_FILE_TOO_LARGE",
    file,
    `文件“${file}”${what}超过了上限（${sizeText(limit)}），不像一份考核工作簿，为安全起见不予读取。` +
      `请删除多余的工作表和图片后另存；确需读取时用 --max-size 提高上限。`,
  );
}

export function corrupt(file: string, detail: string): Checked<never> {
  return fileRefusal(
    "E_FILE_CORRUPT",
    file,
    `文件“${file}”已损坏或不完整（${detail}），不能读取。请重新下载，或用 Excel/WPS 打开后另存为 .xlsx。`,
  );
}

function notXlsx(file: string, what: string): Checked<never> {
  return fileRefusal(
    "E_FILE_NOT_XLSX",
    file,
    `文件“${file}”不是 .xlsx 工作簿（${what}）。请用 Excel 或 WPS 打开后另存为 .xlsx 工作簿。`,
  );
}

function encrypted(file: string): Checked<never> {
  return fileRefusal(
    "E_FILE_ENCRYPTED",
    file,
    `文件“${file}”设置了打开密码，不能读取。请在 Excel/WPS 中取消密码后另存为 .xlsx。`,
  );
}

/** Compound File Binary (OLE): the container of .xls, and of a password-protected .xlsx. */
/** A mebibyte: --max-size is given in MiB (workbook.md: 256 unless said). */
export const MIB = 1024 * 1024;

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office encrypts an .xlsx into a CFB holding a stream of this name (MS-OFFCRYPTO 2.3.4). */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
const ZIP_LOCAL_SIGNATURE = Buffer.from("PK\x03\x04", "latin1");
const ZIP_EMPTY_SIGNATURE = Buffer.from("PK\x05\x06", "latin1");
/** The reader gives every cell of a merged range its value, a slot each; this many per byte of limit. */
const MERGED_CELLS_PER_BYTE = 1 / 1024;

/** The most cells the merged ranges of a workbook may cover under `limits` (read-xlsx-xml.ts counts them). */
export function mergedCellLimit(limits: OpenLimits): number {
  return Math.floor(limits.maxInflatedBytes * MERGED_CELLS_PER_BYTE);
}

/** The refusal of a workbook whose merged ranges cover more than `limit` cells. */
export function mergesTooLarge(file: string, largest: string, limit: number): Checked<never> {
  return fileRefusal(
    "E_FILE_TOO_LARGE",
    file,
    `文件“${file}”中合并单元格的范围过大（最大的一处是 ${largest}，合计超过 ${limit} 个单元格），` +
      `为安全起见不予读取。请取消过大的合并后另存；确需读取时用 --max-size 提高上限。`,
  );
}
/** Parts up to this size are handed on inflated; larger ones are inflated again when read. */
const KEPT_PART_BYTES = 4 * 1024 * 1024;
const INFLATE_CHUNK = 1024 * 1024;
/** More parts than any workbook has: beyond this an archive is refused as too large. */
const MAX_PARTS = 0xffff;

const NO_WORKBOOK_PART = `压缩包中没有 ${WORKBOOK_PART}`;
const PACKAGE_RELATIONSHIPS = "_rels/.rels";

/** What a zip without a workbook part most likely is, for the message. */
function otherKind(entries: readonly ZipEntry[]): string {
  const has = (prefix: string): boolean => entries.some((e) => e.name.startsWith(prefix));
  if (has("word/")) return "是 Word 文档";
  if (has("ppt/")) return "是 PowerPoint 演示文稿";
  if (has("content.xml")) return "是 OpenDocument（.ods）等其他格式的文件";
  return NO_WORKBOOK_PART;
}

/** The refusal of a package whose main part is not a workbook (read-xlsx-xml.ts NotAWorkbook). */
export function notAWorkbook(file: string): Checked<never> {
  return notXlsx(file, "压缩包中没有 Excel 工作簿部件");
}

/**
 * Two entries whose names differ only in case (`xl/worksheets/sheet1.xml`, `xl/worksheets/Sheet1.xml`):
 * part names compare without case (ECMA-376 Part 2), so the package is invalid and which one a
 * program reads is chance. The first such pair, or null.
 */
function namesDifferingInCase(entries: readonly ZipEntry[]): [string, string] | null {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const key = entry.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined && other !== entry.name) return [other, entry.name];
    seen.set(key, entry.name);
  }
  return null;
}

function caseTwins(file: string, [first, second]: [string, string]): Checked<never> {
  return fileRefusal(
    "E_FILE_CORRUPT",
    file,
    `文件“${file}”内有两个名称只差大小写的部件（“${first}”和“${second}”），` +
      `不同的程序会读到不同的内容，无法确定哪一个是真正的数据，不能读取。请用 Excel 或 WPS 打开后另存为 .xlsx，再核对数据。`,
  );
}

/**
 * How many bytes a deflated part really inflates to, counting without keeping, and stopping
 * once past `limit`; "damaged" when the data is not valid deflate.
 */
function measureInflated(data: Buffer, limit: number): Promise<number | "damaged"> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 1024 * 1024 });
    let total = 0;
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on("error", () => resolve("damaged"));
    inflate.on("end", () => resolve(total));
    inflate.end(data);
  });
}

/**
 * What a deflated part inflates to, checked without keeping it: its CRC-32 and size, or
 * "overflow" once past `size` (the caller then measures how far), or "damaged".
 */
function checkInflated(data: Buffer, size: number): Promise<{ crc: number; length: number } | "overflow" | "damaged"> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    let length = 0;
    let crc = 0;
    inflate.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > size) {
        inflate.destroy();
        resolve("overflow");
        return;
      }
      crc = crc32(chunk, crc);
    });
    inflate.on("error", () => resolve("damaged"));
    inflate.on("end", () => resolve({ crc, length }));
    inflate.end(data);
  });
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
}

/**
 * The checked parts of a workbook by name in lower case (OPC part names compare without case; of
 * two equal names the later counts), each inflated when asked for: its size and checksum were
 * checked by the guard, so it inflates to exactly the bytes that were checked.
 */
export interface CheckedParts {
  get(name: string): Buffer | undefined;
  /** A part of more than 4 MiB, in chunks as it is inflated (read-xlsx-xml.ts); undefined for the others. */
  chunks(name: string): AsyncIterable<Buffer> | undefined;
}

/**
 * Checks the bytes of a file that should be an .xlsx. Returns the workbook's checked parts, or
 * null with the one problem that refuses it.
 */
export async function guardXlsxBytes(
  bytes: Buffer,
  file: string,
  limits: OpenLimits,
): Promise<Checked<CheckedParts>> {
  const limit = limits.maxInflatedBytes;
  if (bytes.length === 0) {
    return fileRefusal("E_FILE_EMPTY", file, `文件“${file}”是空文件（0 字节）。请重新保存或重新下载该工作簿后再试。`);
  }
  if (bytes.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) {
    if (bytes.includes(ENCRYPTION_INFO)) return encrypted(file);
    return fileRefusal(
      "E_FILE_XLS",
      file,
      `文件“${file}”是旧版 Excel 97-2003 格式（.xls）或 WPS 格式，不能读取。请用 Excel 或 WPS 另存为 .xlsx 工作簿。`,
    );
  }
  const head = bytes.subarray(0, 4);
  if (!head.equals(ZIP_LOCAL_SIGNATURE) && !head.equals(ZIP_EMPTY_SIGNATURE)) {
    return notXlsx(file, "文件内容不是 Excel 工作簿的格式，可能是改了扩展名的其他文件");
  }

  const directory = readZipDirectory(bytes);
  if (isDamage(directory)) return corrupt(file, directory.damage);
  const { entries } = directory;
  const twins = namesDifferingInCase(entries);
  if (twins) return caseTwins(file, twins);
  // The workbook part is where the package's relationships say (read-xlsx-xml.ts); without
  // xl/workbook.xml, a package that is a Word document or has no relationships is no workbook.
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has(WORKBOOK_PART) && (otherKind(entries) !== NO_WORKBOOK_PART || !names.has(PACKAGE_RELATIONSHIPS))) return notXlsx(file, otherKind(entries));
  if (entries.some((e) => (e.flags & FLAG_ENCRYPTED) !== 0)) return encrypted(file);
  const unknownMethod = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (unknownMethod) return corrupt(file, `部件 ${unknownMethod.name} 使用了不支持的压缩方式`);

  // First what the file declares: an honest bomb is refused without inflating a byte.
  const declared = entries.reduce((total, e) => total + e.size, 0);
  if (declared > limit || entries.length > MAX_PARTS) return tooLarge(file, limit, "解压后");

  const parts = new Map<string, () => Buffer>();
  const streamed = new Map<string, () => AsyncIterable<Buffer>>();
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (isDamage(data)) return corrupt(file, data.damage);
    const name = entry.name.toLowerCase();
    if (entry.method !== 0 && entry.size > KEPT_PART_BYTES) {
      // The same checks as below, in the same order, on the part as it streams past.
      const inflated = await checkInflated(data, entry.size);
      if (inflated === "damaged") return corrupt(file, `部件 ${entry.name} 的压缩数据损坏`);
      if (inflated === "overflow") {
        const budget = limit - (declared - entry.size);
        const real = await measureInflated(data, budget);
        if (real !== "damaged" && real > budget) return tooLarge(file, limit, "解压后");
        return corrupt(file, `部件 ${entry.name} 的大小与目录不符`);
      }
      if (inflated.length !== entry.size) return corrupt(file, `部件 ${entry.name} 的大小与目录不符`);
      if (inflated.crc !== entry.crc32) return corrupt(file, `部件 ${entry.name} 的校验和不符`);
      parts.set(name, () => inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }));
      streamed.set(name, () => createInflateRaw({ chunkSize: INFLATE_CHUNK }).end(data));
      continue;
    }
    let content: Buffer;
    if (entry.method === 0) {
      if (data.length !== entry.size) return corrupt(file, `部件 ${entry.name} 的大小与目录不符`);
      content = data;
    } else {
      // Then what it really holds: inflate no more than the declared size (+1 to notice a lie).
      let overflow = false;
      try {
        content = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
        overflow = content.length > entry.size;
      } catch (error) {
        if (!isBufferTooLarge(error)) return corrupt(file, `部件 ${entry.name} 的压缩数据损坏`);
        overflow = true;
        content = Buffer.alloc(0);
      }
      if (overflow) {
        // A part that inflates past its declared size is damaged, or a bomb that lies: measure
        // it, without keeping the bytes, only as far as the limit.
        const budget = limit - (declared - entry.size);
        const real = await measureInflated(data, budget);
        if (real !== "damaged" && real > budget) return tooLarge(file, limit, "解压后");
        return corrupt(file, `部件 ${entry.name} 的大小与目录不符`);
      }
      if (content.length !== entry.size) return corrupt(file, `部件 ${entry.name} 的大小与目录不符`);
    }
    if (crc32(content) !== entry.crc32) return corrupt(file, `部件 ${entry.name} 的校验和不符`);

    const checkedContent = content;
    parts.set(name, () => checkedContent);
  }
  return checked({ get: (name: string) => parts.get(name)?.(), chunks: (name: string) => streamed.get(name)?.() });
}
