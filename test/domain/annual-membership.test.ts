// rules.md §6 worked by hand: who belongs where, what counts as graded, thresholds, the state of
// the year and the problems the linkage reports.

import { describe, expect, it } from "vitest";
import type { AnnualPerson, GradedYear } from "../../src/domain/annual.js";
import { gradeYear } from "../../src/domain/annual.js";
import { exact, fixed } from "../../src/domain/exact.js";
import { graded, notGraded, quarter, sameUnitYear, unit } from "./support/build-quarter.js";
import { DEFAULT_RULES, withAnnual } from "../support/default-rules.js";

function personOf(year: GradedYear, id: string): AnnualPerson {
  const person = year.persons.find((p) => p.id === id);
  if (!person) throw new Error(`no person ${id}`);
  return person;
}

const steady = (q: 1 | 2 | 3 | 4, prefix: string) =>
  [1, 2, 3, 4].map((i) => graded(`${prefix}${i}`, `${prefix}同事${i}`, "较好", `${80 + i + q}`));

describe("a transfer between units: the person belongs to the unit of the latest graded quarter", () => {
  const quarters = [
    quarter(1, [
      unit(1, "U01", "财政局", [graded("T1", "张三", "好", "95"), graded("T2", "李四", "好", "91"), ...steady(1, "A")]),
      unit(1, "U02", "税务局", steady(1, "B")),
    ]),
    quarter(2, [
      unit(2, "U01", "财政局", [graded("T1", "张三", "好", "94"), graded("T2", "李四", "较好", "85"), ...steady(2, "A")]),
      unit(2, "U02", "税务局", steady(2, "B")),
    ]),
    quarter(3, [
      unit(3, "U01", "财政局", steady(3, "A")),
      // T1 moved and was graded in U02; T2 moved but 不参加 there, so still belongs to U01
      unit(3, "U02", "税务局", [graded("T1", "张三", "好", "96"), notGraded("T2", "李四"), ...steady(3, "B")]),
    ]),
  ];
  const year = gradeYear(quarters, DEFAULT_RULES);

  it.each([
    { id: "T1", unit: "U02", units: ["U01", "U01", "U02"], grades: ["good", "good", "good"], mean: "95.00", result: "recommended" },
    { id: "T2", unit: "U01", units: ["U01", "U01", "U02"], grades: ["good", "fairlyGood", null], mean: "88.00", result: "recommended" },
  ])("$id belongs to $unit", ({ id, unit: code, units, grades, mean, result }) => {
    const person = personOf(year, id);
    expect(person.unitCode).toBe(code);
    expect(person.quarters.map((q) => q.unitCode)).toEqual(units);
    expect(person.quarters.map((q) => q.grade)).toEqual(grades);
    expect(fixed(person.meanScore!)).toBe(mean);
    expect(person.result).toBe(result);
  });

  it("T2, graded twice with one 好, needs ceil(0.5 × 2) = 1 and is eligible in U01", () => {
    const t2 = personOf(year, "T2");
    expect([t2.gradedQuarters, t2.goodNeeded, t2.eligible]).toEqual([2, 1, true]);
  });

  it("each unit counts its own: U01 = T2 + A1-A4, U02 = T1 + B1-B4", () => {
    expect(year.units.map((u) => [u.code, u.n, u.quota])).toEqual([
      ["U01", 5, 1],
      ["U02", 5, 1],
    ]);
    // T2 is U01's only eligible person: (91 + 85) / 2 = 88
    expect(year.persons.filter((p) => p.result === "recommended").map((p) => p.id)).toEqual(["T2", "T1"]);
    expect(year.persons.map((p) => p.unitCode)).toEqual(["U01", "U01", "U01", "U01", "U01", "U02", "U02", "U02", "U02", "U02"]);
  });
});

describe("persons never graded are listed, with a reason, and count in no quota", () => {
  const year = gradeYear(
    [1, 2, 3].map((q) =>
      quarter(q as 1 | 2 | 3, [
        unit(q as 1 | 2 | 3, "U01", "财政局", [
          notGraded("L1", "局长", "leadership"),
          notGraded("X1", "病休人员", "staff", "excluded"),
          notGraded("X2", "审查人员", "staff", "undetermined"),
          ...steady(q as 1 | 2 | 3, "A"),
        ]),
      ]),
    ),
    DEFAULT_RULES,
  );

  it.each([
    { id: "L1", reason: "领导成员由上级评定" },
    { id: "X1", reason: "本年度未参加季度考核" },
    { id: "X2", reason: "本年度未参加季度考核" },
  ])("$id: $reason", ({ id, reason }) => {
    const person = personOf(year, id);
    expect([person.unitCode, person.gradedQuarters, person.meanScore, person.eligible, person.reason]).toEqual([
      "U01",
      0,
      null,
      false,
      reason,
    ]);
    expect(person.quarters.map((q) => q.grade)).toEqual([null, null, null]);
  });

  it("n counts only A1-A4", () => {
    expect(year.units.map((u) => [u.n, u.quota])).toEqual([[4, 0]]);
  });
});

describe("ceil(minGoodShare × graded quarters) 好 needed", () => {
  it.each([
    // 3 graded quarters × 0.5 = 1.5 → 2
    { share: "0.5", grades: ["好", "较好", "较好"], needed: 2, eligible: false },
    { share: "0.5", grades: ["好", "好", "较好"], needed: 2, eligible: true },
    // graded in 2 of 3 quarters: 2 × 0.5 = 1
    { share: "0.5", grades: ["好", "较好", null], needed: 1, eligible: true },
    // graded once: 1 × 0.5 = 0.5 → 1
    { share: "0.5", grades: [null, "好", null], needed: 1, eligible: true },
    { share: "0.5", grades: [null, "较好", null], needed: 1, eligible: false },
    // 4 quarters × 0.5 = 2 exactly, no rounding up
    { share: "0.5", grades: ["好", "好", "较好", "较好"], needed: 2, eligible: true },
    // 4 × 0.6 = 2.4 → 3
    { share: "0.6", grades: ["好", "好", "较好", "较好"], needed: 3, eligible: false },
    // 3 × 0.34 = 1.02 → 2
    { share: "0.34", grades: ["好", "较好", "较好"], needed: 2, eligible: false },
    { share: "0", grades: ["较好", "较好", "较好"], needed: 0, eligible: true },
  ])("minGoodShare $share, $grades → $needed", ({ share, grades, needed, eligible }) => {
    const quarters = grades.map((_, i) => (i + 1) as 1 | 2 | 3 | 4);
    const year = gradeYear(
      sameUnitYear("U01", "财政局", [["P01", "张三", grades.map((g) => (g === null ? null : [g, g === "好" ? "92" : "85"]))]], quarters),
      withAnnual({ minGoodShare: exact(share) }),
    );
    const person = personOf(year, "P01");
    expect(person.goodNeeded).toBe(needed);
    expect(person.eligible).toBe(eligible);
  });
});

describe("reserve list (reserveMinGood) and reminder list (reminderMinWeak)", () => {
  const label: Record<string, string> = { 好: "95", 较好: "85", 一般: "70", 较差: "50" };
  it.each([
    { grades: ["好", "好", "好", "较好"], rules: {}, reserve: true, reminder: false },
    { grades: ["好", "好", "较好", "较好"], rules: {}, reserve: false, reminder: false },
    { grades: ["好", "好", "较好", "较好"], rules: { reserveMinGood: 2 }, reserve: true, reminder: false },
    { grades: ["一般", "较差", "较好", "较好"], rules: {}, reserve: false, reminder: true },
    { grades: ["一般", "较好", "较好", "较好"], rules: {}, reserve: false, reminder: false },
    { grades: ["较差", "较差", "较好", "较好"], rules: {}, reserve: false, reminder: true },
    { grades: ["一般", "较好", "较好", "较好"], rules: { reminderMinWeak: 1 }, reserve: false, reminder: true },
    // the lists follow the counts alone (rules.md §6): 3 好 and a 较差 is on both
    { grades: ["好", "好", "好", "较差"], rules: { reminderMinWeak: 1 }, reserve: true, reminder: true },
  ])("$grades with $rules → reserve $reserve, reminder $reminder", ({ grades, rules, reserve, reminder }) => {
    const year = gradeYear(
      sameUnitYear("U01", "财政局", [["P01", "张三", grades.map((g) => [g, label[g] ?? "0"])]], [1, 2, 3, 4]),
      withAnnual(rules),
    );
    expect([personOf(year, "P01").reserve, personOf(year, "P01").reminder]).toEqual([reserve, reminder]);
  });
});

describe("the state of the year", () => {
  const q1 = quarter(1, [unit(1, "U01", "财政局", [graded("P01", "张三", "好", "95"), ...steady(1, "A")])]);
  const q3 = quarter(3, [unit(3, "U01", "财政局", [graded("P01", "张三", "较好", "88"), ...steady(3, "A")])]);

  it("a 待定 quarter: graded (in the mean and the base), in none of the counts, and the year is 草稿", () => {
    const q2 = quarter(2, [unit(2, "U01", "财政局", [graded("P01", "张三", "待定", "93"), ...steady(2, "A")], "draft")]);
    const year = gradeYear([q1, q2, q3], DEFAULT_RULES);
    const p01 = personOf(year, "P01");
    expect(p01.counts).toEqual({ good: 1, fairlyGood: 1, average: 0, poor: 0 });
    expect(p01.pendingQuarters).toEqual([2]);
    expect(p01.gradedQuarters).toBe(3);
    // (95 + 93 + 88) / 3 = 92
    expect(fixed(p01.meanScore!)).toBe("92.00");
    expect(p01.reason).toBe("好等次季度不足（1/3，需至少2个）；第二季度等次待定，审定后重新计算");
    expect(year.quarters).toEqual([
      { quarter: 1, state: "final" },
      { quarter: 2, state: "draft" },
      { quarter: 3, state: "final" },
    ]);
    expect(year.state).toBe("draft");
  });

  it("a 待定 grade makes the year 草稿 even if its unit is marked final", () => {
    const q2 = quarter(2, [unit(2, "U01", "财政局", [graded("P01", "张三", "待定", "93"), ...steady(2, "A")], "final")]);
    expect(gradeYear([q1, q2, q3], DEFAULT_RULES).state).toBe("draft");
  });

  it("a unit in error: its persons are missing that quarter and the quarter is in error", () => {
    const q2 = quarter(2, [unit(2, "U01", "财政局", [graded("P01", "张三", "好", "93")], "error")]);
    const year = gradeYear([q1, q2, q3], DEFAULT_RULES);
    expect(personOf(year, "P01").quarters.map((q) => q.grade)).toEqual(["good", null, "fairlyGood"]);
    expect(year.quarters.map((q) => q.state)).toEqual(["final", "error", "final"]);
    expect(year.state).toBe("draft");
  });

  it.each([
    { given: undefined, units: "final", expected: "final" },
    { given: "error", units: "final", expected: "error" },
    { given: "final", units: "draft", expected: "draft" },
  ] as const)("a quarter the pipeline marks $given with units $units is $expected", ({ given, units, expected }) => {
    const q2 = { ...quarter(2, [unit(2, "U01", "财政局", steady(2, "A"), units)]), ...(given ? { state: given } : {}) };
    expect(gradeYear([q1, q2, q3], DEFAULT_RULES).quarters[1]?.state).toBe(expected);
  });

  it("a quarter with no unit read is in error", () => {
    expect(gradeYear([q1, quarter(2, []), q3], DEFAULT_RULES).quarters[1]).toEqual({ quarter: 2, state: "error" });
  });

  it("quarters given out of order are reported in quarter order", () => {
    const q2 = quarter(2, [unit(2, "U01", "财政局", steady(2, "A"))]);
    const year = gradeYear([q3, q1, q2], DEFAULT_RULES);
    expect(year.quarters.map((q) => q.quarter)).toEqual([1, 2, 3]);
    expect(personOf(year, "P01").quarters.map((q) => q.quarter)).toEqual([1, 2, 3]);
  });

  it("a quarter given twice cannot be graded (the pipeline must refuse it first)", () => {
    expect(() => gradeYear([q1, q1, q3], DEFAULT_RULES)).toThrow(RangeError);
  });
});

describe("problems", () => {
  it("a 人员编号 twice in one quarter is an error at the second listing; the first is kept", () => {
    const year = gradeYear(
      [
        quarter(1, [
          unit(1, "U01", "财政局", [graded("P01", "张三", "好", "95")]),
          unit(1, "U02", "税务局", [graded("P02", "李四", "较好", "85"), graded("P01", "张三", "一般", "70")]),
        ]),
      ],
      DEFAULT_RULES,
    );
    expect(year.problems).toEqual([
      {
        severity: "error",
        code: "E_ANNUAL_DUPLICATE_PERSON",
        file: "2026Q1_U02.xlsx",
        sheet: "人员",
        cell: "B3",
        header: "人员编号",
        value: "P01",
        message:
          "人员!B3「人员编号」“P01”在第一季度已列于 2026Q1_U01.xlsx 人员!B2，同一季度一个人员编号只能出现一次，请改正编号或删去重复的一行。",
      },
    ]);
    expect(personOf(year, "P01").quarters[0]?.grade).toBe("good");
    expect(year.state).toBe("draft");
  });

  it("a different 姓名 under one 人员编号 is a warning at the latest listing", () => {
    const year = gradeYear(
      [
        quarter(1, [unit(1, "U01", "财政局", [graded("P01", "张三", "好", "95")])]),
        quarter(2, [unit(2, "U01", "财政局", [graded("P02", "李四", "好", "95"), graded("P01", "张珊", "好", "95")])]),
      ],
      DEFAULT_RULES,
    );
    expect(year.problems).toEqual([
      {
        severity: "warning",
        code: "W_ANNUAL_NAME_CHANGED",
        file: "2026Q2_U01.xlsx",
        sheet: "人员",
        cell: "B3",
        header: "人员编号",
        value: "P01",
        message:
          "人员!B3「人员编号」“P01”在第二季度的姓名为“张珊”，在第一季度（2026Q1_U01.xlsx 人员!B2）为“张三”，请核对是否为同一人，必要时改正编号或姓名。",
      },
    ]);
    expect(personOf(year, "P01").name).toBe("张珊");
    expect(year.state).toBe("final");
  });
});
