// A zip written by another library (exceljs writes the template) with some of its parts changed:
// every entry inflated, the changed ones replaced, and all zipped again in their order, dated
// 1980-01-01 00:00 as zip-writer.ts dates its own (so that no clock reaches the file).

import { inflateRawSync } from "node:zlib";
import { entryData, isDamage, readZipDirectory } from "./zip-directory.js";
import { zipParts } from "./zip-writer.js";

/** `zip` with each part's bytes as `change(name, bytes)` returns them. */
export function rewriteZipParts(zip: Buffer, change: (name: string, data: Buffer) => Buffer): Buffer {
  const directory = readZipDirectory(zip);
  if (isDamage(directory)) throw new Error(`not a zip archive: ${directory.damage}`);
  const parts = directory.entries.map((entry) => {
    const raw = entryData(zip, entry);
    if (isDamage(raw)) throw new Error(`zip entry ${entry.name}: ${raw.damage}`);
    const data = entry.method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    return { name: entry.name, data: change(entry.name, data) };
  });
  return zipParts(parts);
}
