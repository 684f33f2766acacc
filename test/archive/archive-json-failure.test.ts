// The --json document of an archive command that cannot run (archive.md "--json"; outputs.md
// "Exit codes"): a usage error or an archive that cannot be opened still puts one document on
// stdout, with exit 2, and that document has the command's own shape with nothing in it, not
// another command's.

import { describe, expect, it, vi } from "vitest";
import { runAssess, scratchFolder } from "../support/run-assess.js";

// Each case starts the tool; the machine is shared.
vi.setConfig({ testTimeout: 120_000 });

const env = { ...process.env, ASSESS_DB: "" };
const cwd = scratchFolder("assess-json-failure-");
const MISSING = "没有这个档案";

/** The document's keys and its empty parts, worked out from archive.md "--json" per command. */
const CASES: { name: string; args: string[]; shape: Record<string, unknown> }[] = [
  { name: "add, --replace without --reason", args: ["add", "a.xlsx", "--replace"], shape: { rulesSha256: null, filings: [] } },
  { name: "import, a missing archive", args: ["import", "a.xlsx", "--db", MISSING], shape: { filings: [] } },
  { name: "log, a missing archive", args: ["log", "--db", MISSING], shape: { entries: [], rounds: [] } },
  { name: "person, a missing archive", args: ["person", "A001", "--db", MISSING], shape: { persons: [], written: [] } },
  { name: "list, a missing archive", args: ["list", "good", "--db", MISSING], shape: { list: "good", from: null, to: null, rows: [], written: [] } },
  { name: "list, an unknown kind", args: ["list", "best", "--db", MISSING], shape: { list: null, from: null, to: null, rows: [], written: [] } },
  { name: "stats, a missing archive", args: ["stats", "--db", MISSING], shape: { from: null, to: null, quarters: [], written: [] } },
  { name: "stats, a bad --from", args: ["stats", "--from", "2026年三季度", "--db", MISSING], shape: { from: null, to: null, quarters: [], written: [] } },
];

describe("archive commands' --json failure documents", () => {
  it.each(CASES)("$name: exit 2, the command's own document, one E_USAGE problem", ({ args, shape }) => {
    const run = runAssess(["archive", ...args, "--json"], cwd, env);
    expect(run.status, run.stderr).toBe(2);
    const doc = JSON.parse(run.stdout) as Record<string, unknown> & { problems: { code: string; message: string }[] };
    expect(Object.keys(doc).sort()).toEqual(["tool", "version", "problems", ...Object.keys(shape)].sort());
    const { tool: _tool, version: _version, problems, ...rest } = doc;
    expect(rest).toEqual(shape);
    expect(problems.map((p) => p.code)).toEqual(["E_USAGE"]);
    expect(problems[0]!.message).not.toBe("");
  });
});
