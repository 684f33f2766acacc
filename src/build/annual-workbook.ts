// {年度}_年度考核参考.xlsx as a sheet description (outputs.md "Annual"; rules.md §6): 年度考核参考
// (a row per person: the quarters' grades, counts, mean total, eligibility for 优秀 with the reason,
// 推荐优秀 / 待定), 单位名额 (each unit's annual quota and its use), 后备人选, 提醒谈话, 问题 and 规则.
// Pure: the graded year in, sheets out; writeXlsx turns them into bytes.

import type { AnnualPerson, AnnualQuarter, AnnualUnit, GradedYear, Quarter } from "../domain/annual.js";
import { quarterText } from "../domain/model.js";
import type { Exact } from "../domain/exact.js";
import { mul, ratio, toText } from "../domain/exact.js";
import type { GradedPerson, UnitState } from "../domain/graded.js";
import { ANNUAL_RESULT_LABEL, GRADE_LABEL, OUTCOME_LABEL, YES_NO_LABEL } from "../domain/labels.js";
import type { Problem } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import type { SheetCell, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell } from "../ooxml/write-xlsx.js";
import { decimalCell, percentCell } from "./exact-cells.js";
import { buildProblemSheet } from "./problem-sheet.js";
import type { InputDigest } from "./result-workbook.js";
import { buildRulesSheet, GRADE_FILL, gradeText } from "./result-workbook.js";

export interface AnnualWorkbookInput {
  year: number;
  graded: GradedYear;
  /** The year's state after every problem of the run (an input error also makes it 草稿). */
  state: "final" | "draft";
  /** The quarters as graded, to tell why a person has no grade in one (不参加, 由上级评定, ...). */
  quarters: readonly AnnualQuarter[];
  /** Every workbook of the year that was read, as the 规则 sheet records them. */
  inputFiles: readonly InputDigest[];
  rules: EffectiveRules;
  /** Every problem of the run. */
  problems: readonly Problem[];
  toolVersion: string;
}

/** The fill of a person's row by the annual result, in 结果.xlsx's colours; grey for persons the year does not grade. */
const RESULT_FILL = { recommended: GRADE_FILL.good, pending: GRADE_FILL.pending, none: GRADE_FILL.none } as const;

/** In a quarter's column: no listing of the person in that quarter's results. */
export const NOT_LISTED = "—";

function quarterLabel(quarter: Quarter): string {
  return quarterText(quarter);
}

/** `第一季度、第二季度`, as the annual reasons name quarters (annual-tally.ts). */
export function quarterList(quarters: readonly number[]): string {
  return quarters.length === 0 ? "（无）" : quarters.map((q) => quarterText(q as Quarter)).join("、");
}

/** Why the year is a draft, one sentence per cause, for the title of the main sheet. */
export function draftCauses(input: Pick<AnnualWorkbookInput, "graded" | "state" | "problems">): string[] {
  if (input.state === "final") return [];
  const causes: string[] = [];
  const withState = (state: UnitState): Quarter[] => input.graded.quarters.filter((q) => q.state === state).map((q) => q.quarter);
  const inError = withState("error");
  const draft = withState("draft");
  if (inError.length > 0) causes.push(`${quarterList(inError)}有单位存在错误或工作簿无法读取，未全部评定`);
  if (draft.length > 0) causes.push(`${quarterList(draft)}有待定人员，须由考核委员会审定`);
  if (input.graded.units.some((u) => u.pending > 0)) causes.push("优秀名额线上有并列人员待定，须由考核委员会审定");
  if (input.problems.some((p) => p.severity === "error")) causes.push("输入中有错误，见“问题”表");
  return causes;
}

/** Looks up a person's listing in a quarter, to say why there is no grade. */
function listingsOf(quarters: readonly AnnualQuarter[]): (quarter: Quarter, id: string) => GradedPerson | undefined {
  const byQuarter = new Map<Quarter, Map<string, GradedPerson>>();
  for (const quarter of quarters) {
    const listed = new Map<string, GradedPerson>();
    for (const unit of quarter.units) for (const person of unit.persons) if (!listed.has(person.person.id)) listed.set(person.person.id, person);
    byQuarter.set(quarter.quarter, listed);
  }
  return (quarter, id) => byQuarter.get(quarter)?.get(id);
}

/** What a quarter's column says: the grade, why there is none, or — when not listed. */
function quarterCell(person: AnnualPerson, quarter: Quarter, listing: (q: Quarter, id: string) => GradedPerson | undefined): string {
  const entry = person.quarters.find((q) => q.quarter === quarter);
  if (entry?.grade) return OUTCOME_LABEL[entry.grade];
  const listed = listing(quarter, person.id);
  return listed ? gradeText(listed) : NOT_LISTED;
}

/** The 说明 column: the annual line, quarters spent in another unit, quarters still 待定. */
export function personNotes(person: AnnualPerson, unitName: (code: string) => string): string {
  const notes: string[] = [];
  if (person.note) notes.push(person.note);
  const elsewhere = new Map<string, Quarter[]>();
  for (const q of person.quarters) {
    if (q.unitCode === null || q.unitCode === person.unitCode) continue;
    elsewhere.set(q.unitCode, [...(elsewhere.get(q.unitCode) ?? []), q.quarter]);
  }
  for (const [code, quarters] of elsewhere) notes.push(`${quarterList(quarters)}在${unitName(code)}`);
  // An ineligible person's reason already says when a 待定 quarter could change it (annual-tally.ts).
  if (person.eligible && person.pendingQuarters.length > 0) {
    notes.push(`${quarterList(person.pendingQuarters)}等次待定，审定后重新计算`);
  }
  return notes.join("；");
}

function unitNames(units: readonly AnnualUnit[]): (code: string) => string {
  const names = new Map(units.map((u) => [u.code, u.name]));
  return (code) => names.get(code) ?? code;
}

function scheme(input: AnnualWorkbookInput): string {
  const { rules, graded } = input;
  const annual = rules.rules.annual;
  return (
    `方案：${rules.rules.name}；季度：${quarterList(graded.quarters.map((q) => q.quarter))}；` +
    `优秀比例${percentText(annual.excellentRatio)}` +
    (annual.upliftUnits.length > 0 ? `（${annual.upliftUnits.map(unitNames(graded.units)).join("、")}为${percentText(annual.upliftRatio)}）` : "")
  );
}

/** 0.25 → `25%`, exactly as the rules file gives it. */
function percentText(value: Exact): string {
  return `${toText(mul(value, ratio(100n)))}%`;
}

function referenceSheet(input: AnnualWorkbookInput): SheetSpec {
  const { graded, year } = input;
  const name = unitNames(graded.units);
  const listing = listingsOf(input.quarters);
  const quarters = graded.quarters.map((q) => q.quarter);
  const causes = draftCauses(input);
  return {
    name: "年度考核参考",
    titles: [
      `${year}年度公务员年度考核参考（平时考核结果运用）`,
      scheme(input),
      ...(causes.length > 0 ? [`草稿：${causes.join("；")}。`] : []),
    ],
    orientation: "landscape",
    columns: [
      { header: "序号", width: 6 },
      { header: "人员编号", width: 20 },
      { header: "姓名", width: 10 },
      { header: "单位", width: 18 },
      ...quarters.map((q) => ({ header: quarterLabel(q), width: 10 })),
      { header: GRADE_LABEL.good, width: 6 },
      { header: GRADE_LABEL.fairlyGood, width: 6 },
      { header: GRADE_LABEL.average, width: 6 },
      { header: GRADE_LABEL.poor, width: 6 },
      { header: "平均综合得分", width: 10 },
      { header: "优秀资格", width: 8 },
      { header: "原因", width: 36 },
      { header: "推荐结果", width: 10 },
      { header: "说明", width: 36 },
    ],
    rows: graded.persons.map((p, i) => {
      const fill = p.gradedQuarters === 0 ? RESULT_FILL.none : p.result === null ? null : RESULT_FILL[p.result];
      const cells = [
        integerCell(i + 1),
        textCell(p.id),
        textCell(p.name),
        textCell(name(p.unitCode)),
        ...quarters.map((q) => textCell(quarterCell(p, q, listing))),
        integerCell(p.counts.good),
        integerCell(p.counts.fairlyGood),
        integerCell(p.counts.average),
        integerCell(p.counts.poor),
        decimalCell(p.meanScore),
        textCell(p.eligible ? YES_NO_LABEL.yes : YES_NO_LABEL.no),
        textCell(p.reason),
        textCell(p.result === null ? null : ANNUAL_RESULT_LABEL[p.result]),
        textCell(personNotes(p, name)),
      ];
      return fill === null ? { cells } : { cells, fill };
    }),
  };
}

function quotaSheet(input: AnnualWorkbookInput): SheetSpec {
  const { graded, year } = input;
  const units = graded.units;
  const total = (key: "n" | "quota" | "recommended" | "pending"): SheetCell => integerCell(units.reduce((s, u) => s + u[key], 0));
  return {
    name: "单位名额",
    titles: [`${year}年度各单位优秀名额`, "优秀名额 = 优秀比例 × 人数，向下取整；人数为最近一次参加定等时在本单位的人员"],
    orientation: "landscape",
    columns: [
      { header: "单位代码", width: 12 },
      { header: "单位名称", width: 24 },
      { header: "人数", width: 8 },
      { header: "优秀比例", width: 10 },
      { header: "优秀名额", width: 10 },
      { header: "推荐优秀", width: 10 },
      { header: "待定", width: 8 },
      { header: "说明", width: 30 },
    ],
    rows: [
      ...units.map((u) => ({
        cells: [
          textCell(u.code),
          textCell(u.name),
          integerCell(u.n),
          percentCell(u.ratio),
          integerCell(u.quota),
          integerCell(u.recommended),
          integerCell(u.pending),
          textCell(u.uplifted ? "上调比例单位" : null),
        ],
        ...(u.pending > 0 ? { fill: RESULT_FILL.pending } : {}),
      })),
      {
        cells: [textCell("合计"), textCell(`${units.length}个单位`), total("n"), textCell(null), total("quota"), total("recommended"), total("pending")],
        bold: true,
      },
    ],
  };
}

function listSheet(
  name: string,
  title: string,
  persons: readonly AnnualPerson[],
  input: AnnualWorkbookInput,
  extra: { header: string; width: number; cell: (p: AnnualPerson) => SheetCell }[],
  none: string,
): SheetSpec {
  const unit = unitNames(input.graded.units);
  return {
    name,
    titles: [title],
    orientation: "landscape",
    columns: [
      { header: "序号", width: 6 },
      { header: "人员编号", width: 20 },
      { header: "姓名", width: 10 },
      { header: "单位", width: 18 },
      ...extra.map(({ header, width }) => ({ header, width })),
    ],
    rows:
      persons.length === 0
        ? [{ cells: [textCell(none)] }]
        : persons.map((p, i) => ({
            cells: [integerCell(i + 1), textCell(p.id), textCell(p.name), textCell(unit(p.unitCode)), ...extra.map((e) => e.cell(p))],
          })),
  };
}

/** The quarters that count for a reminder talk (一般 + 较差, rules.md §6): `第一季度一般、第四季度较差`. */
function weakQuarters(person: AnnualPerson): string {
  return person.quarters
    .filter((q) => q.grade === "average" || q.grade === "poor")
    .map((q) => `${quarterLabel(q.quarter)}${q.grade ? OUTCOME_LABEL[q.grade] : ""}`)
    .join("、");
}

function reserveSheet(input: AnnualWorkbookInput): SheetSpec {
  const min = input.rules.rules.annual.reserveMinGood;
  return listSheet(
    "后备人选",
    `${input.year}年度好等次季度达到${min}个的人员（后备人选参考）`,
    input.graded.persons.filter((p) => p.reserve),
    input,
    [
      { header: "好等次季度", width: 10, cell: (p) => integerCell(p.counts.good) },
      { header: "参加定等季度", width: 12, cell: (p) => integerCell(p.gradedQuarters) },
      { header: "平均综合得分", width: 12, cell: (p) => decimalCell(p.meanScore) },
      { header: "推荐结果", width: 10, cell: (p) => textCell(p.result === null ? null : ANNUAL_RESULT_LABEL[p.result]) },
    ],
    `无：本年度没有好等次季度达到${min}个的人员。`,
  );
}

function reminderSheet(input: AnnualWorkbookInput): SheetSpec {
  const min = input.rules.rules.annual.reminderMinWeak;
  return listSheet(
    "提醒谈话",
    `${input.year}年度一般、较差等次季度合计达到${min}个的人员（提醒谈话）`,
    input.graded.persons.filter((p) => p.reminder),
    input,
    [
      { header: GRADE_LABEL.average, width: 6, cell: (p) => integerCell(p.counts.average) },
      { header: GRADE_LABEL.poor, width: 6, cell: (p) => integerCell(p.counts.poor) },
      { header: "季度", width: 36, cell: (p) => textCell(weakQuarters(p)) },
    ],
    `无：本年度没有一般、较差等次季度合计达到${min}个的人员。`,
  );
}

export function buildAnnualWorkbook(input: AnnualWorkbookInput): WorkbookSpec {
  const title = `${input.year}年度公务员年度考核参考`;
  return {
    draft: input.state === "draft",
    sheets: [
      referenceSheet(input),
      quotaSheet(input),
      reserveSheet(input),
      reminderSheet(input),
      buildProblemSheet(`${title}问题清单`, input.problems, "本次运行没有发现问题。"),
      buildRulesSheet(`${title}所用方案`, input.rules, input.inputFiles, input.toolVersion),
    ],
  };
}
