// 月纪实 kept every month (workbook.md 工作清单): a graded person with items in some months of the
// quarter but none in another month gets a warning naming that month. Items without a month (the
// quarter as a whole) say nothing about months, so a work list without 月份 gets no warning here.

import type { Period, Person, WorkItem } from "./model.js";
import { isGraded, rowsByPersonId } from "./model.js";
import { monthLabel, quarterMonths } from "./months.js";
import { quarterText } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";

export function checkMonthlyRecords(file: string, period: Period, persons: readonly Person[], items: readonly WorkItem[]): Problem[] {
  const problems: Problem[] = [];
  const byPerson = rowsByPersonId(items);
  const months = quarterMonths(period.quarter);
  for (const person of persons) {
    if (!isGraded(person)) continue;
    const kept = new Set((byPerson.get(person.id) ?? []).map((item) => item.month).filter((m) => m !== null));
    if (kept.size === 0) continue;
    for (const month of months) {
      if (kept.has(month)) continue;
      const found = [...kept].sort((a, b) => a - b).map(monthLabel).join("、");
      problems.push({
        ...problemAt(
          { file, sheet: "工作清单", cell: "", header: "月份" },
          "warning",
          "W_MONTH_NO_ITEM",
          monthLabel(month),
          `“工作清单”中${person.name}（人员编号 ${person.id}）有${found}的工作事项，但没有${monthLabel(month)}的。` +
            `${quarterText(period.quarter)}每月都应记录工作事项（月纪实），请补填${monthLabel(month)}的事项。`,
        ),
        unit: person.unitCode,
      });
    }
  }
  return problems;
}
