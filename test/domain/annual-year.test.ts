// rules.md §6 worked by hand: counts, means, eligibility and the unit line over 3 and 4 quarters.

import { describe, expect, it } from "vitest";
import type { AnnualPerson, GradedYear } from "../../src/domain/annual.js";
import { gradeYear } from "../../src/domain/annual.js";
import { fixed, toText } from "../../src/domain/exact.js";
import { ANNUAL_RESULT_LABEL, OUTCOME_LABEL } from "../../src/domain/labels.js";
import { sameUnitYear } from "./support/build-quarter.js";
import { DEFAULT_RULES, withAnnual } from "../support/default-rules.js";

/** A person's line as a clerk would read it in 年度考核参考.xlsx. */
function line(person: AnnualPerson) {
  return {
    id: person.id,
    grades: person.quarters.map((q) => (q.grade === null ? null : OUTCOME_LABEL[q.grade])),
    counts: [person.counts.good, person.counts.fairlyGood, person.counts.average, person.counts.poor],
    mean: person.meanScore === null ? null : fixed(person.meanScore),
    eligible: person.eligible,
    reason: person.reason,
    rank: person.rank,
    result: person.result === null ? null : ANNUAL_RESULT_LABEL[person.result],
    note: person.note,
    reserve: person.reserve,
    reminder: person.reminder,
  };
}

function personOf(year: GradedYear, id: string): AnnualPerson {
  const person = year.persons.find((p) => p.id === id);
  if (!person) throw new Error(`no person ${id}`);
  return person;
}

describe("three quarters, one unit of 5 (quota floor(0.2 × 5) = 1)", () => {
  const year = gradeYear(
    sameUnitYear(
      "U01",
      "财政局",
      [
        ["P01", "张三", [["好", "95"], ["好", "93"], ["较好", "88"]]],
        ["P02", "李四", [["好", "92"], ["较好", "85"], ["好", "91"]]],
        ["P03", "王五", [["好", "94"], ["较好", "86"], ["较好", "84"]]],
        ["P04", "赵六", [["较好", "82"], ["一般", "70"], ["较好", "81"]]],
        ["P05", "孙七", [["一般", "65"], ["较差", "55"], ["一般", "62"]]],
      ],
      [1, 2, 3],
    ),
    DEFAULT_RULES,
  );

  it("has one unit with n 5, ratio 0.2 and quota 1", () => {
    expect(year.units.map((u) => ({ code: u.code, name: u.name, n: u.n, quota: u.quota, ratio: toText(u.ratio) }))).toEqual([
      { code: "U01", name: "财政局", n: 5, quota: 1, ratio: "0.2" },
    ]);
  });

  it.each([
    // 2 好 of 3 meets ceil(0.5 × 3) = 2; (95 + 93 + 88) / 3 = 92
    { id: "P01", grades: ["好", "好", "较好"], counts: [2, 1, 0, 0], mean: "92.00", eligible: true, reason: null, rank: 1, result: "推荐优秀", note: null, reserve: false, reminder: false },
    // (92 + 85 + 91) / 3 = 89.333…; second of two eligible, the one place is taken
    { id: "P02", grades: ["好", "较好", "好"], counts: [2, 1, 0, 0], mean: "89.33", eligible: true, reason: null, rank: 2, result: null, note: "超出优秀名额（1名）", reserve: false, reminder: false },
    { id: "P03", grades: ["好", "较好", "较好"], counts: [1, 2, 0, 0], mean: "88.00", eligible: false, reason: "好等次季度不足（1/3，需至少2个）", rank: null, result: null, note: null, reserve: false, reminder: false },
    // (82 + 70 + 81) / 3 = 77.666…
    { id: "P04", grades: ["较好", "一般", "较好"], counts: [0, 2, 1, 0], mean: "77.67", eligible: false, reason: "第二季度为一般；好等次季度不足（0/3，需至少2个）", rank: null, result: null, note: null, reserve: false, reminder: false },
    // (65 + 55 + 62) / 3 = 60.666…; 3 一般 + 较差 ≥ 2 calls for a reminder talk
    { id: "P05", grades: ["一般", "较差", "一般"], counts: [0, 0, 2, 1], mean: "60.67", eligible: false, reason: "第一季度为一般；第二季度为较差；第三季度为一般；好等次季度不足（0/3，需至少2个）", rank: null, result: null, note: null, reserve: false, reminder: true },
  ])("$id: $result $reason", (expected) => {
    expect(line(personOf(year, expected.id))).toEqual(expected);
  });

  it("is final, with each quarter final", () => {
    expect(year.state).toBe("final");
    expect(year.quarters).toEqual([
      { quarter: 1, state: "final" },
      { quarter: 2, state: "final" },
      { quarter: 3, state: "final" },
    ]);
    expect(year.problems).toEqual([]);
  });
});

describe("four quarters, one unit of 10 (quota floor(0.2 × 10) = 2)", () => {
  const fairly = (n: string) => [["较好", n], ["较好", n], ["较好", n], ["较好", n]] as [string, string][];
  const year = gradeYear(
    sameUnitYear(
      "U02",
      "教育局",
      [
        ["P01", "周一", [["好", "95"], ["好", "96"], ["好", "94"], ["好", "97"]]],
        ["P02", "吴二", [["好", "91"], ["好", "92"], ["好", "93"], ["较好", "85"]]],
        ["P03", "郑三", [["好", "92"], ["较好", "88"], ["好", "90.40"], ["较好", "89.66"]]],
        ["P04", "王四", [["好", "95"], ["好", "95"], ["较好", "85"], ["较好", "85"]]],
        ["P05", "冯五", fairly("85")],
        ["P06", "陈六", fairly("84")],
        ["P07", "褚七", fairly("83")],
        ["P08", "卫八", fairly("82")],
        ["P09", "蒋九", fairly("81")],
        ["P10", "沈十", [["较好", "85"], ["一般", "75"], ["较好", "85"], ["一般", "72"]]],
      ],
      [1, 2, 3, 4],
    ),
    DEFAULT_RULES,
  );

  it.each([
    // (95 + 96 + 94 + 97) / 4 = 95.5; 4 好 ≥ reserveMinGood 3
    { id: "P01", good: 4, mean: "95.50", rank: 1, result: "recommended", reserve: true },
    // (91 + 92 + 93 + 85) / 4 = 90.25
    { id: "P02", good: 3, mean: "90.25", rank: 2, result: "recommended", reserve: true },
    // 360.06 / 4 = 90.015 exactly, half up → 90.02 (doubles give 90.01): ranks above P04
    { id: "P03", good: 2, mean: "90.02", rank: 3, result: null, reserve: false },
    { id: "P04", good: 2, mean: "90.00", rank: 4, result: null, reserve: false },
  ])("$id: $good 好, mean $mean, rank $rank", ({ id, good, mean, rank, result, reserve }) => {
    const person = personOf(year, id);
    expect(person.counts.good).toBe(good);
    expect(fixed(person.meanScore!)).toBe(mean);
    expect(person.goodNeeded).toBe(2);
    expect(person.eligible).toBe(true);
    expect(person.rank).toBe(rank);
    expect(person.result).toBe(result);
    expect(person.reserve).toBe(reserve);
  });

  it("the doubles would have rounded P03's 90.015 down", () => {
    expect(Math.round(((92 + 88 + 90.4 + 89.66) / 4) * 100) / 100).toBe(90.01);
  });

  it("P10 with two 一般 is on the reminder list; quota 2 with two recommended", () => {
    const p10 = personOf(year, "P10");
    expect(p10.reminder).toBe(true);
    expect(p10.reason).toBe("第二季度为一般；第四季度为一般；好等次季度不足（0/4，需至少2个）");
    expect(year.units).toMatchObject([{ code: "U02", n: 10, quota: 2, recommended: 2, pending: 0 }]);
    expect(year.persons.filter((p) => p.reserve).map((p) => p.id)).toEqual(["P01", "P02"]);
    expect(year.persons.filter((p) => p.reminder).map((p) => p.id)).toEqual(["P10"]);
  });
});

describe("a 否决 event in Q2 bars 优秀 for the year", () => {
  const rows: [string, string, [string, string][]][] = [
    ["P01", "张三", [["好", "95"], ["较差", "91"], ["好", "96"]]],
    ["P02", "李四", [["好", "95"], ["较差", "91"], ["好", "96"]]],
    ["P03", "王五", [["较好", "85"], ["较好", "85"], ["较好", "85"]]],
    ["P04", "赵六", [["较好", "85"], ["较好", "85"], ["较好", "85"]]],
    ["P05", "孙七", [["较好", "85"], ["较好", "85"], ["较好", "85"]]],
  ];
  const quarters = sameUnitYear("U01", "财政局", rows, [1, 2, 3], { 2: ["P01"] });

  it.each([
    // with the default barGrades the 较差 quarter is named too
    { barGrades: ["average", "poor"] as const, id: "P01", reason: "年度内有否决事项；第二季度为较差" },
    { barGrades: ["average", "poor"] as const, id: "P02", reason: "第二季度为较差" },
    // with no bar grades the 否决 alone still bars 优秀; P02 (same grades, no 否决) is eligible
    { barGrades: [] as const, id: "P01", reason: "年度内有否决事项" },
    { barGrades: [] as const, id: "P02", reason: null },
  ])("barGrades $barGrades: $id → $reason", ({ barGrades, id, reason }) => {
    const year = gradeYear(quarters, withAnnual({ barGrades: [...barGrades] }));
    const person = personOf(year, id);
    expect(person.veto).toBe(id === "P01");
    expect(person.reason).toBe(reason);
    expect(person.eligible).toBe(reason === null);
  });

  it("the 否决 counts even in a quarter where the person was not graded", () => {
    const year = gradeYear(sameUnitYear("U01", "财政局", rows, [1, 2, 3], { 3: ["P03"] }), withAnnual({ barGrades: [] }));
    expect(personOf(year, "P03").reason).toBe("年度内有否决事项；好等次季度不足（0/3，需至少2个）");
  });
});

describe("ties at the annual line (unit of 10, quota 2)", () => {
  const filler = (id: string, name: string): [string, string, [string, string][]] => [
    id,
    name,
    [["较好", "85"], ["较好", "85"], ["较好", "85"]],
  ];
  const quarters = sameUnitYear(
    "U03",
    "民政局",
    [
      ["P01", "甲", [["好", "93"], ["好", "93"], ["好", "93"]]],
      // three persons with 2 好 and a mean of exactly 91.00 each: 273 / 3
      ["P02", "乙", [["好", "91"], ["好", "92"], ["较好", "90"]]],
      ["P03", "丙", [["好", "92"], ["较好", "91"], ["好", "90"]]],
      ["P04", "丁", [["较好", "90.99"], ["好", "91.01"], ["好", "91"]]],
      ["P05", "戊", [["好", "90"], ["好", "90"], ["较好", "87"]]],
      filler("P06", "己"),
      filler("P07", "庚"),
      filler("P08", "辛"),
      filler("P09", "壬"),
      filler("P10", "癸"),
    ],
    [1, 2, 3],
  );

  it.each([
    {
      policy: "committee" as const,
      results: { P01: "recommended", P02: "pending", P03: "pending", P04: "pending", P05: null },
      note: "3人并列，剩余1个优秀名额，由考核委员会审定",
      state: "draft",
    },
    {
      policy: "strict" as const,
      results: { P01: "recommended", P02: null, P03: null, P04: null, P05: null },
      note: "3人并列，剩余1个优秀名额，按方案均不推荐",
      state: "final",
    },
  ])("$policy", ({ policy, results, note, state }) => {
    const year = gradeYear(quarters, withAnnual({}, { tiePolicy: policy }));
    expect(Object.fromEntries(Object.keys(results).map((id) => [id, personOf(year, id).result]))).toEqual(results);
    expect(["P02", "P03", "P04"].map((id) => personOf(year, id).note)).toEqual([note, note, note]);
    expect(["P02", "P03", "P04"].map((id) => personOf(year, id).rank)).toEqual([2, 2, 2]);
    expect(personOf(year, "P05").rank).toBe(5);
    expect(personOf(year, "P05").note).toBe("超出优秀名额（2名）");
    expect(year.state).toBe(state);
  });

  it("a tie wholly above the line is all recommended; one wholly below it is not 待定", () => {
    const year = gradeYear(
      sameUnitYear(
        "U03",
        "民政局",
        [
          ["P01", "甲", [["好", "93"], ["好", "93"], ["较好", "88"]]],
          ["P02", "乙", [["好", "93"], ["好", "93"], ["较好", "88"]]],
          ["P03", "丙", [["好", "91"], ["好", "91"], ["较好", "88"]]],
          ["P04", "丁", [["好", "91"], ["好", "91"], ["较好", "88"]]],
          filler("P05", "戊"),
          filler("P06", "己"),
          filler("P07", "庚"),
          filler("P08", "辛"),
          filler("P09", "壬"),
          filler("P10", "癸"),
        ],
        [1, 2, 3],
      ),
      DEFAULT_RULES,
    );
    expect(["P01", "P02", "P03", "P04"].map((id) => personOf(year, id).result)).toEqual([
      "recommended",
      "recommended",
      null,
      null,
    ]);
    expect(year.state).toBe("final");
  });
});

describe("an uplifted unit (8 persons: 0.25 × 8 = 2 places, 0.2 × 8 = 1.6 → 1)", () => {
  const quarters = sameUnitYear(
    "U04",
    "潜山市水利局",
    [
      ["P01", "甲", [["好", "96"], ["好", "96"], ["好", "96"]]],
      ["P02", "乙", [["好", "95"], ["好", "95"], ["好", "95"]]],
      ["P03", "丙", [["好", "94"], ["好", "94"], ["好", "94"]]],
      ...["P04", "P05", "P06", "P07", "P08"].map(
        (id): [string, string, [string, string][]] => [id, `员工${id}`, [["较好", "85"], ["较好", "85"], ["较好", "85"]]],
      ),
    ],
    [1, 2, 3],
  );

  it.each([
    { upliftUnits: [], ratio: "0.2", quota: 1, recommended: ["P01"] },
    { upliftUnits: ["U04"], ratio: "0.25", quota: 2, recommended: ["P01", "P02"] },
    { upliftUnits: ["U99"], ratio: "0.2", quota: 1, recommended: ["P01"] },
  ])("upliftUnits $upliftUnits → quota $quota", ({ upliftUnits, ratio, quota, recommended }) => {
    const year = gradeYear(quarters, withAnnual({ upliftUnits }));
    const [unit] = year.units;
    expect(unit && { n: unit.n, ratio: toText(unit.ratio), quota: unit.quota, uplifted: unit.uplifted }).toEqual({
      n: 8,
      ratio,
      quota,
      uplifted: upliftUnits.includes("U04"),
    });
    expect(year.persons.filter((p) => p.result === "recommended").map((p) => p.id)).toEqual(recommended);
  });

  it("0.2 × 9 = 1.8 floors to 1 exactly", () => {
    const nine = sameUnitYear(
      "U05",
      "司法局",
      ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09"].map(
        (id): [string, string, [string, string][]] => [id, `员工${id}`, [["好", "95"], ["好", "95"], ["好", "95"]]],
      ),
      [1, 2, 3],
    );
    const year = gradeYear(nine, DEFAULT_RULES);
    expect(year.units[0]?.quota).toBe(1);
    // all nine equal on both keys: the line falls inside the group
    expect(year.persons.every((p) => p.result === "pending")).toBe(true);
    expect(year.persons[0]?.note).toBe("9人并列，剩余1个优秀名额，由考核委员会审定");
  });
});
