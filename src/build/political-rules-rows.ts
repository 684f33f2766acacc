// The `political` rows of `assess rules` (political.md "Rules file keys"): the lists, weights,
// points, thresholds and sources of the two-way evaluation, one row per key and one per aspect.

import { type Exact, toText } from "../domain/exact.js";
import { politicalRulesOf } from "../domain/political-rules.js";

type Row = [key: string, meaning: string, value: string];

const listText = (items: readonly string[]): string => (items.length === 0 ? "无" : items.join("、"));
const pairs = (items: readonly { name: string; weight: Exact }[]): string => items.map((i) => `${i.name} ${toText(i.weight)}`).join("，");

export function politicalRulesRows(json: unknown): Row[] {
  const r = politicalRulesOf(json);
  return [
    ...r.aspects.map((aspect, index): Row => [
      `political.aspects[${index}]`,
      `政治素质方面：${aspect.name}`,
      `正向标准 ${aspect.positive.length} 条；反向条目 ${aspect.negative.map((n) => `${n.code} ${n.text}`).join("；")}`,
    ]),
    ["political.aspectWeights", "各方面权重（正向得分）", pairs(r.aspects)],
    ["political.raterWeights", "双向测评各类测评人权重", pairs(r.raterGroups)],
    [
      "political.ratingPoints",
      "测评等次折合分数",
      `好 ${toText(r.ratingPoints.good)}，较好 ${toText(r.ratingPoints.fairlyGood)}，一般 ${toText(r.ratingPoints.average)}，较差 ${toText(r.ratingPoints.poor)}`,
    ],
    ["political.trimFrom", "一类测评表达到此数时去掉最高、最低各一份", r.trimFrom === null ? "null（不去掉）" : String(r.trimFrom)],
    [
      "political.bands",
      "正向得分档下限（低于一般为较差）",
      `好 ${toText(r.bands.good)}，较好 ${toText(r.bands.fairlyGood)}，一般 ${toText(r.bands.average)}`,
    ],
    ["political.flagMinForms", "反向条目集中反映的最少测评表数", String(r.flagMinForms)],
    ["political.flagRate", "反向条目集中反映的最低比例", toText(r.flagRate)],
    ["political.vetoAspects", "问题线索属实即为较差的方面", listText(r.vetoAspects)],
    ["political.sources", "报送问题线索的单位", listText(r.sources)],
  ];
}
