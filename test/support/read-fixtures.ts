// Files for the reader's tests, made on the fly in os.tmpdir(): workbooks written by exceljs,
// zips assembled by hand (to cut, corrupt, lie about sizes or use ZIP64), and deflated zeros
// for zip bombs (300 MiB of zeros deflate to about 300 KiB).

import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDeflateRaw, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { entryData, isDamage, readZipDirectory } from "../../src/ooxml/zip-directory.js";

export const MiB = 1024 * 1024;
export const DEFAULT_LIMIT = { maxInflatedBytes: 256 * MiB };

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "assess-read-"));
}

export async function writeXlsx(path: string, build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(path, bytes);
  return bytes;
}

export interface ZipPart {
  name: string;
  /** The part's bytes; deflated here unless `deflated` is given. */
  content?: Buffer;
  /** Already deflated data (a bomb), with the size and CRC to declare. */
  deflated?: Buffer;
  size?: number;
  crc?: number;
}

/** A zip of deflated parts; with `zip64`, sizes and offsets are in ZIP64 records as large files have them. */
export function zipOf(parts: readonly ZipPart[], options: { zip64?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const content = part.content ?? Buffer.alloc(0);
    const data = part.deflated ?? deflateRawSync(content);
    const size = part.size ?? content.length;
    const crc = part.crc ?? crc32(content);
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, data);

    const extra = Buffer.alloc(options.zip64 ? 28 : 0);
    if (options.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(45, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 20);
    header.writeUInt32LE(options.zip64 ? 0xffffffff : size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 42);
    central.push(header, name, extra);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...chunks, directory, ...tail, end]);
}

/** The parts of a zip, inflated, in order. */
export function partsOf(bytes: Buffer): { name: string; content: Buffer }[] {
  const directory = readZipDirectory(bytes);
  if (isDamage(directory)) throw new Error(directory.damage);
  return directory.entries.map((entry) => {
    const data = entryData(bytes, entry);
    if (isDamage(data)) throw new Error(data.damage);
    return { name: entry.name, content: entry.method === 8 ? inflateRawSync(data) : Buffer.from(data) };
  });
}

/** The same workbook with one part's text changed. */
export function withPart(bytes: Buffer, name: string, change: (xml: string) => string): Buffer {
  const parts = partsOf(bytes);
  const part = parts.find((p) => p.name === name);
  if (!part) throw new Error(`no part ${name}`);
  const changed = change(part.content.toString("utf8"));
  if (changed === part.content.toString("utf8")) throw new Error(`change to ${name} did not apply`);
  part.content = Buffer.from(changed, "utf8");
  return zipOf(parts);
}

/** `bytes` zeros, deflated in 1 MiB steps so that the test itself stays small. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  const step = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += step.length) {
    if (!deflate.write(step.subarray(0, Math.min(step.length, bytes - written)))) {
      await new Promise((resolve) => deflate.once("drain", resolve));
    }
  }
  deflate.end();
  await ended;
  return Buffer.concat(out);
}

/** A zip that passes for a workbook until its one sheet, `zeros`, is inflated. */
export function bombOf(zeros: Buffer, declaredSize: number): Buffer {
  return zipOf([
    { name: "xl/workbook.xml", content: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", deflated: zeros, size: declaredSize, crc: 0 },
  ]);
}
