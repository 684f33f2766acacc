// The rules file's schema (rules.md "The rules file"): what each key holds, said to the person
// who edits the file (a problem's message is 「key」 + one of EXPECT's texts + what was found, see
// rules-file-problems.ts), and the checks across keys (weights add up to 1, bands descend ...).
// Its building blocks, shared with the `political` section, are in rules-file-blocks.ts.

import { PoliticalRulesFileSchema } from "./political-rules.js";
import * as z from "zod";
import { isIsoDate } from "./calendar.js";
import { compare, exact, sum } from "./exact.js";
import { CATEGORY_LABEL, DIMENSION_LABEL, GRADE_LABEL, RATER_GROUP_LABEL } from "./labels.js";
import {
  BAND_LABEL,
  EXPECT,
  SENTENCE,
  addsUpToOne,
  bandsDescend,
  byLabel,
  count,
  labelsOf,
  list,
  noRepeats,
  numberIn,
  oneOf,
  ratio,
  strictObject,
  sumText,
  text,
  weight,
} from "./rules-file-blocks.js";

const GRADE_WORDS = labelsOf(GRADE_LABEL);

const isoDate = z
  .string({ error: EXPECT.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: EXPECT.date, abort: true })
  .refine(isIsoDate, { error: EXPECT.date });

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
