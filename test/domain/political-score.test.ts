import { describe, expect, it } from "vitest";
import { exact, fixed, ratio, toText } from "../../src/domain/exact.js";
import { concludeCadre, percentText } from "../../src/domain/political-conclusion.js";
import { evaluateCadre } from "../../src/domain/political-evaluate.js";
import { DEFAULT_POLITICAL_USE } from "../../src/domain/political-conclusion.js";
import { groupMean, isFlagged, politicalBand, scoreCadre } from "../../src/domain/political-score.js";
import { clue, exampleCadre, exampleForms, rules } from "./support/political-example.js";

const R = rules();
const none = { clues: [], observations: [], talks: [] };

describe("political.md worked example, word for word", () => {
  it("政治忠诚: 上级领导 100, 班子成员 95, 干部职工 91, A = 94; the others 90, 88, 86.5, 92; P = 90.10, band 好", () => {
    const scores = scoreCadre(exampleForms(), R);
    const loyalty = scores.aspects[0]!;
    expect(loyalty.groups.map((g) => [g.group, g.forms, toText(g.score)])).toEqual([
      ["上级领导", 2, "100"],
      ["班子成员", 3, "95"],
      ["干部职工", 5, "91"],
    ]);
    expect(scores.aspects.map((a) => toText(a.score!))).toEqual(["94", "90", "88", "86.5", "92"]);
    expect(fixed(scores.positive!)).toBe("90.10");
    expect(politicalBand(scores.positive!, R.bands)).toBe("good");
  });

  it("3 of the 10 forms mark 反9: r = 0.3, m = 3, flagged; conclusion 一般 with the reason as written", () => {
    const result = evaluateCadre(exampleCadre(), { forms: exampleForms(3), ...none }, R, DEFAULT_POLITICAL_USE, false);
    expect(result.flagged.map((f) => [f.code, f.marks, toText(f.rate)])).toEqual([["反9", 3, "0.3"]]);
    expect(result.conclusion).toEqual({
      band: "good",
      conclusion: "average",
      pending: false,
      reasons: ["反向条目“为官不为、慢作为，庸懒散拖”有3人反映（30%）"],
    });
    expect(result.use).toBe("进行提醒谈话，跟踪观察");
  });

  it("only 2 forms mark it (m = 2 < 3) and a 政治担当 problem is 核实中: 较好, 待核实", () => {
    const result = evaluateCadre(
      exampleCadre(),
      { forms: exampleForms(2), clues: [clue("政治担当", "checking")], observations: [], talks: [] },
      R,
      DEFAULT_POLITICAL_USE,
      false,
    );
    expect(result.flagged).toEqual([]);
    expect(result.conclusion).toEqual({ band: "good", conclusion: "fairlyGood", pending: true, reasons: ["正向得分90.10，属好档", "有问题线索正在核实"] });
    expect(result.use).toBe("正常使用");
  });

  it("a 属实 problem in 政治自律 instead: 较差, whatever P", () => {
    const result = evaluateCadre(
      exampleCadre(),
      { forms: exampleForms(2), clues: [clue("政治自律", "confirmed")], observations: [], talks: [] },
      R,
      DEFAULT_POLITICAL_USE,
      false,
    );
    expect(result.conclusion?.conclusion).toBe("poor");
    expect(result.conclusion?.reasons).toEqual(["政治自律方面有问题线索属实（1条）"]);
  });
});

describe("flags, compared exactly", () => {
  it.each([
    [3, 15, true], // 0.2 exactly
    [2, 10, false], // 0.2 but m < 3
    [3, 16, false], // 0.1875
    [4, 20, true],
    [3, 3, true],
    [0, 0, false],
  ])("%i of %i forms → %s", (marks, forms, flagged) => {
    expect(isFlagged(marks, forms, R)).toBe(flagged);
  });

  it("percentages: 1/3 → 33.33%, 0.2 → 20%", () => {
    expect(percentText(ratio(1n, 3n))).toBe("33.33%");
    expect(percentText(exact("0.2"))).toBe("20%");
  });
});

describe("group means and trimming", () => {
  it("drops one highest and one lowest from trimFrom forms on", () => {
    const points = [100, 85, 70, 50, 85].map((p) => exact(p));
    expect(toText(groupMean(points, null))).toBe("78");
    expect(toText(groupMean(points, 5))).toBe("80");
    expect(toText(groupMean(points, 6))).toBe("78");
  });

  it("a group weighing 0 is not counted; without a weighted group A_k is null", () => {
    const zero = { ...R, raterGroups: [{ name: "上级领导", weight: exact(0) }, { name: "班子成员", weight: exact(1) }] };
    const forms = exampleForms().slice(0, 2); // 上级领导 only
    expect(scoreCadre(forms, zero).positive).toBeNull();
  });
});

describe("the conclusion's rules in order", () => {
  const base = { flagged: [], clues: [], observations: [] };
  it.each([
    ["P 95 → 好", "95", [], "good", ["正向得分95.00，属好档"]],
    ["P 85 → 较好", "85", [], "fairlyGood", ["正向得分85.00，属较好档"]],
    ["P 70 → 一般", "70", [], "average", ["正向得分70.00，属一般档"]],
    ["P 59.99 → 较差", "59.99", [], "poor", ["正向得分59.99，属较差档"]],
    ["部分属实 in 政治忠诚 → 一般", "95", [clue("政治忠诚", "partly")], "average", ["政治忠诚方面有问题线索部分属实（1条）"]],
    ["属实 in 政治担当 → 一般", "95", [clue("政治担当", "confirmed")], "average", ["政治担当方面有问题线索属实（1条）"]],
    ["不属实 changes nothing", "95", [clue("政治忠诚", "unfounded")], "good", ["正向得分95.00，属好档"]],
    [
      "属实 in 政治忠诚 and band 一般: 较差, both reasons",
      "70",
      [clue("政治忠诚", "confirmed")],
      "poor",
      ["政治忠诚方面有问题线索属实（1条）", "正向得分70.00，属一般档"],
    ],
  ] as const)("%s", (_, p, clues, conclusion, reasons) => {
    const result = concludeCadre({ ...base, positive: exact(p), clues: [...clues] }, R);
    expect(result.conclusion).toBe(conclusion);
    expect(result.reasons).toEqual(reasons);
  });

  it("a negative 延伸考察 finding → 一般", () => {
    const result = concludeCadre(
      { ...base, positive: exact(95), observations: [{ cadreId: "GB001", scene: "community", verdict: "negative", content: "x", date: "2026-10-09" }] },
      R,
    );
    expect([result.conclusion, result.reasons]).toEqual(["average", ["延伸考察有1条负面评价（社区）"]]);
  });
});
