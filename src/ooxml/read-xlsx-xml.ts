// The worksheets of a guarded .xlsx (open-guard.ts) as plain sheets, read straight from the
// parts' XML: the workbook's sheet list and relationships, shared strings, the number formats
// that make a number a date, and every worksheet's cells and merged ranges. It replaced
// exceljs's reader, which builds a model of every style, row and cell and was most of the time of
// a city's quarter end (1,000 workbooks; bench/run.js shows the figures). It reads every fixture
// as exceljs did (read-xlsx-xml.test.ts compares them), and reads right where exceljs did not:
// the date formats of Chinese Excel and WPS (built-in 27-36, 50-58) were numbers to exceljs, a
// formula whose cached result is 0 had no result, and `t="d"` cells were numbers.
//
// Cell values, after workbook.md "Cell values":
// - a formula counts by its cached result (`<v>`), typed by the cell's `t` and, for numbers, by
//   its number format; without a cached result it is `noResult` with its formula (a shared
//   formula's own, slid from its master as Excel shows it);
// - `t="e"` is an error value; `t="s"` a shared string; `t="inlineStr"` inline text; rich text
//   runs are joined and phonetic runs (rPh) left out, as Excel displays the cell;
// - a number whose format is a date format is a date; so is `t="d"` (ISO 8601 text);
// - a merged range gives its top-left value to every cell in it.
// A part that is not well-formed, or a workbook whose parts do not fit together, throws
// XmlDamage; the caller turns it into the file's one E_FILE_CORRUPT problem.

import { ArraySheet } from "./array-sheet.js";
import { BLANK, type CellValue, type PlainSheet, cellAddress, columnLetters } from "./plain.js";
import { XmlDamage, XmlScanner } from "./xml-scanner.js";

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;
/** Where Excel, WPS and LibreOffice put the workbook part, when the package does not say. */
export const WORKBOOK_PART = "xl/workbook.xml";
const RELATIONSHIP_TYPE = {
  /** The package's main part (ECMA-376 Part 2, the `_rels/.rels` of the package); strict or transitional. */
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
};

/**
 * The merged ranges read so far cover more cells than the workbook may: counted as they are read,
 * by the same parser that applies them, before any cell of them is filled.
 */
export class MergesTooLarge extends Error {
  constructor(
    readonly largest: string,
    readonly limit: number,
  ) {
    super(`merged ranges cover more than ${limit} cells`);
  }
}

/** The package's main part is not a workbook (a Word document, say), or there is none. */
export class NotAWorkbook extends XmlDamage {}

/** Where reading went wrong, for the clerk's message: the workbook's structure or one sheet. */
export class SheetDamage extends XmlDamage {
  constructor(
    readonly sheet: string,
    cause: string,
  ) {
    super(cause);
  }
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
function resolveTarget(sourceFolder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : sourceFolder.split("/").filter((s) => s !== "");
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/").toLowerCase();
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(bytes: Buffer | undefined, sourceFolder: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  if (!bytes) return relationships;
  const xml = new XmlScanner(bytes);
  for (let token = xml.next(); token !== "end"; token = xml.next()) {
    if (token !== "open" || xml.name !== "Relationship") continue;
    const id = xml.attribute("Id");
    const target = xml.attribute("Target");
    if (id === undefined || target === undefined || xml.attribute("TargetMode") === "External") continue;
    relationships.set(id, { type: xml.attribute("Type") ?? "", target: resolveTarget(sourceFolder, target) });
  }
  return relationships;
}

interface SheetEntry {
  name: string;
  relationshipId: string;
}

function readWorkbookPart(bytes: Buffer): { sheets: SheetEntry[]; date1904: boolean } {
  const xml = new XmlScanner(bytes);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (let token = xml.next(); token !== "end"; token = xml.next()) {
    if (token !== "open") continue;
    if (xml.depth === 1 && xml.name !== "workbook") throw new NotAWorkbook(`the main part is a ${xml.name}`);
    // Only the workbook's own workbookPr: Excel 2013 and later also write an `x15:workbookPr`
    // (chartTrackingRefBase) in the extLst, which says nothing of the date system.
    if (xml.name === "workbookPr" && xml.depth === 2) {
      const value = xml.attribute("date1904");
      date1904 = value === "1" || value === "true";
    } else if (xml.name === "sheet" && xml.depth === 3) {
      const name = xml.attribute("name");
      const relationshipId = xml.attribute("id");
      // An entry without a name or a part is no sheet anyone can open: left out, and the other
      // sheets read (a parser that needs it says the sheet is missing).
      if (name === undefined || relationshipId === undefined || relationshipId === "") continue;
      sheets.push({ name, relationshipId });
    }
  }
  return { sheets, date1904 };
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19). */
function unescapeExcel(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/**
 * The text of a string item (`<si>` or `<is>`) just opened: its `<t>`, or its runs' `<t>` joined;
 * phonetic runs (`<rPh>`, furigana) are not part of what the cell shows.
 */
function readStringItem(xml: XmlScanner): string {
  const depth = xml.depth;
  let text = "";
  for (;;) {
    const token = xml.next();
    if (token === "end") return unescapeExcel(text);
    if (token === "close" && xml.depth < depth) return unescapeExcel(text);
    if (token !== "open") continue;
    if (xml.name === "t") text += xml.elementText();
    else if (xml.name === "rPh") xml.skipElement();
  }
}

/** Every shared string as the cell value it gives, made once and shared by every cell that uses it. */
function readSharedStrings(bytes: Buffer | undefined): CellValue[] {
  const strings: CellValue[] = [];
  if (!bytes) return strings;
  const xml = new XmlScanner(bytes);
  for (let token = xml.next(); token !== "end"; token = xml.next()) {
    if (token === "open" && xml.name === "si") strings.push({ kind: "text", text: readStringItem(xml) });
  }
  return strings;
}

/** What a number cell shows under its format: a date, a time of day or a duration, or a number. */
export type NumberFormatKind = "date" | "time" | "number";

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30) that show a date: 14-17 and 22 (with a time),
 * and 27-31, 36, 50-54, 57, 58, the dates of Chinese, Japanese and Korean Excel
 * (`yyyy"年"m"月"d"日"` is 31), which WPS and Chinese Excel write; and those that show only a time
 * or a duration: 18-21, 32-35 (`h"时"mm"分"`), 45-47 (`[h]:mm:ss` among them), 55, 56.
 */
function builtInKind(id: number): NumberFormatKind {
  if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 31) || id === 36 || (id >= 50 && id <= 54) || id === 57 || id === 58) return "date";
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id === 55 || id === 56) return "time";
  return "number";
}

/**
 * What a custom format shows, by its letters outside quotes, escapes and brackets: a year, day
 * (or a Buddhist year, b) makes a date; else an hour, a second or an elapsed `[h]`/`[mm]`/`[ss]`
 * a time or duration (`mm:ss` is minutes); else a lone `m`/`mmm` is a month, a date.
 */
export function numberFormatKind(code: string): NumberFormatKind {
  const elapsed = /\[(?:h+|m+|s+)]/i.test(code);
  const letters = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*]/g, "")
    .replace(/general/gi, "")
    .replace(/AM\/PM|A\/P/gi, "");
  if (/[ydb]/i.test(letters)) return "date";
  if (elapsed || /[hs]/i.test(letters)) return "time";
  if (/m/i.test(letters)) return "date";
  return "number";
}

/** A custom format shows a date or a time. */
export function isDateFormat(code: string): boolean {
  return numberFormatKind(code) !== "number";
}

/** For each cell style (`s` of a cell), what its number format shows. */
function readStyleKinds(bytes: Buffer | undefined): NumberFormatKind[] {
  if (!bytes) return [];
  const xml = new XmlScanner(bytes);
  const custom = new Map<number, string>();
  const kinds: NumberFormatKind[] = [];
  let inCellXfs = false;
  for (let token = xml.next(); token !== "end"; token = xml.next()) {
    if (token === "close" && xml.name === "cellXfs") inCellXfs = false;
    if (token !== "open") continue;
    if (xml.name === "numFmt") {
      custom.set(Number(xml.attribute("numFmtId")), xml.attribute("formatCode") ?? "");
    } else if (xml.name === "cellXfs") {
      inCellXfs = true;
    } else if (xml.name === "xf" && inCellXfs) {
      const id = Number(xml.attribute("numFmtId") ?? "0");
      const code = custom.get(id);
      kinds.push(code !== undefined ? numberFormatKind(code) : builtInKind(id));
      xml.skipElement();
    }
  }
  return kinds;
}

/**
 * `B3` → column 2, row 3; null when the text is not a cell address within Excel's grid. `into`,
 * when given, is filled and returned: a sheet's reader reuses one for every cell it reads.
 */
export function parseAddress(address: string, into?: { row: number; column: number }): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === 0 || i === address.length || i > 3) return null;
  let row = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return null;
  if (into === undefined) return { row, column };
  into.row = row;
  into.column = column;
  return into;
}

/**
 * A shared formula as it reads in another cell of its range: relative references moved by the
 * distance from the master cell, `$` references kept, function names and sheet names left alone.
 */
export function slideFormula(formula: string, from: { row: number; column: number }, to: { row: number; column: number }): string {
  return formula.replace(/((?:[A-Za-z_\-0-9]*)!)?([A-Za-z0-9_$]{2,})(\()?/g, (whole, sheet: string | undefined, part: string, call: string | undefined) => {
    if (call) return whole;
    const m = /^(\$)?([A-Za-z]{1,3})(\$)?([1-9][0-9]*)$/.exec(part);
    if (!m) return whole;
    const [, columnFixed, letters = "", rowFixed, digits = ""] = m;
    const start = parseAddress(`${letters}1`);
    if (!start) return whole;
    const column = columnFixed ? start.column : start.column + to.column - from.column;
    const row = rowFixed ? Number(digits) : Number(digits) + to.row - from.row;
    if (column < 1 || row < 1) return whole;
    return `${sheet ?? ""}${columnFixed ?? ""}${columnLetters(column)}${rowFixed ?? ""}${row}`;
  });
}

const SERIAL_UNIX_EPOCH = 25569;
const SERIAL_1904_OFFSET = 1462;
const DAY_MS = 24 * 3600 * 1000;

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date as the ISO day it falls on (time of day dropped); an impossible one shows as Excel shows it. */
function dateOf(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return { kind: "error", text: "#####" };
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return { kind: "date", iso: `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}` };
}

/**
 * An Excel serial day number as a date. The 1904 system counts from 1904-01-01 (serial 0). The
 * 1900 system takes 1900 for a leap year, as Lotus 1-2-3 did: serial 1 is 1900-01-01, 59 is
 * 1900-02-28, 60 the 1900-02-29 that never was (shown as text, and refused where a date is
 * wanted), and only from 61 (1900-03-01) on do the days run as the calendar's; 0 shows as
 * 1900-01-00.
 */
function serialDate(serial: number, date1904: boolean): CellValue {
  if (!date1904 && serial < 61) {
    const day = Math.floor(serial);
    if (day === 60) return { kind: "text", text: "1900-02-29" };
    if (day === 0) return { kind: "text", text: "1900-01-00" };
    if (day > 0) return dateOf(new Date(Math.round((serial + 1 - SERIAL_UNIX_EPOCH) * DAY_MS)));
  }
  return dateOf(new Date(Math.round((serial - SERIAL_UNIX_EPOCH + (date1904 ? SERIAL_1904_OFFSET : 0)) * DAY_MS)));
}

/**
 * A serial number shown as a time: `13:20:01` for a time of day, the hours counted on (`25:30:00`)
 * for a duration or a value of a day or more, as `[h]:mm:ss` shows it.
 */
function serialTime(serial: number): CellValue {
  const seconds = Math.round(Math.abs(serial) * 86400);
  const text = `${serial < 0 ? "-" : ""}${Math.floor(seconds / 3600)}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
  return { kind: "time", text };
}

interface WorkbookContext {
  sharedStrings: CellValue[];
  styleKinds: NumberFormatKind[];
  date1904: boolean;
  /** Cells the merged ranges of all sheets may cover, and have covered so far, and the largest range. */
  merges: { limit: number; cells: number; largest: string; largestCells: number };
}

/** What one `<c>` element held, before it is judged. */
interface CellParts {
  type: string;
  style: number;
  formula: string;
  /** The `<f>` element's `t` (shared, array) or "". */
  formulaType: string;
  sharedIndex: string;
  hasFormula: boolean;
  /** The `<v>` text; undefined without one, or with an empty one. */
  value: string | undefined;
  hasValueElement: boolean;
  inline: string | undefined;
}

function emptyParts(): CellParts {
  return { type: "n", style: 0, formula: "", formulaType: "", sharedIndex: "", hasFormula: false, value: undefined, hasValueElement: false, inline: undefined };
}

/** Number cells repeat a few values (scores); one object per distinct value, up to a point. */
const NUMBER_CACHE_LIMIT = 4096;

class SheetReader {
  private readonly sheet: ArraySheet;
  private readonly masters = new Map<string, { formula: string; row: number; column: number }>();
  private readonly numbers = new Map<string, CellValue>();
  private readonly merges: { top: number; left: number; bottom: number; right: number }[] = [];

  constructor(
    name: string,
    private readonly context: WorkbookContext,
  ) {
    this.sheet = new ArraySheet(name);
  }

  /** Where the sheet's rows are: the row and column of the cell read last. */
  private rowNumber = 0;
  private columnNumber = 0;
  /**
   * The address and parts of the cell being read, one of each for the whole sheet: made anew for
   * each of a sheet's cells they were a fifth of what reading a workbook allocated.
   */
  private readonly address = { row: 0, column: 0 };
  private readonly parts: CellParts = emptyParts();

  read(bytes: Buffer): PlainSheet {
    const xml = new XmlScanner(bytes);
    while (this.step(xml));
    this.sheet.fitRow(this.rowNumber);
    this.applyMerges();
    return this.sheet;
  }

  /**
   * The sheet read from its bytes as they are inflated, so that a worksheet of 140 MB is never
   * held whole. A step that runs out of bytes is taken again, from where it started, with more:
   * a step changes nothing it cannot do again (cells set again to the same values) before it has
   * all its bytes, but where the sheet stands. Damage is told only once all bytes are there.
   */
  async readChunks(chunks: AsyncIterable<Buffer>): Promise<PlainSheet> {
    const source = chunks[Symbol.asyncIterator]();
    try {
      // The scanner looks for a byte order mark in the bytes it starts with: at least three of them.
      const start: Buffer[] = [];
      let ended = false;
      while (!ended && start.reduce((total, chunk) => total + chunk.length, 0) < 3) {
        const next = await source.next();
        if (next.done) ended = true;
        else start.push(next.value);
      }
      const xml = new XmlScanner(Buffer.concat(start), ended);
      for (;;) {
        xml.mark();
        const { rowNumber, columnNumber } = this;
        try {
          if (!this.step(xml)) break;
        } catch (error) {
          if (!(error instanceof XmlDamage) || xml.complete) throw error;
          xml.rewind();
          this.rowNumber = rowNumber;
          this.columnNumber = columnNumber;
          // At least as many bytes as are held: a step that needs the rest of the part (damage is
          // told only at the end) costs a few copies of the part, not one per chunk.
          const wanted = xml.buffered;
          const more: Buffer[] = [];
          let size = 0;
          let ended = false;
          while (!ended && (more.length === 0 || size < wanted)) {
            const next = await source.next();
            if (next.done) ended = true;
            else {
              more.push(next.value);
              size += next.value.length;
            }
          }
          if (more.length > 0) xml.append(more.length === 1 ? more[0]! : Buffer.concat(more));
          if (ended) xml.append(null);
        }
      }
    } finally {
      await source.return?.();
    }
    this.sheet.fitRow(this.rowNumber);
    this.applyMerges();
    return this.sheet;
  }

  /** Reads one token of the sheet's part, with what it holds; false at the end of the part. */
  private step(xml: XmlScanner): boolean {
    const token = xml.next();
    if (token === "end") return false;
    if (token !== "open") return true;
    switch (xml.name) {
      case "row": {
        this.sheet.fitRow(this.rowNumber);
        const r = xml.attribute("r");
        this.rowNumber = r === undefined ? this.rowNumber + 1 : Number(r);
        if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1 || this.rowNumber > MAX_ROW) throw new XmlDamage(`bad row number ${r ?? ""}`);
        this.columnNumber = 0;
        break;
      }
      case "c": {
        const r = xml.attribute("r");
        if (r === undefined) {
          this.columnNumber += 1;
          if (this.rowNumber < 1 || this.columnNumber > MAX_COLUMN) throw new XmlDamage("a cell without address outside a row");
        } else {
          const address = parseAddress(r, this.address);
          if (!address) throw new XmlDamage(`bad cell address ${r}`);
          this.rowNumber = address.row;
          this.columnNumber = address.column;
        }
        this.readCell(xml, this.rowNumber, this.columnNumber);
        break;
      }
      case "mergeCell":
        this.addMerge(xml.attribute("ref") ?? "");
        break;
      default:
        // Sheet views, column widths, validations, hyperlinks ...: nothing a cell value depends on.
        if (xml.depth === 2 && xml.name !== "sheetData" && xml.name !== "mergeCells") xml.skipElement();
        break;
    }
    return true;
  }

  private readCell(xml: XmlScanner, row: number, column: number): void {
    const parts = this.parts;
    parts.type = xml.attribute("t") ?? "n";
    parts.style = Number(xml.attribute("s") ?? "0");
    parts.formula = "";
    parts.formulaType = "";
    parts.sharedIndex = "";
    parts.hasFormula = false;
    parts.value = undefined;
    parts.hasValueElement = false;
    parts.inline = undefined;
    if (!xml.selfClosing) {
      const depth = xml.depth;
      for (;;) {
        const token = xml.next();
        if (token === "end" || (token === "close" && xml.depth < depth)) break;
        if (token !== "open") continue;
        if (xml.name === "v") {
          const text = xml.elementText();
          parts.hasValueElement = true;
          parts.value = text === "" ? undefined : text;
        } else if (xml.name === "f") {
          parts.formulaType = xml.attribute("t") ?? "";
          parts.sharedIndex = xml.attribute("si") ?? "";
          parts.formula = xml.elementText();
          parts.hasFormula = parts.formula !== "" || parts.formulaType !== "";
        } else if (xml.name === "is") {
          parts.inline = readStringItem(xml);
        } else {
          xml.skipElement();
        }
      }
    }
    this.sheet.set(row, column, this.cellValue(parts, row, column));
  }

  private cellValue(parts: CellParts, row: number, column: number): CellValue {
    if (parts.hasFormula) {
      const formula = this.formulaText(parts, row, column);
      // A formula counts by its cached result; a file never recalculated has none (plain.ts).
      // A text result may be empty (`=""`): the cell then shows nothing.
      // Older LibreOffice and streaming writers cache a text result inline: `t="inlineStr"` with `<is>`.
      if (parts.value === undefined && parts.inline !== undefined) return parts.inline === "" ? BLANK : { kind: "text", text: parts.inline };
      if (parts.value === undefined) return parts.type === "str" && parts.hasValueElement ? BLANK : { kind: "noResult", formula };
      return this.typedValue(parts.type, parts.value, parts.style);
    }
    if (parts.type === "inlineStr") return parts.inline === undefined || parts.inline === "" ? BLANK : { kind: "text", text: parts.inline };
    if (parts.value === undefined) return BLANK;
    return this.typedValue(parts.type, parts.value, parts.style);
  }

  private formulaText(parts: CellParts, row: number, column: number): string {
    if (parts.formulaType !== "shared" || parts.sharedIndex === "") return parts.formula;
    if (parts.formula !== "") {
      this.masters.set(parts.sharedIndex, { formula: parts.formula, row, column });
      return parts.formula;
    }
    const master = this.masters.get(parts.sharedIndex);
    return master ? slideFormula(master.formula, master, { row, column }) : "";
  }

  private typedValue(type: string, value: string, style: number): CellValue {
    switch (type) {
      case "s": {
        const shared = this.context.sharedStrings[Number(value)];
        if (shared === undefined) throw new XmlDamage(`shared string ${value} does not exist`);
        return shared;
      }
      case "str":
      case "inlineStr":
        return { kind: "text", text: value };
      case "b":
        return { kind: "boolean", value: Number.parseInt(value, 10) !== 0 };
      case "e":
        return { kind: "error", text: value };
      case "d":
        return dateOf(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) || !value.includes("T") ? value : `${value}Z`));
      default:
        return this.number(value, style);
    }
  }

  private number(value: string, style: number): CellValue {
    const kind = this.context.styleKinds[style] ?? "number";
    const key = kind === "number" ? value : `${kind[0]}${value}`;
    const known = this.numbers.get(key);
    if (known) return known;
    const number = Number(value.trim());
    if (value.trim() === "" || !Number.isFinite(number)) throw new XmlDamage(`a number cell holds ${value}`);
    const cell: CellValue =
      kind === "date" ? serialDate(number, this.context.date1904) : kind === "time" ? serialTime(number) : { kind: "number", value: number };
    if (this.numbers.size < NUMBER_CACHE_LIMIT) this.numbers.set(key, cell);
    return cell;
  }

  private addMerge(ref: string): void {
    const [first = "", second] = ref.split(":");
    const a = parseAddress(first);
    const b = second === undefined ? a : parseAddress(second);
    if (!a || !b) throw new XmlDamage(`bad merged range ${ref}`);
    const range = {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    const merges = this.context.merges;
    merges.cells += cells;
    if (cells > merges.largestCells) {
      merges.largestCells = cells;
      merges.largest = ref;
    }
    if (merges.cells > merges.limit) throw new MergesTooLarge(merges.largest, merges.limit);
    this.merges.push(range);
  }

  /**
   * Every cell of a merged range reads as its top-left cell (workbook.md), whatever it held.
   * Ranges that overlap are damage: Excel never writes them. Their size is bounded (`addMerge`).
   */
  private applyMerges(): void {
    const covered = new Set<number>();
    for (const range of this.merges) {
      const master = this.sheet.cell(range.top, range.left);
      for (let row = range.top; row <= range.bottom; row++) {
        for (let column = range.left; column <= range.right; column++) {
          const key = row * (MAX_COLUMN + 1) + column;
          if (covered.has(key)) throw new XmlDamage(`merged ranges overlap at ${cellAddress(row, column)}`);
          covered.add(key);
          if (row === range.top && column === range.left) continue;
          this.sheet.set(row, column, master);
        }
      }
    }
  }
}

/** The parts of a package, by name in lower case. */
export interface XlsxParts {
  get(name: string): Buffer | undefined;
  /**
   * A part too large to hold at once, in chunks as it is inflated; undefined for a part to take
   * whole with `get` (or one that is not there).
   */
  chunks?(name: string): AsyncIterable<Buffer> | undefined;
}

/**
 * The workbook part, as the package's relationships name it (`_rels/.rels`, officeDocument):
 * usually xl/workbook.xml, but a valid package may keep it anywhere. A package without them (some
 * hand-made zips) is taken to have it at xl/workbook.xml. Lower case, as the parts are kept.
 */
function mainPart(parts: Pick<ReadonlyMap<string, Buffer>, "get">): string {
  for (const relationship of readRelationships(parts.get("_rels/.rels"), "").values()) {
    if (RELATIONSHIP_TYPE.officeDocument.test(relationship.type)) return relationship.target;
  }
  return WORKBOOK_PART;
}

/**
 * Every worksheet of the workbook (or those whose name `wanted` takes), in the workbook's order,
 * with its name as written. Chart sheets and other kinds of sheet hold no cells and are left out.
 * Throws XmlDamage (or SheetDamage, naming the sheet) when the file is damaged.
 */
export async function readXlsxSheets(
  parts: XlsxParts,
  mergedCellLimit: number,
  wanted: (sheetName: string) => boolean = () => true,
): Promise<PlainSheet[]> {
  const workbookPart = mainPart(parts);
  const workbookBytes = parts.get(workbookPart);
  if (!workbookBytes) throw new NotAWorkbook(`no ${workbookPart}`);
  const { sheets, date1904 } = readWorkbookPart(workbookBytes);
  const slash = workbookPart.lastIndexOf("/");
  const folder = slash < 0 ? "" : workbookPart.slice(0, slash);
  const relationships = readRelationships(parts.get(`${folder === "" ? "" : `${folder}/`}_rels/${workbookPart.slice(slash + 1)}.rels`), folder);
  const partOfType = (type: RegExp, fallback: string): Buffer | undefined => {
    for (const relationship of relationships.values()) if (type.test(relationship.type)) return parts.get(relationship.target);
    return parts.get(fallback);
  };
  const context: WorkbookContext = {
    sharedStrings: readSharedStrings(partOfType(RELATIONSHIP_TYPE.sharedStrings, "xl/sharedstrings.xml")),
    styleKinds: readStyleKinds(partOfType(RELATIONSHIP_TYPE.styles, "xl/styles.xml")),
    date1904,
    merges: { limit: mergedCellLimit, cells: 0, largest: "", largestCells: 0 },
  };
  const plain: PlainSheet[] = [];
  for (const entry of sheets) {
    if (!wanted(entry.name)) continue;
    const relationship = relationships.get(entry.relationshipId);
    if (!relationship) throw new SheetDamage(entry.name, `sheet ${entry.name} has no relationship`);
    if (!RELATIONSHIP_TYPE.worksheet.test(relationship.type)) continue;
    const chunks = parts.chunks?.(relationship.target);
    const bytes = chunks === undefined ? parts.get(relationship.target) : undefined;
    if (chunks === undefined && bytes === undefined) throw new SheetDamage(entry.name, `sheet ${entry.name}: no part ${relationship.target}`);
    try {
      const reader = new SheetReader(entry.name, context);
      plain.push(chunks !== undefined ? await reader.readChunks(chunks) : reader.read(bytes ?? Buffer.alloc(0)));
    } catch (error) {
      if (error instanceof XmlDamage && !(error instanceof SheetDamage)) throw new SheetDamage(entry.name, error.message);
      throw error;
    }
  }
  return plain;
}
