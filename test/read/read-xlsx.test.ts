import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArraySheet } from "../../src/ooxml/array-sheet.js";
import type { CellValue, PlainWorkbook } from "../../src/ooxml/plain.js";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import { DEFAULT_LIMIT, partsOf, tempDir, withPart, writeXlsx, zipOf } from "../support/read-fixtures.js";

async function read(path: string, name: string): Promise<PlainWorkbook> {
  const result = await readWorkbookFile(path, name, DEFAULT_LIMIT);
  if (result.value === null) throw new Error(`unexpected problem: ${result.problems[0]?.message}`);
  return result.value;
}

function at(workbook: PlainWorkbook, sheet: string, row: number, column: number): CellValue {
  const found = workbook.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.cell(row, column);
}

let dir: string;
let samplePath: string;
let sampleBytes: Buffer;

beforeAll(async () => {
  dir = await tempDir();
  samplePath = join(dir, "样例.xlsx");
  sampleBytes = await writeXlsx(samplePath, (wb) => {
    const ws = wb.addWorksheet("个性评分");
    ws.getCell("A1").value = "个性评分表";
    ws.mergeCells("A1:C2");
    ws.getCell("A3").value = 95;
    ws.getCell("B3").value = { formula: "A3*2", result: 190 };
    ws.getCell("C3").value = { formula: "A3*3", date1904: false };
    ws.getCell("D3").value = { error: "#REF!" };
    ws.getCell("E3").value = new Date(Date.UTC(2026, 9, 9));
    ws.getCell("F3").value = { richText: [{ text: "工作" }, { font: { bold: true }, text: "质量" }] };
    ws.getCell("G3").value = "１２３　";
    ws.getCell("H3").value = { text: "考核通知", hyperlink: "https://example.org/" };
    ws.getCell("I3").value = true;
    ws.getCell("J3").value = { formula: "1/0", result: { error: "#DIV/0!" }, date1904: false };
    ws.getCell("K3").value = new Date(Date.UTC(2026, 9, 9, 15, 30));
    ws.getCell("A4").value = 1;
    ws.getCell("B4").value = { formula: "A4+1", result: 2, date1904: false };
    ws.getCell("A5").value = 2;
    ws.getCell("B5").value = { sharedFormula: "B4", result: 3, date1904: false };
    ws.getCell("D6").value = "  前后有空格 ";
    wb.addWorksheet("空表");
    wb.addWorksheet(" 参数 ").getCell("B2").value = "年度";
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readWorkbookFile: cell values (plain.ts)", () => {
  it.each<[string, number, number, CellValue]>([
    ["merged range: top-left", 1, 1, { kind: "text", text: "个性评分表" }],
    ["merged range: right of top-left", 1, 3, { kind: "text", text: "个性评分表" }],
    ["merged range: bottom-right", 2, 3, { kind: "text", text: "个性评分表" }],
    ["number", 3, 1, { kind: "number", value: 95 }],
    ["formula with cached result", 3, 2, { kind: "number", value: 190 }],
    ["formula never calculated", 3, 3, { kind: "noResult", formula: "A3*3" }],
    ["error value", 3, 4, { kind: "error", text: "#REF!" }],
    ["date cell", 3, 5, { kind: "date", iso: "2026-10-09" }],
    ["rich text, runs joined", 3, 6, { kind: "text", text: "工作质量" }],
    ["full-width text, raw", 3, 7, { kind: "text", text: "１２３　" }],
    ["hyperlink, its text", 3, 8, { kind: "text", text: "考核通知" }],
    ["boolean", 3, 9, { kind: "boolean", value: true }],
    ["formula with an error result", 3, 10, { kind: "error", text: "#DIV/0!" }],
    ["date and time: the day", 3, 11, { kind: "date", iso: "2026-10-09" }],
    ["shared formula master", 4, 2, { kind: "number", value: 2 }],
    ["shared formula, cached result", 5, 2, { kind: "number", value: 3 }],
    ["spaces kept (the parser trims)", 6, 4, { kind: "text", text: "  前后有空格 " }],
    ["blank inside the used range", 4, 3, { kind: "blank" }],
    ["outside the used range", 40, 40, { kind: "blank" }],
    ["row 0 is no cell", 0, 1, { kind: "blank" }],
  ])("%s (row %i, column %i)", async (_what, row, column, expected) => {
    const workbook = await read(samplePath, "样例.xlsx");
    expect(at(workbook, "个性评分", row, column)).toEqual(expected);
  });

  it("keeps every worksheet in order with its name as written, its used range and the file's SHA-256", async () => {
    const workbook = await read(samplePath, "单位/样例.xlsx");
    expect(workbook.file).toBe("单位/样例.xlsx");
    expect(workbook.sha256).toBe(createHash("sha256").update(sampleBytes).digest("hex"));
    expect(workbook.sheets.map((s) => [s.name, s.rowCount, s.columnCount])).toEqual([
      ["个性评分", 6, 11],
      ["空表", 0, 0],
      [" 参数 ", 2, 2],
    ]);
  });

  it("a shared formula whose result was never calculated shows its own formula", async () => {
    const path = join(dir, "shared-no-result.xlsx");
    await writeFile(
      path,
      withPart(sampleBytes, "xl/worksheets/sheet1.xml", (xml) => xml.replace('<f t="shared" si="0"/><v>3</v>', '<f t="shared" si="0"/>')),
    );
    const workbook = await read(path, "shared-no-result.xlsx");
    expect(at(workbook, "个性评分", 5, 2)).toEqual({ kind: "noResult", formula: "A5+1" });
  });

  it("a value stored in a merged cell other than the top-left is replaced by the top-left's", async () => {
    const path = join(dir, "merged-with-stray.xlsx");
    await writeFile(
      path,
      withPart(sampleBytes, "xl/worksheets/sheet1.xml", (xml) =>
        xml.replace('<c r="B1"/>', '<c r="B1" t="inlineStr"><is><t>残留</t></is></c>'),
      ),
    );
    const workbook = await read(path, "merged-with-stray.xlsx");
    expect(at(workbook, "个性评分", 1, 2)).toEqual({ kind: "text", text: "个性评分表" });
  });

  it("dates of a 1904-based workbook (old Mac Excel) read as the same day", async () => {
    const path = join(dir, "1904.xlsx");
    await writeXlsx(path, (wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet("参数").getCell("A1").value = new Date(Date.UTC(2026, 9, 9));
    });
    const workbook = await read(path, "1904.xlsx");
    expect(at(workbook, "参数", 1, 1)).toEqual({ kind: "date", iso: "2026-10-09" });
  });

  it("a zip with ZIP64 records reads the same as the plain one", async () => {
    const path = join(dir, "zip64.xlsx");
    await writeFile(path, zipOf(partsOf(sampleBytes), { zip64: true }));
    const plain = await read(samplePath, "样例.xlsx");
    const zip64 = await read(path, "zip64.xlsx");
    for (let row = 1; row <= 6; row++) {
      for (let column = 1; column <= 11; column++) {
        expect(at(zip64, "个性评分", row, column)).toEqual(at(plain, "个性评分", row, column));
      }
    }
  });

  it("a defined name over the whole sheet (which exceljs would expand cell by cell) reads at once", async () => {
    const path = join(dir, "named.xlsx");
    const bytes = await writeXlsx(path, (wb) => {
      wb.addWorksheet("人员").getCell("A1").value = "人员编号";
      wb.definedNames.add("人员!$A$1:$A$2", "名单");
    });
    await writeFile(path, withPart(bytes, "xl/workbook.xml", (xml) => xml.replace("$A$1:$A$2", "$A$1:$XFD$1048576")));
    const started = Date.now();
    const workbook = await read(path, "named.xlsx");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(at(workbook, "人员", 1, 1)).toEqual({ kind: "text", text: "人员编号" });
  });
});

describe("ArraySheet", () => {
  it("returns what was set last, blank elsewhere, and the used range is the largest row and column set", () => {
    // `fit`: fitRow called on the row just set, which must change nothing a reader can see.
    const cell = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), (cells) => {
        const sheet = new ArraySheet("表");
        const expected = new Map<string, number>();
        for (const [row, column, value, fit] of cells) {
          sheet.set(row, column, { kind: "number", value });
          if (fit) sheet.fitRow(row);
          expected.set(`${row},${column}`, value);
        }
        expect(sheet.rowCount).toBe(Math.max(0, ...cells.map(([row]) => row)));
        expect(sheet.columnCount).toBe(Math.max(0, ...cells.map(([, column]) => column)));
        const grid = (get: (row: number, column: number) => CellValue): CellValue[][] =>
          Array.from({ length: 61 }, (_, r) => Array.from({ length: 31 }, (_, c) => get(r + 1, c + 1)));
        expect(grid((row, column) => sheet.cell(row, column))).toEqual(
          grid((row, column) => {
            const value = expected.get(`${row},${column}`);
            return value === undefined ? { kind: "blank" } : { kind: "number", value };
          }),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe("readWorkbookFile: only the sheets asked for", () => {
  it("reads the sheets whose name as written `sheets` takes, in the workbook's order, with the same SHA-256", async () => {
    const all = await read(samplePath, "样例.xlsx");
    const some = await readWorkbookFile(samplePath, "样例.xlsx", { ...DEFAULT_LIMIT, sheets: (name) => name !== "空表" });
    if (some.value === null) throw new Error(some.problems[0]?.message);
    expect(all.sheets.map((s) => s.name)).toEqual(["个性评分", "空表", " 参数 "]);
    expect(some.value.sheets.map((s) => s.name)).toEqual(["个性评分", " 参数 "]);
    expect(some.value.sheets[0]!.cell(3, 2)).toEqual(all.sheets[0]!.cell(3, 2));
    expect(some.value.sha256).toBe(all.sha256);
  });
});
