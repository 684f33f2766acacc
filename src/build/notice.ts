// 公示.docx, the publication notice of one unit (outputs.md "Per unit" 2). `noticeContent` decides
// what the notice says (pure, from the graded unit, the settings, the rules and the office's
// wording); `writeNotice` lays it out on A4. A notice never shows an identity number: 人员编号 is
// not among its columns, and scores appear only with notice.showScores (README.md "Openness").

import { addWorkingDays, chineseDate, nationalCalendar } from "../domain/calendar.js";
import { fixed } from "../domain/exact.js";
import type { GradedUnit } from "../domain/graded.js";
import { OUTCOME_LABEL } from "../domain/labels.js";
import type { Period, WorkbookSettings } from "../domain/model.js";
import { QUARTER_NUMERAL, isGraded } from "../domain/model.js";
import type { Rules } from "../domain/rules.js";
import { Document, Footer, Paragraph, Table, TableCell, TableRow, TextRun } from "../ooxml/docx-writer.js";
import { A4_PAGE, TEXT_WIDTH, chineseRun, packDocx } from "../ooxml/docx-package.js";
import type { DocumentFonts } from "../ooxml/docx-package.js";
import type { NoticePlaceholder, NoticeWording } from "./wording.js";
import { fill } from "./wording.js";

export interface NoticeInput {
  graded: GradedUnit;
  period: Period;
  /** The workbook's 参数: contact, phone and address when the unit has none, and 公示开始日期. */
  settings: WorkbookSettings;
  rules: Pick<Rules, "name" | "notice" | "calendar">;
}

export interface NoticeTable {
  headers: string[];
  rows: string[][];
}

export interface NoticeContent {
  title: string;
  intro: string;
  /** null when no one is listed (no 好 in the unit); `emptyList` says so instead. */
  table: NoticeTable | null;
  emptyList: string | null;
  period: string;
  objection: string;
  contacts: string[];
  signature: string;
  dateLine: string;
}

/** A line for the clerk to write on, where the workbook gives no value. */
export const BLANK_FIELD = "__________";
export const BLANK_DATE = "____年__月__日";

/**
 * `{开始}至{结束}（{n}个工作日）` counted on the national schedule with the rules' dates over it
 * (rules.md notice.days, calendar.*): 2026-09-30 + 5 → 2026年10月12日, 国庆 off and 10-10 worked.
 */
export function noticePeriod(start: string | null, days: number, calendar: Rules["calendar"]): string {
  if (start === null) return `${BLANK_DATE}至${BLANK_DATE}（${days}个工作日）`;
  return `${chineseDate(start)}至${chineseDate(addWorkingDays(start, days, nationalCalendar(calendar)))}（${days}个工作日）`;
}

export function noticeContent(input: NoticeInput, wording: NoticeWording): NoticeContent {
  const { graded, period, settings, rules } = input;
  if (graded.state !== "final") {
    // rules.md §5: a unit with a 待定 person (or an error) gets no notice; the pipeline must not ask.
    throw new Error(`unit ${graded.unit.code} is ${graded.state}; a notice is written only for a final unit`);
  }
  const unit = graded.unit;
  const gradedPersons = graded.persons.filter((p) => isGraded(p.person));
  const good = gradedPersons.filter((p) => p.grade === "good");
  const listed = rules.notice.list === "all" ? gradedPersons : good;
  const corrected = graded.changes.some((c) => c.kind === "review");

  const values: Record<NoticePlaceholder, string> = {
    单位名称: unit.name,
    年度: String(period.year),
    季度: QUARTER_NUMERAL[period.quarter],
    方案名称: rules.name,
    定等人数: String(gradedPersons.length),
    好等次人数: String(good.length),
    名单: rules.notice.list === "all" ? wording.listAll : wording.listGood,
    公示期: noticePeriod(settings.noticeStart, rules.notice.days, rules.calendar),
    公示天数: String(rules.notice.days),
    复核天数: String(rules.notice.reviewDays),
    联系人: unit.contact ?? settings.contact ?? BLANK_FIELD,
    联系电话: unit.phone ?? settings.phone ?? BLANK_FIELD,
    受理地址: unit.address ?? settings.address ?? BLANK_FIELD,
    公示日期: settings.noticeStart === null ? BLANK_DATE : chineseDate(settings.noticeStart),
  };

  const headers = ["序号", "姓名", "科室", "职务职级", "等次", ...(rules.notice.showScores ? ["综合得分"] : [])];
  const rows = listed.map((p, i) => [
    String(i + 1),
    p.person.name,
    p.person.department,
    p.person.title ?? "",
    p.grade === null ? "" : OUTCOME_LABEL[p.grade],
    ...(rules.notice.showScores ? [p.scores ? fixed(p.scores.total) : ""] : []),
  ]);

  return {
    title: fill(wording.title, values) + (corrected ? wording.correctedSuffix : ""),
    intro: fill(wording.intro, values),
    table: rows.length > 0 ? { headers, rows } : null,
    emptyList: rows.length > 0 ? null : fill(wording.emptyList, values),
    period: fill(wording.period, values),
    objection: fill(wording.objection, values),
    contacts: [fill(wording.contact, values), fill(wording.phone, values), fill(wording.address, values)],
    signature: fill(wording.signature, values),
    dateLine: fill(wording.dateLine, values),
  };
}

// GB/T 9704: title 二号 (22 pt), body 三号 (16 pt) at a fixed 28 pt line; the table in 四号.
const TITLE_PT = 22;
const BODY_PT = 16;
const TABLE_PT = 14;
const LINE = { line: 560, lineRule: "exact" as const };
const INDENT_TWO_CHARACTERS = BODY_PT * 20 * 2;

function bodyParagraph(text: string, fonts: DocumentFonts, align: "justify" | "right" = "justify", keepNext = false): Paragraph {
  return new Paragraph({
    alignment: align === "right" ? "right" : "both",
    keepNext,
    spacing: LINE,
    // Body paragraphs start two characters in; the signature ends four characters from the right.
    indent: align === "right" ? { right: INDENT_TWO_CHARACTERS * 2 } : { firstLine: INDENT_TWO_CHARACTERS },
    children: [new TextRun({ text, ...chineseRun(fonts.body, fonts.latin, BODY_PT) })],
  });
}

function halfLine(keepNext: boolean): Paragraph {
  return new Paragraph({ spacing: { line: LINE.line / 2, lineRule: "exact" }, keepNext, children: [] });
}

function tableCell(text: string, fonts: DocumentFonts, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: "dxa" },
    verticalAlign: "center",
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: "center",
        children: [new TextRun({ text, ...chineseRun(fonts.body, fonts.latin, TABLE_PT, header) })],
      }),
    ],
  });
}

/** Relative widths of the notice's columns: 序号 and 综合得分 stay on one line at 四号. */
const COLUMN_WEIGHT: Record<string, number> = { 序号: 10, 姓名: 16, 科室: 22, 职务职级: 24, 等次: 12, 综合得分: 16 };

function noticeTable(table: NoticeTable, fonts: DocumentFonts): Table {
  const weights = table.headers.map((h) => COLUMN_WEIGHT[h] ?? 15);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * TEXT_WIDTH) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: "dxa" },
    columnWidths: widths,
    rows: [
      // The header row repeats on every page of a long list.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.headers.map((h, i) => tableCell(h, fonts, widths[i] ?? 0, true)),
      }),
      ...table.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((cell, i) => tableCell(cell, fonts, widths[i] ?? 0, false)) }),
      ),
    ],
  });
}

export function pageNumberFooter(fonts: DocumentFonts): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: "center",
        children: [new TextRun({ children: ["— ", "CURRENT", " —"], ...chineseRun(fonts.body, fonts.latin, 14) })],
      }),
    ],
  });
}

/** 公示.docx bytes; the same content always gives the same bytes. */
export async function writeNotice(content: NoticeContent, wording: Pick<NoticeWording, "fonts">): Promise<Buffer> {
  const fonts = wording.fonts;
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: "center",
      spacing: { line: 640, lineRule: "exact", after: 200 },
      children: [new TextRun({ text: content.title, ...chineseRun(fonts.title, fonts.latin, TITLE_PT) })],
    }),
    bodyParagraph(content.intro, fonts),
  ];
  if (content.table) {
    children.push(noticeTable(content.table, fonts));
  } else if (content.emptyList) {
    children.push(bodyParagraph(content.emptyList, fonts));
  }
  children.push(
    // Half a line of air after the table and before the signature, so that a short list fits one
    // page; the contact lines, the signature and the date keep together, never a signature alone.
    halfLine(false),
    bodyParagraph(content.period, fonts),
    bodyParagraph(content.objection, fonts),
    ...content.contacts.map((line) => bodyParagraph(line, fonts, "justify", true)),
    halfLine(true),
    bodyParagraph(content.signature, fonts, "right", true),
    bodyParagraph(content.dateLine, fonts, "right"),
  );
  const document = new Document({
    sections: [{ properties: { page: A4_PAGE }, footers: { default: pageNumberFooter(fonts) }, children }],
  });
  return packDocx(document, { title: content.title, fonts });
}
