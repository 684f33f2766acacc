// Who is graded together (rules.md §1): each unit's graded persons form its pool; with
// poolSmallUnitsBelow = k > 0 a unit with 1 to k−1 graded persons joins its 主管单位's pool.

import type { Exact } from "./exact.js";
import type { Reason } from "./graded.js";
import type { Person, Unit } from "./model.js";
import { goodRatioOf } from "./quota.js";
import type { Rules } from "./rules.js";

export interface PoolUnit {
  unit: Pick<Unit, "code" | "name" | "parentCode">;
  /** Graded persons of the unit (非领导成员, 参加). */
  graded: number;
}

export interface PoolPlan {
  /** The code of the unit whose pool this is. */
  code: string;
  /** The pool's units in run order (the owner and any small units joined to it). */
  unitCodes: string[];
  /** The owner's goodRatio, with its unitOverrides (§1.2). */
  ratio: Exact;
}

export interface PoolPlans {
  /** In the run order of the units that own them. */
  pools: PoolPlan[];
  /** Unit code → the code of its pool. */
  poolOf: Map<string, string>;
}

/**
 * One level only (§1.2): a small unit joins its parent's pool when the parent is a unit of the
 * run; the parent keeps its own persons and is never pooled further up, even when it is small
 * itself, because a unit that receives others owns a pool.
 */
export function formPools(units: readonly PoolUnit[], rules: Pick<Rules, "poolSmallUnitsBelow" | "goodRatio" | "unitOverrides">): PoolPlans {
  const k = rules.poolSmallUnitsBelow;
  const inRun = new Set(units.map((u) => u.unit.code));
  const wantsParent = (u: PoolUnit): boolean =>
    k > 0 && u.graded >= 1 && u.graded < k && u.unit.parentCode !== null && u.unit.parentCode !== u.unit.code && inRun.has(u.unit.parentCode);
  const owners = new Set(units.filter(wantsParent).map((u) => u.unit.parentCode!));

  const poolOf = new Map<string, string>();
  for (const u of units) {
    const joins = wantsParent(u) && !owners.has(u.unit.code);
    poolOf.set(u.unit.code, joins ? u.unit.parentCode! : u.unit.code);
  }
  // Each pool's units in run order, gathered in one pass (a city has a thousand pools).
  const unitCodesOf = new Map<string, string[]>();
  for (const u of units) {
    const pool = poolOf.get(u.unit.code)!;
    const codes = unitCodesOf.get(pool);
    if (codes === undefined) unitCodesOf.set(pool, [u.unit.code]);
    else codes.push(u.unit.code);
  }
  const pools: PoolPlan[] = [];
  for (const u of units) {
    if (poolOf.get(u.unit.code) !== u.unit.code) continue;
    pools.push({ code: u.unit.code, unitCodes: [...(unitCodesOf.get(u.unit.code) ?? [])], ratio: goodRatioOf(u.unit.code, rules) });
  }
  return { pools, poolOf };
}

/** Why a person who is not graded has no grade (§1.1): 由上级评定, or the status and its reason. */
export function notGradedReason(person: Pick<Person, "kind" | "status" | "statusReason">): Reason | null {
  if (person.kind === "leadership") return { kind: "leadership" };
  if (person.status === "participating") return null;
  return { kind: "status", status: person.status, text: person.statusReason };
}
