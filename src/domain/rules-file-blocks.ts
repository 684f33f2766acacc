// The building blocks of the rules file's schema, shared by its sections (rules-file-schema.ts,
// and the `political` section in political-rules.ts): what each kind of value should hold, said
// to the person who edits the file (a problem's message is 「key」 + one of EXPECT's texts + what
// was found, see rules-file-problems.ts), the zod types that say it, and the checks across keys
// that are compared exactly (weights that add up to 1, bands that descend, words not repeated).

import * as z from "zod";
import { type Exact, ONE, equals, exact, sum, toText } from "./exact.js";
import { GRADE_LABEL, type Grade } from "./labels.js";

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
export const SENTENCE = { sentence: true } as const;

export function numberIn(expect: string, range: { min?: number; above?: number; max?: number }): z.ZodNumber {
  let schema = z.number({ error: expect });
  if (range.min !== undefined) schema = schema.min(range.min, { error: expect });
  if (range.above !== undefined) schema = schema.gt(range.above, { error: expect });
  if (range.max !== undefined) schema = schema.max(range.max, { error: expect });
  return schema;
}

export function count(min: number): z.ZodNumber {
  const expect = expectCount(min);
  return z.number({ error: expect }).int({ error: expect, abort: true }).min(min, { error: expect });
}

export const text = z.string({ error: EXPECT.text }).trim().min(1, { error: EXPECT.text });
export const ratio = numberIn(EXPECT.ratio, { min: 0, max: 1 });
export const weight = numberIn(EXPECT.weight, { min: 0, max: 1 });

export function oneOf<const W extends readonly [string, ...string[]]>(words: W) {
  return z.enum(words, { error: expectOneOf(words) });
}

export function labelsOf<K extends string>(table: Record<K, string>): [string, ...string[]] {
  return Object.values<string>(table) as [string, ...string[]];
}

export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, { error: EXPECT.object });
}

export function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: EXPECT.list });
}

/** An object keyed by the labels of `table` (e.g. 领导/同事/服务对象), each holding `value`. */
export function byLabel<K extends string>(table: Record<K, string>, value: z.ZodNumber) {
  const shape: Record<string, z.ZodNumber> = {};
  for (const label of labelsOf(table)) shape[label] = value;
  return z.strictObject(shape, { error: EXPECT.object });
}

/** A checked byLabel object in the domain's terms: keyed by `table`'s English keys, exact. */
export function exactByLabel<K extends string>(table: Record<K, string>, values: Record<string, number>): Record<K, Exact> {
  const result = {} as Record<K, Exact>;
  for (const id of Object.keys(table) as K[]) {
    const value = values[table[id]];
    if (value === undefined) throw new Error(`bug: ${table[id]} passed the schema but is missing`);
    result[id] = exact(value);
  }
  return result;
}

/** bands names the three grades that have a lower bound; below 一般 is 较差 (rules.md §3). */
export const BAND_LABEL: Record<Exclude<Grade, "poor">, string> = {
  good: GRADE_LABEL.good,
  fairlyGood: GRADE_LABEL.fairlyGood,
  average: GRADE_LABEL.average,
};

/** "0.7 + 0.4 = 1.1": the numbers as written, and their exact sum. */
export function sumText(values: readonly number[]): string {
  const total = toText(sum(values.map((v) => exact(v))));
  return values.length === 1 ? total : `${values.map((v) => toText(exact(v))).join(" + ")} = ${total}`;
}

/**
 * Weights of a kind are shares of one whole (rules.md: "add up to 1"), compared exactly. An
 * empty object (the political section's named groups, before any is named) has nothing to add.
 */
export function addsUpToOne(value: Record<string, number>, ctx: z.RefinementCtx): void {
  const values = Object.values(value);
  if (values.length > 0 && !equals(sum(values.map((v) => exact(v))), ONE)) {
    ctx.addIssue({
      code: "custom",
      params: SENTENCE,
      message: `中 ${Object.keys(value).join("、")} 之和应为 1，现为 ${sumText(values)}。请调整这几项，使其合计为 1。`,
      input: value,
    });
  }
}

/** A word listed twice in a list of words says nothing more and is most likely a slip. */
export function noRepeats(words: readonly string[], ctx: z.RefinementCtx): void {
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

/** Bands step down: 好 > 较好 > 一般 (rules.md §3, political.md). */
export function bandsDescend(bands: Record<string, number>, ctx: z.RefinementCtx): void {
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
