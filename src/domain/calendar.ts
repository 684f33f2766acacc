// Working days for the notice period and the 复核 window (rules.md notice.days, notice.reviewDays,
// calendar.*). The calendar comes in as an argument (STYLE.md habit 8): Saturdays and Sundays are
// off unless listed in `workdays` (调休), and every date in `holidays` is off. Dates are ISO text
// `2026-10-09`; the arithmetic runs on UTC day numbers, so no time zone or clock is involved.

export interface WorkCalendar {
  /** ISO dates that are off (法定节假日), even on a weekday. */
  holidays: readonly string[];
  /** ISO dates on a weekend that are worked (调休). */
  workdays: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; a malformed or impossible date is a bug upstream. */
function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${iso}`);
  }
  return ms / DAY_MS;
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
