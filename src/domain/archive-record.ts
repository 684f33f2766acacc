// A person's growth record (干部成长档案, archive.md "The growth record"): every filed quarter,
// oldest first, the events and committee changes, and per year the counts, the mean S and the
// annual recommendation where `assess annual --db` recorded one. Pure: the rows come from the
// archive's current filings (src/archive/read-*.ts); this file only puts them together.

import type { ArchiveWindow, QuarterKey } from "./archive-window.js";
import { compareQuarters } from "./archive-window.js";
import type { Exact } from "./exact.js";
import { div, ratio, roundTo, sum } from "./exact.js";
import type { AnnualResult, DecisionKind, EventKind, Grade, Outcome, PersonKind, Status } from "./labels.js";

/** One person in one current filing (one unit's one quarter). */
export interface FiledPersonQuarter extends QuarterKey {
  unitCode: string;
  unitName: string;
  /** 主管单位代码 of the unit, as filed. */
  parentCode: string | null;
  id: string;
  name: string;
  department: string;
  /** 职务职级. */
  post: string | null;
  kind: PersonKind;
  status: Status;
  /** I, C, B, D and S as filed (2 decimals); null when the person was not graded. */
  individual: Exact | null;
  common: Exact | null;
  bonus: Exact | null;
  deduction: Exact | null;
  score: Exact | null;
  band: Grade | null;
  /** The grade after 审定; null when not graded. */
  grade: Outcome | null;
  /** Every reason, in the words of the result workbook. */
  reasons: string[];
  /** 评鉴意见. */
  comment: string | null;
  /** 改进目标. */
  goal: string | null;
  /** The lowest S of 好, 较好 and 一般 in the rules the quarter was graded by, for the chart's band lines. */
  bands?: { good: number; fairlyGood: number; average: number };
}

/** One 加分/减分/否决/限好 event of a current filing. */
export interface FiledEvent extends QuarterKey {
  unitCode: string;
  id: string;
  kind: EventKind;
  points: Exact | null;
  reason: string;
  /** ISO date, or null. */
  date: string | null;
}

/** One 审定/复核 change record of a current filing. */
export interface FiledChange extends QuarterKey {
  unitCode: string;
  id: string;
  from: Outcome;
  to: Grade;
  kind: DecisionKind;
  reason: string;
  date: string;
}

/** A person's line of the current annual record of a year (archive.md "Annual from the archive"). */
export interface FiledAnnual {
  year: number;
  counts: Record<Grade, number>;
  meanScore: Exact | null;
  eligible: boolean;
  reason: string | null;
  result: AnnualResult | null;
  reserve: boolean;
  reminder: boolean;
  /** "final" or "draft", as the annual run ended. */
  state: "final" | "draft";
  /** ISO time the record was made. */
  recordedAt: string;
  /** A quarter of the year was filed (or refiled) after the record: it no longer says the whole year. */
  stale: boolean;
}

/** A person's line of a current political round (political.md "With --db D"): P, A_k, flags, reasons. */
export interface FiledPoliticalRound {
  year: number;
  /** 测评名称. */
  round: string;
  unitCode: string;
  unitName: string;
  /** ISO time of filing. */
  filedAt: string;
  id: string;
  name: string;
  post: string | null;
  forms: number;
  /** P (2 decimals as filed); null when not computed. */
  positive: Exact | null;
  /** A_k in the rules' aspect order. */
  aspects: { aspect: string; score: Exact | null }[];
  /** 好/较好/一般/较差 as filed, or null. */
  band: string | null;
  conclusion: string | null;
  /** 待核实. */
  pending: boolean;
  /** Problem information by 核实情况 (counts only). */
  problems: { confirmed: number; partly: number; checking: number; unfounded: number };
  flagged: { code: string; text: string; forms: number; rate: Exact }[];
  reasons: string[];
  use: string | null;
}

export interface RecordYear {
  year: number;
  counts: Record<Grade, number>;
  /** Quarters of the year the person was graded in (待定 included). */
  graded: number;
  /** The mean of the year's S, exact, rounded half up to 2 decimals once; null when never graded. */
  meanScore: Exact | null;
  annual: FiledAnnual | null;
}

export interface GrowthRecord {
  id: string;
  /** Identity as last filed. */
  name: string;
  unitCode: string;
  unitName: string;
  department: string;
  post: string | null;
  /** Oldest first. */
  quarters: FiledPersonQuarter[];
  /** By quarter, then date. */
  events: FiledEvent[];
  /** By quarter, then date. */
  changes: FiledChange[];
  /** Oldest first: each year with a filed quarter or an annual record. */
  years: RecordYear[];
  /** The current political rounds, oldest first (none for most persons). */
  political: FiledPoliticalRound[];
}

/** No 好/较好/一般/较差 yet. */
export function zeroCounts(): Record<Grade, number> {
  return { good: 0, fairlyGood: 0, average: 0, poor: 0 };
}

/** How many of `grades` are each of the four grades (待定 and not graded count in none). */
export function countGrades(grades: readonly (Outcome | null)[]): Record<Grade, number> {
  const counts = zeroCounts();
  for (const grade of grades) if (grade !== null && grade !== "pending") counts[grade] += 1;
  return counts;
}

/** The mean of the totals, exact until the one rounding half up to 2 decimals (rules.md §6); null for none. */
export function meanOf(scores: readonly Exact[]): Exact | null {
  return scores.length === 0 ? null : roundTo(div(sum(scores), ratio(BigInt(scores.length))), 2);
}

/**
 * A resident ID number (17 digits and a digit or X) shown as its first 6 and last 4 characters
 * (archive.md: `340881********1234`), for documents that may be printed; any other 人员编号 as it is.
 */
export function maskResidentId(id: string): string {
  return /^\d{17}[\dXx]$/.test(id) ? `${id.slice(0, 6)}${"*".repeat(8)}${id.slice(-4)}` : id;
}

const byQuarterThenDate = <T extends QuarterKey & { date: string | null }>(a: T, b: T): number =>
  compareQuarters(a, b) || (a.date ?? "").localeCompare(b.date ?? "");

/**
 * The growth record of `id` from their current filings, events, changes, annual lines and
 * political rounds; null when nothing is filed for them (an unknown ID). A cadre filed only by
 * political rounds has a record whose identity is that of their latest round.
 */
export function growthRecord(
  id: string,
  rows: readonly FiledPersonQuarter[],
  events: readonly FiledEvent[],
  changes: readonly FiledChange[],
  annuals: readonly FiledAnnual[],
  politicalRounds: readonly FiledPoliticalRound[] = [],
): GrowthRecord | null {
  const quarters = rows.filter((r) => r.id === id).sort(compareQuarters);
  const political = politicalRounds.filter((r) => r.id === id);
  const latest = quarters[quarters.length - 1];
  const latestRound = political[political.length - 1];
  const identity = latest
    ? { name: latest.name, unitCode: latest.unitCode, unitName: latest.unitName, department: latest.department, post: latest.post }
    : latestRound
      ? { name: latestRound.name, unitCode: latestRound.unitCode, unitName: latestRound.unitName, department: "", post: latestRound.post }
      : null;
  if (identity === null) return null;
  const years = [...new Set([...quarters.map((q) => q.year), ...annuals.map((a) => a.year)])].sort((a, b) => a - b);
  return {
    id,
    ...identity,
    political,
    quarters,
    events: events.filter((e) => e.id === id).sort(byQuarterThenDate),
    changes: changes.filter((c) => c.id === id).sort(byQuarterThenDate),
    years: years.map((year) => {
      const ofYear = quarters.filter((q) => q.year === year);
      const scores = ofYear.flatMap((q) => (q.score === null ? [] : [q.score]));
      return {
        year,
        counts: countGrades(ofYear.map((q) => q.grade)),
        graded: scores.length,
        meanScore: meanOf(scores),
        annual: annuals.find((a) => a.year === year) ?? null,
      };
    }),
  };
}

/** The rows of the window only. */
export function inWindow<T extends QuarterKey>(rows: readonly T[], window: ArchiveWindow): T[] {
  return rows.filter((r) => compareQuarters(r, window.from) >= 0 && compareQuarters(r, window.to) <= 0);
}
