import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { add, ceil, compare, exact, fixed, floor, mul, parseDecimal, ratio, roundTo, toText } from "../../src/domain/exact.js";

describe("exact arithmetic (rules.md Arithmetic)", () => {
  it("0.7 × 80 + 0.3 × 80.65 = 80.195 rounds half up to 80.20, where doubles give 80.19", () => {
    const s = add(mul(exact(0.7), exact(80)), mul(exact(0.3), exact(80.65)));
    expect(toText(s)).toBe("80.195");
    expect(fixed(s)).toBe("80.20");
    expect(Math.round((0.7 * 80 + 0.3 * 80.65) * 100) / 100).toBe(80.19);
  });

  it("quotas: 0.4 × 7 = 2.8 floors to 2; 0.29 × 100 is 29, not 28", () => {
    expect(floor(mul(exact(0.4), exact(7)))).toBe(2n);
    expect(floor(mul(exact(0.29), exact(100)))).toBe(29n);
    expect(Math.floor(0.29 * 100)).toBe(28);
    expect(ceil(mul(exact(0.4), exact(7)))).toBe(3n);
  });

  it.each([
    ["95", "95"],
    ["95.5", "95.5"],
    ["-1.50", "-1.5"],
    ["1e2", "100"],
    [".5", "0.5"],
    ["0.85", "0.85"],
  ])("parses %s as %s", (text, expected) => {
    expect(toText(parseDecimal(text)!)).toBe(expected);
  });

  it.each(["九十", "95分", "N/A", "", "1.2.3", "--1"])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it.each([
    [ratio(1n, 3n), "0.33"],
    [ratio(2n, 3n), "0.67"],
    [ratio(-1n, 200n), "-0.01"],
    [exact("2.675"), "2.68"],
    [exact("0.005"), "0.01"],
  ])("fixed(%o) is %s", (x, expected) => {
    expect(fixed(x)).toBe(expected);
  });

  it("roundTo is within half a cent, and exactly half a cent only away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const x = ratio(n, d);
        const r = roundTo(x);
        const diff = add(r, mul(x, ratio(-1n)));
        expect(compare(diff, ratio(1n, 200n))).toBeLessThanOrEqual(0);
        expect(compare(diff, ratio(-1n, 200n))).toBeGreaterThanOrEqual(0);
        // Half up means away from zero at exactly .5: a positive x never rounds down by half a cent.
        if (x.n > 0n) expect(compare(diff, ratio(-1n, 200n))).toBeGreaterThan(0);
        if (x.n < 0n) expect(compare(diff, ratio(1n, 200n))).toBeLessThan(0);
      }),
    );
  });
});
