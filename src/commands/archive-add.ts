// `assess archive add PATH... [--rules F] [--replace --reason TEXT]` (archive.md "Filing"): read,
// check and grade the workbooks with grade's own functions (so validate, grade and add agree),
// then file every final unit in one transaction. A unit in error or draft is not filed, and a pool
// is filed whole or not at all. Returns what happened and the exit code; never prints.

import type { GradedUnit } from "../domain/graded.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import { periodText } from "../domain/model.js";
import { hasErrors, type Problem, problemAt, sortProblems } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { filingContent, type FilingContent } from "../archive/filing-content.js";
import { openArchive } from "../archive/open-archive.js";
import type { ArchiveTarget } from "../archive/target.js";
import { type CurrentFiling, type FilingState, fileContent, filedNames } from "../archive/write-filing.js";
import { loadRules } from "../read/load-rules.js";
import { expandPaths } from "../run/input-files.js";
import { checkRun, readFiles } from "../run/read-files.js";
import { fileReader, type TaskSetup } from "../run/worker-tasks.js";
import type { OnProgress } from "../run/run-progress.js";
import { TOOL_VERSION } from "../build/tool-version.js";
import { withRunner } from "../run/worker-pool.js";
import { inputFilesOfPools } from "../build/plan-unit-files.js";
import { MIB } from "../read/open-guard.js";
import { gradeReadRun } from "./grade-read-run.js";

export interface AddOptions {
  target: ArchiveTarget;
  rulesPath?: string;
  maxSizeMiB: number;
  jobs?: number;
  /** --replace --reason TEXT: the reason, or null without --replace. */
  replaceReason: string | null;
  /** The clock: the time of filing is the archive's only clock value. */
  now: () => Date;
  onProgress?: OnProgress;
  /** After each unit's filing is written in the transaction (progress; tests kill the process here). */
  onFiling?: (done: number, total: number) => void | Promise<void>;
  /** After every filing is written, before the transaction commits (tests hold or kill the process here). */
  beforeCommit?: () => Promise<void>;
}

/** One unit's line in the report (archive.md `--json` "filings"). */
export interface FilingReport {
  unit: string;
  name: string;
  year: number;
  quarter: number;
  state: FilingState;
  digest: string | null;
  reason: string | null;
}

export interface AddResult {
  exitCode: 0 | 1 | 2;
  label: string;
  rules: EffectiveRules | null;
  period: Period | null;
  filings: FilingReport[];
  problems: Problem[];
}

export const UNCHANGED_TEXT = "已归档，内容未变";

const NOT_FINAL_TEXT = { error: "有错误，未评定，未归档", draft: "有待定人员，未经审定（草稿），未归档" } as const;

function notFinalReason(unit: GradedUnit, pool: readonly GradedUnit[]): string | null {
  if (unit.state !== "final") return NOT_FINAL_TEXT[unit.state];
  const other = pool.find((u) => u.state !== "final");
  return other ? `与${other.unit.code}（${other.unit.name}）统筹评定，该单位未定稿，本单位一并未归档` : null;
}

function filedBefore(current: CurrentFiling): string {
  const files = current.inputs.map((i) => i.file).join("、");
  return `已于 ${current.filed_at} 归档（文件 ${files}，规则 SHA-256 ${current.rules_sha256}）`;
}

export async function archiveAdd(paths: readonly string[], options: AddOptions): Promise<AddResult> {
  const loaded = await loadRules(options.rulesPath);
  const failed = (problems: Problem[], label: string, code: 1 | 2 = 2): AddResult => ({
    exitCode: code,
    label,
    rules: loaded.value,
    period: null,
    filings: [],
    problems: sortProblems(problems),
  });
  if (loaded.value === null) return failed(loaded.problems, options.target.label);
  const rules = loaded.value;
  const inputs = await expandPaths(paths);
  // Opened before the reading, so that an archive that cannot be used stops the command at once.
  const archive = await openArchive(options.target, { work: "filing" });
  try {
    const maxInflatedBytes = options.maxSizeMiB * MIB;
    // Read, checked and graded as grade does it (grade-read-run.ts); each workbook keeps the rows
    // a filing records (work lists, events, decisions), as grade does for a run of one workbook.
    const setup: TaskSetup = { rules, maxInflatedBytes, wording: null };
    const read = await withRunner(options.jobs ?? 1, setup, async (runner) =>
      checkRun(await readFiles(inputs, fileReader(inputs, runner, setup, "building"), options.onProgress), rules.rules),
    );
    const run = gradeReadRun(read, rules, loaded.problems);
    if (run.period === null) return failed(run.problems, archive.label, run.exitCode === 2 ? 2 : 1);
    const { period, graded } = run;
    const problems = [...run.problems];

    const workbookOf = new Map<string, AppraisalWorkbook>();
    for (const workbook of read.workbooks) for (const unit of workbook.units) if (!workbookOf.has(unit.code)) workbookOf.set(unit.code, workbook);
    const poolOf = new Map(graded.pools.map((pool) => [pool.code, pool]));
    const poolFiles = inputFilesOfPools(graded.pools, workbookOf);
    const unitsOfPool = new Map<string, GradedUnit[]>();
    for (const unit of graded.units) unitsOfPool.set(unit.poolCode, [...(unitsOfPool.get(unit.poolCode) ?? []), unit]);

    const reports: FilingReport[] = [];
    const toFile: { unit: GradedUnit; content: FilingContent; workbook: AppraisalWorkbook }[] = [];
    for (const unit of graded.units) {
      const why = notFinalReason(unit, unitsOfPool.get(unit.poolCode) ?? [unit]);
      const workbook = workbookOf.get(unit.unit.code);
      const pool = poolOf.get(unit.poolCode);
      if (why !== null || !workbook || !pool) {
        reports.push({ unit: unit.unit.code, name: unit.unit.name, ...period, state: "not-final", digest: null, reason: why });
        continue;
      }
      const content = filingContent({ unit, pool, period, workbook, rules, inputs: poolFiles.get(unit.poolCode) ?? [], toolVersion: TOOL_VERSION });
      toFile.push({ unit, content, workbook });
    }

    const filedAt = options.now().toISOString();
    const act = { filedAt, origin: "add" as const, packageFile: null, replaceReason: options.replaceReason, sameBy: "inputs" as const };
    const filed = await archive.write(async (db) => {
      const names = await filedNames(db, [...new Set(toFile.flatMap((f) => f.unit.persons.map((p) => p.person.id)))]);
      const outcomes = [];
      for (const item of toFile) {
        outcomes.push({ ...item, outcome: await fileContent(db, item.content, act), names });
        await options.onFiling?.(outcomes.length, toFile.length);
      }
      await options.beforeCommit?.();
      return outcomes;
    });

    const byCode = new Map<string, FilingReport>();
    for (const { unit, workbook, outcome, names } of filed) {
      const where = { file: workbook.file, sheet: "", cell: "", header: "" };
      const label = `单位 ${unit.unit.code}（${unit.unit.name}）${periodText(period)}`;
      let reason: string | null = null;
      if (outcome.state === "unchanged") reason = UNCHANGED_TEXT;
      else if (outcome.state === "replaced") reason = options.replaceReason;
      else if (outcome.state === "refused") {
        reason =
          outcome.why === "filed"
            ? `${label}${filedBefore(outcome.current)}，本次内容不同，未归档。如确需更正，请加 --replace --reason "更正原因" 重新归档（原记录保留为已被替代）。`
            : `${label}刚被另一个程序归档，内容不同，本次未归档。请用 assess archive log --unit ${unit.unit.code} 查看后再决定是否 --replace。`;
        problems.push(problemAt(where, "error", "E_ARCHIVE_FILED", unit.unit.code, reason));
      }
      if (outcome.state === "filed" || outcome.state === "replaced") {
        for (const graded of unit.persons) {
          const before = names.get(graded.person.id);
          if (before === undefined || before === graded.person.name) continue;
          problems.push(
            problemAt(
              graded.person.ref,
              "warning",
              "W_ARCHIVE_NAME",
              graded.person.name,
              `人员编号“${graded.person.id}”在档案中的姓名是“${before}”，这次是“${graded.person.name}”。已按人员编号归档；如果不是同一人，请核对人员编号。`,
            ),
          );
        }
      }
      byCode.set(unit.unit.code, { unit: unit.unit.code, name: unit.unit.name, ...period, state: outcome.state, digest: outcome.digest, reason });
    }
    const filings = graded.units.map((u) => byCode.get(u.unit.code) ?? reports.find((r) => r.unit === u.unit.code)!);
    const sorted = sortProblems(problems);
    const allDone = filings.every((f) => f.state === "filed" || f.state === "unchanged" || f.state === "replaced");
    const exitCode = allDone && read.unreadable.length === 0 && !hasErrors(sorted) ? 0 : 1;
    return { exitCode, label: archive.label, rules, period, filings, problems: sorted };
  } finally {
    await archive.close();
  }
}
