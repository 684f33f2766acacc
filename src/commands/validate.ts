// `assess validate PATH...` (outputs.md): read the rules and every workbook, check everything,
// grade as `grade` would (pools, quota, decisions), write nothing. Returns what was found and the
// exit code it calls for; never prints.
//
// Exit code (outputs.md "Exit codes"), as `grade`'s: 0 when every unit would be final with no
// error (warnings allowed); 1 when some workbook has an error, some unit would be a draft or some
// file among others cannot be read; 2 when the rules file is bad or not one input file could be
// read (a missing PATH throws UsageError, also 2).

import type { Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, sortProblems, unitsInError } from "../domain/problem.js";
import type { UnitState } from "../domain/graded.js";
import type { EffectiveRules } from "../domain/rules.js";
import { loadRules } from "../read/load-rules.js";
import { MIB } from "../read/open-guard.js";
import { expandPaths } from "../run/input-files.js";
import { checkRun, readFiles } from "../run/read-files.js";
import { checkedProgress, type OnProgress } from "../run/run-progress.js";
import { withRunner } from "../run/worker-pool.js";
import { fileReader, type TaskSetup } from "../run/worker-tasks.js";
import { gradeReadRun } from "./grade-read-run.js";
import { validatePoliticalFiles } from "./political-validate.js";

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
  /**
   * "error": the unit has an error (its own, its file's or its pool's) and would not be graded;
   * "draft": it would be graded with a 待定 person who has no decision (rules.md §5).
   */
  state: "ok" | "draft" | "error";
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

export async function validate(paths: readonly string[], options: ValidateOptions): Promise<ValidateResult> {
  const rules = await loadRules(options.rulesPath);
  if (rules.value === null) {
    return { exitCode: 2, rules: null, files: [], period: null, units: [], problems: sortProblems(rules.problems) };
  }
  const maxInflatedBytes = options.maxSizeMiB * MIB;
  const { value } = rules;
  // Graded as `grade` grades them (grade-read-run.ts), nothing built: of each workbook what
  // grading needs comes back (run/memory.ts keep `grading`), not the rows its files print.
  // Evaluation workbooks (political.md) are told apart by their sheets where each file is read
  // (`tellEvaluations`), then checked on their own (political-validate.ts).
  const inputs = await expandPaths(paths);
  const setup: TaskSetup = { rules: value, maxInflatedBytes, wording: null, tellEvaluations: true };
  const reads = await withRunner(options.jobs ?? 1, setup, async (runner) =>
    readFiles(inputs, fileReader(inputs, runner, setup, "grading"), options.onProgress),
  );
  const evaluations = new Set(reads.filter((r) => r.evaluation === true).map((r) => r.file));
  const kinds = { appraisal: inputs.filter((i) => !evaluations.has(i.file)), political: inputs.filter((i) => evaluations.has(i.file)) };
  const read = checkRun(
    reads.filter((r) => r.evaluation !== true),
    value.rules,
  );
  const political = await validatePoliticalFiles(kinds.political, value, maxInflatedBytes);
  const run = gradeReadRun(read, value, rules.problems);
  const problems = kinds.appraisal.length > 0 ? sortProblems([...run.problems, ...political.problems]) : sortProblems([...rules.problems, ...political.problems]);
  options.onProgress?.(checkedProgress(problems));
  const stateOf = new Map(run.graded.units.map((u) => [u.unit.code, u.state]));
  const inError = unitsInError(
    read.workbooks.flatMap((w) => w.units),
    run.problems,
  );
  const units = read.workbooks.flatMap((workbook) =>
    workbook.units.map((unit): ValidatedUnit => ({
      code: unit.code,
      name: unit.name,
      file: workbook.file,
      state: inError.has(unit.code) ? "error" : STATE[stateOf.get(unit.code) ?? "error"],
    })),
  );
  units.push(...political.units);
  const files = [...read.files, ...political.files];
  const unreadable = new Set([...read.unreadable, ...political.unreadable]);
  const periods = new Set(read.workbooks.map((w) => `${w.period.year}Q${w.period.quarter}`));
  return {
    exitCode: exitCodeOf(files.length, unreadable.size, kinds.appraisal.length > 0 ? run.exitCode : 0, problems),
    rules: rules.value,
    files: files.map((file) => ({ file, state: unreadable.has(file) ? "unreadable" : "read" })),
    period: periods.size === 1 ? run.period : null,
    units,
    problems,
  };
}

/**
 * 2 when not one file could be read; else the appraisal workbooks' code (as grade's: a draft is 1),
 * raised to 1 by an error or an unreadable file among the evaluation workbooks.
 */
function exitCodeOf(files: number, unreadable: number, appraisal: 0 | 1 | 2, problems: readonly Problem[]): 0 | 1 | 2 {
  if (files > 0 && unreadable === files) return 2;
  if (appraisal === 2) return 1;
  return appraisal === 1 || unreadable > 0 || hasErrors(problems) ? 1 : 0;
}

const STATE: Record<UnitState, ValidatedUnit["state"]> = { final: "ok", draft: "draft", error: "error" };
