// `assess grade PATH...` (outputs.md): read and check every workbook, grade the units that have
// no error, build each unit's 结果.xlsx, 公示.docx (final units only) and 反馈单.docx, the run's
// 汇总.xlsx when there are several units, and write them all safely. Returns what happened and the
// exit code it calls for; never prints.

import path from "node:path";
import { writeFeedbackSlips, slipContents } from "../documents/feedback-slips.js";
import { noticeContent, writeNotice } from "../documents/notice.js";
import type { GradedPool, GradedUnit } from "../domain/graded.js";
import { gradeRun } from "../domain/grade-run.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, sortProblems } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../workbook/write-xlsx.js";
import { buildResultWorkbook } from "./build-result-workbook.js";
import { buildRunSummary, problemsOfUnit } from "./build-run-summary.js";
import { loadRules } from "./load-rules.js";
import { readWorkbooks, unitsInError } from "./read-workbooks.js";
import { readNoticeWording, readSlipWording } from "./read-wording.js";
import { TOOL_VERSION } from "./tool-version.js";
import { MIB } from "./validate.js";
import type { PlannedFile } from "./write-outputs.js";
import { runSummaryName, UNIT_OUTPUT, unitOutputName, writeOutputs } from "./write-outputs.js";

export interface GradeOptions {
  rulesPath?: string;
  /** --out; default `{年度}Q{季度}_结果` beside the first input. */
  outDir?: string;
  force: boolean;
  /** --max-size, in MiB. */
  maxSizeMiB: number;
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

export async function grade(paths: readonly string[], options: GradeOptions): Promise<GradeResult> {
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return failed(null, loaded.problems);
  const rules = loaded.value;
  // Wording is read before any grading so that a broken template stops the run with nothing written.
  const [noticeWording, slipWording] = await Promise.all([readNoticeWording(), readSlipWording()]);

  const read = await readWorkbooks(paths, rules.rules, { maxInflatedBytes: options.maxSizeMiB * MIB });
  const first = read.workbooks[0];
  if (read.unreadable.length === read.files.length || first === undefined) {
    return failed(rules, [...loaded.problems, ...read.problems]);
  }
  const period = first.period;
  const graded = gradeRun(read.workbooks, rules.rules, unitsInError(read.workbooks, read.problems));
  const problems = sortProblems([...loaded.problems, ...read.problems, ...graded.problems]);

  const workbookOf = new Map<string, AppraisalWorkbook>();
  for (const workbook of read.workbooks) for (const unit of workbook.units) workbookOf.set(unit.code, workbook);
  const poolOf = new Map(graded.pools.map((pool) => [pool.code, pool]));
  const inputFiles = read.workbooks.map((w) => ({ file: w.file, sha256: w.sha256 }));

  const files: PlannedFile[] = [];
  for (const unit of graded.units) {
    if (unit.state === "error") continue;
    const workbook = workbookOf.get(unit.unit.code);
    const pool = poolOf.get(unit.poolCode);
    if (!workbook || !pool) throw new Error(`unit ${unit.unit.code} has no workbook or pool`);
    const warnings = problemsOfUnit(unit.unit, problems).filter((p) => p.severity === "warning");
    const result = buildResultWorkbook({ graded: unit, pool, workbook, inputFiles, rules, warnings, toolVersion: TOOL_VERSION });
    files.push({ name: unitOutputName(period, unit.unit, UNIT_OUTPUT.result), bytes: await writeXlsx(result) });
    // A unit with a 待定 person is a draft and gets no notice (rules.md §5, outputs.md).
    if (unit.state === "final") {
      const content = noticeContent({ graded: unit, period, settings: workbook.settings, rules: rules.rules }, noticeWording);
      files.push({ name: unitOutputName(period, unit.unit, UNIT_OUTPUT.notice), bytes: await writeNotice(content, noticeWording) });
    }
    const slips = slipContents({ graded: unit, period, workbook, rules: rules.rules }, slipWording);
    if (slips.length > 0) {
      files.push({ name: unitOutputName(period, unit.unit, UNIT_OUTPUT.slips), bytes: await writeFeedbackSlips(slips, slipWording) });
    }
  }
  if (graded.units.length > 1) {
    const summary = buildRunSummary({ period, units: graded.units, pools: graded.pools, problems });
    files.push({ name: runSummaryName(period), bytes: await writeXlsx(summary) });
  }

  const outDir = options.outDir ?? defaultOutDir(paths[0] ?? ".", period);
  const written = files.length > 0 ? await writeOutputs(outDir, files, { force: options.force }) : [];
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
