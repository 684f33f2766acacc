// Paragraphs and tables the two political documents share (portrait and analysis report): the
// confidentiality mark, headings, body lines and ruled tables in the fonts of templates/political.json.

import { Paragraph, Table, TableCell, TableRow, TextRun } from "../ooxml/docx-writer.js";
import { chineseRun, type DocumentFonts } from "../ooxml/docx-package.js";

export function confidentialMark(text: string, fonts: DocumentFonts): Paragraph {
  return new Paragraph({ alignment: "right", children: [new TextRun({ text, ...chineseRun("黑体", fonts.latin, 12, true) })] });
}

export function titleLine(text: string, fonts: DocumentFonts, pt: number, after = 120): Paragraph {
  return new Paragraph({ alignment: "center", spacing: { after }, children: [new TextRun({ text, ...chineseRun(fonts.title, fonts.latin, pt) })] });
}

export function heading(text: string, fonts: DocumentFonts, pt = 14): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 160, after: 80 }, children: [new TextRun({ text, ...chineseRun("黑体", fonts.latin, pt) })] });
}

export function bodyLine(text: string, fonts: DocumentFonts, pt = 12, options: { indent?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { line: 320 },
    ...(options.indent ? { indent: { firstLine: pt * 40 } } : {}),
    children: [new TextRun({ text, ...chineseRun(fonts.body, fonts.latin, pt, options.bold === true) })],
  });
}

/** A ruled table: a bold header row (or none) and text rows, widths in twentieths of a point; `labelColumns` bold and centred. */
export function ruledTable(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  widths: readonly number[],
  fonts: DocumentFonts,
  pt = 10.5,
  labelColumns: readonly number[] = [],
): Table {
  const cell = (text: string, width: number, bold: boolean, center: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: "dxa" },
      verticalAlign: "center",
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split("\n").map(
        (line) => new Paragraph({ alignment: center ? "center" : "left", children: [new TextRun({ text: line, ...chineseRun(fonts.body, fonts.latin, pt, bold) })] }),
      ),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: "dxa" },
    columnWidths: widths,
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
