// The `political` section of the rules file (political.md "Rules file keys"): the lists of the
// two-way evaluation (aspects, positive standards, negative items), the weights, the points of a
// word, the flag thresholds, the bands, the veto aspects and the units that send problem
// information; 望江's shape as the default. Checked as strictly as the rest of the rules file
// (zod, with the blocks of rules-file-blocks.ts; rules-file.ts turns the issues into problems),
// and turned into exact domain values here.
//
// Decisions where the spec is silent:
// - raterWeights add up to 1, as rules.md's rater weights do; a group may weigh 0 (its forms are
//   read and counted for negative items, but not for scores).
// - ratingPoints are points from 0 to 100 (好 100), not shares of a 满分: P is out of 100.
// - `aspectWeights` and `raterWeights` name groups and aspects a county chooses, so a rules file
//   replaces them whole (rules-file.ts REPLACED_WHOLE), as it does `aspects` (a list).

import * as z from "zod";
import { type Exact, exact } from "./exact.js";
import { GRADE_LABEL, type Grade } from "./labels.js";
import {
  BAND_LABEL,
  EXPECT,
  SENTENCE,
  addsUpToOne,
  bandsDescend,
  byLabel,
  count,
  exactByLabel,
  list,
  noRepeats,
  numberIn,
  ratio,
  strictObject,
  text,
  weight,
} from "./rules-file-blocks.js";

/** What the political section's own values should hold (the shared ones: rules-file-blocks.ts EXPECT). */
const POLITICAL_EXPECT = {
  points: "应为 0 至 100 之间的分数",
  code: "应为非空的条目代码，如 \"反1\"",
} as const;

const points = numberIn(POLITICAL_EXPECT.points, { min: 0, max: 100 });

const weights = z.record(text, weight, { error: EXPECT.object });

const AspectSchema = strictObject({
  name: text,
  positive: list(text),
  negative: list(strictObject({ code: z.string({ error: POLITICAL_EXPECT.code }).trim().min(1, { error: POLITICAL_EXPECT.code }), text })),
});

export const PoliticalRulesFileSchema = strictObject({
  aspects: list(AspectSchema).min(1, { error: "应至少列出一个方面" }),
  aspectWeights: weights.superRefine(addsUpToOne),
  raterWeights: weights.superRefine(addsUpToOne),
  ratingPoints: byLabel(GRADE_LABEL, points),
  trimFrom: count(3).nullable(),
  bands: byLabel(BAND_LABEL, points).superRefine(bandsDescend),
  flagMinForms: count(1),
  flagRate: ratio,
  vetoAspects: list(text).superRefine(noRepeats),
  sources: list(text).min(1, { error: "应至少列出一个报送单位" }).superRefine(noRepeats),
}).superRefine(aspectsAgree);

export type PoliticalRulesFile = z.infer<typeof PoliticalRulesFileSchema>;

/** Names unique, codes unique across aspects, weights and veto aspects naming the aspects (political.md). */
function aspectsAgree(file: PoliticalRulesFile, ctx: z.RefinementCtx): void {
  const names = file.aspects.map((a) => a.name);
  const issue = (path: PropertyKey[], message: string, input: unknown): void =>
    ctx.addIssue({ code: "custom", params: SENTENCE, message, path, input });
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) issue(["aspects", index, "name"], `中的方面名称“${name}”重复，请改名或删去一项。`, name);
  });
  const codes = new Map<string, string>();
  file.aspects.forEach((aspect, a) =>
    aspect.negative.forEach((item, i) => {
      const first = codes.get(item.code);
      if (first !== undefined) issue(["aspects", a, "negative", i, "code"], `中的条目代码“${item.code}”已用于${first}，代码不能重复。`, item.code);
      else codes.set(item.code, `“${aspect.name}”`);
    }),
  );
  for (const name of names) {
    if (!Object.hasOwn(file.aspectWeights, name)) issue(["aspectWeights"], `中没有方面“${name}”的权重，请补上（各方面权重合计为 1）。`, file.aspectWeights);
  }
  for (const key of Object.keys(file.aspectWeights)) {
    if (!names.includes(key)) issue(["aspectWeights", key], `中的“${key}”不是 aspects 中的方面（可用：${names.join("、")}）。`, key);
  }
  file.vetoAspects.forEach((name, index) => {
    if (!names.includes(name)) issue(["vetoAspects", index], `中的“${name}”不是 aspects 中的方面（可用：${names.join("、")}）。`, name);
  });
}

/** 望江's lists as political.md writes them (a department replaces them with its own). */
export const DEFAULT_POLITICAL_RULES_FILE: PoliticalRulesFile = {
  aspects: [
    {
      name: "政治忠诚",
      positive: [
        "坚决拥护“两个确立”、做到“两个维护”，思想上政治上行动上同党中央保持高度一致",
        "学习贯彻习近平新时代中国特色社会主义思想学以致用、知行合一",
        "对党忠诚老实，如实向组织报告个人有关事项",
        "不折不扣执行党中央和上级决策部署",
        "严格落实请示报告制度",
      ],
      negative: [
        { code: "反1", text: "对决策部署阳奉阴违、做选择、搞变通" },
        { code: "反2", text: "不如实报告个人有关事项" },
        { code: "反3", text: "搞两面派、做两面人" },
        { code: "反4", text: "发表或传播与党中央精神不符的言论" },
      ],
    },
    {
      name: "政治定力",
      positive: [
        "理想信念坚定，在大是大非面前立场坚定、旗帜鲜明",
        "面对诱惑和考验保持清醒",
        "敢于同错误言行作斗争",
        "坚守人民立场，正确处理公与私、义与利的关系",
        "保持战略定力，不急功近利",
      ],
      negative: [
        { code: "反5", text: "理想信念动摇，热衷封建迷信" },
        { code: "反6", text: "在重大问题上态度暧昧、立场摇摆" },
        { code: "反7", text: "经不起诱惑，追求享乐" },
      ],
    },
    {
      name: "政治担当",
      positive: [
        "对重大任务勇挑重担、攻坚克难",
        "面对矛盾迎难而上，面对风险挺身而出",
        "履行全面从严治党主体责任和“一岗双责”",
        "对圈子文化、好人主义敢抓敢管、较真碰硬",
        "主动为基层和群众解决急难愁盼问题",
      ],
      negative: [
        { code: "反8", text: "遇到矛盾绕着走、遇到问题往上推" },
        { code: "反9", text: "为官不为、慢作为，庸懒散拖" },
        { code: "反10", text: "对歪风邪气不抵制、不斗争" },
      ],
    },
    {
      name: "政治能力",
      positive: [
        "善于从政治上观察分析问题",
        "准确领会上级精神实质",
        "推动决策部署落地见效",
        "防范化解风险、守住安全底线",
        "善于做群众工作，团结带领干部群众干事创业",
      ],
      negative: [
        { code: "反11", text: "决策部署落实不力，成效不明显" },
        { code: "反12", text: "对风险隐患不敏感，处置不及时" },
        { code: "反13", text: "脱离群众，群众反映强烈" },
      ],
    },
    {
      name: "政治自律",
      positive: [
        "严守政治纪律和政治规矩，严格遵守中央八项规定精神",
        "廉洁自律，严格要求亲属和身边工作人员",
        "认真开展批评和自我批评",
        "注重家风建设，生活作风正派",
      ],
      negative: [
        { code: "反14", text: "违反中央八项规定精神" },
        { code: "反15", text: "搞圈子文化、拉帮结派" },
        { code: "反16", text: "对亲属和身边工作人员失管失教" },
        { code: "反17", text: "家风不正，生活作风不检点" },
      ],
    },
  ],
  aspectWeights: { 政治忠诚: 0.2, 政治定力: 0.2, 政治担当: 0.2, 政治能力: 0.2, 政治自律: 0.2 },
  raterWeights: { 上级领导: 0.2, 班子成员: 0.3, 干部职工: 0.5 },
  ratingPoints: { 好: 100, 较好: 85, 一般: 70, 较差: 50 },
  trimFrom: null,
  bands: { 好: 90, 较好: 80, 一般: 60 },
  flagMinForms: 3,
  flagRate: 0.2,
  vetoAspects: ["政治忠诚", "政治自律"],
  sources: [
    "纪委监委",
    "巡察办",
    "信访局",
    "审计局",
    "公安局",
    "法院",
    "检察院",
    "人社局",
    "财政局",
    "自然资源和规划局",
    "生态环境分局",
    "市场监管局",
    "卫生健康委",
    "统计局",
  ],
};

/** Keys of the `political` section whose objects a rules file replaces whole (names a county chooses). */
export const POLITICAL_REPLACED_WHOLE = ["political.aspectWeights", "political.raterWeights"] as const;

// ---------------------------------------------------------------------------------------------
// The domain's view: exact numbers, English keys; aspect and group names stay data.

export interface NegativeItem {
  code: string;
  text: string;
  aspect: string;
}

export interface PoliticalAspect {
  name: string;
  weight: Exact;
  positive: string[];
  negative: NegativeItem[];
}

export interface PoliticalRules {
  aspects: PoliticalAspect[];
  /** Rater groups in the file's order, each with its weight. */
  raterGroups: { name: string; weight: Exact }[];
  ratingPoints: Record<Grade, Exact>;
  trimFrom: number | null;
  bands: { good: Exact; fairlyGood: Exact; average: Exact };
  flagMinForms: number;
  flagRate: Exact;
  vetoAspects: string[];
  sources: string[];
}

export function toPoliticalRules(file: PoliticalRulesFile): PoliticalRules {
  return {
    aspects: file.aspects.map((aspect) => ({
      name: aspect.name,
      weight: exact(file.aspectWeights[aspect.name] ?? 0),
      positive: [...aspect.positive],
      negative: aspect.negative.map((item) => ({ code: item.code, text: item.text, aspect: aspect.name })),
    })),
    raterGroups: Object.entries(file.raterWeights).map(([name, w]) => ({ name: name.trim(), weight: exact(w) })),
    ratingPoints: exactByLabel(GRADE_LABEL, file.ratingPoints),
    trimFrom: file.trimFrom,
    bands: exactByLabel(BAND_LABEL, file.bands),
    flagMinForms: file.flagMinForms,
    flagRate: exact(file.flagRate),
    vetoAspects: [...file.vetoAspects],
    sources: [...file.sources],
  };
}

/**
 * The political rules of a checked rules file's merged JSON (EffectiveRules.json): its section
 * passed the schema when the file was checked, so parsing again cannot fail.
 */
export function politicalRulesOf(json: unknown): PoliticalRules {
  const section = (json as { political?: unknown }).political;
  return toPoliticalRules(PoliticalRulesFileSchema.parse(section));
}

/** Every negative item of the rules, in order. */
export function negativeItems(rules: Pick<PoliticalRules, "aspects">): NegativeItem[] {
  return rules.aspects.flatMap((aspect) => aspect.negative);
}
