// What the reader misread, silently, in spreadsheets written by Excel, WPS, LibreOffice, Numbers,
// Google Sheets and streaming writers (issue 11): each case is a small package written here, as
// that program stores it, and read through readWorkbookFile as a clerk's file is.

import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/ooxml/plain.js";
import { numberFormatKind } from "../../src/ooxml/read-xlsx-xml.js";
import { readDate } from "../../src/read/normalise-cell.js";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import { DEFAULT_LIMIT, tempDir, type ZipPart, zipOf } from "../support/read-fixtures.js";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir = "";
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(parts: ZipPart[]) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFile(path, zipOf(parts));
  return readWorkbookFile(path, "单位.xlsx", DEFAULT_LIMIT);
}

const part = (name: string, xml: string): ZipPart => ({ name, content: Buffer.from(xml) });
const sheetXml = (rows: string): string => `<worksheet ${MAIN}><sheetData>${rows}</sheetData></worksheet>`;
const rels = (...targets: [string, string, string][]): string =>
  `<Relationships ${RELS}>${targets.map(([id, type, target]) => `<Relationship Id="${id}" Type="${TYPE}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

/** Styles whose cellXfs are: 0 General, 1 the given built-in or custom format. */
function stylesWith(numFmtId: number, formatCode?: string): string {
  const custom = formatCode === undefined ? "" : `<numFmts count="1"><numFmt numFmtId="${numFmtId}" formatCode="${formatCode.replace(/"/g, "&quot;")}"/></numFmts>`;
  return `<styleSheet ${MAIN}>${custom}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`;
}

/** A package as Excel writes it: one sheet 参数, optional styles, the workbook part's XML given. */
function excelPackage(rows: string, options: { workbookXml?: string; styles?: string } = {}): ZipPart[] {
  const parts = [
    part("_rels/.rels", rels(["rId1", "officeDocument", "xl/workbook.xml"])),
    part("xl/workbook.xml", options.workbookXml ?? `<workbook ${MAIN} ${REL}><sheets><sheet name="参数" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part("xl/_rels/workbook.xml.rels", rels(["rId1", "worksheet", "worksheets/sheet1.xml"], ["rId2", "styles", "styles.xml"])),
    part("xl/worksheets/sheet1.xml", sheetXml(rows)),
  ];
  if (options.styles) parts.push(part("xl/styles.xml", options.styles));
  return parts;
}

async function firstCell(parts: ZipPart[]): Promise<CellValue> {
  const result = await read(parts);
  if (result.value === null) throw new Error(result.problems[0]!.message);
  return result.value.sheets[0]!.cell(1, 1);
}

const numberCell = (serial: number | string): string => `<row r="1"><c r="A1" s="1"><v>${serial}</v></c></row>`;

describe("the 1904 date system", () => {
  // Excel 2013 and later write an x15:workbookPr in the extLst after the workbook's own.
  const mac = (date1904: string) =>
    `<workbook ${MAIN} ${REL} xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    `<workbookPr ${date1904} defaultThemeVersion="166925"/><sheets><sheet name="参数" sheetId="1" r:id="rId1"/></sheets>` +
    `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`;

  it("is honoured as Mac Excel 2013+ saves it, with an x15:workbookPr in the extLst", async () => {
    // 2026-10-09 is serial 44842 in the 1904 system (46304 in the 1900 system).
    expect(await firstCell(excelPackage(numberCell(44842), { workbookXml: mac('date1904="1"'), styles: stylesWith(14) }))).toEqual({ kind: "date", iso: "2026-10-09" });
  });

  it("an x15:workbookPr alone says nothing of it: a 1900 workbook stays 1900", async () => {
    const workbookXml = mac("").replace("<x15:workbookPr", '<x15:workbookPr date1904="1"');
    expect(await firstCell(excelPackage(numberCell(46304), { workbookXml, styles: stylesWith(14) }))).toEqual({ kind: "date", iso: "2026-10-09" });
  });
});

describe("serials before 1900-03-01: Excel's 1900 is a leap year", () => {
  it.each<[number, CellValue]>([
    [1, { kind: "date", iso: "1900-01-01" }],
    [31, { kind: "date", iso: "1900-01-31" }],
    [59, { kind: "date", iso: "1900-02-28" }],
    [60, { kind: "text", text: "1900-02-29" }],
    [61, { kind: "date", iso: "1900-03-01" }],
    [0, { kind: "text", text: "1900-01-00" }],
    [46304, { kind: "date", iso: "2026-10-09" }],
  ])("serial %i", async (serial, expected) => {
    expect(await firstCell(excelPackage(numberCell(serial), { styles: stylesWith(14) }))).toEqual(expected);
  });

  it("the day that never was is refused where a date is wanted", () => {
    const read = readDate({ kind: "text", text: "1900-02-29" });
    expect(read.ok ? null : read.fault.code).toBe("E_DATE");
  });
});

describe("times of day and durations are neither dates nor numbers", () => {
  it.each<[string, number, string | undefined, number, CellValue]>([
    ["built-in 21, h:mm:ss", 21, undefined, 0.5555671296296296, { kind: "time", text: "13:20:01" }],
    ["built-in 20, h:mm", 20, undefined, 0.5, { kind: "time", text: "12:00:00" }],
    ["built-in 46, [h]:mm:ss", 46, undefined, 1.0625, { kind: "time", text: "25:30:00" }],
    ["built-in 32, h\"时\"mm\"分\" of Chinese Excel", 32, undefined, 0.5, { kind: "time", text: "12:00:00" }],
    ["custom [h]:mm", 180, "[h]:mm", 1.0625, { kind: "time", text: "25:30:00" }],
    ["custom [H] alone", 181, "[H]", 1.5, { kind: "time", text: "36:00:00" }],
    ["custom mm:ss", 182, "mm:ss", 0.001, { kind: "time", text: "0:01:26" }],
    ["custom 上午/下午h\"时\"mm\"分\"", 183, '上午/下午h"时"mm"分"', 0.75, { kind: "time", text: "18:00:00" }],
    ["built-in 22, a date with its time: the date", 22, undefined, 46304.5, { kind: "date", iso: "2026-10-09" }],
    ["custom yyyy/m/d h:mm: the date", 184, "yyyy/m/d h:mm", 46304.5, { kind: "date", iso: "2026-10-09" }],
    ["custom mmm: a month, a date", 185, "mmm", 46304, { kind: "date", iso: "2026-10-09" }],
    ["custom 0.00E+00: a number", 186, "0.00E+00", 0.5, { kind: "number", value: 0.5 }],
  ])("%s", async (_what, id, code, serial, expected) => {
    expect(await firstCell(excelPackage(numberCell(serial), { styles: stylesWith(id, code) }))).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof numberFormatKind>]>([
    ["[h]:mm", "time"],
    ["[H]", "time"],
    ["[ss]", "time"],
    ["h:mm AM/PM", "time"],
    ["yyyy-mm-dd", "date"],
    ["General", "number"],
    ["0.00_ ", "number"],
    ['0.00"时"', "number"],
  ])("numberFormatKind(%j) is %s", (code, kind) => {
    expect(numberFormatKind(code)).toBe(kind);
  });

  it("a time in a date column is an error naming what was found, not a day in 1899", () => {
    const read = readDate({ kind: "time", text: "13:20:01" });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.fault.code).toBe("E_DATE");
      expect(read.fault.found).toBe("13:20:01");
      expect(read.fault.text).toContain("不是日期");
    }
  });
});

describe("formulas", () => {
  it("a formula whose cached result is an inline string (older LibreOffice, streaming writers) reads as that text", async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><f>B1&amp;"局"</f><is><t>某县档案局</t></is></c><c r="B1" t="inlineStr"><is><t>某县档案</t></is></c></row>';
    expect(await firstCell(excelPackage(rows))).toEqual({ kind: "text", text: "某县档案局" });
  });

  it("…and an empty inline result reads blank", async () => {
    expect(await firstCell(excelPackage('<row r="1"><c r="A1" t="inlineStr"><f>""</f><is><t></t></is></c></row>'))).toEqual({ kind: "blank" });
  });
});

describe("the package's structure", () => {
  it("the workbook part is found through _rels/.rels, wherever it is", async () => {
    const parts = [
      part("_rels/.rels", rels(["rId1", "officeDocument", "/book/Main.xml"])),
      part("book/Main.xml", `<workbook ${MAIN} ${REL}><workbookPr date1904="0"/><sheets><sheet name="人员" sheetId="1" r:id="rId7"/></sheets></workbook>`),
      part("book/_rels/Main.xml.rels", rels(["rId7", "worksheet", "sheets/s1.xml"])),
      part("book/sheets/s1.xml", sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>人员编号</t></is></c></row>')),
    ];
    const result = await read(parts);
    if (result.value === null) throw new Error(result.problems[0]!.message);
    expect(result.value.sheets.map((s) => [s.name, s.cell(1, 1)])).toEqual([["人员", { kind: "text", text: "人员编号" }]]);
  });

  it("a package whose main part is a Word document is not a workbook", async () => {
    const parts = [
      part("_rels/.rels", rels(["rId1", "officeDocument", "doc/body.xml"])),
      part("doc/body.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
    ];
    expect(await read(parts)).toMatchObject({ value: null, problems: [{ code: "E_FILE_NOT_XLSX", file: "单位.xlsx" }] });
  });

  it("a sheet entry with an empty r:id is left out; the other sheets read", async () => {
    const workbookXml =
      `<workbook ${MAIN} ${REL}><sheets><sheet name="隐藏" sheetId="2" r:id=""/><sheet name="参数" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const result = await read(excelPackage('<row r="1"><c r="A1"><v>2026</v></c></row>', { workbookXml }));
    if (result.value === null) throw new Error(result.problems[0]!.message);
    expect(result.value.sheets.map((s) => [s.name, s.cell(1, 1)])).toEqual([["参数", { kind: "number", value: 2026 }]]);
  });

  it("two entries whose names differ only in case are refused, naming both", async () => {
    const parts = [...excelPackage('<row r="1"><c r="A1"><v>1</v></c></row>'), part("xl/worksheets/Sheet1.xml", sheetXml('<row r="1"><c r="A1"><v>99</v></c></row>'))];
    const result = await read(parts);
    expect(result).toMatchObject({ value: null, problems: [{ code: "E_FILE_CORRUPT", file: "单位.xlsx", sheet: "", cell: "" }] });
    expect(result.problems[0]!.message).toContain("“xl/worksheets/sheet1.xml”和“xl/worksheets/Sheet1.xml”");
    expect(result.problems[0]!.message).toContain("只差大小写");
  });
});
