// The months of an appraisal quarter (workbook.md 工作清单 and 个人小结 `月份`: 月纪实, the work
// list kept month by month). A month is its number 1-12; null stands for the quarter as a whole.

import type { Period } from "./model.js";

/** The three months of a quarter, in order: Q3 → 7, 8, 9. */
export function quarterMonths(quarter: Period["quarter"]): readonly [number, number, number] {
  const first = quarter * 3 - 2;
  return [first, first + 1, first + 2];
}

/** `10月`. */
export function monthLabel(month: number): string {
  return `${month}月`;
}

/** `7月、8月、9月`. */
export function quarterMonthsText(quarter: Period["quarter"]): string {
  return quarterMonths(quarter).map(monthLabel).join("、");
}

/** What a month of a row is called on outputs: `10月`, or `全季度` for a row of the whole quarter. */
export function monthOrQuarterLabel(month: number | null): string {
  return month === null ? "全季度" : monthLabel(month);
}

/** Months first in calendar order, the whole quarter (null) last: the order rows are printed in. */
export function compareMonths(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
