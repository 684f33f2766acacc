// Who of the candidates gets one of a number of 好 places (rules.md §4.3): the best `places`
// by the §4.2 order, unless the line falls inside a group equal on S and every tie key.

import type { Reason } from "./graded.js";
import type { MeritKey } from "./rank-candidates.js";
import { sameMerit, sortByMerit } from "./rank-candidates.js";
import type { TiePolicy } from "./rules.js";

export interface Selection {
  outcome: "good" | "fairlyGood" | "pending";
  /** Why the candidate is not 好 (quota or tie); null for 好. */
  reason: Reason | null;
}

export interface SelectionResult {
  /** Aligned with the candidates as given. */
  selections: Selection[];
  /** Places taken: 好 given plus the places held for a 待定 group (§4.4 counts those as used). */
  used: number;
}

/**
 * With `places` or fewer candidates all are 好. Otherwise the first `places` are 好 and the rest
 * 较好 with `quotaReason` — unless the places-th and the next are equal on every key: then the
 * tied group is every candidate equal to the places-th, those above it are 好, and the group is
 * 待定 (committee: the committee fills the L places left) or 较好 (strict) (§4.3).
 */
export function selectGood<T>(
  candidates: readonly T[],
  keyOf: (candidate: T) => MeritKey,
  places: number,
  policy: TiePolicy,
  quotaReason: Reason,
): SelectionResult {
  const good: Selection = { outcome: "good", reason: null };
  if (candidates.length <= places) {
    return { selections: candidates.map(() => good), used: candidates.length };
  }
  const order = sortByMerit(
    candidates.map((_, i) => i),
    (i) => keyOf(candidates[i]!),
  );
  const keyAt = (place: number): MeritKey => keyOf(candidates[order[place]!]!);
  const selections: Selection[] = candidates.map(() => ({ outcome: "fairlyGood", reason: quotaReason }));

  // places ≥ 1 and a (places+1)-th exists here; the line is between them.
  const lineTied = places > 0 && sameMerit(keyAt(places - 1), keyAt(places));
  if (!lineTied) {
    for (let place = 0; place < places; place++) selections[order[place]!] = good;
    return { selections, used: places };
  }
  const lineKey = keyAt(places - 1);
  let first = places - 1;
  while (first > 0 && sameMerit(keyAt(first - 1), lineKey)) first--;
  let end = places;
  while (end < order.length && sameMerit(keyAt(end), lineKey)) end++;
  for (let place = 0; place < first; place++) selections[order[place]!] = good;

  const left = places - first;
  const tie: Reason = { kind: "tie", tied: end - first, left, policy };
  const tied: Selection = { outcome: policy === "committee" ? "pending" : "fairlyGood", reason: tie };
  for (let place = first; place < end; place++) selections[order[place]!] = tied;
  return { selections, used: policy === "committee" ? places : first };
}
