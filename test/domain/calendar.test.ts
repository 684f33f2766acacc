import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addWorkingDays, chineseDate, isCalendarDate, isIsoDate, isWorkingDay } from "../../src/domain/calendar.js";
import type { WorkCalendar } from "../../src/domain/calendar.js";

// 2026: 10-01 is a Thursday. National Day: 10-01..10-07 off; 09-20 (Sunday) and 10-10
// (Saturday) are worked (调休).
const NATIONAL_DAY: WorkCalendar = {
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
};
const PLAIN: WorkCalendar = { holidays: [], workdays: [] };

describe("isWorkingDay (rules.md calendar.*)", () => {
  it.each([
    ["2026-10-12", PLAIN, true, "a Monday"],
    ["2026-10-17", PLAIN, false, "a Saturday"],
    ["2026-10-18", PLAIN, false, "a Sunday"],
    ["2026-10-01", PLAIN, true, "a Thursday without a holiday list"],
    ["2026-10-01", NATIONAL_DAY, false, "National Day"],
    ["2026-10-07", NATIONAL_DAY, false, "the last holiday, a Wednesday"],
    ["2026-10-08", NATIONAL_DAY, true, "the Thursday after"],
    ["2026-10-10", NATIONAL_DAY, true, "a Saturday worked (调休)"],
    ["2026-09-20", NATIONAL_DAY, true, "a Sunday worked (调休)"],
    ["2026-10-11", NATIONAL_DAY, false, "the Sunday after the 调休 Saturday"],
  ])("%s is %s → %s (%s)", (day, calendar, expected) => {
    expect(isWorkingDay(day, calendar)).toBe(expected);
  });

  it("a date listed both as holiday and as workday is off: the holiday wins", () => {
    expect(isWorkingDay("2026-10-10", { holidays: ["2026-10-10"], workdays: ["2026-10-10"] })).toBe(false);
  });
});

describe("addWorkingDays: the last day of a notice of n working days", () => {
  it.each([
    // start, n, calendar, end — each worked by hand from a 2026 wall calendar
    ["2026-10-12", 5, PLAIN, "2026-10-16"], // Mon..Fri
    ["2026-10-12", 1, PLAIN, "2026-10-12"], // the start counts as day 1
    ["2026-10-16", 2, PLAIN, "2026-10-19"], // Fri, (Sat, Sun), Mon
    ["2026-10-17", 1, PLAIN, "2026-10-19"], // starts on a Saturday: counting begins Monday
    ["2026-10-09", 5, PLAIN, "2026-10-15"], // Fri 9, Mon 12, 13, 14, 15
    ["2026-10-09", 5, NATIONAL_DAY, "2026-10-14"], // Fri 9, Sat 10 (调休), Mon 12, 13, 14
    ["2026-09-30", 3, NATIONAL_DAY, "2026-10-09"], // Wed 30, (1..7 off), Thu 8, Fri 9
    ["2026-10-01", 1, NATIONAL_DAY, "2026-10-08"], // starts on a holiday
    ["2026-10-03", 1, NATIONAL_DAY, "2026-10-08"], // a Saturday inside the holiday
    ["2026-10-10", 1, NATIONAL_DAY, "2026-10-10"], // the 调休 Saturday itself
    ["2026-10-10", 2, NATIONAL_DAY, "2026-10-12"], // Sat 10, (Sun 11), Mon 12
    ["2026-09-18", 2, NATIONAL_DAY, "2026-09-20"], // Fri 18, (Sat 19), Sun 20 (调休)
    ["2026-12-31", 3, PLAIN, "2027-01-04"], // Thu 31, Fri 1, Mon 4
    ["2026-12-31", 3, { holidays: ["2027-01-01"], workdays: [] }, "2027-01-05"], // Thu 31, Mon 4, Tue 5
    ["2028-02-28", 2, PLAIN, "2028-02-29"], // leap year: Mon 28, Tue 29
  ])("%s + %i working days → %s", (start, n, calendar, end) => {
    expect(addWorkingDays(start, n, calendar as WorkCalendar)).toBe(end);
  });

  it.each([
    ["2026-02-30", 1],
    ["2026/10/12", 1],
    ["2026-10-12", 0],
    ["2026-10-12", 1.5],
  ])("refuses %s with n = %s (a bug upstream, not clerk input)", (start, n) => {
    expect(() => addWorkingDays(start, n, PLAIN)).toThrow(RangeError);
  });

  it("the end is a working day, not before the start, and exactly n working days lie between", () => {
    const day = fc.integer({ min: 0, max: 800 }).map((k) => new Date(Date.UTC(2025, 0, 1 + k)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), fc.array(day, { maxLength: 20 }), fc.array(day, { maxLength: 5 }), (start, n, holidays, workdays) => {
        const calendar = { holidays, workdays };
        const end = addWorkingDays(start, n, calendar);
        expect(end >= start).toBe(true);
        expect(isWorkingDay(end, calendar)).toBe(true);
        let counted = 0;
        for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) {
          if (isWorkingDay(d.toISOString().slice(0, 10), calendar)) counted++;
        }
        expect(counted).toBe(n);
      }),
    );
  });
});

describe("chineseDate", () => {
  it.each([
    ["2026-10-09", "2026年10月9日"],
    ["2026-01-01", "2026年1月1日"],
    ["2026-12-31", "2026年12月31日"],
  ])("%s → %s", (iso, text) => {
    expect(chineseDate(iso)).toBe(text);
  });

  it("refuses a date that does not exist", () => {
    expect(() => chineseDate("2026-13-01")).toThrow(RangeError);
  });
});

describe("isCalendarDate / isIsoDate: the one check of a date (cells, the rules file's calendar, working days)", () => {
  it.each([
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-10-00", false],
    ["2026-10-9", false],
  ])("%s → %s", (iso, real) => {
    expect(isIsoDate(iso)).toBe(real);
    const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
    if (iso.length === 10) expect(isCalendarDate(year, month, day)).toBe(real);
  });
});
