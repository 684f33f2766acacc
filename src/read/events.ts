// The 加减分 sheet (workbook.md): bonus, deduction, veto and bar-from-好 events. 分值 is a number
// above 0 for 加分 and 减分 and blank for 否决 and 限好.

import type { PersonReference } from "../domain/check-person-references.js";
import { ZERO } from "../domain/exact.js";
import { EVENT_KIND_LABEL } from "../domain/labels.js";
import type { ScoreEvent } from "../domain/model.js";
import { hasErrors, type Problem } from "../domain/problem.js";
import { EVENTS_SHEET } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf } from "./find-header-row.js";
import { cellText, isBlank, type NumberRange } from "./normalise-cell.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { RowReader, type SheetContext, addReference, personReference } from "./rows.js";

export interface ParsedEvents {
  events: ScoreEvent[];
  references: PersonReference[];
  problems: Problem[];
}

const POINTS: NumberRange = { min: ZERO, max: null, minExclusive: true, code: "E_NUMBER_RANGE" };

export function parseEventsSheet(context: SheetContext, sheet: PlainSheet): ParsedEvents {
  const { file } = context;
  const found = findHeaderRow(file, EVENTS_SHEET.name, sheet, headerSpecOf(EVENTS_SHEET));
  const result: ParsedEvents = { events: [], references: [], problems: [...found.problems] };
  if (!found.value) return result;

  for (const row of dataRows(found.value)) {
    const r = new RowReader(file, found.value, row);
    const personId = r.id("人员编号", true);
    if (personId !== null) addReference(context, result.references, personReference(r, "event", personId, "人员编号", "姓名"));
    // Events of every listed person are read, graded or not: a 否决 counts for the year (rules.md §6).
    if (personId !== null && context.known(personId)) {
      const kind = r.choice("类型", EVENT_KIND_LABEL, true);
      const reason = r.text("事由", true);
      const date = r.date("日期");
      let points = null;
      if (kind === "bonus" || kind === "deduction") {
        points = r.number("分值", POINTS, true);
      } else if (kind !== null && !isBlank(r.cell("分值"))) {
        r.report(
          "分值",
          "E_EVENT_POINTS",
          cellText(r.cell("分值")),
          `${r.place("分值")}：类型为“${EVENT_KIND_LABEL[kind]}”时分值应留空（${EVENT_KIND_LABEL[kind]}不加减分数）。请删除分值，或把类型改为加分、减分。`,
        );
      }
      const complete = kind !== null && reason !== null && ((kind !== "bonus" && kind !== "deduction") || points !== null);
      if (complete && !hasErrors(r.problems)) {
        result.events.push({ personId, kind, points, reason, date, ref: r.ref("类型") });
      }
    }
    result.problems.push(...r.finish(context.unitOf(personId)));
  }
  return result;
}
