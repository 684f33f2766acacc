// 汇总.xlsx of a run with more than one unit (outputs.md "Per run"): a row per unit with its
// counts and state, a 合计 row summing every column (Q included), the sign-off lines, a chart of
// the grades per unit, and a 问题 sheet with every problem of the run.

import type { GradedPool, GradedUnit, UnitState } from "../domain/graded.js";
import { type Period, periodText } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { problemsByUnit } from "../domain/problem.js";
import { CHART_PALETTE, type ChartSpec } from "../ooxml/chart-xml.js";
import type { SheetCell, SheetRow, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, rowsUsed, textCell } from "../ooxml/write-xlsx.js";
import { type Outcome, OUTCOME_LABEL } from "../domain/labels.js";
import { SIGN_OFF_LINES } from "./sign-off.js";
import { buildProblemSheet } from "./problem-sheet.js";
import { countUnit, type UnitCounts } from "../domain/graded.js";
import { goodShare, pooledWith } from "./result-workbook.js";

export interface RunSummaryInput {
  period: Period;
  /** Every unit of the run, graded or not, in the order of the run. */
  units: readonly GradedUnit[];
  pools: readonly GradedPool[];
  /** Every problem of the run. */
  problems: readonly Problem[];
}

export const STATE_LABEL: Record<UnitState, string> = { final: "完成", draft: "草稿", error: "错误" };
const STATE_FILL: Record<UnitState, string | undefined> = { final: undefined, draft: "FCE4D6", error: "FFC7CE" };

function countCells(counts: UnitCounts): SheetCell[] {
  return [
    integerCell(counts.good),
    integerCell(counts.fairlyGood),
    integerCell(counts.average),
    integerCell(counts.poor),
    integerCell(counts.pending),
    integerCell(counts.undetermined),
    integerCell(counts.excluded),
    integerCell(counts.leadership),
  ];
}

/** The grades a chart of the run stacks, bottom up, in the colours of the chart palette. */
const CHARTED: readonly (keyof UnitCounts & Outcome)[] = ["good", "fairlyGood", "average", "poor", "pending"];

/**
 * The grades per unit as a stacked bar chart (outputs.md "Per run"): a bar per graded unit, its
 * persons by grade; null (none drawn) where a unit has nobody of a grade. No chart when no unit
 * was graded.
 */
export function gradeChart(units: readonly GradedUnit[], title: string): ChartSpec | null {
  const graded = units.filter((u) => u.state !== "error");
  if (graded.length === 0) return null;
  const counts = graded.map(countUnit);
  return {
    kind: "stacked-bar",
    title: `${title}：各单位等次人数`,
    categories: graded.map((u) => u.unit.name),
    series: CHARTED.map((grade, i) => ({
      name: OUTCOME_LABEL[grade],
      color: CHART_PALETTE[i % CHART_PALETTE.length]!,
      values: counts.map((c) => (c[grade] > 0 ? c[grade] : null)),
    })),
    font: { eastAsia: "宋体", latin: "Times New Roman" },
  };
}

/** Wide enough for every unit's name under its bar, up to a landscape page. */
function chartWidth(chart: ChartSpec): number {
  return Math.min(960, Math.max(560, 120 + chart.categories.length * 70));
}

export function buildRunSummary(input: RunSummaryInput): WorkbookSpec {
  const rows: SheetRow[] = [];
  const total: UnitCounts = {
    graded: 0, good: 0, fairlyGood: 0, average: 0, poor: 0, pending: 0, undetermined: 0, excluded: 0, leadership: 0,
  };
  const problemsOf = problemsByUnit(
    input.units.map((u) => u.unit),
    input.problems,
  );
  const poolOf = new Map(input.pools.map((pool) => [pool.code, pool]));
  for (const graded of input.units) {
    const problems = problemsOf.get(graded.unit.code)?.length ?? 0;
    const head = [textCell(graded.unit.code), textCell(graded.unit.name)];
    const tail = [textCell(STATE_LABEL[graded.state]), integerCell(problems)];
    const fill = STATE_FILL[graded.state];
    if (graded.state === "error") {
      // Not graded: no counts to show (outputs.md: a unit with an error is not graded).
      rows.push({ cells: [...head, ...Array.from({ length: 12 }, () => textCell(null)), ...tail], ...(fill ? { fill } : {}) });
      continue;
    }
    const pool = poolOf.get(graded.poolCode);
    if (!pool) throw new Error(`no pool ${graded.poolCode} for unit ${graded.unit.code}`);
    const counts = countUnit(graded);
    for (const key of Object.keys(total) as (keyof UnitCounts)[]) total[key] += counts[key];
    const parent = pooledWith(graded);
    rows.push({
      cells: [
        ...head,
        integerCell(counts.graded),
        textCell(parent ? `与${parent}统筹` : "本单位"),
        integerCell(pool.quota),
        ...countCells(counts),
        goodShare(counts.good, counts.graded),
        ...tail,
      ],
      ...(fill ? { fill } : {}),
    });
  }
  // Q summed over the pools of the graded units, each pool once: units pooled under a 主管单位
  // share one quota, which their rows each show (rules.md §1.2).
  const gradedPools = new Set(input.units.filter((u) => u.state !== "error").map((u) => u.poolCode));
  const totalQuota = [...gradedPools].reduce((sum, code) => sum + (poolOf.get(code)?.quota ?? 0), 0);
  rows.push({
    cells: [
      textCell("合计"),
      textCell(`${input.units.length}个单位`),
      integerCell(total.graded),
      textCell(null),
      integerCell(totalQuota),
      ...countCells(total),
      goodShare(total.good, total.graded),
      textCell(null),
      integerCell(input.problems.length),
    ],
    bold: true,
  });

  const title = `${periodText(input.period)}公务员平时考核汇总`;
  const summary = {
    titles: [title],
    rows,
    closingLines: [...SIGN_OFF_LINES],
  };
  const chart = gradeChart(input.units, title);
  return {
    draft: false,
    sheets: [
      {
        name: "汇总",
        ...summary,
        // Under the sign-off lines, a row apart.
        ...(chart ? { charts: [{ chart, fromCell: `B${rowsUsed(summary) + 2}`, widthPx: chartWidth(chart), heightPx: 360 }] } : {}),
        orientation: "landscape",
        columns: [
          { header: "单位代码", width: 12 },
          { header: "单位名称", width: 24 },
          { header: "参加定等人数", width: 8 },
          { header: "定等范围", width: 14 },
          { header: "好等次名额", width: 8 },
          { header: "好", width: 6 },
          { header: "较好", width: 6 },
          { header: "一般", width: 6 },
          { header: "较差", width: 6 },
          { header: "待定", width: 6 },
          { header: "不确定等次", width: 8 },
          { header: "不参加", width: 7 },
          { header: "领导成员", width: 7 },
          { header: "好等次占比", width: 10 },
          { header: "状态", width: 7 },
          { header: "问题数", width: 7 },
        ],
      },
      buildProblemSheet(`${periodText(input.period)}公务员平时考核问题清单`, input.problems, "本次运行没有发现问题。"),
    ],
  };
}
