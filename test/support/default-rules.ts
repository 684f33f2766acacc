// The domain Rules of rules.md's 标准方案, written out by hand with exact(), so that tests
// do not lean on the rules-file loader they would otherwise share a bug with. The one copy:
// test/domain/rules-file.test.ts checks that the loader's defaults equal it.

import { exact } from "../../src/domain/exact.js";
import type { Rules } from "../../src/domain/rules.js";

export function defaultRules(): Rules {
  return {
    name: "标准方案",
    weights: { individual: exact("0.7"), common: exact("0.3") },
    raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact("0") },
    windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
    ratingPoints: { good: exact("1"), fairlyGood: exact("0.85"), average: exact("0.7"), poor: exact("0.5") },
    trimFrom: 5,
    bonusCap: exact("5"),
    deductionCap: null,
    maxScore: exact("100"),
    bands: { good: exact("90"), fairlyGood: exact("80"), average: exact("60") },
    goodRatio: exact("0.4"),
    quotaRounding: "floor",
    minGoodQuota: 0,
    poolSmallUnitsBelow: 0,
    allocation: "unit",
    reallocateUnused: false,
    tieKeys: ["individual", "common"],
    tiePolicy: "committee",
    unitOverrides: {},
    indicators: [
      { name: "工作数量", category: "individual", dimension: "achievement", max: exact("30") },
      { name: "工作质量", category: "individual", dimension: "achievement", max: exact("40") },
      { name: "工作效率", category: "individual", dimension: "ability", max: exact("30") },
      { name: "政治素质", category: "common", dimension: "integrity", max: exact("30") },
      { name: "职业道德", category: "common", dimension: "integrity", max: exact("20") },
      { name: "工作作风", category: "common", dimension: "diligence", max: exact("20") },
      { name: "廉洁自律", category: "common", dimension: "probity", max: exact("20") },
      { name: "出勤情况", category: "common", dimension: "diligence", max: exact("10") },
    ],
    notice: { days: 5, list: "good", showScores: false, reviewDays: 5 },
    calendar: { holidays: [], workdays: [] },
    annual: {
      excellentRatio: exact("0.2"),
      upliftRatio: exact("0.25"),
      upliftUnits: [],
      minGoodShare: exact("0.5"),
      barGrades: ["average", "poor"],
      reserveMinGood: 3,
      reminderMinWeak: 2,
    },
    archive: { window: 8, goodMin: 4, weakMin: 2 },
  };
}

/** The defaults with some keys changed, as a rules file would (objects replaced whole here). */
export function rulesWith(changes: Partial<Rules>): Rules {
  return { ...defaultRules(), ...changes };
}

export const DEFAULT_RULES: Rules = defaultRules();

/** The default rules with some annual keys changed, as a rules file would merge them. */
export function withAnnual(annual: Partial<Rules["annual"]>, rest: Partial<Omit<Rules, "annual">> = {}): Rules {
  return { ...DEFAULT_RULES, ...rest, annual: { ...DEFAULT_RULES.annual, ...annual } };
}
