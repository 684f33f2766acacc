import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import type { Reason } from "../../src/domain/graded.js";
import { reasonText } from "../../src/domain/graded.js";
import type { MeritKey } from "../../src/domain/rank-candidates.js";
import { selectGood } from "../../src/domain/select-good.js";
import type { TiePolicy } from "../../src/domain/rules.js";

/** A candidate "B:93.5/95" has S 93.5 and one tie key 95. */
const key = (c: string): MeritKey => c.split(":")[1]!.split("/").map((v) => exact(v));
const name = (c: string): string => c.split(":")[0]!;
const outcomeLetter = { good: "好", fairlyGood: "较好", pending: "待定" } as const;

function run(candidates: string[], places: number, policy: TiePolicy): { result: string; reasons: string; used: number } {
  const quota: Reason = { kind: "quota", quota: places };
  const { selections, used } = selectGood(candidates, key, places, policy, quota);
  return {
    result: candidates.map((c, i) => `${name(c)}${outcomeLetter[selections[i]!.outcome]}`).join(" "),
    reasons: candidates.map((c, i) => `${name(c)}:${selections[i]!.reason ? reasonText(selections[i]!.reason!) : ""}`).join(" "),
    used,
  };
}

describe("the line (rules.md §4.3)", () => {
  it.each([
    // candidates, places, policy, grades, places used
    [["A:95/97", "B:93.5/95", "E:90/90"], 3, "committee", "A好 B好 E好", 3], // Q or fewer: all 好
    [["A:95/97", "B:93.5/95"], 5, "committee", "A好 B好", 2], // unused places stay unused
    [["A:95/97", "B:93.5/95", "E:90/90"], 2, "committee", "A好 B好 E较好", 2],
    [["E:90/90", "A:95/97", "B:93.5/95"], 2, "committee", "E较好 A好 B好", 2], // given order does not matter
    // the worked example's candidates: A, B = C at the line, E
    [["A:95/97", "B:93.5/95", "C:93.5/95", "E:90/90"], 2, "committee", "A好 B待定 C待定 E较好", 2],
    [["A:95/97", "B:93.5/95", "C:93.5/95", "E:90/90"], 2, "strict", "A好 B较好 C较好 E较好", 1],
    // a tie broken by the key is no tie
    [["A:95/97", "B:93.5/96", "C:93.5/95"], 2, "committee", "A好 B好 C较好", 2],
    // the tied group reaches above the line: everyone equal to the Q-th
    [["A:95/1", "B:92/1", "C:92/1", "D:92/1", "E:80/1"], 3, "committee", "A好 B待定 C待定 D待定 E较好", 3],
    [["B:92/1", "C:92/1", "D:92/1"], 2, "committee", "B待定 C待定 D待定", 2],
    [["B:92/1", "C:92/1", "D:92/1"], 2, "strict", "B较好 C较好 D较好", 0],
    // a tie below the line does not matter
    [["A:95/1", "B:92/1", "C:92/1"], 1, "committee", "A好 B较好 C较好", 1],
    // no place at all
    [["A:95/1", "B:92/1"], 0, "committee", "A较好 B较好", 0],
  ] as [string[], number, TiePolicy, string, number][])("%j with %i places, %s → %s", (candidates, places, policy, expected, used) => {
    const r = run(candidates, places, policy);
    expect(r.result).toBe(expected);
    expect(r.used).toBe(used);
  });

  it("gives the reasons of the worked example (committee)", () => {
    expect(run(["A:95/97", "B:93.5/95", "C:93.5/95", "E:90/90"], 2, "committee").reasons).toBe(
      "A: B:2人并列，剩余1个名额，由考核委员会审定 C:2人并列，剩余1个名额，由考核委员会审定 E:超出好等次名额（2名）",
    );
  });

  it("gives the reasons of the worked example (strict)", () => {
    expect(run(["A:95/97", "B:93.5/95", "C:93.5/95", "E:90/90"], 2, "strict").reasons).toBe(
      "A: B:2人并列，剩余1个名额，按方案均定为较好 C:2人并列，剩余1个名额，按方案均定为较好 E:超出好等次名额（2名）",
    );
  });

  it("counts the places left to a group that reaches above the line", () => {
    expect(run(["A:95/1", "B:92/1", "C:92/1", "D:92/1", "E:80/1"], 3, "committee").reasons).toContain(
      "B:3人并列，剩余2个名额，由考核委员会审定",
    );
  });
});
