// Paragraphs and tables the two political documents share (portrait and analysis report): the
// confidentiality mark, headings, body lines and ruled tables in the fonts of templates/political.json.
// Each takes a named style of `politicalStyles` (what a clerk finds in Word's or WPS's style list);
// its runs carry only what differs from it (a title's size, a bold cell).

import { Paragraph, Table, TableCell, TableRow, TextRun } from "../ooxml/docx-writer.js";
import type { RunOptions, StyleDefinition } from "../ooxml/docx-writer.js";
import { chineseFont, chineseRun, type DocumentFonts } from "../ooxml/docx-package.js";

const STYLE = { mark: "PoliticalMark", title: "PoliticalTitle", heading: "PoliticalHeading", body: "PoliticalBody", table: "PoliticalTableText" } as const;
const HEADING_PT = 14;
const BODY_PT = 12;
const TABLE_PT = 10.5;

/** The styles the helpers below name; `packDocx(…, { styles })` of each political document. */
export function politicalStyles(fonts: DocumentFonts): StyleDefinition[] {
  return [
    { type: "paragraph", id: STYLE.mark, name: "密级标记", paragraph: { alignment: "right" }, run: chineseRun("黑体", fonts.latin, 12, true) },
    // A title's size is its own (the title and the round under it differ): the style gives the font.
    { type: "paragraph", id: STYLE.title, name: "测评标题", paragraph: { alignment: "center" }, run: chineseFont(fonts.title, fonts.latin) },
    { type: "paragraph", id: STYLE.heading, name: "小标题", paragraph: { keepNext: true, spacing: { before: 160, after: 80 } }, run: chineseRun("黑体", fonts.latin, HEADING_PT) },
    { type: "paragraph", id: STYLE.body, name: "正文文字", paragraph: { spacing: { line: 320 } }, run: chineseRun(fonts.body, fonts.latin, BODY_PT) },
    { type: "paragraph", id: STYLE.table, name: "表格文字", paragraph: { alignment: "left" }, run: chineseRun(fonts.body, fonts.latin, TABLE_PT) },
  ];
}

/** A run's options over a style of size `stylePt`: the size only when it differs, bold only when set. */
function over(stylePt: number, pt: number, bold = false): RunOptions {
  return { ...(pt === stylePt ? {} : { size: pt * 2 }), ...(bold ? { bold } : {}) };
}

export function confidentialMark(text: string): Paragraph {
  return new Paragraph({ style: STYLE.mark, children: [new TextRun({ text })] });
}

export function titleLine(text: string, pt: number, after = 120): Paragraph {
  return new Paragraph({ style: STYLE.title, spacing: { after }, children: [new TextRun({ text, size: pt * 2 })] });
}

export function heading(text: string, pt = HEADING_PT): Paragraph {
  return new Paragraph({ style: STYLE.heading, children: [new TextRun({ text, ...over(HEADING_PT, pt) })] });
}

export function bodyLine(text: string, pt = BODY_PT, options: { indent?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    ...(options.indent ? { indent: { firstLine: pt * 40 } } : {}),
    children: [new TextRun({ text, ...over(BODY_PT, pt, options.bold === true) })],
  });
}

/** A ruled table: a bold header row (or none) and text rows, widths in twentieths of a point; `labelColumns` bold and centred. */
export function ruledTable(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  pt = TABLE_PT,
  labelColumns: readonly number[] = [],
): Table {
  const cell = (text: string, width: number, bold: boolean, center: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: "dxa" },
      verticalAlign: "center",
      children: text.split("\n").map(
        (line) => new Paragraph({ style: STYLE.table, ...(center ? { alignment: "center" as const } : {}), children: [new TextRun({ text: line, ...over(TABLE_PT, pt, bold) })] }),
      ),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: "dxa" },
    columnWidths: widths,
    cellMargins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      ...(header === null ? [] : [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, widths[i] ?? 0, true, true)) })]),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, widths[i] ?? 0, labelColumns.includes(i), labelColumns.includes(i) || (i > 0 && text.length <= 6))),
          }),
      ),
    ],
  });
}

/** Column widths as shares of the text width. */
export function widthsOf(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.floor((total * s) / sum));
}
