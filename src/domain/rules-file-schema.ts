// The rules file's schema (rules.md "The rules file"): what each key holds, said to the person
// who edits the file (a problem's message is 「key」 + one of EXPECT's texts + what was found, see
// rules-file-problems.ts), and the checks across keys (weights add up to 1, bands descend ...).

import { PoliticalRulesFileSchema } from "./political-rules.js";
import * as z from "zod";
import { isIsoDate } from "./calendar.js";
import { ONE, compare, equals, exact, sum, toText } from "./exact.js";
import { CATEGORY_LABEL, DIMENSION_LABEL, GRADE_LABEL, RATER_GROUP_LABEL, type Grade } from "./labels.js";

// ---------------------------------------------------------------------------------------------
// What each value should be, said to the person who edits the file. A problem's message is
// 「key」 + one of these + what was found (see issueProblems).

export const EXPECT = {
  object: "应为对象（用 { } 括起的若干项）",
  list: "应为列表（用 [ ] 括起）",
  text: "应为非空的文字（用英文双引号括起）",
  boolean: "应为 true 或 false",
  ratio: "应为 0 至 1 之间的数",
  weight: "应为 0 至 1 之间的数",
  points: "应为不小于 0 的分数",
  positivePoints: "应为大于 0 的分数",
  cap: "应为不小于 0 的分数，或 null（不设上限）",
  maxScore: "应为大于 0 的分数，或 null（不设上限）",
  date: "应为“YYYY-MM-DD”格式的日期，如 \"2026-10-01\"",
  unitCode: "应为非空的单位代码",
} as const;

function expectCount(min: number): string {
  return `应为不小于 ${min} 的整数`;
}

function expectOneOf(words: readonly string[]): string {
  return `应为以下之一：${words.join("、")}`;
}

/** Marks a custom issue whose message is a whole sentence, the found value already in it. */
const SENTENCE = { sentence: true } as const;

// ---------------------------------------------------------------------------------------------
// Building blocks of the schema.

function numberIn(expect: string, range: { min?: number; above?: number; max?: number }): z.ZodNumber {
  let schema = z.number({ error: expect });
  if (range.min !== undefined) schema = schema.min(range.min, { error: expect });
  if (range.above !== undefined) schema = schema.gt(range.above, { error: expect });
  if (range.max !== undefined) schema = schema.max(range.max, { error: expect });
  return schema;
}

function count(min: number): z.ZodNumber {
  const expect = expectCount(min);
  return z.number({ error: expect }).int({ error: expect, abort: true }).min(min, { error: expect });
}

const text = z.string({ error: EXPECT.text }).trim().min(1, { error: EXPECT.text });
const ratio = numberIn(EXPECT.ratio, { min: 0, max: 1 });
const weight = numberIn(EXPECT.weight, { min: 0, max: 1 });

function oneOf<const W extends readonly [string, ...string[]]>(words: W) {
  return z.enum(words, { error: expectOneOf(words) });
}

function labelsOf<K extends string>(table: Record<K, string>): [string, ...string[]] {
  return Object.values<string>(table) as [string, ...string[]];
}

/** An object keyed by the labels of `table` (e.g. 领导/同事/服务对象), each holding `value`. */
function byLabel<K extends string>(table: Record<K, string>, value: z.ZodNumber) {
  const shape: Record<string, z.ZodNumber> = {};
  for (const label of labelsOf(table)) shape[label] = value;
  return z.strictObject(shape, { error: EXPECT.object });
}

const GRADE_WORDS = labelsOf(GRADE_LABEL);
/** bands names the three grades that have a lower bound; below 一般 is 较差 (rules.md §3). */
export const BAND_LABEL: Record<Exclude<Grade, "poor">, string> = {
  good: GRADE_LABEL.good,
  fairlyGood: GRADE_LABEL.fairlyGood,
  average: GRADE_LABEL.average,
};

const isoDate = z
  .string({ error: EXPECT.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: EXPECT.date, abort: true })
  .refine(isIsoDate, { error: EXPECT.date });

/** "0.7 + 0.4 = 1.1": the numbers as written, and their exact sum. */
function sumText(values: readonly number[]): string {
  const total = toText(sum(values.map((v) => exact(v))));
  return values.length === 1 ? total : `${values.map((v) => toText(exact(v))).join(" + ")} = ${total}`;
}

/** Weights of a kind are shares of one whole (rules.md: "add up to 1"), compared exactly. */
function addsUpToOne(value: Record<string, number>, ctx: z.RefinementCtx): void {
  const values = Object.values(value);
  if (!equals(sum(values.map((v) => exact(v))), ONE)) {
    ctx.addIssue({
      code: "custom",
      params: SENTENCE,
      message: `中 ${Object.keys(value).join("、")} 之和应为 1，现为 ${sumText(values)}。请调整这几项，使其合计为 1。`,
      input: value,
    });
  }
}

/** A word listed twice in a list of words says nothing more and is most likely a slip. */
function noRepeats(words: readonly string[], ctx: z.RefinementCtx): void {
  words.forEach((word, index) => {
    if (words.indexOf(word) !== index) {
      ctx.addIssue({
        code: "custom",
        params: SENTENCE,
        message: `中的“${word}”重复出现，请删去重复的一项。`,
        path: [index],
        input: word,
      });
    }
  });
}

const IndicatorSchema = z.strictObject(
  {
    name: text,
    category: oneOf(labelsOf(CATEGORY_LABEL)),
    dimension: oneOf(labelsOf(DIMENSION_LABEL)).nullable().optional(),
    max: numberIn(EXPECT.positivePoints, { above: 0 }),
  },
  { error: EXPECT.object },
);

/** Each category's indicators share out 100 points (rules.md defaults: 30 + 40 + 30, ...). */
function indicatorsAddUp(indicators: readonly z.infer<typeof IndicatorSchema>[], ctx: z.RefinementCtx): void {
  indicators.forEach((indicator, index) => {
    const name = indicator.name.trim();
    if (indicators.findIndex((other) => other.name.trim() === name) !== index) {
      ctx.addIssue({
        code: "custom",
        params: SENTENCE,
        message: `中的指标名称“${name}”重复，同一指标只能列一次，请改名或删去一项。`,
        path: [index, "name"],
        input: indicator.name,
      });
    }
  });
  for (const category of labelsOf(CATEGORY_LABEL)) {
    const maxima = indicators.filter((i) => i.category === category).map((i) => i.max);
    const total = sum(maxima.map((m) => exact(m)));
    if (compare(total, exact(100)) !== 0) {
      const found = maxima.length === 0 ? `0（没有${category}指标）` : sumText(maxima);
      ctx.addIssue({
        code: "custom",
        params: SENTENCE,
        message: `中${category}指标的满分之和应为 100，现为 ${found}。请调整各${category}指标的 max。`,
        input: indicators,
      });
    }
  }
}

function bandsDescend(bands: Record<string, number>, ctx: z.RefinementCtx): void {
  const [good = 0, fairlyGood = 0, average = 0] = labelsOf(BAND_LABEL).map((label) => bands[label] ?? 0);
  if (!(good > fairlyGood && fairlyGood > average)) {
    const found = labelsOf(BAND_LABEL)
      .map((label) => `${label} ${bands[label]}`)
      .join("，");
    ctx.addIssue({
      code: "custom",
      params: SENTENCE,
      message: `应从高到低排列（好 > 较好 > 一般），现为 ${found}。请改正分数线。`,
      input: bands,
    });
  }
}

function calendarDisjoint(calendar: { holidays: string[]; workdays: string[] }, ctx: z.RefinementCtx): void {
  for (const date of calendar.workdays) {
    if (calendar.holidays.includes(date)) {
      ctx.addIssue({
        code: "custom",
        params: SENTENCE,
        message: `中的 ${date} 同时列为节假日（holidays）和调休上班日（workdays），请只保留一处。`,
        path: ["workdays", calendar.workdays.indexOf(date)],
        input: date,
      });
    }
  }
}

function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, { error: EXPECT.object });
}

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: EXPECT.list });
}

/** The merged rules file: every key present, Chinese labels as in workbooks (rules.md). */
export const RulesFileSchema = strictObject({
  name: text,
  weights: strictObject({ individual: weight, common: weight }).superRefine(addsUpToOne),
  raterWeights: byLabel(RATER_GROUP_LABEL, weight).superRefine(addsUpToOne),
  windowRaterWeights: byLabel(RATER_GROUP_LABEL, weight).superRefine(addsUpToOne),
  ratingPoints: byLabel(GRADE_LABEL, ratio),
  trimFrom: count(3),
  bonusCap: numberIn(EXPECT.cap, { min: 0 }).nullable(),
  deductionCap: numberIn(EXPECT.cap, { min: 0 }).nullable(),
  maxScore: numberIn(EXPECT.maxScore, { above: 0 }).nullable(),
  bands: byLabel(BAND_LABEL, numberIn(EXPECT.points, { min: 0 })).superRefine(bandsDescend),
  goodRatio: ratio,
  quotaRounding: oneOf(["floor", "round", "ceil"]),
  minGoodQuota: count(0),
  poolSmallUnitsBelow: count(0),
  allocation: oneOf(["unit", "department"]),
  reallocateUnused: z.boolean({ error: EXPECT.boolean }),
  tieKeys: list(oneOf(["individual", "common"])).superRefine(noRepeats),
  tiePolicy: oneOf(["committee", "strict"]),
  unitOverrides: z.record(
    z.string().trim().min(1, { error: EXPECT.unitCode }),
    strictObject({ goodRatio: ratio }),
    { error: EXPECT.object },
  ),
  indicators: list(IndicatorSchema).superRefine(indicatorsAddUp),
  notice: strictObject({
    days: count(1),
    list: oneOf(["good", "all"]),
    showScores: z.boolean({ error: EXPECT.boolean }),
    reviewDays: count(1),
  }),
  calendar: strictObject({ holidays: list(isoDate), workdays: list(isoDate) }).superRefine(calendarDisjoint),
  annual: strictObject({
    excellentRatio: ratio,
    upliftRatio: ratio,
    upliftUnits: list(text),
    minGoodShare: ratio,
    barGrades: list(oneOf(GRADE_WORDS)).superRefine(noRepeats),
    reserveMinGood: count(1),
    reminderMinWeak: count(1),
  }),
  archive: strictObject({ window: count(1), goodMin: count(1), weakMin: count(1) }),
  political: PoliticalRulesFileSchema,
});

export type RulesFile = z.infer<typeof RulesFileSchema>;
