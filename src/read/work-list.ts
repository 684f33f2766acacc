// The 工作清单 sheet, the quarterly work list (workbook.md): one item a row; 未完成原因 is required
// when 完成情况 is 推进中 or 未完成; 月份, when given, is a month of the workbook's quarter (月纪实).

import type { RowPresence } from "../domain/check-coverage.js";
import type { PersonReference } from "../domain/check-person-references.js";
import { WORK_STATE_LABEL } from "../domain/labels.js";
import type { Period, WorkItem } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { WORK_LIST_SHEET } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf } from "./find-header-row.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { RowReader, type SheetContext, addReference, personReference } from "./rows.js";

export interface ParsedWorkList {
  items: WorkItem[];
  references: PersonReference[];
  /** Null when the sheet could not be read (no header row). */
  presence: RowPresence[] | null;
  problems: Problem[];
}


/** `period`: the workbook's, whose months 月份 must be; null when 参数 could not say it. */
export function parseWorkListSheet(context: SheetContext, sheet: PlainSheet, period: Period | null): ParsedWorkList {
  const { file } = context;
  const found = findHeaderRow(file, WORK_LIST_SHEET.name, sheet, headerSpecOf(WORK_LIST_SHEET));
  const result: ParsedWorkList = { items: [], references: [], presence: null, problems: [...found.problems] };
  if (!found.value) return result;
  const presence: RowPresence[] = [];
  result.presence = presence;

  for (const row of dataRows(found.value)) {
    const r = new RowReader(file, found.value, row);
    const personId = r.id("人员编号", true);
    const errorsBefore = r.problems.length;
    const month = r.month("月份", period);
    const monthRead = r.problems.length === errorsBefore;
    const item = r.text("工作事项", true);
    const state = r.choice("完成情况", WORK_STATE_LABEL, true);
    const reason = r.text("未完成原因");
    const note = r.text("备注");
    if (state !== null && state !== "done" && reason === null) {
      r.report(
        "未完成原因",
        "E_WORK_REASON",
        "",
        `${r.place("未完成原因")}没有填写。完成情况为“${WORK_STATE_LABEL[state]}”时须写明未完成的原因。`,
      );
    }
    if (personId !== null) {
      addReference(context, result.references, personReference(r, "workItem", personId, "人员编号", "姓名"));
      presence.push({ personId, ref: r.ref("人员编号") });
      if (item !== null && state !== null && monthRead) {
        result.items.push({ personId, month, item, state, reason, note, ref: r.ref("工作事项") });
      }
    }
    result.problems.push(...r.finish(context.unitOf(personId)));
  }
  return result;
}
