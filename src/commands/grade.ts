// `assess grade PATH...` (outputs.md): read and check every workbook, grade the units that have
// no error, build each unit's 结果.xlsx, 公示.docx (final units only) and 反馈单.docx, the run's
// 汇总.xlsx when there are several units, and write them all safely. Returns what happened and the
// exit code it calls for; never prints (progress goes to `onProgress`).
//
// A city's quarter end is a thousand workbooks: files are read and units built by a pool of
// worker threads (worker-pool.ts), their results taken in input order so that outputs never
// depend on timing; each unit's files are written as soon as they are built, after every name was
// checked (write-outputs.ts), so that no more than a few units' files are held at once.
//
// Memory: of each of several workbooks, the run keeps what grading needs (read-workbooks.ts keep
// `grading`) and reads the file again, a few at a time, for the rows its units' files print; a
// file changed since it was graded gets no files, and an error. One workbook is read here and
// keeps those rows too: reading a city in one workbook twice would cost more than holding them.

import path from "node:path";
import type { GradedPool, GradedUnit } from "../domain/graded.js";
import { gradeRun } from "../domain/grade-run.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, problemsByUnit, sortProblems } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import type { InputDigest } from "../build/result-workbook.js";
import { buildRunSummary } from "../build/run-summary.js";
import { type UnitBuild, unitOutputs } from "../build/unit-files.js";
import { inOrder } from "../run/in-order.js";
import { loadRules } from "../read/load-rules.js";
import {
  checkRun,
  expandPaths,
  gradingWorkbooks,
  type InputFile,
  type ReadKeep,
  readFiles,
  type UnitShare,
  unitShares,
  unitsInError,
} from "../run/read-workbooks.js";
import { readNoticeWording, readSlipWording } from "../read/wording-templates.js";
import type { OnProgress } from "../run/run-progress.js";
import { MIB } from "./validate.js";
import { type TaskRunner, withRunner } from "../run/worker-pool.js";
import { openOutputs, type PlannedFile, runSummaryName } from "../run/write-outputs.js";

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

export async function grade(paths: readonly string[], options: GradeOptions): Promise<GradeResult> {
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return failed(null, loaded.problems);
  const rules = loaded.value;
  // Wording is read before any grading so that a broken template stops the run with nothing written.
  const [notice, slips] = await Promise.all([readNoticeWording(), readSlipWording()]);
  const setup = { rules, maxInflatedBytes: options.maxSizeMiB * MIB, wording: { notice, slips } };
  return withRunner(options.jobs ?? 1, setup, (runner) => gradeWith(runner, paths, rules, loaded.problems, options));
}

/** A file read again for its units' files that is no longer the file that was graded. */
function changedFile(file: string): Problem {
  return {
    severity: "error",
    code: "E_FILE_CHANGED",
    file,
    sheet: "",
    cell: "",
    header: "",
    value: "",
    message: `文件“${file}”在评定过程中被修改、移走或无法再读取，其中单位的结果文件未写出。请在文件保存并关闭后，重新运行 assess grade（加 --force 覆盖本次已写出的文件）。`,
  };
}

/** A unit whose files cannot be built after all: not graded, as a unit with an input error. */
function notBuilt(unit: GradedUnit): GradedUnit {
  return { ...unit, state: "error", persons: [], changes: [] };
}

/** A workbook's units to build, in run order, and where their shares come from. */
interface WorkbookBuilds {
  workbook: AppraisalWorkbook;
  units: GradedUnit[];
}

async function gradeWith(
  runner: TaskRunner,
  paths: readonly string[],
  rules: EffectiveRules,
  rulesProblems: readonly Problem[],
  options: GradeOptions,
): Promise<GradeResult> {
  const inputs = await expandPaths(paths);
  // One file is read in this thread and keeps its printed rows; several are read again for them.
  const keep: ReadKeep = inputs.length > 1 ? "grading" : "building";
  const maxInflatedBytes = options.maxSizeMiB * MIB;
  const read = checkRun(await readFiles(inputs, rules.rules, { maxInflatedBytes, runner, keep, onProgress: options.onProgress }));
  const first = read.workbooks[0];
  // Not one workbook could be read: the run could not run (outputs.md exit 2).
  if (read.unreadable.length === read.files.length) return failed(rules, [...rulesProblems, ...read.problems]);
  // Read, but none with a 年度 and 季度: input errors of readable workbooks, nothing to grade (exit 1).
  if (first === undefined) return { ...failed(rules, [...rulesProblems, ...read.problems]), exitCode: 1 };
  const period = first.period;
  const graded = gradeRun(gradingWorkbooks(read, rules.rules), rules.rules, unitsInError(read.workbooks, read.problems));
  let problems = sortProblems([...rulesProblems, ...read.problems, ...graded.problems]);

  // A unit code used by two workbooks is an error; gradeRun takes the first, and so does this.
  const workbookOf = new Map<string, AppraisalWorkbook>();
  for (const workbook of read.workbooks) for (const unit of workbook.units) if (!workbookOf.has(unit.code)) workbookOf.set(unit.code, workbook);
  const poolOf = new Map(graded.pools.map((pool) => [pool.code, pool]));
  const poolFiles = inputFilesOfPools(graded.pools, workbookOf);
  const unitProblems = problemsByUnit(read.workbooks.flatMap((w) => w.units), problems);

  let units = graded.units;
  const toBuild = units.filter((unit) => unit.state !== "error");
  // The units of a workbook come one after another (gradeRun: workbook order, then 单位 order).
  const byWorkbook: WorkbookBuilds[] = [];
  for (const unit of toBuild) {
    const workbook = workbookOf.get(unit.unit.code);
    if (!workbook) throw new Error(`unit ${unit.unit.code} has no workbook`);
    const last = byWorkbook[byWorkbook.length - 1];
    if (last?.workbook === workbook) last.units.push(unit);
    else byWorkbook.push({ workbook, units: [unit] });
  }
  const inputOf = new Map<string, InputFile>(inputs.map((input) => [input.file, input]));
  const sharesOf = async (workbook: AppraisalWorkbook): Promise<Map<string, UnitShare> | null> => {
    if (keep === "building") return unitShares(workbook);
    const input = inputOf.get(workbook.file);
    if (!input) throw new Error(`workbook ${workbook.file} is not an input of the run`);
    return runner.run({ kind: "shares", input, sha256: workbook.sha256 });
  };
  const changed: string[] = [];
  /** The units of the changed files, as not built, by code. */
  const unbuilt = new Map<string, GradedUnit>();
  // Shares are read a few workbooks ahead of the builds, and each is dropped once its units are
  // handed to their build tasks: only the workbooks in flight hold their rows.
  const withShares = inOrder(byWorkbook, runner.capacity, async (group) => ({ ...group, shares: await sharesOf(group.workbook) }));
  async function* builds(): AsyncGenerator<{ unit: GradedUnit; build: UnitBuild | null }> {
    for await (const { workbook, units, shares } of withShares) {
      if (shares === null) changed.push(workbook.file);
      for (const unit of units) {
        if (shares === null) {
          const failed = notBuilt(unit);
          unbuilt.set(unit.unit.code, failed);
          yield { unit: failed, build: null };
          continue;
        }
        const pool = poolOf.get(unit.poolCode);
        if (!pool) throw new Error(`unit ${unit.unit.code} has no pool`);
        const warnings = (unitProblems.get(unit.unit.code) ?? []).filter((p) => p.severity === "warning");
        const share = shares.get(unit.unit.code) ?? { period: workbook.period, settings: workbook.settings, workItems: [], individualScores: [] };
        yield { unit, build: { graded: unit, pool, workbook: share, inputFiles: poolFiles.get(unit.poolCode) ?? [], warnings } };
      }
    }
  }

  const names = toBuild.flatMap((unit) => unitOutputs(period, unit).map((output) => output.name));
  const summarised = graded.units.length > 1;
  if (summarised) names.push(runSummaryName(period));
  const outDir = options.outDir ?? defaultOutDir(paths[0] ?? ".", period);
  const written: string[] = [];
  if (names.length > 0) {
    const writer = await openOutputs(outDir, names, { force: options.force });
    const built = inOrder(builds(), runner.capacity, async ({ unit, build }) => ({
      unit,
      files: build ? await runner.run({ kind: "build", unit: build }) : [],
    }));
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
    if (changed.length > 0) {
      units = units.map((unit) => unbuilt.get(unit.unit.code) ?? unit);
      problems = sortProblems([...problems, ...changed.map(changedFile)]);
    }
    if (summarised) {
      const summary = buildRunSummary({ period, units, pools: graded.pools, problems });
      await write({ name: runSummaryName(period), bytes: await writeXlsx(summary) });
    }
    while (writing.length > 0) written.push(await writing.shift()!);
    await writer.finish();
  }

  const allFinal = units.every((u) => u.state === "final");
  const exitCode = allFinal && read.unreadable.length === 0 && !hasErrors(problems) ? 0 : 1;
  return {
    exitCode,
    rules,
    period,
    units,
    pools: graded.pools,
    problems,
    outDir: written.length > 0 ? outDir : null,
    written,
  };
}
