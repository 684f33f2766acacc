import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toText } from "../../src/domain/exact.js";
import { DEFAULT_POLITICAL_RULES_FILE, negativeItems, politicalRulesOf } from "../../src/domain/political-rules.js";
import { checkRules } from "../../src/domain/rules-file.js";
import { DEFAULT_RULES_FILE } from "../../src/domain/rules-file-defaults.js";
import { mergeRulesFile } from "../../src/domain/rules-file-merge.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const check = (political: unknown) => checkRules(mergeRulesFile(DEFAULT_RULES_FILE, { political }), "方案.json", sha256);

describe("the political section of the rules file", () => {
  it("defaults: 望江's five aspects, 24 positive standards, 17 negative items 反1…反17", () => {
    const { value, problems } = checkRules(DEFAULT_RULES_FILE, null, sha256);
    expect(problems).toEqual([]);
    const r = politicalRulesOf(value!.json);
    expect(r.aspects.map((a) => [a.name, toText(a.weight), a.positive.length, a.negative.length])).toEqual([
      ["政治忠诚", "0.2", 5, 4],
      ["政治定力", "0.2", 5, 3],
      ["政治担当", "0.2", 5, 3],
      ["政治能力", "0.2", 5, 3],
      ["政治自律", "0.2", 4, 4],
    ]);
    expect(negativeItems(r).map((i) => i.code)).toEqual(Array.from({ length: 17 }, (_, i) => `反${i + 1}`));
    expect(r.raterGroups.map((g) => `${g.name} ${toText(g.weight)}`)).toEqual(["上级领导 0.2", "班子成员 0.3", "干部职工 0.5"]);
    expect([r.flagMinForms, toText(r.flagRate), r.trimFrom, r.sources.length]).toEqual([3, "0.2", null, 14]);
    expect(r.vetoAspects).toEqual(["政治忠诚", "政治自律"]);
  });

  it("a county's own rater groups replace 望江's whole (not merged key by key)", () => {
    const { value, problems } = check({ raterWeights: { 领导: 0.4, 群众: 0.6 } });
    expect(problems).toEqual([]);
    expect(politicalRulesOf(value!.json).raterGroups.map((g) => g.name)).toEqual(["领导", "群众"]);
  });

  it.each([
    ["weights that do not add up", { aspectWeights: { 政治忠诚: 0.3, 政治定力: 0.2, 政治担当: 0.2, 政治能力: 0.2, 政治自律: 0.2 } }, "political.aspectWeights", "之和应为 1"],
    ["an aspect without weight", { aspectWeights: { 政治忠诚: 0.25, 政治定力: 0.25, 政治担当: 0.25, 政治能力: 0.25 } }, "political.aspectWeights", "没有方面“政治自律”的权重"],
    ["a veto aspect that is not an aspect", { vetoAspects: ["政治纪律"] }, "political.vetoAspects[0]", "不是 aspects 中的方面"],
    ["a rate above 1", { flagRate: 1.5 }, "political.flagRate", "应为 0 至 1 之间的数"],
    ["bands not descending", { bands: { 好: 80, 较好: 90, 一般: 60 } }, "political.bands", "应从高到低排列"],
    ["an unknown key", { flagMin: 3 }, "political.flagMin", "没有「political.flagMin」"],
    ["a source listed twice", { sources: ["纪委监委", "纪委监委"] }, "political.sources[1]", "重复出现"],
    [
      "a code used twice",
      {
        aspects: DEFAULT_POLITICAL_RULES_FILE.aspects.map((a, i) =>
          i === 4 ? { ...a, negative: [...a.negative, { code: "反1", text: "重复" }] } : a,
        ),
      },
      "political.aspects[4].negative[4].code",
      "代码不能重复",
    ],
  ])("%s is an E_RULES problem at its key", (_, political, key, words) => {
    const { value, problems } = check(political);
    expect(value).toBeNull();
    expect(problems.map((p) => [p.code, p.header])).toContainEqual(["E_RULES", key]);
    expect(problems.find((p) => p.header === key)?.message).toContain(words);
  });
});

describe("templates/political.json", () => {
  it("ships the 结果运用 of political.md, the domain's default", async () => {
    const { readPoliticalWording } = await import("../../src/build/political-wording-templates.js");
    const { useByGrade } = await import("../../src/build/political-wording.js");
    const { DEFAULT_POLITICAL_USE } = await import("../../src/domain/political-conclusion.js");
    const wording = await readPoliticalWording();
    expect(useByGrade(wording)).toEqual(DEFAULT_POLITICAL_USE);
    expect(wording.confidential).toBe("内部资料 注意保密");
  });
});
