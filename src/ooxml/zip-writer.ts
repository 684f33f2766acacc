// Writing an Open Packaging Conventions zip (the container of .xlsx and .docx) with Node's own
// deflate: the packages' writers deflate in JavaScript, several times slower. Entries are dated
// 1980-01-01 00:00, the date fix-zip-timestamps.ts gives the template's entries, so that no clock
// reaches a file.

import { deflateRawSync } from "node:zlib";
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
 * zlib's level 3, the last of its fast levels: a third of the default level's time on the XML of
 * office files, for files about twice as large (a unit's feedback slips: 25 KB instead of 12 KB).
 */
const LEVEL = 3;

/** A zip of deflated parts, in order, dated 1980-01-01 00:00, with UTF-8 names. */
function zipParts(parts: readonly { name: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const deflated = deflateRawSync(part.data, { level: LEVEL });
    // The fields from "version needed" to the name's length, as the local header has them; the
    // central header has the same 26 bytes two bytes later, after "version made by".
    const local = Buffer.alloc(LOCAL_HEADER_SIZE);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(FIXED_DOS_TIME, 10);
    local.writeUInt16LE(FIXED_DOS_DATE, 12);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(CENTRAL_HEADER_SIZE);
    header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    header.writeUInt16LE(20, 4);
    local.copy(header, 6, 4, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    central.push(header, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** A part of a package: its name inside the zip, its content type unless a Default covers it (.rels). */
export interface PackagePart {
  name: string;
  contentType?: string;
  /** XML as text (written as UTF-8), or bytes as they are (a picture). */
  data: string | Uint8Array;
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
  return zipParts([{ name: "[Content_Types].xml", data: contentTypes }, ...parts].map((p) => ({ name: p.name, data: typeof p.data === "string" ? Buffer.from(p.data, "utf8") : Buffer.from(p.data) })));
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
