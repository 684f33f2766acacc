import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Exact, exact, floor, mul, ratio } from "../../src/domain/exact.js";
import { checkRules, toRules } from "../../src/domain/rules-file.js";
import { DEFAULT_RULES_FILE } from "../../src/domain/rules-file-defaults.js";
import { canonicalJson, mergeRulesFile } from "../../src/domain/rules-file-merge.js";
import { keyPath } from "../../src/domain/rules-file-problems.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

function check(given: unknown) {
  return checkRules(mergeRulesFile(DEFAULT_RULES_FILE, given), "方案.json", sha256);
}

const q = (n: number, d = 1): Exact => ratio(BigInt(n), BigInt(d));
import { defaultRules } from "../support/default-rules.js";

describe("DEFAULT_RULES_FILE (rules.md defaults)", () => {
  it("passes its own checks and becomes the exact domain rules", () => {
    const { value, problems } = checkRules(DEFAULT_RULES_FILE, null, sha256);
    expect(problems).toEqual([]);
    const rules = value!.rules;
    expect(rules.name).toBe("标准方案");
    expect(rules.weights).toEqual({ individual: q(7, 10), common: q(3, 10) });
    expect(rules.raterWeights).toEqual({ leader: q(1, 2), colleague: q(1, 2), recipient: q(0) });
    expect(rules.windowRaterWeights).toEqual({ leader: q(2, 5), colleague: q(3, 10), recipient: q(3, 10) });
    expect(rules.ratingPoints).toEqual({ good: q(1), fairlyGood: q(17, 20), average: q(7, 10), poor: q(1, 2) });
    expect(rules.bands).toEqual({ good: q(90), fairlyGood: q(80), average: q(60) });
    expect([rules.trimFrom, rules.bonusCap, rules.deductionCap, rules.maxScore]).toEqual([5, q(5), null, q(100)]);
    expect([rules.goodRatio, rules.quotaRounding, rules.minGoodQuota, rules.poolSmallUnitsBelow]).toEqual([
      q(2, 5),
      "floor",
      0,
      0,
    ]);
    expect([rules.allocation, rules.reallocateUnused, rules.tieKeys, rules.tiePolicy]).toEqual([
      "unit",
      false,
      ["individual", "common"],
      "committee",
    ]);
    expect(rules.unitOverrides).toEqual({});
    expect(rules.indicators.map((i) => [i.name, i.category, i.dimension, i.max])).toEqual([
      ["工作数量", "individual", "achievement", q(30)],
      ["工作质量", "individual", "achievement", q(40)],
      ["工作效率", "individual", "ability", q(30)],
      ["政治素质", "common", "integrity", q(30)],
      ["职业道德", "common", "integrity", q(20)],
      ["工作作风", "common", "diligence", q(20)],
      ["廉洁自律", "common", "probity", q(20)],
      ["出勤情况", "common", "diligence", q(10)],
    ]);
    expect(rules.notice).toEqual({ days: 5, list: "good", showScores: false, reviewDays: 5 });
    expect(rules.calendar).toEqual({ holidays: [], workdays: [] });
    expect(rules.annual).toEqual({
      excellentRatio: q(1, 5),
      upliftRatio: q(1, 4),
      upliftUnits: [],
      minGoodShare: q(1, 2),
      barGrades: ["average", "poor"],
      reserveMinGood: 3,
      reminderMinWeak: 2,
    });
    expect(rules.archive).toEqual({ window: 8, goodMin: 4, weakMin: 2 });
    expect(value!.source).toBeNull();
    expect(value!.json).toEqual(DEFAULT_RULES_FILE);
    // The hand-written defaults the other tests use are these very rules.
    expect(rules).toEqual(defaultRules());
  });
});

describe("mergeRulesFile (rules.md: objects key by key; arrays and unitOverrides whole)", () => {
  it("{notice: {days: 3}} keeps the other notice settings", () => {
    expect((mergeRulesFile(DEFAULT_RULES_FILE, { notice: { days: 3 } }) as typeof DEFAULT_RULES_FILE).notice).toEqual({
      days: 3,
      list: "good",
      showScores: false,
      reviewDays: 5,
    });
  });

  it.each<[string, unknown, string, unknown]>([
    ["an array replaces the default whole", { tieKeys: ["common"] }, "tieKeys", ["common"]],
    ["an empty array too", { annual: { barGrades: [] } }, "annual", { ...DEFAULT_RULES_FILE.annual, barGrades: [] }],
    [
      "indicators replace the default set whole",
      { indicators: [{ name: "业绩", category: "个性", max: 100 }] },
      "indicators",
      [{ name: "业绩", category: "个性", max: 100 }],
    ],
    ["a nested array inside a merged object", { calendar: { holidays: ["2026-10-01"] } }, "calendar", { holidays: ["2026-10-01"], workdays: [] }],
    ["null replaces (no cap)", { bonusCap: null }, "bonusCap", null],
    ["an unknown key is kept, for the check to report", { weightz: 1 }, "weightz", 1],
  ])("%s", (_what, given, key, expected) => {
    expect((mergeRulesFile(DEFAULT_RULES_FILE, given) as Record<string, unknown>)[key]).toEqual(expected);
  });

  it("unitOverrides replace whole, though an object", () => {
    const base = { ...DEFAULT_RULES_FILE, unitOverrides: { A01: { goodRatio: 0.5 } } };
    expect((mergeRulesFile(base, { unitOverrides: { B02: { goodRatio: 0.3 } } }) as typeof base).unitOverrides).toEqual({
      B02: { goodRatio: 0.3 },
    });
  });

  it("a __proto__ key in the file stays a key (reported), never a prototype", () => {
    const merged = mergeRulesFile(DEFAULT_RULES_FILE, JSON.parse('{"__proto__": {"goodRatio": 1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.goodRatio).toBe(0.4);
    expect(check(JSON.parse('{"__proto__": {"x": 1}}')).problems.map((p) => p.header)).toEqual(["__proto__"]);
  });
});

describe("checkRules: bad rules files (each error names its key)", () => {
  it.each<[string, unknown, string[], string]>([
    ["an unknown key", { weightz: { individual: 1 } }, ["weightz"], "没有「weightz」这一项"],
    ["an unknown nested key", { notice: { dayz: 3 } }, ["notice.dayz"], "此处可用：days、list、showScores、reviewDays"],
    [
      "an unknown key in an indicator",
      { indicators: [{ name: "业绩", category: "个性", max: 100, 满分: 100 }, { name: "作风", category: "共性", max: 100 }] },
      ["indicators[0].满分"],
      "此处可用：name、category、dimension、max",
    ],
    ["a number in quotes", { goodRatio: "0.4" }, ["goodRatio"], "数字不要加引号"],
    ["a word for a boolean", { reallocateUnused: "是" }, ["reallocateUnused"], "应为 true 或 false"],
    ["the file is a list", [], [""], "应为对象"],
    ["weights add up to 1.1", { weights: { individual: 0.8 } }, ["weights"], "0.8 + 0.3 = 1.1"],
    ["weights add up to 0.9999", { weights: { individual: 0.6999 } }, ["weights"], "= 0.9999"],
    ["rater weights add up to 1.1", { raterWeights: { 领导: 0.6 } }, ["raterWeights"], "0.6 + 0.5 + 0 = 1.1"],
    ["window rater weights add up to 0.9", { windowRaterWeights: { 服务对象: 0.2 } }, ["windowRaterWeights"], "= 0.9"],
    ["a rater group in English", { raterWeights: { leader: 0.5 } }, ["raterWeights.leader"], "没有"],
    ["goodRatio above 1", { goodRatio: 40 }, ["goodRatio"], "0 至 1"],
    ["a unit's goodRatio below 0", { unitOverrides: { A01: { goodRatio: -0.1 } } }, ["unitOverrides.A01.goodRatio"], "0 至 1"],
    ["a unit override without goodRatio", { unitOverrides: { A01: {} } }, ["unitOverrides.A01.goodRatio"], "缺少"],
    ["an annual ratio above 1", { annual: { upliftRatio: 1.25 } }, ["annual.upliftRatio"], "0 至 1"],
    ["minGoodShare below 0", { annual: { minGoodShare: -0.5 } }, ["annual.minGoodShare"], "0 至 1"],
    ["ratingPoints above 1", { ratingPoints: { 好: 100 } }, ["ratingPoints.好"], "0 至 1"],
    ["bands not descending", { bands: { 较好: 90 } }, ["bands"], "好 90，较好 90，一般 60"],
    ["bands upside down", { bands: { 好: 60, 一般: 90 } }, ["bands"], "从高到低"],
    [
      "个性 indicators adding up to 90",
      { indicators: [{ name: "业绩", category: "个性", max: 90 }, { name: "作风", category: "共性", max: 100 }] },
      ["indicators"],
      "个性指标的满分之和应为 100，现为 90",
    ],
    [
      "no 共性 indicator",
      { indicators: [{ name: "业绩", category: "个性", max: 100 }] },
      ["indicators"],
      "没有共性指标",
    ],
    [
      "an indicator listed twice",
      {
        indicators: [
          { name: "业绩", category: "个性", max: 100 },
          { name: "业绩", category: "共性", max: 100 },
        ],
      },
      ["indicators[1].name"],
      "“业绩”重复",
    ],
    [
      "an indicator with an unknown category and dimension",
      { indicators: [{ name: "业绩", category: "个人", dimension: "智", max: 100 }, { name: "作风", category: "共性", max: 100 }] },
      ["indicators[0].category", "indicators[0].dimension"],
      "个性、共性",
    ],
    ["a negative bonus cap", { bonusCap: -1 }, ["bonusCap"], "不小于 0"],
    ["a negative deduction cap", { deductionCap: -5 }, ["deductionCap"], "不小于 0"],
    ["trimFrom below 3", { trimFrom: 2 }, ["trimFrom"], "不小于 3 的整数"],
    ["a count with decimals", { annual: { reserveMinGood: 2.5 } }, ["annual.reserveMinGood"], "整数，现为 2.5"],
    ["notice days of 0", { notice: { days: 0 } }, ["notice.days"], "不小于 1 的整数"],
    ["an archive window of 0", { archive: { window: 0 } }, ["archive.window"], "不小于 1 的整数，现为 0"],
    ["archive.goodMin with decimals", { archive: { goodMin: 3.5 } }, ["archive.goodMin"], "整数，现为 3.5"],
    ["archive.weakMin in quotes", { archive: { weakMin: "2" } }, ["archive.weakMin"], "数字不要加引号"],
    ["an unknown archive key", { archive: { windows: 8 } }, ["archive.windows"], "window、goodMin、weakMin"],
    ["a date written with slashes", { calendar: { holidays: ["2026/10/01"] } }, ["calendar.holidays[0]"], "YYYY-MM-DD"],
    ["a date that does not exist", { calendar: { workdays: ["2026-02-30"] } }, ["calendar.workdays[0]"], "YYYY-MM-DD"],
    [
      "a date both holiday and workday",
      { calendar: { holidays: ["2026-10-10"], workdays: ["2026-10-10"] } },
      ["calendar.workdays[0]"],
      "同时列为节假日",
    ],
    ["barGrades with an unknown word", { annual: { barGrades: ["差"] } }, ["annual.barGrades[0]"], "好、较好、一般、较差"],
    ["barGrades with a word twice", { annual: { barGrades: ["一般", "一般"] } }, ["annual.barGrades[1]"], "重复"],
    ["tieKeys with an unknown key", { tieKeys: ["total"] }, ["tieKeys[0]"], "individual、common"],
    ["tieKeys with a key twice", { tieKeys: ["common", "common"] }, ["tieKeys[1]"], "重复"],
    ["an unknown rounding", { quotaRounding: "truncate" }, ["quotaRounding"], "floor、round、ceil"],
    ["an empty name", { name: "  " }, ["name"], "非空"],
    ["an empty unit code", { unitOverrides: { "": { goodRatio: 0.5 } } }, ['unitOverrides[""]'], "单位代码"],
  ])("%s", (_what, given, keys, says) => {
    const { value, problems } = check(given);
    expect(value).toBeNull();
    expect(problems.map((p) => p.header)).toEqual(keys);
    for (const problem of problems) {
      expect(problem).toMatchObject({ severity: "error", code: "E_RULES", file: "方案.json", sheet: "", cell: "" });
      if (problem.header !== "") expect(problem.message).toContain(`「${problem.header}」`);
    }
    expect(problems[0]?.message).toContain(says);
  });

  it("collects every error of a file, not just the first", () => {
    const { problems } = check({ weights: { individual: 0.8 }, trimFrom: 1, notice: { list: "某些" }, extra: true });
    expect(problems.map((p) => p.header).sort()).toEqual(["extra", "notice.list", "trimFrom", "weights"]);
  });
});

describe("exact conversion (rules.md Arithmetic)", () => {
  it.each<[string, unknown, (rules: ReturnType<typeof toRules>) => Exact, Exact]>([
    ["goodRatio 0.29 is 29/100", { goodRatio: 0.29 }, (r) => r.goodRatio, q(29, 100)],
    ["a unit's 0.45 is 9/20", { unitOverrides: { A01: { goodRatio: 0.45 } } }, (r) => r.unitOverrides.A01!.goodRatio, q(9, 20)],
    ["较好 0.85 is 17/20", {}, (r) => r.ratingPoints.fairlyGood, q(17, 20)],
    ["a band of 89.995", { bands: { 好: 89.995 } }, (r) => r.bands.good, q(17999, 200)],
    ["weights 0.65 + 0.35", { weights: { individual: 0.65, common: 0.35 } }, (r) => r.weights.individual, q(13, 20)],
  ])("%s", (_what, given, pick, expected) => {
    const { value } = check(given);
    expect(pick(value!.rules)).toEqual(expected);
  });

  it("0.29 × 100 persons is 29 places, not the 28 of doubles", () => {
    const { value } = check({ goodRatio: 0.29 });
    expect(floor(mul(value!.rules.goodRatio, exact(100)))).toBe(29n);
  });

  it("any split of 1 into two hundredths is accepted; any other sum is refused (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (i, c) => {
        const { problems } = check({ weights: { individual: i / 100, common: c / 100 } });
        expect(problems.map((p) => p.header)).toEqual(i + c === 100 ? [] : ["weights"]);
      }),
    );
  });
});

describe("SHA-256 of the canonical JSON", () => {
  it("canonicalJson sorts keys at every depth, keeps array order, and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: "好" }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":"好","f":1}]},"b":1}');
  });

  it("is the same whatever the key order of the file, and of the built-in rules when nothing is changed", () => {
    const one = check({ notice: { days: 3, list: "all" }, goodRatio: 0.3 }).value!;
    const other = check({ goodRatio: 0.3, notice: { list: "all", days: 3 } }).value!;
    expect(one.sha256).toBe(other.sha256);
    expect(one.sha256).toBe(sha256(canonicalJson(one.json)));
    expect(check({}).value!.sha256).toBe(checkRules(DEFAULT_RULES_FILE, null, sha256).value!.sha256);
    expect(check({ goodRatio: 0.31 }).value!.sha256).not.toBe(one.sha256);
  });

  it("canonicalJson does not depend on key order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });
});

describe("keyPath", () => {
  it.each<[PropertyKey[], string]>([
    [["weights", "common"], "weights.common"],
    [["indicators", 2, "max"], "indicators[2].max"],
    [["unitOverrides", "A.1", "goodRatio"], 'unitOverrides["A.1"].goodRatio'],
    [[], ""],
  ])("%j → %s", (path, expected) => {
    expect(keyPath(path)).toBe(expected);
  });
});
