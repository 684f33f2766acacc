// The effective rules as rows a clerk reads: each key of rules.md "Parameters and defaults", its
// Chinese meaning and its value in words (`null` is 不设上限, an empty list or map 无), one row
// per indicator, then the SHA-256. `assess rules` prints them as a table; the 规则 sheet of every
// result workbook lists the same rows, so that both number the indicators alike.

import { politicalRulesRows } from "./political-rules-rows.js";
import { type Exact, toText } from "../domain/exact.js";
import { CATEGORY_LABEL, DIMENSION_LABEL, GRADE_LABEL, RATER_GROUP_LABEL, YES_NO_LABEL } from "../domain/labels.js";
import type { EffectiveRules, Rules } from "../domain/rules.js";

export type RuleRow = [key: string, meaning: string, value: string];
type Row = RuleRow;

const number = (x: Exact): string => toText(x);
const capText = (x: Exact | null): string => (x === null ? "不设上限" : toText(x));
const listText = (items: readonly string[]): string => (items.length === 0 ? "无" : items.join("、"));
const yesNo = (flag: boolean): string => YES_NO_LABEL[flag ? "yes" : "no"];

function byLabel<K extends string>(table: Record<K, string>, values: Record<K, Exact>): string {
  return (Object.keys(table) as K[]).map((id) => `${table[id]} ${toText(values[id])}`).join("，");
}

const QUOTA_ROUNDING_TEXT: Record<Rules["quotaRounding"], string> = {
  floor: "floor（向下取整）",
  round: "round（四舍五入）",
  ceil: "ceil（向上取整）",
};
const ALLOCATION_TEXT: Record<Rules["allocation"], string> = {
  unit: "unit（按单位计算名额）",
  department: "department（名额分配到科室）",
};
const TIE_KEY_TEXT: Record<Rules["tieKeys"][number], string> = {
  individual: "individual（个性得分）",
  common: "common（共性得分）",
};
const TIE_POLICY_TEXT: Record<Rules["tiePolicy"], string> = {
  committee: "committee（并列者待定，由考核委员会审定）",
  strict: "strict（并列者均为较好）",
};
const NOTICE_LIST_TEXT: Record<Rules["notice"]["list"], string> = {
  good: "good（只列好等次人员）",
  all: "all（列出全部定等人员）",
};

/** One row per key of rules.md "Parameters and defaults", one per indicator, then the SHA-256. */
export function rulesRows(effective: EffectiveRules): Row[] {
  const r = effective.rules;
  const overrides = Object.entries(r.unitOverrides).map(([code, o]) => `${code} ${number(o.goodRatio)}`);
  return [
    ["name", "方案名称", r.name],
    ["weights.individual", "个性得分权重", number(r.weights.individual)],
    ["weights.common", "共性得分权重", number(r.weights.common)],
    ["raterWeights", "测评权重（非窗口岗位）", byLabel(RATER_GROUP_LABEL, r.raterWeights)],
    ["windowRaterWeights", "测评权重（窗口岗位）", byLabel(RATER_GROUP_LABEL, r.windowRaterWeights)],
    ["ratingPoints", "测评等次折合指标满分的比例", byLabel(GRADE_LABEL, r.ratingPoints)],
    ["trimFrom", "一组测评人数达到此数时去掉最高、最低分各一个", String(r.trimFrom)],
    ["bonusCap", "加分上限", capText(r.bonusCap)],
    ["deductionCap", "减分上限", capText(r.deductionCap)],
    ["maxScore", "综合得分上限", capText(r.maxScore)],
    [
      "bands",
      "分数档下限（低于一般为较差）",
      `好 ${number(r.bands.good)}，较好 ${number(r.bands.fairlyGood)}，一般 ${number(r.bands.average)}`,
    ],
    ["goodRatio", "好等次比例上限", number(r.goodRatio)],
    ["quotaRounding", "名额取整方式", QUOTA_ROUNDING_TEXT[r.quotaRounding]],
    ["minGoodQuota", "最少好等次名额", String(r.minGoodQuota)],
    [
      "poolSmallUnitsBelow",
      "定等人数少于此数的单位与主管单位统筹",
      r.poolSmallUnitsBelow === 0 ? "0（不统筹）" : String(r.poolSmallUnitsBelow),
    ],
    ["allocation", "名额计算方式", ALLOCATION_TEXT[r.allocation]],
    ["reallocateUnused", "科室用不完的名额调剂给本单位其他人", yesNo(r.reallocateUnused)],
    [
      "tieKeys",
      "综合得分相同时依次比较",
      r.tieKeys.length === 0 ? "无（只比较综合得分）" : r.tieKeys.map((k) => TIE_KEY_TEXT[k]).join("，再比 "),
    ],
    ["tiePolicy", "名额线上并列时", TIE_POLICY_TEXT[r.tiePolicy]],
    ["unitOverrides", "单独规定好等次比例的单位", listText(overrides)],
    ...r.indicators.map((indicator, index): Row => [
      `indicators[${index}]`,
      `模板指标：${indicator.name}`,
      [
        CATEGORY_LABEL[indicator.category],
        indicator.dimension === null ? "" : DIMENSION_LABEL[indicator.dimension],
        `满分 ${number(indicator.max)}`,
      ]
        .filter((part) => part !== "")
        .join("，"),
    ]),
    ["notice.days", "公示期（工作日）", String(r.notice.days)],
    ["notice.list", "公示名单", NOTICE_LIST_TEXT[r.notice.list]],
    ["notice.showScores", "公示中显示综合得分", yesNo(r.notice.showScores)],
    ["notice.reviewDays", "反馈后申请复核的期限（工作日）", String(r.notice.reviewDays)],
    ["calendar.holidays", "另放假的日期（国务院公布的节假日已内置）", listText(r.calendar.holidays)],
    ["calendar.workdays", "另上班的日期（国务院公布的调休已内置）", listText(r.calendar.workdays)],
    ["annual.excellentRatio", "年度优秀比例上限", number(r.annual.excellentRatio)],
    ["annual.upliftRatio", "提高后的年度优秀比例", number(r.annual.upliftRatio)],
    ["annual.upliftUnits", "适用提高比例的单位", listText(r.annual.upliftUnits)],
    ["annual.minGoodShare", "评优秀须有的好等次季度最低占比", number(r.annual.minGoodShare)],
    ["annual.barGrades", "有此等次的季度不能评优秀", listText(r.annual.barGrades.map((g) => GRADE_LABEL[g]))],
    ["annual.reserveMinGood", "好等次季度达到此数列入后备人选", String(r.annual.reserveMinGood)],
    ["annual.reminderMinWeak", "一般和较差季度达到此数提醒谈话", String(r.annual.reminderMinWeak)],
    ["archive.window", "档案名单默认统计的季度数", String(r.archive.window)],
    ["archive.goodMin", "好等次季度达到此数列入好等次较多人员名单", String(r.archive.goodMin)],
    ["archive.weakMin", "一般和较差季度达到此数列入提醒谈话人员名单", String(r.archive.weakMin)],
    ["SHA-256", "规则的指纹（记入每份结果）", effective.sha256],
  ];
}

/**
 * What `assess rules` shows: the appraisal's rows and then the political evaluation's
 * (political.md), the SHA-256 last. A unit's 规则 sheet shows only the appraisal's.
 */
export function allRulesRows(effective: EffectiveRules): Row[] {
  const rows = rulesRows(effective);
  return [...rows.slice(0, -1), ...politicalRulesRows(effective.json), ...rows.slice(-1)];
}

