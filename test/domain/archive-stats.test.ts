// archive.md "Statistics": per unit and quarter, and per quarter for the whole archive, by hand.

import { describe, expect, it } from "vitest";
import type { StatsInput } from "../../src/domain/archive-stats.js";
import { archiveStats } from "../../src/domain/archive-stats.js";
import { parseQuarterKey, resolveWindow } from "../../src/domain/archive-window.js";
import { toText } from "../../src/domain/exact.js";

function filing(key: string, unitCode: string, poolCode: string, n: number, quota: number, counts: [number, number, number, number, number], extra: Partial<StatsInput> = {}): StatsInput {
  const [good, fairlyGood, average, poor, pending] = counts;
  return {
    ...parseQuarterKey(key)!,
    unitCode,
    unitName: `单位${unitCode}`,
    poolCode,
    n,
    quota,
    counts: { good, fairlyGood, average, poor, pending },
    undetermined: 0,
    excluded: 0,
    filedAt: `${key}-filed`,
    ...extra,
  };
}

const WINDOW = resolveWindow({ from: parseQuarterKey("2026Q1"), to: parseQuarterKey("2026Q3"), size: 8, latestFiled: null }).window!;

const FILINGS = [
  filing("2026Q1", "B01", "B01", 10, 4, [4, 4, 2, 0, 0], { excluded: 1 }),
  filing("2026Q1", "A01", "A01", 5, 2, [1, 3, 1, 0, 0], { undetermined: 2 }),
  // 2026Q2: A02 is pooled under A01 (N 7, Q 2 are the pool's); the pool used both places.
  filing("2026Q2", "A01", "A01", 7, 2, [1, 3, 1, 0, 0]),
  filing("2026Q2", "A02", "A01", 7, 2, [1, 1, 0, 0, 0]),
  // Outside the window.
  filing("2025Q4", "A01", "A01", 5, 2, [2, 3, 0, 0, 0]),
];

describe("archiveStats", () => {
  const stats = archiveStats(FILINGS, WINDOW);

  it("every quarter of the window, an empty one included; units by code", () => {
    expect(stats.map((q) => [`${q.year}Q${q.quarter}`, q.units.map((u) => u.unitCode)])).toEqual([
      ["2026Q1", ["A01", "B01"]],
      ["2026Q2", ["A01", "A02"]],
      ["2026Q3", []],
    ]);
  });

  it("a unit's share of 好 is over its own graded persons; the quota is used up when the pool's 好 reach Q", () => {
    const [q1, q2] = stats;
    expect(q1!.units.map((u) => [u.unitCode, toText(u.goodShare!), u.quotaUsedUp])).toEqual([
      ["A01", "0.2", false],
      ["B01", "0.4", true],
    ]);
    expect(q2!.units.map((u) => [u.unitCode, u.n, u.quota, toText(u.goodShare!), u.quotaUsedUp])).toEqual([
      ["A01", 7, 2, "0.2", true],
      ["A02", 7, 2, "0.5", true],
    ]);
  });

  it("the whole archive per quarter: each pool's N and Q once, grades and statuses summed", () => {
    const [q1, q2, q3] = stats;
    expect([q1!.n, q1!.quota, q1!.counts.good, q1!.undetermined, q1!.excluded, toText(q1!.goodShare!)]).toEqual([15, 6, 5, 2, 1, "1/3"]);
    expect([q2!.n, q2!.quota, q2!.counts.good, toText(q2!.goodShare!)]).toEqual([7, 2, 2, "2/7"]);
    expect([q3!.n, q3!.quota, q3!.goodShare]).toEqual([0, 0, null]);
  });
});
