// What a read and checked workbook holds (workbook.md), as plain data for the pure domain.
// The reader fills it; the engine grades it. Values carry their cell so that later checks
// (cross-sheet, decisions) can name it.

import type { Exact } from "./exact.js";
import type {
  Category,
  DecisionKind,
  Dimension,
  EventKind,
  Grade,
  PersonKind,
  RaterGroup,
  Status,
  WorkState,
} from "./labels.js";

/** Where a value came from, so that later checks can point at the cell. */
export interface CellRef {
  file: string;
  sheet: string;
  cell: string;
  header: string;
}

export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** The quarter's Chinese numeral, as official documents write it: 3 → `三`. */
export const QUARTER_NUMERAL: Record<Period["quarter"], string> = { 1: "一", 2: "二", 3: "三", 4: "四" };

/** `第三季度`: the quarter as a clerk reads it everywhere (outputs.md: Chinese numerals). */
export function quarterText(quarter: Period["quarter"]): string {
  return `第${QUARTER_NUMERAL[quarter]}季度`;
}

/** `2026年第三季度`. */
export function periodText(period: Period): string {
  return `${period.year}年${quarterText(period.quarter)}`;
}

export interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
  contact: string | null;
  phone: string | null;
  address: string | null;
  ref: CellRef;
}

export interface Person {
  unitCode: string;
  id: string;
  name: string;
  department: string;
  title: string | null;
  kind: PersonKind;
  status: Status;
  statusReason: string | null;
  window: boolean;
  selfGrade: Grade | null;
  note: string | null;
  /** The 人员编号 cell. */
  ref: CellRef;
}

export interface Indicator {
  name: string;
  category: Category;
  dimension: Dimension | null;
  max: Exact;
  description: string | null;
}

export interface WorkItem {
  personId: string;
  /** The month the item was recorded in (月纪实), a month of the workbook's quarter; null: the quarter as a whole. */
  month: number | null;
  item: string;
  state: WorkState;
  reason: string | null;
  note: string | null;
  ref: CellRef;
}

/** One row of 个人小结 (workbook.md): a person's summary of a month, or of the quarter (month null). */
export interface PersonalSummary {
  personId: string;
  month: number | null;
  text: string;
  /** The 小结 cell. */
  ref: CellRef;
}

/** One row of 个性评分: I already summed from the indicator columns or read from 个性得分. */
export interface IndividualScore {
  personId: string;
  individual: Exact;
  comment: string | null;
  goal: string | null;
  reviewer: string | null;
  ref: CellRef;
}

/** One value of a rating: points, or a grade word worth ratingPoints[word] × max (rules.md §2). */
export type RatingPart =
  | { indicator: string | null; max: Exact; points: Exact }
  | { indicator: string; max: Exact; grade: Grade };

/** One row of 共性测评. A 测评得分 column gives one part with indicator null and max 100. */
export interface Rating {
  personId: string;
  group: RaterGroup;
  raterId: string | null;
  parts: RatingPart[];
  ref: CellRef;
}

export interface ScoreEvent {
  personId: string;
  kind: EventKind;
  /** > 0 for bonus and deduction; null for veto and barGood. */
  points: Exact | null;
  reason: string;
  /** ISO date `2026-10-09`, or null. */
  date: string | null;
  ref: CellRef;
}

export interface Decision {
  personId: string;
  grade: Grade;
  kind: DecisionKind;
  reason: string;
  /** ISO date. */
  date: string;
  ref: CellRef;
}

export interface WorkbookSettings {
  contact: string | null;
  phone: string | null;
  address: string | null;
  /** ISO date of the first day of the notice, or null to leave blanks for the clerk. */
  noticeStart: string | null;
}

/** One input file, read and checked. */
export interface AppraisalWorkbook {
  /** The file as the clerk named it. */
  file: string;
  sha256: string;
  period: Period;
  settings: WorkbookSettings;
  units: Unit[];
  persons: Person[];
  indicators: Indicator[];
  workItems: WorkItem[];
  /** The 个人小结 rows, in sheet order; empty without the sheet. */
  summaries: PersonalSummary[];
  individualScores: IndividualScore[];
  ratings: Rating[];
  events: ScoreEvent[];
  decisions: Decision[];
}

/** A graded person (workbook.md): a 非领导成员 with 考核状态 参加. */
export function isGraded(person: Pick<Person, "kind" | "status">): boolean {
  return person.kind === "staff" && person.status === "participating";
}

/** The rows grouped by `keyOf`: keys in the order first met, each key's rows in the order given. */
export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/** The rows of a sheet grouped by the person they name, in row order. */
export function rowsByPersonId<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  return groupBy(rows, (row) => row.personId);
}
