// A notice period counted on a year whose holidays the tool does not know (rules.md calendar.*:
// "a period in a year without a schedule is a warning"): its working days are then counted on
// weekends and the rules file's dates alone, and may include a festival.

import { SCHEDULED_YEARS, addWorkingDays, chineseDate, nationalCalendar, unscheduledYears } from "./calendar.js";
import type { CellRef } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";
import type { Rules } from "./rules.js";

/** W_CALENDAR_YEAR at the 公示开始日期 cell when the notice period runs into a year without a schedule. */
export function checkNoticeCalendar(start: string, ref: CellRef, rules: Pick<Rules, "notice" | "calendar">): Problem[] {
  const end = addWorkingDays(start, rules.notice.days, nationalCalendar(rules.calendar));
  const missing = unscheduledYears(start, end);
  if (missing.length === 0) return [];
  const years = missing.map((y) => `${y}年`).join("、");
  const known = `${SCHEDULED_YEARS[0]}年至${SCHEDULED_YEARS[SCHEDULED_YEARS.length - 1]}年`;
  return [
    problemAt(
      ref,
      "warning",
      "W_CALENDAR_YEAR",
      start,
      `${ref.sheet}!${ref.cell}「${ref.header}」：公示期${chineseDate(start)}至${chineseDate(end)}落在${years}，` +
        `本工具只带有${known}国务院办公厅公布的节假日安排，${years}只按周六、周日休息计算工作日，可能把节假日算作工作日。` +
        `请核对公示期的结束日期；需要时在规则文件的 calendar.holidays 和 calendar.workdays 中填入该年的节假日和调休上班日。`,
    ),
  ];
}
