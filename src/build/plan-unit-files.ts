// A graded run → the plan of its output files (outputs.md "Per unit", "Per run"), before any is
// built: which units get files and which files, each unit's pool, the input files its grades come
// from and its warnings, the units grouped by the workbook their printed rows come from, and every
// name the run will write (checked against --out before the first is written). Pure: `grade`
// builds and writes exactly this plan (run/write-unit-files.ts).

import type { GradedPool } from "../domain/graded.js";
import type { RunGrades } from "../domain/grade-run.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { problemsByUnit } from "../domain/problem.js";
import type { InputDigest } from "./result-workbook.js";
import { runSummaryName } from "./output-names.js";
import { type ShareToBuild, type UnitBuild, type UnitBuildTask, unitOutputs } from "./unit-files.js";

/** One unit to build: all of its `UnitBuild` but its share of the workbook, read when it is built. */
export type PlannedUnit = Omit<UnitBuild, "workbook">;

/** The units of one workbook to build, in run order. */
export interface WorkbookUnits {
  workbook: AppraisalWorkbook;
  units: PlannedUnit[];
}

export interface UnitFilesPlan {
  /** The units to build (every unit without an error), by workbook, in run order. */
  workbooks: WorkbookUnits[];
  /** How many units that is. */
  unitCount: number;
  /** Whether the run writes its 汇总 (several units, errors or not). */
  summarised: boolean;
  /** Every file the run writes: each unit's files in run order, then 汇总. */
  names: string[];
}

/**
 * The input files a unit's grades come from, for its 规则 sheet: its own workbook's, and when it
 * is pooled, those of the pool's other units. (All files of the run would make every unit's
 * workbook grow with the city, and change when an unrelated unit's file changes.)
 */
export function inputFilesOfPools(pools: readonly GradedPool[], workbookOf: ReadonlyMap<string, AppraisalWorkbook>): Map<string, InputDigest[]> {
  const files = new Map<string, InputDigest[]>();
  for (const pool of pools) {
    const seen = new Set<string>();
    const list: InputDigest[] = [];
    for (const code of pool.unitCodes) {
      const workbook = workbookOf.get(code);
      if (!workbook || seen.has(workbook.file)) continue;
      seen.add(workbook.file);
      list.push({ file: workbook.file, sha256: workbook.sha256 });
    }
    files.set(pool.code, list);
  }
  return files;
}

/**
 * The plan of a graded run's files. `workbooks` are the run's, in input order; `problems` all of
 * the run's problems (a unit's warnings go to its 问题 sheet).
 */
export function planUnitFiles(period: Period, graded: RunGrades, workbooks: readonly AppraisalWorkbook[], problems: readonly Problem[]): UnitFilesPlan {
  // A unit code used by two workbooks is an error; gradeRun takes the first, and so does this.
  const workbookOf = new Map<string, AppraisalWorkbook>();
  for (const workbook of workbooks) for (const unit of workbook.units) if (!workbookOf.has(unit.code)) workbookOf.set(unit.code, workbook);
  const poolOf = new Map(graded.pools.map((pool) => [pool.code, pool]));
  const poolFiles = inputFilesOfPools(graded.pools, workbookOf);
  const unitProblems = problemsByUnit(
    workbooks.flatMap((w) => w.units),
    problems,
  );

  const toBuild = graded.units.filter((unit) => unit.state !== "error");
  // The units of a workbook come one after another (gradeRun: workbook order, then 单位 order).
  const byWorkbook: WorkbookUnits[] = [];
  for (const unit of toBuild) {
    const workbook = workbookOf.get(unit.unit.code);
    if (!workbook) throw new Error(`unit ${unit.unit.code} has no workbook`);
    const pool = poolOf.get(unit.poolCode);
    if (!pool) throw new Error(`unit ${unit.unit.code} has no pool`);
    const warnings = (unitProblems.get(unit.unit.code) ?? []).filter((p) => p.severity === "warning");
    const planned: PlannedUnit = { graded: unit, pool, inputFiles: poolFiles.get(unit.poolCode) ?? [], warnings };
    const last = byWorkbook[byWorkbook.length - 1];
    if (last?.workbook === workbook) last.units.push(planned);
    else byWorkbook.push({ workbook, units: [planned] });
  }

  const names = toBuild.flatMap((unit) => unitOutputs(period, unit).map((output) => output.name));
  const summarised = graded.units.length > 1;
  if (summarised) names.push(runSummaryName(period));
  return { workbooks: byWorkbook, unitCount: toBuild.length, summarised, names };
}

/**
 * A planned unit with its share of its workbook, as it is or serialized (none when the unit has
 * no rows there).
 */
export function unitBuild(planned: PlannedUnit, workbook: AppraisalWorkbook, share: ShareToBuild | undefined): UnitBuildTask {
  return { ...planned, workbook: share ?? { period: workbook.period, settings: workbook.settings, workItems: [], summaries: [], individualScores: [], events: [] } };
}
