// The names of a workbook's sheets, read from its zip directory and xl/workbook.xml alone, so that
// `validate` can tell an evaluation workbook (political.md) from an appraisal workbook (workbook.md)
// before reading either. Null when the file is not a readable .xlsx: the reader that follows says
// why, as it always has.

import { readFile, stat } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { entryData, isDamage, readZipDirectory } from "../ooxml/zip-directory.js";

/** xl/workbook.xml is a few kilobytes; anything far larger is not looked into here. */
const MAX_WORKBOOK_PART = 4 * 1024 * 1024;

export async function sheetNamesOf(path: string, maxBytes: number): Promise<string[] | null> {
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > maxBytes) return null;
    bytes = await readFile(path);
  } catch {
    return null;
  }
  return sheetNamesIn(bytes);
}

/** `sheetNamesOf` of a file's bytes already read; null when they are not a readable .xlsx. */
export function sheetNamesIn(bytes: Buffer): string[] | null {
  const directory = readZipDirectory(bytes);
  if (isDamage(directory)) return null;
  const entry = directory.entries.find((e) => e.name.toLowerCase() === "xl/workbook.xml");
  if (!entry || entry.size > MAX_WORKBOOK_PART || (entry.method !== 0 && entry.method !== 8)) return null;
  const data = entryData(bytes, entry);
  if (isDamage(data)) return null;
  let xml: string;
  try {
    xml = (entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: MAX_WORKBOOK_PART })).toString("utf8");
  } catch {
    return null;
  }
  const names: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) names.push(decodeXml(m[1] ?? ""));
  return names;
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
