// The annual linkage (rules.md §6; outputs.md "Annual"): the year's quarters feed the annual
// 优秀 recommendation under each unit's quota, the reserve list and the reminder list.
// Pure: `gradeYear(quarters, rules)` takes graded quarters and returns data.

import type { Exact } from "./exact.js";
import { floor, mul, ratio } from "./exact.js";
import type { Reason, UnitState } from "./graded.js";
import type { AnnualResult } from "./labels.js";
import { groupBy } from "./model.js";
import type { Problem } from "./problem.js";
import { hasErrors } from "./problem.js";
import type { MeritKey } from "./rank-candidates.js";
import { competitionRanks } from "./rank-candidates.js";
import type { Rules, TiePolicy } from "./rules.js";
import type { Selection } from "./select-good.js";
import { selectGood } from "./select-good.js";
import type { AnnualQuarter, PersonYear, Quarter } from "./annual-tally.js";
import { quarterState, tallyYear } from "./annual-tally.js";

export type { AnnualQuarter, Quarter } from "./annual-tally.js";

export interface AnnualPerson extends PersonYear {
  /** 1-based place among the unit's eligible persons (count of 好, then mean); equal persons share it. */
  rank: number | null;
  /** 推荐优秀, 待定, or null (not eligible, or below the line). */
  result: AnnualResult | null;
  /** Why an eligible person is not recommended (below the line, tied at it); null otherwise. */
  note: string | null;
}

export interface AnnualUnit {
  code: string;
  /** As last listed. */
  name: string;
  /** Persons who belong to the unit (latest graded quarter there). */
  n: number;
  /** floor(ratio × n) (rules.md §6). */
  quota: number;
  ratio: Exact;
  /** The unit is one of `annual.upliftUnits`. */
  uplifted: boolean;
  recommended: number;
  pending: number;
}

export interface GradedYear {
  /** final only when every quarter is final, no quarterly grade is 待定, no annual 待定 and no error. */
  state: "final" | "draft";
  quarters: { quarter: Quarter; state: UnitState }[];
  /** In code order. */
  units: AnnualUnit[];
  /** By unit (code order), then in the order first met from the latest quarter back (roster order). */
  persons: AnnualPerson[];
  problems: Problem[];
}

/** The ranking keys of rules.md §6, both descending: count of 好, then the (rounded) mean total. */
function annualMerit(person: PersonYear): MeritKey {
  if (person.meanScore === null) throw new RangeError("an eligible person has a mean");
  return [ratio(BigInt(person.counts.good)), person.meanScore];
}

interface Placement {
  rank: number;
  result: AnnualResult | null;
  note: string | null;
}

/** The annual wording of a §4.3 selection: 推荐优秀 for 好, and 优秀名额 in the notes. */
function annualPlacement(rank: number, selection: Selection, quota: number): Placement {
  const { outcome, reason } = selection;
  const result: AnnualResult | null = outcome === "good" ? "recommended" : outcome === "pending" ? "pending" : null;
  return { rank, result, note: reason === null ? null : annualNote(reason, quota) };
}

function annualNote(reason: Reason, quota: number): string {
  if (reason.kind === "tie") {
    return reason.policy === "committee"
      ? `${reason.tied}人并列，剩余${reason.left}个优秀名额，由考核委员会审定`
      : `${reason.tied}人并列，剩余${reason.left}个优秀名额，按方案均不推荐`;
  }
  return quota === 0 ? "本单位优秀名额为0" : `超出优秀名额（${quota}名）`;
}

/**
 * The unit's line (rules.md §6, as §4.3), drawn by the quarterly `selectGood` with the annual
 * keys: the first `quota` eligible persons are 推荐优秀, unless the line falls inside a group
 * equal on both keys; then those above the group are recommended and the group is 待定
 * (committee) or not recommended (strict). The quota is a ceiling.
 */
function placeUnit(eligible: readonly PersonYear[], quota: number, policy: TiePolicy): Map<string, Placement> {
  const keys = eligible.map(annualMerit);
  const keyOf = (i: number): MeritKey => keys[i]!;
  const indices = eligible.map((_, i) => i);
  const ranks = competitionRanks(indices, keyOf);
  const { selections } = selectGood(indices, keyOf, quota, policy, { kind: "quota", quota });
  return new Map(eligible.map((person, i) => [person.id, annualPlacement(ranks[i]!, selections[i]!, quota)]));
}

/** Grades the year (rules.md §6). Quarters must be of one year and each quarter given once. */
export function gradeYear(quarters: readonly AnnualQuarter[], rules: Rules): GradedYear {
  const numbers = quarters.map((q) => q.quarter);
  if (new Set(numbers).size !== numbers.length) {
    // The pipeline refuses two inputs for one quarter before grading (a usage error naming the files).
    throw new RangeError(`a quarter is given twice: ${numbers.join(", ")}`);
  }
  const { persons: years, problems } = tallyYear(quarters, rules);

  const unitNames = new Map<string, string>();
  for (const quarter of [...quarters].sort((a, b) => a.quarter - b.quarter)) {
    for (const unit of quarter.units) unitNames.set(unit.unit.code, unit.unit.name);
  }
  const codes = [...unitNames.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const units: AnnualUnit[] = [];
  const persons: AnnualPerson[] = [];
  const byUnit = groupBy(years, (p) => p.unitCode);
  for (const code of codes) {
    const members = byUnit.get(code) ?? [];
    // Only a person graded in some quarter belongs to a unit (rules.md §6: "the unit of their
    // latest graded quarter"); someone never graded is listed but not counted.
    const n = members.filter((p) => p.gradedQuarters > 0).length;
    const uplifted = rules.annual.upliftUnits.includes(code);
    const unitRatio = uplifted ? rules.annual.upliftRatio : rules.annual.excellentRatio;
    // Exact: 0.2 × 9 = 1.8 → 1 (rules.md "Arithmetic").
    const quota = Number(floor(mul(unitRatio, ratio(BigInt(n)))));
    const placements = placeUnit(
      members.filter((p) => p.eligible),
      quota,
      rules.tiePolicy,
    );
    for (const member of members) {
      const placed = placements.get(member.id);
      persons.push({ ...member, rank: placed?.rank ?? null, result: placed?.result ?? null, note: placed?.note ?? null });
    }
    const results = members.map((m) => placements.get(m.id)?.result ?? null);
    units.push({
      code,
      name: unitNames.get(code) ?? code,
      n,
      quota,
      ratio: unitRatio,
      uplifted,
      recommended: results.filter((r) => r === "recommended").length,
      pending: results.filter((r) => r === "pending").length,
    });
  }

  const quarterStates = [...quarters]
    .sort((a, b) => a.quarter - b.quarter)
    .map((q) => ({ quarter: q.quarter, state: quarterState(q) }));
  const draft =
    quarterStates.some((q) => q.state !== "final") ||
    persons.some((p) => p.pendingQuarters.length > 0 || p.result === "pending") ||
    hasErrors(problems);
  return { state: draft ? "draft" : "final", quarters: quarterStates, units, persons, problems };
}
