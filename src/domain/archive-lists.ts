// The archive's lists (archive.md "The lists"): over the current filings of a window of quarters,
// the persons with many 好 quarters (promotion preference), those with several 一般/较差 quarters
// (reminder talks), those with a 否决 or 限好 event, and the units that missed a quarter. Pure:
// the rows come in, the list goes out, in its order; the archive's SQL only narrows the rows.

import type { FiledEvent, FiledPersonQuarter } from "./archive-record.js";
import { countGrades, inWindow } from "./archive-record.js";
import type { ArchiveWindow, QuarterKey } from "./archive-window.js";
import { compareQuarters, quarterIndex } from "./archive-window.js";
import type { Exact } from "./exact.js";
import { div, ratio, roundTo, sum } from "./exact.js";
import type { Grade, Outcome } from "./labels.js";
import { groupBy } from "./model.js";

export type ListKind = "good" | "weak" | "veto" | "missing";
export const LIST_KINDS: readonly ListKind[] = ["good", "weak", "veto", "missing"];
/** The lists' names (archive.md), also the end of the default file name. */
export const LIST_LABEL: Record<ListKind, string> = {
  good: "好等次较多人员",
  weak: "提醒谈话人员",
  veto: "否决和限好事项",
  missing: "未备案单位",
};

/** The columns of a person row of the lists that a query must fill. */
export type ListInput = Pick<
  FiledPersonQuarter,
  "year" | "quarter" | "unitCode" | "unitName" | "parentCode" | "id" | "name" | "department" | "score" | "grade"
>;

export interface PersonListRow {
  id: string;
  /** As in the latest quarter of the window the person is filed in. */
  name: string;
  unitCode: string;
  unitName: string;
  department: string;
  /** One per quarter of the window, oldest first; null where not filed or not graded. */
  grades: (Outcome | null)[];
  counts: Record<Grade, number>;
  /** Quarters 一般 or 较差. */
  weak: number;
  /** Mean S over the graded quarters of the window, exact, rounded half up once. */
  meanScore: Exact | null;
}

export interface VetoListRow extends PersonListRow {
  /** The person's 否决 and 限好 events in the window, by date. */
  events: FiledEvent[];
}

export interface MissingListRow {
  unitCode: string;
  /** As last filed. */
  unitName: string;
  /** The quarters of the window the unit has no current filing for, oldest first. */
  quarters: QuarterKey[];
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Rows sorted by `order`, given each row's mean S as a number of hundredths, -Infinity for a null
 * mean (never graded) below every number: the mean is rounded to 2 decimals, so its hundredths
 * are a whole number, exact, and a city's list of 29,000 rows is not sorted with two bigint
 * products for each of its 400,000 comparisons.
 */
function sortedByMean<R extends PersonListRow>(rows: readonly R[], order: (a: R, b: R, meanA: number, meanB: number) => number): R[] {
  const keyed = rows.map((row) => ({ row, mean: row.meanScore === null ? -Infinity : Number((row.meanScore.n * 100n) / row.meanScore.d) }));
  return keyed.sort((a, b) => order(a.row, b.row, a.mean, b.mean)).map((k) => k.row);
}

/** Two means' hundredths (sortedByMean), -Infinity for none. */
const byNumber = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A person's quarters of the window summed up, as the lists need them: name, unit and 科室 of the
 * latest quarter of the window they are filed in (and that unit's 主管单位, for --unit), the grade
 * of every quarter, and the sum and number of their totals. The archive's SQL sums them up in the
 * database (a city's twenty quarters are not carried into memory); `summariseWindow` does the same
 * from rows.
 */
export interface PersonWindow {
  id: string;
  name: string;
  unitCode: string;
  unitName: string;
  parentCode: string | null;
  department: string;
  /** One per quarter of the window, oldest first; null where not filed or not graded. */
  grades: (Outcome | null)[];
  /** The sum of the window's S, exact. */
  scoreSum: Exact;
  /** How many S were summed. */
  scored: number;
}

/** Later quarter, then (a person filed by two units in one quarter, an error annual reports) the higher unit code. */
const byLatest = (a: ListInput, b: ListInput): number => compareQuarters(a, b) || (a.unitCode > b.unitCode ? 1 : a.unitCode < b.unitCode ? -1 : 0);

/** The persons of `rows` summed up over the window, in the order first met. */
export function summariseWindow(rows: readonly ListInput[], window: ArchiveWindow): PersonWindow[] {
  const start = quarterIndex(window.from);
  return [...groupBy(inWindow(rows, window), (r) => r.id)].map(([id, filed]) => {
    const latest = filed.reduce((a, b) => (byLatest(b, a) > 0 ? b : a));
    const grades: (Outcome | null)[] = window.quarters.map(() => null);
    // A person filed by two units in one quarter: the higher unit code's grade, as the latest.
    for (const r of [...filed].sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1))) grades[quarterIndex(r) - start] = r.grade;
    const scores = filed.flatMap((r) => (r.score === null ? [] : [r.score]));
    return {
      id,
      name: latest.name,
      unitCode: latest.unitCode,
      unitName: latest.unitName,
      parentCode: latest.parentCode,
      department: latest.department,
      grades,
      scoreSum: sum(scores),
      scored: scores.length,
    };
  });
}

/** A list's row of a summed-up person, and their unit's 主管单位 for the --unit filter. */
function personRows(persons: readonly PersonWindow[]): { row: PersonListRow; parentCode: string | null }[] {
  return persons.map((p) => {
    const counts = countGrades(p.grades);
    return {
      row: {
        id: p.id,
        name: p.name,
        unitCode: p.unitCode,
        unitName: p.unitName,
        department: p.department,
        grades: [...p.grades],
        counts,
        weak: counts.average + counts.poor,
        // Exact until the one rounding (archive.md: "the mean S (exact, rounded half up once)").
        meanScore: p.scored === 0 ? null : roundTo(div(p.scoreSum, ratio(BigInt(p.scored))), 2),
      },
      parentCode: p.parentCode,
    };
  });
}

/** --unit CODE keeps persons whose latest unit is CODE or has CODE as its 主管单位 (archive.md). */
function ofUnit(unit: string | null) {
  return (entry: { row: { unitCode: string }; parentCode: string | null }): boolean =>
    unit === null || entry.row.unitCode === unit || entry.parentCode === unit;
}

export interface ListOptions {
  /** --unit CODE, or null for every unit. */
  unit: string | null;
  /** --min K, or the rules' archive.goodMin / archive.weakMin. */
  min: number;
}

/** 好等次较多人员: at least `min` quarters 好; by 好 count, then mean S, descending, then 人员编号. */
export function goodList(persons: readonly PersonWindow[], options: ListOptions): PersonListRow[] {
  const rows = personRows(persons)
    .filter(ofUnit(options.unit))
    .map((e) => e.row)
    .filter((r) => r.counts.good >= options.min);
  return sortedByMean(rows, (a, b, meanA, meanB) => b.counts.good - a.counts.good || byNumber(meanB, meanA) || byId(a, b));
}

/** 提醒谈话人员: at least `min` quarters 一般 or 较差; by that count descending, then mean S ascending, then 人员编号. */
export function weakList(persons: readonly PersonWindow[], options: ListOptions): PersonListRow[] {
  const rows = personRows(persons)
    .filter(ofUnit(options.unit))
    .map((e) => e.row)
    .filter((r) => r.weak >= options.min);
  return sortedByMean(rows, (a, b, meanA, meanB) => b.weak - a.weak || byNumber(meanA, meanB) || byId(a, b));
}

/**
 * When an event happened for ordering: its date, or (undated) the first day of its quarter, so
 * that the list stays in time order. Decision where archive.md says only "date".
 */
function eventDay(event: FiledEvent): string {
  return event.date ?? `${event.year}-${String((event.quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
}

/** 否决和限好事项: persons with a 否决 or 限好 event in the window; by their first such event's date, then 人员编号. */
export function vetoList(
  persons: readonly PersonWindow[],
  events: readonly FiledEvent[],
  window: ArchiveWindow,
  options: Pick<ListOptions, "unit">,
): VetoListRow[] {
  const barring = groupBy(
    inWindow(events, window)
      .filter((e) => e.kind === "veto" || e.kind === "barGood")
      .sort((a, b) => eventDay(a).localeCompare(eventDay(b)) || compareQuarters(a, b)),
    (e) => e.id,
  );
  return personRows(persons)
    .filter(ofUnit(options.unit))
    .flatMap(({ row }) => {
      const own = barring.get(row.id);
      return own ? [{ ...row, events: own }] : [];
    })
    .sort((a, b) => eventDay(a.events[0]!).localeCompare(eventDay(b.events[0]!)) || byId(a, b));
}

/** A unit's current filing, as the missing list needs it. */
export interface FiledUnitQuarter extends QuarterKey {
  unitCode: string;
  unitName: string;
  parentCode: string | null;
}

/**
 * 未备案单位: each unit filed at least once in or before the window that has no current filing
 * for some quarter of the window; by unit code. Decision where archive.md is silent: only the
 * quarters from the unit's first filing on count as missing, so that a new archive (or a new
 * unit) is not reported for the years before anything could be filed.
 */
export function missingList(
  filings: readonly FiledUnitQuarter[],
  window: ArchiveWindow,
  options: Pick<ListOptions, "unit">,
): MissingListRow[] {
  const known = filings.filter((f) => compareQuarters(f, window.to) <= 0);
  const rows: MissingListRow[] = [];
  for (const [unitCode, filed] of groupBy(known, (f) => f.unitCode)) {
    const latest = filed.reduce((a, b) => (compareQuarters(b, a) > 0 ? b : a));
    if (options.unit !== null && unitCode !== options.unit && latest.parentCode !== options.unit) continue;
    const have = new Set(filed.map(quarterIndex));
    const first = Math.min(...have);
    const quarters = window.quarters.filter((q) => quarterIndex(q) >= first && !have.has(quarterIndex(q)));
    if (quarters.length > 0) rows.push({ unitCode, unitName: latest.unitName, quarters });
  }
  return rows.sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
}
