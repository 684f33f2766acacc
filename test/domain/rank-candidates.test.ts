import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import { competitionRanks, compareMerit, meritKey, sortByMerit } from "../../src/domain/rank-candidates.js";
import type { TieKey } from "../../src/domain/rules.js";

const person = (total: string, individual: string, common: string) => ({
  total: exact(total),
  individual: exact(individual),
  common: exact(common),
});

describe("the order of rules.md §4.2", () => {
  it.each([
    // a (S, I, C), b (S, I, C), tie keys, expected sign (negative: a first)
    [["93.5", "95", "90"], ["93.5", "95", "90"], ["individual", "common"], 0],
    [["95", "97", "90.33"], ["93.5", "95", "90"], ["individual", "common"], -1], // S decides
    [["93.5", "94", "92"], ["93.5", "95", "90"], ["individual", "common"], 1], // then I
    [["93.5", "94", "92"], ["93.5", "95", "90"], ["common", "individual"], -1], // keys in the rules' order
    [["93.5", "94", "92"], ["93.5", "95", "90"], [], 0], // no tie keys: S only
    [["90", "90", "90.333"], ["90", "90", "90.334"], ["individual", "common"], 0], // both 90.33 after rounding
    [["90", "90", "90.335"], ["90", "90", "90.334"], ["individual", "common"], -1], // 90.34 > 90.33
  ] as [[string, string, string], [string, string, string], TieKey[], number][])("%j vs %j by %j → %i", (a, b, keys, sign) => {
    const result = compareMerit(meritKey(person(...a), keys), meritKey(person(...b), keys));
    expect(Math.sign(result)).toBe(sign);
  });

  it("sorts descending and keeps the given order among equals", () => {
    const rows = [
      { id: "F", ...person("75", "75", "75") },
      { id: "B", ...person("93.5", "95", "90") },
      { id: "A", ...person("95", "97", "90.33") },
      { id: "C", ...person("93.5", "95", "90") },
    ];
    expect(sortByMerit(rows, (r) => meritKey(r, ["individual", "common"])).map((r) => r.id)).toEqual(["A", "B", "C", "F"]);
  });

  it("ranks with shared places: 1, 2, 2, 4", () => {
    const rows = [person("90", "90", "90"), person("95", "95", "95"), person("90", "90", "90"), person("93", "93", "93")];
    expect(competitionRanks(rows, (r) => meritKey(r, ["individual", "common"]))).toEqual([3, 1, 3, 2]);
    const tied = [person("93.5", "95", "90"), person("95", "97", "90.33"), person("93.5", "95", "90"), person("90", "90", "90")];
    expect(competitionRanks(tied, (r) => meritKey(r, ["individual", "common"]))).toEqual([2, 1, 2, 4]);
  });
});
