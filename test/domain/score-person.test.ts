import { describe, expect, it } from "vitest";
import { exact, ratio, toText } from "../../src/domain/exact.js";
import type { RaterGroup } from "../../src/domain/labels.js";
import { commonScore, groupScore, raterScore, scorePerson, totalScore } from "../../src/domain/score-person.js";
import type { ScoreEvent } from "../../src/domain/model.js";
import { defaultRules, rulesWith } from "../support/default-rules.js";
import { gradePart, pointsPart } from "./support/build-workbook.js";

const rules = defaultRules();
const at = { file: "t.xlsx", sheet: "加减分", cell: "A2", header: "人员编号" };
const bonus = (points: string): ScoreEvent => ({ personId: "P", kind: "bonus", points: exact(points), reason: "表彰", date: null, ref: at });
const deduction = (points: string): ScoreEvent => ({ personId: "P", kind: "deduction", points: exact(points), reason: "迟报", date: null, ref: at });
const scored = (group: RaterGroup, score: string) => ({ group, parts: [pointsPart(null, 100, score)] });

describe("a rater's score r (rules.md §2)", () => {
  it("the worked example: 好 30, 较好 20, 好 20, 好 20, 一般 10 → r = 94", () => {
    const r = raterScore(
      {
        parts: [
          gradePart("政治素质", 30, "good"),
          gradePart("职业道德", 20, "fairlyGood"),
          gradePart("工作作风", 20, "good"),
          gradePart("廉洁自律", 20, "good"),
          gradePart("出勤情况", 10, "average"),
        ],
      },
      rules.ratingPoints,
    );
    expect(toText(r)).toBe("94");
  });

  it.each([
    // what, parts, expected r
    ["points 28 + 17.5", [pointsPart("政治素质", 30, 28), pointsPart("职业道德", 20, "17.5")], "45.5"],
    ["较差 on 30 (15) + points 20", [gradePart("政治素质", 30, "poor"), pointsPart("职业道德", 20, 20)], "35"],
    ["较好 on 10", [gradePart("出勤情况", 10, "fairlyGood")], "8.5"],
    ["测评得分 88.5", [pointsPart(null, 100, "88.5")], "88.5"],
  ])("%s → r = %s", (_what, parts, expected) => {
    expect(toText(raterScore({ parts }, rules.ratingPoints))).toBe(expected);
  });
});

describe("a group's score g (rules.md §2)", () => {
  it.each([
    // scores, trimFrom, expected g
    [["90", "85", "100", "70", "88"], 5, "263/3"], // the worked example: drop 100 and 70
    [["90", "85", "100", "70"], 5, "86.25"], // 4 < trimFrom: plain mean 345/4
    [["80", "90", "70"], 3, "80"], // trimFrom 3: drop 90 and 70
    [["80", "90"], 2, "85"], // trimming would empty the group: nothing is dropped
    [["90", "90", "90", "70", "70"], 5, "250/3"], // one of the equal highest and lowest only
    [["93"], 5, "93"],
  ])("%j with trimFrom %i → %s", (scores, trimFrom, expected) => {
    const g = groupScore(scores.map((s) => exact(s)), trimFrom);
    expect(g && toText(g)).toBe(expected);
  });

  it("a group without ratings has no score", () => {
    expect(groupScore([], 5)).toBeNull();
  });
});

describe("共性得分 C (rules.md §2)", () => {
  const colleagues = ["90", "85", "100", "70", "88"].map((s) => scored("colleague", s));

  it("the worked example: 领导 93, 同事 263/3, non-window → C = 271/3", () => {
    const c = commonScore([scored("leader", "93"), ...colleagues], false, rules);
    expect(c && toText(c)).toBe("271/3");
  });

  it.each([
    // ratings (group, score), window, expected C
    [[["leader", "90"], ["colleague", "80"], ["recipient", "70"]], true, "81"], // 36 + 24 + 21
    [[["leader", "90"], ["colleague", "80"]], true, "600/7"], // (36 + 24) / 0.7: no 服务对象
    [[["leader", "90"], ["colleague", "80"], ["recipient", "10"]], false, "85"], // 服务对象 weighs 0
    [[["colleague", "80"]], false, "80"], // only one group rated: its weight is the whole
    [[["leader", "90"], ["leader", "80"], ["colleague", "70"]], false, "77.5"], // 85 and 70
  ] as [[RaterGroup, string][], boolean, string][])("%j window=%s → %s", (rows, window, expected) => {
    const c = commonScore(rows.map(([g, s]) => scored(g, s)), window, rules);
    expect(c && toText(c)).toBe(expected);
  });

  it("no rating in a group with weight above zero → no C", () => {
    expect(commonScore([scored("recipient", "90")], false, rules)).toBeNull();
    expect(commonScore([], true, rules)).toBeNull();
  });
});

describe("total S (rules.md §2 and Arithmetic)", () => {
  it("the worked example: I = 88, C = 271/3, 加分 3 + 4 capped at 5, 减分 1 → S = 92.70", () => {
    const colleagues = ["90", "85", "100", "70", "88"].map((s) => scored("colleague", s));
    const common = commonScore([scored("leader", "93"), ...colleagues], false, rules);
    expect(common).not.toBeNull();
    const scores = scorePerson(exact(88), common!, [bonus("3"), bonus("4"), deduction("1")], rules);
    expect(toText(scores.bonus)).toBe("5");
    expect(toText(scores.deduction)).toBe("1");
    expect(toText(scores.common)).toBe("271/3");
    expect(toText(scores.total)).toBe("92.7");
  });

  it("0.7 × 80 + 0.3 × 80.65 = 80.195 is rounded once, half up, to 80.20", () => {
    expect(toText(totalScore(exact(80), exact("80.65"), exact(0), exact(0), rules))).toBe("80.2");
  });

  it.each([
    // I, C, B, D, rules, expected S
    ["100", "100", "5", "0", rules, "100"], // clamped to maxScore
    ["100", "100", "5", "0", rulesWith({ maxScore: null }), "105"], // no upper clamp
    ["0", "0", "0", "3", rules, "0"], // never below 0
    ["90", "271/3", "0", "0", rules, "90.1"], // 63 + 27.1
    ["95", "90.33", "0", "0", rules, "93.6"], // 66.5 + 27.099 = 93.599 → 93.60
    ["97", "90.33", "0", "0", rules, "95"], // 67.9 + 27.099 = 94.999 → 95.00
  ])("I %s, C %s, B %s, D %s → %s", (i, c, b, d, r, expected) => {
    const common = c.includes("/") ? ratio(BigInt(c.split("/")[0]!), BigInt(c.split("/")[1]!)) : exact(c);
    expect(toText(totalScore(exact(i), common, exact(b), exact(d), r))).toBe(expected);
  });

  it.each([
    // bonuses, deductions, rules, expected B, expected D
    [["3", "4"], [], rules, "5", "0"],
    [["3", "4"], [], rulesWith({ bonusCap: null }), "7", "0"],
    [[], ["1.5", "1.5"], rules, "0", "3"], // deductionCap null: no cap
    [[], ["1.5", "1.5"], rulesWith({ deductionCap: exact(2) }), "0", "2"],
    [["0.5"], ["0.25"], rules, "0.5", "0.25"],
  ])("加分 %j, 减分 %j → B %s, D %s", (bonuses, deductions, r, b, d) => {
    const scores = scorePerson(exact(80), exact(80), [...bonuses.map(bonus), ...deductions.map(deduction)], r);
    expect(toText(scores.bonus)).toBe(b);
    expect(toText(scores.deduction)).toBe(d);
  });

  it("veto and bar events carry no points and do not change S", () => {
    const veto: ScoreEvent = { personId: "P", kind: "veto", points: null, reason: "违纪", date: null, ref: at };
    const scores = scorePerson(exact(80), exact(80), [veto], rules);
    expect(toText(scores.total)).toBe("80");
  });
});
