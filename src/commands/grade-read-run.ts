// A run read and checked (run/read-files.ts) → its grades and every problem of the run: the one
// step `validate` and `grade` share, so that `validate` reports all that `grade` would (outputs.md
// "Commands": decisions of rules.md §5 included) and both end with the same exit code.

import { gradeRun, type RunGrades } from "../domain/grade-run.js";
import type { GradedUnit } from "../domain/graded.js";
import type { Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, sortProblems, unitsInError } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { gradingWorkbooks } from "../run/memory.js";
import type { ReadResult } from "../run/read-files.js";

export interface ReadRunGrades {
  /** The period of the run: that of its first workbook with one; null when none has one. */
  period: Period | null;
  /** Empty when not one workbook was read with its period. */
  graded: RunGrades;
  /** The rules', the reader's and grading's problems, sorted (outputs.md "Problems"). */
  problems: Problem[];
  /** 2 when not one file could be read; else as `runExitCode`. */
  exitCode: 0 | 1 | 2;
}

/**
 * Outputs.md "Exit codes": 0 when every unit is graded and final, every file read and no error
 * found; 1 otherwise (an input error, a 待定 person without a decision, an unreadable file).
 */
export function runExitCode(units: readonly Pick<GradedUnit, "state">[], unreadable: number, problems: readonly Problem[]): 0 | 1 {
  return units.every((u) => u.state === "final") && unreadable === 0 && !hasErrors(problems) ? 0 : 1;
}

export function gradeReadRun(read: ReadResult, rules: EffectiveRules, rulesProblems: readonly Problem[]): ReadRunGrades {
  const first = read.workbooks[0];
  const readProblems = [...rulesProblems, ...read.problems];
  if (read.unreadable.length === read.files.length) {
    return { period: null, graded: { units: [], pools: [], problems: [] }, problems: sortProblems(readProblems), exitCode: 2 };
  }
  // Read, but none with a 年度 and 季度: input errors of readable workbooks, nothing to grade.
  if (first === undefined) return { period: null, graded: { units: [], pools: [], problems: [] }, problems: sortProblems(readProblems), exitCode: 1 };
  const graded = gradeRun(gradingWorkbooks(read, rules.rules), rules.rules, unitsInError(read.workbooks.flatMap((w) => w.units), read.problems));
  const problems = sortProblems([...readProblems, ...graded.problems]);
  return { period: first.period, graded, problems, exitCode: runExitCode(graded.units, read.unreadable.length, problems) };
}
