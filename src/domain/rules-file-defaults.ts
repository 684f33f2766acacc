// The built-in 标准方案 (rules.md "The rules file"): the file a rules file is merged over, and
// what `assess rules --init` prints.

import { DEFAULT_POLITICAL_RULES_FILE } from "./political-rules.js";
import type { RulesFile } from "./rules-file-schema.js";

/** The built-in 标准方案, exactly the default file of rules.md ("The rules file"). */
export const DEFAULT_RULES_FILE: RulesFile = {
  name: "标准方案",
  weights: { individual: 0.7, common: 0.3 },
  raterWeights: { 领导: 0.5, 同事: 0.5, 服务对象: 0 },
  windowRaterWeights: { 领导: 0.4, 同事: 0.3, 服务对象: 0.3 },
  ratingPoints: { 好: 1, 较好: 0.85, 一般: 0.7, 较差: 0.5 },
  trimFrom: 5,
  bonusCap: 5,
  deductionCap: null,
  maxScore: 100,
  bands: { 好: 90, 较好: 80, 一般: 60 },
  goodRatio: 0.4,
  quotaRounding: "floor",
  minGoodQuota: 0,
  poolSmallUnitsBelow: 0,
  allocation: "unit",
  reallocateUnused: false,
  tieKeys: ["individual", "common"],
  tiePolicy: "committee",
  unitOverrides: {},
  indicators: [
    { name: "工作数量", category: "个性", dimension: "绩", max: 30 },
    { name: "工作质量", category: "个性", dimension: "绩", max: 40 },
    { name: "工作效率", category: "个性", dimension: "能", max: 30 },
    { name: "政治素质", category: "共性", dimension: "德", max: 30 },
    { name: "职业道德", category: "共性", dimension: "德", max: 20 },
    { name: "工作作风", category: "共性", dimension: "勤", max: 20 },
    { name: "廉洁自律", category: "共性", dimension: "廉", max: 20 },
    { name: "出勤情况", category: "共性", dimension: "勤", max: 10 },
  ],
  notice: { days: 5, list: "good", showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
  annual: {
    excellentRatio: 0.2,
    upliftRatio: 0.25,
    upliftUnits: [],
    minGoodShare: 0.5,
    barGrades: ["一般", "较差"],
    reserveMinGood: 3,
    reminderMinWeak: 2,
  },
  archive: { window: 8, goodMin: 4, weakMin: 2 },
  political: DEFAULT_POLITICAL_RULES_FILE,
};
