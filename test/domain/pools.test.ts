import { describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import { reasonText } from "../../src/domain/graded.js";
import { formPools, notGradedReason } from "../../src/domain/pools.js";
import { rulesWith } from "../support/default-rules.js";

/** A unit "X<P:2" has code X, parent P and 2 graded persons. */
function units(...rows: string[]) {
  return rows.map((row) => {
    const m = /^(\w+)(?:<(\w+))?:(\d+)$/.exec(row)!;
    return { unit: { code: m[1]!, name: `${m[1]}单位`, parentCode: m[2] ?? null }, graded: Number(m[3]) };
  });
}

function plan(k: number, rows: string[]): string {
  const { pools } = formPools(units(...rows), rulesWith({ poolSmallUnitsBelow: k }));
  return pools.map((p) => `${p.code}[${p.unitCodes.join(",")}]`).join(" ");
}

describe("pools (rules.md §1)", () => {
  it.each([
    // k, units, pools
    [0, ["P:5", "X<P:1"], "P[P] X[X]"], // 0: never pooled
    [3, ["P:5", "X<P:2", "Y<P:3"], "P[P,X] Y[Y]"], // 2 < 3 joins; 3 does not
    [3, ["P:5", "Z<P:0"], "P[P] Z[Z]"], // no graded person: nothing to pool
    [3, ["X<Q:1", "P:5"], "X[X] P[P]"], // parent not in the run
    [3, ["X<P:1", "P:5"], "P[X,P]"], // pool listed where its owner is; units in run order
    [3, ["G:9", "P<G:2", "X<P:1"], "G[G] P[P,X]"], // one level: a small parent that receives is not pooled up
    [3, ["G:9", "P<G:2", "X<G:1"], "G[G,P,X]"], // siblings under one parent
    [3, ["P:0", "X<P:2"], "P[P,X]"], // a parent without graded persons still owns the pool
    [3, ["A<B:1", "B<A:1"], "A[A] B[B]"], // a cycle pools nobody
  ] as [number, string[], string][])("k %i, %j → %s", (k, rows, expected) => {
    expect(plan(k, rows)).toBe(expected);
  });

  it("maps each unit to its pool", () => {
    const { poolOf } = formPools(units("P:5", "X<P:2", "Y<P:3"), rulesWith({ poolSmallUnitsBelow: 3 }));
    expect(Object.fromEntries(poolOf)).toEqual({ P: "P", X: "P", Y: "Y" });
  });

  it("takes the parent's goodRatio, with its override", () => {
    const rules = rulesWith({ poolSmallUnitsBelow: 3, unitOverrides: { P: { goodRatio: exact("0.5") }, X: { goodRatio: exact("0.1") } } });
    const { pools } = formPools(units("P:5", "X<P:2", "Y:4"), rules);
    expect(pools.map((p) => [p.code, p.ratio])).toEqual([
      ["P", exact("0.5")],
      ["Y", exact("0.4")],
    ]);
  });
});

describe("why a person has no grade (rules.md §1.1)", () => {
  it.each([
    ["leadership", "participating", null, "由上级评定"],
    ["leadership", "undetermined", "立案审查", "由上级评定"],
    ["staff", "undetermined", "立案审查", "不确定等次：立案审查"],
    ["staff", "excluded", "病假超过半数工作日", "不参加：病假超过半数工作日"],
    ["staff", "excluded", null, "不参加"],
    ["staff", "participating", null, null],
  ] as const)("%s, %s (%s) → %s", (kind, status, statusReason, expected) => {
    const reason = notGradedReason({ kind, status, statusReason });
    expect(reason && reasonText(reason)).toBe(expected);
  });
});
