// What a long run tells its watcher as it goes (`validate` and `grade` over a city's folder of
// workbooks): the commands call back with counts, and src/cli/progress.ts decides how to show
// them (a live line on a terminal, plain lines elsewhere, nothing with --quiet). No clock here:
// the watcher times the run itself (STYLE.md habit 8).

import type { GradedUnit } from "../domain/graded.js";
import type { Problem } from "../domain/problem.js";

/** One input file read, parsed and checked on its own (in input order). */
export interface ReadProgress {
  phase: "read";
  /** Files read so far, this one included, and the number of files of the run. */
  done: number;
  total: number;
  file: string;
  /** Refused before any sheet was parsed. */
  unreadable: boolean;
  /** An evaluation workbook (political.md), checked on its own after the appraisal workbooks (`validate`). */
  evaluation?: boolean;
  /** This file's units, persons (all of the 人员 sheet)... as read; 0 for an unreadable file. */
  units: number;
  persons: number;
  /** This file's errors (the checks across files come later). */
  errors: number;
  /** Running totals over the files read so far. */
  totalPersons: number;
  totalErrors: number;
}

/** One unit's outputs written (`grade`), in the order of the run. */
export interface WriteProgress {
  phase: "write";
  /** Units written so far, this one included, and the units that will be written. */
  done: number;
  total: number;
  unit: GradedUnit;
  /** Files written so far. */
  files: number;
}

/**
 * Every file read, the run checked across files and graded: the counts of the problems the run
 * ends with, so that what the watcher saw agrees with the final table (the per-file counts of
 * `read` leave out the checks across files and grading's, such as a decision that breaks Q).
 */
export interface CheckedProgress {
  phase: "checked";
  errors: number;
  warnings: number;
}

/** The `checked` event for the problems of a run. */
export function checkedProgress(problems: readonly Problem[]): CheckedProgress {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { phase: "checked", errors, warnings: problems.length - errors };
}

export type RunProgress = ReadProgress | CheckedProgress | WriteProgress;

export type OnProgress = (progress: RunProgress) => void;
