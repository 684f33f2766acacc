// `assess validate PATH...` (outputs.md): read the rules and every workbook, check everything,
// write nothing. Returns what was found and the exit code it calls for; never prints.
//
// Exit code (outputs.md "Exit codes"): 0 when no error (warnings allowed); 1 when some workbook
// has an error or some file among others cannot be read; 2 when the rules file is bad or not one
// input file could be read (a missing PATH throws UsageError, also 2).

import type { Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, sortProblems } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { loadRules } from "../read/load-rules.js";
import { checkRun, expandPaths, readFiles, unitsInError } from "../run/read-workbooks.js";
import { splitByKind, validatePoliticalFiles } from "./political-validate.js";
import type { OnProgress } from "../run/run-progress.js";
import { withRunner } from "../run/worker-pool.js";

export interface ValidateOptions {
  /** The rules file as given with --rules, or undefined for the built-in 标准方案. */
  rulesPath?: string;
  /** --max-size, in MiB. */
  maxSizeMiB: number;
  /** --jobs: worker threads that read the files; 1 (the default) reads them in this thread. */
  jobs?: number;
  onProgress?: OnProgress;
}

export interface ValidatedUnit {
  code: string;
  name: string;
  file: string;
  /** "error": the unit has an error (its own or its file's) and would not be graded. */
  state: "ok" | "error";
}

export interface ValidateResult {
  exitCode: 0 | 1 | 2;
  rules: EffectiveRules | null;
  files: { file: string; state: "read" | "unreadable" }[];
  /** The period of the run, when every workbook read agrees on one. */
  period: Period | null;
  units: ValidatedUnit[];
  /** Sorted by file, sheet, row (outputs.md "Problems"). */
  problems: Problem[];
}

export const MIB = 1024 * 1024;

export async function validate(paths: readonly string[], options: ValidateOptions): Promise<ValidateResult> {
  const rules = await loadRules(options.rulesPath);
  if (rules.value === null) {
    return { exitCode: 2, rules: null, files: [], period: null, units: [], problems: sortProblems(rules.problems) };
  }
  const maxInflatedBytes = options.maxSizeMiB * MIB;
  const { value } = rules;
  // Nothing is graded: of each workbook only its units and persons come back (worker-tasks.ts).
  // Evaluation workbooks (political.md) are told apart by their sheets and checked on their own.
  const kinds = await splitByKind(await expandPaths(paths), maxInflatedBytes);
  const political = await validatePoliticalFiles(kinds.political, value, maxInflatedBytes);
  const read = await withRunner(options.jobs ?? 1, { rules: value, maxInflatedBytes, wording: null }, async (runner) =>
    checkRun(await readFiles(kinds.appraisal, value.rules, { maxInflatedBytes, runner, keep: "identities", onProgress: options.onProgress })),
  );
  read.files.push(...political.files);
  read.unreadable.push(...political.unreadable);
  const problems = sortProblems([...rules.problems, ...read.problems, ...political.problems]);
  const inError = unitsInError(read.workbooks, problems);
  const units = read.workbooks.flatMap((workbook) =>
    workbook.units.map((unit): ValidatedUnit => ({
      code: unit.code,
      name: unit.name,
      file: workbook.file,
      state: inError.has(unit.code) ? "error" : "ok",
    })),
  );
  units.push(...political.units);
  const unreadable = new Set(read.unreadable);
  const periods = new Set(read.workbooks.map((w) => `${w.period.year}Q${w.period.quarter}`));
  const first = read.workbooks[0];
  const exitCode = unreadable.size === read.files.length ? 2 : hasErrors(problems) ? 1 : 0;
  return {
    exitCode,
    rules: rules.value,
    files: read.files.map((file) => ({ file, state: unreadable.has(file) ? "unreadable" : "read" })),
    period: periods.size === 1 && first ? first.period : null,
    units,
    problems,
  };
}
