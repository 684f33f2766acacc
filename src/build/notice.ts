// 公示.docx, the publication notice of one unit (outputs.md "Per unit" 2). `noticeContent` decides
// what the notice says (pure, from the graded unit, the settings, the rules and the office's
// wording); `writeNotice` lays it out on A4. A notice never shows an identity number: 人员编号 is
// not among its columns, and scores appear only with notice.showScores (README.md "Openness").

import { addWorkingDays, chineseDate, nationalCalendar } from "../domain/calendar.js";
import { compare, fixed } from "../domain/exact.js";
import type { Exact } from "../domain/exact.js";
import type { ChangeRecord, GradedPerson, GradedUnit, Reason } from "../domain/graded.js";
import { OUTCOME_LABEL } from "../domain/labels.js";
import type { Outcome } from "../domain/labels.js";
import type { Period, WorkbookSettings } from "../domain/model.js";
import { QUARTER_NUMERAL, isGraded } from "../domain/model.js";
import type { Rules } from "../domain/rules.js";
import { Document, Footer, Paragraph, Table, TableCell, TableRow, TextRun } from "../ooxml/docx-writer.js";
import type { StyleDefinition } from "../ooxml/docx-writer.js";
import { A4_PAGE, TEXT_WIDTH, chineseRun, packDocx } from "../ooxml/docx-package.js";
import type { DocumentFonts } from "../ooxml/docx-package.js";
import type { NoticePlaceholder, NoticeWording } from "./wording.js";
import { fill } from "./wording.js";
import { textWidth, titleLines } from "./title-lines.js";

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
  /** The title as printed: broken at phrase boundaries (title-lines.ts). */
  titleLines: string[];
  /** The scheme, the steps, N and the 好 count, and `现将…公示如下：`, or the one sentence that no one is 好. */
  intro: string;
  /** With `（更正）`: the sentence saying what the 复核 changed on the list; else null. */
  correction: string | null;
  /** null when no one is listed (no 好 in the unit); the intro says so instead. */
  table: NoticeTable | null;
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
 * (rules.md notice.days, calendar.*): 2026-09-30 + 5 → `2026年9月30日至10月12日（5个工作日）`,
 * 国庆 off and 10-10 worked.
 */
export function noticePeriod(start: string | null, days: number, calendar: Rules["calendar"]): string {
  if (start === null) return `${BLANK_DATE}至${BLANK_DATE}（${days}个工作日）`;
  const end = addWorkingDays(start, days, nationalCalendar(calendar));
  // Within one year the end date is written without it (2026年10月9日至10月14日), as notices do,
  // so that the period stays on one line.
  const endText = end.slice(0, 4) === start.slice(0, 4) ? chineseDate(end).replace(/^\d+年/, "") : chineseDate(end);
  return `${chineseDate(start)}至${endText}（${days}个工作日）`;
}

/**
 * `noticePeriod` kept by the calendar it is counted on (a run's rules: one object) and the start
 * and the length, which every unit of a workbook shares: counting working days builds the
 * calendar's sets of days each time.
 */
const periods = new WeakMap<Rules["calendar"], Map<string, string>>();
function runNoticePeriod(start: string | null, days: number, calendar: Rules["calendar"]): string {
  let known = periods.get(calendar);
  if (known === undefined) periods.set(calendar, (known = new Map()));
  const key = `${start}|${days}`;
  let period = known.get(key);
  if (period === undefined) {
    period = noticePeriod(start, days, calendar);
    if (known.size < 1000) known.set(key, period);
  }
  return period;
}

/**
 * The scheme as a document the opening sentence can cite (`根据《…》`): the rules' name when it reads
 * as one (`某县公务员平时考核实施方案`), else the unit's own scheme (`某市某某局公务员平时考核方案`),
 * which the built-in 标准方案 stands for.
 */
export function schemeTitle(rulesName: string, unitName: string): string {
  const name = rulesName.trim().replace(/^《(.*)》$/, "$1");
  if (/考核/.test(name) && /(方案|办法|细则|规定|意见|制度)$/.test(name)) return name;
  return `${unitName}公务员平时考核方案`;
}

/** Whether a 复核 changes what the notice lists (outputs.md: only then （更正）). */
function changesList(change: ChangeRecord, list: Rules["notice"]["list"]): boolean {
  if (change.kind !== "review" || change.from === change.to) return false;
  return list === "all" || (change.from === "good") !== (change.to === "good");
}

/** Why a listed person with a 好-band score is not 好, in a few words fit to post (备注). */
function remarkOf(reasons: readonly Reason[]): string {
  const words: string[] = [];
  for (const reason of reasons) {
    if (reason.kind === "barGood") words.push("有限好情形");
    if (reason.kind === "veto") words.push("有否决情形");
    if (reason.kind === "quota") words.push(`超出好等次名额（${reason.quota}名）`);
    if (reason.kind === "tie" && reason.policy === "strict") words.push("得分并列，超出好等次名额");
    if (reason.kind === "decision") words.push(reason.decision === "review" ? "经复核" : "经考核委员会审定");
  }
  return [...new Set(words)].join("；");
}

/** 备注: said only for a person not 好 whose total reaches the lowest 好 total or the 好 band. */
function remarks(listed: readonly GradedPerson[], good: readonly GradedPerson[]): string[] {
  let lowestGood: Exact | null = null;
  for (const p of good) if (p.scores && (lowestGood === null || compare(p.scores.total, lowestGood) < 0)) lowestGood = p.scores.total;
  return listed.map((p) => {
    if (p.grade === "good" || !p.scores) return "";
    const higher = p.band === "good" || (lowestGood !== null && compare(p.scores.total, lowestGood) >= 0);
    return higher ? remarkOf(p.reasons) : "";
  });
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
  const corrections = graded.changes.filter((c) => changesList(c, rules.notice.list));

  const values: Record<Exclude<NoticePlaceholder, "更正说明">, string> = {
    单位名称: unit.name,
    年度: String(period.year),
    季度: QUARTER_NUMERAL[period.quarter],
    方案名称: rules.name,
    方案文件: schemeTitle(rules.name, unit.name),
    定等人数: String(gradedPersons.length),
    好等次人数: String(good.length),
    名单: rules.notice.list === "all" ? wording.listAll : wording.listGood,
    公示期: runNoticePeriod(settings.noticeStart, rules.notice.days, rules.calendar),
    公示天数: String(rules.notice.days),
    复核天数: String(rules.notice.reviewDays),
    联系人: unit.contact ?? settings.contact ?? BLANK_FIELD,
    联系电话: unit.phone ?? settings.phone ?? BLANK_FIELD,
    受理地址: unit.address ?? settings.address ?? BLANK_FIELD,
    公示日期: settings.noticeStart === null ? BLANK_DATE : chineseDate(settings.noticeStart),
  };

  const notes = remarks(listed, good);
  const withRemarks = rules.notice.showScores && notes.some((n) => n !== "");
  const headers = ["序号", "姓名", "科室", "职务职级", "等次", ...(rules.notice.showScores ? ["综合得分"] : []), ...(withRemarks ? ["备注"] : [])];
  const rows = listed.map((p, i) => [
    String(i + 1),
    p.person.name,
    p.person.department,
    p.person.title ?? "",
    p.grade === null ? "" : OUTCOME_LABEL[p.grade],
    ...(rules.notice.showScores ? [p.scores ? fixed(p.scores.total) : ""] : []),
    ...(withRemarks ? [notes[i] ?? ""] : []),
  ]);
  const title = fill(wording.title, values) + (corrections.length > 0 ? wording.correctedSuffix : "");

  return {
    title,
    titleLines: titleLines(title, TITLE_CHARACTERS_PER_LINE, [unit.name]),
    intro: fill(wording.intro, values) + fill(rows.length > 0 ? wording.listIntro : wording.emptyList, values),
    correction: corrections.length > 0 ? fill(wording.correction, { ...values, 更正说明: corrections.map(correctionText).join("；") }) : null,
    table: rows.length > 0 ? { headers, rows } : null,
    period: fill(wording.period, values),
    objection: fill(wording.objection, values),
    contacts: [fill(wording.contact, values), fill(wording.phone, values), fill(wording.address, values)],
    signature: fill(wording.signature, values),
    dateLine: fill(wording.dateLine, values),
  };
}

/** `孙八的等次由“一般”改为“较好”`. */
function correctionText(change: ChangeRecord): string {
  return `${change.name}的等次由“${OUTCOME_LABEL[change.from as Outcome]}”改为“${OUTCOME_LABEL[change.to]}”`;
}

// GB/T 9704 sizes: title 二号 (22 pt), body 三号 (16 pt), the table in 四号 (14 pt). Lines are
// fixed at 26 pt (GB/T 9704's 28 pt would leave a six-name notice's signature on page 2: outputs.md
// wants up to six names, the contact lines and the signature on one A4 page).
const TITLE_PT = 22;
const BODY_PT = 16;
const TABLE_PT = 14;
const LINE = { line: 520, lineRule: "exact" as const };
const TITLE_LINE = { after: 0, line: 600, lineRule: "exact" as const };
/** Full-width characters of a title line at 二号 between the margins (8845 twips / 440). */
const TITLE_CHARACTERS_PER_LINE = Math.floor(TEXT_WIDTH / (TITLE_PT * 20));
const INDENT_TWO_CHARACTERS = BODY_PT * 20 * 2;

/**
 * The notice's named styles, which a clerk finds in Word's or WPS's style list: its paragraphs
 * name them and their runs carry nothing of their own but what differs.
 */
const STYLE = {
  title: "NoticeTitle",
  body: "NoticeBody",
  signature: "NoticeSignature",
  tableText: "NoticeTableText",
  tableHeader: "NoticeTableHeader",
  pageNumber: "NoticePageNumber",
} as const;

/** The styles made once for each wording's fonts and table size, so that a run's notices share them (docx-package.ts `packDocx`). */
const stylesOfFonts = new WeakMap<DocumentFonts, Map<number, StyleDefinition[]>>();
function noticeStylesOnce(fonts: DocumentFonts, tablePt: number): StyleDefinition[] {
  let bySize = stylesOfFonts.get(fonts);
  if (bySize === undefined) stylesOfFonts.set(fonts, (bySize = new Map()));
  let styles = bySize.get(tablePt);
  if (styles === undefined) bySize.set(tablePt, (styles = noticeStyles(fonts, tablePt)));
  return styles;
}

function noticeStyles(fonts: DocumentFonts, tablePt: number): StyleDefinition[] {
  const body = (pt: number, bold = false) => chineseRun(fonts.body, fonts.latin, pt, bold);
  const table = { alignment: "center", spacing: TABLE_LINE } as const;
  return [
    { type: "paragraph", id: STYLE.title, name: "公示标题", paragraph: { alignment: "center", keepNext: true, spacing: TITLE_LINE }, run: chineseRun(fonts.title, fonts.latin, TITLE_PT) },
    // Body paragraphs start two characters in; the signature ends four characters from the right.
    { type: "paragraph", id: STYLE.body, name: "公示正文", paragraph: { alignment: "both", spacing: LINE, indent: { firstLine: INDENT_TWO_CHARACTERS } }, run: body(BODY_PT) },
    { type: "paragraph", id: STYLE.signature, name: "落款", paragraph: { alignment: "right", spacing: LINE, indent: { right: INDENT_TWO_CHARACTERS * 2 } }, run: body(BODY_PT) },
    { type: "paragraph", id: STYLE.tableText, name: "表格文字", paragraph: table, run: body(tablePt) },
    { type: "paragraph", id: STYLE.tableHeader, name: "表头", paragraph: table, run: body(tablePt, true) },
    { type: "character", id: STYLE.pageNumber, name: "页码文字", run: body(14) },
  ];
}

function bodyParagraph(text: string, align: "justify" | "right" = "justify", keepNext = false): Paragraph {
  return new Paragraph({ style: align === "right" ? STYLE.signature : STYLE.body, ...(keepNext ? { keepNext } : {}), children: [new TextRun({ text })] });
}

function gap(keepNext: boolean): Paragraph {
  return new Paragraph({ spacing: { line: LINE.line / 3, lineRule: "exact" }, keepNext, children: [] });
}

// Table rows at a fixed line, so that a row is as high in Word, WPS and LibreOffice whatever
// the font's own line height: 14 pt text on an 18 pt line, 2 pt above and below.
const TABLE_LINE = { line: 360, lineRule: "exact" as const };

function tableCell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: "dxa" },
    verticalAlign: "center",
    children: [new Paragraph({ style: header ? STYLE.tableHeader : STYLE.tableText, children: [new TextRun({ text })] })],
  });
}

/** Relative widths of the notice's columns: 序号 and 综合得分 stay on one line at 四号. */
const COLUMN_WEIGHT: Record<string, number> = { 序号: 10, 姓名: 16, 科室: 22, 职务职级: 24, 等次: 12, 综合得分: 16 };
/** With 备注 the table has seven columns and is set in 小四 (12 pt) so that 序号 and 职务职级 stay on one line. */
const REMARK_COLUMN_WEIGHT: Record<string, number> = { 序号: 10, 姓名: 14, 科室: 18, 职务职级: 22, 等次: 10, 综合得分: 16, 备注: 28 };
const REMARK_TABLE_PT = 12;

function tablePt(table: NoticeTable | null): number {
  return table?.headers.includes("备注") ? REMARK_TABLE_PT : TABLE_PT;
}

function noticeTable(table: NoticeTable): Table {
  const withRemarks = table.headers.includes("备注");
  const weights = table.headers.map((h) => (withRemarks ? REMARK_COLUMN_WEIGHT : COLUMN_WEIGHT)[h] ?? 15);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * TEXT_WIDTH) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: "dxa" },
    columnWidths: widths,
    cellMargins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      // A long list breaks between rows, never inside one, and its header row repeats on each page.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.headers.map((h, i) => tableCell(h, widths[i] ?? 0, true)),
      }),
      ...table.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((cell, i) => tableCell(cell, widths[i] ?? 0, false)) }),
      ),
    ],
  });
}

/** `— 1 —` centred at the foot of each page, in the character style 页码文字 (四号 of the body font). */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: "center", children: [new TextRun({ children: ["— ", "CURRENT", " —"], style: STYLE.pageNumber })] })],
  });
}

/** Full-width characters of a body line at 三号, less the two of the first-line indent. */
const BODY_CHARACTERS_PER_LINE = Math.floor(TEXT_WIDTH / (BODY_PT * 20)) - 2;

/** 联系人 and 联系电话 share a line when both fit on it, as notices print them. */
function contactLines(contacts: readonly string[]): string[] {
  const [contact, phone, ...rest] = contacts;
  if (contact === undefined || phone === undefined) return [...contacts];
  const joined = `${contact}　　${phone}`;
  return textWidth(joined) <= BODY_CHARACTERS_PER_LINE ? [joined, ...rest] : [...contacts];
}

/** 公示.docx bytes; the same content always gives the same bytes. */
export async function writeNotice(content: NoticeContent, wording: Pick<NoticeWording, "fonts">): Promise<Buffer> {
  const fonts = wording.fonts;
  const children: Array<Paragraph | Table> = [
    // One paragraph per title line: the lines are broken where a reader pauses (title-lines.ts).
    ...content.titleLines.map(
      (line, i) =>
        new Paragraph({
          style: STYLE.title,
          // The last line keeps a little space before the text; the spacing is given whole, so
          // that no reader need merge it with the style's.
          ...(i === content.titleLines.length - 1 ? { spacing: { ...TITLE_LINE, after: 160 } } : {}),
          children: [new TextRun({ text: line })],
        }),
    ),
    // A correction says first what changed, then the notice reads as before (`现将…公示如下：`).
    ...(content.correction ? [bodyParagraph(content.correction)] : []),
    bodyParagraph(content.intro),
  ];
  if (content.table) children.push(noticeTable(content.table), gap(false));
  // The period, the objection, the contact lines, the unit and the date keep together (keepNext
  // on every line before the date): a long list may push them to the next page, but the signature
  // never stands there alone.
  children.push(
    bodyParagraph(content.period, "justify", true),
    bodyParagraph(content.objection, "justify", true),
    ...contactLines(content.contacts).map((line) => bodyParagraph(line, "justify", true)),
    gap(true),
    bodyParagraph(content.signature, "right", true),
    bodyParagraph(content.dateLine, "right"),
  );
  const document = new Document({
    sections: [{ properties: { page: A4_PAGE }, footers: { default: pageNumberFooter() }, children }],
  });
  return packDocx(document, { title: content.title, fonts, styles: noticeStylesOnce(fonts, tablePt(content.table)) });
}
