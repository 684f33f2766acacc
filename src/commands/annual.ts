// `assess annual PATH... --year Y` (outputs.md "Annual"; rules.md §6): read the year's quarterly
// workbooks, grade each quarter with the same engine as `grade`, link the quarters into the annual
// 优秀 recommendation, the reserve list and the reminder list, build {年度}_年度考核参考.xlsx and
// write it safely. Returns what happened and the exit code it calls for; never prints.
//
// Decisions where the spec is silent:
// - Workbooks are grouped by their 参数 quarter; several workbooks of one quarter (one per unit)
//   are checked together as one `grade` run would check them (checkRun), each quarter on its own.
// - A workbook of another 年度 than --year is an error (E_ANNUAL_YEAR) and is not graded.
// - The year needs at least three quarters with a workbook read ("three or four quarters"):
//   with fewer the command cannot run (exit 2, E_ANNUAL_QUARTERS, nothing written). A quarter
//   missing before the latest one given (Q1, Q2, Q4) is a warning (W_ANNUAL_QUARTER_MISSING).
// - A file that cannot be read, or whose 年度/季度 cannot be read, counts against the quarter its
//   file name names (`2026Q3_财政局.xlsx`): that quarter's state is "error".
// - The year is 草稿 (state "draft", exit 1) when gradeYear says so or when the run has any error.
// - --out defaults to `{年度}_年度结果` beside the first input, as `grade`'s `{年度}Q{季度}_结果`.

import type { AnnualQuarter, GradedYear, Quarter } from "../domain/annual.js";
import { gradeYear } from "../domain/annual.js";
import { periodText } from "../domain/model.js";
import { periodInFileName } from "../domain/check-file-period.js";
import type { RunMember } from "../domain/check-run.js";
import { gradeRun } from "../domain/grade-run.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, problemAt, sortProblems, unitsInError } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { buildAnnualWorkbook, quarterList } from "../build/annual-workbook.js";
import { defaultOutDir } from "../build/output-names.js";
import type { InputDigest } from "../build/result-workbook.js";
import { loadRules } from "../read/load-rules.js";
import { TOOL_VERSION } from "../build/tool-version.js";
import { MIB } from "../read/open-guard.js";
import { expandPaths } from "../run/input-files.js";
import { type FileRead, gradingWorkbooks } from "../run/memory.js";
import { checkRun, readFiles } from "../run/read-files.js";
import { defaultJobs, withRunner } from "../run/worker-pool.js";
import { fileReader, type TaskSetup } from "../run/worker-tasks.js";
import { writeOutputs } from "../run/write-outputs.js";

export interface AnnualOptions {
  /** --year: the 年度 whose quarters are linked. */
  year: number;
  rulesPath?: string;
  /** --out; default `{年度}_年度结果` beside the first input. */
  outDir?: string;
  force: boolean;
  /** --max-size, in MiB. */
  maxSizeMiB: number;
}

export interface AnnualRunResult {
  exitCode: 0 | 1 | 2;
  /** --year; null only when --year itself could not be read (the CLI's document of a usage error). */
  year: number | null;
  rules: EffectiveRules | null;
  /** "final" only when the graded year is final and the run has no error. */
  state: "final" | "draft";
  /** The graded year; null when the command could not run. */
  graded: GradedYear | null;
  /** Sorted by file, sheet, row. */
  problems: Problem[];
  outDir: string | null;
  written: string[];
}

/** The least number of quarters the annual appraisal rests on (issue 6: "three or four quarters"). */
export const MIN_QUARTERS = 3;

/** `2026_年度考核参考.xlsx` (outputs.md "Annual"). */
export function annualOutputName(year: number): string {
  return `${year}_年度考核参考.xlsx`;
}

/** `{年度}_年度结果`: annual's folder, beside the first input as grade's `{年度}Q{季度}_结果`. */
export function annualOutFolder(year: number): string {
  return `${year}_年度结果`;
}

function failed(year: number, rules: EffectiveRules | null, problems: readonly Problem[]): AnnualRunResult {
  return { exitCode: 2, year, rules, state: "draft", graded: null, problems: sortProblems(problems), outDir: null, written: [] };
}

const RUN_PLACE = { file: "", sheet: "", cell: "", header: "" };

/** A workbook of another year: named at its 年度 cell, so the clerk sees which file and where. */
function otherYearProblem(member: RunMember, year: number): Problem {
  const ref = member.places.year;
  const found = member.workbook.period;
  const name = member.workbook.file.replace(/^.*[\\/]/, "");
  return problemAt(
    ref,
    "error",
    "E_ANNUAL_YEAR",
    String(found.year),
    `${ref.sheet}!${ref.cell}：工作簿“${name}”是${periodText(found)}，而本次是${year}年度考核（--year ${year}），` +
      `此工作簿未计入。请改正年度，或不把它放入本次处理。`,
  );
}

/** The quarter a file that could not be read speaks of by its name, when the name gives this year or none. */
function namedQuarter(file: string, year: number): Quarter | null {
  const named = periodInFileName(file);
  if (!named || (named.year !== null && named.year !== year)) return null;
  return named.quarter as Quarter;
}

interface QuarterGroup {
  reads: FileRead[];
  /** Files of the quarter that could not be read, or whose 年度/季度 could not be read. */
  broken: string[];
}

export async function annual(paths: readonly string[], options: AnnualOptions): Promise<AnnualRunResult> {
  const { year } = options;
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return failed(year, null, loaded.problems);
  const rules = loaded.value;

  const inputs = await expandPaths(paths);
  const maxInflatedBytes = options.maxSizeMiB * MIB;
  // A year of a city is four thousand workbooks: read as grade reads them, each keeping what
  // grading needs, not its rows.
  const setup: TaskSetup = { rules, maxInflatedBytes, wording: null };
  const reads = await withRunner(defaultJobs(), setup, (runner) => readFiles(inputs, fileReader(inputs, runner, setup, "grading")));

  // Group by quarter; everything outside a quarter of the year keeps its own problems here.
  const problems: Problem[] = [...loaded.problems];
  const groups = new Map<Quarter, QuarterGroup>();
  const groupOf = (quarter: Quarter): QuarterGroup => {
    const group = groups.get(quarter) ?? { reads: [], broken: [] };
    groups.set(quarter, group);
    return group;
  };
  for (const read of reads) {
    const period = read.member?.workbook.period;
    if (period && period.year === year) {
      groupOf(period.quarter).reads.push(read);
      continue;
    }
    problems.push(...read.problems);
    if (read.member) {
      problems.push(otherYearProblem(read.member, year));
      continue;
    }
    const named = namedQuarter(read.file, year);
    if (named !== null) groupOf(named).broken.push(read.file);
  }

  const quartersRead = [...groups].filter(([, g]) => g.reads.length > 0).map(([q]) => q).sort((a, b) => a - b);
  if (quartersRead.length < MIN_QUARTERS) {
    problems.push(
      problemAt(
        RUN_PLACE,
        "error",
        "E_ANNUAL_QUARTERS",
        quarterList(quartersRead),
        `${year}年度考核至少需要${MIN_QUARTERS}个季度的工作簿，本次读到的只有${quarterList(quartersRead)}。` +
          `请把该年度各季度的工作簿（或其文件夹）一并给出，并核对每个工作簿“参数”表中的年度和季度。`,
      ),
    );
    return failed(year, rules, problems);
  }

  const numbers = [...groups.keys()].sort((a, b) => a - b);
  const latest = numbers[numbers.length - 1] ?? 4;
  const missing = ([1, 2, 3, 4] as const).filter((q) => q < latest && !groups.has(q));
  if (missing.length > 0) {
    problems.push(
      problemAt(
        RUN_PLACE,
        "warning",
        "W_ANNUAL_QUARTER_MISSING",
        quarterList(missing),
        `没有${year}年${quarterList(missing)}的工作簿，年度考核按${quarterList(numbers)}计算。如漏放了文件，请补上后重新运行。`,
      ),
    );
  }

  // Each quarter is graded as one `grade` run of its workbooks would grade it.
  const quarters: AnnualQuarter[] = [];
  const inputFiles: InputDigest[] = [];
  for (const quarter of numbers) {
    const group = groupOf(quarter);
    const run = checkRun(group.reads, rules.rules);
    const graded = gradeRun(gradingWorkbooks(run, rules.rules), rules.rules, unitsInError(run.workbooks.flatMap((w) => w.units), run.problems));
    problems.push(...run.problems, ...graded.problems);
    inputFiles.push(...run.workbooks.map((w) => ({ file: w.file, sha256: w.sha256 })));
    const vetoPersonIds = new Set(run.workbooks.flatMap((w) => w.events.filter((e) => e.kind === "veto").map((e) => e.personId)));
    quarters.push({ quarter, units: graded.units, vetoPersonIds, ...(group.broken.length > 0 ? { state: "error" as const } : {}) });
  }

  const graded = gradeYear(quarters, rules.rules);
  const sorted = sortProblems([...problems, ...graded.problems]);
  const state = graded.state === "final" && !hasErrors(sorted) ? "final" : "draft";
  const spec = buildAnnualWorkbook({ year, graded, state, quarters, inputFiles, rules, problems: sorted, toolVersion: TOOL_VERSION });
  const outDir = options.outDir ?? defaultOutDir(annualOutFolder(year), paths[0] ?? ".");
  const written = await writeOutputs(outDir, [{ name: annualOutputName(year), bytes: await writeXlsx(spec) }], { force: options.force });
  return { exitCode: state === "final" ? 0 : 1, year, rules, state, graded, problems: sorted, outDir, written };
}
