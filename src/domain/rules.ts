// The grading rules (rules.md "Parameters and defaults") as the domain uses them: exact numbers,
// English keys. The rules file (JSON, Chinese labels as in workbooks) is read and checked by
// rules-file.ts, which turns it into this shape.

import type { Exact } from "./exact.js";
import type { Category, Dimension, Grade, RaterGroup } from "./labels.js";

export type QuotaRounding = "floor" | "round" | "ceil";
export type Allocation = "unit" | "department";
export type TieKey = "individual" | "common";
export type TiePolicy = "committee" | "strict";
export type NoticeList = "good" | "all";

export interface RulesIndicator {
  name: string;
  category: Category;
  dimension: Dimension | null;
  max: Exact;
}

export interface Rules {
  name: string;
  weights: { individual: Exact; common: Exact };
  raterWeights: Record<RaterGroup, Exact>;
  windowRaterWeights: Record<RaterGroup, Exact>;
  ratingPoints: Record<Grade, Exact>;
  trimFrom: number;
  bonusCap: Exact | null;
  deductionCap: Exact | null;
  maxScore: Exact | null;
  /** Lowest total for 好, 较好, 一般; below 一般 is 较差. */
  bands: { good: Exact; fairlyGood: Exact; average: Exact };
  goodRatio: Exact;
  quotaRounding: QuotaRounding;
  minGoodQuota: number;
  poolSmallUnitsBelow: number;
  allocation: Allocation;
  reallocateUnused: boolean;
  tieKeys: TieKey[];
  tiePolicy: TiePolicy;
  unitOverrides: Record<string, { goodRatio: Exact }>;
  indicators: RulesIndicator[];
  notice: { days: number; list: NoticeList; showScores: boolean; reviewDays: number };
  /** ISO dates. */
  calendar: { holidays: string[]; workdays: string[] };
  annual: {
    excellentRatio: Exact;
    upliftRatio: Exact;
    upliftUnits: string[];
    minGoodShare: Exact;
    barGrades: Grade[];
    reserveMinGood: number;
    reminderMinWeak: number;
  };
  /** The archive's lists (archive.md "The lists"): quarters of the default window, least 好 / weak quarters. */
  archive: { window: number; goodMin: number; weakMin: number };
}

/** The rules in force and where they came from, as every output records them (rules.md). */
export interface EffectiveRules {
  rules: Rules;
  /** The merged rules file, JSON with Chinese labels, as `assess rules --init` would print it. */
  json: unknown;
  /** SHA-256 of the canonical JSON of the merged rules (sorted keys, no spaces). */
  sha256: string;
  /** The rules file as named on the command line, or null for the built-in 标准方案. */
  source: string | null;
}
