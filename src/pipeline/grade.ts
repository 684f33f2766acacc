// `assess grade PATH...` (outputs.md): read and check every workbook, grade the units that have
// no error, build each unit's 结果.xlsx, 公示.docx (final units only) and 反馈单.docx, the run's
// 汇总.xlsx when there are several units, and write them all safely. Returns what happened and the
// exit code it calls for; never prints (progress goes to `onProgress`).
//
// A city's quarter end is a thousand workbooks: files are read and units built by a pool of
// worker threads (worker-pool.ts), their results taken in input order so that outputs never
// depend on timing; each unit's files are written as soon as they are built, after every name was
// checked (write-outputs.ts), so that no more than a few units' files are held at once.

import path from "node:path";
import type { GradedPool, GradedUnit } from "../domain/graded.js";
import { gradeRun } from "../domain/grade-run.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, problemsByUnit, sortProblems } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../workbook/write-xlsx.js";
import type { InputDigest } from "./build-result-workbook.js";
import { buildRunSummary } from "./build-run-summary.js";
import { type UnitBuild, unitFileNames, unitShares } from "./build-unit-files.js";
import { inOrder } from "./in-order.js";
import { loadRules } from "./load-rules.js";
import { readWorkbooks, unitsInError } from "./read-workbooks.js";
import { readNoticeWording, readSlipWording } from "./read-wording.js";
import type { OnProgress } from "./run-progress.js";
import { MIB } from "./validate.js";
import { openRunner, type TaskRunner } from "./worker-pool.js";
import { openOutputs, type PlannedFile, runSummaryName } from "./write-outputs.js";

/** Output files being written at once: enough to keep the disk busy, few enough to hold little. */
const WRITES_IN_FLIGHT = 8;

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

/** `{年度}Q{季度}_结果` beside the first input: in a file's folder, or beside a folder (outputs.md). */
export function defaultOutDir(firstPath: string, period: Period): string {
  return path.join(path.dirname(path.normalize(firstPath)), `${period.year}Q${period.quarter}_结果`);
}

function failed(rules: EffectiveRules | null, problems: Problem[]): GradeResult {
  return { exitCode: 2, rules, period: null, units: [], pools: [], problems: sortProblems(problems), outDir: null, written: [] };
}

/**
 * The input files a unit's grades come from, for its 规则 sheet: its own workbook's, and when it
 * is pooled, those of the pool's other units. (All files of the run would make every unit's
 * workbook grow with the city, and change when an unrelated unit's file changes.)
 */
function inputFilesOfPools(pools: readonly GradedPool[], workbookOf: ReadonlyMap<string, AppraisalWorkbook>): Map<string, InputDigest[]> {
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

export async function grade(paths: readonly string[], options: GradeOptions): Promise<GradeResult> {
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return failed(null, loaded.problems);
  const rules = loaded.value;
  // Wording is read before any grading so that a broken template stops the run with nothing written.
  const [notice, slips] = await Promise.all([readNoticeWording(), readSlipWording()]);
  const runner = openRunner(options.jobs ?? 1, { rules, maxInflatedBytes: options.maxSizeMiB * MIB, wording: { notice, slips } });
  try {
    return await gradeWith(runner, paths, rules, loaded.problems, options);
  } finally {
    await runner.close();
  }
}

async function gradeWith(
  runner: TaskRunner,
  paths: readonly string[],
  rules: EffectiveRules,
  rulesProblems: readonly Problem[],
  options: GradeOptions,
): Promise<GradeResult> {
  const read = await readWorkbooks(paths, rules.rules, { maxInflatedBytes: options.maxSizeMiB * MIB, runner, onProgress: options.onProgress });
  const first = read.workbooks[0];
  // Not one workbook could be read: the run could not run (outputs.md exit 2).
  if (read.unreadable.length === read.files.length) return failed(rules, [...rulesProblems, ...read.problems]);
  // Read, but none with a 年度 and 季度: input errors of readable workbooks, nothing to grade (exit 1).
  if (first === undefined) return { ...failed(rules, [...rulesProblems, ...read.problems]), exitCode: 1 };
  const period = first.period;
  const graded = gradeRun(read.workbooks, rules.rules, unitsInError(read.workbooks, read.problems));
  const problems = sortProblems([...rulesProblems, ...read.problems, ...graded.problems]);

  // A unit code used by two workbooks is an error; gradeRun takes the first, and so does this.
  const workbookOf = new Map<string, AppraisalWorkbook>();
  for (const workbook of read.workbooks) for (const unit of workbook.units) if (!workbookOf.has(unit.code)) workbookOf.set(unit.code, workbook);
  const poolOf = new Map(graded.pools.map((pool) => [pool.code, pool]));
  const poolFiles = inputFilesOfPools(graded.pools, workbookOf);
  const unitProblems = problemsByUnit(read.workbooks.flatMap((w) => w.units), problems);

  const toBuild = graded.units.filter((unit) => unit.state !== "error");
  const shares = new Map<AppraisalWorkbook, Map<string, UnitBuild["workbook"]>>();
  const share = (unit: GradedUnit): UnitBuild["workbook"] => {
    const workbook = workbookOf.get(unit.unit.code);
    if (!workbook) throw new Error(`unit ${unit.unit.code} has no workbook`);
    let ofWorkbook = shares.get(workbook);
    if (!ofWorkbook) {
      ofWorkbook = unitShares(workbook);
      shares.set(workbook, ofWorkbook);
    }
    // Handed over once: the share is the unit's build task's from here on.
    const own = ofWorkbook.get(unit.unit.code);
    ofWorkbook.delete(unit.unit.code);
    return own ?? { period: workbook.period, settings: workbook.settings, workItems: [], individualScores: [] };
  };
  // Built lazily, as the pool takes them: only the units in flight hold their share.
  function* builds(): Generator<UnitBuild> {
    for (const unit of toBuild) {
      const pool = poolOf.get(unit.poolCode);
      if (!pool) throw new Error(`unit ${unit.unit.code} has no pool`);
      const warnings = (unitProblems.get(unit.unit.code) ?? []).filter((p) => p.severity === "warning");
      yield { graded: unit, pool, workbook: share(unit), inputFiles: poolFiles.get(unit.poolCode) ?? [], warnings };
    }
  }

  const names = toBuild.flatMap((unit) => unitFileNames({ graded: unit, workbook: { period } }));
  const summarised = graded.units.length > 1;
  if (summarised) names.push(runSummaryName(period));
  const outDir = options.outDir ?? defaultOutDir(paths[0] ?? ".", period);
  const written: string[] = [];
  if (names.length > 0) {
    const writer = await openOutputs(outDir, names, { force: options.force });
    const built = inOrder(builds(), runner.capacity, async (unit) => ({ unit: unit.graded, files: await runner.run({ kind: "build", unit }) }));
    // Files are written a few at a time while the next units are built: each write waits for
    // the disk (write-outputs.ts syncs every file before renaming it into place).
    const writing: Promise<string>[] = [];
    const write = async (file: PlannedFile): Promise<void> => {
      const started = writer.write(file);
      started.catch(() => {}); // awaited below, in order; a failure must not go unobserved until then
      writing.push(started);
      if (writing.length > WRITES_IN_FLIGHT) written.push(await writing.shift()!);
    };
    let done = 0;
    for await (const { unit, files } of built) {
      for (const file of files) await write(file);
      done += 1;
      options.onProgress?.({ phase: "write", done, total: toBuild.length, unit, files: written.length + writing.length });
    }
    if (summarised) {
      const summary = buildRunSummary({ period, units: graded.units, pools: graded.pools, problems });
      await write({ name: runSummaryName(period), bytes: await writeXlsx(summary) });
    }
    while (writing.length > 0) written.push(await writing.shift()!);
    await writer.finish();
  }

  const allFinal = graded.units.every((u) => u.state === "final");
  const exitCode = allFinal && read.unreadable.length === 0 && !hasErrors(problems) ? 0 : 1;
  return {
    exitCode,
    rules,
    period,
    units: graded.units,
    pools: graded.pools,
    problems,
    outDir: written.length > 0 ? outDir : null,
    written,
  };
}
