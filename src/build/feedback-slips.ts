// 反馈单.docx: one A4 page per graded person (outputs.md "Per unit" 3). slip-content.ts decides
// what a slip says; this file makes it fit one page (`fitSlip`: long lists summarised with the
// count left out and where to read them, long texts cut) and lays it out, a section per slip,
// its XML written from templates (`slipXml`) rather than built element by element.
// Heights are worked out on fixed line pitches, so that Word, WPS and LibreOffice agree with
// the estimate whatever font they draw the text in.

import { BodyXml, Document, Header, Paragraph, TextRun } from "../ooxml/docx-writer.js";
import { escapeXml } from "../ooxml/xml-text.js";
import { A4_PAGE, TEXT_WIDTH, chineseRun, packDocx } from "../ooxml/docx-package.js";
import type { DocumentFonts } from "../ooxml/docx-package.js";
import type { StyleDefinition } from "../ooxml/docx-writer.js";
import type { XmlPiece } from "../ooxml/zip-writer.js";
import type { SlipContent, SlipRow } from "./slip-content.js";
import { textWidth } from "./title-lines.js";
import { cutAtSentence } from "./work-by-month.js";
import type { SlipWording } from "./wording.js";
import { fill } from "./wording.js";

// 小四 (12 pt) in the table on a fixed 15 pt line, 小二 (18 pt) for the title.
const TITLE_PT = 18;
const SUBTITLE_PT = 14;
const TABLE_PT = 12;
const TITLE_LINE = 520;
const SUBTITLE_LINE = 400;
const TABLE_LINE = 300;
const NOTE_LINE = 360;
const CELL_MARGIN = { top: 60, bottom: 60, left: 100, right: 100 };
/** Label, value, label, value: labels take 16 % of the width each. */
const LABEL_WIDTH = Math.floor(TEXT_WIDTH * 0.16);
const VALUE_WIDTH = Math.floor(TEXT_WIDTH * 0.34);
const WIDE_WIDTH = LABEL_WIDTH + 2 * VALUE_WIDTH;

/**
 * Full-width characters on a line of a wide cell. Word and LibreOffice put a little space
 * between Chinese and Latin text, and move a closing mark to the next line: 5 % is kept back.
 */
const WIDE_CHARACTERS = Math.floor(((WIDE_WIDTH - CELL_MARGIN.left - CELL_MARGIN.right) / (TABLE_PT * 20)) * 0.95);
const VALUE_CHARACTERS = Math.floor(((VALUE_WIDTH - CELL_MARGIN.left - CELL_MARGIN.right) / (TABLE_PT * 20)) * 0.95);
const NOTE_CHARACTERS = Math.floor((TEXT_WIDTH / (TABLE_PT * 20)) * 0.9);
/** The page's text height, less a line for what the estimate may miss. */
export const SLIP_PAGE_BUDGET = A4_PAGE.size.height - A4_PAGE.margin.top - A4_PAGE.margin.bottom - 360;
/** A list item, and a text, is cut to this many lines before anything is left out. */
const MAX_ITEM_LINES = 2;
const MAX_TEXT_LINES = 6;
/** The 个人小结, one block of the person's own words, is cut to this many lines first. */
const MAX_SUMMARY_LINES = 10;
/** Items a list keeps while texts can still be shortened. */
const MIN_ITEMS = 3;

function linesOf(text: string, perLine: number): number {
  return Math.max(1, Math.ceil(textWidth(text) / perLine));
}

function rowHeight(row: SlipRow): number {
  const lines =
    row.kind === "pair"
      ? Math.max(1, ...[row.left[1], row.right[1]].map((v) => linesOf(v, VALUE_CHARACTERS)))
      : Math.max(1, row.lines.reduce((sum, line) => sum + linesOf(line, WIDE_CHARACTERS), 0));
  return lines * TABLE_LINE + CELL_MARGIN.top + CELL_MARGIN.bottom + 20;
}

/** The estimated height of a slip on its page, in twentieths of a point. */
export function slipHeight(slip: SlipContent): number {
  const title = TITLE_LINE + 120 + SUBTITLE_LINE + 200;
  const table = slip.rows.reduce((sum, row) => sum + rowHeight(row), 0);
  const under = [...slip.notes, ...slip.signatures].reduce((sum, line) => sum + 160 + linesOf(line, NOTE_CHARACTERS) * NOTE_LINE, 0);
  return title + table + under;
}

/** Lines a wide cell takes for `lines`. */
function blockLines(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + linesOf(line, WIDE_CHARACTERS), 0);
}

/**
 * A summary in at most `lines` lines of a wide cell: whole, or cut at a sentence with
 * `……（全文见结果表）` (cutAtSentence), keeping as many characters as fit. The mark alone (a
 * limit of 0) is one line, so the search starts from a cut that fits.
 */
function summaryLines(full: string, lines: number): string[] {
  const shown = (limit: number): string[] => cutAtSentence(full, limit).text.split("\n");
  let [fits, tooLong] = [0, Array.from(full).length];
  if (blockLines(shown(tooLong)) <= lines) return shown(tooLong);
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (blockLines(shown(middle)) <= lines) fits = middle;
    else tooLong = middle;
  }
  return shown(fits);
}

/** `text` cut to `lines` lines of `perLine`, ending in `……`. */
function cut(text: string, lines: number, perLine: number): string {
  const room = lines * perLine - 1;
  if (textWidth(text) <= lines * perLine) return text;
  let kept = "";
  for (const ch of text) {
    if (textWidth(kept + ch) > room) break;
    kept += ch;
  }
  return `${kept}……`;
}

type WideRow = Extract<SlipRow, { kind: "wide" }>;

/** The lines of a list row with only its first `shown` items, and the note of how many are left out. */
function listed(row: WideRow, keep: number, omitted: string, shown: number): WideRow {
  const items = row.lines.slice(keep);
  if (shown >= items.length) return row;
  return { ...row, lines: [...row.lines.slice(0, keep), ...items.slice(0, shown), fill(omitted, { 未列出: String(items.length - shown) })] };
}

/**
 * The slip shortened until it fits one A4 page (outputs.md: long work lists summarised to fit,
 * pointing to the 工作清单 sheet). In this order, each step only while the slip is too tall:
 * list items are cut to two lines, texts to six and the 个人小结 to ten; the list showing the
 * most items loses its last one (down to three), `另有{n}项…未列出` taking their place; the
 * longest text (the 个人小结 among them) loses a line (down to two); then the lists lose the rest
 * and the texts their last lines. A slip that fits is returned as it is. A summary is cut at a
 * sentence and ends `……（全文见结果表）`; other texts end `……`.
 */
export function fitSlip(slip: SlipContent): SlipContent {
  if (slipHeight(slip) <= SLIP_PAGE_BUDGET) return slip;
  let texts: SlipRow[] = slip.rows.map((row) =>
    row.kind !== "wide" || !row.fit
      ? row
      : row.fit.kind === "summary"
        ? { ...row, lines: summaryLines(row.fit.full, MAX_SUMMARY_LINES) }
        : { ...row, lines: row.lines.map((line) => cut(line, row.fit?.kind === "list" ? MAX_ITEM_LINES : MAX_TEXT_LINES, WIDE_CHARACTERS)) },
  );
  // Items shown of each list row, by row index; texts are cut in place.
  const shown = new Map<number, number>();
  texts.forEach((row, i) => {
    if (row.kind === "wide" && row.fit?.kind === "list") shown.set(i, Math.max(0, row.lines.length - row.fit.keep));
  });
  const rowsNow = (): SlipRow[] =>
    texts.map((row, i) => (row.kind === "wide" && row.fit?.kind === "list" ? listed(row, row.fit.keep, row.fit.omitted, shown.get(i) ?? 0) : row));
  const tooTall = (): boolean => slipHeight({ ...slip, rows: rowsNow() }) > SLIP_PAGE_BUDGET;
  const dropItem = (floor: number): boolean => {
    const most = [...shown].filter(([, n]) => n > floor).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (most) shown.set(most[0], most[1] - 1);
    return most !== undefined;
  };
  const cutText = (floor: number): boolean => {
    const at = longestText(texts, floor);
    if (at < 0) return false;
    const row = texts[at] as WideRow;
    if (row.fit?.kind === "summary") {
      const lines = summaryLines(row.fit.full, blockLines(row.lines) - 1);
      texts = texts.map((r, i) => (i === at ? { ...row, lines } : r));
      return true;
    }
    const longest = row.lines.reduce((best, line, i, all) => (textWidth(line) > textWidth(all[best] ?? "") ? i : best), 0);
    const line = row.lines[longest] ?? "";
    const shorter = cut(line, linesOf(line, WIDE_CHARACTERS) - 1, WIDE_CHARACTERS);
    texts = texts.map((r, i) => (i === at ? { ...row, lines: row.lines.map((l, j) => (j === longest ? shorter : l)) } : r));
    return true;
  };
  // Each step takes away an item or a line of text, or moves on: the loops end. When nothing is
  // left to shorten the table runs on, its rows breaking across pages only if they must.
  for (const step of [() => dropItem(MIN_ITEMS), () => cutText(2), () => dropItem(0), () => cutText(1)]) {
    while (tooTall() && step());
  }
  return { ...slip, rows: rowsNow() };
}

/** Whether a text row has a line longer than `floor` lines; a summary, as one block, more lines. */
function longerThan(row: WideRow, floor: number): boolean {
  if (row.fit?.kind === "summary") return blockLines(row.lines) > floor;
  return row.fit?.kind === "text" && row.lines.some((line) => linesOf(line, WIDE_CHARACTERS) > floor);
}

/**
 * The text row (fit `text`, or a `summary` as one block) with the most lines, if any has a line
 * (a summary: its block) longer than `floor` lines.
 */
function longestText(rows: readonly SlipRow[], floor: number): number {
  let best = -1;
  let bestHeight = 0;
  rows.forEach((row, i) => {
    if (row.kind !== "wide" || !longerThan(row, floor)) return;
    const height = rowHeight(row);
    if (height > bestHeight) [best, bestHeight] = [i, height];
  });
  return best;
}

/**
 * The slip's named styles: every paragraph of a slip takes one, and its runs carry nothing of
 * their own (a slip repeats a dozen looks on every page; a city's quarter end prints thousands).
 * The names are what a clerk finds in Word's or WPS's style list.
 */
const STYLE = {
  title: "SlipTitle",
  subtitle: "SlipSubtitle",
  tableText: "SlipTableText",
  tableLabel: "SlipTableLabel",
  note: "SlipNote",
  signature: "SlipSignature",
  draftMark: "SlipDraftMark",
  table: "SlipTable",
} as const;

/** The styles made once for each wording's fonts, so that a run's slips share them (docx-package.ts `packDocx`). */
const stylesOfFonts = new WeakMap<DocumentFonts, StyleDefinition[]>();
function slipStylesOnce(fonts: DocumentFonts): StyleDefinition[] {
  let styles = stylesOfFonts.get(fonts);
  if (styles === undefined) stylesOfFonts.set(fonts, (styles = slipStyles(fonts)));
  return styles;
}

function slipStyles(fonts: DocumentFonts): StyleDefinition[] {
  const body = (pt: number, bold = false) => chineseRun(fonts.body, fonts.latin, pt, bold);
  const note = { alignment: "left", spacing: { before: 160, line: NOTE_LINE, lineRule: "exact" } } as const;
  return [
    {
      type: "paragraph",
      id: STYLE.title,
      name: "反馈单标题",
      paragraph: { alignment: "center", spacing: { after: 120, line: TITLE_LINE, lineRule: "exact" } },
      run: chineseRun(fonts.title, fonts.latin, TITLE_PT),
    },
    {
      type: "paragraph",
      id: STYLE.subtitle,
      name: "反馈单副标题",
      paragraph: { alignment: "center", spacing: { after: 200, line: SUBTITLE_LINE, lineRule: "exact" } },
      run: body(SUBTITLE_PT),
    },
    { type: "paragraph", id: STYLE.tableText, name: "表格文字", paragraph: { alignment: "left", spacing: { line: TABLE_LINE, lineRule: "exact" } }, run: body(TABLE_PT) },
    { type: "paragraph", id: STYLE.tableLabel, name: "表格栏目", paragraph: { alignment: "center", spacing: { line: TABLE_LINE, lineRule: "exact" } }, run: body(TABLE_PT, true) },
    { type: "paragraph", id: STYLE.note, name: "说明文字", paragraph: note, run: body(TABLE_PT) },
    { type: "paragraph", id: STYLE.signature, name: "落款", paragraph: note, run: body(TABLE_PT) },
    { type: "paragraph", id: STYLE.draftMark, name: "草稿标记", paragraph: { alignment: "right" }, run: chineseRun(fonts.title, fonts.latin, 16, true) },
    // The table's borders, its cells' margins and their text centred from top to bottom, said
    // once here instead of in every slip's table and every cell (a slip has 26 cells).
    { type: "table", id: STYLE.table, name: "反馈单表格", cellMargins: CELL_MARGIN, verticalAlign: "center" },
  ];
}

// A slip's XML, written from these templates straight into a list of pieces per slip: every
// slip of a run has the same table grid, labels and looks (the named styles above), and only the
// person's values differ. This is the XML docx-writer.ts's Paragraph, TextRun, Table, TableRow
// and TableCell write for the same options (test/build/feedback-slips.test.ts compares the two),
// without building thousands of elements per unit. The markup between two values is encoded to
// UTF-8 once, when first met (and kept for the process), and copied into the document as bytes:
// only the values are encoded slip by slip, and no string of a whole slip is built.

/** The markup of a paragraph on `style`, up to its run's text; the runs carry nothing of their own. */
function paragraphOpen(style: string, alignment?: "right"): string {
  const jc = alignment === undefined ? "" : `<w:jc w:val="${alignment}"/>`;
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${jc}</w:pPr><w:r><w:t xml:space="preserve">`;
}

const PARAGRAPH_CLOSE = "</w:t></w:r></w:p>";

/** A paragraph of one run of `text` on `style`. */
function paragraphXml(style: string, text: string): string {
  return `${paragraphOpen(style)}${escapeXml(text)}${PARAGRAPH_CLOSE}`;
}

/** `<w:tc>` up to its paragraphs: a cell of `width`, over `span` grid columns (its text centred by the table's style). */
function cellStart(width: number, span?: number): string {
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span ? `<w:gridSpan w:val="${span}"/>` : ""}</w:tcPr>`;
}

const LABEL_CELL = cellStart(LABEL_WIDTH);
const CELL_END = "</w:tc>";
/** A value cell up to its first line's text, and the markup between two lines of a wide cell. */
const VALUE_OPEN = cellStart(VALUE_WIDTH) + paragraphOpen(STYLE.tableText);
const WIDE_OPEN = cellStart(WIDE_WIDTH, 3) + paragraphOpen(STYLE.tableText);
const VALUE_CLOSE = PARAGRAPH_CLOSE + CELL_END;

/** The table on its style (borders, cell margins), its width and grid. */
const TABLE_START =
  `<w:tbl><w:tblPr><w:tblStyle w:val="${STYLE.table}"/><w:tblW w:type="dxa" w:w="${2 * (LABEL_WIDTH + VALUE_WIDTH)}"/></w:tblPr>` +
  `<w:tblGrid>${[LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH].map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;

/** A row's start: it breaks across pages only when it is taller than a page. */
const ROW_START = { whole: "<w:tr><w:trPr><w:cantSplit/></w:trPr>", broken: "<w:tr>" } as const;

const utf8 = (xml: string): Buffer => Buffer.from(xml, "utf8");

/** Markup the same on every slip, encoded once. */
const ENCODED = {
  titleOpen: utf8(paragraphOpen(STYLE.title)),
  /** From the title's text to the unit line's. */
  subtitleOpen: utf8(PARAGRAPH_CLOSE + paragraphOpen(STYLE.subtitle)),
  /** From the unit line's text to the table's first row. */
  tableStart: utf8(PARAGRAPH_CLOSE + TABLE_START),
  lineBreak: utf8(PARAGRAPH_CLOSE + paragraphOpen(STYLE.tableText)),
  rowEnd: utf8(`${VALUE_CLOSE}</w:tr>`),
  tableEnd: utf8("</w:tbl>"),
  noteOpen: utf8(paragraphOpen(STYLE.note)),
  signatureOpen: utf8(paragraphOpen(STYLE.signature)),
  /** 单位（盖章） toward the right. */
  sealOpen: utf8(paragraphOpen(STYLE.signature, "right")),
  paragraphClose: utf8(PARAGRAPH_CLOSE),
};

/** Encoded markup kept by the label it holds: a slip has a score of labels, the same for everyone. */
function keptByLabel(make: (label: string) => string): (label: string) => Buffer {
  const kept = new Map<string, Buffer>();
  return (label) => {
    let bytes = kept.get(label);
    if (bytes === undefined) {
      bytes = utf8(make(label));
      if (kept.size < 1000) kept.set(label, bytes);
    }
    return bytes;
  };
}

const labelCell = (label: string): string => `${LABEL_CELL}${paragraphXml(STYLE.tableLabel, label)}${CELL_END}`;

/** A row's start, its first label cell and its first value cell, up to the value's text. */
const rowOpen = {
  pair: { whole: keptByLabel((label) => ROW_START.whole + labelCell(label) + VALUE_OPEN), broken: keptByLabel((label) => ROW_START.broken + labelCell(label) + VALUE_OPEN) },
  wide: { whole: keptByLabel((label) => ROW_START.whole + labelCell(label) + WIDE_OPEN), broken: keptByLabel((label) => ROW_START.broken + labelCell(label) + WIDE_OPEN) },
};
/** From the left value's text to the right value's: the second label cell between. */
const pairMiddle = keptByLabel((label) => VALUE_CLOSE + labelCell(label) + VALUE_OPEN);

/** A table row, into `out`; `fitsPage` when the whole slip fits its page, and so every row. */
function writeRow(row: SlipRow, fitsPage: boolean, out: XmlPiece[]): void {
  const start = fitsPage || rowHeight(row) < SLIP_PAGE_BUDGET ? "whole" : "broken";
  if (row.kind === "pair") {
    out.push(rowOpen.pair[start](row.left[0]), escapeXml(row.left[1]), pairMiddle(row.right[0]), escapeXml(row.right[1]), ENCODED.rowEnd);
    return;
  }
  // A paragraph per line, and one even when the cell has nothing to say (a blank field).
  out.push(rowOpen.wide[start](row.label));
  row.lines.forEach((line, i) => {
    if (i > 0) out.push(ENCODED.lineBreak);
    out.push(escapeXml(line));
  });
  out.push(ENCODED.rowEnd);
}

/**
 * A slip's body, fitted to its page: title, unit and period, the table, the notes, the signature
 * lines. A slip that fits as it is (most: fitSlip gives it back as it is) has no row taller than
 * the page, and its rows' heights are not worked out twice.
 */
function slipXml(slip: SlipContent): XmlPiece[] {
  const fitted = fitSlip(slip);
  const fitsPage = fitted === slip;
  const out: XmlPiece[] = [ENCODED.titleOpen, escapeXml(fitted.title), ENCODED.subtitleOpen, escapeXml(fitted.unitLine), ENCODED.tableStart];
  for (const row of fitted.rows) writeRow(row, fitsPage, out);
  out.push(ENCODED.tableEnd);
  for (const note of fitted.notes) out.push(ENCODED.noteOpen, escapeXml(note), ENCODED.paragraphClose);
  // 反馈人 and 本人签收 at the left, 单位（盖章） toward the right, as a form is signed.
  fitted.signatures.forEach((text, i) => {
    out.push(i === 1 ? ENCODED.sealOpen : ENCODED.signatureOpen, escapeXml(text), ENCODED.paragraphClose);
  });
  return out;
}

/** The page header of a draft's slips: 草稿 on every page (outputs.md). */
function draftHeader(text: string): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.draftMark, children: [new TextRun({ text })] })] });
}

/** 反馈单.docx bytes: a section, and so a new page, per slip, each fitted to its page. */
export async function writeFeedbackSlips(slips: readonly SlipContent[], wording: SlipWording): Promise<Buffer> {
  const fonts = wording.fonts;
  const page = { page: A4_PAGE };
  const headers = new Map<string, Header>();
  const headerOf = (text: string): Header => {
    let header = headers.get(text);
    if (!header) headers.set(text, (header = draftHeader(text)));
    return header;
  };
  const sections =
    slips.length > 0
      ? slips.map((slip) => ({
          properties: page,
          ...(slip.draft ? { headers: { default: headerOf(slip.draft) } } : {}),
          children: [new BodyXml(slipXml(slip))],
        }))
      : [{ properties: page, children: [new Paragraph({ children: [new TextRun({ text: wording.noPersons, ...chineseRun(fonts.body, fonts.latin, TABLE_PT) })] })] }];
  const title = slips[0]?.title ?? wording.noPersons;
  return packDocx(new Document({ sections }), { title, fonts, styles: slipStylesOnce(fonts) });
}
