import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import type { Problem } from "../../src/domain/problem.js";
import type { ResultWorkbookInput } from "../../src/build/result-workbook.js";
import { buildResultWorkbook } from "../../src/build/result-workbook.js";
import type { SheetCell, SheetSpec, WorkbookSpec } from "../../src/ooxml/write-xlsx.js";
import { linesNeeded, writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { DEPARTMENT_POOL, IDS, POOL, WORKBOOK, demoEffectiveRules, demoUnit } from "../support/demo-unit.js";
import { readXlsx, sheet, zipPart } from "../support/read-office.js";

const WARNING: Problem = {
  severity: "warning",
  code: "W_NO_WORK_ITEMS",
  file: WORKBOOK.file,
  sheet: "工作清单",
  cell: "",
  header: "",
  value: "",
  message: "人员!B9「孙八」没有工作清单事项，请在工作清单中填写本季度工作。",
  unit: "A01",
};

function input(overrides: Partial<ResultWorkbookInput> = {}): ResultWorkbookInput {
  return {
    graded: demoUnit(),
    pool: POOL,
    workbook: WORKBOOK,
    inputFiles: [{ file: WORKBOOK.file, sha256: WORKBOOK.sha256 }],
    rules: demoEffectiveRules(),
    warnings: [WARNING],
    toolVersion: "0.1.0",
    ...overrides,
  };
}

function named(spec: WorkbookSpec, name: string): SheetSpec {
  const found = spec.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function show(cell: SheetCell | undefined): string | number | null {
  if (!cell || cell.kind === "blank") return null;
  return cell.kind === "text" ? cell.text : cell.value;
}

function table(s: SheetSpec): Array<Array<string | number | null>> {
  return s.rows.map((row) => row.cells.map(show));
}

describe("buildResultWorkbook: 结果.xlsx of one unit (outputs.md Per unit 1)", () => {
  it("has the six sheets in the order of outputs.md", () => {
    expect(buildResultWorkbook(input()).sheets.map((s) => s.name)).toEqual(["结果", "汇总", "工作清单", "变更记录", "问题", "规则"]);
  });

  it("结果: one row per person in roster order, scores rounded to 2 decimals, grade or status, every reason", () => {
    const s = named(buildResultWorkbook(input()), "结果");
    expect(s.columns.map((c) => c.header)).toEqual([
      "序号", "人员编号", "姓名", "科室", "职务职级", "个性得分", "共性得分", "加分", "减分", "综合得分", "排名", "分数档", "等次", "自评等次", "自评与等次", "说明",
    ]);
    expect(table(s)).toEqual([
      [1, IDS.leader, "李局长", "局领导", "局长", null, null, null, null, null, null, null, "由上级评定", null, null, "由上级评定"],
      [2, IDS.a, "张三", "办公室", "一级主任科员", 97, 90.33, 0, 0, 95, 1, "好", "好", null, null, null],
      [3, IDS.b, "李四", "业务科", "二级主任科员", 95, 90, 0, 0, 93.5, 2, "好", "好", null, null,
        "2人并列，剩余1个名额，由考核委员会审定；委员会审定：由待定改为好（牵头完成年度重点项目）"],
      [4, IDS.c, "王五", "业务科", "一级科员", 95, 90, 0, 0, 93.5, 2, "好", "较好", null, null,
        "2人并列，剩余1个名额，由考核委员会审定；委员会审定：由待定改为较好（按得分相同时个性得分比较）"],
      [5, IDS.d, "赵六", "办公室", "一级科员", 95, 80, 0, 0, 90.5, 4, "好", "较好", null, null, "限好：受到诫勉谈话"],
      [6, IDS.e, "钱七", "综合科", "四级主任科员", 90, 90, 0, 0, 90, 5, "好", "较好", null, null, "超出好等次名额（2名）"],
      [7, IDS.f, "孙八", "综合科", "一级科员", 75, 75, 1, 1, 75, 6, "一般", "一般", null, null, null],
      [8, IDS.g, "周九", "业务科", "二级科员", 60, 40, 0, 0, 54, 7, "较差", "较差", null, null, null],
      [9, IDS.h, "吴十", "综合科", "一级科员", null, null, null, null, null, null, null, "不确定等次", null, null, "不确定等次：立案审查"],
    ]);
    expect(s.titles[1]).toBe("方案：标准方案；参加定等7人，好等次名额2名");
  });

  it("结果: one fill colour per grade, grey for persons without one", () => {
    const fills = named(buildResultWorkbook(input()), "结果").rows.map((r) => r.fill);
    const [none, good, fairlyGood, average, poor] = ["EDEDED", "C6EFCE", "DDEBF7", "FFF2CC", "FFC7CE"];
    expect(fills).toEqual([none, good, good, fairlyGood, fairlyGood, fairlyGood, average, poor, none]);
  });

  it("a draft (待定 persons) has draft set, so that every title says （草稿）", () => {
    const spec = buildResultWorkbook(input({ graded: demoUnit("draft") }));
    expect(spec.draft).toBe(true);
    expect(table(named(spec, "结果")).map((row) => row[12])).toEqual(["由上级评定", "好", "待定", "待定", "较好", "较好", "一般", "较差", "不确定等次"]);
    expect(named(spec, "结果").rows[2]?.fill).toBe("FCE4D6");
    expect(buildResultWorkbook(input()).draft).toBe(false);
  });

  it("汇总: N and Q of the pool, counts per grade, share of 好, persons without a grade", () => {
    expect(table(named(buildResultWorkbook(input()), "汇总"))).toEqual([
      ["单位代码", "A01"],
      ["单位名称", "某市某某局"],
      ["考核期", "2026年第三季度"],
      ["结果状态", "完成"],
      ["定等范围", "本单位"],
      ["定等范围内参加定等人数（N）", 7],
      ["好等次比例上限", 0.4],
      ["好等次名额（Q）", 2],
      ["本单位参加定等人数", 7],
      ["好", 2],
      ["较好", 3],
      ["一般", 1],
      ["较差", 1],
      ["待定", 0],
      ["好等次占比", 0.2857], // 2 / 7 = 28.57 %
      ["不确定等次", 1],
      ["不参加", 0],
      ["领导成员（由上级评定）", 1],
    ]);
  });

  it("汇总: with departments (rules.md §4.4), a row per department: persons, share of Q, 好 used", () => {
    const s = named(buildResultWorkbook(input({ pool: DEPARTMENT_POOL })), "汇总");
    expect(table(s).slice(-4)).toEqual([
      ["按科室分配名额", "参加定等人数", "分得名额", "已用好等次"],
      ["办公室", 2, 1, 1],
      ["业务科", 3, 1, 1],
      ["综合科", 2, 0, 0],
    ]);
    expect(s.rows.at(-4)?.bold).toBe(true);
    expect(s.columns).toHaveLength(4);
  });

  it("汇总 and 结果 of a pooled unit name the unit it is pooled with (rules.md §1.2)", () => {
    const graded = demoUnit();
    const pooled = {
      ...graded,
      poolCode: "P00",
      persons: graded.persons.map((p) => ({ ...p, reasons: [...p.reasons, { kind: "pooled" as const, parentName: "某市某某委" }] })),
    };
    const spec = buildResultWorkbook(input({ graded: pooled, pool: { ...POOL, code: "P00", n: 12, quota: 4 } }));
    expect(table(named(spec, "汇总"))[4]).toEqual(["定等范围", "与某市某某委统筹（名额按统筹范围计算）"]);
    expect(table(named(spec, "汇总"))[5]).toEqual(["定等范围内参加定等人数（N）", 12]);
    expect(table(named(spec, "汇总"))[8]).toEqual(["本单位参加定等人数", 7]);
    expect(named(spec, "结果").titles[1]).toBe("方案：标准方案；与某市某某委统筹，参加定等12人，好等次名额4名");
  });

  it("工作清单: graded persons and anyone with items; counts, and each open item with its reason", () => {
    const rows = table(named(buildResultWorkbook(input()), "工作清单"));
    expect(rows.map((r) => r[2])).toEqual(["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"]);
    expect(rows[0]).toEqual([1, IDS.a, "张三", "办公室", 3, 2, 1, 0, "【推进中】档案数字化：等待上级批复经费"]);
    expect(rows[1]).toEqual([2, IDS.b, "李四", "业务科", 1, 0, 0, 1, "【未完成】项目验收：系统未上线"]);
    expect(rows[2]).toEqual([3, IDS.c, "王五", "业务科", 0, 0, 0, 0, "未填写工作清单"]);
  });

  it("变更记录: each decision with computed and new grade, type, reason, date", () => {
    expect(table(named(buildResultWorkbook(input({ graded: demoUnit("final", { review: true }) })), "变更记录"))).toEqual([
      [1, IDS.b, "李四", "待定", "好", "委员会审定", "牵头完成年度重点项目", "2026-10-09"],
      [2, IDS.c, "王五", "待定", "较好", "委员会审定", "按得分相同时个性得分比较", "2026-10-09"],
      [3, IDS.f, "孙八", "一般", "较好", "复核", "复核发现工作数量漏计一项", "2026-10-20"],
    ]);
    expect(table(named(buildResultWorkbook(input({ graded: demoUnit("draft") })), "变更记录"))).toEqual([["本期无委员会审定或复核。"]]);
  });

  it("问题: the unit's warnings, or a line saying there are none", () => {
    expect(table(named(buildResultWorkbook(input()), "问题"))).toEqual([
      ["警告", "W_NO_WORK_ITEMS", WORKBOOK.file, "工作清单", null, null, null, WARNING.message],
    ]);
    expect(table(named(buildResultWorkbook(input({ warnings: [] })), "问题"))).toEqual([["无。"]]);
  });

  it("规则: rules name, source, SHA-256, tool version, each input's SHA-256, then every parameter", () => {
    const rows = table(named(buildResultWorkbook(input()), "规则"));
    expect(rows.slice(0, 6)).toEqual([
      ["方案名称", null, "标准方案"],
      ["方案来源", null, "内置标准方案"],
      ["方案 SHA-256", null, demoEffectiveRules().sha256],
      ["工具版本", null, "assess 0.1.0"],
      [`输入文件 ${WORKBOOK.file} 的 SHA-256`, null, WORKBOOK.sha256],
      ["方案参数", "含义", "取值"],
    ]);
    // Each key with its Chinese meaning, as `assess rules` shows it (rules-table.ts).
    expect(rows).toContainEqual(["weights.individual", "个性得分权重", "0.7"]);
    expect(rows).toContainEqual(["bands", "分数档下限（低于一般为较差）", "好 90，较好 80，一般 60"]);
    expect(rows).toContainEqual(["calendar.workdays", "另上班的日期（国务院公布的调休已内置）", "2026-09-20、2026-10-10"]);
    // null and {} in words; indicators numbered as `assess rules` numbers them.
    expect(rows).toContainEqual(["deductionCap", "减分上限", "不设上限"]);
    expect(rows).toContainEqual(["unitOverrides", "单独规定好等次比例的单位", "无"]);
    const base = demoEffectiveRules();
    const indicators = [{ name: "工作数量", category: "individual" as const, dimension: "achievement" as const, max: exact(30) }];
    const withIndicator = table(named(buildResultWorkbook(input({ rules: { ...base, rules: { ...base.rules, indicators } } })), "规则"));
    expect(withIndicator).toContainEqual(["indicators[0]", "模板指标：工作数量", "个性，绩，满分 30"]);
    expect(rows.flat().filter((v) => v === "null" || v === "{}" || v === "[]")).toEqual([]);
    expect(rows.filter((r) => r[0] === "SHA-256")).toEqual([]);
    // No clock: nothing that looks like a time of day anywhere in the workbook.
    const texts = buildResultWorkbook(input()).sheets.flatMap((s) => [...s.titles, ...table(s).flat().map(String)]);
    expect(texts.filter((t) => /\d{1,2}:\d{2}/.test(t))).toEqual([]);
  });

  it("结果 has an autofilter; 结果 and 汇总 end with the sign-off lines of a filed table (issue 11)", async () => {
    const spec = buildResultWorkbook(input());
    expect(named(spec, "结果").autoFilter).toBe(true);
    for (const name of ["结果", "汇总"]) {
      const lines = (named(spec, name).closingLines ?? []).join("\n");
      for (const word of ["制表人", "审核人", "单位（盖章）", "日期"]) expect(lines).toContain(word);
    }
    const bytes = await writeXlsx(spec);
    // 结果: two title rows, the header in row 3 (16 columns, A to P, with the 自评 columns), then one row per person.
    expect(await zipPart(bytes, "xl/worksheets/sheet1.xml")).toContain(`<autoFilter ref="A3:P${3 + demoUnit().persons.length}"/>`);
  });

  it("汇总: the value column holds the unit's name on one line", () => {
    const long = { ...demoUnit(), unit: { ...demoUnit().unit, name: "某市某某区人力资源和社会保障局劳动保障监察支队" } };
    const summary = named(buildResultWorkbook(input({ graded: long })), "汇总");
    const nameRow = summary.rows.find((r) => r.cells[0]?.kind === "text" && r.cells[0].text === "单位名称")!;
    const text = nameRow.cells[1]?.kind === "text" ? nameRow.cells[1].text : "";
    expect(linesNeeded(text, summary.columns[1]!.width)).toBe(1);
  });

  it("refuses a unit in error (it has no result workbook) and a pool that is not the unit's", () => {
    expect(() => buildResultWorkbook(input({ graded: { ...demoUnit(), state: "error", persons: [] } }))).toThrow(/errors/);
    expect(() => buildResultWorkbook(input({ pool: { ...POOL, code: "B02" } }))).toThrow(/not the pool/);
  });

  it("gives the same workbook for the same inputs, byte for byte", async () => {
    const [first, second] = await Promise.all([writeXlsx(buildResultWorkbook(input())), writeXlsx(buildResultWorkbook(input()))]);
    expect(first.equals(second)).toBe(true);
  });

  it("written out: numbers with 0.00, fills, draft titles, frozen header under two title rows", async () => {
    const wb = await readXlsx(await writeXlsx(buildResultWorkbook(input({ graded: demoUnit("draft") }))));
    const ws = sheet(wb, "结果");
    expect(ws.getCell("A1").value).toBe("某市某某局2026年第三季度公务员平时考核结果（草稿）");
    expect(ws.getCell("J5").value).toBe(95);
    expect(ws.getCell("J5").numFmt).toBe("0.00");
    expect(ws.getCell("G5").value).toBe(90.33);
    expect(ws.getCell("J6").value).toBe(93.5);
    expect(ws.getCell("M6").value).toBe("待定");
    const fill = ws.getCell("M6").fill;
    expect(fill?.type === "pattern" ? fill.fgColor?.argb : undefined).toBe("FFFCE4D6");
    expect(ws.getCell("B5").value).toBe(IDS.a); // 人员编号 stays text: 18 digits would lose digits as a number
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.pageSetup.orientation).toBe("landscape");
    for (const name of ["汇总", "工作清单", "变更记录", "问题", "规则"]) {
      expect(String(sheet(wb, name).getCell("A1").value)).toMatch(/（草稿）$/);
    }
  });
});
