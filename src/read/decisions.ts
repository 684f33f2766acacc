// The 审定 sheet (workbook.md): decisions of the appraisal committee and results of review. At
// most one row per person and 类型; the person must be graded (check-person-references.ts).

import type { PersonReference } from "../domain/check-person-references.js";
import { DECISION_KIND_LABEL, GRADE_LABEL } from "../domain/labels.js";
import type { Decision } from "../domain/model.js";
import { hasErrors, type Problem } from "../domain/problem.js";
import { DECISIONS_SHEET } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf } from "./find-header-row.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { RowReader, type SheetContext, addReference, personReference } from "./rows.js";

export interface ParsedDecisions {
  decisions: Decision[];
  references: PersonReference[];
  problems: Problem[];
}


export function parseDecisionsSheet(context: SheetContext, sheet: PlainSheet): ParsedDecisions {
  const { file } = context;
  const found = findHeaderRow(file, DECISIONS_SHEET.name, sheet, headerSpecOf(DECISIONS_SHEET));
  const result: ParsedDecisions = { decisions: [], references: [], problems: [...found.problems] };
  if (!found.value) return result;
  const firstRow = new Map<string, string>();

  for (const row of dataRows(found.value)) {
    const r = new RowReader(file, found.value, row);
    const personId = r.id("人员编号", true);
    if (personId !== null) addReference(context, result.references, personReference(r, "decision", personId, "人员编号", "姓名"));
    if (personId !== null && context.graded(personId)) {
      const grade = r.choice("审定等次", GRADE_LABEL, true);
      const kind = r.choice("类型", DECISION_KIND_LABEL, true);
      const reason = r.text("理由", true);
      const date = r.date("日期", true);
      if (kind !== null) {
        const key = `${personId}\u0000${kind}`;
        const first = firstRow.get(key);
        if (first !== undefined) {
          r.report(
            "类型",
            "E_DUPLICATE_DECISION",
            DECISION_KIND_LABEL[kind],
            `${r.place("类型")}：人员编号 ${personId} 的“${DECISION_KIND_LABEL[kind]}”已在第 ${first} 行填写。每人每种类型只能有一行，请删除或合并。`,
          );
        } else {
          firstRow.set(key, String(row));
        }
      }
      if (grade !== null && kind !== null && reason !== null && date !== null && !hasErrors(r.problems)) {
        result.decisions.push({ personId, grade, kind, reason, date, ref: r.ref("审定等次") });
      }
    }
    result.problems.push(...r.finish(context.unitOf(personId)));
  }
  return result;
}
