// The rules file (rules.md "The rules file"): JSON with Chinese labels as in workbooks, merged
// over the built-in 标准方案 and checked as strictly as a workbook. Checking turns it into the
// domain's Rules (rules.ts): English keys, exact numbers (0.29 is 29/100, never a double).
// Pure: the SHA-256 is computed by the caller from canonicalJson (the domain has no crypto).

import * as z from "zod";
import { type Exact, ONE, compare, equals, exact, sum, toText } from "./exact.js";
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
import type { Problem } from "./problem.js";
import type { EffectiveRules, Rules, RulesIndicator } from "./rules.js";

// ---------------------------------------------------------------------------------------------
// What each value should be, said to the person who edits the file. A problem's message is
// 「key」 + one of these + what was found (see issueProblems).

const EXPECT = {
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
const BAND_LABEL: Record<Exclude<Grade, "poor">, string> = {
  good: GRADE_LABEL.good,
  fairlyGood: GRADE_LABEL.fairlyGood,
  average: GRADE_LABEL.average,
};

const isoDate = z
  .string({ error: EXPECT.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: EXPECT.date, abort: true })
  .refine(isCalendarDate, { error: EXPECT.date });

function isCalendarDate(iso: string): boolean {
  const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

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
});

export type RulesFile = z.infer<typeof RulesFileSchema>;

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
};

// ---------------------------------------------------------------------------------------------
// Merging a partial file over the defaults.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Keys whose value a file replaces whole, though it is an object (rules.md "The rules file"). */
const REPLACED_WHOLE = new Set(["unitOverrides"]);

function mergeAt(key: string, base: unknown, given: unknown): unknown {
  if (given === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(given) || REPLACED_WHOLE.has(key)) return given;
  const keys = [...new Set([...Object.keys(base), ...Object.keys(given)])];
  // fromEntries defines own properties, so a "__proto__" key stays a key (and is then reported).
  return Object.fromEntries(
    keys.map((k) => [
      k,
      mergeAt(k, Object.hasOwn(base, k) ? base[k] : undefined, Object.hasOwn(given, k) ? given[k] : undefined),
    ]),
  );
}

/**
 * A rules file over the defaults: objects merged key by key (`{"notice": {"days": 3}}` keeps the
 * other notice settings); arrays and `unitOverrides` replace the default whole. Not checked here.
 */
export function mergeRulesFile(defaults: unknown, given: unknown): unknown {
  return mergeAt("", defaults, given);
}

// ---------------------------------------------------------------------------------------------
// Canonical JSON, for the SHA-256 every output records (rules.md; outputs.md 规则 sheet).

/** JSON with object keys sorted at every depth and no whitespace: equal rules, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// ---------------------------------------------------------------------------------------------
// Problems from zod's issues.

/** `weights.common`, `indicators[2].max`: a key path as the editor of the file sees it. */
export function keyPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (!/^[^.\s[\]"]+$/.test(String(part))) text += `[${JSON.stringify(String(part))}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** The keys the defaults allow where a path points, for the message about an unknown key. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  // unitOverrides is empty by default; each of its entries allows goodRatio only.
  if (path[0] === "unitOverrides" && path.length === 2) return ["goodRatio"];
  let node: unknown = DEFAULT_RULES_FILE;
  for (const part of path) {
    if (Array.isArray(node)) node = node[0];
    else node = isPlainObject(node) && Object.hasOwn(node, String(part)) ? node[String(part)] : undefined;
  }
  return isPlainObject(node) ? Object.keys(node) : [];
}

function rulesProblem(source: string | null, path: readonly PropertyKey[], value: string, message: string): Problem {
  return {
    severity: "error",
    code: "E_RULES",
    file: source ?? "",
    sheet: "",
    cell: "",
    header: keyPath(path),
    value,
    message,
  };
}

function issueProblems(issue: z.core.$ZodIssue, source: string | null): Problem[] {
  const key = keyPath(issue.path);
  const where = key === "" ? "规则文件" : `规则文件「${key}」`;
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeys(issue.path);
    return issue.keys.map((unknownKey) => {
      const path = [...issue.path, unknownKey];
      return rulesProblem(
        source,
        path,
        "",
        `规则文件中没有「${keyPath(path)}」这一项，请删去或改正拼写` +
          (allowed.length > 0 ? `（此处可用：${allowed.join("、")}）。` : "。"),
      );
    });
  }
  if (issue.code === "custom" && issue.params?.sentence === true) {
    return [rulesProblem(source, issue.path, shown(issue.input), `${where}${issue.message}`)];
  }
  if (issue.code === "invalid_key") {
    return [rulesProblem(source, issue.path, shown(issue.input), `${where}的键${EXPECT.unitCode}，现为 ${shown(issue.input)}。`)];
  }
  if (issue.input === undefined) {
    return [rulesProblem(source, issue.path, "", `规则文件缺少「${key}」，${issue.message}。`)];
  }
  // "0.7" in quotes is text to JSON: the commonest slip when a number is typed by hand.
  const quoted =
    issue.code === "invalid_type" && typeof issue.input === "string" && (issue.expected === "number" || issue.expected === "int")
      ? "（数字不要加引号）"
      : "";
  return [
    rulesProblem(source, issue.path, shown(issue.input), `${where}${issue.message}，现为 ${shown(issue.input)}${quoted}。`),
  ];
}

// ---------------------------------------------------------------------------------------------
// From the checked file to the domain's rules.

function idOf<K extends string>(table: Record<K, string>, label: string): K {
  const id = fromLabel(table, label);
  if (id === undefined) throw new Error(`bug: label ${label} passed the schema but is not in its table`);
  return id;
}

function exactByLabel<K extends string>(table: Record<K, string>, values: Record<string, number>): Record<K, Exact> {
  const result = {} as Record<K, Exact>;
  for (const id of Object.keys(table) as K[]) {
    const value = values[table[id]];
    if (value === undefined) throw new Error(`bug: ${table[id]} passed the schema but is missing`);
    result[id] = exact(value);
  }
  return result;
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
): { value: EffectiveRules | null; problems: Problem[] } {
  const parsed = RulesFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return { value: null, problems: parsed.error.issues.flatMap((issue) => issueProblems(issue, source)) };
  }
  return {
    value: { rules: toRules(parsed.data), json, sha256: sha256(canonicalJson(json)), source },
    problems: [],
  };
}
