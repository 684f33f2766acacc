import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocateQuota } from "../../src/domain/allocate-departments.js";

describe("sharing Q out to departments (rules.md §4.4)", () => {
  it.each([
    // Q, n_d in order of appearance, expected shares
    [4, [5, 3, 2], [2, 1, 1]], // the worked example: 2 r0, 1 r2, 0 r8 → the last place to r8
    [2, [2, 1, 1], [1, 1, 0]], // remainders 0, 2, 2 and equal sizes: the first to appear
    [3, [1, 2, 3], [0, 1, 2]], // remainders 3, 0, 3: the larger department
    [3, [3, 1, 2], [2, 0, 1]], // remainders 3, 3, 0: the larger department
    [0, [5, 3, 2], [0, 0, 0]],
    [10, [5, 3, 2], [5, 3, 2]], // Q = N: everyone's place
    [1, [1, 1, 1], [1, 0, 0]],
    [2, [4], [2]],
  ])("Q %i over %j → %j", (quota, persons, expected) => {
    expect(allocateQuota(quota, persons)).toEqual(expected);
  });

  it("always adds up to Q, and each share is its floor or one more and at most its size", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }), fc.nat(), (persons, seed) => {
        const n = persons.reduce((a, b) => a + b, 0);
        const quota = seed % (n + 1);
        const shares = allocateQuota(quota, persons);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(quota);
        shares.forEach((share, d) => {
          const floorShare = Math.floor((quota * persons[d]!) / n);
          expect(share === floorShare || share === floorShare + 1).toBe(true);
          expect(share).toBeLessThanOrEqual(persons[d]!);
        });
      }),
    );
  });
});
