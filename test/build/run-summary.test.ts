import { describe, expect, it } from "vitest";
import type { GradedUnit } from "../../src/domain/graded.js";
import type { Problem } from "../../src/domain/problem.js";
import { problemsByUnit } from "../../src/domain/problem.js";
import { buildRunSummary } from "../../src/build/run-summary.js";
import type { SheetCell } from "../../src/ooxml/write-xlsx.js";
import { writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { POOL, UNIT, WORKBOOK, demoUnit } from "../support/demo-unit.js";
import { readXlsx, sheet, zipPart, zipParts } from "../support/read-office.js";

function show(cell: SheetCell | undefined): string | number | null {
  if (!cell || cell.kind === "blank") return null;
  return cell.kind === "text" ? cell.text : cell.value;
}

function problem(severity: Problem["severity"], file: string, cell: string, unit?: string): Problem {
  return {
    severity,
    code: severity === "error" ? "E_SCORE_RANGE" : "W_NO_WORK_ITEMS",
    file,
    sheet: "个性评分",
    cell,
    header: "工作质量",
    value: "九十",
    message: `个性评分!${cell}「工作质量」填写了“九十”，应为 0 至 40 之间的数字。`,
    ...(unit ? { unit } : {}),
  };
}

// A second unit, pooled with A01 (rules.md §1.2): two persons, one 好 and one 较好.
const SMALL: GradedUnit = (() => {
  const demo = demoUnit();
  const [, a, , , d] = demo.persons;
  const unit = { ...UNIT, code: "A02", name: "某某局下属中心", parentCode: "A01" };
  const pooled = { kind: "pooled" as const, parentName: "某市某某局" };
  return {
    unit,
    poolCode: "A01",
    state: "final",
    persons: [a!, d!].map((p) => ({ ...p, person: { ...p.person, unitCode: "A02" }, reasons: [...p.reasons, pooled] })),
    changes: [],
  };
})();

// A unit in error: not graded, no persons (graded.ts).
const BROKEN: GradedUnit = {
  unit: { ...UNIT, code: "B01", name: "某某办", ref: { ...UNIT.ref, file: "某某办.xlsx" } },
  poolCode: "B01",
  state: "error",
  persons: [],
  changes: [],
};

const PROBLEMS: Problem[] = [
  problem("error", "某某办.xlsx", "D7", "B01"),
  problem("error", "某某办.xlsx", ""), // about the whole file: counts for every unit in it
  problem("warning", WORKBOOK.file, "D9", "A01"),
];

describe("buildRunSummary: 汇总.xlsx of a run (outputs.md Per run)", () => {
  const spec = buildRunSummary({
    period: WORKBOOK.period,
    units: [demoUnit("draft"), SMALL, BROKEN],
    pools: [{ ...POOL, unitCodes: ["A01", "A02"], n: 9, quota: 3 }],
    problems: PROBLEMS,
  });
  const summary = spec.sheets[0]!;

  it("has a 汇总 sheet and a 问题 sheet", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(["汇总", "问题"]);
    expect(summary.titles).toEqual(["2026年第三季度公务员平时考核汇总"]);
  });

  it("a row per unit: code, name, N, pool, Q, counts, share of 好, state, problems; and a 合计 row", () => {
    expect(summary.columns.map((c) => c.header)).toEqual([
      "单位代码", "单位名称", "参加定等人数", "定等范围", "好等次名额", "好", "较好", "一般", "较差", "待定",
      "不确定等次", "不参加", "领导成员", "好等次占比", "状态", "问题数",
    ]);
    expect(summary.rows.map((r) => r.cells.map(show))).toEqual([
      // draft A01: A 好; B, C 待定; D, E 较好; F 一般; G 较差 → 1/7 = 14.29 %
      ["A01", "某市某某局", 7, "本单位", 3, 1, 2, 1, 1, 2, 1, 0, 1, 0.1429, "草稿", 1],
      ["A02", "某某局下属中心", 2, "与某市某某局统筹", 3, 1, 1, 0, 0, 0, 0, 0, 0, 0.5, "完成", 0],
      ["B01", "某某办", null, null, null, null, null, null, null, null, null, null, null, null, "错误", 2],
      // Q: A01 and A02 share one pool's 3 places, counted once; B01 was not graded.
      ["合计", "3个单位", 9, null, 3, 2, 3, 1, 1, 2, 1, 0, 1, 0.2222, null, 3],
    ]);
  });

  it("合计 sums Q over the pools: two units graded on their own add their places", () => {
    const other: GradedUnit = { ...SMALL, unit: { ...SMALL.unit, code: "C01", name: "某某站", parentCode: null }, poolCode: "C01" };
    const two = buildRunSummary({
      period: WORKBOOK.period,
      units: [demoUnit(), other],
      pools: [POOL, { ...POOL, code: "C01", unitCodes: ["C01"], n: 2, quota: 1 }],
      problems: [],
    });
    const totals = two.sheets[0]!.rows.at(-1)!.cells.map(show);
    expect(totals.slice(0, 5)).toEqual(["合计", "2个单位", 9, null, POOL.quota + 1]);
  });

  it("ends with the sign-off lines of a filed table", () => {
    const lines = summary.closingLines ?? [];
    for (const word of ["制表人", "审核人", "单位（盖章）", "日期"]) expect(lines.join("\n")).toContain(word);
  });

  it("a stacked bar chart of the grades per graded unit, below the sign-off lines", () => {
    const [placed] = summary.charts ?? [];
    expect(placed?.chart.kind).toBe("stacked-bar");
    // B01 is in error: not graded, not charted.
    expect(placed?.chart.categories).toEqual(["某市某某局", "某某局下属中心"]);
    expect(placed?.chart.series.map((s) => [s.name, ...s.values])).toEqual([
      ["好", 1, 1],
      ["较好", 2, 1],
      ["一般", 1, null],
      ["较差", 1, null],
      ["待定", 2, null],
    ]);
    // title 1, header 2, 4 rows (3-6), blank 7, sign-off 8-9, blank 10: the chart at row 11.
    expect(placed?.fromCell).toBe("B11");
  });

  it("written out, the chart is a native chart part on the 汇总 sheet", async () => {
    const bytes = await writeXlsx(spec);
    const names = await zipParts(bytes);
    expect(names).toContain("xl/charts/chart1.xml");
    expect(names).toContain("xl/drawings/drawing1.xml");
    expect(await zipPart(bytes, "xl/charts/chart1.xml")).toContain('<c:grouping val="stacked"/>');
  });

  it("colours draft and error rows and makes the total bold", () => {
    expect(summary.rows.map((r) => r.fill)).toEqual(["FCE4D6", undefined, "FFC7CE", undefined]);
    expect(summary.rows.at(-1)?.bold).toBe(true);
  });

  it("问题: every problem of the run, sorted by file, sheet and row; errors coloured", () => {
    const problems = spec.sheets[1]!;
    expect(problems.rows.map((r) => [show(r.cells[0]), show(r.cells[2]), show(r.cells[4])])).toEqual([
      ["错误", "某某办.xlsx", null],
      ["错误", "某某办.xlsx", "D7"],
      ["警告", WORKBOOK.file, "D9"],
    ]);
    expect(problems.rows.map((r) => r.fill)).toEqual(["FFC7CE", "FFC7CE", undefined]);
  });

  it("says so when a run has no problem", () => {
    const clean = buildRunSummary({ period: WORKBOOK.period, units: [demoUnit()], pools: [POOL], problems: [] });
    expect(clean.sheets[1]!.rows.map((r) => r.cells.map(show))).toEqual([["本次运行没有发现问题。"]]);
  });

  it("written out, the share of 好 is a number shown as a percentage", async () => {
    const ws = sheet(await readXlsx(await writeXlsx(spec)), "汇总");
    expect(ws.getCell("N3").value).toBe(0.1429);
    expect(ws.getCell("N3").numFmt).toBe("0.00%");
    expect(ws.getCell("O5").value).toBe("错误");
    expect(ws.pageSetup.orientation).toBe("landscape");
  });
});

describe("problemsByUnit", () => {
  it.each([
    ["B01", "某某办.xlsx", 2],
    ["A01", WORKBOOK.file, 1],
    ["A02", WORKBOOK.file, 0],
  ])("unit %s of %s has %i problems (its own, and those about its whole file)", (code, file, count) => {
    expect(problemsByUnit([{ ...UNIT, code, ref: { ...UNIT.ref, file } }], PROBLEMS).get(code) ?? []).toHaveLength(count);
  });
});
