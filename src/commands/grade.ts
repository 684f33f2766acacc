// `assess grade PATH...` (outputs.md), as its flow: read and check every workbook → grade the
// units that have no error → plan each unit's files (结果.xlsx, 公示.docx for final units,
// 反馈单.docx) and the run's 汇总.xlsx when there are several units → build and write them safely.
// Returns what happened and the exit code it calls for; never prints (progress goes to
// `onProgress`).
//
// A city's quarter end is a thousand workbooks: files are read and units built by worker threads
// (run/worker-pool.ts), their results taken in input order so that outputs never depend on timing,
// and each unit's files written by the thread that built them as soon as they are built, after
// every name was checked (run/write-outputs.ts). What of each workbook is kept, and checked
// again, is run/memory.ts's.

import { buildRunSummary } from "../build/run-summary.js";
import { defaultOutDir, quarterOutFolder, runSummaryName } from "../build/output-names.js";
import { planUnitFiles, type UnitFilesPlan } from "../build/plan-unit-files.js";
import { readNoticeWording, readSlipWording } from "../build/wording-templates.js";
import type { GradedPool, GradedUnit } from "../domain/graded.js";
import type { RunGrades } from "../domain/grade-run.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { sortProblems } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { loadRules } from "../read/load-rules.js";
import { MIB } from "../read/open-guard.js";
import { expandPaths, type InputFile } from "../run/input-files.js";
import { keepFor, type ReadKeep, releaseMemory, sharesSource, withChangedFiles } from "../run/memory.js";
import { checkRun, type ReadResult, readFiles } from "../run/read-files.js";
import { checkedProgress, type OnProgress } from "../run/run-progress.js";
import { withRunner } from "../run/worker-pool.js";
import { fileReader, prepareBuilds, type TaskRunner, type TaskSetup } from "../run/worker-tasks.js";
import { openOutputs } from "../run/write-outputs.js";
import { writeUnitFiles } from "../run/write-unit-files.js";
import { gradeReadRun, runExitCode } from "./grade-read-run.js";

export interface GradeOptions {
  rulesPath?: string;
  /** --out; default `{年度}Q{季度}_结果` beside the first input. */
  outDir?: string;
  force: boolean;
  /** --max-size, in MiB. */
  maxSizeMiB: number;
  /** --jobs: worker threads that read files and build units; 1 (the default) works in this thread. */
  jobs?: number;
  onProgress?: OnProgress;
}

export interface GradeResult {
  exitCode: 0 | 1 | 2;
  rules: EffectiveRules | null;
  period: Period | null;
  units: GradedUnit[];
  pools: GradedPool[];
  /** Sorted by file, sheet, row. */
  problems: Problem[];
  /** The folder written to, or null when nothing was written. */
  outDir: string | null;
  /** The files written, as outDir joined with their names. */
  written: string[];
}

function failed(rules: EffectiveRules | null, problems: Problem[]): GradeResult {
  return { exitCode: 2, rules, period: null, units: [], pools: [], problems: sortProblems(problems), outDir: null, written: [] };
}

export async function grade(paths: readonly string[], options: GradeOptions): Promise<GradeResult> {
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return failed(null, loaded.problems);
  const rules = loaded.value;
  // Wording is read before any grading so that a broken template stops the run with nothing written.
  const [notice, slips] = await Promise.all([readNoticeWording(), readSlipWording()]);
  const setup: TaskSetup = { rules, maxInflatedBytes: options.maxSizeMiB * MIB, wording: { notice, slips } };
  const jobs = options.jobs ?? 1;

  // Read: every file on its own, then the run across files. The threads that read are not the
  // threads that build (worker-pool.ts `workerLimits`): they end with the reading, and what they
  // held with them.
  const inputs = await expandPaths(paths);
  const keep = keepFor(inputs);
  const reading: TaskSetup = { ...setup, wording: null };
  const read = await withRunner(jobs, reading, async (runner) =>
    checkRun(await readFiles(inputs, fileReader(inputs, runner, reading, keep), options.onProgress), rules.rules),
  );
  return withRunner(jobs, setup, (runner) => gradeWith(runner, rules, { paths, inputs, keep, read }, loaded.problems, options));
}

/** The run as read: the paths given, the files in them, what was kept of each, and the files read and checked across. */
interface RunRead {
  paths: readonly string[];
  inputs: readonly InputFile[];
  keep: ReadKeep;
  read: ReadResult;
}

async function gradeWith(
  runner: TaskRunner,
  rules: EffectiveRules,
  { paths, inputs, keep, read }: RunRead,
  rulesProblems: readonly Problem[],
  options: GradeOptions,
): Promise<GradeResult> {
  // The building threads start and load the builders while this thread grades.
  if (inputs.length > 1) prepareBuilds(runner);
  // What parsing left behind goes before the outputs are built.
  releaseMemory();

  // Grade: the units without an error, pooled across files (the step validate shares).
  const run = gradeReadRun(read, rules, rulesProblems);
  options.onProgress?.(checkedProgress(run.problems));
  // Not one workbook could be read (exit 2), or none with a 年度 and 季度 (exit 1): nothing to grade.
  if (run.period === null) return { ...failed(rules, run.problems), exitCode: run.exitCode };
  const { period, graded, problems } = run;

  // Plan: every file the run writes, known before the first is built.
  const plan = planUnitFiles(period, graded, read.workbooks, problems);
  const outDir = options.outDir ?? defaultOutDir(quarterOutFolder(period), paths[0] ?? ".");

  // Write: each unit's files as they are built, then 汇总 with the units as they ended.
  const after =
    plan.names.length > 0
      ? await writeRun(plan, outDir, { runner, keep, inputs, printed: read.printed, period, graded, problems, options })
      : { units: graded.units, problems, written: [] };

  const exitCode = runExitCode(after.units, read.unreadable.length, after.problems);
  return {
    exitCode,
    rules,
    period,
    units: after.units,
    pools: graded.pools,
    problems: after.problems,
    outDir: after.written.length > 0 ? outDir : null,
    written: after.written,
  };
}

interface RunToWrite {
  runner: TaskRunner;
  keep: ReadKeep;
  inputs: readonly InputFile[];
  printed: Map<AppraisalWorkbook, Map<string, Uint8Array>>;
  period: Period;
  graded: RunGrades;
  problems: Problem[];
  options: GradeOptions;
}

/**
 * The planned files written: every name checked first (nothing is written if one exists without
 * --force), then each unit's files as they are built, then 汇总 with the units as they ended (a
 * unit whose file changed since grading is 错误 there). Returns the units and problems as they
 * ended, and the files written.
 */
async function writeRun(
  plan: UnitFilesPlan,
  outDir: string,
  run: RunToWrite,
): Promise<{ units: GradedUnit[]; problems: Problem[]; written: string[] }> {
  const { runner, period, graded, options } = run;
  const writer = await openOutputs(outDir, plan.names, { force: options.force });
  const { changed, written } = await writeUnitFiles(plan, {
    runner,
    sharesOf: sharesSource(run.keep, run.inputs, run.printed),
    place: writer.place,
    onProgress: options.onProgress,
  });
  const after = withChangedFiles(graded.units, run.problems, changed);
  if (plan.summarised) {
    const summary = buildRunSummary({ period, units: after.units, pools: graded.pools, problems: after.problems });
    written.push(await writer.write({ name: runSummaryName(period), bytes: await writeXlsx(summary) }));
  }
  await writer.finish();
  return { ...after, written };
}
