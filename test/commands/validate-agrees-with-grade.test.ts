// `validate` is `grade` without writing (outputs.md "Commands", issue 11): over every committed
// fixture, alone, and over each folder of fixtures run together, both commands report the same
// problems (code, file, sheet, cell, message) and end with the same exit code. In-process through
// the functions the CLI calls, and twice through bin/assess.js.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { grade } from "../../src/commands/grade.js";
import { validate } from "../../src/commands/validate.js";
import type { Problem } from "../../src/domain/problem.js";
import { FIXTURES } from "../support/fixture-catalogue.mjs";
import { REPO_ROOT, runAssess } from "../support/run-assess.js";

vi.setConfig({ testTimeout: 120_000 });

const scratch = mkdtempSync(join(tmpdir(), "assess-validate-grade-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const brief = (problems: readonly Problem[]) => problems.map((p) => [p.severity, p.code, p.file, p.sheet, p.cell, p.value, p.message].join(" | "));

// Evaluation workbooks (political.md) are validated but not graded: `assess political` is theirs.
const files = FIXTURES.map((f) => f.path).filter((f) => !/political/.test(f));
// The folders whose workbooks make one run (fixtures/README.md: fine alone, not together).
const folders = [...new Set(files.map((f) => dirname(f)))].filter((d) => d.includes("/run-") || d === "fixtures/annual");

let outs = 0;
async function both(paths: string[]) {
  const given = paths.map((p) => join(REPO_ROOT, p));
  const validated = await validate(given, { maxSizeMiB: 256 });
  const graded = await grade(given, { maxSizeMiB: 256, force: false, outDir: join(scratch, String((outs += 1))) });
  return { validated, graded };
}

describe("validate reports what grade reports, with its exit code", () => {
  it("the table holds the fixtures of issue 11: decisions that grade alone used to find", () => {
    expect(files).toContain("fixtures/bad/decision-raises-veto.xlsx");
    expect(files).toContain("fixtures/bad/decision-over-quota.xlsx");
    expect(folders.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...files.map((f) => [f]), ...folders.map((d) => [d])])("%s", async (path) => {
    const { validated, graded } = await both([path]);
    expect(brief(validated.problems)).toEqual(brief(graded.problems));
    expect(validated.exitCode).toBe(graded.exitCode);
  });

  it("a pool with more 好 than Q after decisions: an error of validate at the 审定 cell, exit 1", async () => {
    const { validated } = await both(["fixtures/bad/decision-over-quota.xlsx"]);
    expect(validated.problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([["E_DECISION_OVER_QUOTA", "审定", "C2"]]);
    expect(validated.exitCode).toBe(1);
    expect(validated.units.map((u) => u.state)).toEqual(["error"]);
  });

  it("a 待定 person without a decision: validate says draft and exits 1, as grade does", async () => {
    const pending = files.find((f) => f.includes("/pending/"));
    expect(pending).toBeDefined();
    const { validated, graded } = await both([pending!]);
    expect(graded.units.some((u) => u.state === "draft")).toBe(true);
    expect(validated.units.some((u) => u.state === "draft")).toBe(true);
    expect([validated.exitCode, graded.exitCode]).toEqual([1, 1]);
  });
});

describe("through bin/assess.js", () => {
  it.each([["fixtures/bad/decision-raises-veto.xlsx"], ["fixtures/bad/run-duplicate-person"]])("%s: the same problems and exit code", (path) => {
    const validated = runAssess(["validate", path, "--json"], REPO_ROOT);
    const graded = runAssess(["grade", path, "--json", "--out", join(scratch, `cli-${(outs += 1)}`)], REPO_ROOT);
    const problems = (stdout: string) => (JSON.parse(stdout) as { problems: unknown[] }).problems;
    expect(problems(validated.stdout)).toEqual(problems(graded.stdout));
    expect(problems(validated.stdout).length).toBeGreaterThan(0);
    expect(validated.status).toBe(graded.status);
  });
});
