import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { toRules } from "../../src/domain/rules-file.js";
import { DEFAULT_RULES_FILE } from "../../src/domain/rules-file-defaults.js";
import { exact } from "../../src/domain/exact.js";
import type { RulesIndicator } from "../../src/domain/rules.js";
import { writeTemplate, type TemplateContent, type TemplatePerson } from "../../src/build/template-workbook.js";
import { boxesOf, overlap, sheetXmlByName, validationsOf } from "../support/xlsx-parts.js";
import { zipPart, zipParts } from "../support/read-office.js";

const INSTRUCTIONS = readFileSync(fileURLToPath(new URL("../../templates/template-instructions.txt", import.meta.url)), "utf8");
const DEFAULT_INDICATORS = toRules(DEFAULT_RULES_FILE).indicators;

function person(id: string, name: string, extra: Partial<TemplatePerson> = {}): TemplatePerson {
  return {
    unitCode: "A01",
    id,
    name,
    department: "办公室",
    title: null,
    kind: "staff",
    status: "participating",
    statusReason: null,
    window: false,
    selfGrade: null,
    note: null,
    ...extra,
  };
}

const ROSTER: TemplatePerson[] = [
  person("0001", "陈建国", { title: "局长", kind: "leadership" }),
  person("0002", "刘晓燕", { selfGrade: "good" }),
  person("340803198503120029", "孙伟", { department: "规划科", window: true }),
  person("0005", "吴涛", { department: "规划科", status: "undetermined", statusReason: "试用期", note: "=1+1" }),
];

const FILLED: TemplateContent = {
  period: { year: 2026, quarter: 3 },
  unit: { code: "A01", name: "县发展和改革局", parentCode: null, contact: "李明", phone: "0556-5123456", address: "县政务服务中心三楼" },
  persons: ROSTER,
  indicators: DEFAULT_INDICATORS,
  instructions: INSTRUCTIONS,
};
const BLANK: TemplateContent = { period: null, unit: null, persons: [], indicators: DEFAULT_INDICATORS, instructions: INSTRUCTIONS };

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  const values: unknown[] = [];
  for (let c = 1; c <= columns; c++) {
    const v = sheet.getCell(row, c).value;
    values.push(v === undefined ? null : v);
  }
  return values;
}

function headers(sheet: ExcelJS.Worksheet): unknown[] {
  return rowValues(sheet, 1, sheet.getRow(1).cellCount);
}

let filledBytes: Buffer;
let filled: ExcelJS.Workbook;
let blank: ExcelJS.Workbook;
let filledXml: Map<string, string>;
let blankXml: Map<string, string>;

beforeAll(async () => {
  filledBytes = await writeTemplate(FILLED);
  filled = await load(filledBytes);
  const blankBytes = await writeTemplate(BLANK);
  blank = await load(blankBytes);
  filledXml = await sheetXmlByName(filledBytes);
  blankXml = await sheetXmlByName(blankBytes);
});

const SHEET_ORDER = ["说明", "参数", "人员", "指标", "工作清单", "个人小结", "个性评分", "共性测评", "加减分", "审定"];

describe("writeTemplate: sheets and headers (workbook.md)", () => {
  it("writes every sheet of workbook.md in order, without 单位 (one unit a workbook)", () => {
    expect(filled.worksheets.map((s) => s.name)).toEqual(SHEET_ORDER);
    expect(blank.worksheets.map((s) => s.name)).toEqual(SHEET_ORDER);
  });

  it.each([
    ["参数", ["项目", "内容"]],
    ["人员", ["单位代码", "人员编号", "姓名", "科室", "职务职级", "人员类别", "考核状态", "状态原因", "窗口岗位", "自评等次", "备注"]],
    ["指标", ["指标名称", "类别", "维度", "满分", "说明"]],
    ["工作清单", ["人员编号", "姓名", "月份", "工作事项", "完成情况", "未完成原因", "备注"]],
    ["个人小结", ["人员编号", "姓名", "月份", "小结"]],
    ["个性评分", ["人员编号", "姓名", "工作数量", "工作质量", "工作效率", "评鉴意见", "改进目标", "评鉴人"]],
    ["共性测评", ["被测评人编号", "被测评人姓名", "测评人类别", "测评人", "政治素质", "职业道德", "工作作风", "廉洁自律", "出勤情况"]],
    ["加减分", ["人员编号", "姓名", "类型", "分值", "事由", "日期"]],
    ["审定", ["人员编号", "姓名", "审定等次", "类型", "理由", "日期"]],
  ])("%s has the headers of sheets.ts, indicators after 姓名/测评人", (name, expected) => {
    expect(headers(filled.getWorksheet(name)!)).toEqual(expected);
    expect(headers(blank.getWorksheet(name)!)).toEqual(expected);
  });

  it("indicator columns follow the rules' indicators", async () => {
    const indicators: RulesIndicator[] = [
      { name: "业务工作", category: "individual", dimension: "achievement", max: exact(100) },
      { name: "综合表现", category: "common", dimension: null, max: exact(100) },
    ];
    const workbook = await load(await writeTemplate({ ...BLANK, indicators }));
    expect(headers(workbook.getWorksheet("个性评分")!)).toEqual(["人员编号", "姓名", "业务工作", "评鉴意见", "改进目标", "评鉴人"]);
    expect(headers(workbook.getWorksheet("共性测评")!)).toEqual(["被测评人编号", "被测评人姓名", "测评人类别", "测评人", "综合表现"]);
    expect(rowValues(workbook.getWorksheet("指标")!, 3, 5)).toEqual(["综合表现", "共性", null, 100, null]);
    expect(workbook.getWorksheet("指标")!.rowCount).toBe(3);
  });
});

describe("writeTemplate: what is pre-filled", () => {
  it("参数 holds the period and the unit; 公示开始日期 is left blank", () => {
    const sheet = filled.getWorksheet("参数")!;
    const rows = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => rowValues(sheet, r, 2));
    expect(rows).toEqual([
      ["年度", 2026],
      ["季度", 3],
      ["单位代码", "A01"],
      ["单位名称", "县发展和改革局"],
      ["主管单位代码", null],
      ["联系人", "李明"],
      ["联系电话", "0556-5123456"],
      ["受理地址", "县政务服务中心三楼"],
      ["公示开始日期", null],
    ]);
  });

  it("a blank template leaves every 参数 value to the clerk", () => {
    const sheet = blank.getWorksheet("参数")!;
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => sheet.getCell(r, 2).value ?? null)).toEqual(Array(9).fill(null));
    expect(blank.getWorksheet("人员")!.rowCount).toBe(1);
    expect(blank.getWorksheet("个性评分")!.rowCount).toBe(1);
  });

  it("人员 lists the roster in order with Chinese labels and defaults written out", () => {
    const sheet = filled.getWorksheet("人员")!;
    expect([2, 3, 4, 5].map((r) => rowValues(sheet, r, 11))).toEqual([
      ["A01", "0001", "陈建国", "办公室", "局长", "领导成员", "参加", null, "否", null, null],
      ["A01", "0002", "刘晓燕", "办公室", null, "非领导成员", "参加", null, "否", "好", null],
      ["A01", "340803198503120029", "孙伟", "规划科", null, "非领导成员", "参加", null, "是", null, null],
      ["A01", "0005", "吴涛", "规划科", null, "非领导成员", "不确定等次", "试用期", "否", null, "=1+1"],
    ]);
    expect(sheet.rowCount).toBe(5);
  });

  it("text that looks like a formula is written as text (outputs.md Safety of files)", () => {
    const cell = filled.getWorksheet("人员")!.getCell("K5");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(filledXml.get("人员")).not.toContain("<f>");
  });

  it("人员编号 cells and columns are formatted as text", () => {
    for (const [name, column] of [["人员", 2], ["个性评分", 1], ["工作清单", 1], ["工作清单", 3], ["个人小结", 1], ["个人小结", 3], ["共性测评", 1], ["共性测评", 4], ["加减分", 1], ["审定", 1]] as const) {
      const sheet = filled.getWorksheet(name)!;
      expect(sheet.getColumn(column).numFmt, `${name} column ${column}`).toBe("@");
    }
    expect(filled.getWorksheet("人员")!.getCell("B4").numFmt).toBe("@");
    expect(filled.getWorksheet("个性评分")!.getCell("A3").numFmt).toBe("@");
    // the unit code too: codes such as 001 keep their zeros
    expect(filled.getWorksheet("参数")!.getCell("B4").numFmt).toBe("@");
  });

  it("指标 lists the rules' indicators with their 满分 as numbers", () => {
    const sheet = filled.getWorksheet("指标")!;
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((r) => rowValues(sheet, r, 4))).toEqual([
      ["工作数量", "个性", "绩", 30],
      ["工作质量", "个性", "绩", 40],
      ["工作效率", "个性", "能", 30],
      ["政治素质", "共性", "德", 30],
      ["职业道德", "共性", "德", 20],
      ["工作作风", "共性", "勤", 20],
      ["廉洁自律", "共性", "廉", 20],
      ["出勤情况", "共性", "勤", 10],
    ]);
  });

  it("个性评分 has one row per graded person (非领导成员 and 参加), scores left blank", () => {
    const sheet = filled.getWorksheet("个性评分")!;
    expect([2, 3].map((r) => rowValues(sheet, r, 8))).toEqual([
      ["0002", "刘晓燕", null, null, null, null, null, null],
      ["340803198503120029", "孙伟", null, null, null, null, null, null],
    ]);
    expect(sheet.rowCount).toBe(3);
  });

  it.each(["工作清单", "共性测评", "加减分", "审定"])("%s has only its header", (name) => {
    expect(filled.getWorksheet(name)!.rowCount).toBe(1);
  });

  it("个人小结 has one row per person of the roster, 月份 and 小结 left blank", () => {
    const sheet = filled.getWorksheet("个人小结")!;
    expect([2, 3, 4, 5].map((r) => rowValues(sheet, r, 4))).toEqual([
      ["0001", "陈建国", null, null],
      ["0002", "刘晓燕", null, null],
      ["340803198503120029", "孙伟", null, null],
      ["0005", "吴涛", null, null],
    ]);
    expect(sheet.rowCount).toBe(5);
    expect(blank.getWorksheet("个人小结")!.rowCount).toBe(1);
  });

  it("a blank template, whose quarter is not known, offers the twelve months after a warning", () => {
    const found = validationsOf(blankXml.get("工作清单")!).find((v) => v.sqref === "C2:C1000");
    expect(found?.formulae).toEqual(['"1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月"']);
    expect(found?.errorStyle).toBe("warning");
  });

  it("说明 tells how a unit keeps its records month by month in the same workbook", () => {
    const texts: string[] = [];
    filled.getWorksheet("说明")!.eachRow((row) => texts.push(String((row.values as unknown[])[1] ?? "")));
    const text = texts.join("\n");
    expect(text).toContain("按月纪实：同一个工作簿可以从季度第一个月用到季度末");
    expect(text).toContain("个人小结");
    expect(texts.filter((t) => t === "工作清单").length).toBeGreaterThan(0);
  });

  it("说明 holds the instruction text and a line for every column", () => {
    const sheet = filled.getWorksheet("说明")!;
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(row.values ? String((row.values as unknown[])[1] ?? "") : ""));
    expect(texts[0]).toBe("公务员平时考核填报工作簿 填写说明");
    expect(texts).toContain("个性评分");
    const columnLines: string[] = [];
    sheet.eachRow((row) => {
      const v = row.values as unknown[];
      // the sheet's heading is merged across the row; the table's rows are not
      if (v[1] === "个性评分" && typeof v[2] === "string" && v[2] !== v[1]) columnLines.push(`${v[2]}|${String(v[3] ?? "")}|${String(v[4])}`);
    });
    expect(columnLines).toEqual([
      "人员编号|是|文本（数字也按文本填写）",
      "姓名||文字",
      "工作数量|是|0 至 30 之间的数字",
      "工作质量|是|0 至 40 之间的数字",
      "工作效率|是|0 至 30 之间的数字",
      "评鉴意见||文字",
      "改进目标||文字",
      "评鉴人||文字",
    ]);
  });
});

describe("writeTemplate: made for people", () => {
  it("every data validation is one column range, and no two overlap", () => {
    for (const xml of [...filledXml.values(), ...blankXml.values()]) {
      const boxes = validationsOf(xml).flatMap((v) => boxesOf(v.sqref));
      for (let i = 0; i < boxes.length; i++) {
        const a = boxes[i]!;
        expect(a.left).toBe(a.right);
        for (let j = i + 1; j < boxes.length; j++) expect(overlap(a, boxes[j]!)).toBe(false);
      }
    }
  });

  it.each([
    // sheet, sqref, type, operator, formulae, errorStyle, error
    ["个性评分", "C2:C500", "decimal", null, ["0", "30"], "stop", "应为 0 至 30 之间的数字。"],
    ["个性评分", "D2:D500", "decimal", null, ["0", "40"], "stop", "应为 0 至 40 之间的数字。"],
    ["人员", "G2:G500", "list", null, ['"参加,不确定等次,不参加"'], "stop", "应为 参加、不确定等次、不参加 之一，请从下拉列表中选择。"],
    ["人员", "F2:F500", "list", null, ['"非领导成员,领导成员"'], "stop", "应为 非领导成员、领导成员 之一，请从下拉列表中选择。"],
    ["共性测评", "C2:C2000", "list", null, ['"领导,同事,服务对象"'], "stop", "应为 领导、同事、服务对象 之一，请从下拉列表中选择。"],
    ["共性测评", "E2:E2000", "list", null, ['"好,较好,一般,较差"'], "warning", "应为 好、较好、一般、较差 之一，或 0 至 30 之间的数字。填的是分数请点“是”。"],
    ["工作清单", "E2:E1000", "list", null, ['"已完成,推进中,未完成"'], "stop", "应为 已完成、推进中、未完成 之一，请从下拉列表中选择。"],
    ["工作清单", "C2:C1000", "list", null, ['"7月,8月,9月"'], "stop", "应为本季度的月份：7月、8月、9月 之一，请从下拉列表中选择；整个季度的可不填。"],
    ["个人小结", "C2:C500", "list", null, ['"7月,8月,9月"'], "stop", "应为本季度的月份：7月、8月、9月 之一，请从下拉列表中选择；整个季度的可不填。"],
    ["加减分", "C2:C500", "list", null, ['"加分,减分,否决,限好"'], "stop", "应为 加分、减分、否决、限好 之一，请从下拉列表中选择。"],
    ["加减分", "D2:D500", "decimal", "greaterThan", ["0"], "stop", "应为大于 0 的数字。"],
    ["审定", "D2:D500", "list", null, ['"委员会审定,复核"'], "stop", "应为 委员会审定、复核 之一，请从下拉列表中选择。"],
    ["参数", "B2", "whole", null, ["2000", "2100"], "stop", "应为 2000 至 2100 之间的四位年份。"],
    ["参数", "B3", "list", null, ['"1,2,3,4"'], "stop", "应为 1、2、3、4 之一，请从下拉列表中选择。"],
  ])("%s %s: %s validation", (sheet, sqref, type, operator, formulae, errorStyle, error) => {
    const found = validationsOf(filledXml.get(sheet)!).find((v) => v.sqref === sqref);
    expect(found).toEqual({ sqref, type, operator, formulae, errorStyle, error });
  });

  it("参数 lists its rows in 说明, with what each accepts", () => {
    const lines: string[] = [];
    filled.getWorksheet("说明")!.eachRow((row) => {
      const v = row.values as unknown[];
      if (v[1] === "参数" && v[2] !== v[1]) lines.push(`${String(v[2])}|${String(v[3] ?? "")}|${String(v[4])}`);
    });
    expect(lines).toEqual([
      "年度|是|2000 至 2100 之间的四位年份",
      "季度|是|1、2、3、4（从下拉列表选择）",
      "单位代码|是|文本（数字也按文本填写）",
      "单位名称|是|文字",
      "主管单位代码||文本（数字也按文本填写）",
      "联系人||文字",
      "联系电话||文本（数字也按文本填写）",
      "受理地址||文字",
      "公示开始日期||日期，如 2026-10-09",
    ]);
  });

  it("date cells accept dates from 2000 to 2100 and show them as yyyy-mm-dd", () => {
    const notice = validationsOf(filledXml.get("参数")!).find((v) => v.sqref === "B10");
    expect(notice?.type).toBe("date");
    expect(notice?.formulae).toEqual(["36526", "73415"]);
    expect(filled.getWorksheet("参数")!.getCell("B10").numFmt).toBe("yyyy-mm-dd");

    const found = validationsOf(filledXml.get("审定")!).find((v) => v.sqref === "F2:F500");
    expect(found?.type).toBe("date");
    // Excel serial numbers of 2000-01-01 and 2100-12-31
    expect(found?.formulae).toEqual(["36526", "73415"]);
    expect(filled.getWorksheet("审定")!.getColumn(6).numFmt).toBe("yyyy-mm-dd");
  });

  it("free-text and identity columns have no validation", () => {
    const ranges = validationsOf(filledXml.get("个性评分")!).map((v) => v.sqref);
    expect(ranges).toEqual(["C2:C500", "D2:D500", "E2:E500"]);
  });

  it("validations reach further down for a large roster", async () => {
    const many = Array.from({ length: 400 }, (_, i) => person(String(1000 + i), `人员${i}`));
    const xml = await sheetXmlByName(await writeTemplate({ ...FILLED, persons: many }));
    // 人员: roster + 200 spare rows; 共性测评: 30 ratings a person; 工作清单: 10 items a person
    expect(validationsOf(xml.get("人员")!).map((v) => v.sqref)).toContain("G2:G600");
    expect(validationsOf(xml.get("共性测评")!).map((v) => v.sqref)).toContain("C2:C12000");
    expect(validationsOf(xml.get("工作清单")!).map((v) => v.sqref)).toContain("E2:E4000");
    // 个人小结: a row per person and month (3 months and the quarter) and 200 spare rows
    expect(validationsOf(xml.get("个人小结")!).map((v) => v.sqref)).toEqual(["C2:C1800"]);
  });

  it("every sheet is protected without a password, allowing format, resize, rows and sorting", () => {
    for (const [name, xml] of filledXml) {
      const protection = /<sheetProtection ([^>]*)\/>/.exec(xml)?.[1];
      expect(protection, name).toBeDefined();
      expect(protection).toContain('sheet="1"');
      expect(protection).not.toContain("hashValue");
      expect(protection).not.toContain("password");
      for (const allowed of ["formatCells", "formatColumns", "formatRows", "insertRows", "deleteRows", "sort"]) {
        expect(protection).toContain(`${allowed}="0"`); // OOXML: "0" means not protected, i.e. allowed
      }
    }
  });

  it("header rows are locked and input cells unlocked, also below the pre-filled rows", () => {
    for (const name of SHEET_ORDER.slice(2)) {
      const sheet = filled.getWorksheet(name)!;
      expect(sheet.getCell("A1").protection?.locked, `${name}!A1`).not.toBe(false);
      expect(sheet.getColumn(1).protection?.locked, `${name} column A`).toBe(false);
      expect(sheet.getColumn(sheet.getRow(1).cellCount).protection?.locked).toBe(false);
    }
    expect(filled.getWorksheet("个性评分")!.getCell("A2").protection?.locked).toBe(false);
    expect(filled.getWorksheet("个性评分")!.getCell("C2").protection?.locked).toBe(false);
    // 参数: the keys are locked, the values open
    expect(filled.getWorksheet("参数")!.getCell("A2").protection?.locked).not.toBe(false);
    expect(filled.getWorksheet("参数")!.getCell("B2").protection?.locked).toBe(false);
  });

  it("header rows are frozen (and the 编号/姓名 columns of the person sheets), A4, header repeated", () => {
    for (const [name, xSplit] of [["参数", 0], ["人员", 3], ["个性评分", 2], ["共性测评", 2], ["审定", 2]] as const) {
      const sheet = filled.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit });
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.printTitlesRow).toBe("1:1");
    }
  });

  it("column widths come from sheets.ts", () => {
    const sheet = filled.getWorksheet("人员")!;
    expect([1, 2, 3, 4].map((c) => sheet.getColumn(c).width)).toEqual([12, 20, 10, 14]);
  });

  it("季度: what the dropdown offers is what the note and 说明 say, and nothing it refuses (issue 11)", () => {
    const dropdown = validationsOf(filledXml.get("参数")!).find((v) => v.sqref === "B3")!;
    const offered = dropdown.formulae[0]!.replace(/"/g, "").split(",");
    const note = String(filled.getWorksheet("参数")!.getCell("A3").note);
    let explained = "";
    filled.getWorksheet("说明")!.eachRow((row) => {
      const v = row.values as unknown[];
      if (v[1] === "参数" && v[2] === "季度") explained = `${String(v[4])} ${String(v[5] ?? "")}`;
    });
    expect(dropdown.errorStyle).toBe("stop");
    for (const text of [note, explained]) {
      expect(text).toContain(offered.join("、"));
      expect(text).toContain("下拉列表");
      // The reader takes Q3 and 第三季度 too, but a stop dropdown refuses them: not suggested.
      expect(text).not.toMatch(/Q\d|也可/);
    }
  });

  it("notes are signed by the tool, not exceljs's `Author`", async () => {
    const parts = (await zipParts(filledBytes)).filter((name) => /^xl\/comments\d*\.xml$/.test(name));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const comments = await zipPart(filledBytes, part);
      expect(comments).toContain("<authors><author>assess</author></authors>");
      expect(comments).not.toContain("Author");
    }
  });

  it("required headers are red, optional ones black; hints are notes", () => {
    const sheet = filled.getWorksheet("人员")!;
    expect(sheet.getCell("B1").font?.color?.argb).toBe("FFC00000");
    expect(sheet.getCell("A1").font?.color).toBeUndefined();
    expect(sheet.getCell("B1").note).toBe("工号或身份证号，按文本填写，全部人员中不重复");
  });
});

describe("writeTemplate: deterministic", () => {
  it("the same content gives the same bytes, with fixed document dates", async () => {
    const again = await writeTemplate(FILLED);
    expect(again.equals(filledBytes)).toBe(true);
    expect(filled.created.toISOString()).toBe("1980-01-01T00:00:00.000Z");
    expect(filled.modified.toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });
});

describe("writeTemplate: any roster (property)", () => {
  it("个性评分 lists exactly the graded persons, in roster order", async () => {
    const arbitraryPerson = fc.record({
      kind: fc.constantFrom("staff" as const, "leadership" as const),
      status: fc.constantFrom("participating" as const, "undetermined" as const, "excluded" as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryPerson, { maxLength: 12 }), async (shapes) => {
        const persons = shapes.map((s, i) => person(`P${i}`, `人${i}`, s));
        const workbook = await load(await writeTemplate({ ...FILLED, persons }));
        const sheet = workbook.getWorksheet("个性评分")!;
        const ids: unknown[] = [];
        for (let r = 2; r <= sheet.rowCount; r++) ids.push(sheet.getCell(r, 1).value);
        const expected = persons.filter((p) => p.kind === "staff" && p.status === "participating").map((p) => p.id);
        expect(ids).toEqual(expected);
        expect(workbook.getWorksheet("人员")!.rowCount).toBe(persons.length + 1);
      }),
      { numRuns: 15 },
    );
  });
});
