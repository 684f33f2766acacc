// Working days for the notice period and the 复核 window (rules.md notice.days, notice.reviewDays,
// calendar.*). The calendar comes in as an argument (STYLE.md habit 8): Saturdays and Sundays are
// off unless listed in `workdays` (调休), and every date in `holidays` is off. Dates are ISO text
// `2026-10-09`; the arithmetic runs on UTC day numbers, so no time zone or clock is involved.
// `nationalCalendar` puts the rules file's dates over the State Council's published schedule
// (holiday-schedule.ts), which is what the notice and the 复核 window count on by default.

import { NATIONAL_SCHEDULE } from "./holiday-schedule.js";

export interface WorkCalendar {
  /** ISO dates that are off (法定节假日), even on a weekday. */
  holidays: readonly string[];
  /** ISO dates on a weekend that are worked (调休). */
  workdays: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether `year-month-day` is a day of the calendar (2026-02-29 is not): the one check of a date
 * for a workbook's cells (normalise-cell.ts), the rules file's calendar and the working days here.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether an ISO text `2026-10-09` names a day of the calendar. */
export function isIsoDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 of an ISO date; a malformed or impossible date is a bug upstream. */
function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(year, month, day)) throw new RangeError(`no such date: ${iso}`);
  // setUTCFullYear, not Date.UTC, which takes the years 0 to 99 for 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / DAY_MS;
}

function isoOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDayNumber(dayNo: number, holidays: ReadonlySet<number>, workdays: ReadonlySet<number>): boolean {
  if (holidays.has(dayNo)) return false;
  if (workdays.has(dayNo)) return true;
  // 1970-01-01 was a Thursday: day 0 → weekday 4 (Sunday = 0).
  const weekday = (((dayNo + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** Whether `iso` is a working day under `calendar`. A holiday wins over a 调休 listing. */
export function isWorkingDay(iso: string, calendar: WorkCalendar): boolean {
  return isWorkingDayNumber(
    dayNumber(iso),
    new Set(calendar.holidays.map(dayNumber)),
    new Set(calendar.workdays.map(dayNumber)),
  );
}

/**
 * The last day of a period of `n` working days that starts on `startIso`: the start counts as
 * day 1 when it is a working day, otherwise counting begins at the next working day.
 * 2026-10-12 (Monday) + 5 → 2026-10-16.
 */
export function addWorkingDays(startIso: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1: ${n}`);
  const holidays = new Set(calendar.holidays.map(dayNumber));
  const workdays = new Set(calendar.workdays.map(dayNumber));
  let day = dayNumber(startIso);
  let counted = 0;
  // Terminates: the holiday list is finite, so working days keep coming.
  for (;;) {
    if (isWorkingDayNumber(day, holidays, workdays)) {
      counted++;
      if (counted === n) return isoOf(day);
    }
    day++;
  }
}

/** A date as Chinese documents write it: 2026-10-12 → 2026年10月12日 (no leading zeros). */
export function chineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  dayNumber(iso); // refuses 2026-02-30
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Every ISO date from `first` to `last`, both included. */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = dayNumber(first), end = dayNumber(last); day <= end; day++) dates.push(isoOf(day));
  return dates;
}

/** The published national schedule alone (holiday-schedule.ts), as a calendar. */
export const NATIONAL_CALENDAR: WorkCalendar = {
  holidays: NATIONAL_SCHEDULE.flatMap((year) => year.holidays.flatMap(([, first, last]) => datesBetween(first, last))),
  workdays: NATIONAL_SCHEDULE.flatMap((year) => year.workdays),
};

/** The years whose schedule the tool ships. */
export const SCHEDULED_YEARS: readonly number[] = NATIONAL_SCHEDULE.map((year) => year.year);

/**
 * The calendar working days are counted on (rules.md calendar.*): the national schedule, with the
 * rules file's dates added over it. A date the rules file lists overrides the schedule: listed as
 * a holiday it is off even where the schedule has a 调休 working day, listed as a workday it is
 * worked even where the schedule has a holiday (a unit on duty through a festival).
 */
export function nationalCalendar(added: WorkCalendar): WorkCalendar {
  const addedHolidays = new Set(added.holidays);
  const addedWorkdays = new Set(added.workdays);
  return {
    holidays: [...NATIONAL_CALENDAR.holidays.filter((d) => !addedWorkdays.has(d)), ...added.holidays],
    workdays: [...NATIONAL_CALENDAR.workdays.filter((d) => !addedHolidays.has(d)), ...added.workdays],
  };
}

/** The years from `firstIso` to `lastIso` (both included) for which the tool has no schedule. */
export function unscheduledYears(firstIso: string, lastIso: string): number[] {
  const from = Number(firstIso.slice(0, 4));
  const to = Number(lastIso.slice(0, 4));
  const years: number[] = [];
  for (let year = from; year <= to; year++) if (!SCHEDULED_YEARS.includes(year)) years.push(year);
  return years;
}
