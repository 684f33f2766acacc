// Where the archive is and how it is named in messages (target.ts), numbers to and from numeric
// (numeric.ts), timestamps from either client (connection.ts): tables of cases worked out by hand.

import { describe, expect, it } from "vitest";
import { timestampText } from "../../src/archive/connection.js";
import { fromNumeric, toNumeric } from "../../src/archive/numeric.js";
import { maskUrl, resolveArchiveTarget, scrub } from "../../src/archive/target.js";
import { ratio } from "../../src/domain/exact.js";

describe("resolveArchiveTarget: --db, else ASSESS_DB, else 考核档案", () => {
  it.each([
    [undefined, undefined, { kind: "embedded", folder: "考核档案", label: "考核档案" }],
    [undefined, "", { kind: "embedded", folder: "考核档案", label: "考核档案" }],
    [undefined, "D:/档案", { kind: "embedded", folder: "D:/档案", label: "D:/档案" }],
    ["本县档案", "D:/档案", { kind: "embedded", folder: "本县档案", label: "本县档案" }],
    ["postgres://u:p%40ss@db.example:5432/kh", undefined, { kind: "server", label: "postgres://u:***@db.example:5432/kh", secrets: ["p@ss"] }],
    [undefined, "postgresql://kh@db/kh", { kind: "server", label: "postgresql://kh@db/kh", secrets: [] }],
    ["POSTGRES://u:pw@h/d", undefined, { kind: "server", label: "postgres://u:***@h/d", secrets: ["pw"] }],
  ] as const)("--db %s, ASSESS_DB %s", (flag, env, expected) => {
    expect(resolveArchiveTarget(flag, env)).toMatchObject(expected);
  });

  it("scrub removes the URL's password and PGPASSWORD from any text", () => {
    const target = resolveArchiveTarget("postgres://u:s3cr%3Bet@h:1/d", undefined, "envpw");
    expect(scrub(target, `failed for postgres://u:s3cr%3Bet@h:1/d with s3cr;et and envpw`)).toBe("failed for postgres://u:***@h:1/d with *** and ***");
    expect(maskUrl("postgres://u:pw@[bad")).toBe("postgres://***@[bad");
  });
});

describe("numeric: exact 2-decimal text both ways", () => {
  it.each([
    [ratio(160391n, 2000n), "80.20"],
    [ratio(80195n, 1000n), "80.20"],
    [ratio(0n), "0.00"],
    [ratio(-1n, 2n), "-0.50"],
    [ratio(100n), "100.00"],
  ])("%o → %s", (value, text) => {
    expect(toNumeric(value)).toBe(text);
    expect(toNumeric(fromNumeric(text)!)).toBe(text);
  });
  it("SQL NULL stays null", () => expect(fromNumeric(null)).toBeNull());
});

describe("timestampText: a session in UTC gives ISO strings", () => {
  it.each([
    ["2026-12-07 02:06:36.066+00", "2026-12-07T02:06:36.066Z"],
    ["2026-12-07 02:06:36+00", "2026-12-07T02:06:36.000Z"],
    ["2026-12-07 02:06:36.066123+00", "2026-12-07T02:06:36.066Z"],
  ])("%s → %s", (text, iso) => expect(timestampText(text)).toBe(iso));
});
