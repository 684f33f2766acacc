// 结果.xlsx of one unit as a sheet description (outputs.md "Per unit" 1): 结果, 汇总, 工作清单,
// 变更记录, 问题, 规则. Pure: graded data in, sheets out; writeXlsx turns them into bytes.
//
// Decisions where the spec is silent (工作清单 by month, workbook.md 月份 and 个人小结):
// - The sheet gains a 月份 column only when the unit's items or summaries give months, and a
//   个人小结 column only when the unit has a summary: a workbook with neither prints as before.
// - A person whose items or summaries give months has a row for each month of the quarter (a
//   month without items shows 0 and says so, as the W_MONTH_NO_ITEM warning does), then a
//   全季度 row when there are items without a month or a quarter's summary.

import { div, ratio } from "../domain/exact.js";
import type { GradedPerson, GradedPool, GradedUnit } from "../domain/graded.js";
import { countUnit, reasonText } from "../domain/graded.js";
import type { Outcome } from "../domain/labels.js";
import { DECISION_KIND_LABEL, GRADE_LABEL, OUTCOME_LABEL, STATUS_LABEL } from "../domain/labels.js";
import type { AppraisalWorkbook, Period, PersonalSummary, Unit, WorkItem } from "../domain/model.js";
import { isGraded, periodText, rowsByPersonId } from "../domain/model.js";
import { monthOrQuarterLabel, quarterMonths } from "../domain/months.js";
import { SELF_COMPARISON_LABEL, compareSelfGrade } from "../domain/self-grade.js";
import type { Problem } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { openItemText, summariseWork } from "../domain/work-summary.js";
import type { SheetCell, SheetRow, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell, textWidth } from "../ooxml/write-xlsx.js";
import { decimalCell, percentCell } from "./exact-cells.js";
import { buildProblemSheet } from "./problem-sheet.js";
import { rulesRows } from "./rules-table.js";
import { SIGN_OFF_LINES } from "./sign-off.js";
import { keptByMonth } from "./work-by-month.js";

/** An input file as the 规则 sheet records it: its name and SHA-256 (not run/input-files.ts's InputFile, a file to read). */
export interface InputDigest {
  file: string;
  sha256: string;
}

export interface ResultWorkbookInput {
  graded: GradedUnit;
  /** The pool the unit is graded in (graded.poolCode): N, Q and department shares. */
  pool: GradedPool;
  /** The workbook the unit came from: its period, work lists and personal summaries. */
  workbook: Pick<AppraisalWorkbook, "period" | "workItems" | "summaries">;
  /** Every input file of the run, as the 规则 sheet records them. */
  inputFiles: readonly InputDigest[];
  rules: EffectiveRules;
  /** The unit's warnings (a unit with an error has no result workbook). */
  warnings: readonly Problem[];
  toolVersion: string;
}

/** One fill per published grade (outputs.md 结果), and grey for persons without a grade. */
export const GRADE_FILL: Record<Outcome | "none", string> = {
  good: "C6EFCE",
  fairlyGood: "DDEBF7",
  average: "FFF2CC",
  poor: "FFC7CE",
  pending: "FCE4D6",
  none: "EDEDED",
};

/** What the 等次 column says: the grade, or why there is none (rules.md §1.1). */
export function gradeText(person: GradedPerson): string {
  if (person.grade !== null) return OUTCOME_LABEL[person.grade];
  return person.person.kind === "leadership" ? "由上级评定" : STATUS_LABEL[person.person.status];
}

export function reasonsText(person: GradedPerson): string {
  return person.reasons.map(reasonText).join("；");
}

/** The name of the unit a pooled unit is graded with, from its persons' 统筹 reason. */
export function pooledWith(graded: GradedUnit): string | null {
  if (graded.poolCode === graded.unit.code) return null;
  for (const person of graded.persons) {
    const pooled = person.reasons.find((r) => r.kind === "pooled");
    if (pooled?.kind === "pooled") return pooled.parentName;
  }
  return graded.poolCode;
}


/** The share of 好 among the graded, as a percentage cell; a dash when nobody is graded. */
export function goodShare(good: number, graded: number): SheetCell {
  return graded > 0 ? percentCell(div(ratio(BigInt(good)), ratio(BigInt(graded)))) : textCell("—");
}


function unitTitle(unit: Unit, period: Period, what: string): string {
  return `${unit.name}${periodText(period)}公务员平时考核${what}`;
}

function resultSheet(input: ResultWorkbookInput): SheetSpec {
  const { graded, pool, workbook, rules } = input;
  const parent = pooledWith(graded);
  const scope = parent ? `与${parent}统筹，` : "";
  return {
    name: "结果",
    titles: [
      unitTitle(graded.unit, workbook.period, "结果"),
      `方案：${rules.rules.name}；${scope}参加定等${pool.n}人，好等次名额${pool.quota}名`,
    ],
    orientation: "landscape",
    columns: [
      { header: "序号", width: 6 },
      { header: "人员编号", width: 20 },
      { header: "姓名", width: 10 },
      { header: "科室", width: 14 },
      { header: "职务职级", width: 14 },
      { header: "个性得分", width: 10 },
      { header: "共性得分", width: 10 },
      { header: "加分", width: 8 },
      { header: "减分", width: 8 },
      { header: "综合得分", width: 10 },
      { header: "排名", width: 6 },
      { header: "分数档", width: 8 },
      { header: "等次", width: 12 },
      { header: "自评等次", width: 10 },
      { header: "自评与等次", width: 10 },
      { header: "说明", width: 44 },
    ],
    autoFilter: true,
    closingLines: [...SIGN_OFF_LINES],
    rows: graded.persons.map((p, i) => ({
      cells: [
        integerCell(i + 1),
        textCell(p.person.id),
        textCell(p.person.name),
        textCell(p.person.department),
        textCell(p.person.title),
        decimalCell(p.scores?.individual),
        decimalCell(p.scores?.common),
        decimalCell(p.scores?.bonus),
        decimalCell(p.scores?.deduction),
        decimalCell(p.scores?.total),
        integerCell(p.rank),
        textCell(p.band === null ? null : GRADE_LABEL[p.band]),
        textCell(gradeText(p)),
        textCell(p.person.selfGrade === null ? null : GRADE_LABEL[p.person.selfGrade]),
        textCell(selfComparisonText(p)),
        textCell(reasonsText(p)),
      ],
      fill: GRADE_FILL[p.grade ?? "none"],
    })),
  };
}

/** 自评与等次: 一致, 高于, 低于; blank without a 自评 or a grade (outputs.md 结果). */
export function selfComparisonText(person: GradedPerson): string | null {
  const comparison = compareSelfGrade(person.person.selfGrade, person.grade);
  return comparison === null ? null : SELF_COMPARISON_LABEL[comparison];
}

function pair(label: string, value: SheetCell): SheetRow {
  return { cells: [textCell(label), value] };
}

function summarySheet(input: ResultWorkbookInput): SheetSpec {
  const { graded, pool, workbook } = input;
  const counts = countUnit(graded);
  const parent = pooledWith(graded);
  const departments = pool.departments.filter((d) => d.unitCode === graded.unit.code);
  const rows: SheetRow[] = [
    pair("单位代码", textCell(graded.unit.code)),
    pair("单位名称", textCell(graded.unit.name)),
    pair("考核期", textCell(periodText(workbook.period))),
    pair("结果状态", textCell(graded.state === "final" ? "完成" : "草稿：有待定人员，须由考核委员会审定")),
    pair("定等范围", textCell(parent ? `与${parent}统筹（名额按统筹范围计算）` : "本单位")),
    pair("定等范围内参加定等人数（N）", integerCell(pool.n)),
    pair("好等次比例上限", percentCell(pool.ratio)),
    pair("好等次名额（Q）", integerCell(pool.quota)),
    pair("本单位参加定等人数", integerCell(counts.graded)),
    pair("好", integerCell(counts.good)),
    pair("较好", integerCell(counts.fairlyGood)),
    pair("一般", integerCell(counts.average)),
    pair("较差", integerCell(counts.poor)),
    pair("待定", integerCell(counts.pending)),
    pair("好等次占比", goodShare(counts.good, counts.graded)),
    pair("不确定等次", integerCell(counts.undetermined)),
    pair("不参加", integerCell(counts.excluded)),
    pair("领导成员（由上级评定）", integerCell(counts.leadership)),
  ];
  if (departments.length > 0) {
    // rules.md §4.4: the pool's Q shared out to departments; "used" is 好 after decisions.
    rows.push({ cells: ["按科室分配名额", "参加定等人数", "分得名额", "已用好等次"].map(textCell), bold: true });
    for (const d of departments) {
      rows.push({ cells: [textCell(d.department), integerCell(d.persons), integerCell(d.share), integerCell(d.used)] });
    }
  }
  // The value column as wide as its longest text (the unit's name, 定等范围) on one line.
  const valueWidth = Math.min(48, Math.max(14, ...rows.map((row) => (row.cells[1]?.kind === "text" ? textWidth(row.cells[1].text) + 2 : 0))));
  return {
    name: "汇总",
    titles: [unitTitle(graded.unit, workbook.period, "汇总")],
    orientation: "portrait",
    columns: [
      { header: "项目", width: 28 },
      { header: "数值", width: valueWidth },
      ...(departments.length > 0 ? [{ header: "", width: 12 }, { header: "", width: 12 }] : []),
    ],
    rows,
    closingLines: [...SIGN_OFF_LINES],
  };
}

/** One row of the 工作清单 sheet: a person's items of one month (or of the whole quarter, null). */
interface WorkRow {
  month: number | null;
  items: readonly WorkItem[];
  summary: string | null;
}

/**
 * A person's rows: one of the quarter as before when nothing gives months; by month otherwise
 * (see the decisions above).
 */
function workRowsOf(items: readonly WorkItem[], summaries: readonly PersonalSummary[], months: readonly number[]): WorkRow[] {
  const summaryOf = (month: number | null): string | null => summaries.find((s) => s.month === month)?.text ?? null;
  if (!keptByMonth(items, summaries)) return [{ month: null, items, summary: summaryOf(null) }];
  const rows: WorkRow[] = months.map((month) => ({ month, items: items.filter((i) => i.month === month), summary: summaryOf(month) }));
  const quarter = items.filter((i) => i.month === null);
  if (quarter.length > 0 || summaryOf(null) !== null) rows.push({ month: null, items: quarter, summary: summaryOf(null) });
  return rows;
}

function openText(row: WorkRow, byMonth: boolean, total: number): string {
  if (total > 0) return summariseWork(row.items).open.map(openItemText).join("\n");
  if (!byMonth) return "未填写工作清单";
  return row.month === null ? "" : "本月未填写工作事项";
}

function workListSheet(input: ResultWorkbookInput): SheetSpec {
  const { graded, workbook } = input;
  const itemsOf = rowsByPersonId(workbook.workItems);
  const summariesOf = rowsByPersonId(workbook.summaries);
  const listed = graded.persons.filter((p) => isGraded(p.person) || itemsOf.has(p.person.id) || summariesOf.has(p.person.id));
  const ownIds = new Set(graded.persons.map((p) => p.person.id));
  const ownItems = workbook.workItems.filter((i) => ownIds.has(i.personId));
  const ownSummaries = workbook.summaries.filter((s) => ownIds.has(s.personId));
  const withMonths = keptByMonth(ownItems, ownSummaries);
  const withSummaries = ownSummaries.length > 0;
  const months = quarterMonths(workbook.period.quarter);
  const rows: SheetRow[] = [];
  listed.forEach((p, i) => {
    const items = itemsOf.get(p.person.id) ?? [];
    const summaries = summariesOf.get(p.person.id) ?? [];
    const byMonth = keptByMonth(items, summaries);
    for (const row of workRowsOf(items, summaries, months)) {
      const work = summariseWork(row.items);
      rows.push({
        cells: [
          integerCell(i + 1),
          textCell(p.person.id),
          textCell(p.person.name),
          textCell(p.person.department),
          ...(withMonths ? [textCell(monthOrQuarterLabel(row.month))] : []),
          integerCell(work.total),
          integerCell(work.done),
          integerCell(work.inProgress),
          integerCell(work.unfinished),
          textCell(openText(row, byMonth, work.total)),
          ...(withSummaries ? [textCell(row.summary)] : []),
        ],
      });
    }
  });
  return {
    name: "工作清单",
    titles: [unitTitle(graded.unit, workbook.period, "季度工作绩效清单汇总")],
    orientation: "landscape",
    columns: [
      { header: "序号", width: 6 },
      { header: "人员编号", width: 20 },
      { header: "姓名", width: 10 },
      { header: "科室", width: 14 },
      ...(withMonths ? [{ header: "月份", width: 8 }] : []),
      { header: "事项数", width: 8 },
      { header: "已完成", width: 8 },
      { header: "推进中", width: 8 },
      { header: "未完成", width: 8 },
      { header: "未完成事项及原因", width: withSummaries ? 44 : 60 },
      ...(withSummaries ? [{ header: "个人小结", width: 80 }] : []),
    ],
    rows,
  };
}

function changeSheet(input: ResultWorkbookInput): SheetSpec {
  const { graded, workbook } = input;
  return {
    name: "变更记录",
    titles: [unitTitle(graded.unit, workbook.period, "审定及复核变更记录")],
    orientation: "landscape",
    columns: [
      { header: "序号", width: 6 },
      { header: "人员编号", width: 20 },
      { header: "姓名", width: 10 },
      { header: "计算等次", width: 10 },
      { header: "审定等次", width: 10 },
      { header: "类型", width: 12 },
      { header: "理由", width: 44 },
      { header: "日期", width: 12 },
    ],
    rows:
      graded.changes.length === 0
        ? [{ cells: [textCell("本期无委员会审定或复核。")] }]
        : graded.changes.map((c, i) => ({
            cells: [
              integerCell(i + 1),
              textCell(c.personId),
              textCell(c.name),
              textCell(OUTCOME_LABEL[c.from]),
              textCell(GRADE_LABEL[c.to]),
              textCell(DECISION_KIND_LABEL[c.kind]),
              textCell(c.reason),
              textCell(c.date),
            ],
          })),
  };
}

/**
 * The rules' parameters as `assess rules` shows them (rules-table.ts), the SHA-256 left out (the
 * sheet gives it above): made once for each run's rules, the same on every unit's 规则 sheet, and
 * only read by the writer.
 */
const parameterRowsOf = new WeakMap<EffectiveRules, readonly SheetRow[]>();
function parameterRows(rules: EffectiveRules): readonly SheetRow[] {
  let rows = parameterRowsOf.get(rules);
  if (rows === undefined) {
    rows = rulesRows(rules)
      .filter(([key]) => key !== "SHA-256")
      .map(([key, meaning, value]) => ({ cells: [textCell(key), textCell(meaning), textCell(value)] }));
    parameterRowsOf.set(rules, rows);
  }
  return rows;
}

/**
 * The 规则 sheet: which rules, which inputs and which tool produced a workbook; no clock time
 * (outputs.md 规则). Shared by 结果.xlsx and the annual 年度考核参考.xlsx.
 */
export function buildRulesSheet(
  title: string,
  rules: EffectiveRules,
  inputFiles: readonly InputDigest[],
  toolVersion: string,
): SheetSpec {
  const about = (label: string, value: string): SheetRow => ({ cells: [textCell(label), textCell(null), textCell(value)] });
  const rows: SheetRow[] = [
    about("方案名称", rules.rules.name),
    about("方案来源", rules.source ?? "内置标准方案"),
    about("方案 SHA-256", rules.sha256),
    about("工具版本", `assess ${toolVersion}`),
    ...inputFiles.map((f) => about(`输入文件 ${f.file} 的 SHA-256`, f.sha256)),
    { cells: [textCell("方案参数"), textCell("含义"), textCell("取值")], bold: true },
    ...parameterRows(rules),
  ];
  return {
    name: "规则",
    titles: [title],
    orientation: "portrait",
    columns: [
      // 项目 holds an input file's path as well as a key: wide enough for both on two lines.
      { header: "项目", width: 32 },
      { header: "含义", width: 32 },
      { header: "内容", width: 44 },
    ],
    rows,
  };
}

function rulesSheet(input: ResultWorkbookInput): SheetSpec {
  const { graded, workbook, rules } = input;
  return buildRulesSheet(unitTitle(graded.unit, workbook.period, "所用方案"), rules, input.inputFiles, input.toolVersion);
}

export function buildResultWorkbook(input: ResultWorkbookInput): WorkbookSpec {
  if (input.graded.state === "error") throw new Error(`unit ${input.graded.unit.code} has errors and no result workbook`);
  if (input.pool.code !== input.graded.poolCode) throw new Error(`pool ${input.pool.code} is not the pool of unit ${input.graded.unit.code}`);
  return {
    draft: input.graded.state === "draft",
    sheets: [
      resultSheet(input),
      summarySheet(input),
      workListSheet(input),
      changeSheet(input),
      buildProblemSheet(unitTitle(input.graded.unit, input.workbook.period, "问题（警告）"), input.warnings, "无。"),
      rulesSheet(input),
    ],
  };
}
