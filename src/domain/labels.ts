// Closed sets of the field: English identifiers in code, one Chinese label table each
// (README.md glossary, workbook.md). Parsing a label is the inverse of the table.

export type Grade = "good" | "fairlyGood" | "average" | "poor";
export const GRADES: readonly Grade[] = ["good", "fairlyGood", "average", "poor"];
export const GRADE_LABEL: Record<Grade, string> = {
  good: "好",
  fairlyGood: "较好",
  average: "一般",
  poor: "较差",
};

/** A grade as published: one of the four, or 待定 when the committee must decide (rules.md §4.3). */
export type Outcome = Grade | "pending";
export const OUTCOME_LABEL: Record<Outcome, string> = { ...GRADE_LABEL, pending: "待定" };

export type Category = "individual" | "common";
export const CATEGORY_LABEL: Record<Category, string> = { individual: "个性", common: "共性" };

export type Dimension = "integrity" | "ability" | "diligence" | "achievement" | "probity";
export const DIMENSION_LABEL: Record<Dimension, string> = {
  integrity: "德",
  ability: "能",
  diligence: "勤",
  achievement: "绩",
  probity: "廉",
};

export type PersonKind = "staff" | "leadership";
export const PERSON_KIND_LABEL: Record<PersonKind, string> = {
  staff: "非领导成员",
  leadership: "领导成员",
};

export type Status = "participating" | "undetermined" | "excluded";
export const STATUS_LABEL: Record<Status, string> = {
  participating: "参加",
  undetermined: "不确定等次",
  excluded: "不参加",
};

export type RaterGroup = "leader" | "colleague" | "recipient";
export const RATER_GROUPS: readonly RaterGroup[] = ["leader", "colleague", "recipient"];
export const RATER_GROUP_LABEL: Record<RaterGroup, string> = {
  leader: "领导",
  colleague: "同事",
  recipient: "服务对象",
};

export type WorkState = "done" | "inProgress" | "unfinished";
export const WORK_STATE_LABEL: Record<WorkState, string> = {
  done: "已完成",
  inProgress: "推进中",
  unfinished: "未完成",
};

export type EventKind = "bonus" | "deduction" | "veto" | "barGood";
export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  bonus: "加分",
  deduction: "减分",
  veto: "否决",
  barGood: "限好",
};

export type DecisionKind = "committee" | "review";
export const DECISION_KIND_LABEL: Record<DecisionKind, string> = {
  committee: "委员会审定",
  review: "复核",
};

export const YES_NO_LABEL: Record<"yes" | "no", string> = { yes: "是", no: "否" };

export type AnnualResult = "recommended" | "pending";
export const ANNUAL_RESULT_LABEL: Record<AnnualResult, string> = {
  recommended: "推荐优秀",
  pending: "待定",
};

/** The identifier whose label is `label`, or undefined. */
export function fromLabel<K extends string>(table: Record<K, string>, label: string): K | undefined {
  // for...in makes no array of the keys (Object.keys did, for each of a city's million cells read).
  for (const key in table) {
    if (table[key] === label) return key;
  }
  return undefined;
}

/** The labels of a table, in order, for messages: 「好、较好、一般、较差」. */
export function labelList<K extends string>(table: Record<K, string>): string {
  return Object.values<string>(table).join("、");
}
