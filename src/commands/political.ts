// `assess political PATH... [--rules F] [--out DIR] [--json] [--force] [--db D]` (political.md): read the
// rules and the evaluation workbooks → check → evaluate each unit without an error → plan each
// unit's workbook and portraits and the run's report and problem summary → write atomically.
// Returns what happened; never prints.
//
// Decisions where the spec is silent:
// - --out defaults to the folder `{年度}_政治素质测评_结果` beside the first input.
// - A run whose workbooks hold no form at all is a problem-information round: only the
//   问题线索汇总 is written (political.md), and no unit workbook, portrait or report.
// - Exit codes as outputs.md: 1 when a unit has an error or a file cannot be read, 2 when the
//   rules are bad or no workbook can be read.
// - With --db (political.md "With --db D"): the archive is opened before reading (an archive that
//   cannot be used stops the command at once, exit 2), the outputs are written as without --db,
//   then every evaluated unit's round is filed in one transaction (political-filing.ts). A unit
//   in error, or whose workbook holds no form, is not filed and is listed.

import path from "node:path";
import type { Problem } from "../domain/problem.js";
import { hasErrors, problemsByUnit, sortProblems } from "../domain/problem.js";
import { evaluateWorkbook, type PoliticalUnitResult } from "../domain/political-evaluate.js";
import type { PoliticalWorkbook } from "../domain/political-model.js";
import { type PoliticalRules, politicalRulesOf } from "../domain/political-rules.js";
import type { EffectiveRules } from "../domain/rules.js";
import { buildClueSummary } from "../build/political-clue-summary.js";
import { portraitContent, writePortraits } from "../build/political-portrait.js";
import { reportContent, writeReport } from "../build/political-report.js";
import { buildPoliticalWorkbook } from "../build/political-workbook.js";
import { type PoliticalWording, useByGrade } from "../build/political-wording.js";
import { loadRules } from "../read/load-rules.js";
import { readPoliticalFiles } from "../read/political-run.js";
import { readPoliticalWording } from "../build/political-wording-templates.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { expandPaths } from "../run/input-files.js";
import { TOOL_VERSION } from "../build/tool-version.js";
import { type PlannedFile, safeNamePart } from "../build/output-names.js";
import { openOutputs } from "../run/write-outputs.js";
import { politicalUnitsInError } from "./political-validate.js";
import { isAppraisalWorkbook } from "../domain/political-sheets.js";
import { sheetNamesOf } from "../read/sheet-names.js";
import { MIB } from "../read/open-guard.js";
import { politicalCharts } from "../build/political-charts.js";
import { openArchive } from "../archive/open-archive.js";
import type { ArchiveTarget } from "../archive/target.js";
import { filePoliticalRun, type PoliticalFilingReport } from "./political-filing.js";

export interface PoliticalOptions {
  rulesPath?: string;
  outDir?: string;
  force: boolean;
  maxSizeMiB: number;
  /** templates/ (political.json); the installed one unless a test says. */
  templatesDir?: string;
  /** --db: file each evaluated unit's round into this archive. */
  archive?: {
    target: ArchiveTarget;
    /** --replace --reason TEXT: the reason, or null without --replace. */
    replaceReason: string | null;
    /** The clock: the time of filing is the archive's only clock value. */
    now: () => Date;
  };
}

export interface PoliticalResult {
  exitCode: 0 | 1 | 2;
  rules: EffectiveRules | null;
  year: number | null;
  round: string | null;
  units: PoliticalUnitResult[];
  problems: Problem[];
  outDir: string | null;
  written: string[];
  /** With --db: one line per unit, in the order of the units; undefined without --db. */
  filings?: PoliticalFilingReport[];
}

export const POLITICAL_OUTPUT = {
  workbook: "政治素质测评.xlsx",
  portraits: "政治素质画像.docx",
  report: "综合分析报告.docx",
  clues: "问题线索汇总.xlsx",
} as const;

export function politicalUnitFileName(year: number, unit: { code: string; name: string }, kind: "workbook" | "portraits"): string {
  return `${year}_${safeNamePart(unit.code)}_${safeNamePart(unit.name)}_${POLITICAL_OUTPUT[kind]}`;
}

export function politicalRunFileName(year: number, round: string, kind: "report" | "clues"): string {
  return `${year}_${safeNamePart(round)}_${POLITICAL_OUTPUT[kind]}`;
}

function failed(rules: EffectiveRules | null, problems: Problem[]): PoliticalResult {
  return { exitCode: 2, rules, year: null, round: null, units: [], problems: sortProblems(problems), outDir: null, written: [] };
}

/** What each output is, as bytes, in the order they are written. */
function planFiles(
  workbooks: readonly PoliticalWorkbook[],
  units: readonly PoliticalUnitResult[],
  problems: readonly Problem[],
  context: { year: number; round: string; rules: PoliticalRules; effective: EffectiveRules; wording: PoliticalWording },
): { name: string; build: () => Promise<Buffer> }[] {
  const { year, round, rules, effective, wording } = context;
  // A workbook without forms is a problem-information round (political.md): its units get no
  // workbook or portraits, and a run of such workbooks only the 问题线索汇总.
  const evaluated = new Set(workbooks.filter((w) => w.forms.length > 0).map((w) => w.file));
  const informationRound = evaluated.size === 0;
  const inputFiles = workbooks.map((w) => ({ file: w.file, sha256: w.sha256 }));
  const warnings = problemsByUnit(
    units.map((u) => u.unit),
    problems.filter((p) => p.severity === "warning"),
  );
  const charts = politicalCharts(rules, wording);
  const files: { name: string; build: () => Promise<Buffer> }[] = [];
  if (!informationRound) {
    for (const unit of units) {
      if (unit.state !== "final" || !evaluated.has(unit.file)) continue;
      files.push({
        name: politicalUnitFileName(year, unit.unit, "workbook"),
        build: () =>
          writeXlsx(
            buildPoliticalWorkbook({ unit, year, round, rules, effective, inputFiles, warnings: warnings.get(unit.unit.code) ?? [], toolVersion: TOOL_VERSION }),
          ),
      });
      files.push({
        name: politicalUnitFileName(year, unit.unit, "portraits"),
        build: async () =>
          writePortraits(
            unit.cadres.map((c) => portraitContent(unit, c, rules)),
            round,
            wording,
            (content) => charts.portrait(unit, content.cadreId),
          ),
      });
    }
    if (units.some((u) => u.state === "final" && evaluated.has(u.file))) {
      const content = reportContent({ year, round, units: units.filter((u) => evaluated.has(u.file)), rules, wording });
      files.push({ name: politicalRunFileName(year, round, "report"), build: async () => writeReport(content, wording, charts.report(content)) });
    }
  }
  if (units.some((u) => u.state === "final" && u.cadres.some((c) => c.clues.length > 0))) {
    files.push({ name: politicalRunFileName(year, round, "clues"), build: () => writeXlsx(buildClueSummary({ year, round, units: units.filter((u) => u.state === "final"), rules })) });
  }
  return files;
}

export async function political(paths: readonly string[], options: PoliticalOptions): Promise<PoliticalResult> {
  if (options.archive === undefined) return (await evaluateAndWrite(paths, options)).result;
  const { target, replaceReason, now } = options.archive;
  const archive = await openArchive(target);
  try {
    const { result, workbooks } = await evaluateAndWrite(paths, options);
    if (result.year === null || result.round === null || result.rules === null) return { ...result, filings: [] };
    const filed = await filePoliticalRun(archive, {
      year: result.year,
      round: result.round,
      rules: result.rules,
      units: result.units,
      workbooks,
      replaceReason,
      filedAt: now().toISOString(),
    });
    const problems = sortProblems([...result.problems, ...filed.problems]);
    const exitCode = result.exitCode === 0 && hasErrors(problems) ? 1 : result.exitCode;
    return { ...result, exitCode, problems, filings: filed.filings };
  } finally {
    await archive.close();
  }
}

async function evaluateAndWrite(paths: readonly string[], options: PoliticalOptions): Promise<{ result: PoliticalResult; workbooks: PoliticalWorkbook[] }> {
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return { result: failed(null, loaded.problems), workbooks: [] };
  const effective = loaded.value;
  const rules = politicalRulesOf(effective.json);
  const wording = await readPoliticalWording(options.templatesDir);
  const inputs = await expandPaths(paths);
  const maxInflatedBytes = options.maxSizeMiB * MIB;
  // A quarterly appraisal workbook among the inputs is named as such, not read as a bad evaluation workbook.
  const others: typeof inputs = [];
  for (const input of inputs) {
    const names = await sheetNamesOf(input.path, maxInflatedBytes);
    if (names !== null && isAppraisalWorkbook(names)) others.push(input);
  }
  const toRead = inputs.filter((input) => !others.includes(input));
  const read = await readPoliticalFiles(toRead, rules, { maxInflatedBytes });
  for (const input of others) {
    read.unreadable.push(input.file);
    read.problems.push({
      severity: "error",
      code: "E_NOT_POLITICAL",
      file: input.file,
      sheet: "",
      cell: "",
      header: "",
      value: "",
      message: `文件“${input.file}”是季度考核工作簿（有“人员”“共性测评”工作表），不是政治素质测评工作簿。季度考核请用 assess grade；政治素质测评工作簿可用 assess template --political 生成。`,
    });
  }
  const problems = sortProblems(read.problems);
  const first = read.workbooks[0];
  if (read.unreadable.length === inputs.length || first === undefined) return { result: failed(effective, problems), workbooks: [] };

  const inError = politicalUnitsInError(read.workbooks, problems);
  const use = useByGrade(wording);
  const units = read.workbooks.flatMap((w) => evaluateWorkbook(w, rules, inError, use));
  const outDir = options.outDir ?? path.join(path.dirname(inputs[0]!.path), `${first.year}_政治素质测评_结果`);
  const plan = planFiles(read.workbooks, units, problems, { year: first.year, round: first.round, rules, effective, wording });
  const writer = await openOutputs(outDir, plan.map((f) => f.name), { force: options.force });
  const written: string[] = [];
  for (const file of plan) {
    const planned: PlannedFile = { name: file.name, bytes: await file.build() };
    written.push(await writer.write(planned));
  }
  await writer.finish();
  const exitCode = read.unreadable.length > 0 || units.some((u) => u.state === "error") || hasErrors(problems) ? 1 : 0;
  return { result: { exitCode, rules: effective, year: first.year, round: first.round, units, problems, outDir, written }, workbooks: read.workbooks };
}
