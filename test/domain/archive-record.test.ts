// The growth record (archive.md "The growth record") and the masked resident ID, by hand.

import { describe, expect, it } from "vitest";
import type { FiledAnnual, FiledChange, FiledEvent, FiledPersonQuarter, FiledPoliticalRound } from "../../src/domain/archive-record.js";
import { growthRecord, maskResidentId } from "../../src/domain/archive-record.js";
import { parseQuarterKey } from "../../src/domain/archive-window.js";
import { exact, fixed } from "../../src/domain/exact.js";

function quarter(key: string, grade: FiledPersonQuarter["grade"], score: string | null, extra: Partial<FiledPersonQuarter> = {}): FiledPersonQuarter {
  return {
    ...parseQuarterKey(key)!,
    unitCode: "A01",
    unitName: "财政局",
    parentCode: null,
    id: "340881199001011234",
    name: "张三",
    department: "办公室",
    post: "一级科员",
    kind: "staff",
    status: "participating",
    individual: null,
    common: null,
    bonus: null,
    deduction: null,
    score: score === null ? null : exact(score),
    band: null,
    grade,
    reasons: [],
    comment: null,
    goal: null,
    ...extra,
  };
}

const ID = "340881199001011234";

describe("maskResidentId (first 6 and last 4 of an 18-character resident ID)", () => {
  it.each<[string, string]>([
    ["340881199001011234", "340881********1234"],
    ["34088119900101123X", "340881********123X"],
    // Not a resident ID: a staff number is shown as it is.
    ["A0012", "A0012"],
    ["3408811990010112345", "3408811990010112345"],
    ["34088119900101123Y", "34088119900101123Y"],
  ])("%s → %s", (id, shown) => {
    expect(maskResidentId(id)).toBe(shown);
  });
});

describe("growthRecord", () => {
  const rows = [
    quarter("2026Q1", "good", "91.5", { unitCode: "B01", unitName: "商务局" }),
    quarter("2025Q3", "average", "70"),
    quarter("2025Q4", "fairlyGood", "85.25"),
    quarter("2026Q2", null, null, { status: "excluded" }),
    quarter("2026Q3", "good", "93.01", { name: "张叁", department: "财务科", post: "四级主任科员" }),
    // Someone else's row is not theirs.
    { ...quarter("2026Q3", "poor", "50"), id: "other" },
  ];
  const events: FiledEvent[] = [
    { ...parseQuarterKey("2026Q3")!, unitCode: "A01", id: ID, kind: "bonus", points: exact(2), reason: "抗洪", date: "2026-08-02" },
    { ...parseQuarterKey("2025Q4")!, unitCode: "A01", id: ID, kind: "barGood", points: null, reason: "迟到", date: null },
  ];
  const changes: FiledChange[] = [
    { ...parseQuarterKey("2026Q1")!, unitCode: "B01", id: ID, from: "pending", to: "good", kind: "committee", reason: "审定", date: "2026-04-10" },
  ];
  const annual2025: FiledAnnual = {
    year: 2025,
    counts: { good: 0, fairlyGood: 1, average: 1, poor: 0 },
    meanScore: exact("77.63"),
    eligible: false,
    reason: "第3季度为一般",
    result: null,
    reserve: false,
    reminder: false,
    state: "final",
    recordedAt: "2026-01-05T08:00:00.000Z",
    stale: true,
  };

  it("one row per filed quarter, oldest first; identity as last filed", () => {
    const record = growthRecord(ID, rows, events, changes, [annual2025])!;
    expect(record.quarters.map((q) => `${q.year}Q${q.quarter}`)).toEqual(["2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]);
    expect([record.name, record.unitCode, record.unitName, record.department, record.post]).toEqual([
      "张叁",
      "A01",
      "财政局",
      "财务科",
      "四级主任科员",
    ]);
    expect(record.events.map((e) => e.reason)).toEqual(["迟到", "抗洪"]);
    expect(record.changes).toHaveLength(1);
  });

  it("per year: counts and mean S (exact, rounded once), and the annual line where one was recorded", () => {
    const record = growthRecord(ID, rows, events, changes, [annual2025])!;
    expect(record.years.map((y) => [y.year, y.counts, y.graded, y.meanScore && fixed(y.meanScore), y.annual?.stale ?? null])).toEqual([
      // (70 + 85.25) / 2 = 77.625 → 77.63
      [2025, { good: 0, fairlyGood: 1, average: 1, poor: 0 }, 2, "77.63", true],
      // (91.5 + 93.01) / 2 = 92.255 → 92.26; 2026Q2 not graded
      [2026, { good: 2, fairlyGood: 0, average: 0, poor: 0 }, 2, "92.26", null],
    ]);
  });

  it("an ID with nothing filed: null (the command names it as a problem)", () => {
    expect(growthRecord("nobody", rows, events, changes, [])).toBeNull();
  });
});

describe("growthRecord with political rounds (political.md \"With --db D\")", () => {
  function round(id: string, year: number, extra: Partial<FiledPoliticalRound> = {}): FiledPoliticalRound {
    return {
      year,
      round: `${year}年度领导班子和领导干部考核`,
      unitCode: "XZ01",
      unitName: "城关镇",
      filedAt: `${year}-12-01T00:00:00.000Z`,
      id,
      name: "王强",
      post: "镇长",
      forms: 10,
      positive: exact("91.5"),
      aspects: [{ aspect: "政治忠诚", score: exact("92") }],
      band: "好",
      conclusion: "好",
      pending: false,
      problems: { confirmed: 0, partly: 0, checking: 0, unfounded: 0 },
      flagged: [],
      reasons: [],
      use: null,
      ...extra,
    };
  }

  it("keeps only the person's rounds, beside their quarters; their identity stays that of the latest quarter", () => {
    const rounds = [round(ID, 2025), round("other", 2025), round(ID, 2026, { name: "张三" })];
    const record = growthRecord(ID, [quarter("2026Q1", "good", "91.5")], [], [], [], rounds)!;
    expect(record.political.map((r) => r.year)).toEqual([2025, 2026]);
    expect(record.unitName).toBe("财政局");
    expect(growthRecord(ID, [quarter("2026Q1", "good", "91.5")], [], [], [])!.political).toEqual([]);
  });

  it("a cadre filed only by rounds has a record named from the latest round; nobody filed has none", () => {
    const record = growthRecord("GB01", [], [], [], [], [round("GB01", 2025, { name: "王刚" }), round("GB01", 2026, { unitName: "城南镇", post: "党委书记" })])!;
    expect(record).toMatchObject({ id: "GB01", name: "王强", unitName: "城南镇", post: "党委书记", department: "", quarters: [], years: [] });
    expect(record.political).toHaveLength(2);
    expect(growthRecord("GB02", [], [], [], [], [round("GB01", 2026)])).toBeNull();
  });
});
