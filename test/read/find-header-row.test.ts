// Finding sheets, header rows and columns (workbook.md "How sheets and columns are found").

import { describe, expect, it } from "vitest";
import { dataRows, findHeaderRow, findSheet } from "../../src/read/find-header-row.js";
import { plainWorkbook, type CellData } from "../support/plain-workbook.js";

const SPEC = {
  required: ["人员编号", "姓名", "科室"],
  isKnown: (h: string) => ["人员编号", "姓名", "科室", "职务职级", "备注"].includes(h),
};

function sheetOf(rows: CellData[][], name = "人员") {
  const workbook = plainWorkbook("q.xlsx", [{ name, rows }]);
  const sheet = workbook.sheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

function find(rows: CellData[][]) {
  return findHeaderRow("q.xlsx", "人员", sheetOf(rows), SPEC);
}

const brief = (p: { code: string; cell: string; header: string }) => [p.code, p.cell, p.header].filter((s) => s !== "").join(" ");

describe("the header row", () => {
  it.each<[string, CellData[][], number]>([
    ["in row 1", [["人员编号", "姓名", "科室"]], 1],
    ["below a title and a blank row", [["某县档案馆人员名册"], [], ["人员编号", "姓名", "科室"]], 3],
    ["with marks, spaces and line breaks", [["人员编号*", "姓 名（必填）", "科\n室"]], 1],
    ["in row 10, the last allowed", [...Array.from({ length: 9 }, () => ["说明"]), ["科室", "姓名", "人员编号"]], 10],
    ["the first row that holds them all", [["人员编号", "姓名"], ["人员编号", "姓名", "科室"], ["人员编号", "姓名", "科室"]], 2],
  ])("%s", (_, rows, headerRow) => {
    const { value: layout, problems } = find(rows);
    expect(problems).toEqual([]);
    expect(layout?.headerRow).toBe(headerRow);
  });

  it("maps columns by normalised header, in any order", () => {
    const { value: layout } = find([["科室", "备注", "人员编号（必填）", "姓名*"]]);
    expect([...(layout?.columns ?? [])]).toEqual([
      ["科室", 1],
      ["备注", 2],
      ["人员编号", 3],
      ["姓名", 4],
    ]);
  });

  it("below row 10 is an error that says where it is", () => {
    const { value: layout, problems } = find([...Array.from({ length: 11 }, () => ["说明"]), ["人员编号", "姓名", "科室"]]);
    expect(layout).toBeNull();
    expect(problems.map(brief)).toEqual(["E_HEADER_TOO_LOW A12"]);
    expect(problems[0]?.message).toBe("人员!A12：“人员”工作表的列标题在第 12 行，应在前 10 行之内。请删除标题行上方多余的行。");
  });

  it("a missing required header is named, with the row that holds the others", () => {
    const { value: layout, problems } = find([["标题"], ["人员编号", "姓名", "职务职级"]]);
    expect(layout).toBeNull();
    expect(problems.map(brief)).toEqual(["E_MISSING_HEADER 科室"]);
    expect(problems[0]?.message).toBe("“人员”工作表标题行（第 2 行）中没有“科室”列。请在标题行补上这一列，列标题须与模板一致。");
  });

  it("an empty sheet misses every required header", () => {
    const { problems } = find([]);
    expect(problems.map(brief)).toEqual(["E_MISSING_HEADER 人员编号", "E_MISSING_HEADER 姓名", "E_MISSING_HEADER 科室"]);
  });

  it("a duplicated known header is an error; the first column is read", () => {
    const { value: layout, problems } = find([["人员编号", "姓名", "科室", "姓名 "]]);
    expect(problems.map(brief)).toEqual(["E_DUPLICATE_HEADER D1 姓名"]);
    expect(layout?.columns.get("姓名")).toBe(2);
    expect(problems[0]?.severity).toBe("error");
  });

  it("an unknown header is a warning and its column is ignored", () => {
    const { value: layout, problems } = find([["人员编号", "姓名", "科室", "联系电话"]]);
    expect(problems.map(brief)).toEqual(["W_UNKNOWN_HEADER D1"]);
    expect(problems[0]?.severity).toBe("warning");
    expect(problems[0]?.value).toBe("联系电话");
    expect(layout?.columns.has("联系电话")).toBe(false);
  });
});

describe("data rows", () => {
  it("skips rows whose known columns are all blank, and numbers rows as Excel does", () => {
    const { value: layout } = find([
      ["名册"],
      ["人员编号", "姓名", "科室", "无关列"],
      ["DA01", "钱芳", "办公室"],
      [],
      [null, "  ", null, "这一格在不读取的列里"],
      ["DA02", null, null],
    ]);
    if (!layout) throw new Error("no layout");
    expect(dataRows(layout)).toEqual([3, 6]);
  });
});

describe("sheets by name", () => {
  it("ignores surrounding spaces", () => {
    const workbook = plainWorkbook("q.xlsx", [{ name: " 人员 ", rows: [["x"]] }]);
    const found = findSheet(workbook, "人员", true);
    expect(found.problems).toEqual([]);
    expect(found.value?.name).toBe(" 人员 ");
  });

  it("a missing required sheet is an error; a missing optional one is not", () => {
    const workbook = plainWorkbook("q.xlsx", [{ name: "人员", rows: [] }]);
    expect(findSheet(workbook, "共性测评", true).problems.map((p) => `${p.code} ${p.sheet}`)).toEqual(["E_MISSING_SHEET 共性测评"]);
    expect(findSheet(workbook, "审定", false)).toEqual({ value: null, problems: [] });
  });

  it("two sheets of one name once trimmed is an error", () => {
    const workbook = plainWorkbook("q.xlsx", [
      { name: "人员", rows: [] },
      { name: "人员 ", rows: [] },
    ]);
    expect(findSheet(workbook, "人员", true).problems.map((p) => p.code)).toEqual(["E_DUPLICATE_SHEET"]);
  });
});
