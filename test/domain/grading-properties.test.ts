// Invariants of grading (rules.md §4-5) over random pools and rules, checked with fast-check.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ratio } from "../../src/domain/exact.js";
import { gradeRun, gradingWorkbook } from "../../src/domain/grade-run.js";
import type { Outcome } from "../../src/domain/labels.js";
import type { AppraisalWorkbook } from "../../src/domain/model.js";
import type { Rules, TieKey } from "../../src/domain/rules.js";
import type { PersonRow, RatingRow } from "./support/build-workbook.js";
import { buildWorkbook } from "./support/build-workbook.js";
import { rulesWith } from "../support/default-rules.js";

// Few distinct values, so that ties at the line are common.
const personArb = fc.record({
  i: fc.constantFrom(70, 85, 90, 92, 95, 97),
  leader: fc.constantFrom(80, 90, 95),
  colleagues: fc.array(fc.constantFrom(80, 90, 95, 100), { maxLength: 6 }),
  department: fc.constantFrom("综合科", "业务科", "办公室"),
  event: fc.constantFrom<"none" | "veto" | "barGood">("none", "none", "none", "none", "veto", "barGood"),
});

const rulesArb: fc.Arbitrary<Rules> = fc
  .record({
    percent: fc.integer({ min: 0, max: 100 }),
    quotaRounding: fc.constantFrom<Rules["quotaRounding"]>("floor", "round", "ceil"),
    minGoodQuota: fc.integer({ min: 0, max: 2 }),
    allocation: fc.constantFrom<Rules["allocation"]>("unit", "department"),
    reallocateUnused: fc.boolean(),
    tiePolicy: fc.constantFrom<Rules["tiePolicy"]>("committee", "strict"),
    tieKeys: fc.constantFrom<TieKey[]>(["individual", "common"], ["common"], []),
  })
  .map(({ percent, ...rest }) => rulesWith({ ...rest, goodRatio: ratio(BigInt(percent), 100n) }));

type RandomPerson = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

function rowsOf(persons: readonly RandomPerson[]): PersonRow[] {
  return persons.map((p, n) => ({
    id: `P${n + 1}`,
    i: p.i,
    department: p.department,
    ratings: [["leader", p.leader] as RatingRow, ...p.colleagues.map((c): RatingRow => ["colleague", c])],
    events: p.event === "none" ? [] : [[p.event, "事由"]],
  }));
}

function gradesById(workbook: AppraisalWorkbook, rules: Rules): Map<string, Outcome | null> {
  const { units } = gradeRun([gradingWorkbook(workbook, rules)], rules, new Set());
  return new Map(units.flatMap((u) => u.persons.map((p) => [p.person.id, p.grade] as const)));
}

const ORDINAL: Record<Outcome, number> = { poor: 0, average: 1, fairlyGood: 2, pending: 3, good: 4 };

describe("grading invariants", () => {
  it("a pool never has more than Q 好, and department shares add up to Q", () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 20 }), rulesArb, (persons, rules) => {
        const { units, pools } = gradeRun([gradingWorkbook(buildWorkbook({ persons: rowsOf(persons) }), rules)], rules, new Set());
        const pool = pools[0]!;
        const good = units[0]!.persons.filter((p) => p.grade === "good").length;
        const pending = units[0]!.persons.filter((p) => p.grade === "pending").length;
        expect(good).toBeLessThanOrEqual(pool.quota);
        if (pending > 0) expect(good).toBeLessThan(pool.quota); // a 待定 group holds at least one place
        if (rules.allocation === "department") {
          expect(pool.departments.reduce((a, d) => a + d.share, 0)).toBe(pool.quota);
          if (!rules.reallocateUnused) pool.departments.forEach((d) => expect(d.used).toBeLessThanOrEqual(d.share));
        }
      }),
    );
  });

  it("grades do not depend on the order of the rows of 人员 and 共性测评", () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 16 }),
        rulesArb.map((r) => ({ ...r, allocation: "unit" as const })),
        fc.nat(),
        (persons, rules, seed) => {
          const workbook = buildWorkbook({ persons: rowsOf(persons) });
          const shuffled = { ...workbook, persons: shuffle(workbook.persons, seed), ratings: shuffle(workbook.ratings, seed + 1) };
          expect(gradesById(shuffled, rules)).toEqual(gradesById(workbook, rules));
        },
      ),
    );
  });

  it("raising one person's 个性得分 never lowers their grade", () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 1, maxLength: 16 }),
        rulesArb,
        fc.nat(),
        fc.integer({ min: 1, max: 15 }),
        (persons, rules, pick, raise) => {
          const index = pick % persons.length;
          const before = rowsOf(persons);
          const after = before.map((p, n) => (n === index ? { ...p, i: Math.min(100, Number(p.i) + raise) } : p));
          const id = `P${index + 1}`;
          const was = gradesById(buildWorkbook({ persons: before }), rules).get(id)!;
          const is = gradesById(buildWorkbook({ persons: after }), rules).get(id)!;
          expect(ORDINAL[is]).toBeGreaterThanOrEqual(ORDINAL[was]);
        },
      ),
    );
  });
});

/** A deterministic shuffle (Fisher-Yates with a small LCG), so that a failure can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed % 2147483647 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
