// Does every graded person have what grading needs (workbook.md 个性评分, 共性测评, 工作清单)?
// Exactly one 个性评分 row; at least one 共性测评 rating in a rater group whose weight is above
// zero for their kind of post (rules.md raterWeights / windowRaterWeights); a window post without
// a 服务对象 rating, and a person without a work item, get a warning.
// The rows counted are every row naming the person, readable or not: a row whose score has an
// error is reported at its cell, not again as a missing row.

import { RATER_GROUP_LABEL, type RaterGroup } from "./labels.js";
import type { Person } from "./model.js";
import { isGraded, rowsByPersonId } from "./model.js";
import type { CellRef } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";
import type { Rules } from "./rules.js";
import { weightedGroups } from "./score-person.js";
import type { ProblemCode } from "./problem-codes.js";

export interface RowPresence {
  personId: string;
  ref: CellRef;
}

export interface RatingPresence extends RowPresence {
  /** null when the 测评人类别 cell could not be read (its error is reported there). */
  group: RaterGroup | null;
}

/** Rows naming each person in the sheets; null for a sheet that could not be read at all. */
export interface Presence {
  file: string;
  individual: readonly RowPresence[] | null;
  ratings: readonly RatingPresence[] | null;
  workItems: readonly RowPresence[] | null;
}


function who(person: Person): string {
  return `${person.name}（人员编号 ${person.id}，${person.ref.sheet}!${person.ref.cell}）`;
}

function sheetLevel(file: string, sheet: string, person: Person, severity: "error" | "warning", code: ProblemCode, message: string): Problem {
  return { ...problemAt({ file, sheet, cell: "", header: "" }, severity, code, person.id, message), unit: person.unitCode };
}

export function checkCoverage(persons: readonly Person[], presence: Presence, rules: Pick<Rules, "raterWeights" | "windowRaterWeights">): Problem[] {
  const problems: Problem[] = [];
  const graded = persons.filter(isGraded);
  const { file } = presence;

  if (presence.individual) {
    const rows = rowsByPersonId(presence.individual);
    for (const person of graded) {
      const mine = rows.get(person.id) ?? [];
      if (mine.length === 0) {
        problems.push(
          sheetLevel(file, "个性评分", person, "error", "E_MISSING_INDIVIDUAL_SCORE", `“个性评分”工作表中没有${who(person)}的评分行。每位参加定等的人员应有一行个性评分。`),
        );
      }
      const first = mine[0];
      for (const extra of mine.slice(1)) {
        problems.push({
          ...problemAt(
            extra.ref,
            "error",
            "E_DUPLICATE_INDIVIDUAL_SCORE",
            person.id,
            `${extra.ref.sheet}!${extra.ref.cell}：${person.name}（${person.id}）在“个性评分”中已有一行（${first?.ref.cell ?? ""}），每人只能有一行。请删除或合并多余的行。`,
          ),
          unit: person.unitCode,
        });
      }
    }
  }

  if (presence.ratings) {
    const rows = rowsByPersonId(presence.ratings);
    for (const person of graded) {
      const mine = rows.get(person.id) ?? [];
      const counted = weightedGroups(person.window, rules);
      // A row whose group is unreadable already has its error; it might have counted.
      const weighted = mine.some((row) => row.group === null || counted.includes(row.group));
      if (!weighted) {
        const groups = counted.map((g) => RATER_GROUP_LABEL[g]).join("、");
        const found = mine.length === 0 ? "没有任何测评" : `只有权重为 0 的测评人类别（${[...new Set(mine.map((r) => (r.group ? RATER_GROUP_LABEL[r.group] : "")))].join("、")}）的测评`;
        problems.push(
          sheetLevel(
            file,
            "共性测评",
            person,
            "error",
            "E_NO_RATING",
            `“共性测评”工作表中${who(person)}${found}。每位参加定等的人员至少要有一条${groups}的测评。`,
          ),
        );
      }
      if (person.window && !mine.some((row) => row.group === "recipient")) {
        problems.push(
          sheetLevel(
            file,
            "共性测评",
            person,
            "warning",
            "W_NO_RECIPIENT_RATING",
            `${who(person)}是窗口岗位，但“共性测评”中没有服务对象的测评。请补录服务对象评议卡的结果；没有时共性得分只按其他测评人类别计算。`,
          ),
        );
      }
    }
  }

  if (presence.workItems) {
    const rows = rowsByPersonId(presence.workItems);
    for (const person of graded) {
      if (rows.has(person.id)) continue;
      problems.push(
        sheetLevel(file, "工作清单", person, "warning", "W_NO_WORK_ITEM", `“工作清单”工作表中没有${who(person)}的工作事项。请补填本季度的工作绩效清单。`),
      );
    }
  }
  return problems;
}
