// The rules file (rules.md "The rules file"): JSON with Chinese labels as in workbooks, merged
// over the built-in 标准方案 and checked as strictly as a workbook. Checking turns it into the
// domain's Rules (rules.ts): English keys, exact numbers (0.29 is 29/100, never a double).
// Pure: the SHA-256 is computed by the caller from canonicalJson (the domain has no crypto).
// This module checks the merged file (rules-file-schema.ts), reports what is wrong
// (rules-file-problems.ts) and converts what is right.

import { type Exact, exact } from "./exact.js";
import {
  CATEGORY_LABEL,
  DIMENSION_LABEL,
  GRADE_LABEL,
  RATER_GROUP_LABEL,
  type Category,
  type Dimension,
  type Grade,
  type RaterGroup,
  fromLabel,
} from "./labels.js";
import type { Checked } from "./problem.js";
import type { EffectiveRules, Rules, RulesIndicator } from "./rules.js";
import { canonicalJson } from "./rules-file-merge.js";
import { issueProblems } from "./rules-file-problems.js";
import { BAND_LABEL, exactByLabel } from "./rules-file-blocks.js";
import { type RulesFile, RulesFileSchema } from "./rules-file-schema.js";

// ---------------------------------------------------------------------------------------------
// From the checked file to the domain's rules.

function idOf<K extends string>(table: Record<K, string>, label: string): K {
  const id = fromLabel(table, label);
  if (id === undefined) throw new Error(`bug: label ${label} passed the schema but is not in its table`);
  return id;
}

function exactOrNull(value: number | null): Exact | null {
  return value === null ? null : exact(value);
}

function toIndicator(indicator: RulesFile["indicators"][number]): RulesIndicator {
  return {
    name: indicator.name.trim(),
    category: idOf<Category>(CATEGORY_LABEL, indicator.category),
    dimension: indicator.dimension == null ? null : idOf<Dimension>(DIMENSION_LABEL, indicator.dimension),
    max: exact(indicator.max),
  };
}

/** A checked rules file in the domain's terms: English keys, exact numbers. */
export function toRules(file: RulesFile): Rules {
  const bands = exactByLabel(BAND_LABEL, file.bands);
  return {
    name: file.name.trim(),
    weights: { individual: exact(file.weights.individual), common: exact(file.weights.common) },
    raterWeights: exactByLabel<RaterGroup>(RATER_GROUP_LABEL, file.raterWeights),
    windowRaterWeights: exactByLabel<RaterGroup>(RATER_GROUP_LABEL, file.windowRaterWeights),
    ratingPoints: exactByLabel<Grade>(GRADE_LABEL, file.ratingPoints),
    trimFrom: file.trimFrom,
    bonusCap: exactOrNull(file.bonusCap),
    deductionCap: exactOrNull(file.deductionCap),
    maxScore: exactOrNull(file.maxScore),
    bands: { good: bands.good, fairlyGood: bands.fairlyGood, average: bands.average },
    goodRatio: exact(file.goodRatio),
    quotaRounding: file.quotaRounding,
    minGoodQuota: file.minGoodQuota,
    poolSmallUnitsBelow: file.poolSmallUnitsBelow,
    allocation: file.allocation,
    reallocateUnused: file.reallocateUnused,
    tieKeys: [...file.tieKeys],
    tiePolicy: file.tiePolicy,
    unitOverrides: Object.fromEntries(
      Object.entries(file.unitOverrides).map(([code, override]) => [code.trim(), { goodRatio: exact(override.goodRatio) }]),
    ),
    indicators: file.indicators.map(toIndicator),
    notice: { ...file.notice },
    calendar: { holidays: [...file.calendar.holidays], workdays: [...file.calendar.workdays] },
    annual: {
      excellentRatio: exact(file.annual.excellentRatio),
      upliftRatio: exact(file.annual.upliftRatio),
      upliftUnits: file.annual.upliftUnits.map((code) => code.trim()),
      minGoodShare: exact(file.annual.minGoodShare),
      barGrades: file.annual.barGrades.map((word) => idOf<Grade>(GRADE_LABEL, word)),
      reserveMinGood: file.annual.reserveMinGood,
      reminderMinWeak: file.annual.reminderMinWeak,
    },
    archive: { ...file.archive },
  };
}

/**
 * Checks merged rules JSON (mergeRulesFile) and converts it. `source` is the rules file as named
 * on the command line, or null for the built-in 标准方案; `sha256` hashes text (the caller's
 * crypto). Every problem is collected; the value is null when there is any.
 */
export function checkRules(
  json: unknown,
  source: string | null,
  sha256: (text: string) => string,
): Checked<EffectiveRules> {
  const parsed = RulesFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return { value: null, problems: parsed.error.issues.flatMap((issue) => issueProblems(issue, source)) };
  }
  return {
    value: { rules: toRules(parsed.data), json, sha256: sha256(canonicalJson(json)), source },
    problems: [],
  };
}
