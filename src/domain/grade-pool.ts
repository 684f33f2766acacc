// The grades the rules give a pool's graded persons (rules.md §3-4), before any decision (§5):
// bands, the §4.2 order, and the 好 places, for the pool as a whole or per department.

import type { DepartmentShare, PersonScores, Reason } from "./graded.js";
import type { Grade, Outcome } from "./labels.js";
import type { Person, ScoreEvent } from "./model.js";
import { allocateQuota } from "./allocate-departments.js";
import { eligibleBand } from "./band.js";
import type { MeritKey } from "./rank-candidates.js";
import { competitionRanks, meritKey } from "./rank-candidates.js";
import type { Selection } from "./select-good.js";
import { selectGood } from "./select-good.js";
import type { Rules } from "./rules.js";

export interface PoolMember {
  person: Pick<Person, "unitCode" | "department">;
  scores: PersonScores;
  events: readonly Pick<ScoreEvent, "kind" | "reason">[];
}

export interface MemberGrade {
  /** 分数档: the band of S alone. */
  band: Grade;
  rank: number;
  computed: Outcome;
  reasons: Reason[];
}

export interface PoolGrades {
  /** Aligned with the members as given. */
  members: MemberGrade[];
  /**
   * With allocation "department", in the order the departments first appear. Without `used`:
   * that is the 好 after decisions (§5), which grade-run counts.
   */
  departments: Omit<DepartmentShare, "used">[];
}

/** A department is a (unit, 科室) pair, so pooled units never share one (§4.4). */
export function departmentKey(person: Pick<Person, "unitCode" | "department">): string {
  return JSON.stringify([person.unitCode, person.department]);
}

/** Members are given in roster order (workbook order, then 人员 order): the §4.4 tie-break. */
export function gradePool(members: readonly PoolMember[], quota: number, rules: Rules): PoolGrades {
  const bands = members.map((m) => eligibleBand(m.scores.total, m.events, rules.bands));
  const keys = members.map((m) => meritKey(m.scores, rules.tieKeys));
  const keyOf = (i: number): MeritKey => keys[i]!;
  const indices = members.map((_, i) => i);
  const ranks = competitionRanks(indices, keyOf);
  // Candidates are those whose band is 好 after 否决 and 限好 (§4.2).
  const candidates = indices.filter((i) => bands[i]!.eligible === "good");

  const selections = new Map<number, Selection>();
  const departments: PoolGrades["departments"] = [];
  if (rules.allocation === "unit") {
    const result = selectGood(candidates, keyOf, quota, rules.tiePolicy, { kind: "quota", quota });
    candidates.forEach((i, at) => selections.set(i, result.selections[at]!));
  } else {
    const groups = departmentsOf(members);
    const shares = allocateQuota(quota, groups.map((g) => g.members.length));
    let unused = 0;
    groups.forEach((group, at) => {
      const share = shares[at]!;
      const inGroup = new Set(group.members);
      const own = candidates.filter((i) => inGroup.has(i));
      const result = selectGood(own, keyOf, share, rules.tiePolicy, { kind: "quota", quota: share, department: group.department });
      own.forEach((i, k) => selections.set(i, result.selections[k]!));
      unused += share - result.used;
      departments.push({ unitCode: group.unitCode, department: group.department, persons: group.members.length, share });
    });
    if (rules.reallocateUnused && unused > 0) reallocate(candidates, selections, keyOf, unused, rules);
  }

  const grades = members.map((_, i): MemberGrade => {
    const selection = selections.get(i);
    const band = bands[i]!;
    return {
      band: band.band,
      rank: ranks[i]!,
      computed: selection?.outcome ?? band.eligible,
      reasons: selection?.reason ? [...band.reasons, selection.reason] : band.reasons,
    };
  });
  return { members: grades, departments };
}

/**
 * Places a department left unused go to the pool's remaining 好-band candidates in §4.2 order,
 * with the same tie rule (§4.4). "Remaining" are the candidates left 较好 in their department,
 * by quota or by a strict tie: passing over a strict-tied person for someone ranked below them
 * would reward the lower score. Those who get nothing keep their department's reason.
 */
function reallocate(
  candidates: readonly number[],
  selections: Map<number, Selection>,
  keyOf: (i: number) => MeritKey,
  places: number,
  rules: Rules,
): void {
  const remaining = candidates.filter((i) => selections.get(i)?.outcome === "fairlyGood");
  const result = selectGood(remaining, keyOf, places, rules.tiePolicy, { kind: "quota", quota: places });
  remaining.forEach((i, at) => {
    const second = result.selections[at]!;
    if (second.outcome !== "fairlyGood") selections.set(i, second);
  });
}

interface Department {
  unitCode: string;
  department: string;
  members: number[];
}

function departmentsOf(members: readonly PoolMember[]): Department[] {
  const byKey = new Map<string, Department>();
  members.forEach((m, i) => {
    const key = departmentKey(m.person);
    let group = byKey.get(key);
    if (!group) {
      group = { unitCode: m.person.unitCode, department: m.person.department, members: [] };
      byKey.set(key, group);
    }
    group.members.push(i);
  });
  return [...byKey.values()];
}
