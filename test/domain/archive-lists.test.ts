// The lists of archive.md "The lists", worked out by hand over a small archive: who is on each
// list, in which order, with which counts and mean S.

import { describe, expect, it } from "vitest";
import type { FiledEvent, FiledPersonQuarter } from "../../src/domain/archive-record.js";
import type { FiledUnitQuarter } from "../../src/domain/archive-lists.js";
import { goodList, missingList, summariseWindow, vetoList, weakList } from "../../src/domain/archive-lists.js";
import type { ArchiveWindow } from "../../src/domain/archive-window.js";
import { parseQuarterKey, quarterKeyText, resolveWindow } from "../../src/domain/archive-window.js";
import { exact, fixed } from "../../src/domain/exact.js";
import { GRADE_LABEL, type Grade, fromLabel } from "../../src/domain/labels.js";

const W = resolveWindow({ from: parseQuarterKey("2025Q4"), to: parseQuarterKey("2026Q3"), size: 8, latestFiled: null }).window!;

/** A filed person-quarter: `2026Q1 A01 p1 好 92.5`. */
function row(quarter: string, unitCode: string, id: string, grade: string | null, score: string | null, extra: Partial<FiledPersonQuarter> = {}): FiledPersonQuarter {
  const key = parseQuarterKey(quarter)!;
  return {
    ...key,
    unitCode,
    unitName: `单位${unitCode}`,
    parentCode: unitCode === "A02" ? "A01" : null,
    id,
    name: `人${id}`,
    department: "办公室",
    post: null,
    kind: "staff",
    status: "participating",
    individual: null,
    common: null,
    bonus: null,
    deduction: null,
    score: score === null ? null : exact(score),
    band: null,
    grade: grade === null ? null : grade === "待定" ? "pending" : (fromLabel(GRADE_LABEL, grade) as Grade),
    reasons: [],
    comment: null,
    goal: null,
    ...extra,
  };
}

const ROWS: FiledPersonQuarter[] = [
  // p1: 好 in all four quarters of the window (and one before it, not counted).
  row("2025Q3", "A01", "p1", "好", "99"),
  row("2025Q4", "A01", "p1", "好", "95"),
  row("2026Q1", "A01", "p1", "好", "91"),
  row("2026Q2", "A01", "p1", "好", "90.01"),
  row("2026Q3", "A01", "p1", "好", "93"),
  // p2: 好 ×4 too, mean 92.25 exactly, equal to p1's rounded mean (92.2525 → 92.25): then by 人员编号.
  row("2025Q4", "A02", "p2", "好", "92"),
  row("2026Q1", "A02", "p2", "好", "92"),
  row("2026Q2", "A02", "p2", "好", "92.5"),
  row("2026Q3", "A02", "p2", "好", "92.5", { department: "财务科", name: "人p2新" }),
  // p0: same 好 count and a higher mean than p1, moved from A03 to A01 in the last quarter.
  row("2025Q4", "A03", "p0", "好", "96"),
  row("2026Q1", "A03", "p0", "好", "96"),
  row("2026Q2", "A03", "p0", "好", "96"),
  row("2026Q3", "A01", "p0", "好", "96"),
  // p3: 3 好 only (one quarter not graded).
  row("2025Q4", "A03", "p3", "好", "91"),
  row("2026Q1", "A03", "p3", "好", "91"),
  row("2026Q2", "A03", "p3", null, null, { status: "excluded" }),
  row("2026Q3", "A03", "p3", "好", "91"),
  // weak ones: p4 一般 ×2 mean 70; p5 一般+较差 mean 55 (lower: before p4); p6 较差 ×3.
  row("2025Q4", "A01", "p4", "一般", "70"),
  row("2026Q1", "A01", "p4", "一般", "70"),
  row("2026Q1", "A01", "p5", "一般", "61"),
  row("2026Q3", "A01", "p5", "较差", "49"),
  row("2025Q4", "A03", "p6", "较差", "50"),
  row("2026Q1", "A03", "p6", "较差", "50"),
  row("2026Q2", "A03", "p6", "较差", "50"),
  row("2026Q3", "A03", "p6", "较好", "85"),
];

/** The rows summed up over a window, as the archive's SQL does. */
const summed = (window: ArchiveWindow) => summariseWindow(ROWS, window);

const ids = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id);

describe("goodList (at least goodMin 好; 好 count, then mean S, descending; then 人员编号)", () => {
  it("min 4: p0 (mean 96), then p1 and p2 (both 92.25 once rounded) by 人员编号; p3 left out", () => {
    const list = goodList(summed(W), { unit: null, min: 4 });
    expect(ids(list)).toEqual(["p0", "p1", "p2"]);
    expect(list.map((r) => fixed(r.meanScore!))).toEqual(["96.00", "92.25", "92.25"]);
    expect(list[0]!.counts).toEqual({ good: 4, fairlyGood: 0, average: 0, poor: 0 });
  });

  it("min 3 takes p3, whose blank quarter is null in grades", () => {
    const list = goodList(summed(W), { unit: null, min: 3 });
    expect(ids(list)).toEqual(["p0", "p1", "p2", "p3"]);
    expect(list[3]!.grades).toEqual(["good", "good", null, "good"]);
  });

  it("name, unit and 科室 of the latest quarter in the window", () => {
    const p2 = goodList(summed(W), { unit: null, min: 4 }).find((r) => r.id === "p2")!;
    expect([p2.name, p2.unitCode, p2.department]).toEqual(["人p2新", "A02", "财务科"]);
    const p0 = goodList(summed(W), { unit: null, min: 4 }).find((r) => r.id === "p0")!;
    expect(p0.unitCode).toBe("A01");
  });

  it.each<[string, string[]]>([
    // A01 holds p0 and p1 now, and is A02's 主管单位.
    ["A01", ["p0", "p1", "p2"]],
    ["A02", ["p2"]],
    // p0 left A03 in the last quarter.
    ["A03", []],
  ])("--unit %s keeps the persons whose latest unit is it or under it", (unit, expected) => {
    expect(ids(goodList(summed(W), { unit, min: 4 }))).toEqual(expected);
  });

  it("a window of the last two quarters counts only those", () => {
    const two = resolveWindow({ from: null, to: null, size: 2, latestFiled: parseQuarterKey("2026Q3") }).window!;
    expect(ids(goodList(summed(two), { unit: null, min: 2 }))).toEqual(["p0", "p2", "p1"]);
  });
});

describe("weakList (at least weakMin 一般 or 较差; that count descending, then mean S ascending)", () => {
  it("min 2: p6 (3), then p5 (mean 55) before p4 (mean 70)", () => {
    const list = weakList(summed(W), { unit: null, min: 2 });
    expect(ids(list)).toEqual(["p6", "p5", "p4"]);
    expect(list.map((r) => r.weak)).toEqual([3, 2, 2]);
    expect(list.map((r) => fixed(r.meanScore!))).toEqual(["58.75", "55.00", "70.00"]);
  });

  it("min 3: p6 only", () => {
    expect(ids(weakList(summed(W), { unit: null, min: 3 }))).toEqual(["p6"]);
  });
});

describe("vetoList (a 否决 or 限好 event in the window; by date)", () => {
  const event = (quarter: string, id: string, kind: FiledEvent["kind"], date: string | null): FiledEvent => ({
    ...parseQuarterKey(quarter)!,
    unitCode: "A01",
    id,
    kind,
    points: null,
    reason: `事由${id}`,
    date,
  });
  const EVENTS = [
    event("2026Q2", "p4", "veto", "2026-05-20"),
    event("2026Q1", "p1", "barGood", "2026-02-10"),
    event("2026Q3", "p1", "veto", "2026-08-01"),
    // undated: taken as the first day of its quarter (2026-01-01), so before p1's.
    event("2026Q1", "p5", "barGood", null),
    // bonus events and events before the window are no reason to be listed.
    event("2026Q1", "p6", "bonus", "2026-03-01"),
    event("2025Q3", "p6", "veto", "2025-08-01"),
  ];

  it("p5 (undated, 2026Q1), p1 (2026-02-10, with both events), p4 (2026-05-20)", () => {
    const list = vetoList(summed(W), EVENTS, W, { unit: null });
    expect(ids(list)).toEqual(["p5", "p1", "p4"]);
    expect(list[1]!.events.map((e) => [e.kind, e.date])).toEqual([
      ["barGood", "2026-02-10"],
      ["veto", "2026-08-01"],
    ]);
  });
});

describe("missingList (a unit filed in or before the window missing a quarter of it; by unit code)", () => {
  const filing = (quarter: string, unitCode: string, parentCode: string | null = null): FiledUnitQuarter => ({
    ...parseQuarterKey(quarter)!,
    unitCode,
    unitName: `单位${unitCode}`,
    parentCode,
  });
  const FILINGS = [
    ...["2025Q4", "2026Q1", "2026Q2", "2026Q3"].map((k) => filing(k, "A01")),
    // B02 (under A01) misses 2026Q2.
    ...["2025Q4", "2026Q1", "2026Q3"].map((k) => filing(k, "B02", "A01")),
    // B01 was filed once before the window and never since.
    filing("2024Q4", "B01"),
    // C01 first filed in 2026Q2: the quarters before it are not missing; 2026Q3 is.
    filing("2026Q2", "C01"),
    // D01 filed only after the window: not yet a unit of it.
    filing("2026Q4", "D01"),
  ];

  it("B01 all four, B02 2026Q2, C01 2026Q3 (not the quarters before its first filing)", () => {
    const list = missingList(FILINGS, W, { unit: null });
    expect(list.map((r) => [r.unitCode, r.quarters.map(quarterKeyText)])).toEqual([
      ["B01", ["2025Q4", "2026Q1", "2026Q2", "2026Q3"]],
      ["B02", ["2026Q2"]],
      ["C01", ["2026Q3"]],
    ]);
  });

  it("--unit A01 keeps A01 and the units under it", () => {
    expect(missingList(FILINGS, W, { unit: "A01" }).map((r) => r.unitCode)).toEqual(["B02"]);
  });
});
