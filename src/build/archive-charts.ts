// The archive's charts, described for the native chart writer (ooxml/chart-xml.ts): a person's
// S by quarter with each point coloured by its grade and the band lines drawn (archive.md "The
// growth record"), and for the statistics the share of 好 by quarter and the grades per quarter
// (archive.md "Statistics"). Pure.

import type { GrowthRecord } from "../domain/archive-record.js";
import type { StatsQuarter } from "../domain/archive-stats.js";
import { quarterKeyText } from "../domain/archive-window.js";
import { toNumber } from "../domain/exact.js";
import type { Grade, Outcome } from "../domain/labels.js";
import { GRADE_LABEL, GRADES, OUTCOME_LABEL } from "../domain/labels.js";
import type { ChartSeries, ChartSpec } from "../ooxml/chart-xml.js";
import { periodText } from "../domain/model.js";

/** One colour per grade, the same in every archive chart: 好 green, 较好 blue, 一般 orange, 较差 red, 待定 purple. */
export const GRADE_COLOR: Record<Outcome, string> = {
  good: "548235",
  fairlyGood: "2F5597",
  average: "ED7D31",
  poor: "C00000",
  pending: "7030A0",
};
const TREND_COLOR = "7F7F7F";

/** The band lines of a quarter's rules (好, 较好, 一般). */
const BANDS: readonly Exclude<Grade, "poor">[] = ["good", "fairlyGood", "average"];

/**
 * S by quarter: a grey line through the graded quarters, a marker series per grade (null where
 * another grade stands, so each point takes its grade's colour), and the band lines of the latest
 * quarter's rules as dashed reference series. Quarters not graded are gaps.
 */
export function scoreChart(record: GrowthRecord, font: ChartSpec["font"]): ChartSpec {
  const quarters = record.quarters;
  const scores = quarters.map((q) => (q.score === null ? null : toNumber(q.score)));
  const outcomes: Outcome[] = [...GRADES, "pending"];
  const markers: ChartSeries[] = outcomes
    .filter((o) => quarters.some((q) => q.grade === o && q.score !== null))
    .map((o) => ({
      name: OUTCOME_LABEL[o],
      color: GRADE_COLOR[o],
      values: quarters.map((q, i) => (q.grade === o ? (scores[i] ?? null) : null)),
      style: "markers",
    }));
  const bands = [...quarters].reverse().find((q) => q.bands !== undefined)?.bands;
  const references: ChartSeries[] = bands
    ? BANDS.map((b) => ({
        name: `${GRADE_LABEL[b]}线 ${bands[b]}`,
        color: GRADE_COLOR[b],
        values: quarters.map(() => bands[b]),
        style: "reference",
      }))
    : [];
  const graded = scores.filter((s): s is number => s !== null);
  const low = Math.min(...graded, bands?.average ?? 100);
  return {
    kind: "line",
    title: "综合得分（S）逐季变化",
    categories: quarters.map((q) => periodText(q)),
    series: [{ name: "综合得分", color: TREND_COLOR, values: scores, style: "line" }, ...markers, ...references],
    // From a multiple of 10 below the lowest point or band line, to 100 or the highest score.
    min: Math.max(0, Math.floor((low - 5) / 10) * 10),
    max: Math.max(100, Math.ceil(Math.max(...graded, 0))),
    font,
  };
}

/** The share of 好 among the graded persons of the whole archive, by quarter (0 to 1, shown as %). */
export function goodShareChart(quarters: readonly StatsQuarter[], font: ChartSpec["font"]): ChartSpec {
  return {
    kind: "line",
    title: "好等次占比（按季度）",
    categories: quarters.map(quarterKeyText),
    series: [{ name: "好等次占比", color: GRADE_COLOR.good, values: quarters.map((q) => (q.goodShare === null ? null : toNumber(q.goodShare, 4))) }],
    min: 0,
    numberFormat: "0%",
    font,
  };
}

/** How many persons had each grade, by quarter, stacked. */
export function gradeDistributionChart(quarters: readonly StatsQuarter[], font: ChartSpec["font"]): ChartSpec {
  return {
    kind: "stacked-bar",
    title: "各等次人数（按季度）",
    categories: quarters.map(quarterKeyText),
    series: GRADES.map((g) => ({ name: GRADE_LABEL[g], color: GRADE_COLOR[g], values: quarters.map((q) => q.counts[g]) })),
    min: 0,
    font,
  };
}
