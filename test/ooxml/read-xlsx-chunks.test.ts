// A large worksheet is read as it is inflated, chunk by chunk (read-xlsx-xml.ts `readChunks`),
// never held whole. Wherever the chunks happen to be cut (inside a tag, a name, an attribute, a
// text, an entity, a CDATA section, a multi-byte character), the sheet must read exactly as from
// the whole part, and damaged XML must refuse it exactly as from the whole part.

import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXlsxSheets, SheetDamage, type XlsxParts } from "../../src/ooxml/read-xlsx-xml.js";
import { guardXlsxBytes } from "../../src/read/open-guard.js";
import { DEFAULT_LIMIT, zipOf } from "../support/read-fixtures.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const MERGED_LIMIT = 1_000_000;

function xlsxFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return xlsxFiles(path);
    return name.endsWith(".xlsx") ? [path] : [];
  });
}

async function* cut(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** The parts of a guarded workbook, with every worksheet given in chunks of `sizes` bytes (repeated). */
function chunked(parts: XlsxParts, sizes: readonly number[]): XlsxParts {
  return {
    get: (name) => parts.get(name),
    chunks: (name) => {
      const bytes = name.includes("worksheets/") ? parts.get(name) : undefined;
      return bytes === undefined ? undefined : cut(bytes, sizes);
    },
  };
}

/** Only the whole parts: what a workbook of small parts is read from. */
function whole(parts: XlsxParts): XlsxParts {
  return { get: (name) => parts.get(name) };
}

async function partsOf(bytes: Buffer): Promise<XlsxParts | null> {
  return (await guardXlsxBytes(bytes, "x.xlsx", DEFAULT_LIMIT)).value;
}

/** The sheets read, or the damage that refused them (its kind and sheet: byte offsets differ). */
async function outcome(parts: XlsxParts): Promise<unknown> {
  try {
    return await readXlsxSheets(parts, MERGED_LIMIT);
  } catch (error) {
    return { refused: (error as Error).constructor.name, sheet: error instanceof SheetDamage ? error.sheet : null };
  }
}

const CHUNKINGS: [string, number[]][] = [
  ["one byte", [1]],
  ["uneven", [3, 1, 7, 2, 13]],
  ["a kilobyte", [1024]],
];

describe("a worksheet read chunk by chunk reads as the whole part", () => {
  const fixtures = xlsxFiles(join(repoRoot, "fixtures")).filter((path) => statSync(path).size < 200_000);

  it("has fixtures to read", () => {
    expect(fixtures.length).toBeGreaterThan(40);
  });

  it.each(fixtures.map((path) => [relative(repoRoot, path), path]))("%s", async (_name, path) => {
    const parts = await partsOf(await readFile(path));
    if (parts === null) return;
    const expected = await outcome(whole(parts));
    for (const [, sizes] of CHUNKINGS) expect(await outcome(chunked(parts, sizes))).toEqual(expected);
  });

  const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  function workbook(sheetXml: string): Buffer {
    return zipOf([
      { name: "xl/workbook.xml", content: Buffer.from(`<workbook ${MAIN} ${REL}><sheets><sheet name="参数" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      {
        name: "xl/_rels/workbook.xml.rels",
        content: Buffer.from(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      },
      { name: "xl/worksheets/sheet1.xml", content: Buffer.from(sheetXml) },
    ]);
  }
  const sheetOf = (rows: string, tail = ""): string =>
    `\uFEFF<?xml version="1.0" encoding="UTF-8"?><!-- 注释 --><worksheet ${MAIN}><sheetViews><sheetView/></sheetViews><sheetData>${rows}</sheetData>${tail}</worksheet>`;

  it.each([
    ["cells of every kind", '<row r="1"><c r="A1" t="inlineStr"><is><t>甲&amp;乙&#x4E19;</t></is></c><c r="B1"><v>12.5</v></c><c r="C1" t="str"><f>A1</f><v>考核</v></c></row><row><c><v>1</v></c><c t="inlineStr"><is><t><![CDATA[<好>]]></t></is></c></row>'],
    ["a shared formula slid", '<row r="2"><c r="A2"><f t="shared" si="0" ref="A2:A3">B2*2</f></c></row><row r="3"><c r="A3"><f t="shared" si="0"/></c></row>'],
    ["merged ranges", '<row r="1"><c r="A1" t="inlineStr"><is><t>合并</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>'],
    ["a tag closed out of order", '<row r="1"><c r="A1"><v>1</c></v></row>'],
    ["an unknown entity", '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
    ["a bare ampersand", '<row r="1"><c r="A1" t="inlineStr"><is><t>A & B</t></is></c></row>'],
    ["an unquoted attribute", "<row r=1></row>"],
    ["a number cell holding text", '<row r="1"><c r="A1"><v>九十</v></c></row>'],
    ["overlapping merged ranges", '<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'],
    ["a merged range over too many cells", "", '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'],
  ])("%s: the same, cut anywhere (property)", async (_what, rows, tail = "") => {
    const parts = await partsOf(workbook(sheetOf(rows, tail)));
    if (parts === null) throw new Error("the workbook was refused before its sheets were read");
    const expected = await outcome(whole(parts));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
        expect(await outcome(chunked(parts, sizes))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("damage is told, not mistaken for a part that goes on: a part cut short is refused", async () => {
    const parts = await partsOf(workbook(sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>')));
    if (parts === null) throw new Error("the workbook was refused before its sheets were read");
    const cutShort: XlsxParts = { get: (name) => parts.get(name), chunks: (name) => (name.includes("worksheets/") ? cut(parts.get(name)!.subarray(0, 120), [16]) : undefined) };
    expect(await outcome(cutShort)).toEqual({ refused: "SheetDamage", sheet: "参数" });
  });
});
