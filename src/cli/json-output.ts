// `--json`: stdout holds one JSON document whatever the exit code (outputs.md "Exit codes"), also
// when the command cannot run at all: a flag commander refuses, a path that is not there. Each
// command says here what its document is for a run that never started; main.ts writes it. Loaded
// for every command (the commands register here), so it imports no more than it needs: a
// document's builder is loaded when the document is wanted.

import type { Command } from "commander";
import { type Problem, problemAt } from "../domain/problem.js";
import { problemCountLine } from "./problem-count.js";

/**
 * The document of a run that could not start, from its one problem, the flags read so far and the
 * arguments after the command's name (a subcommand's name: `archive list` fails as a list). A
 * promise: the command imports its document's builder only when the document is wanted.
 */
type FailedDocument = (problem: Problem, flags: Record<string, unknown>, args: readonly string[]) => Promise<unknown>;

const failedDocuments = new Map<string, FailedDocument>();

export function onJsonFailure(command: string, document: FailedDocument): void {
  failedDocuments.set(command, document);
}

function printDocument(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

/** The document on stdout, and the count of its problems on stderr. */
export function writeJson(document: unknown, problems: readonly Problem[]): void {
  printDocument(document);
  process.stderr.write(`${problemCountLine(problems)}\n`);
}

/**
 * For a command run with --json that cannot run: its failed document on stdout, with `message`
 * as an E_USAGE problem; nothing for a command without --json.
 */
export async function writeJsonFailure(program: Command, argv: readonly string[], message: string): Promise<void> {
  const args = argv.slice(2);
  const name = args.find((arg) => !arg.startsWith("-"));
  const document = name === undefined ? undefined : failedDocuments.get(name);
  if (name === undefined || document === undefined || !args.includes("--json")) return;
  const flags = program.commands.find((c) => c.name() === name)?.opts() ?? {};
  const problem = problemAt({ file: "", sheet: "", cell: "", header: "" }, "error", "E_USAGE", "", message);
  printDocument(await document(problem, flags, args.slice(args.indexOf(name) + 1)));
}
