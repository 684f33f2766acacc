// What a clerk typed, read as the value it means (workbook.md "Cell values"). Pure: a plain cell
// in, a value or a fault out. A fault says what was found and what is allowed, in words that
// follow the cell's place in a message: `个性评分!D7「工作质量」` + `填写了“九十”，应为 0 至 40 之间的数字。`
//
// Decisions where the spec is silent:
// - Free text (names, reasons, comments) turns only full-width letters, digits and spaces to
//   half-width, as workbook.md says; Chinese punctuation (，：（）) is kept, since it is correct in
//   Chinese text and is printed on notices and slips. Codes, numbers, dates, closed-set words and
//   headers turn every full-width ASCII character to half-width (ＱＵ－０１ → QU-01).
// - Identifiers (人员编号, 单位代码) lose all whitespace, and a resident ID's check letter is
//   upper-cased, so that the same person is found in every sheet.
// - A date must be an Excel date cell or text; a bare number (a date serial in a cell not
//   formatted as a date, or 20261009) is refused rather than guessed.

import { isCalendarDate } from "../domain/calendar.js";
import { type Exact, compare, exact, parseDecimal, toText } from "../domain/exact.js";
import { type Grade, GRADE_LABEL, fromLabel, labelList } from "../domain/labels.js";
import type { ProblemCode, Severity } from "../domain/problem-codes.js";
import type { CellValue } from "../ooxml/plain.js";

export interface CellFault {
  severity: Severity;
  code: ProblemCode;
  /** The value found, as the clerk sees it. */
  found: string;
  /** The rest of the sentence after the cell's place: `填写了“九十”，应为 0 至 40 之间的数字。` */
  text: string;
}

export type CellRead<T> = { ok: true; value: T } | { ok: false; fault: CellFault };

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });

function fault(code: ProblemCode, found: string, text: string, severity: Severity = "error"): CellRead<never> {
  return { ok: false, fault: { severity, code, found, text } };
}

/** `填写了“95分”，应为 0 至 40 之间的数字。` */
function wrongValue(code: ProblemCode, found: string, expected: string): CellRead<never> {
  return fault(code, found, `填写了“${found}”，${expected}。`);
}

// ---------------------------------------------------------------------------------------------
// Text

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_ALPHANUMERIC = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;
/** Whitespace, with the zero-width characters that come along when text is pasted from the web. */
const ANY_SPACE = /[\s\u200B\u200C\u200D\u2060\uFEFF]+/g;
const FULL_WIDTH_OFFSET = 0xfee0;

function shift(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET);
}

/**
 * Whether the text may hold a full-width ASCII character or the ideographic space: most cells
 * (codes, scores, grade words) hold none, and a look at each character costs less than two
 * regular-expression replacements; a city's workbooks have millions of such cells.
 */
function mayBeFullWidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3000 || (code >= 0xff01 && code <= 0xff5e)) return true;
  }
  return false;
}

/** Every full-width ASCII character and the ideographic space to half-width: `ＱＵ－０１` → `QU-01`. */
export function halfWidth(text: string): string {
  if (!mayBeFullWidth(text)) return text;
  return text.replace(FULL_WIDTH_ASCII, shift).replace(IDEOGRAPHIC_SPACE, " ");
}

/** Free text: trimmed, full-width letters, digits and spaces to half-width (workbook.md). */
export function normaliseText(text: string): string {
  if (!mayBeFullWidth(text)) return text.trim();
  return text.replace(FULL_WIDTH_ALPHANUMERIC, shift).replace(IDEOGRAPHIC_SPACE, " ").trim();
}

/**
 * Whether the text may hold whitespace or a zero-width character (ANY_SPACE): ASCII ones are below
 * 0x21, the others among a few code points (every one ANY_SPACE matches is here; the tests try
 * all 65,536). A grade word or a name, Chinese, has none, and is not searched with the expression:
 * a city's 2,000,000 rating cells were.
 */
function maySpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x2060) || code === 0x3000 || code === 0xfeff) return true;
  }
  return false;
}

/** Text with all whitespace removed: headers, codes and closed-set words are compared this way. */
export function withoutSpaces(text: string): string {
  if (!maySpace(text)) return text;
  return text.replace(ANY_SPACE, "");
}

const REQUIRED_MARK = /(?:\*|\(必填\))$/;

/**
 * A header as compared (workbook.md "How sheets and columns are found"): trimmed, full-width to
 * half-width, all whitespace and line breaks removed, a trailing `*` or `（必填）` removed.
 */
export function normaliseHeader(text: string): string {
  let header = withoutSpaces(halfWidth(text));
  while (REQUIRED_MARK.test(header)) header = header.replace(REQUIRED_MARK, "");
  return header;
}

/** How a cell reads to the clerk, for messages: the text, the number, the date, `#REF!`, `=SUM(...)`. */
export function cellText(cell: CellValue): string {
  switch (cell.kind) {
    case "blank":
      return "";
    case "number":
      return String(cell.value);
    case "text":
      return cell.text.trim();
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "date":
      return cell.iso;
    case "time":
      return cell.text;
    case "error":
      return cell.text;
    case "noResult":
      return `=${cell.formula.replace(/^=/, "")}`;
  }
}

/** Blank: nothing in the cell, or only spaces. */
export function isBlank(cell: CellValue): boolean {
  return cell.kind === "blank" || (cell.kind === "text" && withoutSpaces(cell.text) === "");
}

/**
 * A formula counts by its cached result (workbook.md): an error value, or no result at all, is a
 * fault at the cell whatever kind of value the column holds.
 */
function formulaFault(cell: CellValue): CellRead<never> | null {
  if (cell.kind === "error") {
    return fault(
      "E_FORMULA_ERROR",
      cell.text,
      `的值是错误值“${cell.text}”（公式出错或引用失效）。请修正公式，或直接填写数值。`,
    );
  }
  if (cell.kind === "noResult") {
    const formula = cellText(cell);
    return fault(
      "E_FORMULA_NO_RESULT",
      formula,
      `是公式“${formula}”，但文件中没有它的计算结果（可能由其他程序生成、未经重新计算）。` +
        `请在 Excel 或 WPS 中打开、重新计算并保存，或直接填写数值。`,
    );
  }
  return null;
}

/** Free text, or null when blank. Numbers and dates read as their text. */
export function readText(cell: CellValue): CellRead<string | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === "text") return ok(normaliseText(cell.text));
  return ok(cellText(cell));
}

// ---------------------------------------------------------------------------------------------
// Numbers

export interface NumberRange {
  min: Exact;
  /** null: no upper bound. */
  max: Exact | null;
  /** min itself is not allowed (满分 and 分值 are above 0). */
  minExclusive?: boolean;
  integer?: boolean;
  /** The rule code of a number outside the range (E_SCORE_RANGE for scores). */
  code: ProblemCode;
}

/** `应为 0 至 40 之间的数字`, `应为大于 0 的数字`, `应为 2000 至 2100 之间的整数`. */
export function rangeText(range: NumberRange): string {
  const kind = range.integer ? "整数" : "数字";
  if (range.max === null) {
    return range.minExclusive ? `应为大于 ${toText(range.min)} 的${kind}` : `应为不小于 ${toText(range.min)} 的${kind}`;
  }
  const low = range.minExclusive ? `大于 ${toText(range.min)}、不超过 ${toText(range.max)} 的` : `${toText(range.min)} 至 ${toText(range.max)} 之间的`;
  return `应为 ${low}${kind}`;
}

function inRange(value: Exact, range: NumberRange): boolean {
  const low = compare(value, range.min);
  if (low < 0 || (low === 0 && range.minExclusive)) return false;
  if (range.max !== null && compare(value, range.max) > 0) return false;
  return !range.integer || value.d === 1n;
}

/**
 * The number a cell means, or null when blank: a number cell, or text that reads as a plain
 * decimal (`95`, `９５`, `95.5`). `九十`, `95分`, `N/A` are faults naming what is allowed.
 */
export function readNumber(cell: CellValue, range: NumberRange): CellRead<Exact | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  let value: Exact | null = null;
  if (cell.kind === "number") value = exact(cell.value);
  else if (cell.kind === "text") value = parseDecimal(withoutSpaces(halfWidth(cell.text)));
  const found = cellText(cell);
  if (value === null) return wrongValue("E_NOT_NUMBER", found, rangeText(range));
  if (!inRange(value, range)) return wrongValue(range.code, found, rangeText(range));
  return ok(value);
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** Excel keeps 15 significant digits: a number of 16 or more digits has lost its last ones. */
const EXCEL_DIGITS = 15;
const EXPONENT_TEXT = /^\d(?:\.\d+)?E\+?\d+$/i;
const RESIDENT_ID = /^\d{17}[\dX]$/;

function lostDigits(found: string): CellRead<never> {
  return fault(
    "E_ID_PRECISION",
    found,
    `是数字“${found}”，超过 ${EXCEL_DIGITS} 位的数字在 Excel 中已丢失末尾几位。` +
      `请把这一列的单元格格式设为“文本”，再重新填写完整的编号。`,
  );
}

/**
 * A code (人员编号, 单位代码, 测评人) as text, or null when blank. A number cell of fewer than
 * 16 digits is its integer text; 16 or more digits have lost precision in Excel (workbook.md).
 */
export function readId(cell: CellValue): CellRead<string | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === "number") {
    if (Math.abs(cell.value) >= 10 ** EXCEL_DIGITS) return lostDigits(cellText(cell));
    return ok(Number.isInteger(cell.value) ? BigInt(cell.value).toString() : String(cell.value));
  }
  if (cell.kind !== "text") return wrongValue("E_ID_TEXT", cellText(cell), "应为文本格式的编号");
  const id = withoutSpaces(halfWidth(cell.text));
  // A roster exported from Excel to .csv carries the lost digits as text: `1.10101199001011E+17`.
  if (EXPONENT_TEXT.test(id)) return lostDigits(id);
  return ok(/^\d{17}x$/.test(id) ? id.toUpperCase() : id);
}

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CODES = "10X98765432";

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function residentIdCheck(first17: string): string {
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(first17[i]) * (CHECK_WEIGHTS[i] ?? 0);
  return CHECK_CODES[total % 11] ?? "";
}

/**
 * A warning when an id looks like a resident ID number (17 digits + digit or X) whose check
 * character is wrong (workbook.md); null otherwise.
 */
export function residentIdFault(id: string): CellFault | null {
  if (!RESIDENT_ID.test(id)) return null;
  const expected = residentIdCheck(id.slice(0, 17));
  if (id[17] === expected) return null;
  return {
    severity: "warning",
    code: "W_ID_CHECKSUM",
    found: id,
    text: `“${id}”像是身份证号码，但最后一位校验码应为“${expected}”。请核对号码是否抄错。`,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates

const DATE_TEXT = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/];
const DATE_EXPECTED = "应为日期，如 2026-10-09、2026/10/9 或 2026年10月9日";

/** The ISO date `2026-10-09` of `2026-10-09`, `2026/10/9`, `2026年10月9日`, or null when not a real date. */
export function isoDate(text: string): string | null {
  const compact = withoutSpaces(halfWidth(text));
  for (const pattern of DATE_TEXT) {
    const m = pattern.exec(compact);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isCalendarDate(year, month, day)) return null;
    return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return null;
}

/** An ISO date, or null when blank. */
export function readDate(cell: CellValue): CellRead<string | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === "date") return ok(cell.iso);
  const found = cellText(cell);
  // A time of day or a duration is no day: read as a date it would be 1899-12-30 (issue 11).
  if (cell.kind === "time") {
    return fault("E_DATE", found, `填写的是时间或时长“${found}”，不是日期，${DATE_EXPECTED}。请把单元格格式设为日期后填写日期。`);
  }
  const iso = cell.kind === "text" ? isoDate(cell.text) : null;
  return iso === null ? wrongValue("E_DATE", found, DATE_EXPECTED) : ok(iso);
}

// ---------------------------------------------------------------------------------------------
// Months

const MONTH_NUMERALS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};
const MONTH_DIGITS = /^(\d{1,2})(?:月份?)?$/;
const MONTH_WORDS = /^(十[一二]?|[一二三四五六七八九])月份?$/;
const MONTH_EXPECTED = "应为月份，如 10、10月、十月，或一个日期";

/**
 * 月份 (workbook.md 工作清单, 个人小结): `10`, `10月`, `10月份`, `十月`, a number cell, or a date
 * (a date cell or date text, of which the month counts); null when blank. Whether the month is
 * one of the workbook's quarter is for the sheet's parser to say.
 */
export function readMonth(cell: CellValue): CellRead<number | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  const found = cellText(cell);
  let month: number | null = null;
  if (cell.kind === "date") month = Number(cell.iso.slice(5, 7));
  else if (cell.kind === "number") month = Number.isInteger(cell.value) ? cell.value : null;
  else if (cell.kind === "text") {
    const compact = withoutSpaces(halfWidth(cell.text));
    const digits = MONTH_DIGITS.exec(compact)?.[1];
    const word = MONTH_WORDS.exec(compact)?.[1];
    const iso = isoDate(compact);
    if (digits !== undefined) month = Number(digits);
    else if (word !== undefined) month = MONTH_NUMERALS[word] ?? null;
    else if (iso !== null) month = Number(iso.slice(5, 7));
  }
  if (month === null || month < 1 || month > 12) return wrongValue("E_MONTH", found, MONTH_EXPECTED);
  return ok(month);
}

// ---------------------------------------------------------------------------------------------
// Closed sets

/** `应为以下之一：好、较好、一般、较差` */
export function choiceText(table: Record<string, string>): string {
  return `应为以下之一：${labelList(table)}`;
}

/** The identifier of a closed-set word (workbook.md: only the listed words), or null when blank. */
export function readChoice<K extends string>(cell: CellValue, table: Record<K, string>): CellRead<K | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  const found = cellText(cell);
  const key = cell.kind === "text" ? fromLabel(table, withoutSpaces(halfWidth(cell.text))) : undefined;
  return key === undefined ? wrongValue("E_CHOICE", found, choiceText(table)) : ok(key);
}

/** A 共性 indicator's value: a grade word, or points in range (workbook.md 共性测评). */
export function readGradeOrPoints(cell: CellValue, range: NumberRange): CellRead<{ grade: Grade } | { points: Exact } | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  if (cell.kind === "text") {
    const grade = fromLabel(GRADE_LABEL, withoutSpaces(halfWidth(cell.text)));
    if (grade !== undefined) return ok({ grade });
  }
  const number = readNumber(cell, range);
  if (number.ok) return ok(number.value === null ? null : { points: number.value });
  // Text that is neither a grade word nor a number is not a "number" fault: both are allowed here.
  const code = number.fault.code === "E_NOT_NUMBER" ? "E_RATING_VALUE" : number.fault.code;
  return wrongValue(code, number.fault.found, `应为${labelList(GRADE_LABEL)}之一，或${rangeText(range).replace(/^应为/, "")}`);
}

// ---------------------------------------------------------------------------------------------
// The period

const QUARTER_WORDS: Record<string, 1 | 2 | 3 | 4> = { "1": 1, "2": 2, "3": 3, "4": 4, 一: 1, 二: 2, 三: 3, 四: 4 };
const QUARTER_TEXT = [/^Q([1-4])$/, /^第?([1-4一二三四])(?:季度|季)?$/];
const QUARTER_EXPECTED = "应为 1 至 4 的季度，如 3、第三季度、三 或 Q3";

/** 季度: `3`, `第三季度`, `三`, `Q3` (workbook.md 参数), or null when blank. */
export function readQuarter(cell: CellValue): CellRead<1 | 2 | 3 | 4 | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  if (isBlank(cell)) return ok(null);
  const found = cellText(cell);
  const compact = withoutSpaces(halfWidth(found)).toUpperCase();
  for (const pattern of QUARTER_TEXT) {
    const word = pattern.exec(compact)?.[1];
    const quarter = word === undefined ? undefined : QUARTER_WORDS[word];
    if (quarter !== undefined) return ok(quarter);
  }
  return wrongValue("E_QUARTER", found, QUARTER_EXPECTED);
}

const YEAR_RANGE: NumberRange = { min: exact(2000), max: exact(2100), integer: true, code: "E_YEAR" };

/** 年度: four digits, 2000-2100 (`2026` or `2026年`), or null when blank. */
export function readYear(cell: CellValue): CellRead<number | null> {
  const broken = formulaFault(cell);
  if (broken) return broken;
  const text = cell.kind === "text" ? { kind: "text" as const, text: cell.text.trim().replace(/年$/, "") } : cell;
  const read = readNumber(text, YEAR_RANGE);
  if (!read.ok) {
    const found = cellText(cell);
    return wrongValue("E_YEAR", found, "应为四位数的年度，如 2026（2000 至 2100）");
  }
  return ok(read.value === null ? null : Number(read.value.n));
}
