// The scores of one cadre's two-way evaluation (political.md "Scores"): exact group means (with
// one highest and one lowest form dropped from `trimFrom` forms on), the aspect scores A_k as the
// weighted mean over the groups that have forms and weigh above zero, P rounded half up once, and
// each negative item's count, rate and flag, compared exactly (3 of 15 is 0.2 exactly: flagged).

import { type Exact, ZERO, add, compare, div, mul, ratio, roundTo, sum } from "./exact.js";
import type { Grade } from "./labels.js";
import type { PoliticalForm } from "./political-model.js";
import { type PoliticalRules, negativeItems } from "./political-rules.js";

export interface GroupScore {
  group: string;
  weight: Exact;
  /** Forms of the group. */
  forms: number;
  /** The group's mean, after trimming when it applies. */
  score: Exact;
}

export interface AspectScore {
  aspect: string;
  /** A_k, exact; null when no group with a weight above zero has forms. */
  score: Exact | null;
  groups: GroupScore[];
}

export interface ItemTally {
  code: string;
  text: string;
  aspect: string;
  /** m_j: forms that mark the item. */
  marks: number;
  /** r_j = m_j / R, exact. */
  rate: Exact;
  flagged: boolean;
}

export interface CadreScores {
  forms: number;
  aspects: AspectScore[];
  /** P, rounded half up to 2 decimals once from the exact A_k; null without every A_k. */
  positive: Exact | null;
  items: ItemTally[];
}

/** The mean of the points, with one highest and one lowest dropped from `trimFrom` on. */
export function groupMean(points: readonly Exact[], trimFrom: number | null): Exact {
  let kept = [...points];
  if (trimFrom !== null && kept.length >= trimFrom) {
    kept.sort(compare);
    kept = kept.slice(1, -1);
  }
  return div(sum(kept), ratio(BigInt(kept.length)));
}

function aspectScore(aspect: string, forms: readonly PoliticalForm[], rules: PoliticalRules): AspectScore {
  const groups: GroupScore[] = [];
  for (const { name, weight } of rules.raterGroups) {
    const words: Grade[] = [];
    for (const form of forms) {
      const word = form.group === name ? form.ratings[aspect] : undefined;
      if (word !== undefined) words.push(word);
    }
    if (words.length === 0) continue;
    groups.push({ group: name, weight, forms: words.length, score: groupMean(words.map((w) => rules.ratingPoints[w]), rules.trimFrom) });
  }
  const counted = groups.filter((g) => compare(g.weight, ZERO) > 0);
  if (counted.length === 0) return { aspect, score: null, groups };
  const weights = sum(counted.map((g) => g.weight));
  const weighted = counted.reduce((total, g) => add(total, mul(g.weight, g.score)), ZERO);
  return { aspect, score: div(weighted, weights), groups };
}

export function isFlagged(marks: number, forms: number, rules: Pick<PoliticalRules, "flagMinForms" | "flagRate">): boolean {
  return forms > 0 && marks >= rules.flagMinForms && compare(ratio(BigInt(marks), BigInt(forms)), rules.flagRate) >= 0;
}

export function scoreCadre(forms: readonly PoliticalForm[], rules: PoliticalRules): CadreScores {
  const aspects = rules.aspects.map((aspect) => aspectScore(aspect.name, forms, rules));
  const complete = aspects.every((a) => a.score !== null);
  const positive = complete
    ? roundTo(rules.aspects.reduce((total, aspect, k) => add(total, mul(aspect.weight, aspects[k]?.score ?? ZERO)), ZERO), 2)
    : null;
  const counts = new Map<string, number>();
  for (const form of forms) for (const code of new Set(form.marks)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const items = negativeItems(rules).map((item): ItemTally => {
    const marks = counts.get(item.code) ?? 0;
    return {
      code: item.code,
      text: item.text,
      aspect: item.aspect,
      marks,
      rate: forms.length === 0 ? ZERO : ratio(BigInt(marks), BigInt(forms.length)),
      flagged: isFlagged(marks, forms.length, rules),
    };
  });
  return { forms: forms.length, aspects, positive, items };
}

/** The band of P (political.md "The conclusion"). */
export function politicalBand(positive: Exact, bands: PoliticalRules["bands"]): Grade {
  if (compare(positive, bands.good) >= 0) return "good";
  if (compare(positive, bands.fairlyGood) >= 0) return "fairlyGood";
  if (compare(positive, bands.average) >= 0) return "average";
  return "poor";
}

/** The exact mean of the values that are there, or null when none is. */
export function meanOf(values: readonly (Exact | null)[]): Exact | null {
  const present = values.filter((v): v is Exact => v !== null);
  return present.length === 0 ? null : div(sum(present), ratio(BigInt(present.length)));
}
