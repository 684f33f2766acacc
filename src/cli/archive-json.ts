// The --json documents of `assess archive add | import | log`, and of an archive command that could
// not run (archive.md "--json"); person, list and stats have theirs in archive-read-json.ts.
import type { AddResult, FilingReport } from "../commands/archive-add.js";
import type { LogResult } from "../commands/archive-log.js";
import { LIST_KINDS } from "../domain/archive-lists.js";
import type { Problem } from "../domain/problem.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { listJson, personJson, statsJson } from "./archive-read-json.js";
import { problemRecord } from "./problem-table.js";

/**
 * `archive log --json`: "entries" the quarters' filings as before, "rounds" the political rounds'
 * with "round" (测评名称) for "quarter". Apart rather than mixed: each array's numbers are its own
 * table's (supersedes and supersededBy point within it), and a reader of "entries" keeps finding a
 * quarter in every entry.
 */
export function logJson(result: Pick<LogResult, "entries" | "rounds">, problems: readonly Problem[]): unknown {
  return { tool: TOOL_NAME, version: TOOL_VERSION, entries: result.entries, rounds: result.rounds, problems: problems.map(problemRecord) };
}

/**
 * The --json document of an archive command that could not run (a usage error, an archive that
 * cannot be opened): the command's own document with nothing in it (archive.md "--json").
 */
export function failedJson(args: readonly string[], problem: Problem): unknown {
  const [command, kind] = args.filter((arg) => !arg.startsWith("-"));
  const problems = [problem];
  switch (command) {
    case "add":
      return { tool: TOOL_NAME, version: TOOL_VERSION, rulesSha256: null, filings: [], problems: problems.map(problemRecord) };
    case "import":
      return { tool: TOOL_NAME, version: TOOL_VERSION, filings: [], problems: problems.map(problemRecord) };
    case "log":
      return logJson({ entries: [], rounds: [] }, problems);
    case "person":
      return personJson({ exitCode: 1, records: [], problems, written: [] });
    case "list":
      return listJson(LIST_KINDS.find((k) => k === kind?.trim()) ?? null, { exitCode: 2, window: null, list: null, table: null, min: null, problems, written: [] });
    case "stats":
      return statsJson({ exitCode: 2, window: null, quarters: [], problems, written: [] });
    default:
      return { tool: TOOL_NAME, version: TOOL_VERSION, problems: problems.map(problemRecord) };
  }
}

export function filingJson(f: FilingReport): unknown {
  return { unit: f.unit, year: f.year, quarter: f.quarter, state: f.state, digest: f.digest, reason: f.reason };
}

export function addJson(result: AddResult): unknown {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    rulesSha256: result.rules?.sha256 ?? null,
    filings: result.filings.map(filingJson),
    problems: result.problems.map(problemRecord),
  };
}
