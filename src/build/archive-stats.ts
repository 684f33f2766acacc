// The statistics workbook of `archive stats` (archive.md "Statistics"): `按单位` with a row per unit
// and quarter of the window, `按季度` with a row per quarter for the whole archive and the two
// charts (the share of 好 by quarter; the grades per quarter) as pictures. Pure.

import type { StatsQuarter } from "../domain/archive-stats.js";
import type { ArchiveWindow } from "../domain/archive-window.js";
import { quarterKeyText } from "../domain/archive-window.js";
import { YES_NO_LABEL } from "../domain/labels.js";
import { goodShareChart, gradeDistributionChart } from "./archive-charts.js";
import type { SheetCell, SheetColumn, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell } from "../ooxml/write-xlsx.js";
import { percentCell } from "./exact-cells.js";

/** `2025Q1-2026Q4_考核统计.xlsx`, named like the lists. */
export function statsFileName(window: ArchiveWindow): string {
  return `${quarterKeyText(window.from)}-${quarterKeyText(window.to)}_考核统计.xlsx`;
}

/** The charts in the workbook's body font (write-xlsx.ts writes cells in 宋体). */
const CHART_FONT = { eastAsia: "宋体", latin: "Times New Roman" };

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * `2026-12-07 10:16`: the time of filing in Beijing time, whatever the machine's time zone, so
 * that the same archive gives the same workbook everywhere.
 */
export function filedAtText(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

const COUNT_COLUMNS: SheetColumn[] = [
  { header: "N", width: 6 },
  { header: "Q", width: 6 },
  { header: "好", width: 6 },
  { header: "较好", width: 6 },
  { header: "一般", width: 6 },
  { header: "较差", width: 6 },
  { header: "不确定等次", width: 10 },
  { header: "不参加", width: 8 },
  { header: "好等次占比", width: 10 },
];

function countCells(row: Pick<StatsQuarter, "n" | "quota" | "counts" | "undetermined" | "excluded" | "goodShare">): SheetCell[] {
  return [
    integerCell(row.n),
    integerCell(row.quota),
    integerCell(row.counts.good),
    integerCell(row.counts.fairlyGood),
    integerCell(row.counts.average),
    integerCell(row.counts.poor),
    integerCell(row.undetermined),
    integerCell(row.excluded),
    row.goodShare === null ? textCell("—") : percentCell(row.goodShare),
  ];
}

export interface StatsWorkbookInput {
  quarters: StatsQuarter[];
  window: ArchiveWindow;
}

function span(window: ArchiveWindow): string {
  return `${quarterKeyText(window.from)}至${quarterKeyText(window.to)}`;
}

export function unitSheet(input: StatsWorkbookInput): SheetSpec {
  return {
    name: "按单位",
    titles: [`平时考核归档统计（${span(input.window)}）`, "N、Q 为单位所在统筹范围的定等人数和好等次名额（与 grade 一致）；占比为本单位定等人员中好等次的比例"],
    orientation: "landscape",
    columns: [
      { header: "季度", width: 8 },
      { header: "单位代码", width: 10 },
      { header: "单位名称", width: 20 },
      ...COUNT_COLUMNS,
      { header: "名额用完", width: 8 },
      { header: "归档时间", width: 17 },
    ],
    rows: input.quarters.flatMap((q) =>
      q.units.map((u) => ({
        cells: [
          textCell(quarterKeyText(q)),
          textCell(u.unitCode),
          textCell(u.unitName),
          ...countCells(u),
          textCell(YES_NO_LABEL[u.quotaUsedUp ? "yes" : "no"]),
          textCell(filedAtText(u.filedAt)),
        ],
      })),
    ),
  };
}

export function quarterSheet(input: StatsWorkbookInput): SheetSpec {
  return {
    name: "按季度",
    titles: [`全部单位各季度合计（${span(input.window)}）`, "N、Q 按统筹范围各计一次"],
    orientation: "landscape",
    columns: [{ header: "季度", width: 8 }, { header: "归档单位数", width: 10 }, ...COUNT_COLUMNS],
    rows: input.quarters.map((q) => ({ cells: [textCell(quarterKeyText(q)), integerCell(q.units.length), ...countCells(q)] })),
    // Below the rows (two title rows, the header, the rows, a blank row), side by side.
    charts: [
      { chart: goodShareChart(input.quarters, CHART_FONT), fromCell: `A${input.quarters.length + 5}`, widthPx: 480, heightPx: 300 },
      { chart: gradeDistributionChart(input.quarters, CHART_FONT), fromCell: `H${input.quarters.length + 5}`, widthPx: 520, heightPx: 300 },
    ],
  };
}

export function buildStatsWorkbook(input: StatsWorkbookInput): WorkbookSpec {
  return { draft: false, sheets: [unitSheet(input), quarterSheet(input)] };
}
