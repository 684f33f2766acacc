// What grading produces (rules.md §1-5): the contract between the engine and the outputs.

import type { Exact } from "./exact.js";
import type { DecisionKind, Grade, Outcome, Status } from "./labels.js";
import { DECISION_KIND_LABEL, OUTCOME_LABEL, STATUS_LABEL } from "./labels.js";
import type { Person, Unit } from "./model.js";
import { isGraded } from "./model.js";

/** Why a person has the grade they have; each renders to the exact words of rules.md. */
export type Reason =
  | {
      kind: "quota";
      quota: number;
      /** With allocation "department": the 科室 whose share of Q was exceeded (rules.md §4.4). */
      department?: string;
    }
  | { kind: "veto"; text: string }
  | { kind: "barGood"; text: string }
  | { kind: "tie"; tied: number; left: number; policy: "committee" | "strict" }
  | { kind: "decision"; decision: DecisionKind; from: Outcome; to: Grade; text: string }
  | { kind: "pooled"; parentName: string }
  | { kind: "status"; status: Exclude<Status, "participating">; text: string | null }
  | { kind: "leadership" };

export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case "quota":
      return reason.department === undefined
        ? `超出好等次名额（${reason.quota}名）`
        : `超出${reason.department}好等次名额（${reason.quota}名）`;
    case "veto":
      return `否决：${reason.text}`;
    case "barGood":
      return `限好：${reason.text}`;
    case "tie":
      return reason.policy === "committee"
        ? `${reason.tied}人并列，剩余${reason.left}个名额，由考核委员会审定`
        : `${reason.tied}人并列，剩余${reason.left}个名额，按方案均定为较好`;
    case "decision":
      if (reason.from === reason.to) {
        return `${DECISION_KIND_LABEL[reason.decision]}：维持${OUTCOME_LABEL[reason.to]}（${reason.text}）`;
      }
      return `${DECISION_KIND_LABEL[reason.decision]}：由${OUTCOME_LABEL[reason.from]}改为${OUTCOME_LABEL[reason.to]}（${reason.text}）`;
    case "pooled":
      return `与${reason.parentName}统筹`;
    case "status":
      return reason.text ? `${STATUS_LABEL[reason.status]}：${reason.text}` : STATUS_LABEL[reason.status];
    case "leadership":
      return "由上级评定";
  }
}

export interface PersonScores {
  /** 个性得分 I, exact. */
  individual: Exact;
  /** 共性得分 C, exact. */
  common: Exact;
  /** B after the cap. */
  bonus: Exact;
  /** D after the cap. */
  deduction: Exact;
  /** S, clamped and rounded half up to 2 decimals once (rules.md "Arithmetic"). */
  total: Exact;
}

export interface GradedPerson {
  person: Person;
  /** null for persons who are not graded (领导成员, 不确定等次, 不参加). */
  scores: PersonScores | null;
  /** 分数档: the band of S alone (rules.md §3), before 否决/限好. */
  band: Grade | null;
  /** 1-based place in the pool by the order of rules.md §4.2; equal persons share a place. */
  rank: number | null;
  /** The grade the rules gave, before 审定 (§5). */
  computed: Outcome | null;
  /** The grade after 审定; null for persons who are not graded. */
  grade: Outcome | null;
  reasons: Reason[];
}

export interface ChangeRecord {
  personId: string;
  name: string;
  from: Outcome;
  to: Grade;
  kind: DecisionKind;
  reason: string;
  date: string;
}

export interface DepartmentShare {
  unitCode: string;
  department: string;
  /** Graded persons of the department. */
  persons: number;
  /** Its share of Q (rules.md §4.4), before any reallocation. */
  share: number;
  /** 好 given in the department after decisions. */
  used: number;
}

export interface GradedPool {
  /** The code of the unit whose pool this is. */
  code: string;
  unitCodes: string[];
  /** Graded persons N. */
  n: number;
  /** Quota Q. */
  quota: number;
  ratio: Exact;
  /** With allocation "department"; empty otherwise. */
  departments: DepartmentShare[];
}

export type UnitState = "final" | "draft" | "error";

export interface GradedUnit {
  unit: Unit;
  /** The code of the pool the unit is graded in (its own, or its 主管单位's when pooled). */
  poolCode: string;
  state: UnitState;
  /** The unit's own persons in roster order; empty when state is "error". */
  persons: GradedPerson[];
  changes: ChangeRecord[];
}

/** How many of a unit's persons are graded, and with which outcome; who is not graded, and why. */
export interface UnitCounts {
  graded: number;
  good: number;
  fairlyGood: number;
  average: number;
  poor: number;
  pending: number;
  undetermined: number;
  excluded: number;
  leadership: number;
}

/** Counts of the unit's own persons (a pooled unit counts only its own; rules.md §1.2). */
export function countUnit(graded: GradedUnit): UnitCounts {
  const persons = graded.persons;
  const withGrade = (g: Outcome): number => persons.filter((p) => isGraded(p.person) && p.grade === g).length;
  return {
    graded: persons.filter((p) => isGraded(p.person)).length,
    good: withGrade("good"),
    fairlyGood: withGrade("fairlyGood"),
    average: withGrade("average"),
    poor: withGrade("poor"),
    pending: withGrade("pending"),
    undetermined: persons.filter((p) => p.person.kind === "staff" && p.person.status === "undetermined").length,
    excluded: persons.filter((p) => p.person.kind === "staff" && p.person.status === "excluded").length,
    leadership: persons.filter((p) => p.person.kind === "leadership").length,
  };
}

/**
 * The unit's persons by grade, keyed by the Chinese word, every grade of OUTCOME_LABEL in its
 * order (0 when none): what `grade --json` reports and what the archive files.
 */
export function gradeCounts(unit: GradedUnit): Record<string, number> {
  const counts = countUnit(unit);
  return Object.fromEntries((Object.keys(OUTCOME_LABEL) as Outcome[]).map((outcome) => [OUTCOME_LABEL[outcome], counts[outcome]]));
}
