// The list workbooks of `archive list KIND` (archive.md "The lists"): `{from}-{to}_{list name}.xlsx`,
// one sheet with a row per person (or per unit for 未备案单位) in the list's order, and the same
// rows as a table for the screen. Pure.

import type { MissingListRow, PersonListRow, VetoListRow } from "../domain/archive-lists.js";
import { LIST_LABEL, type ListKind } from "../domain/archive-lists.js";
import type { ArchiveWindow } from "../domain/archive-window.js";
import { quarterKeyText } from "../domain/archive-window.js";
import { EVENT_KIND_LABEL, OUTCOME_LABEL, type Outcome } from "../domain/labels.js";
import type { SheetCell, SheetColumn, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { BLANK, integerCell, textCell } from "../ooxml/write-xlsx.js";
import { decimalCell } from "./exact-cells.js";
import { periodText } from "../domain/model.js";

export type ListRows =
  | { kind: "good" | "weak"; rows: PersonListRow[] }
  | { kind: "veto"; rows: VetoListRow[] }
  | { kind: "missing"; rows: MissingListRow[] };

export interface ListWorkbookInput {
  list: ListRows;
  window: ArchiveWindow;
  /** --min as used (good, weak); null for the others. */
  min: number | null;
  /** --unit CODE, or null. */
  unit: string | null;
}

/** `2025Q1-2026Q4_好等次较多人员.xlsx` (archive.md). */
export function listFileName(kind: ListKind, window: ArchiveWindow): string {
  return `${quarterKeyText(window.from)}-${quarterKeyText(window.to)}_${LIST_LABEL[kind]}.xlsx`;
}

function criterion(input: ListWorkbookInput): string {
  const span = `${periodText(input.window.from)}至${periodText(input.window.to)}`;
  const unit = input.unit === null ? "" : `；单位 ${input.unit} 及其下属单位`;
  switch (input.list.kind) {
    case "good":
      return `${span}，“好”等次不少于${input.min}个季度${unit}；按“好”等次季度数、平均综合得分从高到低排列`;
    case "weak":
      return `${span}，“一般”或“较差”等次不少于${input.min}个季度${unit}；按此季度数从多到少、平均综合得分从低到高排列`;
    case "veto":
      return `${span}内有否决或限好事项${unit}；按事项日期排列`;
    case "missing":
      return `${span}内曾归档、但有季度未归档的单位${unit}；按单位代码排列`;
  }
}

/** The text of a list's one table, headers then rows, for the sheet and the screen alike. */
export interface ListTable {
  columns: SheetColumn[];
  rows: SheetCell[][];
}

function personColumns(window: ArchiveWindow): SheetColumn[] {
  return [
    { header: "序号", width: 6 },
    { header: "人员编号", width: 20 },
    { header: "姓名", width: 10 },
    { header: "单位", width: 18 },
    { header: "科室", width: 12 },
    ...window.quarters.map((q) => ({ header: quarterKeyText(q), width: 8 })),
    { header: "好", width: 5 },
    { header: "较好", width: 5 },
    { header: "一般", width: 5 },
    { header: "较差", width: 5 },
    { header: "平均综合得分", width: 12 },
  ];
}

/** One cell per grade, shared by every row: a city's list has some 600,000 grade cells. */
const GRADE_CELL = Object.fromEntries(Object.entries(OUTCOME_LABEL).map(([outcome, label]) => [outcome, textCell(label)])) as Record<Outcome, SheetCell>;

function personCells(row: PersonListRow, index: number): SheetCell[] {
  return [
    integerCell(index + 1),
    textCell(row.id),
    textCell(row.name),
    textCell(row.unitName),
    textCell(row.department),
    ...row.grades.map((g) => (g === null ? BLANK : GRADE_CELL[g])),
    integerCell(row.counts.good),
    integerCell(row.counts.fairlyGood),
    integerCell(row.counts.average),
    integerCell(row.counts.poor),
    decimalCell(row.meanScore),
  ];
}

/** `2026-02-10 限好：迟到三次（2026年第一季度）`. */
export function eventText(event: VetoListRow["events"][number]): string {
  return `${event.date ?? periodText(event)} ${EVENT_KIND_LABEL[event.kind]}：${event.reason}`;
}

export function listTable(input: ListWorkbookInput): ListTable {
  const { list, window } = input;
  switch (list.kind) {
    case "good":
    case "weak":
      return { columns: personColumns(window), rows: list.rows.map(personCells) };
    case "veto":
      return {
        columns: [...personColumns(window), { header: "否决、限好事项", width: 50 }],
        rows: list.rows.map((row, i) => [...personCells(row, i), textCell(row.events.map(eventText).join("\n"))]),
      };
    case "missing":
      return {
        columns: [
          { header: "序号", width: 6 },
          { header: "单位代码", width: 12 },
          { header: "单位名称", width: 24 },
          { header: "未归档季度", width: 60 },
        ],
        rows: list.rows.map((row, i) => [
          integerCell(i + 1),
          textCell(row.unitCode),
          textCell(row.unitName),
          textCell(row.quarters.map(quarterKeyText).join("、")),
        ]),
      };
  }
}

/** The list's workbook; `table` is listTable(input), when the caller has it already for the screen. */
export function buildListWorkbook(input: ListWorkbookInput, table: ListTable = listTable(input)): WorkbookSpec {
  const name = LIST_LABEL[input.list.kind];
  const sheet: SheetSpec = {
    name,
    titles: [`${name}（${quarterKeyText(input.window.from)}至${quarterKeyText(input.window.to)}）`, criterion(input)],
    orientation: "landscape",
    columns: table.columns,
    rows: table.rows.map((cells) => ({ cells })),
  };
  return { draft: false, sheets: [sheet] };
}

/** A cell as plain text for the screen. */
export function cellText(cell: SheetCell): string {
  switch (cell.kind) {
    case "blank":
      return "";
    case "text":
      return cell.text;
    case "decimal":
      return cell.value.toFixed(2);
    case "integer":
      return String(cell.value);
    case "percent":
      return `${(cell.value * 100).toFixed(2)}%`;
  }
}
