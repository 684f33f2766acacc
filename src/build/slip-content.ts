// What one person's feedback slip says (outputs.md "Per unit" 3; README.md 结果反馈): unit,
// period, name, department, grade and 自评等次, I, C, B, D, S, band, every reason, each
// 加分/减分/否决/限好 with its 事由, the work list with the open items and why, 评鉴意见 and 改进目标,
// the 复核 window, a 谈心谈话 request for 一般 and 较差, and the lines a handed-over slip needs.
// Pure and complete: it says everything; feedback-slips.ts fits it on one A4 page and lays it out.
// A new part of the slip is one more row here.
//
// Decisions where the spec is silent (issue 14: 月纪实 and 个人小结 on the slip):
// - A person whose items or summaries give months (keptByMonth, as the 工作清单 sheet decides)
//   has the work list by month: a line per month of the quarter, 0 items included, then a
//   全季度 line when some items have no month; then the open items as before, month by month.
//   Anyone else's 工作清单 row is the one it always was.
// - The 个人小结 row (the quarter's summary, else the months' headed `7月：`) follows 工作清单,
//   only for a person who wrote one; a line break of the text starts a new line of the cell.

import { fixed } from "../domain/exact.js";
import type { GradedPerson, GradedUnit, Reason } from "../domain/graded.js";
import { reasonText } from "../domain/graded.js";
import { EVENT_KIND_LABEL, GRADES, GRADE_LABEL, OUTCOME_LABEL } from "../domain/labels.js";
import { chineseDate } from "../domain/calendar.js";
import type { AppraisalWorkbook, IndividualScore, Period, PersonalSummary, ScoreEvent, WorkItem } from "../domain/model.js";
import { QUARTER_NUMERAL, isGraded, rowsByPersonId } from "../domain/model.js";
import type { Rules } from "../domain/rules.js";
import { quarterMonths } from "../domain/months.js";
import { openItemText, summariseWork } from "../domain/work-summary.js";
import { type MonthWork, keptByMonth, monthWorkLine, slipSummaryText, workByMonth } from "./work-by-month.js";
import type { SlipPlaceholder, SlipWording } from "./wording.js";
import { fill } from "./wording.js";

export interface FeedbackSlipsInput {
  graded: GradedUnit;
  period: Period;
  workbook: Pick<AppraisalWorkbook, "workItems" | "summaries" | "individualScores" | "events">;
  rules: Pick<Rules, "notice">;
}

/**
 * How a row may be shortened when the slip does not fit its page: a list loses its last lines
 * (never the first `keep`) and says how many with `omitted` ({未列出}); a text is cut; a
 * summary is `full` (its lines joined by line breaks) cut at a sentence with `……（全文见结果表）`.
 */
export type SlipFit = { kind: "list"; keep: number; omitted: string } | { kind: "text" } | { kind: "summary"; full: string };

/** One row of the slip's table: a label and its lines; `pair` rows hold two label-value pairs. */
export type SlipRow =
  | { kind: "pair"; left: [string, string]; right: [string, string] }
  | { kind: "wide"; label: string; lines: string[]; fit?: SlipFit };

export interface SlipContent {
  personId: string;
  title: string;
  unitLine: string;
  /** `草稿` for the page header of a draft unit's slip, else null. */
  draft: string | null;
  rows: SlipRow[];
  /** Sentences under the table: the 谈心谈话 request, the draft's notice that the grade is not final. */
  notes: string[];
  /** 反馈人, 反馈日期, 单位（盖章）, 本人签收 — none on a draft. */
  signatures: string[];
}

function score(person: GradedPerson, key: "individual" | "common" | "bonus" | "deduction" | "total"): string {
  return person.scores ? fixed(person.scores[key]) : "";
}

/** `加分 1.00：获市级表彰（2026年9月15日）`, `限好：受到诫勉谈话`. */
export function eventText(event: Pick<ScoreEvent, "kind" | "points" | "reason" | "date">): string {
  const points = event.points === null ? "" : ` ${fixed(event.points)}`;
  const date = event.date === null ? "" : `（${chineseDate(event.date)}）`;
  return `${EVENT_KIND_LABEL[event.kind]}${points}：${event.reason}${date}`;
}

/** `一致`, `高于` (the 自评 is above the grade), `低于`, or blank without 自评 or a final grade. */
export function selfComparison(person: Pick<GradedPerson, "grade"> & { person: Pick<GradedPerson["person"], "selfGrade"> }): string {
  const self = person.person.selfGrade;
  if (self === null || person.grade === null || person.grade === "pending") return "";
  // GRADES runs from 好 down: a smaller index is a higher grade.
  const difference = GRADES.indexOf(person.grade) - GRADES.indexOf(self);
  return difference === 0 ? "一致" : difference > 0 ? "高于" : "低于";
}

/** A person's own rows of the unit's sheets. */
interface OwnRows {
  work: readonly WorkItem[];
  summaries: readonly PersonalSummary[];
  review: IndividualScore | undefined;
  events: readonly ScoreEvent[];
}

/**
 * The reasons as the slip prints them. A draft's slip names no tie count (outputs.md): the tie
 * becomes `等次待考核委员会审定`.
 */
function reasonLines(reasons: readonly Reason[], draft: boolean, wording: SlipWording): string[] {
  return reasons.map((reason) => (draft && reason.kind === "tie" ? wording.pendingReason : reasonText(reason)));
}

/** The months of the quarter, 0 items included, then the whole quarter's items if any. */
function quarterWork(items: readonly WorkItem[], quarter: Period["quarter"]): MonthWork[] {
  const grouped = workByMonth(items);
  const months = quarterMonths(quarter).map(
    (month) => grouped.find((work) => work.month === month) ?? { month, items: [], summary: summariseWork([]) },
  );
  return [...months, ...grouped.filter((work) => work.month === null)];
}

/** The 工作清单 row: the counts (by month when months are kept), then the open items and why. */
function workRow(own: OwnRows, quarter: Period["quarter"], counts: string, omitted: string): SlipRow {
  const work = summariseWork(own.work);
  if (!keptByMonth(own.work, own.summaries)) {
    // Blank where there is nothing to say, not 无 (outputs.md).
    const lines = work.total === 0 ? [] : [counts, ...work.open.map(openItemText)];
    return { kind: "wide", label: "工作清单", lines, fit: { kind: "list", keep: 1, omitted } };
  }
  const months = quarterWork(own.work, quarter);
  const lines = [...months.map(monthWorkLine), ...months.flatMap((month) => month.summary.open.map(openItemText))];
  return { kind: "wide", label: "工作清单", lines, fit: { kind: "list", keep: months.length, omitted } };
}

/** The placeholders whose values differ from person to person within a unit. */
const PERSON_PLACEHOLDERS: readonly SlipPlaceholder[] = ["事项数", "已完成", "推进中", "未完成", "等次"];

/** Whether a template names a person's value, by template (a wording has a dozen). */
const namesPerson = new Map<string, boolean>();

/**
 * `fill` for the slips of one unit: a template that names no person's value (the title, the
 * 复核 sentence, the signature lines, as the office may have worded them) reads the same on every
 * slip of the unit and is filled once.
 */
type UnitFill = (template: string, values: Record<Exclude<SlipPlaceholder, "未列出">, string>) => string;
function unitFill(): UnitFill {
  const filled = new Map<string, string>();
  return (template, values) => {
    let personal = namesPerson.get(template);
    if (personal === undefined) {
      personal = PERSON_PLACEHOLDERS.some((name) => template.includes(`{${name}}`));
      if (namesPerson.size < 1000) namesPerson.set(template, personal);
    }
    if (personal) return fill(template, values);
    let text = filled.get(template);
    if (text === undefined) filled.set(template, (text = fill(template, values)));
    return text;
  };
}

function slipContent(input: FeedbackSlipsInput, person: GradedPerson, own: OwnRows, wording: SlipWording, fillText: UnitFill): SlipContent {
  const { graded, period, rules } = input;
  const draft = graded.state !== "final";
  const work = summariseWork(own.work);
  const gradeLabel = person.grade === null ? "" : OUTCOME_LABEL[person.grade];
  // {未列出} is left for the layout, which alone knows how many lines the page could not hold.
  const values: Record<Exclude<SlipPlaceholder, "未列出">, string> = {
    单位名称: graded.unit.name,
    年度: String(period.year),
    季度: QUARTER_NUMERAL[period.quarter],
    事项数: String(work.total),
    已完成: String(work.done),
    推进中: String(work.inProgress),
    未完成: String(work.unfinished),
    复核天数: String(rules.notice.reviewDays),
    等次: gradeLabel,
  };
  const summary = slipSummaryText(own.summaries);
  const rows: SlipRow[] = [
    { kind: "pair", left: ["姓名", person.person.name], right: ["科室", person.person.department] },
    { kind: "pair", left: ["职务职级", person.person.title ?? ""], right: ["综合得分", score(person, "total")] },
    { kind: "pair", left: ["个性得分", score(person, "individual")], right: ["共性得分", score(person, "common")] },
    { kind: "pair", left: ["加分", score(person, "bonus")], right: ["减分", score(person, "deduction")] },
    { kind: "pair", left: ["分数档", person.band === null ? "" : GRADE_LABEL[person.band]], right: ["考核等次", gradeLabel] },
    { kind: "pair", left: ["自评等次", person.person.selfGrade === null ? "" : GRADE_LABEL[person.person.selfGrade]], right: ["自评与等次", selfComparison(person)] },
    { kind: "wide", label: "等次说明", lines: reasonLines(person.reasons, draft, wording), fit: { kind: "text" } },
    { kind: "wide", label: "加减分事项", lines: own.events.map(eventText), fit: { kind: "list", keep: 0, omitted: fillText(wording.eventsOmitted, values) } },
    workRow(own, period.quarter, fillText(wording.workCounts, values), fillText(wording.workOmitted, values)),
    ...(summary === null ? [] : [{ kind: "wide" as const, label: "个人小结", lines: summary.split("\n"), fit: { kind: "summary" as const, full: summary } }]),
    { kind: "wide", label: "评鉴意见", lines: own.review?.comment ? [own.review.comment] : [], fit: { kind: "text" } },
    { kind: "wide", label: "改进目标", lines: own.review?.goal ? [own.review.goal] : [], fit: { kind: "text" } },
  ];
  // A draft is not handed over: no 复核 window, no talk, no signature lines (outputs.md).
  if (!draft) rows.push({ kind: "wide", label: "复核", lines: [fillText(wording.review, values)] });
  const talk = !draft && (person.grade === "average" || person.grade === "poor");
  return {
    personId: person.person.id,
    title: fillText(wording.title, values),
    unitLine: fillText(wording.unitLine, values),
    draft: draft ? wording.draftHeader : null,
    rows,
    notes: [...(talk ? [fillText(wording.talk, values)] : []), ...(draft ? [fillText(wording.draftNote, values)] : [])],
    signatures: draft ? [] : [fillText(wording.feedbackBy, values), fillText(wording.unitSeal, values), fillText(wording.receipt, values)],
  };
}

/** The slips of a unit: one per graded person, in roster order. */
export function slipContents(input: FeedbackSlipsInput, wording: SlipWording): SlipContent[] {
  if (input.graded.state === "error") throw new Error(`unit ${input.graded.unit.code} has errors and no feedback slips`);
  const items = rowsByPersonId(input.workbook.workItems);
  // A person's first 个性评分 row, as grading takes it (grade-run.ts personBases).
  const reviews = rowsByPersonId(input.workbook.individualScores);
  const events = rowsByPersonId(input.workbook.events);
  const summaries = rowsByPersonId(input.workbook.summaries);
  const fillForUnit = unitFill();
  return input.graded.persons
    .filter((p) => isGraded(p.person))
    .map((p) =>
      slipContent(
        input,
        p,
        {
          work: items.get(p.person.id) ?? [],
          summaries: summaries.get(p.person.id) ?? [],
          review: reviews.get(p.person.id)?.[0], events: events.get(p.person.id) ?? [],
        },
        wording,
        fillForUnit,
      ),
    );
}
