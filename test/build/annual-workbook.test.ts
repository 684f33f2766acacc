// 年度考核参考.xlsx as sheets (outputs.md "Annual"), from a small year worked by hand:
//
// 财政局 U01 (excellentRatio 0.25) and 税务局 U02 (uplifted to 0.3), quarters 1-3.
// U01: 钱一 领导成员; 张三 好 95, 好 93, 好 94; 李四 好 92, 较好 85, 好 91; 王五 一般 70, 较差 55,
//      一般 65; 赵六 较好 88, 不参加, 较好 86; 钱新 only in Q3, 较好 85.
// U02: 周八 较好 85, 84, 83; 吴九 好 96, 好 94, 较好 88; 郑十 较好 82, 81, 80;
//      孙七 moves in at Q3: 好 96 and 好 94 in U01, 较好 88 in U02.
// U01 has 5 persons → quota floor(0.25 × 5) = 1: 张三 (3 好) recommended, 李四 above the line.
// U02 has 4 persons → quota floor(0.3 × 4) = 1: 吴九 and 孙七 both 2 好 and (96 + 94 + 88) / 3 =
// 92.666… → 92.67: tied at the line, both 待定, so the year is a draft.

import { describe, expect, it } from "vitest";
import type { AnnualQuarter, AnnualPerson } from "../../src/domain/annual.js";
import { gradeYear } from "../../src/domain/annual.js";
import { exact } from "../../src/domain/exact.js";
import type { Problem } from "../../src/domain/problem.js";
import type { EffectiveRules, Rules } from "../../src/domain/rules.js";
import type { AnnualWorkbookInput } from "../../src/build/annual-workbook.js";
import { buildAnnualWorkbook, draftCauses, personNotes, quarterList } from "../../src/build/annual-workbook.js";
import type { SheetCell, SheetSpec, WorkbookSpec } from "../../src/ooxml/write-xlsx.js";
import { writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { graded, notGraded, quarter, unit } from "../domain/support/build-quarter.js";
import { withAnnual } from "../support/default-rules.js";
import { readXlsx, sheet } from "../support/read-office.js";

const RULES: Rules = withAnnual({ excellentRatio: exact("0.25"), upliftRatio: exact("0.3"), upliftUnits: ["U02"] });

function effective(rules: Rules): EffectiveRules {
  return {
    rules,
    json: { name: rules.name, annual: { excellentRatio: 0.25, upliftRatio: 0.3, upliftUnits: ["U02"] } },
    sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    source: "rules.json",
  };
}

const LEADER = notGraded("L1", "钱一", "leadership");

const QUARTERS: AnnualQuarter[] = [
  quarter(1, [
    unit(1, "U01", "财政局", [
      LEADER,
      graded("P01", "张三", "好", "95"),
      graded("P02", "李四", "好", "92"),
      graded("P03", "王五", "一般", "70"),
      graded("P04", "赵六", "较好", "88"),
      graded("T1", "孙七", "好", "96"),
    ]),
    unit(1, "U02", "税务局", [graded("B1", "周八", "较好", "85"), graded("B2", "吴九", "好", "96"), graded("B3", "郑十", "较好", "82")]),
  ]),
  quarter(2, [
    unit(2, "U01", "财政局", [
      LEADER,
      graded("P01", "张三", "好", "93"),
      graded("P02", "李四", "较好", "85"),
      graded("P03", "王五", "较差", "55"),
      notGraded("P04", "赵六"),
      graded("T1", "孙七", "好", "94"),
    ]),
    unit(2, "U02", "税务局", [graded("B1", "周八", "较好", "84"), graded("B2", "吴九", "好", "94"), graded("B3", "郑十", "较好", "81")]),
  ]),
  quarter(3, [
    unit(3, "U01", "财政局", [
      LEADER,
      graded("P01", "张三", "好", "94"),
      graded("P02", "李四", "好", "91"),
      graded("P03", "王五", "一般", "65"),
      graded("P04", "赵六", "较好", "86"),
      graded("N1", "钱新", "较好", "85"),
    ]),
    unit(3, "U02", "税务局", [
      graded("B1", "周八", "较好", "83"),
      graded("B2", "吴九", "较好", "88"),
      graded("B3", "郑十", "较好", "80"),
      graded("T1", "孙七", "较好", "88"),
    ]),
  ]),
];

const YEAR = gradeYear(QUARTERS, RULES);

function input(overrides: Partial<AnnualWorkbookInput> = {}): AnnualWorkbookInput {
  return {
    year: 2026,
    graded: YEAR,
    state: YEAR.state,
    quarters: QUARTERS,
    inputFiles: [
      { file: "2026Q1.xlsx", sha256: "a".repeat(64) },
      { file: "2026Q2.xlsx", sha256: "b".repeat(64) },
      { file: "2026Q3.xlsx", sha256: "c".repeat(64) },
    ],
    rules: effective(RULES),
    problems: [],
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

const TIE = "2人并列，剩余1个优秀名额，由考核委员会审定";

describe("buildAnnualWorkbook (outputs.md Annual)", () => {
  const spec = buildAnnualWorkbook(input());

  it("has the sheets 年度考核参考, 单位名额, 后备人选, 提醒谈话, 问题, 规则 and is a draft while 待定 remain", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(["年度考核参考", "单位名额", "后备人选", "提醒谈话", "问题", "规则"]);
    expect(YEAR.state).toBe("draft");
    expect(spec.draft).toBe(true);
  });

  it("年度考核参考: the title says the scheme, the quarters given and why it is a draft", () => {
    expect(named(spec, "年度考核参考").titles).toEqual([
      "2026年度公务员年度考核参考（平时考核结果运用）",
      "方案：标准方案；季度：第一季度、第二季度、第三季度；优秀比例25%（税务局为30%）",
      "草稿：优秀名额线上有并列人员待定，须由考核委员会审定。",
    ]);
  });

  it("年度考核参考: a row per person, by unit, with each quarter's grade, counts, mean, eligibility, result", () => {
    const s = named(spec, "年度考核参考");
    expect(s.columns.map((c) => c.header)).toEqual([
      "序号", "人员编号", "姓名", "单位", "第一季度", "第二季度", "第三季度", "好", "较好", "一般", "较差",
      "平均综合得分", "优秀资格", "原因", "推荐结果", "说明",
    ]);
    expect(table(s)).toEqual([
      [1, "L1", "钱一", "财政局", "由上级评定", "由上级评定", "由上级评定", 0, 0, 0, 0, null, "否", "领导成员由上级评定", null, null],
      // (95 + 93 + 94) / 3 = 94
      [2, "P01", "张三", "财政局", "好", "好", "好", 3, 0, 0, 0, 94, "是", null, "推荐优秀", null],
      // (92 + 85 + 91) / 3 = 89.333… → 89.33; eligible (2 of 3 好) but the one place is taken
      [3, "P02", "李四", "财政局", "好", "较好", "好", 2, 1, 0, 0, 89.33, "是", null, null, "超出优秀名额（1名）"],
      // (70 + 55 + 65) / 3 = 63.333…
      [4, "P03", "王五", "财政局", "一般", "较差", "一般", 0, 0, 2, 1, 63.33, "否",
        "第一季度为一般；第二季度为较差；第三季度为一般；好等次季度不足（0/3，需至少2个）", null, null],
      // graded twice: (88 + 86) / 2 = 87; needs ceil(0.5 × 2) = 1 好
      [5, "P04", "赵六", "财政局", "较好", "不参加", "较好", 0, 2, 0, 0, 87, "否", "好等次季度不足（0/2，需至少1个）", null, null],
      // not listed in Q1 and Q2
      [6, "N1", "钱新", "财政局", "—", "—", "较好", 0, 1, 0, 0, 85, "否", "好等次季度不足（0/1，需至少1个）", null, null],
      [7, "B1", "周八", "税务局", "较好", "较好", "较好", 0, 3, 0, 0, 84, "否", "好等次季度不足（0/3，需至少2个）", null, null],
      [8, "B2", "吴九", "税务局", "好", "好", "较好", 2, 1, 0, 0, 92.67, "是", null, "待定", TIE],
      [9, "B3", "郑十", "税务局", "较好", "较好", "较好", 0, 3, 0, 0, 81, "否", "好等次季度不足（0/3，需至少2个）", null, null],
      // belongs to 税务局, the unit of the latest graded quarter; the transfer is told in 说明
      [10, "T1", "孙七", "税务局", "好", "好", "较好", 2, 1, 0, 0, 92.67, "是", null, "待定", `${TIE}；第一季度、第二季度在财政局`],
    ]);
  });

  it("年度考核参考: rows are coloured by the result, grey for a person the year does not grade", () => {
    expect(named(spec, "年度考核参考").rows.map((r) => r.fill)).toEqual([
      "EDEDED", "C6EFCE", undefined, undefined, undefined, undefined, undefined, "FCE4D6", undefined, "FCE4D6",
    ]);
  });

  it("单位名额: n, ratio, quota and its use per unit, and a total", () => {
    const s = named(spec, "单位名额");
    expect(s.columns.map((c) => c.header)).toEqual(["单位代码", "单位名称", "人数", "优秀比例", "优秀名额", "推荐优秀", "待定", "说明"]);
    expect(table(s)).toEqual([
      ["U01", "财政局", 5, 0.25, 1, 1, 0, null],
      ["U02", "税务局", 4, 0.3, 1, 0, 2, "上调比例单位"],
      ["合计", "2个单位", 9, null, 2, 1, 2],
    ]);
    expect(s.rows.map((r) => [r.fill, r.bold])).toEqual([
      [undefined, undefined],
      ["FCE4D6", undefined],
      [undefined, true],
    ]);
  });

  it("后备人选: persons with at least reserveMinGood (3) 好 quarters", () => {
    const s = named(spec, "后备人选");
    expect(s.titles).toEqual(["2026年度好等次季度达到3个的人员（后备人选参考）"]);
    expect(table(s)).toEqual([[1, "P01", "张三", "财政局", 3, 3, 94, "推荐优秀"]]);
  });

  it("提醒谈话: persons with at least reminderMinWeak (2) 一般 + 较差 quarters, with those quarters", () => {
    const s = named(spec, "提醒谈话");
    expect(s.columns.map((c) => c.header)).toEqual(["序号", "人员编号", "姓名", "单位", "一般", "较差", "季度"]);
    expect(table(s)).toEqual([[1, "P03", "王五", "财政局", 2, 1, "第一季度一般、第二季度较差、第三季度一般"]]);
  });

  it("规则: the rules' SHA-256, their source, the tool's version and each input's SHA-256", () => {
    const rows = table(named(spec, "规则"));
    expect(rows.slice(0, 7)).toEqual([
      ["方案名称", null, "标准方案"],
      ["方案来源", null, "rules.json"],
      ["方案 SHA-256", null, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"],
      ["工具版本", null, "assess 0.1.0"],
      ["输入文件 2026Q1.xlsx 的 SHA-256", null, "a".repeat(64)],
      ["输入文件 2026Q2.xlsx 的 SHA-256", null, "b".repeat(64)],
      ["输入文件 2026Q3.xlsx 的 SHA-256", null, "c".repeat(64)],
    ]);
    expect(rows).toContainEqual(["annual.upliftUnits", "适用提高比例的单位", "U02"]);
  });

  it("问题: every problem of the run, or a line saying there is none", () => {
    expect(table(named(spec, "问题"))).toEqual([["本次运行没有发现问题。"]]);
    const problem: Problem = {
      severity: "error", code: "E_ANNUAL_YEAR", file: "2025Q4.xlsx", sheet: "参数", cell: "B2", header: "内容", value: "2025",
      message: "参数!B2：工作簿“2025Q4.xlsx”是2025年第四季度，而本次是2026年度考核（--year 2026），此工作簿未计入。请改正年度，或不把它放入本次处理。",
    };
    const withProblem = buildAnnualWorkbook(input({ problems: [problem] }));
    expect(table(named(withProblem, "问题")).map((r) => r.slice(0, 5))).toEqual([["错误", "E_ANNUAL_YEAR", "2025Q4.xlsx", "参数", "B2"]]);
  });

  it("written out: （草稿） on every sheet's title, the mean as 0.00, the ratio as a percentage", async () => {
    const book = await readXlsx(await writeXlsx(spec));
    for (const name of ["年度考核参考", "单位名额", "后备人选", "提醒谈话", "问题", "规则"]) {
      expect(String(sheet(book, name).getCell("A1").value)).toMatch(/（草稿）$/);
    }
    const main = sheet(book, "年度考核参考");
    // 3 title rows, the header in row 4; 李四 is the third person (row 7), 平均综合得分 in column L
    expect(main.getCell("L4").value).toBe("平均综合得分");
    expect([main.getCell("B7").value, main.getCell("L7").value, main.getCell("L7").numFmt]).toEqual(["P02", 89.33, "0.00"]);
    // 2 title rows, the header in row 3; 税务局 in row 5
    const quota = sheet(book, "单位名额");
    expect([quota.getCell("A5").value, quota.getCell("D5").value, quota.getCell("D5").numFmt]).toEqual(["U02", 0.3, "0.00%"]);
  });
});

describe("a final year with nobody on either list", () => {
  const quarters = [1, 2, 3].map((q) =>
    quarter(q as 1 | 2 | 3, [unit(q as 1 | 2 | 3, "U01", "财政局", [graded("P01", "张三", "较好", "85"), graded("P02", "李四", "较好", "84")])]),
  );
  const year = gradeYear(quarters, RULES);
  const spec = buildAnnualWorkbook(input({ graded: year, state: year.state, quarters }));

  it("is not a draft and has no draft line in the title", () => {
    expect([year.state, spec.draft]).toEqual(["final", false]);
    expect(named(spec, "年度考核参考").titles).toHaveLength(2);
  });

  it.each([
    ["后备人选", "无：本年度没有好等次季度达到3个的人员。"],
    ["提醒谈话", "无：本年度没有一般、较差等次季度合计达到2个的人员。"],
  ])("%s says it is empty", (name, text) => {
    expect(table(named(spec, name))).toEqual([[text]]);
  });

  it("a unit whose quota is 0 says so for its eligible persons", () => {
    // floor(0.25 × 2) = 0: nobody can be recommended, however good
    const good = [1, 2, 3].map((q) =>
      quarter(q as 1 | 2 | 3, [unit(q as 1 | 2 | 3, "U01", "财政局", [graded("P01", "张三", "好", "95"), graded("P02", "李四", "较好", "84")])]),
    );
    const rows = table(named(buildAnnualWorkbook(input({ graded: gradeYear(good, RULES), state: "final", quarters: good })), "年度考核参考"));
    expect(rows[0]?.slice(-4)).toEqual(["是", null, null, "本单位优秀名额为0"]);
  });
});

describe("draftCauses: why the year is a draft, said in the title", () => {
  const states = (...s: ("final" | "draft" | "error")[]) => s.map((state, i) => ({ quarter: (i + 1) as 1 | 2 | 3 | 4, state }));
  const error: Problem = { severity: "error", code: "E_SCORE_RANGE", file: "q.xlsx", sheet: "个性评分", cell: "D7", header: "", value: "", message: "" };
  const warning: Problem = { ...error, severity: "warning", code: "W_NO_WORK_ITEMS" };
  const year = (quarters: ReturnType<typeof states>, pending = 0) => ({
    ...YEAR,
    quarters,
    units: YEAR.units.map((u) => ({ ...u, pending })),
  });

  it.each([
    { name: "final", state: "final" as const, year: year(states("final", "final", "final")), problems: [], causes: [] },
    {
      name: "a quarter in error and one with 待定",
      state: "draft" as const,
      year: year(states("final", "error", "draft", "final")),
      problems: [],
      causes: ["第二季度有单位存在错误或工作簿无法读取，未全部评定", "第三季度有待定人员，须由考核委员会审定"],
    },
    {
      name: "a tie at the annual line",
      state: "draft" as const,
      year: year(states("final", "final", "final"), 1),
      problems: [warning],
      causes: ["优秀名额线上有并列人员待定，须由考核委员会审定"],
    },
    {
      name: "an input error only (a workbook of another year)",
      state: "draft" as const,
      year: year(states("final", "final", "final")),
      problems: [error],
      causes: ["输入中有错误，见“问题”表"],
    },
  ])("$name", ({ state, year: graded, problems, causes }) => {
    expect(draftCauses({ state, graded, problems })).toEqual(causes);
  });
});

describe("personNotes: the 说明 column", () => {
  const base: AnnualPerson = YEAR.persons.find((p) => p.id === "T1")!;
  const names = (code: string): string => ({ U01: "财政局", U02: "税务局" })[code] ?? code;

  it.each([
    { name: "the line and a transfer", person: base, text: `${TIE}；第一季度、第二季度在财政局` },
    { name: "nothing to say", person: { ...base, note: null, quarters: base.quarters.map((q) => ({ ...q, unitCode: "U02" })) }, text: "" },
    {
      name: "an eligible person with a quarter still 待定",
      person: { ...base, note: null, quarters: [], pendingQuarters: [3 as const] },
      text: "第三季度等次待定，审定后重新计算",
    },
    {
      // the reason already tells an ineligible person when the 待定 quarter could change it (annual-tally.ts)
      name: "an ineligible person with a quarter 待定",
      person: { ...base, note: null, quarters: [], eligible: false, pendingQuarters: [3 as const] },
      text: "",
    },
  ])("$name", ({ person, text }) => {
    expect(personNotes(person, names)).toBe(text);
  });
});

describe("quarterList", () => {
  it.each([
    [[1, 2, 4], "第一季度、第二季度、第四季度"],
    [[3], "第三季度"],
    [[], "（无）"],
  ])("%j → %s", (quarters, text) => {
    expect(quarterList(quarters)).toBe(text);
  });
});
