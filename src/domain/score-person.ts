// The scores of one graded person (rules.md §2 and "Arithmetic"): I, each rater's r, each group's
// g, C, B, D and the total S. Everything stays exact until S is rounded, once, half up to 2
// decimals.

import type { Exact } from "./exact.js";
import { add, clamp, compare, div, min, mul, ratio, roundTo, sub, sum, ZERO } from "./exact.js";
import type { PersonScores } from "./graded.js";
import type { RaterGroup } from "./labels.js";
import { RATER_GROUPS } from "./labels.js";
import type { Rating, RatingPart, ScoreEvent } from "./model.js";
import type { Rules } from "./rules.js";

/** A rater's score r: grade words are ratingPoints[word] × 满分, numbers are points (§2). */
export function raterScore(rating: Pick<Rating, "parts">, ratingPoints: Rules["ratingPoints"]): Exact {
  return sum(rating.parts.map((part) => ("grade" in part ? mul(ratingPoints[part.grade], part.max) : part.points)));
}

/**
 * A group's score g: the mean of its raters' r, after dropping one highest and one lowest when
 * the group has `trimFrom` or more ratings (§2). Trimming never empties a group: with fewer than
 * 3 ratings nothing is dropped, whatever `trimFrom` says. null for a group without ratings.
 */
export function groupScore(scores: readonly Exact[], trimFrom: number): Exact | null {
  if (scores.length === 0) return null;
  let kept = [...scores];
  if (scores.length >= trimFrom && scores.length >= 3) {
    kept = kept.sort(compare).slice(1, -1);
  }
  return div(sum(kept), ratio(BigInt(kept.length)));
}

type PostWeights = Pick<Rules, "raterWeights" | "windowRaterWeights">;

/** The rater weights of a kind of post: `windowRaterWeights` for a window post, else `raterWeights`. */
function postWeights(window: boolean, rules: PostWeights): Rules["raterWeights"] {
  return window ? rules.windowRaterWeights : rules.raterWeights;
}

/** The rater groups that count for a kind of post: weight above zero (§2), in RATER_GROUPS order. */
export function weightedGroups(window: boolean, rules: PostWeights): RaterGroup[] {
  const weights = postWeights(window, rules);
  return RATER_GROUPS.filter((group) => compare(weights[group], ZERO) > 0);
}

/**
 * 共性得分 C: the weighted mean of the group scores over the groups that have ratings and a
 * weight above zero, with the weights of the person's kind of post, divided by the sum of those
 * weights (§2). null when no such group has a rating (the reader reports that as an input error).
 */
export function commonScore(
  ratings: readonly Pick<Rating, "group" | "parts">[],
  window: boolean,
  rules: Pick<Rules, "raterWeights" | "windowRaterWeights" | "ratingPoints" | "trimFrom">,
  raterScores: RaterScores = new Map(),
): Exact | null {
  const weights = postWeights(window, rules);
  let weighted = ZERO;
  let weightSum = ZERO;
  for (const group of weightedGroups(window, rules)) {
    const weight = weights[group];
    const g = groupScore(scoresOf(ratings, group, rules.ratingPoints, raterScores), rules.trimFrom);
    if (g === null) continue;
    weighted = add(weighted, mul(weight, g));
    weightSum = add(weightSum, weight);
  }
  return compare(weightSum, ZERO) > 0 ? div(weighted, weightSum) : null;
}

/**
 * Each rater's r by the list of parts it was worked out from, for one set of rules: a workbook's
 * equal lists are one list (read/share-values.ts), so that of a city's 400,000 ratings only a few
 * hundred distinct ones are worked out.
 */
export type RaterScores = Map<readonly RatingPart[], Exact>;

function scoresOf(
  ratings: readonly Pick<Rating, "group" | "parts">[],
  group: RaterGroup,
  ratingPoints: Rules["ratingPoints"],
  raterScores: RaterScores,
): Exact[] {
  const scores: Exact[] = [];
  for (const rating of ratings) {
    if (rating.group !== group) continue;
    let r = raterScores.get(rating.parts);
    if (r === undefined) {
      r = raterScore(rating, ratingPoints);
      raterScores.set(rating.parts, r);
    }
    scores.push(r);
  }
  return scores;
}

/** Sum of the events' points of one kind, capped (null: no cap). */
function cappedPoints(events: readonly ScoreEvent[], kind: "bonus" | "deduction", cap: Exact | null): Exact {
  const total = sum(events.filter((e) => e.kind === kind).map((e) => e.points ?? ZERO));
  return cap === null ? total : min(total, cap);
}

/**
 * S = w_i × I + w_c × C + B − D, clamped to [0, maxScore], then rounded half up to 2 decimals
 * (§2): the only rounding of a score (rules.md "Arithmetic").
 */
export function totalScore(
  individual: Exact,
  common: Exact,
  bonus: Exact,
  deduction: Exact,
  rules: Pick<Rules, "weights" | "maxScore">,
): Exact {
  const raw = sub(add(add(mul(rules.weights.individual, individual), mul(rules.weights.common, common)), bonus), deduction);
  return roundTo(clamp(raw, ZERO, rules.maxScore), 2);
}

/**
 * Every score of a graded person from I, C (`commonScore`, worked out where the ratings were read)
 * and the person's events.
 */
export function scorePerson(individual: Exact, common: Exact, events: readonly ScoreEvent[], rules: Rules): PersonScores {
  const bonus = cappedPoints(events, "bonus", rules.bonusCap);
  const deduction = cappedPoints(events, "deduction", rules.deductionCap);
  return { individual, common, bonus, deduction, total: totalScore(individual, common, bonus, deduction, rules) };
}
