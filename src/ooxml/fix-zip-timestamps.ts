// An .xlsx is a zip, and exceljs stamps every entry with the clock. The same inputs must give the
// same bytes (outputs.md: "No clock time"; STYLE.md habit 8), so every entry's DOS date and time
// is set to 1980-01-01 00:00, the earliest a zip can hold. Only those four bytes per header
// change; the CRCs do not cover them. Needed only where exceljs writes (the template,
// write-template.ts): zip-writer.ts writes the other outputs with these dates already.

import { isDamage, LOCAL_SIGNATURE, readZipDirectory } from "./zip-directory.js";

/** Every output claims the same author and moment, so that no clock reaches a file. */
export const FIXED_AUTHOR = "assess";
export const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** DOS date of FIXED_DATE, 1980-01-01: year 0 since 1980, month 1, day 1. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** DOS time of FIXED_DATE, 00:00:00. */
export const FIXED_DOS_TIME = 0;

/** A copy of `zip` with every entry dated 1980-01-01 00:00. */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const directory = readZipDirectory(out);
  if (isDamage(directory)) throw new Error(`not a zip archive exceljs would write: ${directory.damage}`);
  for (const entry of directory.entries) {
    out.writeUInt16LE(FIXED_DOS_TIME, entry.centralHeaderOffset + 12);
    out.writeUInt16LE(FIXED_DOS_DATE, entry.centralHeaderOffset + 14);
    const local = entry.localHeaderOffset;
    if (out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`zip local header missing at byte ${local}`);
    out.writeUInt16LE(FIXED_DOS_TIME, local + 10);
    out.writeUInt16LE(FIXED_DOS_DATE, local + 12);
  }
  return out;
}
