// An .xlsx is a zip, and exceljs stamps every entry with the clock. The same inputs must give the
// same bytes (outputs.md: "No clock time"; STYLE.md habit 8), so every entry's DOS date and time
// is set to 1980-01-01 00:00, the earliest a zip can hold. Only those four bytes per header
// change; the CRCs do not cover them. Needed only where exceljs writes (the template,
// write-template.ts): zip-writer.ts writes the other outputs with these dates already.

/** Every output claims the same author and moment, so that no clock reaches a file. */
export const FIXED_AUTHOR = "assess";
export const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** DOS date of FIXED_DATE, 1980-01-01: year 0 since 1980, month 1, day 1. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** DOS time of FIXED_DATE, 00:00:00. */
export const FIXED_DOS_TIME = 0;

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error("not a zip archive: no end of central directory");
}

/** A copy of `zip` with every entry dated 1980-01-01 00:00. */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const end = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`zip central directory broken at byte ${at}`);
    out.writeUInt16LE(FIXED_DOS_TIME, at + 12);
    out.writeUInt16LE(FIXED_DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip local header missing at byte ${local}`);
    out.writeUInt16LE(FIXED_DOS_TIME, local + 10);
    out.writeUInt16LE(FIXED_DOS_DATE, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
