// The 个人小结 sheet (workbook.md, optional): a person's summary of a month, or of the quarter when
// 月份 is blank. At most one row per person and month; 小结 is required; the person must be in
// 人员 (check-person-references.ts, as for every sheet).
//
// Decision where the spec is silent: `assess template` pre-fills a row per person with 月份 and
// 小结 blank. Such a row, as the template left it, is not a summary and not an error (a person who
// writes none has nothing to say); a row with a 月份 and no 小结 is an error at 小结.

import type { PersonReference } from "../domain/check-person-references.js";
import type { Period, PersonalSummary } from "../domain/model.js";
import { monthOrQuarterLabel } from "../domain/months.js";
import type { Problem } from "../domain/problem.js";
import { SUMMARIES_SHEET } from "../domain/sheets.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { dataRows, findHeaderRow, headerSpecOf } from "./find-header-row.js";
import { isBlank } from "./normalise-cell.js";
import { RowReader, type SheetContext, addReference, personReference } from "./rows.js";

export interface ParsedSummaries {
  summaries: PersonalSummary[];
  references: PersonReference[];
  problems: Problem[];
}

/** `period`: the workbook's, whose months 月份 must be; null when 参数 could not say it. */
export function parseSummariesSheet(context: SheetContext, sheet: PlainSheet, period: Period | null): ParsedSummaries {
  const { file } = context;
  const found = findHeaderRow(file, SUMMARIES_SHEET.name, sheet, headerSpecOf(SUMMARIES_SHEET));
  const result: ParsedSummaries = { summaries: [], references: [], problems: [...found.problems] };
  if (!found.value) return result;
  /** The first row of each person and month, by `id \0 month`. */
  const firstRow = new Map<string, number>();

  for (const row of dataRows(found.value)) {
    const r = new RowReader(file, found.value, row);
    const personId = r.id("人员编号", true);
    if (personId !== null && isBlank(r.cell("月份")) && isBlank(r.cell("小结"))) {
      addReference(context, result.references, personReference(r, "summary", personId, "人员编号", "姓名"));
      result.problems.push(...r.finish(context.unitOf(personId)));
      continue;
    }
    const problemsBefore = r.problems.length;
    const month = r.month("月份", period);
    const monthRead = r.problems.length === problemsBefore;
    const text = r.text("小结", true);
    if (personId !== null) {
      addReference(context, result.references, personReference(r, "summary", personId, "人员编号", "姓名"));
      const key = `${personId}\u0000${month ?? ""}`;
      const first = monthRead ? firstRow.get(key) : undefined;
      if (first !== undefined) {
        const which = month === null ? "本季度（未填月份）" : monthOrQuarterLabel(month);
        r.report(
          month === null ? "人员编号" : "月份",
          "E_DUPLICATE_SUMMARY",
          month === null ? personId : monthOrQuarterLabel(month),
          `${r.place(month === null ? "人员编号" : "月份")}：人员编号 ${personId} ${which}的小结已在第 ${first} 行填写。每人每月只能有一行小结，请把两行合并为一行。`,
        );
      } else if (monthRead) {
        firstRow.set(key, row);
        if (text !== null) result.summaries.push({ personId, month, text, ref: r.ref("小结") });
      }
    }
    result.problems.push(...r.finish(context.unitOf(personId)));
  }
  return result;
}
