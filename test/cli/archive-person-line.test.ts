import { describe, expect, it } from "vitest";
import { filedSpan } from "../../src/cli/archive-read-commands.js";

describe("the line archive person prints for each person", () => {
  it("gives the span of the quarters filed", () => {
    const quarters = [
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 3 },
    ];
    expect(filedSpan({ quarters, political: [] })).toBe("归档2个季度（2025Q4 至 2026Q3）");
  });

  it("names the political rounds beside the quarters", () => {
    expect(filedSpan({ quarters: [{ year: 2026, quarter: 3 }], political: [{}] })).toBe("归档1个季度（2026Q3 至 2026Q3），政治素质测评1次");
  });

  it("a cadre with political rounds alone: no quarter to span, and no failure", () => {
    expect(filedSpan({ quarters: [], political: [{}, {}] })).toBe("未归档季度考核结果，政治素质测评2次");
  });
});
