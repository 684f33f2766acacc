// The table of contents of a zip archive (an .xlsx is one), read straight from its bytes, so that
// a file can be judged from what it declares before anything is inflated (workbook.md "Files
// that cannot be read"). Follows the layout of PKWARE's APPNOTE: end-of-central-directory record
// at the end, central directory before it, one local header before each entry's data.

import * as zlib from "node:zlib";

export const EOCD_SIGNATURE = 0x06054b50;
export const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const CENTRAL_HEADER_SIZE = 46;
export const LOCAL_SIGNATURE = 0x04034b50;
export const LOCAL_HEADER_SIZE = 30;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  /** The name as text, without the leading "/" some writers add: a part name as relationships resolve to it. */
  name: string;
  flags: number;
  /** 0 stored, 8 deflated; an .xlsx uses nothing else. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** The size the entry declares once inflated. Declared only: a crafted file can lie. */
  size: number;
  localHeaderOffset: number;
  /** Where the entry's own header in the central directory starts. */
  centralHeaderOffset: number;
}

/** Why the archive cannot be read, in Chinese, for the clerk's message. */
export interface ZipDamage {
  damage: string;
}

export function isDamage<T extends object>(value: T | ZipDamage): value is ZipDamage {
  return "damage" in value;
}

/** Flag bit 0: the entry is encrypted with a zip password (never an Office workbook's way). */
export const FLAG_ENCRYPTED = 0x0001;
/** Flag bit 11: the name is UTF-8. */
export const FLAG_UTF8 = 0x0800;

function findEndRecord(bytes: Buffer): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

interface DirectoryPlace {
  count: number;
  offset: number;
  size: number;
}

function readZip64Place(bytes: Buffer, endAt: number): DirectoryPlace | ZipDamage {
  const locatorAt = endAt - ZIP64_LOCATOR_SIZE;
  if (locatorAt < 0 || bytes.readUInt32LE(locatorAt) !== ZIP64_LOCATOR_SIGNATURE) {
    return { damage: "压缩包目录的 ZIP64 记录缺失" };
  }
  const recordAt = safeNumber(bytes.readBigUInt64LE(locatorAt + 8));
  if (recordAt + 56 > locatorAt || bytes.readUInt32LE(recordAt) !== ZIP64_EOCD_SIGNATURE) {
    return { damage: "压缩包目录的 ZIP64 记录损坏" };
  }
  return {
    count: safeNumber(bytes.readBigUInt64LE(recordAt + 32)),
    size: safeNumber(bytes.readBigUInt64LE(recordAt + 40)),
    offset: safeNumber(bytes.readBigUInt64LE(recordAt + 48)),
  };
}

/** Sizes and offset that do not fit 32 bits are in the ZIP64 extra field, in this order. */
function applyZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const end = Math.min(extra.length, field + length);
      const next = (): number | undefined => {
        if (field + 8 > end) return undefined;
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + length;
  }
}

/**
 * The entries of the archive's central directory, or what is wrong with it. Reads only the
 * directory: nothing is inflated.
 */
export function readZipDirectory(bytes: Buffer): { entries: ZipEntry[] } | ZipDamage {
  if (bytes.length < EOCD_SIZE) return { damage: "文件过短" };
  const endAt = findEndRecord(bytes);
  if (endAt < 0) return { damage: "找不到压缩包目录，文件可能只下载了一部分" };
  if (bytes.readUInt16LE(endAt + 4) !== 0 || bytes.readUInt16LE(endAt + 6) !== 0) {
    return { damage: "这是分卷压缩包的一部分" };
  }
  let place: DirectoryPlace = {
    count: bytes.readUInt16LE(endAt + 10),
    size: bytes.readUInt32LE(endAt + 12),
    offset: bytes.readUInt32LE(endAt + 16),
  };
  if (place.count === 0xffff || place.size === 0xffffffff || place.offset === 0xffffffff) {
    const zip64 = readZip64Place(bytes, endAt);
    if (isDamage(zip64)) return zip64;
    place = zip64;
  }
  if (place.offset + place.size > bytes.length) return { damage: "压缩包目录超出了文件末尾，文件可能只下载了一部分" };

  const entries: ZipEntry[] = [];
  let at = place.offset;
  for (let index = 0; index < place.count; index++) {
    if (at + CENTRAL_HEADER_SIZE > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      return { damage: "压缩包目录损坏" };
    }
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameAt = at + CENTRAL_HEADER_SIZE;
    const next = nameAt + nameLength + extraLength + commentLength;
    if (next > bytes.length) return { damage: "压缩包目录损坏" };
    const name = bytes.toString((flags & FLAG_UTF8) !== 0 ? "utf8" : "latin1", nameAt, nameAt + nameLength).replace(/^\//, "");
    const entry: ZipEntry = {
      name,
      flags,
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      centralHeaderOffset: at,
    };
    applyZip64Extra(bytes.subarray(nameAt + nameLength, nameAt + nameLength + extraLength), entry);
    entries.push(entry);
    at = next;
  }
  return { entries };
}

/** The entry's compressed bytes, found through its local header. */
export function entryData(bytes: Buffer, entry: ZipEntry): Buffer | ZipDamage {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    return { damage: `部件 ${entry.name} 的位置不对` };
  }
  const start = at + LOCAL_HEADER_SIZE + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { damage: `部件 ${entry.name} 超出了文件末尾，文件可能只下载了一部分` };
  return bytes.subarray(start, end);
}

/**
 * Every part of a zip, in order, inflated: for packages the tool wrote or trusts (a template
 * exceljs wrote, the outputs the bench measures). Nothing limits what a part inflates to, so a
 * clerk's workbook is opened through read/open-guard.ts instead.
 */
export function inflatedParts(zip: Buffer): { name: string; data: Buffer }[] | ZipDamage {
  const directory = readZipDirectory(zip);
  if (isDamage(directory)) return directory;
  const parts: { name: string; data: Buffer }[] = [];
  for (const entry of directory.entries) {
    const raw = entryData(zip, entry);
    if (isDamage(raw)) return raw;
    parts.push({ name: entry.name, data: entry.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw) });
  }
  return parts;
}

let crcTable: Uint32Array | undefined;

/**
 * CRC-32 as zip uses it; Node's own from 20.15 on, a table for older Node 20 releases. `previous`
 * is the CRC of the bytes before `data`, so that a part can be checked chunk by chunk.
 */
export function crc32(data: Buffer, previous = 0): number {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data, previous);
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
