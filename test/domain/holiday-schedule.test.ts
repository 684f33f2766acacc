import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, nationalCalendar, unscheduledYears } from "../../src/domain/calendar.js";
import { checkNoticeCalendar } from "../../src/domain/check-notice-calendar.js";
import { NATIONAL_SCHEDULE } from "../../src/domain/holiday-schedule.js";

const NONE = { holidays: [], workdays: [] };
const national = nationalCalendar(NONE);

describe("the national schedule (holiday-schedule.ts) is counted by default", () => {
  it.each([
    // start, n, end — each worked by hand from the year's 国务院办公厅 notice and a wall calendar
    ["2026-09-30", 5, "2026-10-12", "issue 11: 9-30, (10-01..07 off), 10-08, 10-09, 10-10 (调休 Saturday), 10-12"],
    ["2026-02-13", 2, "2026-02-14", "Fri 2-13, Sat 2-14 worked (调休 before 春节)"],
    ["2026-02-13", 3, "2026-02-24", "then 2-15..2-23 off: Tue 2-24"],
    ["2020-01-23", 2, "2020-02-03", "春节 2020 extended to 2-2; Sat 2-1 was no longer worked"],
    ["2022-12-30", 2, "2023-01-03", "12-31..1-02 off, published in the 2023 notice"],
    ["2025-09-30", 3, "2025-10-10", "9-30, (10-01..08 off), 10-09, 10-10"],
    ["2025-09-30", 4, "2025-10-11", "Sat 10-11 worked (调休)"],
    ["2024-06-07", 2, "2024-06-11", "Fri 6-7, (Sat, Sun, 端午 Mon 6-10), Tue 6-11"],
  ])("%s + %i working days → %s (%s)", (start, n, end) => {
    expect(addWorkingDays(start, n, national)).toBe(end);
  });

  it("lists each year 2020–2026 once, with its source, ranges in order and 调休 days on weekends only", () => {
    expect(NATIONAL_SCHEDULE.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of NATIONAL_SCHEDULE) {
      expect(year.source).toContain(`${year.year}年部分节假日安排的通知`);
      for (const [, first, last] of year.holidays) expect(first <= last).toBe(true);
      for (const day of year.workdays) {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        expect([0, 6], `${day} is worked, so it must be a weekend day`).toContain(weekday);
        expect(isWorkingDay(day, national)).toBe(true);
      }
    }
  });

  it.each([
    ["the rules file works a national holiday", { holidays: [], workdays: ["2026-10-05"] }, 5, "2026-10-10"],
    ["the rules file takes a 调休 Saturday off", { holidays: ["2026-10-10"], workdays: [] }, 5, "2026-10-13"],
    ["the rules file adds a local holiday", { holidays: ["2026-10-08"], workdays: [] }, 3, "2026-10-10"],
  ])("%s: it overrides the schedule", (_, added, n, end) => {
    expect(addWorkingDays("2026-09-30", n, nationalCalendar(added))).toBe(end);
  });
});

describe("a period in a year without a schedule (W_CALENDAR_YEAR)", () => {
  it.each([
    ["2026-10-09", "2026-10-15", []],
    ["2026-12-28", "2027-01-04", [2027]],
    ["2019-12-30", "2020-01-03", [2019]],
  ])("%s..%s → %j", (first, last, years) => {
    expect(unscheduledYears(first, last)).toEqual(years);
  });

  const ref = { file: "档案馆.xlsx", sheet: "参数", cell: "B8", header: "公示开始日期" };
  const rules = { notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 }, calendar: NONE };

  it("warns at the 公示开始日期 cell when the notice runs into 2027", () => {
    // Mon 12-28 .. Thu 12-31 are 4 working days; 2027-01-01 is counted as a plain Friday.
    const problems = checkNoticeCalendar("2026-12-28", ref, rules);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "warning", code: "W_CALENDAR_YEAR", file: "档案馆.xlsx", sheet: "参数", cell: "B8", value: "2026-12-28" });
    expect(problems[0]?.message).toContain("参数!B8「公示开始日期」：公示期2026年12月28日至2027年1月1日落在2027年");
    expect(problems[0]?.message).toContain("calendar.holidays");
  });

  it("says nothing for a notice inside the published years", () => {
    expect(checkNoticeCalendar("2026-09-30", ref, rules)).toEqual([]);
  });
});
