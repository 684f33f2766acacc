// Sharing equal values (src/read/share-values.ts) changes memory, never content: a workbook
// read from the fixtures, and its structured clone (as it arrives from a worker thread), are
// deep-equal before and after, and equal rating parts become one object.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AppraisalWorkbook } from "../../src/domain/model.js";
import { loadRules } from "../../src/read/load-rules.js";
import { readOneFile } from "../../src/run/memory.js";
import { SharedValues } from "../../src/read/share-values.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function demo(): Promise<AppraisalWorkbook> {
  const rules = await loadRules(undefined);
  if (!rules.value) throw new Error("default rules");
  const read = await readOneFile({ path: join(repoRoot, "fixtures", "demo", "2026Q3.xlsx"), file: "2026Q3.xlsx" }, rules.value.rules, { maxInflatedBytes: 256 * 1024 * 1024 });
  if (!read.member) throw new Error("the demo has a period");
  return read.member.workbook;
}

describe("SharedValues", () => {
  it("leaves a workbook deep-equal, whether fresh from parsing or a structured clone of one", async () => {
    const workbook = await demo();
    const before = structuredClone(workbook);
    expect(new SharedValues().workbook(workbook)).toEqual(before);
    const clone = structuredClone(workbook);
    expect(new SharedValues().workbook(clone)).toEqual(before);
  });

  it("makes equal rating parts, and equal strings of cell references, one value across workbooks", async () => {
    const shared = new SharedValues();
    const [a, b] = [shared.workbook(structuredClone(await demo())), shared.workbook(structuredClone(await demo()))];
    const parts = [...a.ratings, ...b.ratings].flatMap((r) => r.parts);
    const distinct = new Set(parts);
    // The demo's ratings use 5 indicators, each as a grade word or a handful of point values.
    expect(parts.length).toBeGreaterThan(300);
    expect(distinct.size).toBeLessThan(60);
    // A part from one workbook is the very object of the equal part in the other.
    expect(a.ratings[0]!.parts[0]).toBe(b.ratings[0]!.parts[0]);
    expect(new Set([...a.ratings, ...b.ratings].map((r) => r.ref.sheet)).size).toBe(1);
  });

  it("makes equal lists of parts one list, and keeps lists in another order apart", async () => {
    const shared = new SharedValues();
    const max = { n: 30n, d: 1n };
    const a = { indicator: "政治素质", max, grade: "good" as const };
    const b = { indicator: "职业道德", max, points: { n: 15n, d: 1n } };
    const list = shared.partList([a, b]);
    expect(shared.partList([{ ...a }, { ...b, points: { n: 15n, d: 1n } }])).toBe(list);
    expect(shared.partList([b, a])).not.toBe(list);
    expect(shared.partList([a])).not.toBe(list);
    // The demo's 300-odd ratings hold far fewer distinct lists.
    const ratings = (await demo()).ratings;
    expect(new Set(ratings.map((r) => r.parts)).size).toBeLessThan(ratings.length / 2);
  });

  it("keeps points and grade words apart, and equal values of different indicators apart", () => {
    const shared = new SharedValues();
    const max = { n: 30n, d: 1n };
    const byWord = shared.part({ indicator: "政治素质", max, grade: "good" });
    const byPoints = shared.part({ indicator: "政治素质", max: { n: 30n, d: 1n }, points: { n: 30n, d: 1n } });
    const other = shared.part({ indicator: "职业道德", max, grade: "good" });
    expect(new Set([byWord, byPoints, other]).size).toBe(3);
    expect(shared.part({ indicator: "政治素质", max: { n: 30n, d: 1n }, grade: "good" })).toBe(byWord);
    expect(shared.part({ indicator: "政治素质", max: { n: 30n, d: 1n }, points: { n: 30n, d: 1n } })).toBe(byPoints);
  });
});
