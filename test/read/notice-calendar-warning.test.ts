// W_CALENDAR_YEAR as the reader reports it (rules.md calendar.*): a 公示开始日期 whose notice
// period runs into a year without a published schedule is a warning at that cell; within the
// published years there is none. The same check runs for validate and grade (parseWorkbook).

import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { plainWorkbook, type SheetData } from "../support/plain-workbook.js";
import { baseWorkbook, setCell } from "../support/workbook-data.mjs";

const RULES = {
  raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact(0) },
  windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
  notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
};

function calendarProblems(start: unknown) {
  // 参数!B8 is 公示开始日期 in the base workbook (row 8, under 项目, 年度, 季度, 单位代码, 单位名称, 联系人, 联系电话).
  const sheets = setCell(baseWorkbook(), "参数", "B8", start) as SheetData[];
  return parseWorkbook(plainWorkbook("档案馆.xlsx", sheets), RULES).problems.filter((p) => p.code === "W_CALENDAR_YEAR");
}

describe("W_CALENDAR_YEAR from the 参数 sheet", () => {
  it("warns at 参数!B8 when the notice runs into 2027", () => {
    const problems = calendarProblems("2026-12-28");
    expect(problems.map((p) => [p.severity, p.sheet, p.cell, p.header, p.value])).toEqual([["warning", "参数", "B8", "公示开始日期", "2026-12-28"]]);
  });

  it.each([["2026-10-12"], ["2020-01-23"], [null]])("says nothing for %j", (start) => {
    expect(calendarProblems(start)).toEqual([]);
  });
});
