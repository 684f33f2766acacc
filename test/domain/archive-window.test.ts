import { describe, expect, it } from "vitest";
import {
  type QuarterKey,
  parseQuarterKey,
  quarterKeyText,
  quartersBetween,
  resolveWindow,
} from "../../src/domain/archive-window.js";

const q = (text: string): QuarterKey => parseQuarterKey(text)!;
const texts = (keys: readonly QuarterKey[]): string[] => keys.map(quarterKeyText);

describe("parseQuarterKey", () => {
  it.each<[string, QuarterKey | null]>([
    ["2026Q3", { year: 2026, quarter: 3 }],
    [" 2024q1 ", { year: 2024, quarter: 1 }],
    ["2025 Q4", { year: 2025, quarter: 4 }],
    ["2026Q5", null],
    ["2026Q0", null],
    ["26Q1", null],
    ["1999Q4", null],
    ["2026-3", null],
    ["", null],
  ])("%s", (text, expected) => {
    expect(parseQuarterKey(text)).toEqual(expected);
  });
});

describe("quartersBetween (inclusive, across years)", () => {
  it.each<[string, string, string[]]>([
    ["2025Q3", "2026Q2", ["2025Q3", "2025Q4", "2026Q1", "2026Q2"]],
    ["2026Q1", "2026Q1", ["2026Q1"]],
    ["2026Q2", "2026Q1", []],
  ])("%s..%s", (from, to, expected) => {
    expect(texts(quartersBetween(q(from), q(to)))).toEqual(expected);
  });
});

describe("resolveWindow (archive.md: --from..--to inclusive; else the last archive.window quarters up to the latest filed)", () => {
  it.each<[string, string | null, string | null, number, string | null, string | null, string | null]>([
    // what, --from, --to, size, latest filed, expected from, expected to
    ["default: 8 quarters up to the latest filed", null, null, 8, "2026Q3", "2024Q4", "2026Q3"],
    ["default of 1 quarter", null, null, 1, "2026Q3", "2026Q3", "2026Q3"],
    ["--to only: size quarters up to --to", null, "2025Q2", 4, "2026Q3", "2024Q3", "2025Q2"],
    ["--from only: up to the latest filed", "2025Q1", null, 8, "2026Q3", "2025Q1", "2026Q3"],
    ["both given: exactly them, whatever the size", "2024Q1", "2026Q4", 8, "2026Q3", "2024Q1", "2026Q4"],
    ["--from only, nothing filed: that one quarter", "2025Q1", null, 8, null, "2025Q1", "2025Q1"],
  ])("%s", (_what, from, to, size, latest, expectedFrom, expectedTo) => {
    const { window, message } = resolveWindow({
      from: from === null ? null : q(from),
      to: to === null ? null : q(to),
      size,
      latestFiled: latest === null ? null : q(latest),
    });
    expect(message).toBeNull();
    expect(quarterKeyText(window!.from)).toBe(expectedFrom);
    expect(quarterKeyText(window!.to)).toBe(expectedTo);
    expect(window!.quarters[0]).toEqual(window!.from);
    expect(window!.quarters.at(-1)).toEqual(window!.to);
  });

  it("nothing filed and no flags: no window, and the clerk is told to file first", () => {
    const { window, message } = resolveWindow({ from: null, to: null, size: 8, latestFiled: null });
    expect(window).toBeNull();
    expect(message).toContain("还没有归档的季度");
  });

  it.each<[string, string | null, string]>([
    ["--from after --to", "2025Q3", "--to 2025Q3"],
    ["--from after the latest filed", null, "档案中最新归档的季度 2025Q4"],
  ])("%s: no window, naming both", (_what, to, says) => {
    const { window, message } = resolveWindow({ from: q("2026Q1"), to: to === null ? null : q(to), size: 8, latestFiled: q("2025Q4") });
    expect(window).toBeNull();
    expect(message).toContain("--from 2026Q1");
    expect(message).toContain(says);
  });
});
