// A large workbook's garbage collected between its sheets (run/memory.ts `collectingEvery`): once
// enough rows were parsed since the last collection, never for a unit's small workbook.

import { describe, expect, it } from "vitest";
import { collectingEvery } from "../../src/run/memory.js";

describe("collectingEvery", () => {
  it("collects once the rows parsed since the last collection reach the limit, and counts again from there", () => {
    let collections = 0;
    const afterSheet = collectingEvery(10, () => (collections += 1));
    const after: number[] = [];
    for (const rows of [6, 3, 1, 9, 2, 25, 0]) {
      afterSheet(rows);
      after.push(collections);
    }
    // 6, 9, 10 → collect; 9, 11 → collect; 25 → collect; 0 → not.
    expect(after).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it("never collects for a unit's own workbook of a few hundred rows", () => {
    let collections = 0;
    const afterSheet = collectingEvery(100_000, () => (collections += 1));
    for (const rows of [160, 40, 40, 400, 20, 5]) afterSheet(rows);
    expect(collections).toBe(0);
  });
});
