// The order of rules.md §4.2: by S, then by each tieKeys value rounded half up to 2 decimals, all
// descending. The same order ranks every graded person of a pool (排名, outputs.md 结果).

import type { Exact } from "./exact.js";
import { compare, roundTo } from "./exact.js";
import type { PersonScores } from "./graded.js";
import type { TieKey } from "./rules.js";

/** The values a person is ordered by: S first, then the tie keys in the rules' order. */
export type MeritKey = readonly Exact[];

export function meritKey(scores: Pick<PersonScores, "total" | "individual" | "common">, tieKeys: readonly TieKey[]): MeritKey {
  // Tie keys are compared as published, to 2 decimals (§4.2): a 0.001 difference in C that no
  // output shows must not decide who is 好.
  return [scores.total, ...tieKeys.map((key) => roundTo(key === "individual" ? scores.individual : scores.common, 2))];
}

/** Negative when a comes first (is better), positive when b does, 0 when equal on every key. */
export function compareMerit(a: MeritKey, b: MeritKey): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const left = a[i];
    const right = b[i];
    if (left === undefined || right === undefined) return left === undefined ? (right === undefined ? 0 : 1) : -1;
    const c = compare(right, left);
    if (c !== 0) return c;
  }
  return 0;
}

export function sameMerit(a: MeritKey, b: MeritKey): boolean {
  return compareMerit(a, b) === 0;
}

/** The items in §4.2 order; equal items keep their given order (the sort is stable). */
export function sortByMerit<T>(items: readonly T[], keyOf: (item: T) => MeritKey): T[] {
  return [...items].sort((a, b) => compareMerit(keyOf(a), keyOf(b)));
}

/**
 * 1-based places by §4.2, aligned with `items`; equal items share a place and the next place
 * skips as many (competition ranking 1, 2, 2, 4).
 */
export function competitionRanks<T>(items: readonly T[], keyOf: (item: T) => MeritKey): number[] {
  const keys = items.map(keyOf);
  const order = sortByMerit(keys.map((_, i) => i), (i) => keys[i]!);
  const ranks: number[] = new Array<number>(items.length).fill(0);
  order.forEach((index, place) => {
    const previous = place > 0 ? order[place - 1]! : undefined;
    ranks[index] = previous !== undefined && sameMerit(keys[previous]!, keys[index]!) ? ranks[previous]! : place + 1;
  });
  return ranks;
}
