// The reader of worksheet XML (src/ooxml/read-xlsx-xml.ts) that replaced exceljs's reader
// (issue 5). First it is held to exceljs: every committed fixture and random workbooks read the
// same, cell for cell, through both (the former conversion of read-xlsx.ts is kept below as the
// oracle). Then what exceljs did not read, or read wrong, written by hand as Excel, WPS and other
// writers write it: Chinese date formats, ISO date cells, prefixed namespaces, cells without an
// address, phonetic runs, escapes; and damaged XML, which refuses the file.

import { readdirSync, statSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue, PlainSheet } from "../../src/ooxml/plain.js";
import { isDateFormat, parseAddress, slideFormula } from "../../src/ooxml/read-xlsx-xml.js";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import { XmlDamage, XmlScanner } from "../../src/ooxml/xml-scanner.js";
import { writeWorkbook } from "../support/write-workbook.mjs";
import { DEFAULT_LIMIT, tempDir, zipOf } from "../support/read-fixtures.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------------------------------------
// The oracle: exceljs's normal reader and the conversion read-xlsx.ts made of its cells.

function oracleValue(value: ExcelJS.CellValue | undefined, formula: () => string): CellValue {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return { kind: "text", text: value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: "error", text: "#####" };
    return { kind: "date", iso: value.toISOString().slice(0, 10) };
  }
  if ("error" in value) return { kind: "error", text: String(value.error) };
  if ("richText" in value) return { kind: "text", text: value.richText.map((run) => run.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? { kind: "noResult", formula: formula() } : oracleValue(result, formula);
  }
  if ("text" in value && typeof value.text === "string") return { kind: "text", text: value.text };
  return { kind: "text", text: JSON.stringify(value) };
}

/** Every sheet as [name, rows × columns of values] through exceljs. */
async function throughExceljs(bytes: Buffer): Promise<[string, CellValue[][]][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const grid: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const source = cell.master;
        const value = oracleValue(source.value, () => source.formula ?? "");
        if (value.kind === "blank") return;
        (grid[r - 1] ??= [])[c - 1] = value;
      });
    });
    return [worksheet.name, grid];
  });
}

function gridOf(sheet: PlainSheet): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = sheet.cell(r, c);
      if (value.kind !== "blank") (grid[r - 1] ??= [])[c - 1] = value;
    }
  }
  return grid;
}

let dir = "";
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(bytes: Buffer, name = "x.xlsx") {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFile(path, bytes);
  return readWorkbookFile(path, name, DEFAULT_LIMIT);
}

async function sheets(bytes: Buffer): Promise<[string, CellValue[][]][]> {
  const result = await read(bytes);
  if (result.value === null) throw new Error(result.problems[0]?.message);
  return result.value.sheets.map((sheet) => [sheet.name, gridOf(sheet)]);
}

function xlsxFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return xlsxFiles(path);
    return name.endsWith(".xlsx") ? [path] : [];
  });
}

describe("the same cells as exceljs's reader", () => {
  const fixtures = xlsxFiles(join(repoRoot, "fixtures"));

  it("has fixtures to compare", () => {
    expect(fixtures.length).toBeGreaterThan(40);
  });

  it.each(fixtures.map((path) => [relative(repoRoot, path), path]))("%s", async (_name, path) => {
    const bytes = await readFile(path);
    const result = await read(bytes);
    if (result.value === null) {
      // Refused before any sheet is read (not a workbook, encrypted, ...): exceljs cannot read it either.
      await expect(throughExceljs(bytes)).rejects.toThrow();
      return;
    }
    expect(await sheets(bytes)).toEqual(await throughExceljs(bytes));
  });

  type Cell = null | string | number | { date: string } | { error: string } | { formula: string; result?: number | string | { error: string } };
  const text = fc.string({ unit: fc.constantFrom(..."甲乙好较差 ,.&<>\"'=+-@_x0Dａ１　\t\n"), minLength: 1, maxLength: 12 });
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    text,
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 1, max: 100 }),
    fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
    fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!").map((error) => ({ error })),
    fc.record({ formula: fc.constantFrom("A1*2", "SUM(A1:B2)", "$A$1+B1") }, { requiredKeys: ["formula"] }),
    // Not 0: exceljs reads a cached 0 as no result at all (see "a formula whose cached result is 0").
    fc.record({ formula: fc.constant("A1+1"), result: fc.oneof(fc.integer({ min: 1, max: 99 }), text, fc.constant({ error: "#N/A" })) }),
  );

  it("random workbooks written as Excel stores them read the same (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.constantFrom("A1:B2", "B3:D3", "A5:A7"), { nil: undefined }),
        async (rows, merge) => {
          const bytes = await writeWorkbook([{ name: "人员", rows: rows as never, ...(merge ? { merges: [merge] } : {}) }]);
          expect(await sheets(bytes)).toEqual(await throughExceljs(bytes));
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written parts, as other writers store them.

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** A one-sheet workbook named 参数 around `sheetData`, with optional styles and shared strings. */
function workbook(sheetXml: string, extra: { styles?: string; strings?: string; date1904?: boolean } = {}): Buffer {
  const parts = [
    {
      name: "xl/workbook.xml",
      content: Buffer.from(`<workbook ${MAIN} ${REL}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="参数" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", content: Buffer.from(sheetXml) },
  ];
  if (extra.styles) parts.push({ name: "xl/styles.xml", content: Buffer.from(extra.styles) });
  if (extra.strings) parts.push({ name: "xl/sharedStrings.xml", content: Buffer.from(extra.strings) });
  return zipOf(parts);
}

const sheetOf = (rows: string, tail = ""): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><sheetData>${rows}</sheetData>${tail}</worksheet>`;

/** Styles whose cellXfs are: 0 General, 1 the given built-in or custom format. */
function stylesWith(numFmtId: number, formatCode?: string): string {
  const custom = formatCode === undefined ? "" : `<numFmts count="1"><numFmt numFmtId="${numFmtId}" formatCode="${formatCode}"/></numFmts>`;
  return `<styleSheet ${MAIN}>${custom}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`;
}

async function cellsOf(bytes: Buffer): Promise<CellValue[][]> {
  const all = await sheets(bytes);
  return all[0]?.[1] ?? [];
}

describe("what other writers write", () => {
  it.each<[string, number, string | undefined, CellValue]>([
    ["WPS's 2026年10月9日 (built-in 31, a Chinese Excel date format)", 31, undefined, { kind: "date", iso: "2026-10-09" }],
    ["built-in 57, yyyy\"年\"m\"月\" in Chinese Excel", 57, undefined, { kind: "date", iso: "2026-10-09" }],
    ["built-in 14, m/d/yyyy", 14, undefined, { kind: "date", iso: "2026-10-09" }],
    ["built-in 2, 0.00: a number", 2, undefined, { kind: "number", value: 46304 }],
    ["custom [$-804]yyyy\"年\"m\"月\"d\"日\"", 176, '[$-804]yyyy"年"m"月"d"日";@', { kind: "date", iso: "2026-10-09" }],
    ["custom 0.00_ : a number", 177, "0.00_ ", { kind: "number", value: 46304 }],
  ])("a serial number under %s", async (_what, id, code, expected) => {
    const bytes = workbook(sheetOf('<row r="1"><c r="A1" s="1"><v>46304</v></c></row>'), { styles: stylesWith(id, code?.replace(/"/g, "&quot;")) });
    expect((await cellsOf(bytes))[0]?.[0]).toEqual(expected);
  });

  it("a date in the 1904 system (old Mac Excel) is the same day", async () => {
    const bytes = workbook(sheetOf('<row r="1"><c r="A1" s="1"><v>44842</v></c></row>'), { styles: stylesWith(14), date1904: true });
    expect((await cellsOf(bytes))[0]?.[0]).toEqual({ kind: "date", iso: "2026-10-09" });
  });

  it.each<[string, string, CellValue]>([
    ["an ISO date cell (t=d)", '<c r="A1" t="d"><v>2026-10-09T00:00:00</v></c>', { kind: "date", iso: "2026-10-09" }],
    ["an ISO date cell, day only", '<c r="A1" t="d"><v>2026-10-09</v></c>', { kind: "date", iso: "2026-10-09" }],
    ["inline text", '<c r="A1" t="inlineStr"><is><t>某县档案馆</t></is></c>', { kind: "text", text: "某县档案馆" }],
    ["inline rich text, runs joined", '<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>工作</t></r><r><t>质量</t></r></is></c>', { kind: "text", text: "工作质量" }],
    ["entities and character references", '<c r="A1" t="inlineStr"><is><t>A&amp;B &lt;&#x4E00;&#20013;&gt;</t></is></c>', { kind: "text", text: "A&B <一中>" }],
    ["CDATA", '<c r="A1" t="inlineStr"><is><t><![CDATA[<九十>]]></t></is></c>', { kind: "text", text: "<九十>" }],
    ["a line break written as CR LF", '<c r="A1" t="inlineStr"><is><t xml:space="preserve">第一行\r\n第二行</t></is></c>', { kind: "text", text: "第一行\n第二行" }],
    ["Excel's escape of a tab", '<c r="A1" t="inlineStr"><is><t>甲_x0009_乙</t></is></c>', { kind: "text", text: "甲\t乙" }],
    ["a formula's text result", '<c r="A1" t="str"><f>"好"</f><v>好</v></c>', { kind: "text", text: "好" }],
    ["a formula's error result", '<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>', { kind: "error", text: "#DIV/0!" }],
    ["a formula with no cached result", '<c r="A1"><f>B1*2</f></c>', { kind: "noResult", formula: "B1*2" }],
    // exceljs read this as a formula without a result, and the clerk was told to recalculate.
    ["a formula whose cached result is 0", '<c r="A1"><f>B1*0</f><v>0</v></c>', { kind: "number", value: 0 }],
    ["a formula whose text result is empty (=\"\")", '<c r="A1" t="str"><f>""</f><v></v></c>', { kind: "blank" }],
    ["a boolean", '<c r="A1" t="b"><v>1</v></c>', { kind: "boolean", value: true }],
    ["a number with an exponent (ID digits lost in Excel)", '<c r="A1"><v>1.10101199001011E+17</v></c>', { kind: "number", value: 110101199001011000 }],
  ])("%s", async (_what, cell, expected) => {
    const cells = await cellsOf(workbook(sheetOf(`<row r="1">${cell}</row>`)));
    expect(cells[0]?.[0] ?? { kind: "blank" }).toEqual(expected);
  });

  it("shared strings: rich runs joined, phonetic runs (rPh) left out", async () => {
    const strings = `<sst ${MAIN} count="2" uniqueCount="2"><si><t>甲</t></si><si><r><t>工作</t></r><r><t>质量</t></r><rPh sb="0" eb="2"><t>コウサク</t></rPh></si></sst>`;
    const bytes = workbook(sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'), { strings });
    expect(await cellsOf(bytes)).toEqual([[{ kind: "text", text: "甲" }, { kind: "text", text: "工作质量" }]]);
  });

  it("prefixed SpreadsheetML (x:worksheet, as some .NET writers store it)", async () => {
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>人员编号</x:t></x:is></x:c><x:c r="C2"><x:v>27</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    expect(await cellsOf(workbook(xml))).toEqual([undefined, [undefined, { kind: "text", text: "人员编号" }, { kind: "number", value: 27 }]]);
  });

  it("rows and cells without an address follow the ones before them", async () => {
    const rows = '<row><c t="inlineStr"><is><t>项目</t></is></c><c t="inlineStr"><is><t>内容</t></is></c></row><row><c t="inlineStr"><is><t>年度</t></is></c><c><v>2026</v></c></row>';
    expect(await cellsOf(workbook(sheetOf(rows)))).toEqual([
      [{ kind: "text", text: "项目" }, { kind: "text", text: "内容" }],
      [{ kind: "text", text: "年度" }, { kind: "number", value: 2026 }],
    ]);
  });

  it("a stray value under a merged range whose top-left is blank reads blank, as in Excel", async () => {
    const rows = '<row r="1"><c r="B1" t="inlineStr"><is><t>残留</t></is></c><c r="C1"><v>3</v></c></row>';
    expect(await cellsOf(workbook(sheetOf(rows, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>')))).toEqual([[undefined, undefined, { kind: "number", value: 3 }]]);
  });

  it("parts the sheet holds but no value depends on are read past (validations, hyperlinks, extensions)", async () => {
    const tail =
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:A1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>' +
      '<hyperlinks><hyperlink ref="A1" r:id="rId9"/></hyperlinks><extLst><ext uri="{x}"><x14:foo xmlns:x14="urn:x"/></ext></extLst>';
    const xml = `<worksheet ${MAIN} ${REL}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>是</t></is></c></row></sheetData>${tail}</worksheet>`;
    expect(await cellsOf(workbook(xml))).toEqual([[{ kind: "text", text: "是" }]]);
  });
});

describe("damaged XML refuses the file (E_FILE_CORRUPT), naming the sheet", () => {
  it.each([
    ["a tag closed out of order", '<row r="1"><c r="A1"><v>1</c></v></row>'],
    ["an unknown entity", '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
    ["a bare ampersand", '<row r="1"><c r="A1" t="inlineStr"><is><t>A & B</t></is></c></row>'],
    ["an unquoted attribute", "<row r=1></row>"],
    ["a cell address outside Excel's grid", '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ["a number cell holding text", '<row r="1"><c r="A1"><v>九十</v></c></row>'],
    ["a shared string that does not exist", '<row r="1"><c r="A1" t="s"><v>7</v></c></row>'],
  ])("%s", async (_what, rows) => {
    const result = await read(workbook(sheetOf(rows)), "收件/单位甲.xlsx");
    expect(result).toMatchObject({ value: null, problems: [{ code: "E_FILE_CORRUPT", file: "收件/单位甲.xlsx" }] });
    expect(result.problems[0]?.message).toContain("工作表“参数”内容有误");
  });

  it("a sheet named in the workbook whose part is missing", async () => {
    const parts = [
      { name: "xl/workbook.xml", content: Buffer.from(`<workbook ${MAIN} ${REL}><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      {
        name: "xl/_rels/workbook.xml.rels",
        content: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`),
      },
    ];
    const result = await read(zipOf(parts));
    expect(result).toMatchObject({ value: null, problems: [{ code: "E_FILE_CORRUPT" }] });
    expect(result.problems[0]?.message).toContain("工作表“人员”内容有误");
  });
});

describe("XmlScanner", () => {
  function tokens(xml: string): string[] {
    const scanner = new XmlScanner(Buffer.from(xml));
    const out: string[] = [];
    for (let token = scanner.next(); token !== "end"; token = scanner.next()) {
      if (token === "open") out.push(`<${scanner.name}${scanner.attribute("r") ? ` r=${scanner.attribute("r")}` : ""}>`);
      else if (token === "close") out.push(`</${scanner.name}>`);
      else out.push(JSON.stringify(scanner.text()));
    }
    return out;
  }

  it.each<[string, string, string[]]>([
    ["an empty element is opened and closed", '<a><b r="1"/></a>', ["<a>", "<b r=1>", "</b>", "</a>"]],
    ["declaration, comments and processing instructions are skipped", '\uFEFF<?xml version="1.0"?><!-- 注释 --><a>x<?pi?></a>', ["<a>", '"x"', "</a>"]],
    ["prefixes are dropped from names", '<x:a xmlns:x="u"><x:b x:r="2"/></x:a>', ["<a>", "<b r=2>", "</b>", "</a>"]],
    ["single-quoted attributes, spaces around =", "<a r = '3'></a>", ["<a r=3>", "</a>"]],
    ["text with entities", "<a>1 &lt; 2 &amp; 3</a>", ["<a>", '"1 < 2 & 3"', "</a>"]],
  ])("%s", (_what, xml, expected) => {
    expect(tokens(xml)).toEqual(expected);
  });

  it.each([
    ["nothing", ""],
    ["an element never closed", "<a><b></b>"],
    ["a closing tag that does not match", "<a></b>"],
    ["two root elements", "<a/><b/>"],
    ["text outside the root", "<a/>x"],
    ["a document type (could define entities)", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["< in an attribute", '<a r="<"/>'],
    ["attributes run together", '<a r="1"s="2"/>'],
    ["a name starting with a digit", "<1a/>"],
    ["a part cut inside a tag", '<a><b r="1'],
    ["a bad character reference", "<a>&#0;</a>"],
  ])("%s is damage", (_what, xml) => {
    expect(() => tokens(xml)).toThrow(XmlDamage);
  });
});

describe("small readers", () => {
  it.each<[string, { row: number; column: number } | null]>([
    ["A1", { row: 1, column: 1 }],
    ["b3", { row: 3, column: 2 }],
    ["XFD1048576", { row: 1048576, column: 16384 }],
    ["AA10", { row: 10, column: 27 }],
    ["XFE1", null],
    ["A1048577", null],
    ["A0", null],
    ["1A", null],
    ["A", null],
    ["ABCD1", null],
  ])("parseAddress(%j)", (text, expected) => {
    expect(parseAddress(text)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ["yyyy-mm-dd", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]aaaa;@", false],
    ["h:mm", true],
    ["0.00", false],
    ['0.00"分"', false],
    ["[Red]0.00", false],
    ["General", false],
    ["@", false],
    ["#,##0_);(#,##0)", false],
  ])("isDateFormat(%j) is %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    ["A4+1", "B4", "B5", "A5+1"],
    ["$A$4+A4", "B4", "C6", "$A$4+B6"],
    ["SUM(A1:A3)", "A4", "B4", "SUM(B1:B3)"],
    ["人员!C2*2", "D2", "D3", "人员!C3*2"],
    ["LOG10(A1)", "B1", "B2", "LOG10(A2)"],
  ])("slideFormula(%j) from %s to %s is %j", (formula, from, to, expected) => {
    expect(slideFormula(formula, parseAddress(from)!, parseAddress(to)!)).toBe(expected);
  });
});
