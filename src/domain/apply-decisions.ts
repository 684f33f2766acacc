// Decisions of the committee and results of review (rules.md §5), applied last: 委员会审定, then
// 复核. A decision sets the grade; the grade it replaced stays in the change record.

import type { ChangeRecord, Reason } from "./graded.js";
import type { Outcome } from "./labels.js";
import { GRADE_LABEL } from "./labels.js";
import type { CellRef } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";
import type { Decision, Person, ScoreEvent } from "./model.js";

export interface DecisionSubject {
  person: Pick<Person, "id" | "name" | "unitCode">;
  /** The grade the rules gave (§3-4). */
  computed: Outcome;
  events: readonly Pick<ScoreEvent, "kind" | "reason">[];
  /** The person's rows of 审定, in sheet order. */
  decisions: readonly Decision[];
}

export interface DecidedPerson {
  grade: Outcome;
  /** One `decision` reason per decision applied. */
  reasons: Reason[];
  changes: ChangeRecord[];
  /** The decisions that made the person 好 from another grade, for the quota check. */
  raisedToGood: Decision[];
}

const KIND_ORDER: Record<Decision["kind"], number> = { committee: 0, review: 1 };

function located(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}${ref.header ? `「${ref.header}」` : ""}`;
}

/**
 * 委员会审定 before 复核, whatever their rows' order (§5). Raising a person with a 否决 event
 * above 较差 is an error (E_DECISION_VETO) and that decision is not applied.
 */
export function applyDecisions(subject: DecisionSubject): { value: DecidedPerson; problems: Problem[] } {
  const { person } = subject;
  const vetoes = subject.events.filter((e) => e.kind === "veto");
  const ordered = [...subject.decisions].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const problems: Problem[] = [];
  const value: DecidedPerson = { grade: subject.computed, reasons: [], changes: [], raisedToGood: [] };
  for (const decision of ordered) {
    if (vetoes.length > 0 && decision.grade !== "poor") {
      const why = vetoes.map((e) => e.reason).join("；");
      problems.push({
        ...problemAt(
          decision.ref,
          "error",
          "E_DECISION_VETO",
          GRADE_LABEL[decision.grade],
          `${located(decision.ref)}把${person.name}（${person.id}）定为“${GRADE_LABEL[decision.grade]}”，但此人有否决事项（${why}），等次只能为较差；请改为较差或删去这一行。`,
        ),
        unit: person.unitCode,
      });
      continue;
    }
    const from = value.grade;
    value.grade = decision.grade;
    value.reasons.push({ kind: "decision", decision: decision.kind, from, to: decision.grade, text: decision.reason });
    value.changes.push({
      personId: person.id,
      name: person.name,
      from,
      to: decision.grade,
      kind: decision.kind,
      reason: decision.reason,
      date: decision.date,
    });
    if (decision.grade === "good" && from !== "good") value.raisedToGood.push(decision);
  }
  // A later decision may have taken back the 好 an earlier one gave.
  if (value.grade !== "good") value.raisedToGood = [];
  return { value, problems };
}

/**
 * After all decisions a pool may not have more 好 than Q (§5, §1.3): an error at every decision
 * that made someone 好, naming the pool, Q and the count, so the clerk sees each row to look at.
 */
export function checkPoolQuota(
  poolName: string,
  quota: number,
  decided: readonly { person: Pick<Person, "unitCode">; decided: DecidedPerson }[],
): Problem[] {
  const good = decided.filter((d) => d.decided.grade === "good").length;
  if (good <= quota) return [];
  return decided.flatMap((d) =>
    d.decided.raisedToGood.map((decision) => ({
      ...problemAt(
        decision.ref,
        "error",
        "E_DECISION_OVER_QUOTA",
        GRADE_LABEL[decision.grade],
        `${located(decision.ref)}：${poolName}的好等次名额为${quota}名，审定后好等次有${good}人，超出名额；请减少审定为好的人数，使其不超过${quota}人。`,
      ),
      unit: d.person.unitCode,
    })),
  );
}
