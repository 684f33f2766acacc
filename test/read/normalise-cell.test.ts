// The cell readers against workbook.md "Cell values", one table per kind of value. Expected values
// are written out by hand; an exact number is compared as its decimal text.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exact, toText } from "../../src/domain/exact.js";
import { GRADE_LABEL, STATUS_LABEL } from "../../src/domain/labels.js";
import type { CellRead, NumberRange } from "../../src/read/normalise-cell.js";
import {
  halfWidth,
  isoDate,
  normaliseHeader,
  normaliseText,
  rangeText,
  readChoice,
  readDate,
  readGradeOrPoints,
  readId,
  readNumber,
  readQuarter,
  readText,
  readYear,
  residentIdCheck,
  residentIdFault,
  withoutSpaces,
} from "../../src/read/normalise-cell.js";
import type { CellValue } from "../../src/ooxml/plain.js";

const text = (t: string): CellValue => ({ kind: "text", text: t });
const number = (value: number): CellValue => ({ kind: "number", value });
const BLANK: CellValue = { kind: "blank" };

/** A read as a short line: the value, or `code: what the clerk is told`. */
function outcome<T>(read: CellRead<T>, show: (value: T) => string = String): string {
  return read.ok ? show(read.value) : `${read.fault.code}: ${read.fault.text}`;
}

describe("half-width and header text", () => {
  it.each([
    ["ＤＡ０１", "DA01"],
    ["Ｑ３", "Q3"],
    ["（必填）", "(必填)"],
    ["９５．５", "95.5"],
    ["张\u3000三", "张 三"],
    ["已完成", "已完成"],
  ])("halfWidth(%j) = %j", (input, expected) => {
    expect(halfWidth(input)).toBe(expected);
  });

  it.each([
    // free text keeps Chinese punctuation, turns letters, digits and spaces to half-width
    ["  获市级表彰，记功一次（２０２６） ", "获市级表彰，记功一次（2026）"],
    ["\u3000张三\u3000", "张三"],
    ["ＡＢＣ：ｘ", "ABC：x"],
  ])("normaliseText(%j) = %j", (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it.each([
    ["人员编号", "人员编号"],
    [" 人员编号* ", "人员编号"],
    ["人员编号（必填）", "人员编号"],
    ["人员编号(必填)", "人员编号"],
    ["人员编号＊", "人员编号"],
    ["职务\n职级", "职务职级"],
    ["科 室", "科室"],
    ["姓名*（必填）", "姓名"],
    ["工作\r\n质量 *", "工作质量"],
    ["必填", "必填"],
  ])("normaliseHeader(%j) = %j", (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });
});

describe("numbers (workbook.md: a number cell or text that reads as a number)", () => {
  const score40: NumberRange = { min: exact(0), max: exact(40), code: "E_SCORE_RANGE" };
  it.each<[CellValue, string]>([
    [number(36), "36"],
    [number(35.5), "71/2"],
    [number(30.65), "613/20"],
    [text("38"), "38"],
    [text("３５"), "35"],
    [text(" 35.5 "), "71/2"],
    [text("40"), "40"],
    [text("0"), "0"],
    [BLANK, "null"],
    [text("   "), "null"],
    [text("九十"), "E_NOT_NUMBER: 填写了“九十”，应为 0 至 40 之间的数字。"],
    [text("95分"), "E_NOT_NUMBER: 填写了“95分”，应为 0 至 40 之间的数字。"],
    [text("N/A"), "E_NOT_NUMBER: 填写了“N/A”，应为 0 至 40 之间的数字。"],
    [number(45), "E_SCORE_RANGE: 填写了“45”，应为 0 至 40 之间的数字。"],
    [text("-1"), "E_SCORE_RANGE: 填写了“-1”，应为 0 至 40 之间的数字。"],
    [{ kind: "boolean", value: true }, "E_NOT_NUMBER: 填写了“TRUE”，应为 0 至 40 之间的数字。"],
    [{ kind: "date", iso: "2026-10-09" }, "E_NOT_NUMBER: 填写了“2026-10-09”，应为 0 至 40 之间的数字。"],
    [{ kind: "error", text: "#REF!" }, "E_FORMULA_ERROR: 的值是错误值“#REF!”（公式出错或引用失效）。请修正公式，或直接填写数值。"],
    [
      { kind: "noResult", formula: "SUM(C3:E3)" },
      "E_FORMULA_NO_RESULT: 是公式“=SUM(C3:E3)”，但文件中没有它的计算结果（可能由其他程序生成、未经重新计算）。请在 Excel 或 WPS 中打开、重新计算并保存，或直接填写数值。",
    ],
  ])("%j → %s", (cell, expected) => {
    expect(outcome(readNumber(cell, score40), (v) => (v === null ? "null" : `${v.n}${v.d === 1n ? "" : `/${v.d}`}`))).toBe(expected);
  });

  it.each<[string, NumberRange]>([
    ["应为 0 至 30 之间的数字", { min: exact(0), max: exact(30), code: "X" }],
    ["应为大于 0 的数字", { min: exact(0), max: null, minExclusive: true, code: "X" }],
    ["应为不小于 0 的数字", { min: exact(0), max: null, code: "X" }],
    ["应为 2000 至 2100 之间的整数", { min: exact(2000), max: exact(2100), integer: true, code: "X" }],
    ["应为 大于 0、不超过 12.5 的数字", { min: exact(0), max: exact("12.5"), minExclusive: true, code: "X" }],
  ])("rangeText: %s", (expected, range) => {
    expect(rangeText(range)).toBe(expected);
  });

  it("above 0 refuses 0 (满分, 分值)", () => {
    const read = readNumber(number(0), { min: exact(0), max: null, minExclusive: true, code: "E_NUMBER_RANGE" });
    expect(outcome(read)).toBe("E_NUMBER_RANGE: 填写了“0”，应为大于 0 的数字。");
  });

  it("full-width digits never change the number read (property)", () => {
    const toFullWidth = (s: string): string => s.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (hundredths) => {
        const typed = toText(exact(hundredths / 100));
        const half = readNumber(text(typed), { min: exact(0), max: exact(40), code: "E" });
        const full = readNumber(text(toFullWidth(typed)), { min: exact(0), max: exact(40), code: "E" });
        expect(full).toEqual(half);
        expect(half.ok && half.value !== null && toText(half.value)).toBe(typed);
      }),
    );
  });
});

describe("人员编号 and other codes", () => {
  it.each<[CellValue, string]>([
    [text("DA01"), "DA01"],
    [text(" ＤＡ０１ "), "DA01"],
    [text("DA 01"), "DA01"],
    [text("11010519491231002x"), "11010519491231002X"],
    [number(3408240101), "3408240101"],
    [number(123456789012345), "123456789012345"],
    [BLANK, "null"],
    [
      number(110105194912310021),
      "E_ID_PRECISION: 是数字“110105194912310020”，超过 15 位的数字在 Excel 中已丢失末尾几位。请把这一列的单元格格式设为“文本”，再重新填写完整的编号。",
    ],
    [
      number(1234567890123456),
      "E_ID_PRECISION: 是数字“1234567890123456”，超过 15 位的数字在 Excel 中已丢失末尾几位。请把这一列的单元格格式设为“文本”，再重新填写完整的编号。",
    ],
    // a roster exported to .csv from Excel carries the damage as text
    [
      text("1.10101199001011E+17"),
      "E_ID_PRECISION: 是数字“1.10101199001011E+17”，超过 15 位的数字在 Excel 中已丢失末尾几位。请把这一列的单元格格式设为“文本”，再重新填写完整的编号。",
    ],
    [{ kind: "date", iso: "2026-10-09" }, "E_ID_TEXT: 填写了“2026-10-09”，应为文本格式的编号。"],
  ])("%j → %s", (cell, expected) => {
    expect(outcome(readId(cell))).toBe(expected);
  });

  it.each([
    // GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["34082419950712002", "2"],
  ])("check character of %s is %s", (first17, expected) => {
    expect(residentIdCheck(first17)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ["11010519491231002X", null],
    ["110105194912310021", "W_ID_CHECKSUM: “110105194912310021”像是身份证号码，但最后一位校验码应为“X”。请核对号码是否抄错。"],
    ["340824199507120023", "W_ID_CHECKSUM: “340824199507120023”像是身份证号码，但最后一位校验码应为“2”。请核对号码是否抄错。"],
    ["340824199507120022", null],
    ["DA01", null],
    ["12345678901234567", null],
  ])("resident ID %s", (id, expected) => {
    const fault = residentIdFault(id);
    expect(fault === null ? null : `${fault.code}: ${fault.text}`).toBe(expected);
    if (fault) expect(fault.severity).toBe("warning");
  });
});

describe("dates", () => {
  it.each<[CellValue, string]>([
    [{ kind: "date", iso: "2026-10-12" }, "2026-10-12"],
    [text("2026-10-09"), "2026-10-09"],
    [text("2026/10/9"), "2026-10-09"],
    [text("2026年10月9日"), "2026-10-09"],
    [text("2026年10月9"), "2026-10-09"],
    [text("２０２６－１０－０９"), "2026-10-09"],
    [text("2026.10.9"), "2026-10-09"],
    [text("2028-02-29"), "2028-02-29"],
    [BLANK, "null"],
    [text("2026年9月31日"), "E_DATE: 填写了“2026年9月31日”，应为日期，如 2026-10-09、2026/10/9 或 2026年10月9日。"],
    [text("2026-02-29"), "E_DATE: 填写了“2026-02-29”，应为日期，如 2026-10-09、2026/10/9 或 2026年10月9日。"],
    [text("2026-13-01"), "E_DATE: 填写了“2026-13-01”，应为日期，如 2026-10-09、2026/10/9 或 2026年10月9日。"],
    [text("10月9日"), "E_DATE: 填写了“10月9日”，应为日期，如 2026-10-09、2026/10/9 或 2026年10月9日。"],
    [number(46307), "E_DATE: 填写了“46307”，应为日期，如 2026-10-09、2026/10/9 或 2026年10月9日。"],
  ])("%j → %s", (cell, expected) => {
    expect(outcome(readDate(cell))).toBe(expected);
  });

  it("2100 is not a leap year, 2000 is", () => {
    expect(isoDate("2100-02-29")).toBeNull();
    expect(isoDate("2000-02-29")).toBe("2000-02-29");
  });
});

describe("closed sets", () => {
  it.each<[CellValue, string]>([
    [text("不确定等次"), "undetermined"],
    [text(" 不参加 "), "excluded"],
    [text("参 加"), "participating"],
    [BLANK, "null"],
    [text("在岗"), "E_CHOICE: 填写了“在岗”，应为以下之一：参加、不确定等次、不参加。"],
    [number(1), "E_CHOICE: 填写了“1”，应为以下之一：参加、不确定等次、不参加。"],
  ])("考核状态 %j → %s", (cell, expected) => {
    expect(outcome(readChoice(cell, STATUS_LABEL))).toBe(expected);
  });

  it.each<[CellValue, string]>([
    [text("好"), "grade good"],
    [text("较好"), "grade fairlyGood"],
    [number(27), "points 27"],
    [text("２７.５"), "points 27.5"],
    [BLANK, "null"],
    [text("优秀"), "E_RATING_VALUE: 填写了“优秀”，应为好、较好、一般、较差之一，或 0 至 30 之间的数字。"],
    [number(31), "E_SCORE_RANGE: 填写了“31”，应为好、较好、一般、较差之一，或 0 至 30 之间的数字。"],
  ])("共性 value %j → %s", (cell, expected) => {
    const read = readGradeOrPoints(cell, { min: exact(0), max: exact(30), code: "E_SCORE_RANGE" });
    expect(
      outcome(read, (v) => (v === null ? "null" : "grade" in v ? `grade ${v.grade}` : `points ${toText(v.points)}`)),
    ).toBe(expected);
  });

  it("every grade word is read back to its key", () => {
    for (const [key, word] of Object.entries(GRADE_LABEL)) expect(outcome(readChoice(text(word), GRADE_LABEL))).toBe(key);
  });
});

describe("the period", () => {
  it.each<[CellValue, string]>([
    [number(3), "3"],
    [text("3"), "3"],
    [text("第三季度"), "3"],
    [text("三"), "3"],
    [text("Q3"), "3"],
    [text("q4"), "4"],
    [text("Ｑ１"), "1"],
    [text("第2季度"), "2"],
    [text("二季度"), "2"],
    [BLANK, "null"],
    [number(5), "E_QUARTER: 填写了“5”，应为 1 至 4 的季度，如 3、第三季度、三 或 Q3。"],
    [text("第五季度"), "E_QUARTER: 填写了“第五季度”，应为 1 至 4 的季度，如 3、第三季度、三 或 Q3。"],
    [text("三季"), "3"],
    [number(2.5), "E_QUARTER: 填写了“2.5”，应为 1 至 4 的季度，如 3、第三季度、三 或 Q3。"],
  ])("季度 %j → %s", (cell, expected) => {
    expect(outcome(readQuarter(cell))).toBe(expected);
  });

  it.each<[CellValue, string]>([
    [number(2026), "2026"],
    [text("2026"), "2026"],
    [text("2026年"), "2026"],
    [text("２０２６"), "2026"],
    [BLANK, "null"],
    [number(1999), "E_YEAR: 填写了“1999”，应为四位数的年度，如 2026（2000 至 2100）。"],
    [text("26"), "E_YEAR: 填写了“26”，应为四位数的年度，如 2026（2000 至 2100）。"],
    [number(2026.5), "E_YEAR: 填写了“2026.5”，应为四位数的年度，如 2026（2000 至 2100）。"],
    [{ kind: "error", text: "#N/A" }, "E_FORMULA_ERROR: 的值是错误值“#N/A”（公式出错或引用失效）。请修正公式，或直接填写数值。"],
  ])("年度 %j → %s", (cell, expected) => {
    expect(outcome(readYear(cell))).toBe(expected);
  });
});

describe("free text", () => {
  it.each<[CellValue, string]>([
    [text("  张三 "), "张三"],
    [number(13800001111), "13800001111"],
    [{ kind: "date", iso: "2026-10-12" }, "2026-10-12"],
    [BLANK, "null"],
    [{ kind: "error", text: "#VALUE!" }, "E_FORMULA_ERROR: 的值是错误值“#VALUE!”（公式出错或引用失效）。请修正公式，或直接填写数值。"],
  ])("%j → %s", (cell, expected) => {
    expect(outcome(readText(cell))).toBe(expected);
  });
});

describe("the quick look before the replacements changes nothing", () => {
  // The replacements as they were before the quick look (normalise-cell.ts mayBeFullWidth, maySpace).
  const shift = (ch: string): string => String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  const slowHalfWidth = (t: string): string => t.replace(/[\uFF01-\uFF5E]/g, shift).replace(/\u3000/g, " ");
  const slowText = (t: string): string => t.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, shift).replace(/\u3000/g, " ").trim();
  const slowWithoutSpaces = (t: string): string => t.replace(/[\s\u200B\u200C\u200D\u2060\uFEFF]+/g, "");
  const unit = fc.oneof(
    fc.constantFrom(..."P0１２ＱＵ－　 \t\n\r\u00a0\u200b\u2060\ufeff\u2028\u3000\uff01\uff5e\uff00\uff5f张好较差-_.a"),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  );
  it("on any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (text) => {
        expect(halfWidth(text)).toBe(slowHalfWidth(text));
        expect(normaliseText(text)).toBe(slowText(text));
        expect(withoutSpaces(text)).toBe(slowWithoutSpaces(text));
      }),
      { numRuns: 2000 },
    );
  });
  it("on every code unit, alone and between letters", () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `好${String.fromCharCode(code)}a`;
      if (withoutSpaces(text) !== slowWithoutSpaces(text)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    expect(withoutSpaces("较\u3000好")).toBe("较好");
    expect(withoutSpaces("一\u200b般")).toBe("一般");
  });
});
