// Writing an Open Packaging Conventions zip (the container of .xlsx and .docx) with Node's own
// deflate: the packages' writers deflate in JavaScript, several times slower. Entries are dated
// 1980-01-01 00:00, the date fix-zip-timestamps.ts gives the template's entries, so that no clock
// reaches a file.

import { deflateRawSync, type ZlibOptions } from "node:zlib";
import { FIXED_AUTHOR, FIXED_DATE, FIXED_DOS_DATE, FIXED_DOS_TIME } from "./fix-zip-timestamps.js";
import {
  CENTRAL_HEADER_SIZE,
  CENTRAL_SIGNATURE,
  crc32,
  EOCD_SIGNATURE,
  EOCD_SIZE,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  LOCAL_SIGNATURE,
} from "./zip-directory.js";
import { XML_DECLARATION, escapeXml } from "./xml-text.js";

/**
 * zlib's level 1, the fastest that compresses: on the XML of office files a third of the default
 * level's time, for files about twice as large. Against level 3, a unit's files build 4 % faster
 * (paired runs on 200 units of the bench's city) and take 5 % more room (8.3 MB for 200 units
 * instead of 7.9; a unit's slips 16.5 KB instead of 15.6).
 */
const LEVEL = 1;

/**
 * The options of one part's deflating: zlib writes its output into pieces of `chunkSize` bytes
 * (16 KB unless told), and a part's deflated bytes are a view into them until its zip is made. A
 * unit has some ten parts of its own, most of a few KB that deflate to less than one KB, so each
 * was a 16 KB allocation; those buffers, not yet collected, were some 20 MiB of a city's peak
 * (292–298 → 274–275 MiB, three runs each, alternated). XML deflates to a quarter or less of its
 * size.
 */
function deflateOptions(size: number): ZlibOptions {
  return { level: LEVEL, chunkSize: Math.max(1024, Math.min(16 * 1024, size >> 2)) };
}

/**
 * A piece of a part's XML: text (written as UTF-8), or markup already encoded as UTF-8, once for
 * every file that repeats it (a slip's table and labels), copied as it is.
 */
export type XmlPiece = string | Uint8Array;

/**
 * XML as text (written as UTF-8), whole or in pieces written one after the other (no piece ends
 * inside a character: half of a surrogate pair), or bytes as they are (a picture).
 */
export type PartData = string | readonly XmlPiece[] | Uint8Array;

/** The largest part encoded in the reused buffer; a larger one (a city's list) gets its own. */
const SCRATCH_LIMIT = 16 * 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(0);

/**
 * A part's bytes: text encoded as UTF-8 into one buffer reused from part to part (deflated before
 * the next part overwrites it), so that a unit's slips, megabytes of XML, are not a new buffer to
 * allocate and collect each time; bytes as they are, not copied. Text given in pieces is encoded
 * piece after piece, never joined into one string first (a copy of megabytes, twice the bytes of
 * UTF-8 once a Chinese character is in it); a piece already encoded is copied.
 */
function partBytes(data: PartData): Buffer {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return piecesBytes(typeof data === "string" ? [data] : data);
}

function piecesBytes(pieces: readonly XmlPiece[]): Buffer {
  // UTF-8 takes at most three bytes for each UTF-16 unit.
  let most = 0;
  for (const piece of pieces) most += typeof piece === "string" ? piece.length * 3 : piece.byteLength;
  if (most > SCRATCH_LIMIT) return Buffer.concat(pieces.map((piece) => (typeof piece === "string" ? Buffer.from(piece, "utf8") : piece)));
  if (scratch.length < most) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_LIMIT, Math.max(most, 2 * scratch.length)));
  let length = 0;
  for (const piece of pieces) {
    if (typeof piece === "string") {
      length += scratch.write(piece, length, "utf8");
    } else {
      scratch.set(piece, length);
      length += piece.byteLength;
    }
  }
  return scratch.subarray(0, length);
}

interface Deflated {
  crc: number;
  size: number;
  deflated: Buffer;
}

/**
 * Small parts, deflated once and kept by their bytes: of a unit's 33 parts, 22 are the same in
 * every unit of a run (styles, settings, font tables, relationships, properties), and a zlib
 * stream costs some 13 µs to set up whatever it deflates. A part is found by its CRC and size
 * and taken only when its bytes are the same (a comparison of bytes: hashing the text as a key
 * of a Map cost more than the deflating it saved). The same bytes deflate to the same bytes, so
 * a zip is the same whether its parts were kept or not. The store is emptied when full: the parts
 * that differ from unit to unit (a notice, a unit's title) would otherwise fill it.
 */
const KEPT_PART_LIMIT = 8 * 1024;
const KEPT_PARTS = 128;
const kept = new Map<number, Deflated & { bytes: Buffer }>();

function deflatedPart(data: PartData): Deflated {
  const bytes = partBytes(data);
  const crc = crc32(bytes);
  const size = bytes.length;
  if (size > KEPT_PART_LIMIT) return { crc, size, deflated: deflateRawSync(bytes, deflateOptions(size)) };
  const key = crc * (KEPT_PART_LIMIT + 1) + size;
  const known = kept.get(key);
  if (known !== undefined && known.bytes.equals(bytes)) return known;
  if (kept.size >= KEPT_PARTS) kept.clear();
  // A copy: the bytes are in the buffer the next part overwrites.
  const part = { crc, size, deflated: deflateRawSync(bytes, deflateOptions(size)), bytes: Buffer.from(bytes) };
  kept.set(key, part);
  return part;
}

/**
 * A zip of deflated parts, in order, dated 1980-01-01 00:00, with UTF-8 names, in one buffer.
 */
export function zipParts(parts: readonly { name: string; data: PartData }[]): Buffer {
  const entries = parts.map((part) => ({ name: Buffer.from(part.name, "utf8"), ...deflatedPart(part.data) }));
  const localSize = entries.reduce((total, entry) => total + LOCAL_HEADER_SIZE + entry.name.length + entry.deflated.length, 0);
  const centralSize = entries.reduce((total, entry) => total + CENTRAL_HEADER_SIZE + entry.name.length, 0);
  const zip = Buffer.alloc(localSize + centralSize + EOCD_SIZE);
  let offset = 0;
  let central = localSize;
  for (const entry of entries) {
    // The fields from "version needed" to the name's length, as the local header has them; the
    // central header has the same 24 bytes two bytes later, after "version made by".
    const local = offset;
    zip.writeUInt32LE(LOCAL_SIGNATURE, local);
    zip.writeUInt16LE(20, local + 4);
    zip.writeUInt16LE(FLAG_UTF8, local + 6);
    zip.writeUInt16LE(8, local + 8);
    zip.writeUInt16LE(FIXED_DOS_TIME, local + 10);
    zip.writeUInt16LE(FIXED_DOS_DATE, local + 12);
    zip.writeUInt32LE(entry.crc, local + 14);
    zip.writeUInt32LE(entry.deflated.length, local + 18);
    zip.writeUInt32LE(entry.size, local + 22);
    zip.writeUInt16LE(entry.name.length, local + 26);
    entry.name.copy(zip, local + LOCAL_HEADER_SIZE);
    entry.deflated.copy(zip, local + LOCAL_HEADER_SIZE + entry.name.length);
    zip.writeUInt32LE(CENTRAL_SIGNATURE, central);
    zip.writeUInt16LE(20, central + 4);
    zip.copy(zip, central + 6, local + 4, local + 28);
    zip.writeUInt32LE(local, central + 42);
    entry.name.copy(zip, central + CENTRAL_HEADER_SIZE);
    offset += LOCAL_HEADER_SIZE + entry.name.length + entry.deflated.length;
    central += CENTRAL_HEADER_SIZE + entry.name.length;
  }
  const end = localSize + centralSize;
  zip.writeUInt32LE(EOCD_SIGNATURE, end);
  zip.writeUInt16LE(parts.length, end + 8);
  zip.writeUInt16LE(parts.length, end + 10);
  zip.writeUInt32LE(centralSize, end + 12);
  zip.writeUInt32LE(localSize, end + 16);
  return zip;
}

/** A part of a package: its name inside the zip, its content type unless a Default covers it (.rels). */
export interface PackagePart {
  name: string;
  contentType?: string;
  data: PartData;
}

/** The namespace of r:id attributes, and the stem of the office formats' relationship types. */
export const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The package's [Content_Types].xml first (OPC, ECMA-376 Part 2, 10.1.2.2), then the parts in order. */
function zipPackage(parts: readonly PackagePart[]): Buffer {
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    parts.flatMap((p) => (p.contentType ? [`<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`] : [])).join("") +
    `</Types>`;
  return zipParts([{ name: "[Content_Types].xml", data: contentTypes }, ...parts]);
}

/** A .rels part; the relationships are numbered rId1, rId2, ... in the order given. */
export function relationshipsXml(relationships: readonly { type: string; target: string }[]): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    relationships.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** docProps/core.xml: the fixed author and date instead of the clock's, and the title if any. */
function corePropertiesXml(title?: string): string {
  const date = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (title === undefined ? "" : `<dc:title>${escapeXml(title)}</dc:title>`) +
    `<dc:creator>${FIXED_AUTHOR}</dc:creator><cp:lastModifiedBy>${FIXED_AUTHOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * An .xlsx or .docx: its own parts, the main part (the one the package's relationships point at)
 * first, then what every office package has: docProps/core.xml (fixed author and date, and the
 * title if any), docProps/app.xml and _rels/.rels.
 */
export function officePackage(parts: readonly PackagePart[], title?: string): Buffer {
  const main = parts[0];
  if (main === undefined) throw new Error("a package needs its main part");
  return zipPackage([
    ...parts,
    { name: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml", data: corePropertiesXml(title) },
    {
      name: "docProps/app.xml",
      contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
      data: `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${FIXED_AUTHOR}</Application></Properties>`,
    },
    {
      name: "_rels/.rels",
      data: relationshipsXml([
        { type: `${RELATIONSHIPS_NAMESPACE}/officeDocument`, target: main.name },
        { type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
        { type: `${RELATIONSHIPS_NAMESPACE}/extended-properties`, target: "docProps/app.xml" },
      ]),
    },
  ]);
}
