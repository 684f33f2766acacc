// The number of 好 places of a pool (rules.md §4.1), computed exactly: 0.4 × 7 = 2.8 → 2 and
// 0.29 × 100 = 29, never 28 (rules.md "Arithmetic").

import type { Exact } from "./exact.js";
import { ceil, floor, mul, ratio, roundHalfUp } from "./exact.js";
import type { Rules } from "./rules.js";

/** The pool's ratio: the unit's override if it has one, else the rules' goodRatio (§1.2, §4.1). */
export function goodRatioOf(unitCode: string, rules: Pick<Rules, "goodRatio" | "unitOverrides">): Exact {
  return Object.hasOwn(rules.unitOverrides, unitCode) ? rules.unitOverrides[unitCode]!.goodRatio : rules.goodRatio;
}

/**
 * Q = quotaRounding(ratio × N), then at least minGoodQuota when N > 0, and at most N (§4.1).
 * 好 is a ceiling, not a target: Q only bounds how many may be 好.
 */
export function goodQuota(n: number, goodRatio: Exact, rules: Pick<Rules, "quotaRounding" | "minGoodQuota">): number {
  if (n <= 0) return 0;
  const exactShare = mul(goodRatio, ratio(BigInt(n)));
  const rounded =
    rules.quotaRounding === "floor" ? floor(exactShare) : rules.quotaRounding === "ceil" ? ceil(exactShare) : roundHalfUp(exactShare);
  const atLeast = Math.max(Number(rounded), rules.minGoodQuota);
  return Math.min(Math.max(atLeast, 0), n);
}
