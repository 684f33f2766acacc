// Writing an Open Packaging Conventions zip (the container of .xlsx and .docx) with Node's own
// deflate: the packages' writers deflate in JavaScript, several times slower. Entries are dated
// 1980-01-01 00:00, the date fix-zip-timestamps.ts gives the template's entries, so that no clock
// reaches a file.

import { deflateRawSync } from "node:zlib";
import { FIXED_AUTHOR, FIXED_DATE, FIXED_DOS_DATE, FIXED_DOS_TIME } from "./fix-zip-timestamps.js";
import { crc32 } from "./zip-directory.js";
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
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(FIXED_DOS_TIME, 10);
    local.writeUInt16LE(FIXED_DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(FIXED_DOS_TIME, 12);
    header.writeUInt16LE(FIXED_DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(deflated.length, 20);
    header.writeUInt32LE(part.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    central.push(header, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
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
  data: string;
}

/** The package's [Content_Types].xml first (OPC, ECMA-376 Part 2, 10.1.2.2), then the parts in order. */
export function zipPackage(parts: readonly PackagePart[]): Buffer {
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    parts.flatMap((p) => (p.contentType ? [`<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`] : [])).join("") +
    `</Types>`;
  return zipParts([{ name: "[Content_Types].xml", data: contentTypes }, ...parts].map((p) => ({ name: p.name, data: Buffer.from(p.data, "utf8") })));
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
export function corePropertiesXml(title?: string): string {
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
