// The national schedule of public holidays and 调休 working days, as the General Office of the
// State Council publishes it each year (国务院办公厅关于{年}年部分节假日安排的通知; for 2020 also
// 国务院办公厅关于延长2020年春节假期的通知). The notice period and the 复核 window are counted on
// it by default (rules.md calendar.*); `calendar` in a rules file adds to it or overrides it.
//
// Transcribed from those notices and checked date by date against the data of the npm package
// chinese-days 1.5.7 (dist/chinese-days.json). A year is listed only once its notice is
// published; a period in a year not listed here draws the warning W_CALENDAR_YEAR.
// Add a year: append its entry with the notice's ranges, then run test/domain/holiday-schedule.test.ts.

export interface ScheduleYear {
  year: number;
  /** The notice the dates are taken from. */
  source: string;
  /** Days off: [节日, first day, last day], ISO dates, both ends included. */
  holidays: ReadonlyArray<readonly [name: string, first: string, last: string]>;
  /** Weekend days worked (调休), ISO dates. */
  workdays: readonly string[];
}

const notice = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

export const NATIONAL_SCHEDULE: readonly ScheduleYear[] = [
  {
    year: 2020,
    source: `${notice(2020)}；国务院办公厅关于延长2020年春节假期的通知`,
    holidays: [
      ["元旦", "2020-01-01", "2020-01-01"],
      // Extended to 2 February by the second notice, which also cancelled the 调休 of 1 February.
      ["春节", "2020-01-24", "2020-02-02"],
      ["清明节", "2020-04-04", "2020-04-06"],
      ["劳动节", "2020-05-01", "2020-05-05"],
      ["端午节", "2020-06-25", "2020-06-27"],
      ["国庆节、中秋节", "2020-10-01", "2020-10-08"],
    ],
    workdays: ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
  },
  {
    year: 2021,
    source: notice(2021),
    holidays: [
      ["元旦", "2021-01-01", "2021-01-03"],
      ["春节", "2021-02-11", "2021-02-17"],
      ["清明节", "2021-04-03", "2021-04-05"],
      ["劳动节", "2021-05-01", "2021-05-05"],
      ["端午节", "2021-06-12", "2021-06-14"],
      ["中秋节", "2021-09-19", "2021-09-21"],
      ["国庆节", "2021-10-01", "2021-10-07"],
    ],
    workdays: ["2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"],
  },
  {
    year: 2022,
    source: notice(2022),
    holidays: [
      ["元旦", "2022-01-01", "2022-01-03"],
      ["春节", "2022-01-31", "2022-02-06"],
      ["清明节", "2022-04-03", "2022-04-05"],
      ["劳动节", "2022-04-30", "2022-05-04"],
      ["端午节", "2022-06-03", "2022-06-05"],
      ["中秋节", "2022-09-10", "2022-09-12"],
      ["国庆节", "2022-10-01", "2022-10-07"],
    ],
    workdays: ["2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"],
  },
  {
    year: 2023,
    source: notice(2023),
    holidays: [
      // The 2023 notice's 元旦 begins on the last day of 2022.
      ["元旦", "2022-12-31", "2023-01-02"],
      ["春节", "2023-01-21", "2023-01-27"],
      ["清明节", "2023-04-05", "2023-04-05"],
      ["劳动节", "2023-04-29", "2023-05-03"],
      ["端午节", "2023-06-22", "2023-06-24"],
      ["中秋节、国庆节", "2023-09-29", "2023-10-06"],
    ],
    workdays: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
  },
  {
    year: 2024,
    source: notice(2024),
    holidays: [
      ["元旦", "2024-01-01", "2024-01-01"],
      ["春节", "2024-02-10", "2024-02-17"],
      ["清明节", "2024-04-04", "2024-04-06"],
      ["劳动节", "2024-05-01", "2024-05-05"],
      ["端午节", "2024-06-10", "2024-06-10"],
      ["中秋节", "2024-09-15", "2024-09-17"],
      ["国庆节", "2024-10-01", "2024-10-07"],
    ],
    workdays: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"],
  },
  {
    year: 2025,
    source: notice(2025),
    holidays: [
      ["元旦", "2025-01-01", "2025-01-01"],
      ["春节", "2025-01-28", "2025-02-04"],
      ["清明节", "2025-04-04", "2025-04-06"],
      ["劳动节", "2025-05-01", "2025-05-05"],
      ["端午节", "2025-05-31", "2025-06-02"],
      ["国庆节、中秋节", "2025-10-01", "2025-10-08"],
    ],
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  {
    year: 2026,
    source: notice(2026),
    holidays: [
      ["元旦", "2026-01-01", "2026-01-03"],
      ["春节", "2026-02-15", "2026-02-23"],
      ["清明节", "2026-04-04", "2026-04-06"],
      ["劳动节", "2026-05-01", "2026-05-05"],
      ["端午节", "2026-06-19", "2026-06-21"],
      ["中秋节", "2026-09-25", "2026-09-27"],
      ["国庆节", "2026-10-01", "2026-10-07"],
    ],
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
];
