import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/domain/usage-error.js";
import { makeTemplates, periodOfFlags, templateFileName, templateOutFolder } from "../../src/commands/template.js";
import { validate } from "../../src/commands/validate.js";
import { column, fillIn } from "../support/fill-template.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/template/${name}`, import.meta.url));

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "assess-template-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
/** A fresh output folder (not yet created) inside the test's temporary folder. */
const freshOut = (): string => path.join(root, `out${++count}`);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function columnValues(sheet: ExcelJS.Worksheet, header: string): unknown[] {
  const c = column(sheet, header);
  const values: unknown[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) values.push(sheet.getCell(r, c).value ?? null);
  return values;
}

function parameter(workbook: ExcelJS.Workbook, key: string): unknown {
  const sheet = workbook.getWorksheet("参数")!;
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === key) return sheet.getCell(r, 2).value ?? null;
  throw new Error(`no 参数 ${key}`);
}

describe("periodOfFlags: --year and --quarter read as 参数 reads them", () => {
  it.each([
    ["2026", "3", { year: 2026, quarter: 3 }],
    ["2026", "Q3", { year: 2026, quarter: 3 }],
    ["2026年", "第三季度", { year: 2026, quarter: 3 }],
    ["2025", "一", { year: 2025, quarter: 1 }],
    ["2100", "4", { year: 2100, quarter: 4 }],
  ])("--year %s --quarter %s", (year, quarter, expected) => {
    expect(periodOfFlags(year, quarter)).toEqual(expected);
  });

  it("neither flag: the period is left for the clerk", () => {
    expect(periodOfFlags(undefined, undefined)).toBeNull();
  });

  it.each([
    ["2026", undefined, /同时给出/],
    [undefined, "3", /同时给出/],
    ["1999", "3", /--year 填写了“1999”/],
    ["二〇二六", "3", /--year 填写了“二〇二六”/],
    ["2026", "5", /--quarter 填写了“5”/],
    ["2026", "Q0", /--quarter 填写了“Q0”/],
  ])("--year %s --quarter %s cannot run", (year, quarter, message) => {
    expect(() => periodOfFlags(year, quarter)).toThrow(UsageError);
    expect(() => periodOfFlags(year, quarter)).toThrow(message);
  });
});

describe("templateFileName: {年度}Q{季度}_{单位代码}_{单位名称}_填报.xlsx, unknown parts left out", () => {
  const q3 = { year: 2026, quarter: 3 as const };
  it.each([
    [q3, { code: "A01", name: "县发展和改革局" }, "2026Q3_A01_县发展和改革局_填报.xlsx"],
    [q3, { code: "A01", name: "" }, "2026Q3_A01_填报.xlsx"],
    [q3, null, "2026Q3_填报.xlsx"],
    [null, { code: "A01", name: "县司法局" }, "A01_县司法局_填报.xlsx"],
    [null, null, "填报.xlsx"],
    // names cannot lead outside --out (outputs.md)
    [q3, { code: "../A", name: "县/局" }, "2026Q3___A_县_局_填报.xlsx"],
  ])("%j %j → %s", (period, unit, expected) => {
    expect(templateFileName(period, unit)).toBe(expected);
  });

  it.each([
    [{ year: 2026, quarter: 3 as const }, "2026Q3_模板"],
    [null, "填报模板"],
  ])("default --out for %j is %s", (period, expected) => {
    expect(templateOutFolder(period)).toBe(expected);
  });
});

describe("makeTemplates: a blank workbook without a unit list or roster", () => {
  it("writes one workbook with the period, nothing else pre-filled", async () => {
    const outDir = freshOut();
    const result = await makeTemplates({ year: "2026", quarter: "三", outDir, force: false });
    expect(result.exitCode).toBe(0);
    expect(result.problems).toEqual([]);
    expect(result.written).toEqual([path.join(outDir, "2026Q3_填报.xlsx")]);
    const workbook = await load(result.written[0]!);
    expect(parameter(workbook, "年度")).toBe(2026);
    expect(parameter(workbook, "季度")).toBe(3);
    expect(parameter(workbook, "单位代码")).toBeNull();
    expect(workbook.getWorksheet("人员")!.rowCount).toBe(1);
  });

  it("does not replace an existing file without --force, and does with it", async () => {
    const outDir = freshOut();
    await makeTemplates({ outDir, force: false });
    await expect(makeTemplates({ outDir, force: false })).rejects.toThrow(/已存在/);
    const again = await makeTemplates({ outDir, force: true });
    expect(again.written).toEqual([path.join(outDir, "填报.xlsx")]);
  });
});

// fixtures/template/README.md: who is in the fixture roster
const EXPECTED_UNITS = [
  {
    code: "A01",
    file: "2026Q3_A01_县发展和改革局_填报.xlsx",
    params: { 单位名称: "县发展和改革局", 主管单位代码: null, 联系人: "李明", 联系电话: "0556-5123456", 受理地址: "县政务服务中心三楼" },
    roster: ["0001", "0002", "340803198503120029", "0004", "0005"],
    // 0001 is a 领导成员 and 0005 is 不确定等次: neither is graded
    graded: ["0002", "340803198503120029", "0004"],
  },
  {
    code: "A0101",
    file: "2026Q3_A0101_县价格认证中心_填报.xlsx",
    params: { 单位名称: "县价格认证中心", 主管单位代码: "A01", 联系人: "王芳", 联系电话: "0556-5123457", 受理地址: null },
    roster: ["0101", "0102"],
    graded: ["0101", "0102"],
  },
  {
    code: "B02",
    file: "2026Q3_B02_县司法局_填报.xlsx",
    params: { 单位名称: "县司法局", 主管单位代码: null, 联系人: "赵刚", 联系电话: "0556-5123458", 受理地址: "县府路8号" },
    roster: ["340803199007151023", "0202", "340822198801010038"],
    // 0202 is 不参加
    graded: ["340803199007151023", "340822198801010038"],
  },
];

describe("makeTemplates: one workbook per unit from a unit list and a roster", () => {
  it.each(["roster.csv", "roster-bom.csv", "roster-gbk.csv", "roster.xlsx"])("from %s", async (roster) => {
    const outDir = freshOut();
    const result = await makeTemplates({
      unitsPath: fixture("units.csv"),
      rosterPath: fixture(roster),
      year: "2026",
      quarter: "3",
      outDir,
      force: false,
    });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.written).toEqual(EXPECTED_UNITS.map((u) => path.join(outDir, u.file)));
    expect(result.units.map((u) => [u.code, u.file])).toEqual(EXPECTED_UNITS.map((u) => [u.code, path.join(outDir, u.file)]));
    for (const unit of EXPECTED_UNITS) {
      const workbook = await load(path.join(outDir, unit.file));
      expect(parameter(workbook, "年度")).toBe(2026);
      expect(parameter(workbook, "季度")).toBe(3);
      expect(parameter(workbook, "单位代码")).toBe(unit.code);
      for (const [key, value] of Object.entries(unit.params)) expect(parameter(workbook, key), `${unit.code} ${key}`).toBe(value);
      expect(columnValues(workbook.getWorksheet("人员")!, "人员编号")).toEqual(unit.roster);
      expect(columnValues(workbook.getWorksheet("个性评分")!, "人员编号")).toEqual(unit.graded);
    }
    // the merged 规划科 of roster.xlsx reaches every person under it
    const a01 = await load(path.join(outDir, EXPECTED_UNITS[0]!.file));
    expect(columnValues(a01.getWorksheet("人员")!, "科室")).toEqual(["办公室", "办公室", "规划科", "规划科", "规划科"]);
    expect(columnValues(a01.getWorksheet("人员")!, "状态原因")).toEqual([null, null, null, null, "试用期"]);
  });

  it("a unit with bad rows gets no workbook; the others are written (exit 1)", async () => {
    const outDir = freshOut();
    const result = await makeTemplates({
      unitsPath: fixture("units.csv"),
      rosterPath: fixture("bad-roster.csv"),
      year: "2026",
      quarter: "3",
      outDir,
      force: false,
    });
    expect(result.exitCode).toBe(1);
    expect(result.problems.map((p) => [p.severity, p.code, p.sheet, p.cell, p.unit])).toEqual([
      ["error", "E_DUPLICATE_PERSON", "人员", "B3", "A01"],
      ["error", "E_REQUIRED", "人员", "D4", "A01"],
      ["error", "E_CHOICE", "人员", "G4", "A01"],
      ["error", "E_STATUS_REASON", "人员", "H6", "B02"],
    ]);
    expect(result.problems[2]!.message).toBe("人员!G4「考核状态」填写了“在岗”，应为以下之一：参加、不确定等次、不参加。");
    expect(result.units.map((u) => [u.code, u.file === null ? null : path.basename(u.file)])).toEqual([
      ["A01", null],
      ["A0101", "2026Q3_A0101_县价格认证中心_填报.xlsx"],
      ["B02", null],
    ]);
    expect(result.written).toHaveLength(1);
  });

  it("a person of a unit not in the list stops every workbook: the person belongs nowhere", async () => {
    const roster = path.join(root, "unknown-unit.csv");
    await writeFile(roster, "单位代码,人员编号,姓名,科室\nA01,0001,陈建国,办公室\nC09,0009,马超,办公室\n");
    const outDir = freshOut();
    const result = await makeTemplates({ unitsPath: fixture("units.csv"), rosterPath: roster, outDir, force: false });
    expect(result.exitCode).toBe(1);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.cell])).toEqual([["E_UNKNOWN_UNIT", "A3"]]);
    expect(result.written).toEqual([]);
    expect(result.outDir).toBeNull();
  });

  it("a 主管单位代码 outside the list is an error of that unit", async () => {
    const units = path.join(root, "bad-parent.csv");
    await writeFile(units, "单位代码,单位名称,主管单位代码\nA01,县发展和改革局,\nA0101,县价格认证中心,Z99\n");
    const result = await makeTemplates({ unitsPath: units, outDir: freshOut(), force: false });
    expect(result.problems.map((p) => [p.code, p.cell, p.unit])).toEqual([["E_UNKNOWN_PARENT", "C3", "A0101"]]);
    expect(result.units.map((u) => [u.code, u.file === null])).toEqual([
      ["A01", false],
      ["A0101", true],
    ]);
  });

  it("a unit list alone gives each unit a workbook with an empty roster", async () => {
    const outDir = freshOut();
    const result = await makeTemplates({ unitsPath: fixture("units.csv"), outDir, force: false });
    expect(result.exitCode).toBe(0);
    expect(result.written.map((f) => path.basename(f))).toEqual([
      "A01_县发展和改革局_填报.xlsx",
      "A0101_县价格认证中心_填报.xlsx",
      "B02_县司法局_填报.xlsx",
    ]);
    const workbook = await load(result.written[0]!);
    expect(parameter(workbook, "年度")).toBeNull();
    expect(workbook.getWorksheet("人员")!.rowCount).toBe(1);
  });
});

describe("makeTemplates: a roster without a unit list", () => {
  it("makes one workbook per 单位代码 of the roster, names left for the clerk", async () => {
    const outDir = freshOut();
    const result = await makeTemplates({ rosterPath: fixture("roster.csv"), year: "2026", quarter: "3", outDir, force: false });
    expect(result.exitCode).toBe(0);
    expect(result.written.map((f) => path.basename(f))).toEqual(["2026Q3_A01_填报.xlsx", "2026Q3_A0101_填报.xlsx", "2026Q3_B02_填报.xlsx"]);
    const workbook = await load(result.written[1]!);
    expect(parameter(workbook, "单位代码")).toBe("A0101");
    expect(parameter(workbook, "单位名称")).toBeNull();
  });

  it("a roster of one unit may leave out 单位代码: one workbook", async () => {
    const roster = path.join(root, "one-unit.csv");
    await writeFile(roster, "人员编号,姓名,科室\n0001,陈建国,办公室\n0002,刘晓燕,办公室\n");
    const result = await makeTemplates({ rosterPath: roster, year: "2026", quarter: "3", outDir: freshOut(), force: false });
    expect(result.problems).toEqual([]);
    expect(result.written.map((f) => path.basename(f))).toEqual(["2026Q3_填报.xlsx"]);
    const workbook = await load(result.written[0]!);
    expect(columnValues(workbook.getWorksheet("个性评分")!, "姓名")).toEqual(["陈建国", "刘晓燕"]);
  });

  it("a roster naming several units must name one on every row", async () => {
    const roster = path.join(root, "mixed.csv");
    await writeFile(roster, "单位代码,人员编号,姓名,科室\nA01,0001,陈建国,办公室\n,0002,刘晓燕,办公室\nB02,0003,冯磊,法治督察科\n");
    const result = await makeTemplates({ rosterPath: roster, outDir: freshOut(), force: false });
    expect(result.exitCode).toBe(1);
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([["E_REQUIRED", "A3"]]);
    expect(result.written).toEqual([]);
  });
});

describe("makeTemplates: inputs that cannot be read, rules that are wrong (exit 2)", () => {
  it.each([
    ["missing.csv", "E_FILE_UNREADABLE"],
    ["missing.xlsx", "E_FILE_UNREADABLE"],
  ])("%s → %s", async (name, code) => {
    const result = await makeTemplates({ rosterPath: path.join(root, name), outDir: freshOut(), force: false });
    expect(result.exitCode).toBe(2);
    expect(result.problems.map((p) => p.code)).toEqual([code]);
    expect(result.written).toEqual([]);
  });

  it("a CSV saved under .xlsx is refused as not a workbook", async () => {
    const file = path.join(root, "roster-really-csv.xlsx");
    await writeFile(file, await readFile(fixture("roster.csv")));
    const result = await makeTemplates({ rosterPath: file, outDir: freshOut(), force: false });
    expect(result.exitCode).toBe(2);
    expect(result.problems[0]!.code).toMatch(/^E_FILE_/);
    expect(result.problems[0]!.message).toContain("roster-really-csv.xlsx");
  });

  it("a rules file that breaks the rules gives its problems and writes nothing", async () => {
    const rules = path.join(root, "bad-rules.json");
    await writeFile(rules, JSON.stringify({ indicators: [{ name: "工作实绩", category: "个性", max: 90 }] }));
    const outDir = freshOut();
    const result = await makeTemplates({ rulesPath: rules, outDir, force: false });
    expect(result.exitCode).toBe(2);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.written).toEqual([]);
  });

  it("the rules' indicators become the 指标 sheet and the scoring columns", async () => {
    const rules = path.join(root, "rules.json");
    await writeFile(
      rules,
      JSON.stringify({
        indicators: [
          { name: "工作实绩", category: "个性", dimension: "绩", max: 100 },
          { name: "德廉表现", category: "共性", dimension: "德", max: 60 },
          { name: "勤勉表现", category: "共性", dimension: "勤", max: 40 },
        ],
      }),
    );
    const result = await makeTemplates({ rulesPath: rules, outDir: freshOut(), force: false });
    expect(result.exitCode).toBe(0);
    const workbook = await load(result.written[0]!);
    expect(columnValues(workbook.getWorksheet("指标")!, "指标名称")).toEqual(["工作实绩", "德廉表现", "勤勉表现"]);
    const common = workbook.getWorksheet("共性测评")!;
    expect([5, 6].map((c) => common.getCell(1, c).value)).toEqual(["德廉表现", "勤勉表现"]);
  });
});

describe("round trip: a template filled in passes validate", () => {
  it("every unit's filled template validates with no problem at all", async () => {
    const outDir = freshOut();
    const made = await makeTemplates({
      unitsPath: fixture("units.csv"),
      rosterPath: fixture("roster-gbk.csv"),
      year: "2026",
      quarter: "3",
      outDir,
      force: false,
    });
    expect(made.exitCode).toBe(0);
    for (const file of made.written) await fillIn(file);
    const result = await validate(made.written, { maxSizeMiB: 256 });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.period).toEqual({ year: 2026, quarter: 3 });
    expect(result.units.map((u) => [u.code, u.state])).toEqual([
      ["A01", "ok"],
      ["A0101", "ok"],
      ["B02", "ok"],
    ]);
  });

  it("a unit's own filled workbook, with its 主管单位代码, validates alone: the parent not in the run is a warning", async () => {
    const made = await makeTemplates({
      unitsPath: fixture("units.csv"),
      rosterPath: fixture("roster.csv"),
      year: "2026",
      quarter: "3",
      outDir: freshOut(),
      force: false,
    });
    const own = made.written.find((file) => path.basename(file).includes("A0101"))!;
    await fillIn(own);
    const result = await validate([own], { maxSizeMiB: 256 });
    expect(result.problems.map((p) => [p.severity, p.code, p.sheet, p.value])).toEqual([["warning", "W_UNKNOWN_PARENT", "参数", "A01"]]);
    expect(result.exitCode).toBe(0);
    expect(result.units.map((u) => [u.code, u.state])).toEqual([["A0101", "ok"]]);
  });

  it("an unfilled template is refused only for what the clerk has to fill in", async () => {
    const made = await makeTemplates({
      unitsPath: fixture("units.csv"),
      rosterPath: fixture("roster.csv"),
      year: "2026",
      quarter: "3",
      outDir: freshOut(),
      force: false,
    });
    const result = await validate([made.written[2]!], { maxSizeMiB: 256 });
    // B02: two graded persons, three blank scores each; no rating; no work item (warnings)
    const codes = result.problems.map((p) => `${p.severity}:${p.code}`);
    expect(codes.filter((c) => c === "error:E_BLANK_SCORE")).toHaveLength(6);
    expect(new Set(codes)).toEqual(new Set(["error:E_BLANK_SCORE", "error:E_NO_RATING", "warning:W_NO_RECIPIENT_RATING", "warning:W_NO_WORK_ITEM"]));
  });
});
