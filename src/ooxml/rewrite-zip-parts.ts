// A zip written by another library (exceljs writes the template) with some of its parts changed:
// every entry inflated, the changed ones replaced, and all zipped again in their order, dated
// 1980-01-01 00:00 as zip-writer.ts dates its own (so that no clock reaches the file).

import { inflatedParts, isDamage } from "./zip-directory.js";
import { zipParts } from "./zip-writer.js";

/** `zip` with each part's bytes as `change(name, bytes)` returns them. */
export function rewriteZipParts(zip: Buffer, change: (name: string, data: Buffer) => Buffer): Buffer {
  const parts = inflatedParts(zip);
  if (isDamage(parts)) throw new Error(`not a zip archive: ${parts.damage}`);
  return zipParts(parts.map(({ name, data }) => ({ name, data: change(name, data) })));
}
