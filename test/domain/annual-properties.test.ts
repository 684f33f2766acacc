// Invariants of the annual line (rules.md §6) over random years: the quota is a ceiling, the
// line is honoured, and only eligible persons are recommended.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnnualPerson } from "../../src/domain/annual.js";
import { gradeYear } from "../../src/domain/annual.js";
import { add, compare, exact, mul, ratio } from "../../src/domain/exact.js";
import type { Quarter } from "../../src/domain/annual-tally.js";
import type { PersonLine } from "./support/build-quarter.js";
import { graded, notGraded, quarter, unit } from "./support/build-quarter.js";
import { withAnnual } from "../support/default-rules.js";

const UNIT_CODES = ["U01", "U02", "U03"] as const;

/** One person's listing in one quarter: absent, listed but not graded, or graded in a unit. */
const listing = fc.oneof(
  fc.constant(null),
  fc.record({ unit: fc.constantFrom(...UNIT_CODES), grade: fc.constant(null), total: fc.constant(null) }),
  fc.record({
    unit: fc.constantFrom(...UNIT_CODES),
    // few grades and totals, so that ties at the line are common
    grade: fc.constantFrom("好", "好", "较好", "一般", "较差", "待定"),
    total: fc.constantFrom("88", "90", "91.5", "93"),
  }),
);

const yearArbitrary = fc.record({
  quarters: fc.constantFrom<Quarter[]>([1, 2, 3], [1, 2, 3, 4], [2, 3, 4]),
  persons: fc.array(fc.array(listing, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 14 }),
  vetoes: fc.array(fc.nat({ max: 13 }), { maxLength: 3 }),
  excellentRatio: fc.constantFrom("0.1", "0.2", "0.3", "0.5"),
  upliftUnits: fc.subarray([...UNIT_CODES]),
  tiePolicy: fc.constantFrom("committee" as const, "strict" as const),
});

function keysOf(p: AnnualPerson): [number, ReturnType<typeof exact>] {
  return [p.counts.good, p.meanScore ?? exact(0)];
}

/** a ranks strictly above b by count of 好, then mean (rules.md §6). */
function above(a: AnnualPerson, b: AnnualPerson): boolean {
  const [goodA, meanA] = keysOf(a);
  const [goodB, meanB] = keysOf(b);
  return goodA > goodB || (goodA === goodB && compare(meanA, meanB) > 0);
}

describe("annual line invariants", () => {
  it("recommended never exceeds the quota, the line is filled under committee, and order is kept", () => {
    fc.assert(
      fc.property(yearArbitrary, (spec) => {
        const ids = spec.persons.map((_, i) => `P${String(i + 1).padStart(2, "0")}`);
        const quarters = spec.quarters.map((q, qi) =>
          quarter(
            q,
            UNIT_CODES.map((code) =>
              unit(
                q,
                code,
                `单位${code}`,
                spec.persons.flatMap((perQuarter, pi): PersonLine[] => {
                  const l = perQuarter[qi];
                  const id = ids[pi] ?? "";
                  if (!l || l.unit !== code) return [];
                  return [l.grade === null || l.total === null ? notGraded(id, `人员${id}`) : graded(id, `人员${id}`, l.grade, l.total)];
                }),
              ),
            ),
            spec.vetoes.filter((_, i) => i % spec.quarters.length === qi).map((v) => `P${String(v + 1).padStart(2, "0")}`),
          ),
        );
        const rules = withAnnual(
          { excellentRatio: exact(spec.excellentRatio), upliftUnits: spec.upliftUnits },
          { tiePolicy: spec.tiePolicy },
        );
        const year = gradeYear(quarters, rules);

        for (const u of year.units) {
          const members = year.persons.filter((p) => p.unitCode === u.code);
          const recommended = members.filter((p) => p.result === "recommended");
          const pending = members.filter((p) => p.result === "pending");
          const eligible = members.filter((p) => p.eligible);
          // the quota is floor(ratio × n): quota ≤ ratio × n < quota + 1
          const places = mul(u.ratio, ratio(BigInt(u.n)));
          expect(compare(ratio(BigInt(u.quota)), places)).toBeLessThanOrEqual(0);
          expect(compare(places, add(ratio(BigInt(u.quota)), ratio(1n)))).toBeLessThan(0);
          expect(u.n).toBe(members.filter((p) => p.gradedQuarters > 0).length);
          expect(recommended.length).toBe(u.recommended);
          expect(recommended.length).toBeLessThanOrEqual(u.quota);
          if (spec.tiePolicy === "strict") expect(pending).toEqual([]);
          else expect(recommended.length + pending.length).toBeGreaterThanOrEqual(Math.min(u.quota, eligible.length));
          // only the eligible are placed, and nobody left out ranks above someone placed
          for (const placed of [...recommended, ...pending]) expect(placed.eligible).toBe(true);
          for (const out of eligible.filter((p) => p.result === null)) {
            for (const placed of recommended) expect(above(out, placed)).toBe(false);
          }
        }
        for (const p of year.persons) expect(p.eligible).toBe(p.reason === null);
        if (year.persons.some((p) => p.result === "pending" || p.pendingQuarters.length > 0)) {
          expect(year.state).toBe("draft");
        }
      }),
      { numRuns: 300 },
    );
  });
});
