import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvToWorkbook, decodeCsvBytes, readCsvFile } from "../../src/read/read-csv.js";
import type { PlainSheet } from "../../src/ooxml/plain.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/template/${name}`, import.meta.url));
const LIMITS = { maxInflatedBytes: 256 * 1024 * 1024 };

function textAt(sheet: PlainSheet, address: string): string | null {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const cell = sheet.cell(Number(m[2]), m[1]!.charCodeAt(0) - 64);
  return cell.kind === "text" ? cell.text : cell.kind === "blank" ? null : `<${cell.kind}>`;
}

describe("decodeCsvBytes: the encoding is found from the bytes", () => {
  // 张三 in each encoding, worked out from the code tables
  it.each([
    ["UTF-8 with BOM", [0xef, 0xbb, 0xbf, 0xe5, 0xbc, 0xa0, 0xe4, 0xb8, 0x89], "utf-8-bom"],
    ["UTF-8", [0xe5, 0xbc, 0xa0, 0xe4, 0xb8, 0x89], "utf-8"],
    ["GBK", [0xd5, 0xc5, 0xc8, 0xfd], "gb18030"],
  ])("%s", (_label, bytes, encoding) => {
    expect(decodeCsvBytes(Uint8Array.from(bytes))).toEqual({ text: "张三", encoding });
  });

  it("plain ASCII is UTF-8", () => {
    expect(decodeCsvBytes(Buffer.from("A01,0001"))).toEqual({ text: "A01,0001", encoding: "utf-8" });
  });

  it("any Chinese text survives a round trip through UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) }), (text) => {
        expect(decodeCsvBytes(Buffer.from(text, "utf8")).text).toBe(text);
      }),
    );
  });
});

describe("readCsvFile: the fixture roster in every encoding gives the same cells", () => {
  it.each([
    ["roster.csv", "utf-8"],
    ["roster-bom.csv", "utf-8-bom"],
    ["roster-gbk.csv", "gb18030"],
  ])("%s (%s)", async (name, encoding) => {
    const read = await readCsvFile(fixture(name), "人员", name, LIMITS);
    if (read.value === null) throw new Error(read.problems[0]?.message);
    expect(read.value.encoding).toBe(encoding);
    expect(read.value.workbook.file).toBe(name);
    const [sheet] = read.value.workbook.sheets;
    expect(read.value.workbook.sheets).toHaveLength(1);
    expect(sheet!.name).toBe("人员");
    // header row 1, ten persons, eleven columns (fixtures/template/README.md)
    expect(sheet!.rowCount).toBe(11);
    expect(sheet!.columnCount).toBe(11);
    expect(textAt(sheet!, "A1")).toBe("单位代码");
    expect(textAt(sheet!, "B2")).toBe("0001"); // leading zeros kept: CSV values are text
    expect(textAt(sheet!, "C8")).toBe("阿依古丽·买买提");
    expect(textAt(sheet!, "G6")).toBe("不确定等次");
    expect(textAt(sheet!, "E2")).toBe("局长");
    expect(textAt(sheet!, "F2")).toBe("领导成员");
    expect(textAt(sheet!, "G2")).toBeNull(); // an empty field is blank
    expect(textAt(sheet!, "K11")).toBe('备注含逗号,和"引号"');
  });

  it("the three encodings have equal cells and different hashes", async () => {
    const sheets = [];
    const hashes = new Set<string>();
    for (const name of ["roster.csv", "roster-bom.csv", "roster-gbk.csv"]) {
      const read = await readCsvFile(fixture(name), "人员", name, LIMITS);
      if (read.value === null) throw new Error(read.problems[0]?.message);
      hashes.add(read.value.workbook.sha256);
      const sheet = read.value.workbook.sheets[0]!;
      const cells: string[] = [];
      for (let r = 1; r <= sheet.rowCount; r++) for (let c = 1; c <= sheet.columnCount; c++) cells.push(JSON.stringify(sheet.cell(r, c)));
      sheets.push(cells);
    }
    expect(sheets[1]).toEqual(sheets[0]);
    expect(sheets[2]).toEqual(sheets[0]);
    expect(hashes.size).toBe(3);
  });
});

describe("csvToWorkbook: rows are numbered as Excel shows the file", () => {
  it.each([
    // text, address, expected text at the address, rowCount
    ["a,b\r\n\r\nc,d\r\n", "A3", "c", 3],
    ["a,b\n\"多行\n文字\",x\ny,z\n", "A3", "y", 3],
    ["a,b\n1,2\n\n\n", "B2", "2", 2],
    ["  x  ,y\n", "A1", "  x  ", 1], // spaces are the parser's to trim
    ['a,5"寸\n', "B1", '5"寸', 1], // a stray quote inside a field is text
  ])("%j: %s is %j", (text, address, expected, rowCount) => {
    const read = csvToWorkbook(Buffer.from(text), "单位", "u.csv");
    if (read.value === null) throw new Error(read.problems[0]?.message);
    expect(textAt(read.value.workbook.sheets[0]!, address)).toBe(expected);
    expect(read.value.workbook.sheets[0]!.rowCount).toBe(rowCount);
  });

  it.each([
    ["", "E_FILE_EMPTY"],
    ['a,"b\n1,2\n', "E_FILE_CORRUPT"],
  ])("refuses %j with %s and a message naming the file", (text, code) => {
    const read = csvToWorkbook(Buffer.from(text), "人员", "名册.csv");
    expect(read.problems[0]?.code).toBe(code);
    expect(read.problems[0]?.message).toContain("名册.csv");
  });

  it("a missing file is E_FILE_UNREADABLE", async () => {
    const read = await readCsvFile(fixture("no-such.csv"), "人员", "no-such.csv", LIMITS);
    expect(read.problems[0]?.code).toBe("E_FILE_UNREADABLE");
  });
});
