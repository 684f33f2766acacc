// `--json`: stdout holds one JSON document whatever the exit code (outputs.md "Exit codes"), also
// when the command cannot run at all: a flag commander refuses, a path that is not there. Each
// command says here what its document is for a run that never started; main.ts writes it.

import type { Command } from "commander";
import { type Problem, problemAt } from "../domain/problem.js";
import { problemCountLine } from "./problem-table.js";

/** The document of a run that could not start, from its one problem and the flags read so far. */
type FailedDocument = (problem: Problem, flags: Record<string, unknown>) => unknown;

const failedDocuments = new Map<string, FailedDocument>();

export function onJsonFailure(command: string, document: FailedDocument): void {
  failedDocuments.set(command, document);
}

/** The document on stdout, and the count of its problems on stderr. */
export function writeJson(document: unknown, problems: readonly Problem[]): void {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  process.stderr.write(`${problemCountLine(problems)}\n`);
}

/**
 * For a command run with --json that cannot run: its failed document on stdout, with `message`
 * as an E_USAGE problem. Whether one was written (not for commands without --json).
 */
export function writeJsonFailure(program: Command, argv: readonly string[], message: string): boolean {
  const args = argv.slice(2);
  const name = args.find((arg) => !arg.startsWith("-"));
  const document = name === undefined ? undefined : failedDocuments.get(name);
  if (document === undefined || !args.includes("--json")) return false;
  const flags = program.commands.find((c) => c.name() === name)?.opts() ?? {};
  const problem = problemAt({ file: "", sheet: "", cell: "", header: "" }, "error", "E_USAGE", "", message);
  process.stdout.write(`${JSON.stringify(document(problem, flags), null, 2)}\n`);
  return true;
}
