// Parsing a workbook's plain cells into the model (workbook.md "Sheets" and "Checks across
// sheets"). The base workbook of the fixtures is read in memory and changed one thing at a time;
// expected values are worked out by hand from the cells.

import { describe, expect, it } from "vitest";
import { exact, toText } from "../../src/domain/exact.js";
import type { Problem } from "../../src/domain/problem.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { COMMON_SHEET, DECISIONS_SHEET, EVENTS_SHEET, INDIVIDUAL_SHEET, SUMMARIES_SHEET, WORK_LIST_SHEET } from "../../src/domain/sheets.js";
import { plainWorkbook, type SheetData } from "../support/plain-workbook.js";
import {
  appendRows,
  baseWorkbook,
  copy,
  filterRows,
  removeColumn,
  setCell,
  sheetOf,
} from "../support/workbook-data.mjs";

const RULES = {
  raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact(0) },
  windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
  // The notice period's check against the national schedule (check-notice-calendar.ts).
  notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
};

function parse(sheets: SheetData[], file = "档案馆.xlsx") {
  return parseWorkbook(plainWorkbook(file, sheets), RULES);
}

/** `CODE sheet!cell` for each problem, with `@unit` when the problem names one. */
function brief(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.sheet}${p.cell ? `!${p.cell}` : ""}${p.unit ? ` @${p.unit}` : ""}`);
}

/** A two-unit workbook: the base unit DAJ and 某县方志办 FZB, with a 单位 sheet and 单位代码 column. */
function twoUnits(): SheetData[] {
  let sheets = baseWorkbook() as SheetData[];
  sheets = [
    ...sheets,
    {
      name: "单位",
      rows: [
        ["单位代码", "单位名称", "主管单位代码"],
        ["DAJ", "某县档案馆", null],
        ["FZB", "某县地方志办公室", null],
      ],
    },
  ];
  const persons = sheetOf(sheets, "人员");
  persons.rows = persons.rows.map((row, i) => [i === 0 ? "单位代码" : "DAJ", ...row]);
  sheets = appendRows(sheets, "人员", [["FZB", "FZ01", "蒋华", "编研科", "科长", null, null, null, null]]);
  sheets = appendRows(sheets, "个性评分", [["FZ01", "蒋华", 25, 33, 25, null, null, "主任"]]);
  sheets = appendRows(sheets, "共性测评", [["FZ01", "蒋华", "领导", null, "好", "好", "好", "好", "好"]]);
  sheets = appendRows(sheets, "工作清单", [["FZ01", "蒋华", "编纂《某县年鉴（2026）》", "推进中", "部分单位供稿未到"]]);
  return sheets;
}

describe("the base workbook", () => {
  const parsed = parse(baseWorkbook() as SheetData[]);
  const workbook = parsed.workbook;

  it("has no problem", () => {
    expect(parsed.problems).toEqual([]);
  });

  it("reads 参数: the period, the unit and the notice settings", () => {
    expect(workbook?.period).toEqual({ year: 2026, quarter: 3 });
    expect(workbook?.settings).toEqual({ contact: "钱芳", phone: "0556-5553301", address: null, noticeStart: "2026-10-12" });
    expect(workbook?.units.map((u) => [u.code, u.name, u.parentCode, u.contact, u.ref.sheet, u.ref.cell])).toEqual([
      ["DAJ", "某县档案馆", null, "钱芳", "参数", "B4"],
    ]);
  });

  it("reads 人员 with the defaults of blank cells", () => {
    expect(workbook?.persons.map((p) => [p.unitCode, p.id, p.name, p.department, p.kind, p.status, p.statusReason, p.window, p.ref.cell])).toEqual([
      ["DAJ", "DA01", "钱芳", "办公室", "staff", "participating", null, false, "A2"],
      ["DAJ", "DA02", "孔亮", "档案管理科", "staff", "participating", null, false, "A3"],
      ["DAJ", "DA03", "曹丽", "档案管理科", "staff", "participating", null, false, "A4"],
      ["DAJ", "DA04", "严冬", "档案管理科", "staff", "excluded", "试用期", false, "A5"],
    ]);
  });

  it("reads 指标 with exact 满分", () => {
    expect(workbook?.indicators.map((i) => `${i.name} ${i.category} ${i.dimension} ${toText(i.max)}`)).toEqual([
      "工作数量 individual achievement 30",
      "工作质量 individual achievement 40",
      "工作效率 individual ability 30",
      "政治素质 common integrity 30",
      "职业道德 common integrity 20",
      "工作作风 common diligence 20",
      "廉洁自律 common probity 20",
      "出勤情况 common diligence 10",
    ]);
  });

  it("sums the 个性 indicator points into I (27+36+27, 26+35+26, 24+32+24)", () => {
    expect(workbook?.individualScores.map((s) => [s.personId, toText(s.individual), s.comment, s.goal, s.reviewer])).toEqual([
      ["DA01", "90", "工作扎实。", null, "馆长"],
      ["DA02", "87", null, null, "馆长"],
      ["DA03", "80", null, "加快数字化进度。", "馆长"],
    ]);
  });

  it("keeps grade words and points of each rating apart", () => {
    const rating = workbook?.ratings[5];
    expect(rating && { person: rating.personId, group: rating.group, rater: rating.raterId, cell: rating.ref.cell }).toEqual({
      person: "DA03",
      group: "colleague",
      rater: "DA01",
      cell: "A7",
    });
    expect(rating?.parts.map((p) => ("grade" in p ? `${p.indicator} ${p.grade}` : `${p.indicator} ${toText(p.points)}/${toText(p.max)}`))).toEqual([
      "政治素质 27/30",
      "职业道德 18/20",
      "工作作风 18/20",
      "廉洁自律 20/20",
      "出勤情况 10/10",
    ]);
    expect(workbook?.ratings[1]?.parts.map((p) => ("grade" in p ? p.grade : "points"))).toEqual(["good", "fairlyGood", "good", "good", "good"]);
  });

  it("reads the work list, the events and the empty 审定", () => {
    expect(workbook?.workItems.map((w) => [w.personId, w.state, w.reason])).toEqual([
      ["DA01", "done", null],
      ["DA02", "done", null],
      ["DA03", "inProgress", "扫描设备9月才到位"],
    ]);
    expect(workbook?.events.map((e) => [e.personId, e.kind, e.points && toText(e.points), e.date])).toEqual([["DA02", "bonus", "1", "2026-09-10"]]);
    expect(workbook?.decisions).toEqual([]);
  });
});

describe("one change at a time", () => {
  const base = baseWorkbook() as SheetData[];
  it.each<[string, SheetData[], string[]]>([
    ["a 个性得分 column instead of the indicator columns", (() => {
      let s = removeColumn(removeColumn(removeColumn(base, "个性评分", 3), "个性评分", 3), "个性评分", 3);
      s = setCell(s, "个性评分", "F1", "个性得分");
      for (const [row, total] of [[2, 90], [3, 87.5], [4, 80]] as const) s = setCell(s, "个性评分", `F${row}`, total);
      return s;
    })(), []],
    ["a missing indicator column", removeColumn(base, "个性评分", 4), ["E_MISSING_HEADER 个性评分"]],
    ["neither indicator columns nor 个性得分", removeColumn(removeColumn(removeColumn(base, "个性评分", 3), "个性评分", 3), "个性评分", 3), ["E_SCORE_LAYOUT 个性评分"]],
    ["a 共性 indicator column in 个性评分", setCell(base, "个性评分", "I1", "政治素质"), ["W_UNKNOWN_HEADER 个性评分!I1"]],
    ["a blank score of a person who is not graded is not read", appendRows(base, "个性评分", [["DA04", "严冬", null, null, null]]), ["W_NOT_GRADED_ROW 个性评分!A5 @DAJ"]],
    ["two 个性评分 rows of one person", appendRows(base, "个性评分", [["DA02", "孔亮", 20, 30, 20]]), ["E_DUPLICATE_INDIVIDUAL_SCORE 个性评分!A5 @DAJ"]],
    ["a graded person without a work item", filterRows(base, "工作清单", (r) => r[0] !== "DA01"), ["W_NO_WORK_ITEM 工作清单 @DAJ"]],
    ["a window post without a 服务对象 rating", setCell(base, "人员", "H2", "是"), ["W_NO_RECIPIENT_RATING 共性测评 @DAJ"]],
    [
      "only 服务对象 ratings, whose weight is 0 for a non-window post",
      setCell(setCell(filterRows(base, "共性测评", (r) => r[0] !== "DA02" || r[2] === "同事"), "共性测评", "C4", "服务对象"), "共性测评", "D4", null),
      ["E_NO_RATING 共性测评 @DAJ"],
    ],
    ["a 否决 event without 分值", appendRows(base, "加减分", [["DA03", "曹丽", "否决", null, "受到党内警告处分", "2026-08-01"]]), []],
    ["a 加分 without 分值", appendRows(base, "加减分", [["DA03", "曹丽", "加分", null, "获表彰", null]]), ["E_REQUIRED 加减分!D3 @DAJ"]],
    ["a 减分 of 0", appendRows(base, "加减分", [["DA03", "曹丽", "减分", 0, "迟到", null]]), ["E_NUMBER_RANGE 加减分!D3 @DAJ"]],
    ["an event of a person who is not graded is read and kept", appendRows(base, "加减分", [["DA04", "严冬", "否决", null, "受到党内警告处分", null]]), ["W_NOT_GRADED_ROW 加减分!A3 @DAJ"]],
    [
      "two 委员会审定 rows of one person",
      appendRows(base, "审定", [
        ["DA01", "钱芳", "好", "委员会审定", "工作突出", "2026-10-10"],
        ["DA01", "钱芳", "较好", "委员会审定", "重新审议", "2026-10-11"],
        ["DA01", "钱芳", "好", "复核", "复核维持", "2026-10-20"],
      ]),
      ["E_DUPLICATE_DECISION 审定!D3 @DAJ"],
    ],
    ["a decision without 日期", appendRows(base, "审定", [["DA01", "钱芳", "好", "委员会审定", "工作突出", null]]), ["E_REQUIRED 审定!F2 @DAJ"]],
        // the column of the renamed indicator is then unknown to 个性评分
    ["an indicator named like a fixed header", setCell(base, "指标", "A2", "姓名"), ["E_INDICATOR_NAME 指标!A2", "W_UNKNOWN_HEADER 个性评分!C1"]],
    ["a duplicate indicator", setCell(base, "指标", "A3", "工作数量"), ["E_DUPLICATE_INDICATOR 指标!A3", "W_UNKNOWN_HEADER 个性评分!D1"]],
    ["满分 of 0", setCell(base, "指标", "D2", 0), ["E_NUMBER_RANGE 指标!D2"]],
    ["a 测评人类别 outside the set", setCell(base, "共性测评", "C3", "群众"), ["E_CHOICE 共性测评!C3 @DAJ"]],
    ["no 年度 row in 参数", filterRows(base, "参数", (r) => r[0] !== "年度"), ["E_REQUIRED 参数"]],
    ["a blank 季度", setCell(base, "参数", "B3", null), ["E_REQUIRED 参数!B3"]],
    ["an unknown 参数 item", appendRows(base, "参数", [["考核方案", "标准方案"]]), ["W_UNKNOWN_PARAMETER 参数!A9"]],
    ["a 参数 item twice", appendRows(base, "参数", [["季度", 3]]), ["E_DUPLICATE_PARAMETER 参数!A9"]],
    ["no 单位代码 in 参数 and no 单位 sheet", filterRows(base, "参数", (r) => r[0] !== "单位代码"), ["E_NO_UNIT 参数"]],
    ["a 工作清单 row of a person not in 人员", appendRows(base, "工作清单", [["DA09", "魏强", "整理档案", "已完成", null, null]]), ["E_UNKNOWN_PERSON 工作清单!A5 @DAJ"]],
    ["a name with spaces in it matches", setCell(base, "个性评分", "B3", "孔  亮"), []],
    ["a 姓名 that differs", setCell(base, "工作清单", "B2", "钱方"), ["E_NAME_MISMATCH 工作清单!B2 @DAJ"]],
  ])("%s", (_, sheets, expected) => {
    expect(brief(parse(sheets).problems)).toEqual(expected);
  });

  it("a 个性得分 column is taken as I", () => {
    let s = removeColumn(removeColumn(removeColumn(base, "个性评分", 3), "个性评分", 3), "个性评分", 3);
    s = setCell(s, "个性评分", "F1", "个性得分");
    for (const [row, total] of [[2, 90], [3, 87.5], [4, 80]] as const) s = setCell(s, "个性评分", `F${row}`, total);
    expect(parse(s).workbook?.individualScores.map((i) => toText(i.individual))).toEqual(["90", "87.5", "80"]);
  });

  it("a 测评得分 column gives one part of 100", () => {
    let s = base;
    for (let i = 0; i < 5; i++) s = removeColumn(s, "共性测评", 5);
    s = setCell(s, "共性测评", "E1", "测评得分");
    for (let row = 2; row <= 7; row++) s = setCell(s, "共性测评", `E${row}`, 90 + row);
    const parsed = parse(s);
    expect(brief(parsed.problems)).toEqual([]);
    expect(parsed.workbook?.ratings[0]?.parts).toEqual([{ indicator: null, max: exact(100), points: exact(92) }]);
  });

  it("an event of a person who is not graded stays in the workbook (否决 counts for the year)", () => {
    const parsed = parse(appendRows(base, "加减分", [["DA04", "严冬", "否决", null, "受到党内警告处分", null]]));
    expect(parsed.workbook?.events.map((e) => [e.personId, e.kind])).toEqual([
      ["DA02", "bonus"],
      ["DA04", "veto"],
    ]);
  });

  it("rows of unknown persons are left out of the workbook", () => {
    const parsed = parse(appendRows(base, "共性测评", [["DA09", "魏强", "同事", null, "好", "好", "好", "好", "好"]]));
    expect(parsed.workbook?.ratings.map((r) => r.personId)).toEqual(["DA01", "DA01", "DA02", "DA02", "DA03", "DA03"]);
  });

  it("without a period the workbook is not returned, its problems are", () => {
    const parsed = parse(setCell(base, "参数", "B2", "二〇二六"));
    expect(parsed.workbook).toBeNull();
    expect(brief(parsed.problems)).toEqual(["E_YEAR 参数!B2"]);
  });
});

describe("several units in one workbook", () => {
  it("reads the 单位 sheet and each person's unit", () => {
    const parsed = parse(twoUnits());
    expect(brief(parsed.problems)).toEqual([]);
    expect(parsed.workbook?.units.map((u) => [u.code, u.name, u.ref.sheet, u.ref.cell])).toEqual([
      ["DAJ", "某县档案馆", "单位", "A2"],
      ["FZB", "某县地方志办公室", "单位", "A3"],
    ]);
    expect(parsed.workbook?.persons.map((p) => `${p.unitCode}/${p.id}`)).toEqual(["DAJ/DA01", "DAJ/DA02", "DAJ/DA03", "DAJ/DA04", "FZB/FZ01"]);
  });

  it.each<[string, (s: SheetData[]) => SheetData[], string[]]>([
    ["an error in a person's row names the person's unit", (s) => setCell(s, "个性评分", "C5", "九十"), ["E_NOT_NUMBER 个性评分!C5 @FZB"]],
    ["an error in 指标 names no unit: it holds back the whole file", (s) => setCell(s, "指标", "D9", 20), ["E_INDICATOR_SUM 指标"]],
    ["a blank 单位代码 with two units", (s) => setCell(s, "人员", "A6", null), ["E_REQUIRED 人员!A6"]],
    ["a 单位代码 that is not a unit of the workbook", (s) => setCell(s, "人员", "A6", "SJJ"), ["E_UNKNOWN_UNIT 人员!A6"]],
    ["a repeated 单位代码 in 单位", (s) => appendRows(s, "单位", [["FZB", "某县方志办", null]]), ["E_DUPLICATE_UNIT 单位!A4 @FZB"]],
    [
      "a unit without persons",
      (s) => appendRows(s, "单位", [["SJJ", "某县审计局", null]]),
      ["W_UNIT_WITHOUT_PERSONS 单位!A4 @SJJ"],
    ],
    ["a 参数 单位代码 that is not in 单位", (s) => setCell(s, "参数", "B4", "XXX"), ["W_PARAMETER_UNIT 参数!B4"]],
    [
      "no 单位代码 column with two units",
      (s) => removeColumn(s, "人员", 1),
      ["E_MISSING_HEADER 人员"],
    ],
  ])("%s", (_, change, expected) => {
    expect(brief(parse(change(twoUnits())).problems)).toEqual(expected);
  });

  it("an empty 单位 sheet counts as none: the unit comes from 参数", () => {
    const sheets = [...copy(baseWorkbook()), { name: "单位", rows: [["单位代码", "单位名称"]] }] as SheetData[];
    const parsed = parse(sheets);
    expect(brief(parsed.problems)).toEqual([]);
    expect(parsed.workbook?.units.map((u) => u.code)).toEqual(["DAJ"]);
  });

  it("keeps each unit's 主管单位代码 with its cell for the run's check", () => {
    const parsed = parse(setCell(twoUnits(), "单位", "C3", "DAJ"));
    expect(parsed.parents).toEqual([{ unitCode: "FZB", parentCode: "DAJ", ref: { file: "档案馆.xlsx", sheet: "单位", cell: "C3", header: "主管单位代码" } }]);
    expect(parsed.workbook?.units[1]?.parentCode).toBe("DAJ");
  });
});

describe("a missing or unreadable 人员 sheet", () => {
  it("does not repeat itself on every row of the other sheets", () => {
    const parsed = parse((baseWorkbook() as SheetData[]).filter((s) => s.name !== "人员"));
    expect(brief(parsed.problems)).toEqual(["E_MISSING_SHEET 人员"]);
  });
});

describe("between sheets (afterSheet)", () => {
  it("is told the rows of each sheet of rows once it is parsed, in the order parsed", () => {
    const sheets = baseWorkbook() as SheetData[];
    const rowSheets = [WORK_LIST_SHEET, SUMMARIES_SHEET, INDIVIDUAL_SHEET, COMMON_SHEET, EVENTS_SHEET, DECISIONS_SHEET].map((sheet) => sheet.name);
    const told: number[] = [];
    const parsed = parseWorkbook(plainWorkbook("档案馆.xlsx", sheets), RULES, undefined, (rows) => told.push(rows));
    const expected = rowSheets.filter((name) => sheets.some((s) => s.name === name)).map((name) => sheetOf(sheets, name).rows.length);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(told).toEqual(expected);
    // Telling does not change what is parsed.
    expect(parsed).toEqual(parse(sheets));
  });
});
