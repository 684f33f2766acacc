// The writer of output workbooks (outputs.md "Per unit", "Per run", "Safety of files"). The
// pipeline describes sheets as plain data (titles, header, rows of typed cells, widths, fills);
// this file turns a description into .xlsx bytes, writing the SpreadsheetML itself. The same
// description gives the same bytes: creator and dates are fixed and the zip entries carry no
// clock time.
//
// exceljs wrote these files until a city's quarter end (1,000 units, bench/run.js): its model of
// every cell and style, and its JavaScript deflate, took a quarter of the run. The XML is what
// exceljs wrote for the same description, less what no client needs (theme, extension lists).

import type { ChartSpec } from "./chart-xml.js";
import { CHART_CONTENT_TYPE, CHART_NAMESPACE, CHART_RELATIONSHIP, chartXml } from "./chart-xml.js";
import { cellAddress, columnLetters } from "./plain.js";
import { XML_DECLARATION, XML_INVALID, endsSurrogatePair, escapeXml } from "./xml-text.js";
import type { PackagePart } from "./zip-writer.js";
import { officePackage, RELATIONSHIPS_NAMESPACE, relationshipsXml } from "./zip-writer.js";

/** One cell of an output sheet. Numbers are already exact-rounded by the caller's `decimal`. */
export type SheetCell =
  | { kind: "blank" }
  | { kind: "text"; text: string }
  /** Shown with two decimals (`0.00`). */
  | { kind: "decimal"; value: number }
  | { kind: "integer"; value: number }
  /** A share (0.4 = 40%), shown as `0.00%`. */
  | { kind: "percent"; value: number };

export interface SheetRow {
  cells: SheetCell[];
  /** Background colour of the whole row, `RRGGBB`. */
  fill?: string;
  /** A sub-heading inside a sheet (e.g. the department table under 汇总). */
  bold?: boolean;
}

export interface SheetColumn {
  header: string;
  /** Width in characters (a Chinese character counts about 2). */
  width: number;
}

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (Excel's limits). */
  name: string;
  /** Title rows above the header; the first is the heading and gets （草稿） in a draft. */
  titles: string[];
  columns: SheetColumn[];
  rows: SheetRow[];
  orientation: "landscape" | "portrait";
  /** Native charts placed on the sheet, their top-left corner at a cell. */
  charts?: SheetChart[];
  /** An autofilter on the header row over the rows of the table (Excel's 筛选). */
  autoFilter?: boolean;
  /**
   * Lines below the table, after a blank row, without borders, each across the sheet's width:
   * the sign-off of a filed table (制表人, 审核人, ...).
   */
  closingLines?: string[];
}

/** The row under the table where a sheet's closing lines end, for what is placed below them (a chart). */
export function rowsUsed(spec: Pick<SheetSpec, "titles" | "rows" | "closingLines">, draft = false): number {
  const titles = spec.titles.length > 0 ? spec.titles.length : draft ? 1 : 0;
  const closing = spec.closingLines && spec.closingLines.length > 0 ? spec.closingLines.length + 1 : 0;
  return titles + 1 + spec.rows.length + closing;
}

/** A chart placed on a sheet at `fromCell` (e.g. "B12"), at its size in pixels at 96 dpi. */
export interface SheetChart {
  chart: ChartSpec;
  fromCell: string;
  widthPx: number;
  heightPx: number;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** A draft workbook (a 待定 person, rules.md §5) says （草稿） in every sheet's title. */
  draft: boolean;
}

export const DRAFT_MARK = "（草稿）";

export const BLANK: SheetCell = { kind: "blank" };

export function textCell(text: string | null | undefined): SheetCell {
  return text === null || text === undefined || text === "" ? BLANK : { kind: "text", text };
}

export function integerCell(value: number | null | undefined): SheetCell {
  if (value === null || value === undefined) return BLANK;
  if (!Number.isInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return { kind: "integer", value };
}

const BODY_FONT = "宋体";
const TITLE_FONT = "黑体";
const HEADER_FILL = "D9D9D9";
const BORDER_COLOR = "FF808080";

/** Width of text in column-width units: a Chinese (full-width) character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    // A character beyond U+FFFF counts once, as two columns (by its first unit).
    if (!endsSurrogatePair(text, i)) width += text.charCodeAt(i) > 0x2e80 ? 2 : 1;
  }
  return width;
}

/**
 * Lines a wrapped cell needs. Excel and LibreOffice do not grow a row for wrapped text written
 * by a program, so each row is given the height of its tallest cell.
 */
export function linesNeeded(text: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 1);
  // No character is wider than two columns (nor than its two UTF-16 units): a short line is one,
  // without measuring it (a list of a city's twenty quarters has some 600,000 text cells).
  if (text.length * 2 <= usable && !text.includes("\n")) return 1;
  return text.split("\n").reduce((lines, line) => lines + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;
/** Title fonts: the heading 14 pt (a line 20 pt high), the lines under it 11 pt, as the body. */
const TITLE_SIZE = 14;
const TITLE_LINE_HEIGHT = 20;
const BODY_SIZE = 11;

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new Error(`sheet name Excel cannot hold: ${JSON.stringify(name)}`);
  }
}

const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** The namespace of r:id attributes, and the stem of every relationship type below. */

/**
 * Text as a shared string holds it: without characters XML cannot hold (dropped first, so that
 * dropping one cannot join an escape), and with a literal `_x0041_` escaped as `_x005F_x0041_`,
 * which Excel would otherwise read as the character `A`.
 */
function cellText(text: string): string {
  // Most texts have neither (a unit's result workbook has some 600 distinct texts): one test each.
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(XML_INVALID, "").replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

/** A character XML cannot hold, or `_` (which may start an `_x0041_`). */
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF_]/;

/** Built-in number formats (ECMA-376 Part 1, 18.8.30): `0` is 1, `0.00` is 2, `0.00%` is 10. */
const NUMBER_FORMAT_ID: Record<"decimal" | "integer" | "percent", number> = { decimal: 2, integer: 1, percent: 10 };

interface CellStyle {
  font: { name: string; size: number; bold: boolean };
  horizontal: "left" | "center" | "right";
  fill?: string;
  border: boolean;
  numberFormat: number;
}

/** The styles of a workbook, each font, fill and cell format written once and used by index. */
class StyleBook {
  // Font 0 is the workbook's default: column widths are measured in its digits, as exceljs had it.
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  /** No border, and a thin grey line on every side. */
  private readonly borders = [
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
    `<border>${["left", "right", "top", "bottom"].map((side) => `<${side} style="thin"><color rgb="${BORDER_COLOR}"/></${side}>`).join("")}<diagonal/></border>`,
  ];
  private readonly formats = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly known = { fonts: new Map<string, number>(), fills: new Map<string, number>(), formats: new Map<string, number>() };

  private indexOf(kind: "fonts" | "fills" | "formats", xml: string): number {
    let id = this.known[kind].get(xml);
    if (id === undefined) {
      id = this[kind].length;
      this[kind].push(xml);
      this.known[kind].set(xml, id);
    }
    return id;
  }

  private readonly styleIds = new Map<string, number>();

  /** The `s` of a cell with this style. */
  id(style: CellStyle): number {
    const key = `${style.font.name}|${style.font.size}|${style.font.bold}|${style.horizontal}|${style.fill ?? ""}|${style.border}|${style.numberFormat}`;
    let id = this.styleIds.get(key);
    if (id === undefined) {
      id = this.format(style);
      this.styleIds.set(key, id);
    }
    return id;
  }

  private format(style: CellStyle): number {
    const font = this.indexOf("fonts", `<font>${style.font.bold ? "<b/>" : ""}<sz val="${style.font.size}"/><name val="${escapeXml(style.font.name)}"/></font>`);
    const fill = style.fill ? this.indexOf("fills", `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/></patternFill></fill>`) : 0;
    const border = style.border ? 1 : 0;
    const applied =
      (style.numberFormat !== 0 ? ' applyNumberFormat="1"' : "") + ' applyFont="1"' + (fill !== 0 ? ' applyFill="1"' : "") + (border !== 0 ? ' applyBorder="1"' : "") + ' applyAlignment="1"';
    return this.indexOf(
      "formats",
      `<xf numFmtId="${style.numberFormat}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}>` +
        `<alignment horizontal="${style.horizontal}" vertical="center" wrapText="1"/></xf>`,
    );
  }

  xml(): string {
    const list = (name: string, items: string[]): string => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NAMESPACE}">` +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      list("cellXfs", this.formats) +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

/** The workbook's shared strings: every text cell is one (t="s"), never a formula. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly strings: string[] = [];
  private uses = 0;
  /** The id of each text as given, before cellText: most cells repeat a text seen before. */
  private readonly given = new Map<string, number>();

  /** Per column, the last text given there and its id: a column often repeats the cell above (a grade). */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastId: number[] = [];

  /** The id of a cell's text as given in `column`, not looked up again when it is the text above. */
  idInColumn(text: string, column: number): number {
    if (this.lastText[column] === text) {
      this.uses += 1;
      return this.lastId[column]!;
    }
    const id = this.idOfGiven(text);
    this.lastText[column] = text;
    this.lastId[column] = id;
    return id;
  }

  /** The id of a cell's text as given (cleaned by cellText once per distinct text). */
  idOfGiven(text: string): number {
    const id = this.given.get(text);
    if (id !== undefined) {
      this.uses += 1;
      return id;
    }
    const fresh = this.id(cellText(text));
    this.given.set(text, fresh);
    return fresh;
  }

  id(text: string): number {
    this.uses += 1;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = this.strings.map((text) => {
      // Leading or trailing spaces and line breaks are kept only with xml:space="preserve".
      const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      return `<si><t${preserve}>${escapeXml(text)}</t></si>`;
    });
    return `${XML_DECLARATION}<sst xmlns="${MAIN_NAMESPACE}" count="${this.uses}" uniqueCount="${this.strings.length}">${items.join("")}</sst>`;
  }
}

/**
 * A sheet's XML as UTF-8 bytes, written cell by cell into one buffer that grows as it fills. A
 * city's list (29,000 rows of 30 cells) made as a string per cell, joined at the end, held some
 * 900,000 strings at once: 300 MB of heap that the collector copied and marked again and again.
 * The markup and the numbers are ASCII, written a byte a character without making a string.
 */
class XmlBytes {
  private buffer: Buffer;
  private length = 0;

  constructor(expected: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(1024, expected));
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Any text, as UTF-8 (at most three bytes for each UTF-16 unit). */
  write(text: string): void {
    this.room(text.length * 3);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  /** Text known to hold ASCII only: markup, a cell's address, a number. */
  ascii(text: string): void {
    this.room(text.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** A non-negative integer's digits. */
  digits(value: number): void {
    let size = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) size += 1;
    this.room(size);
    let at = this.length + size;
    this.length = at;
    let rest = value;
    do {
      this.buffer[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** Column letters by column number, worked out once for every cell of a column. */
const columnLetterCache: string[] = [];

/** `<c r="B7" s="3" .../>`: a cell of row `row` (its number already written as `rowText`). */
function writeCell(out: XmlBytes, rowText: string, column: number, value: SheetCell, style: number, strings: SharedStrings): void {
  out.ascii('<c r="');
  out.ascii((columnLetterCache[column] ??= columnLetters(column)));
  out.ascii(rowText);
  out.ascii('" s="');
  out.digits(style);
  switch (value.kind) {
    case "blank":
      out.ascii('"/>');
      return;
    case "text":
      // A shared string is text: `=1+1` or `@SUM(A1)` stays visible text and never becomes a
      // formula (outputs.md "Safety of files").
      out.ascii('" t="s"><v>');
      out.digits(strings.idInColumn(value.text, column));
      out.ascii("</v></c>");
      return;
    case "decimal":
    case "integer":
    case "percent":
      if (!Number.isFinite(value.value)) throw new RangeError(`not a finite number: ${value.value}`);
      out.ascii('"><v>');
      out.ascii(String(value.value));
      out.ascii("</v></c>");
      return;
  }
}

/** A row's start tag, `<row r="7" ht="33" customHeight="1">`. */
function writeRowStart(out: XmlBytes, rowText: string, height?: number): void {
  out.ascii('<row r="');
  out.ascii(rowText);
  out.ascii(height === undefined ? '">' : `" ht="${height}" customHeight="1">`);
}

/** `'结果'!$3:$3`: a sheet name in a reference, quoted, its apostrophes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

interface WrittenSheet {
  name: string;
  xml: Buffer;
  charts: readonly SheetChart[];
  /** The row repeated on every printed page: the header. */
  headerRow: number;
  /** The autofilter's range, `A3:N15`, or null. */
  filter: string | null;
}

function sheetXml(spec: SheetSpec, draft: boolean, styles: StyleBook, strings: SharedStrings): WrittenSheet {
  checkSheetName(spec.name);
  const width = Math.max(1, spec.columns.length);
  const titleRows = spec.titles.length > 0 ? [...spec.titles] : draft ? [""] : [];
  if (draft && titleRows.length > 0) titleRows[0] = `${titleRows[0]}${DRAFT_MARK}`;
  const headerRow = titleRows.length + 1;
  const lastTableRow = headerRow + spec.rows.length;
  const firstData = `A${headerRow + 1}`;
  const columns = spec.columns.map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"/>`).join("");
  // Some 40 bytes a cell: the buffer is seldom grown.
  const out = new XmlBytes(2048 + (titleRows.length + 1 + spec.rows.length + (spec.closingLines?.length ?? 0)) * width * 40);
  out.write(
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">` +
      `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${firstData}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${firstData}" sqref="${firstData}"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      (columns ? `<cols>${columns}</cols>` : "") +
      `<sheetData>`,
  );

  // A line across the sheet (a title, a closing line): merged over every column, as high as its
  // wrapped text needs at its font size (a program's wrapped text does not grow a row by itself).
  const tableWidth = spec.columns.reduce((total, column) => total + column.width, 0) || 10;
  const fullWidthRow = (row: number, text: string, style: number, size: number, minHeight: number): void => {
    const rowText = String(row);
    const lines = linesNeeded(text, Math.floor((tableWidth * BODY_SIZE) / size));
    writeRowStart(out, rowText, Math.max(minHeight, lines * (size === TITLE_SIZE ? TITLE_LINE_HEIGHT : LINE_HEIGHT) + 8));
    writeCell(out, rowText, 1, textCell(text), style, strings);
    for (let c = 2; c <= width; c++) writeCell(out, rowText, c, BLANK, style, strings);
    out.ascii("</row>");
  };
  titleRows.forEach((title, i) => {
    const style = styles.id({
      font: i === 0 ? { name: TITLE_FONT, size: TITLE_SIZE, bold: true } : { name: BODY_FONT, size: BODY_SIZE, bold: false },
      horizontal: i === 0 ? "center" : "left",
      border: false,
      numberFormat: 0,
    });
    // The title is merged across the columns; the merged cells carry its style.
    fullWidthRow(i + 1, title, style, i === 0 ? TITLE_SIZE : BODY_SIZE, i === 0 ? 28 : 20);
  });

  const headerStyle = styles.id({ font: { name: BODY_FONT, size: 11, bold: true }, horizontal: "center", fill: HEADER_FILL, border: true, numberFormat: 0 });
  const headerLines = Math.max(1, ...spec.columns.map((column) => linesNeeded(column.header, column.width)));
  writeRowStart(out, String(headerRow), headerLines > 1 ? headerLines * LINE_HEIGHT + 3 : undefined);
  spec.columns.forEach((column, i) => writeCell(out, String(headerRow), i + 1, textCell(column.header), headerStyle, strings));
  out.ascii("</row>");

  // A body cell's style follows from its row's bold and fill and its own kind: worked out once
  // per kind and kind of row, not once per cell.
  const bodyStyles = new Map<string, Map<SheetCell["kind"], number>>();
  spec.rows.forEach((rowSpec, r) => {
    if (rowSpec.cells.length > width) throw new Error(`row ${r + 1} of ${spec.name} has more cells than columns`);
    const rowText = String(headerRow + 1 + r);
    const rowKey = `${rowSpec.bold === true}|${rowSpec.fill ?? ""}`;
    let rowStyles = bodyStyles.get(rowKey);
    if (rowStyles === undefined) bodyStyles.set(rowKey, (rowStyles = new Map()));
    const styleOf = (kind: SheetCell["kind"]): number => {
      let style = rowStyles.get(kind);
      if (style === undefined) {
        style = styles.id({
          font: { name: BODY_FONT, size: 11, bold: rowSpec.bold === true },
          horizontal: kind === "text" || kind === "blank" ? "left" : "right",
          fill: rowSpec.fill,
          border: true,
          numberFormat: kind === "decimal" || kind === "integer" || kind === "percent" ? NUMBER_FORMAT_ID[kind] : 0,
        });
        rowStyles.set(kind, style);
      }
      return style;
    };
    // The row's height goes in its start tag, before its cells.
    let lines = 1;
    rowSpec.cells.forEach((value, c) => {
      if (value.kind === "text") lines = Math.max(lines, linesNeeded(value.text, spec.columns[c]?.width ?? 10));
    });
    // Excel refuses a row taller than 409 points (a long 个人小结): the rest stays in the cell.
    writeRowStart(out, rowText, lines > 1 ? Math.min(lines * LINE_HEIGHT + 3, MAX_ROW_HEIGHT) : undefined);
    for (let c = 0; c < width; c++) {
      const value = rowSpec.cells[c] ?? BLANK;
      writeCell(out, rowText, c + 1, value, styleOf(value.kind), strings);
    }
    out.ascii("</row>");
  });

  const closingRows: number[] = [];
  if (spec.closingLines && spec.closingLines.length > 0) {
    const style = styles.id({ font: { name: BODY_FONT, size: BODY_SIZE, bold: false }, horizontal: "left", border: false, numberFormat: 0 });
    spec.closingLines.forEach((text, i) => {
      const row = lastTableRow + 2 + i;
      closingRows.push(row);
      fullWidthRow(row, text, style, BODY_SIZE, 24);
    });
  }

  const merged = [...titleRows.map((_, i) => i + 1), ...closingRows];
  const merges = width > 1 ? merged.map((row) => `<mergeCell ref="A${row}:${cellAddress(row, width)}"/>`) : [];
  const filter = spec.autoFilter ? `A${headerRow}:${cellAddress(Math.max(headerRow, lastTableRow), width)}` : null;
  const footer = "&amp;C第 &amp;P 页，共 &amp;N 页";
  out.write(
    `</sheetData>` +
      (filter ? `<autoFilter ref="${filter}"/>` : "") +
      (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
      `<printOptions horizontalCentered="1"/>` +
      `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
      // A4 (paperSize 9), one page wide and as many pages long as it takes.
      `<pageSetup paperSize="9" orientation="${spec.orientation}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddFooter>${footer}</oddFooter><evenFooter>${footer}</evenFooter></headerFooter>` +
      // The sheet's only relationship, when it has charts, is its drawing (writeXlsx).
      (spec.charts && spec.charts.length > 0 ? `<drawing r:id="rId1"/>` : "") +
      `</worksheet>`,
  );
  return { name: spec.name, xml: out.bytes(), headerRow, charts: spec.charts ?? [], filter };
}

function workbookXml(sheets: readonly WrittenSheet[]): string {
  // rId1 and rId2 are the styles and the shared strings (writeXlsx).
  const entries = sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join("");
  // The header row is printed again on every page (outputs.md 结果).
  const titles = sheets
    .map((sheet, i) => {
      const name = escapeXml(quotedSheet(sheet.name)).replace(/'/g, "&apos;");
      // Excel keeps an autofilter's range as this hidden name too, and looks for it.
      const filter = sheet.filter
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${name}!${sheet.filter.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</definedName>`
        : "";
      return `${filter}<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${name}!$${sheet.headerRow}:$${sheet.headerRow}</definedName>`;
    })
    .join("");
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">` +
    `<workbookPr/><bookViews><workbookView/></bookViews><sheets>${entries}</sheets>` +
    (titles ? `<definedNames>${titles}</definedNames>` : "") +
    `</workbook>`
  );
}

const EMU_PER_PIXEL = 9525;
const XDR_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** "B12" → zero-based column 1 and row 11, as a drawing anchor counts them. */
function anchorOf(cell: string): { column: number; row: number } {
  const match = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(cell);
  if (!match) throw new Error(`not a cell address: ${cell}`);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) - 1 };
}

/** A sheet's drawing part (ECMA-376 Part 1, 20.5): one chart frame per anchor, rIdN → chart N. */
function drawingXml(charts: readonly SheetChart[], firstId: number): string {
  const anchors = charts.map((sheetChart, i) => {
    const { column, row } = anchorOf(sheetChart.fromCell);
    const cx = Math.round(sheetChart.widthPx * EMU_PER_PIXEL);
    const cy = Math.round(sheetChart.heightPx * EMU_PER_PIXEL);
    const id = firstId + i;
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="图表${id}" descr="${escapeXml(sheetChart.chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${CHART_NAMESPACE}"><c:chart xmlns:c="${CHART_NAMESPACE}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${XDR_NAMESPACE}" xmlns:a="${A_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">${anchors.join("")}</xdr:wsDr>`;
}

/** The drawing, chart and relationship parts of the sheets that carry charts. */
function chartParts(sheets: readonly WrittenSheet[]): PackagePart[] {
  const parts: PackagePart[] = [];
  let drawings = 0;
  let charts = 0;
  sheets.forEach((sheet, i) => {
    if (sheet.charts.length === 0) return;
    drawings += 1;
    const first = charts + 1;
    const names = sheet.charts.map(() => `chart${++charts}.xml`);
    parts.push(
      { name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: relationshipsXml([{ type: `${RELATIONSHIPS_NAMESPACE}/drawing`, target: `../drawings/drawing${drawings}.xml` }]) },
      { name: `xl/drawings/drawing${drawings}.xml`, contentType: CONTENT_TYPE.drawing, data: drawingXml(sheet.charts, first) },
      { name: `xl/drawings/_rels/drawing${drawings}.xml.rels`, data: relationshipsXml(names.map((name) => ({ type: CHART_RELATIONSHIP, target: `../charts/${name}` }))) },
      ...sheet.charts.map((sheetChart, k) => ({ name: `xl/charts/${names[k]}`, contentType: CHART_CONTENT_TYPE, data: chartXml(sheetChart.chart, "xlsx") })),
    );
  });
  return parts;
}

const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
};

/** The .xlsx bytes of `spec`; the same spec always gives the same bytes. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const styles = new StyleBook();
  const strings = new SharedStrings();
  const sheets = spec.sheets.map((sheet) => sheetXml(sheet, spec.draft, styles, strings));
  const parts: PackagePart[] = [
    { name: "xl/workbook.xml", contentType: CONTENT_TYPE.workbook, data: workbookXml(sheets) },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, contentType: CONTENT_TYPE.worksheet, data: sheet.xml })),
    { name: "xl/styles.xml", contentType: CONTENT_TYPE.styles, data: styles.xml() },
    { name: "xl/sharedStrings.xml", contentType: CONTENT_TYPE.sharedStrings, data: strings.xml() },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: relationshipsXml([
        { type: `${RELATIONSHIPS_NAMESPACE}/styles`, target: "styles.xml" },
        { type: `${RELATIONSHIPS_NAMESPACE}/sharedStrings`, target: "sharedStrings.xml" },
        ...sheets.map((_, i) => ({ type: `${RELATIONSHIPS_NAMESPACE}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
      ]),
    },
    ...chartParts(sheets),
  ];
  return officePackage(parts);
}
