// 月份 as workbook.md lists it (工作清单, 个人小结): `10`, `10月`, `十月`, a date cell; checked
// against the workbook's quarter; the warning for a month without any item (月纪实); and 个人小结
// with its checks. Every expected value is worked out by hand from the cells.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import type { Problem } from "../../src/domain/problem.js";
import type { CellValue } from "../../src/ooxml/plain.js";
import type { CellRead } from "../../src/read/normalise-cell.js";
import { readMonth } from "../../src/read/normalise-cell.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { plainWorkbook, type CellData, type SheetData } from "../support/plain-workbook.js";
import { appendRows, baseWorkbook, setCell, sheetOf, copy } from "../support/workbook-data.mjs";

const RULES = {
  raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact(0) },
  windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
  notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
};

const text = (t: string): CellValue => ({ kind: "text", text: t });

function outcome(read: CellRead<number | null>): string {
  return read.ok ? String(read.value) : `${read.fault.code}: ${read.fault.text}`;
}

describe("readMonth: every form of workbook.md", () => {
  it.each<[string, CellValue, string]>([
    ["a number cell", { kind: "number", value: 10 }, "10"],
    ["digits as text", text("10"), "10"],
    ["one digit", text("7"), "7"],
    ["a leading zero", text("07"), "7"],
    ["full-width digits", text("１０"), "10"],
    ["digits and 月", text("10月"), "10"],
    ["digits and 月份", text("9月份"), "9"],
    ["spaces inside", text(" 10 月 "), "10"],
    ["十月", text("十月"), "10"],
    ["七月", text("七月"), "7"],
    ["十一月", text("十一月"), "11"],
    ["十二月份", text("十二月份"), "12"],
    ["an Excel date cell: its month", { kind: "date", iso: "2026-08-31" }, "8"],
    ["date text", text("2026-09-15"), "9"],
    ["date text in Chinese", text("2026年7月1日"), "7"],
    ["blank", { kind: "blank" }, "null"],
    ["spaces only", text("   "), "null"],
  ])("%s", (_name, cell, expected) => {
    expect(outcome(readMonth(cell))).toBe(expected);
  });

  it.each<[string, CellValue, string]>([
    ["13", text("13"), "13"],
    ["month 0", { kind: "number", value: 0 }, "0"],
    ["a fraction", { kind: "number", value: 7.5 }, "7.5"],
    ["a season word", text("三季度"), "三季度"],
    ["a word", text("七八月"), "七八月"],
    ["a date that does not exist", text("2026-09-31"), "2026-09-31"],
  ])("refuses %s with E_MONTH naming what is allowed", (_name, cell, found) => {
    expect(outcome(readMonth(cell))).toBe(`E_MONTH: 填写了“${found}”，应为月份，如 10、10月、十月，或一个日期。`);
  });

  it("a formula error is the formula's fault, not a month's", () => {
    expect(outcome(readMonth({ kind: "error", text: "#REF!" }))).toMatch(/^E_FORMULA_ERROR: /);
  });
});

function parse(sheets: SheetData[]) {
  return parseWorkbook(plainWorkbook("档案馆.xlsx", sheets), RULES);
}

function brief(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.sheet}${p.cell ? `!${p.cell}` : ""}${p.value ? ` ${p.value}` : ""}`);
}

/** The base workbook (2026 Q3) with a 月份 column G in 工作清单, one value per data row. */
function withMonths(months: CellData[]): SheetData[] {
  let sheets = setCell(baseWorkbook() as SheetData[], "工作清单", "G1", "月份") as SheetData[];
  months.forEach((month, i) => (sheets = setCell(sheets, "工作清单", `G${i + 2}`, month) as SheetData[]));
  return sheets;
}

describe("工作清单 月份 against the workbook's quarter", () => {
  it("a workbook without 月份 reads its items as the whole quarter, with no problem", () => {
    const parsed = parse(baseWorkbook() as SheetData[]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.workbook?.workItems.map((w) => w.month)).toEqual([null, null, null]);
    expect(parsed.workbook?.summaries).toEqual([]);
  });

  it("reads each form as the month of the quarter", () => {
    const parsed = parse(withMonths(["7", "8月", { date: "2026-09-03" }]));
    expect(brief(parsed.problems)).toEqual([
      // each person has items of one month only: the other two months of Q3 are warned about
      "W_MONTH_NO_ITEM 工作清单 8月",
      "W_MONTH_NO_ITEM 工作清单 9月",
      "W_MONTH_NO_ITEM 工作清单 7月",
      "W_MONTH_NO_ITEM 工作清单 9月",
      "W_MONTH_NO_ITEM 工作清单 7月",
      "W_MONTH_NO_ITEM 工作清单 8月",
    ]);
    expect(parsed.workbook?.workItems.map((w) => [w.personId, w.month])).toEqual([
      ["DA01", 7],
      ["DA02", 8],
      ["DA03", 9],
    ]);
  });

  it.each<[string, CellData, string]>([
    ["10 in Q3", "10", "工作清单!G3「月份」填写了“10”，不在本工作簿的考核期2026年第三季度内。月份应为7月、8月、9月之一；属于整个季度的可不填月份。"],
    ["六月 in Q3", "六月", "工作清单!G3「月份」填写了“六月”（6月），不在本工作簿的考核期2026年第三季度内。月份应为7月、8月、9月之一；属于整个季度的可不填月份。"],
    ["a date of October", { date: "2026-10-09" }, "工作清单!G3「月份」填写了“2026-10-09”（10月），不在本工作簿的考核期2026年第三季度内。月份应为7月、8月、9月之一；属于整个季度的可不填月份。"],
  ])("%s is an error at the cell naming the quarter's months", (_name, month, message) => {
    const parsed = parse(withMonths([null, month, null]));
    expect(parsed.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.unit, p.message])).toEqual([["error", "E_MONTH_QUARTER", "工作清单", "G3", "DAJ", message]]);
    // the row is not read, the others are
    expect(parsed.workbook?.workItems.map((w) => w.personId)).toEqual(["DA01", "DA03"]);
  });

  it("a month in Q4 is checked against Q4: 10 is fine, 9 is not", () => {
    let sheets = setCell(withMonths(["10", "9", "十二月"]), "参数", "B3", 4) as SheetData[];
    sheets = setCell(sheets, "参数", "B8", "2027-01-11") as SheetData[];
    const errors = parse(sheets).problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => `${p.code} ${p.cell} ${p.message}`)).toEqual([
      "E_MONTH_QUARTER G3 工作清单!G3「月份」填写了“9”，不在本工作簿的考核期2026年第四季度内。月份应为10月、11月、12月之一；属于整个季度的可不填月份。",
    ]);
  });

  it("warns about the month of a person without any item, naming the month, and not about the whole-quarter items", () => {
    let sheets = withMonths(["7", null, "7"]);
    sheets = appendRows(sheets, "工作清单", [
      ["DA01", "钱芳", "整理8月文件", "已完成", null, null, "8"],
      ["DA03", "曹丽", "8月数字化", "已完成", null, null, "8月"],
      ["DA03", "曹丽", "9月数字化", "已完成", null, null, "九月"],
      // DA04 is not graded: no warning for their months
      ["DA04", "严冬", "试用期培训", "已完成", null, null, "7"],
    ]) as SheetData[];
    const warnings = parse(sheets).problems;
    expect(warnings.map((p) => [p.code, p.sheet, p.cell, p.header, p.value, p.unit])).toEqual([["W_MONTH_NO_ITEM", "工作清单", "", "月份", "9月", "DAJ"]]);
    expect(warnings[0]?.message).toBe(
      "“工作清单”中钱芳（人员编号 DA01）有7月、8月的工作事项，但没有9月的。第三季度每月都应记录工作事项（月纪实），请补填9月的事项。",
    );
  });
});

describe("any month in any form, in any quarter (property)", () => {
  const NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
  it("a month of the quarter is read as itself; any other month is an error at its cell", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 4),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (quarter, month, form) => {
          const written: CellData = [String(month), `${month}月`, `${NUMERALS[month]}月`, { date: `2026-${String(month).padStart(2, "0")}-15` }, month][form]!;
          let sheets = setCell(withMonths([written, null, null]), "参数", "B3", quarter) as SheetData[];
          // no notice date: only the month is checked against the quarter here
          sheets = setCell(sheets, "参数", "B8", null) as SheetData[];
          const parsed = parse(sheets);
          const inQuarter = Math.ceil(month / 3) === quarter;
          const errors = parsed.problems.filter((p) => p.severity === "error").map((p) => `${p.code} ${p.cell}`);
          expect(errors).toEqual(inQuarter ? [] : ["E_MONTH_QUARTER G2"]);
          expect(parsed.workbook?.workItems.find((w) => w.personId === "DA01")?.month).toBe(inQuarter ? month : undefined);
        },
      ),
      { numRuns: 120 },
    );
  });
});

/** The base workbook with a 个人小结 sheet of these rows (人员编号, 姓名, 月份, 小结). */
function withSummaries(rows: CellData[][]): SheetData[] {
  return [...copy(baseWorkbook() as SheetData[]), { name: "个人小结", rows: [["人员编号", "姓名", "月份", "小结"], ...rows] }] as SheetData[];
}

describe("个人小结", () => {
  it("reads one row per person and month, the quarter's summary with month null", () => {
    const parsed = parse(
      withSummaries([
        ["DA01", "钱芳", null, "本季度完成公文办理。"],
        ["DA01", "钱芳", "7月", "七月小结。"],
        ["DA02", null, "八月", "八月小结。"],
        // a leader or a person not graded may write one too
        ["DA04", "严冬", null, "试用期小结。"],
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.workbook?.summaries.map((s) => [s.personId, s.month, s.text, s.ref.cell])).toEqual([
      ["DA01", null, "本季度完成公文办理。", "D2"],
      ["DA01", 7, "七月小结。", "D3"],
      ["DA02", 8, "八月小结。", "D4"],
      ["DA04", null, "试用期小结。", "D5"],
    ]);
  });

  it("a row as the template leaves it (人员编号 and 姓名 only) is neither a summary nor an error", () => {
    const parsed = parse(withSummaries([["DA01", "钱芳", null, null], ["DA02", "孔亮", null, "小结。"]]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.workbook?.summaries.map((s) => s.personId)).toEqual(["DA02"]);
  });

  it.each<[string, CellData[][], string[]]>([
    ["a second summary of the same month", [["DA01", "钱芳", "7", "一。"], ["DA01", "钱芳", "七月", "二。"]], ["E_DUPLICATE_SUMMARY 个人小结!C3 7月"]],
    ["a second summary of the quarter", [["DA01", "钱芳", null, "一。"], ["DA01", "钱芳", null, "二。"]], ["E_DUPLICATE_SUMMARY 个人小结!A3 DA01"]],
    ["a month without 小结", [["DA01", "钱芳", "8", null]], ["E_REQUIRED 个人小结!D2"]],
    ["a person not in 人员", [["DA09", "魏强", null, "小结。"]], ["E_UNKNOWN_PERSON 个人小结!A2 DA09"]],
    ["a name that is not the person's", [["DA02", "孔明", null, "小结。"]], ["E_NAME_MISMATCH 个人小结!B2 孔明"]],
    ["a month outside the quarter", [["DA02", "孔亮", "10", "小结。"]], ["E_MONTH_QUARTER 个人小结!C2 10"]],
    ["no 人员编号", [[null, "孔亮", null, "小结。"]], ["E_REQUIRED 个人小结!A2"]],
  ])("%s is an error at its cell", (_name, rows, expected) => {
    expect(brief(parse(withSummaries(rows)).problems)).toEqual(expected);
  });

  it("the duplicate's message names the first row", () => {
    const problem = parse(withSummaries([["DA01", "钱芳", "7", "一。"], ["DA01", "钱芳", "七月", "二。"]])).problems[0];
    expect(problem?.message).toBe("个人小结!C3「月份」：人员编号 DA01 7月的小结已在第 2 行填写。每人每月只能有一行小结，请把两行合并为一行。");
    expect(problem?.unit).toBe("DAJ");
  });

  it("a workbook without the sheet has no summaries and no problem about it", () => {
    const sheets = (baseWorkbook() as SheetData[]).filter((s) => s.name !== "个人小结");
    expect(sheetOf(sheets, "工作清单")).toBeDefined();
    const parsed = parse(sheets);
    expect(parsed.problems).toEqual([]);
    expect(parsed.workbook?.summaries).toEqual([]);
  });
});
