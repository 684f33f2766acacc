// The charts of the political documents, as native charts (ooxml/chart-xml.ts) that Word, WPS and
// LibreOffice draw in the document's own fonts: each portrait's five aspects beside the unit's
// mean (a radar), and the report's mean of each aspect (bars).

import { toNumber } from "../domain/exact.js";
import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { CHART_PALETTE, type ChartSpec } from "../ooxml/chart-xml.js";
import { ChartRun, Paragraph } from "../ooxml/docx-writer.js";
import type { ReportContent } from "./political-report.js";
import type { PoliticalWording } from "./political-wording.js";

export interface PoliticalCharts {
  portrait: (unit: PoliticalUnitResult, cadreId: string) => Paragraph | null;
  report: (content: ReportContent) => Paragraph | null;
}

/** The value axis starts at the lowest points a word gives (较差), so that differences show. */
function axisMin(rules: PoliticalRules): number {
  return Math.floor(toNumber(rules.ratingPoints.poor, 0) / 10) * 10;
}

/** A radar's centre: 10 points below the lowest value shown, in tens, never below the word floor. */
function radarMin(values: readonly (number | null)[], rules: PoliticalRules): number {
  const shown = values.filter((v): v is number => v !== null);
  if (shown.length === 0) return axisMin(rules);
  return Math.max(axisMin(rules), Math.floor(Math.min(...shown) / 10) * 10 - 10);
}

export function portraitChart(unit: PoliticalUnitResult, cadreId: string, rules: PoliticalRules, wording: PoliticalWording): ChartSpec | null {
  const cadre = unit.cadres.find((c) => c.cadre.id === cadreId);
  if (!cadre || cadre.scores.positive === null) return null;
  const own = cadre.scores.aspects.map((a) => (a.score === null ? null : toNumber(a.score, 2)));
  const mean = unit.aspectMeans.map((m) => (m === null ? null : toNumber(m, 2)));
  return {
    kind: "radar",
    title: "政治素质五个方面得分",
    categories: rules.aspects.map((a) => a.name),
    series: [
      { name: cadre.cadre.name, color: CHART_PALETTE[0], values: own },
      { name: "本单位平均", color: CHART_PALETTE[1], values: mean, style: "reference" },
    ],
    min: radarMin([...own, ...mean], rules),
    max: 100,
    font: { eastAsia: wording.fonts.body, latin: wording.fonts.latin },
  };
}

export function reportChart(content: ReportContent, rules: PoliticalRules, wording: PoliticalWording): ChartSpec {
  return {
    kind: "bar",
    title: "各方面平均得分",
    categories: content.aspectMeans.map((a) => a.aspect),
    series: [{ name: "平均得分", color: CHART_PALETTE[0], values: content.aspectMeans.map((a) => (a.mean === null ? null : toNumber(a.mean, 2))) }],
    min: axisMin(rules),
    max: 100,
    font: { eastAsia: wording.fonts.body, latin: wording.fonts.latin },
  };
}

function chartParagraph(chart: ChartSpec, widthPx: number, heightPx: number): Paragraph {
  return new Paragraph({ alignment: "center", children: [new ChartRun({ chart, widthPx, heightPx })] });
}

export function politicalCharts(rules: PoliticalRules, wording: PoliticalWording): PoliticalCharts {
  return {
    portrait: (unit, cadreId) => {
      const chart = portraitChart(unit, cadreId, rules, wording);
      return chart === null ? null : chartParagraph(chart, 440, 250);
    },
    report: (content) => chartParagraph(reportChart(content, rules, wording), 520, 260),
  };
}
