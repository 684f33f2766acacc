// 反馈单.docx: one A4 page per graded person (outputs.md "Per unit" 3; README.md 结果反馈):
// scores, band, grade, every reason, the work list, 评鉴意见 and 改进目标, the 复核 window, and for
// 一般 and 较差 a request to the leader in charge to hold a talk (三挂钩: repeated 一般/较差 call
// for a reminder talk). `slipContent` decides the words (pure); `writeFeedbackSlips` lays them out.

import { fixed } from "../domain/exact.js";
import type { GradedPerson, GradedUnit } from "../domain/graded.js";
import { reasonText } from "../domain/graded.js";
import { GRADE_LABEL, OUTCOME_LABEL } from "../domain/labels.js";
import type { AppraisalWorkbook, IndividualScore, Period, WorkItem } from "../domain/model.js";
import { QUARTER_NUMERAL, isGraded, rowsByPersonId } from "../domain/model.js";
import type { Rules } from "../domain/rules.js";
import { openItemText, summariseWork } from "../domain/work-summary.js";
import { Document, Paragraph, Table, TableCell, TableRow, TextRun } from "../ooxml/docx-writer.js";
import { A4_PAGE, TEXT_WIDTH, chineseRun, packDocx } from "../ooxml/docx-package.js";
import type { DocumentFonts } from "../ooxml/docx-package.js";
import type { SlipPlaceholder, SlipWording } from "./wording.js";
import { fill } from "./wording.js";

export interface FeedbackSlipsInput {
  graded: GradedUnit;
  period: Period;
  workbook: Pick<AppraisalWorkbook, "workItems" | "individualScores">;
  rules: Pick<Rules, "notice">;
}

/** One row of the slip's table: a label and its lines; `pair` rows hold two label-value pairs. */
export type SlipRow =
  | { kind: "pair"; left: [string, string]; right: [string, string] }
  | { kind: "wide"; label: string; lines: string[] };

export interface SlipContent {
  personId: string;
  title: string;
  unitLine: string;
  rows: SlipRow[];
  /** The request for a 谈心谈话 (一般, 较差), or null. */
  talk: string | null;
  receipt: string;
}

function score(person: GradedPerson, key: "individual" | "common" | "bonus" | "deduction" | "total"): string {
  return person.scores ? fixed(person.scores[key]) : "";
}

/** A person's own rows of the unit's sheets. */
interface OwnRows {
  work: readonly WorkItem[];
  review: IndividualScore | undefined;
}

function slipContent(input: FeedbackSlipsInput, person: GradedPerson, own: OwnRows, wording: SlipWording): SlipContent {
  const { graded, period, rules } = input;
  const work = summariseWork(own.work);
  const review = own.review;
  const gradeLabel = person.grade === null ? "" : OUTCOME_LABEL[person.grade];
  const values: Record<SlipPlaceholder, string> = {
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
  const reasons = person.reasons.map(reasonText);
  const workLines = work.total === 0 ? [fill(wording.noWork, values)] : [fill(wording.workCounts, values), ...work.open.map(openItemText)];
  return {
    personId: person.person.id,
    title: fill(wording.title, values),
    unitLine: fill(wording.unitLine, values),
    rows: [
      { kind: "pair", left: ["姓名", person.person.name], right: ["科室", person.person.department] },
      { kind: "pair", left: ["职务职级", person.person.title ?? ""], right: ["考核等次", gradeLabel] },
      { kind: "pair", left: ["个性得分", score(person, "individual")], right: ["共性得分", score(person, "common")] },
      { kind: "pair", left: ["加分", score(person, "bonus")], right: ["减分", score(person, "deduction")] },
      { kind: "pair", left: ["综合得分", score(person, "total")], right: ["分数档", person.band === null ? "" : GRADE_LABEL[person.band]] },
      { kind: "wide", label: "等次说明", lines: reasons.length > 0 ? reasons : [fill(wording.none, values)] },
      { kind: "wide", label: "工作清单", lines: workLines },
      { kind: "wide", label: "评鉴意见", lines: [review?.comment ?? fill(wording.none, values)] },
      { kind: "wide", label: "改进目标", lines: [review?.goal ?? fill(wording.none, values)] },
      { kind: "wide", label: "复核", lines: [fill(wording.review, values)] },
    ],
    talk: person.grade === "average" || person.grade === "poor" ? fill(wording.talk, values) : null,
    receipt: fill(wording.receipt, values),
  };
}

/** The slips of a unit: one per graded person, in roster order. */
export function slipContents(input: FeedbackSlipsInput, wording: SlipWording): SlipContent[] {
  if (input.graded.state === "error") throw new Error(`unit ${input.graded.unit.code} has errors and no feedback slips`);
  const items = rowsByPersonId(input.workbook.workItems);
  // A person's first 个性评分 row, as grading takes it (grade-run.ts personBases).
  const reviews = rowsByPersonId(input.workbook.individualScores);
  return input.graded.persons
    .filter((p) => isGraded(p.person))
    .map((p) => slipContent(input, p, { work: items.get(p.person.id) ?? [], review: reviews.get(p.person.id)?.[0] }, wording));
}

// A slip must fit on one page: 小四 (12 pt) in the table, 小二 (18 pt) for the title.
const TITLE_PT = 18;
const SUBTITLE_PT = 14;
const TABLE_PT = 12;
/** Label, value, label, value: labels take 16 % of the width each. */
const LABEL_WIDTH = Math.floor(TEXT_WIDTH * 0.16);
const VALUE_WIDTH = Math.floor(TEXT_WIDTH * 0.34);
const WIDE_WIDTH = LABEL_WIDTH + 2 * VALUE_WIDTH;

function cell(lines: string[], fonts: DocumentFonts, width: number, options: { label?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: "dxa" },
    ...(options.span ? { columnSpan: options.span } : {}),
    verticalAlign: "center",
    margins: { top: 80, bottom: 80, left: 100, right: 100 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: options.label ? "center" : "left",
          spacing: { line: 300 },
          children: [new TextRun({ text: line, ...chineseRun(fonts.body, fonts.latin, TABLE_PT, options.label === true) })],
        }),
    ),
  });
}

function slipTable(rows: SlipRow[], fonts: DocumentFonts): Table {
  return new Table({
    width: { size: 2 * (LABEL_WIDTH + VALUE_WIDTH), type: "dxa" },
    columnWidths: [LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH],
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children:
            row.kind === "pair"
              ? [
                  cell([row.left[0]], fonts, LABEL_WIDTH, { label: true }),
                  cell([row.left[1]], fonts, VALUE_WIDTH),
                  cell([row.right[0]], fonts, LABEL_WIDTH, { label: true }),
                  cell([row.right[1]], fonts, VALUE_WIDTH),
                ]
              : [cell([row.label], fonts, LABEL_WIDTH, { label: true }), cell(row.lines, fonts, WIDE_WIDTH, { span: 3 })],
        }),
    ),
  });
}

function slipChildren(slip: SlipContent, fonts: DocumentFonts): Array<Paragraph | Table> {
  const line = (text: string, alignment: "left" | "right" = "left"): Paragraph =>
    new Paragraph({
      alignment,
      spacing: { before: 200, line: 360 },
      children: [new TextRun({ text, ...chineseRun(fonts.body, fonts.latin, TABLE_PT) })],
    });
  return [
    new Paragraph({
      alignment: "center",
      spacing: { after: 120 },
      children: [new TextRun({ text: slip.title, ...chineseRun(fonts.title, fonts.latin, TITLE_PT) })],
    }),
    new Paragraph({
      alignment: "center",
      spacing: { after: 240 },
      children: [new TextRun({ text: slip.unitLine, ...chineseRun(fonts.body, fonts.latin, SUBTITLE_PT) })],
    }),
    slipTable(slip.rows, fonts),
    ...(slip.talk ? [line(slip.talk)] : []),
    line(slip.receipt, "right"),
  ];
}

/** 反馈单.docx bytes: a section, and so a new page, per slip. */
export async function writeFeedbackSlips(slips: readonly SlipContent[], wording: SlipWording): Promise<Buffer> {
  const fonts = wording.fonts;
  const page = { page: A4_PAGE };
  const sections =
    slips.length > 0
      ? slips.map((slip) => ({ properties: page, children: slipChildren(slip, fonts) }))
      : [{ properties: page, children: [new Paragraph({ children: [new TextRun({ text: wording.noPersons, ...chineseRun(fonts.body, fonts.latin, TABLE_PT) })] })] }];
  const title = slips[0]?.title ?? wording.noPersons;
  return packDocx(new Document({ sections }), { title, fonts });
}
