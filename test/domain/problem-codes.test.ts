// The catalogue of rule codes (src/domain/problem-codes.ts): every code the sources use is in it
// (TypeScript checks each use; this checks the catalogue holds no code nobody uses), its severity
// agrees with its prefix, and docs/problem-codes.md is what it makes.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, severityOf } from "../../src/domain/problem-codes.js";
import { REFERENCE, problemCodesMarkdown } from "../../scripts/problem-codes.mjs";
import { REPO_ROOT } from "../support/run-assess.js";

const codes = Object.keys(PROBLEM_CODES) as (keyof typeof PROBLEM_CODES)[];

/** Every `"E_…"` or `"W_…"` string in src/ outside the catalogue. */
function codesUsed(): Set<string> {
  const src = join(REPO_ROOT, "src");
  const used = new Set<string>();
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name === "problem-codes.ts") continue;
    const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const match of text.matchAll(/"([EW]_[A-Z0-9_]+)"/g)) used.add(match[1]!);
  }
  return used;
}

describe("the catalogue of problem codes", () => {
  it("holds every code the sources use, and no other", () => {
    expect([...codesUsed()].sort()).toEqual([...codes].sort());
  });

  it.each(codes)("%s: an E_ code is an error, a W_ code a warning, with a one-line meaning", (code) => {
    expect(severityOf(code)).toBe(code.startsWith("W_") ? "warning" : "error");
    expect(PROBLEM_CODES[code].meaning).toMatch(/^[^\n|]+$/);
  });

  it("docs/problem-codes.md is what the catalogue makes (npm run problem-codes)", () => {
    expect(readFileSync(REFERENCE, "utf8")).toBe(problemCodesMarkdown(PROBLEM_CODES));
  });
});
