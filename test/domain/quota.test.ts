import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compare, exact, mul, ratio } from "../../src/domain/exact.js";
import { goodQuota, goodRatioOf } from "../../src/domain/quota.js";
import type { QuotaRounding } from "../../src/domain/rules.js";
import { defaultRules, rulesWith } from "../support/default-rules.js";

describe("the quota Q (rules.md §4.1)", () => {
  it.each([
    // N, ratio, rounding, minGoodQuota, expected Q
    [7, "0.4", "floor", 0, 2], // the worked example: 2.8 → 2
    [7, "0.4", "round", 0, 3], // 2.8 → 3
    [7, "0.4", "ceil", 0, 3],
    [5, "0.4", "floor", 0, 2], // exactly 2
    [5, "0.4", "ceil", 0, 2],
    [10, "0.25", "round", 0, 3], // 2.5 half up → 3
    [10, "0.25", "floor", 0, 2],
    [100, "0.29", "floor", 0, 29], // not 28 as doubles would give
    [2, "0.4", "floor", 0, 0], // 0.8 → 0: 好 is a ceiling, not a target
    [2, "0.4", "floor", 1, 1], // at least minGoodQuota
    [0, "0.4", "floor", 1, 0], // no graded person, no place
    [3, "0.4", "floor", 5, 3], // never more than N
    [3, "1", "ceil", 0, 3],
  ] as [number, string, QuotaRounding, number, number][])("N %i × %s, %s, min %i → Q %i", (n, r, rounding, min, expected) => {
    expect(goodQuota(n, exact(r), { quotaRounding: rounding, minGoodQuota: min })).toBe(expected);
  });

  it("takes the unit's override of goodRatio, else the rules' goodRatio", () => {
    const rules = rulesWith({ unitOverrides: { U2: { goodRatio: exact("0.5") } } });
    expect(goodRatioOf("U2", rules)).toEqual(exact("0.5"));
    expect(goodRatioOf("U1", rules)).toEqual(exact("0.4"));
    expect(goodRatioOf("constructor", defaultRules())).toEqual(exact("0.4"));
  });

  it("with floor and no minimum, Q ≤ ratio × N and Q > ratio × N − 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }), (n, percent) => {
        const r = ratio(BigInt(percent), 100n);
        const q = goodQuota(n, r, { quotaRounding: "floor", minGoodQuota: 0 });
        const share = mul(r, ratio(BigInt(n)));
        expect(compare(ratio(BigInt(q)), share)).toBeLessThanOrEqual(0);
        expect(compare(ratio(BigInt(q + 1)), share)).toBeGreaterThan(0);
      }),
    );
  });

  it("0 ≤ Q ≤ N whatever the rounding and minimum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom<QuotaRounding>("floor", "round", "ceil"),
        fc.integer({ min: 0, max: 10 }),
        (n, percent, rounding, min) => {
          const q = goodQuota(n, ratio(BigInt(percent), 100n), { quotaRounding: rounding, minGoodQuota: min });
          expect(q).toBeGreaterThanOrEqual(n > 0 ? Math.min(min, n) : 0);
          expect(q).toBeLessThanOrEqual(n);
        },
      ),
    );
  });
});
