// Invariants of political.md's scores and conclusions (issue 13 "Exactness"), over random rounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES, type Grade } from "../../src/domain/labels.js";
import { DEFAULT_POLITICAL_USE } from "../../src/domain/political-conclusion.js";
import { evaluateCadre, evaluateWorkbook } from "../../src/domain/political-evaluate.js";
import type { PoliticalForm, PoliticalWorkbook, ProblemClue } from "../../src/domain/political-model.js";
import { VERIFICATIONS } from "../../src/domain/political-model.js";
import { negativeItems } from "../../src/domain/political-rules.js";
import { REF, clue, exampleCadre, rules } from "./support/political-example.js";

const R = rules();
const ASPECTS = R.aspects.map((a) => a.name);
const CODES = negativeItems(R).map((i) => i.code);
const GROUPS = R.raterGroups.map((g) => g.name);
const RANK: Record<Grade, number> = { good: 3, fairlyGood: 2, average: 1, poor: 0 };

const form = (cadreId: string) =>
  fc.record({
    cadreId: fc.constant(cadreId),
    group: fc.constantFrom(...GROUPS),
    raterId: fc.constant(null),
    ratings: fc.tuple(...ASPECTS.map(() => fc.constantFrom(...GRADES))).map((words) => Object.fromEntries(ASPECTS.map((a, i) => [a, words[i]!]))),
    marks: fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }),
  }) as fc.Arbitrary<PoliticalForm>;

const problem = (cadreId: string) =>
  fc.record({ aspect: fc.constantFrom(...ASPECTS), verification: fc.constantFrom(...VERIFICATIONS) }).map(
    ({ aspect, verification }): ProblemClue => clue(aspect, verification, cadreId),
  );

// Forms weighted so that P spans every band (many 好 forms as well as mixed ones).
const cadreRows = fc.record({
  forms: fc.array(form("GB001"), { minLength: 1, maxLength: 25 }),
  clues: fc.array(problem("GB001"), { maxLength: 3 }),
});

function conclude(rows: { forms: PoliticalForm[]; clues: ProblemClue[] }) {
  return evaluateCadre(exampleCadre(), { ...rows, observations: [], talks: [] }, R, DEFAULT_POLITICAL_USE, false);
}

describe("political properties", () => {
  it("reordering forms or cadres never changes a result", () => {
    const cadres = ["A1", "A2", "A3"];
    const round = fc.record({
      forms: fc.array(fc.constantFrom(...cadres).chain(form), { minLength: 3, maxLength: 60 }),
      clues: fc.array(fc.constantFrom(...cadres).chain(problem), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(round, fc.context(), (rows, ctx) => {
        const book = (forms: PoliticalForm[], order: string[]): PoliticalWorkbook => ({
          file: "x.xlsx",
          sha256: "",
          year: 2026,
          round: "测评",
          contact: null,
          phone: null,
          units: [{ code: "U1", name: "单位", contact: null, phone: null, ref: REF }],
          cadres: order.map((id) => exampleCadre(id, "U1")),
          forms,
          clues: rows.clues,
          observations: [],
          talks: [],
        });
        const reversed = [...rows.forms].reverse();
        const shuffled = [...rows.forms.filter((_, i) => i % 2 === 0), ...rows.forms.filter((_, i) => i % 2 === 1)];
        // with and without trimming (one highest and one lowest form dropped from 5 forms on)
        for (const rules of [R, { ...R, trimFrom: 5 }]) {
          const byId = (b: PoliticalWorkbook) =>
            new Map(evaluateWorkbook(b, rules, new Set(), DEFAULT_POLITICAL_USE)[0]!.cadres.map((c) => [c.cadre.id, c]));
          const original = byId(book(rows.forms, cadres));
          for (const other of [byId(book(reversed, [...cadres].reverse())), byId(book(shuffled, ["A2", "A3", "A1"]))]) {
            for (const id of cadres) {
              ctx.log(id);
              expect(other.get(id)!.scores).toEqual(original.get(id)!.scores);
              expect(other.get(id)!.conclusion).toEqual(original.get(id)!.conclusion);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("adding a 属实 problem never raises a conclusion", () => {
    fc.assert(
      fc.property(cadreRows, fc.constantFrom(...ASPECTS), (rows, aspect) => {
        const before = conclude(rows).conclusion!;
        const after = conclude({ ...rows, clues: [...rows.clues, clue(aspect, "confirmed")] }).conclusion!;
        expect(RANK[after.conclusion]).toBeLessThanOrEqual(RANK[before.conclusion]);
      }),
      { numRuns: 300 },
    );
  });

  it("marking one more negative item never raises a conclusion", () => {
    fc.assert(
      fc.property(cadreRows, fc.nat(), fc.constantFrom(...CODES), (rows, which, code) => {
        const index = which % rows.forms.length;
        const forms = rows.forms.map((f, i) => (i === index && !f.marks.includes(code) ? { ...f, marks: [...f.marks, code] } : f));
        const before = conclude(rows).conclusion!;
        const after = conclude({ ...rows, forms }).conclusion!;
        expect(RANK[after.conclusion]).toBeLessThanOrEqual(RANK[before.conclusion]);
      }),
      { numRuns: 300 },
    );
  });

  it("a 核实中 problem never leaves anyone at 好, and marks them 待核实", () => {
    const allGood = fc.array(
      form("GB001").map((f) => ({ ...f, ratings: Object.fromEntries(ASPECTS.map((a) => [a, "good" as Grade])), marks: [] })),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.oneof(cadreRows, allGood.map((forms) => ({ forms, clues: [] as ProblemClue[] }))), fc.constantFrom(...ASPECTS), (rows, aspect) => {
        const result = conclude({ ...rows, clues: [...rows.clues, clue(aspect, "checking")] }).conclusion!;
        expect(result.conclusion).not.toBe("good");
        expect(result.pending).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
