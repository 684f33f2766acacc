// {人员编号}_{姓名}_成长档案.docx (archive.md "The growth record"): an A4 document with Chinese
// fonts, marked `内部资料 注意保密` at the head of every page, the resident ID masked (first 6 and last 4), one row per filed
// quarter, the chart of S by quarter, the years with their counts, mean S and annual result (and
// a note when that result is stale), the events and the committee changes, and each quarter's
// 评鉴意见 and 改进目标.

import type { GrowthRecord } from "../domain/archive-record.js";
import { maskResidentId } from "../domain/archive-record.js";
import { fixed } from "../domain/exact.js";
import { DECISION_KIND_LABEL, EVENT_KIND_LABEL, GRADE_LABEL, OUTCOME_LABEL } from "../domain/labels.js";
import type { DocumentFonts } from "../ooxml/docx-package.js";
import { A4_PAGE, TEXT_WIDTH, chineseRun, packDocx } from "../ooxml/docx-package.js";
import { ChartRun, Document, Header, Paragraph, Table, TableCell, TableRow, TextRun } from "../ooxml/docx-writer.js";
import type { StyleDefinition } from "../ooxml/docx-writer.js";
import { scoreChart } from "./archive-charts.js";
import { annualText, politicalConclusionText, politicalFlagsText, quarterGradeText, staleText, yearSummaryText } from "./archive-record.js";
import { periodText } from "../domain/model.js";

/** The marking of a document for internal use only (archive.md). */
export const CONFIDENTIAL_MARK = "内部资料 注意保密";

const FONTS: DocumentFonts = { title: "方正小标宋简体", body: "仿宋_GB2312", latin: "Times New Roman" };
const TITLE_PT = 22;
const HEADING_PT = 14;
const BODY_PT = 12;
const TABLE_PT = 9;

/** The record's named styles (what a clerk finds in Word's or WPS's style list); its runs carry none of their own. */
const STYLE = {
  title: "RecordTitle",
  heading: "RecordHeading",
  body: "RecordBody",
  tableText: "RecordTableText",
  tableHeader: "RecordTableHeader",
  strong: "RecordStrong",
} as const;

const RECORD_STYLES: StyleDefinition[] = [
  { type: "paragraph", id: STYLE.title, name: "档案标题", paragraph: { alignment: "center", spacing: { before: 120, after: 360 } }, run: chineseRun(FONTS.title, FONTS.latin, TITLE_PT) },
  { type: "paragraph", id: STYLE.heading, name: "小标题", paragraph: { keepNext: true, spacing: { before: 240, after: 120 } }, run: chineseRun(FONTS.body, FONTS.latin, HEADING_PT, true) },
  { type: "paragraph", id: STYLE.body, name: "正文文字", paragraph: { spacing: { line: 320 } }, run: chineseRun(FONTS.body, FONTS.latin, BODY_PT) },
  { type: "paragraph", id: STYLE.tableText, name: "表格文字", paragraph: { alignment: "center" }, run: chineseRun(FONTS.body, FONTS.latin, TABLE_PT) },
  { type: "paragraph", id: STYLE.tableHeader, name: "表头", paragraph: { alignment: "center" }, run: chineseRun(FONTS.body, FONTS.latin, TABLE_PT, true) },
  // Bold body text in a paragraph laid out on its own: a quarter's name, 政治素质测评, the page header's mark.
  { type: "character", id: STYLE.strong, name: "加粗文字", run: chineseRun(FONTS.body, FONTS.latin, BODY_PT, true) },
];

function strong(text: string): TextRun {
  return new TextRun({ text, style: STYLE.strong });
}

function heading(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading, children: [new TextRun({ text })] });
}

function line(text: string): Paragraph {
  return new Paragraph({ style: STYLE.body, children: [new TextRun({ text })] });
}

function cell(text: string, width: number, options: { bold?: boolean; align?: "left" | "center" } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: "dxa" },
    verticalAlign: "center",
    children: text.split("\n").map(
      (part) =>
        new Paragraph({
          style: options.bold === true ? STYLE.tableHeader : STYLE.tableText,
          ...(options.align === "left" ? { alignment: "left" as const } : {}),
          children: [new TextRun({ text: part })],
        }),
    ),
  });
}

/** A table whose columns take `shares` of the text width; the first row is the header, repeated on each page. */
function table(headers: readonly string[], rows: readonly string[][], shares: readonly number[], leftFrom = Infinity): Table {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((TEXT_WIDTH * s) / total));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: "dxa" },
    columnWidths: widths,
    cellMargins: { top: 40, bottom: 40, left: 40, right: 40 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, widths[i] ?? 0, { bold: true })) }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, widths[i] ?? 0, { align: i >= leftFrom ? "left" : "center" })),
          }),
      ),
    ],
  });
}

const score = (value: GrowthRecord["quarters"][number]["score"]): string => (value === null ? "" : fixed(value));

export interface RecordDocxInput {
  record: GrowthRecord;
}

/** The chart of S by quarter, the width of the text. */
function chartParagraph(record: GrowthRecord): Paragraph {
  return new Paragraph({
    alignment: "center",
    spacing: { before: 120 },
    children: [new ChartRun({ chart: scoreChart(record, { eastAsia: FONTS.body, latin: FONTS.latin }), widthPx: 590, heightPx: 300 })],
  });
}

export function recordDocxChildren(input: RecordDocxInput): Array<Paragraph | Table> {
  const { record } = input;
  const identity = table(
    ["姓名", "人员编号", "单位", "科室", "职务职级"],
    [[record.name, maskResidentId(record.id), record.unitName, record.department, record.post ?? ""]],
    [2, 4, 4, 3, 3],
  );
  const quarters = table(
    ["季度", "单位", "科室", "职务职级", "个性得分", "共性得分", "加分", "减分", "综合得分", "分数档", "等次", "说明"],
    record.quarters.map((q) => [
      periodText(q),
      q.unitName,
      q.department,
      q.post ?? "",
      score(q.individual),
      score(q.common),
      score(q.bonus),
      score(q.deduction),
      score(q.score),
      q.band === null ? "" : GRADE_LABEL[q.band],
      quarterGradeText(q),
      q.reasons.join("；"),
    ]),
    [8, 8, 6, 6, 7, 7, 6, 6, 7, 5, 5, 11],
    11,
  );
  const years = table(
    ["年度", "各等次季度数；平均综合得分", "年度考核", "说明"],
    record.years.map((y) => [String(y.year), yearSummaryText(y), y.annual === null ? "尚未形成年度结果" : annualText(y.annual), staleText(y)]),
    [2, 7, 7, 8],
    1,
  );
  const events = table(
    ["季度", "类型", "分值", "事由", "日期"],
    record.events.map((e) => [periodText(e), EVENT_KIND_LABEL[e.kind], e.points === null ? "" : fixed(e.points), e.reason, e.date ?? ""]),
    [4, 2, 2, 10, 3],
    3,
  );
  const changes = table(
    ["季度", "类型", "原等次", "审定等次", "理由", "日期"],
    record.changes.map((c) => [periodText(c), DECISION_KIND_LABEL[c.kind], OUTCOME_LABEL[c.from], GRADE_LABEL[c.to], c.reason, c.date]),
    [4, 3, 2, 2, 9, 3],
    4,
  );
  // Each current political round (political.md "With --db D"), under the years; none for most persons.
  const political = table(
    ["年度", "测评名称", "正向得分P", "研判结论", "反向条目", "说明"],
    record.political.map((r) => [String(r.year), r.round, r.positive === null ? "" : fixed(r.positive), politicalConclusionText(r), politicalFlagsText(r), r.reasons.join("；")]),
    [2, 6, 3, 3, 7, 8],
    4,
  );
  const notes = record.quarters.filter((q) => q.comment !== null || q.goal !== null);
  return [
    new Paragraph({ style: STYLE.title, children: [new TextRun({ text: "干部成长档案" })] }),
    identity,
    heading("一、季度考核结果"),
    // A cadre filed only by political rounds has no quarter and no year to show.
    ...(record.quarters.length > 0 ? [quarters, chartParagraph(record)] : [line("无记录。")]),
    heading("二、年度情况"),
    ...(record.years.length > 0 ? [years] : record.political.length > 0 ? [] : [line("无记录。")]),
    ...(record.political.length > 0
      ? [new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [strong("政治素质测评")] }), political]
      : []),
    heading("三、加减分、否决和限好事项"),
    ...(record.events.length > 0 ? [events] : [line("无记录。")]),
    heading("四、审定和复核记录"),
    ...(record.changes.length > 0 ? [changes] : [line("无记录。")]),
    heading("五、评鉴意见和改进目标"),
    ...(notes.length > 0
      ? notes.flatMap((q) => [
          new Paragraph({ spacing: { before: 120 }, keepNext: true, children: [strong(periodText(q))] }),
          ...(q.comment !== null ? [line(`评鉴意见：${q.comment}`)] : []),
          ...(q.goal !== null ? [line(`改进目标：${q.goal}`)] : []),
        ])
      : [line("无记录。")]),
  ];
}

/** The .docx bytes of one record. */
export function writeRecordDocx(input: RecordDocxInput): Buffer {
  // The marking heads every page (a page header), as on any document for internal use.
  const header = new Header({ children: [new Paragraph({ children: [strong(CONFIDENTIAL_MARK)] })] });
  const document = new Document({
    sections: [{ properties: { page: A4_PAGE }, headers: { default: header }, children: recordDocxChildren(input) }],
  });
  return packDocx(document, { title: `${input.record.name}干部成长档案`, fonts: FONTS, styles: RECORD_STYLES });
}
