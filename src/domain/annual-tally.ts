// One person's year (rules.md §6): their grade in each quarter given, the counts of 好/较好/一般/较差,
// the mean of their quarterly totals, the unit they belong to, and whether they may be 优秀.
// Matching is by 人员编号 across units, so a transfer between units is one person.

import type { Exact } from "./exact.js";
import { ceil, div, mul, ratio, roundTo, sum } from "./exact.js";
import type { GradedPerson, GradedUnit, UnitState } from "./graded.js";
import type { Grade, Outcome } from "./labels.js";
import { GRADE_LABEL, GRADES, PERSON_KIND_LABEL } from "./labels.js";
import type { Period, Person } from "./model.js";
import { groupBy, quarterText } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";
import type { Rules } from "./rules.js";

export type Quarter = Period["quarter"];

/** What the year is graded from: one quarter's graded units and its 否决 events. */
export interface AnnualQuarter {
  quarter: Quarter;
  /** The quarter's units as `grade` left them; a unit in error has no persons. */
  units: readonly GradedUnit[];
  /** 人员编号 of everyone with a 否决 event in this quarter's workbooks (model.ts ScoreEvent, kind "veto"). */
  vetoPersonIds: ReadonlySet<string>;
  /**
   * The pipeline's own verdict when it knows worse than the units show (a workbook of the quarter
   * could not be read: "error"). Omitted: the quarter's state is the worst of its units'.
   */
  state?: UnitState;
}

/** One person in one quarter. */
export interface QuarterGrade {
  quarter: Quarter;
  /** The unit the person was listed in that quarter; null when in none (or in a unit in error). */
  unitCode: string | null;
  /** The published grade (待定 included); null when not graded that quarter. */
  grade: Outcome | null;
  /** S of that quarter; null when not graded. */
  total: Exact | null;
}

/** A person's year before the unit's quota is applied. */
export interface PersonYear {
  id: string;
  name: string;
  /** 非领导成员 or 领导成员, as last listed. */
  kind: Person["kind"];
  /** The unit of the latest graded quarter (rules.md §6); for a person never graded, of the latest quarter listed. */
  unitCode: string;
  /** One entry per quarter given, in quarter order. */
  quarters: QuarterGrade[];
  counts: Record<Grade, number>;
  /** Quarters with a grade, 待定 included: the base of the mean and of minGoodShare. */
  gradedQuarters: number;
  /** Quarters whose grade is still 待定. */
  pendingQuarters: Quarter[];
  /** Mean of the quarterly totals, rounded half up to 2 decimals once; null when never graded. */
  meanScore: Exact | null;
  /** ceil(minGoodShare × graded quarters): the 好 needed for 优秀. */
  goodNeeded: number;
  veto: boolean;
  eligible: boolean;
  /** Why not eligible, in Chinese, parts joined by "；"; null when eligible. */
  reason: string | null;
  reserve: boolean;
  reminder: boolean;
  /** The 人员编号 cell of the listing that decides the unit (latest graded, else latest), for messages. */
  ref: Person["ref"];
}

const STATE_ORDER: Record<UnitState, number> = { final: 0, draft: 1, error: 2 };

/** The worse of two states: error over draft over final. */
export function worseState(a: UnitState, b: UnitState): UnitState {
  return STATE_ORDER[a] >= STATE_ORDER[b] ? a : b;
}

/**
 * A quarter is final only when every unit in it is final; a quarter without any unit read has
 * nothing to contribute and counts as error.
 */
export function quarterState(quarter: AnnualQuarter): UnitState {
  const fromUnits = quarter.units.length === 0
    ? "error"
    : quarter.units.map((u) => u.state).reduce(worseState, "final");
  return quarter.state ? worseState(fromUnits, quarter.state) : fromUnits;
}

interface Listing {
  quarter: Quarter;
  unitCode: string;
  graded: GradedPerson;
}

/**
 * Every listing of every person, grouped by 人员编号 in the order first met, scanning from the
 * latest quarter back (so a person's group starts with their latest listing). A 人员编号 listed
 * twice in one quarter is an error: the first listing is kept.
 */
function collectListings(
  quarters: readonly AnnualQuarter[],
  problems: Problem[],
): Map<string, Listing[]> {
  const listings: Listing[] = [];
  const latestFirst = [...quarters].sort((a, b) => b.quarter - a.quarter);
  for (const quarter of latestFirst) {
    const seenThisQuarter = new Map<string, Person>();
    for (const unit of quarter.units) {
      for (const graded of unit.persons) {
        const { person } = graded;
        const earlier = seenThisQuarter.get(person.id);
        if (earlier) {
          problems.push(
            problemAt(
              person.ref,
              "error",
              "E_ANNUAL_DUPLICATE_PERSON",
              person.id,
              `${person.ref.sheet}!${person.ref.cell}「人员编号」“${person.id}”在${quarterText(quarter.quarter)}已列于 ` +
                `${earlier.ref.file} ${earlier.ref.sheet}!${earlier.ref.cell}，同一季度一个人员编号只能出现一次，` +
                `请改正编号或删去重复的一行。`,
            ),
          );
          continue;
        }
        seenThisQuarter.set(person.id, person);
        listings.push({ quarter: quarter.quarter, unitCode: unit.unit.code, graded });
      }
    }
  }
  return groupBy(listings, (l) => l.graded.person.id);
}

/** A different name under the same 人员编号 is most likely a typing slip; the clerk should look. */
function checkNames(id: string, listings: readonly Listing[], problems: Problem[]): void {
  const latest = listings[0];
  if (!latest) return;
  for (const other of listings.slice(1)) {
    const { person } = other.graded;
    if (person.name === latest.graded.person.name) continue;
    const ref = latest.graded.person.ref;
    problems.push(
      problemAt(
        ref,
        "warning",
        "W_ANNUAL_NAME_CHANGED",
        id,
        `${ref.sheet}!${ref.cell}「人员编号」“${id}”在${quarterText(latest.quarter)}的姓名为“${latest.graded.person.name}”，` +
          `在${quarterText(other.quarter)}（${person.ref.file} ${person.ref.sheet}!${person.ref.cell}）为“${person.name}”，` +
          `请核对是否为同一人，必要时改正编号或姓名。`,
      ),
    );
    return;
  }
}

/** The grade and S of a listing, or null when the person was not graded that quarter. */
function gradeOf(listing: Listing): { grade: Outcome; total: Exact } | null {
  const { grade, scores } = listing.graded;
  return grade !== null && scores !== null ? { grade, total: scores.total } : null;
}

/**
 * Why a person is not eligible for 优秀 (rules.md §6), each part a sentence a clerk can check
 * against the quarters' results; empty when eligible.
 */
function ineligibility(year: Omit<PersonYear, "eligible" | "reason">, rules: Rules): string[] {
  if (year.gradedQuarters === 0) {
    // 领导成员 are appraised by the level above (README.md), so "did not take part" would mislead.
    return [year.kind === "leadership" ? `${PERSON_KIND_LABEL.leadership}由上级评定` : "本年度未参加季度考核"];
  }
  const parts: string[] = [];
  if (year.veto) parts.push("年度内有否决事项");
  for (const q of year.quarters) {
    if (q.grade !== null && q.grade !== "pending" && rules.annual.barGrades.includes(q.grade)) {
      parts.push(`${quarterText(q.quarter)}为${GRADE_LABEL[q.grade]}`);
    }
  }
  if (year.counts.good < year.goodNeeded) {
    parts.push(`好等次季度不足（${year.counts.good}/${year.gradedQuarters}，需至少${year.goodNeeded}个）`);
    // A 待定 quarter is still open between 好 and 较好 (rules.md §4.3); say so when it could close the gap.
    if (year.pendingQuarters.length > 0 && year.counts.good + year.pendingQuarters.length >= year.goodNeeded) {
      parts.push(`${year.pendingQuarters.map((q) => quarterText(q)).join("、")}等次待定，审定后重新计算`);
    }
  }
  return parts;
}

/**
 * A person's year from their listings (latest first). A 待定 quarter counts as graded (its S
 * enters the mean and the base of minGoodShare) but in none of the four counts: it is not 好
 * until the committee says so, and the year stays 草稿 meanwhile.
 */
function tallyPerson(
  id: string,
  listings: readonly Listing[],
  quarterNumbers: readonly Quarter[],
  vetoIds: ReadonlySet<string>,
  rules: Rules,
): PersonYear {
  const latest = listings[0];
  if (!latest) throw new RangeError(`no listing for ${id}`);
  const latestGraded = listings.find((l) => gradeOf(l) !== null);
  const quarters: QuarterGrade[] = quarterNumbers.map((quarter) => {
    const listing = listings.find((l) => l.quarter === quarter);
    const result = listing ? gradeOf(listing) : null;
    return { quarter, unitCode: listing?.unitCode ?? null, grade: result?.grade ?? null, total: result?.total ?? null };
  });
  const counts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const pendingQuarters: Quarter[] = [];
  for (const q of quarters) {
    if (q.grade === "pending") pendingQuarters.push(q.quarter);
    else if (q.grade !== null) counts[q.grade] += 1;
  }
  const totals = quarters.flatMap((q) => (q.total === null ? [] : [q.total]));
  const gradedQuarters = totals.length;
  // Exact until the one rounding of the mean (rules.md §6).
  const meanScore = gradedQuarters === 0 ? null : roundTo(div(sum(totals), ratio(BigInt(gradedQuarters))), 2);
  const partial = {
    id,
    name: latest.graded.person.name,
    kind: latest.graded.person.kind,
    unitCode: (latestGraded ?? latest).unitCode,
    quarters,
    counts,
    gradedQuarters,
    pendingQuarters,
    meanScore,
    goodNeeded: Number(ceil(mul(rules.annual.minGoodShare, ratio(BigInt(gradedQuarters))))),
    veto: vetoIds.has(id),
    reserve: counts.good >= rules.annual.reserveMinGood,
    reminder: counts.average + counts.poor >= rules.annual.reminderMinWeak,
    ref: (latestGraded ?? latest).graded.person.ref,
  };
  const reasons = ineligibility(partial, rules);
  return { ...partial, eligible: reasons.length === 0, reason: reasons.length === 0 ? null : reasons.join("；") };
}

/** Every person listed in any quarter, with their year; persons in the order first met from the latest quarter back. */
export function tallyYear(
  quarters: readonly AnnualQuarter[],
  rules: Rules,
): { persons: PersonYear[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const quarterNumbers = quarters.map((q) => q.quarter).sort((a, b) => a - b);
  const vetoIds = new Set(quarters.flatMap((q) => [...q.vetoPersonIds]));
  const persons: PersonYear[] = [];
  for (const [id, listings] of collectListings(quarters, problems)) {
    checkNames(id, listings, problems);
    persons.push(tallyPerson(id, listings, quarterNumbers, vetoIds, rules));
  }
  return { persons, problems };
}
