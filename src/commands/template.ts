// `assess template` (outputs.md): the workbooks units fill in. Without a unit list or a roster,
// one blank workbook; with them, one workbook per unit, its roster pre-filled. Flow: read the
// rules → read the unit list and the roster (.xlsx or .csv) → parse them with the parsers of
// validate, so that a bad row gets the same cell-precise problem → one template per unit
// without an error → write atomically. Returns what happened; never prints.
//
// Decisions where the spec is silent:
// - Files are named `{年度}Q{季度}_{单位代码}_{单位名称}_填报.xlsx` (the kind word 填报: "to be
//   filled in"); parts that are not known are left out (`{年度}Q{季度}_填报.xlsx` for a blank
//   workbook, no period prefix without --year/--quarter).
// - --out defaults to the folder `{年度}Q{季度}_模板` (or `填报模板` without a period) in the
//   current folder.
// - --year and --quarter go together; without them 年度 and 季度 are left for the clerk.
// - A unit list or roster in .xlsx is read from its 单位 / 人员 sheet, or from its only sheet
//   when it has one sheet of another name (an export from an HR system). A filled workbook of
//   an earlier quarter can therefore serve as the roster.
// - A roster without a unit list makes one workbook per 单位代码 found in it (单位名称 left for
//   the clerk), or one workbook when it has no 单位代码.
// - A unit with an error in its rows gets no workbook; an error that belongs to no unit (a
//   missing column, a person of an unknown unit) stops every workbook. Exit code 1 either way.

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Period, Person, Unit } from "../domain/model.js";
import { groupBy } from "../domain/model.js";
import { checkParentLinks, checkUnitsHavePersons, type ParentLink } from "../domain/check-units.js";
import type { Checked, Problem } from "../domain/problem.js";
import { hasErrors, sortProblems, unitsInError } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { PERSONS_SHEET, UNITS_SHEET } from "../domain/sheets.js";
import { findSheet } from "../read/find-header-row.js";
import { readQuarter, readYear } from "../read/normalise-cell.js";
import type { PlainSheet, PlainWorkbook } from "../ooxml/plain.js";
import { readCsvFile } from "../read/read-csv.js";
import { readWorkbookFile } from "../read/read-xlsx.js";
import { writeTemplate, type TemplateUnit } from "../build/template-workbook.js";
import { loadRules } from "../read/load-rules.js";
import { parsePersonsSheet } from "../read/persons.js";
import { parseUnitsSheet } from "../read/units.js";
import { TEMPLATES_DIR } from "../build/wording-templates.js";
import { UsageError } from "../domain/usage-error.js";
import { MIB } from "../read/open-guard.js";
import { defaultOutDir, safeNamePart } from "../build/output-names.js";
import { openOutputs, writeOutputs } from "../run/write-outputs.js";

export const INSTRUCTIONS_TEMPLATE = "template-instructions.txt";
/** The kind word of a template's file name (outputs.md: `{年度}Q{季度}_{单位代码}_{单位名称}_{kind}`). */
export const TEMPLATE_KIND = "填报.xlsx";
/** workbook.md: a file whose parts inflate to more than 256 MiB is refused. */
const MAX_INFLATED_BYTES = 256 * MIB;

export interface TemplateOptions {
  /** --units: the unit list (.xlsx or .csv), as given on the command line. */
  unitsPath?: string;
  /** --roster: the roster (.xlsx or .csv), as given. */
  rosterPath?: string;
  /** --year and --quarter as typed; both or neither. */
  year?: string;
  quarter?: string;
  /** --rules, or undefined for the built-in 标准方案 (its `indicators` seed the 指标 sheet). */
  rulesPath?: string;
  /** --out, or undefined for the default folder. */
  outDir?: string;
  force: boolean;
  /** Where template-instructions.txt is; the installed templates/ folder unless a test says. */
  templatesDir?: string;
}

export interface TemplateUnitResult {
  code: string;
  name: string;
  /** The file written, as shown (outDir joined with the name), or null when the unit has an error. */
  file: string | null;
}

export interface TemplateResult {
  /** 0: every workbook written; 1: some input row has an error; 2: the command could not run. */
  exitCode: 0 | 1 | 2;
  outDir: string | null;
  /** The files written, in unit order. */
  written: string[];
  /** Each unit of the unit list (or of the roster), with its file; empty for a blank workbook. */
  units: TemplateUnitResult[];
  /** Sorted by file, sheet, row. */
  problems: Problem[];
}

/** --year/--quarter as a period, read as 参数 reads them (`3`, `Q3`, `第三季度`, `三`). */
export function periodOfFlags(year: string | undefined, quarter: string | undefined): Period | null {
  if (year === undefined && quarter === undefined) return null;
  if (year === undefined || quarter === undefined) {
    throw new UsageError("--year 和 --quarter 须同时给出（如 --year 2026 --quarter 3），或都不给（年度、季度留给填报人填写）。");
  }
  const y = readYear({ kind: "text", text: year });
  if (!y.ok || y.value === null) throw new UsageError(`--year ${y.ok ? "没有给出值" : y.fault.text}`);
  const q = readQuarter({ kind: "text", text: quarter });
  if (!q.ok || q.value === null) throw new UsageError(`--quarter ${q.ok ? "没有给出值" : q.fault.text}`);
  return { year: y.value, quarter: q.value };
}

/** `2026Q3_A01_县发展和改革局_填报.xlsx`; unknown parts left out. */
export function templateFileName(period: Period | null, unit: { code: string; name: string } | null): string {
  const parts: string[] = [];
  if (period) parts.push(`${period.year}Q${period.quarter}`);
  if (unit && unit.code !== "") parts.push(safeNamePart(unit.code));
  if (unit && unit.name !== "") parts.push(safeNamePart(unit.name));
  parts.push(TEMPLATE_KIND);
  return parts.join("_");
}

/** `{年度}Q{季度}_模板`, or `填报模板` without a period: template's folder, in the current folder. */
export function templateOutFolder(period: Period | null): string {
  return period ? `${period.year}Q${period.quarter}_模板` : "填报模板";
}

async function readInstructions(dir: string): Promise<string> {
  try {
    return (await readFile(path.join(dir, INSTRUCTIONS_TEMPLATE), "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    throw new UsageError(
      `读不到填写说明模板 ${INSTRUCTIONS_TEMPLATE}（${(error as NodeJS.ErrnoException).code ?? "读取失败"}）；请从安装包恢复 templates/${INSTRUCTIONS_TEMPLATE}。`,
    );
  }
}

/** The sheet a unit list or roster is read from, with the name its messages use. */
export interface InputSheet {
  file: string;
  sheet: PlainSheet | null;
  sheetName: string;
  problems: Problem[];
}

/**
 * Reads a unit list or roster: a .csv is one sheet named `sheetName`; an .xlsx gives its sheet of
 * that name, or its only sheet. An unreadable file is its one problem.
 */
export async function readInputSheet(file: string, sheetName: string): Promise<InputSheet | { unreadable: Problem[] }> {
  const limits = { maxInflatedBytes: MAX_INFLATED_BYTES };
  if (/\.csv$/i.test(file)) {
    const read = await readCsvFile(file, sheetName, file, limits);
    if (read.value === null) return { unreadable: read.problems };
    return { file, sheet: read.value.workbook.sheets[0] ?? null, sheetName, problems: [] };
  }
  const read = await readWorkbookFile(file, file, limits);
  if (read.value === null) return { unreadable: read.problems };
  return pickSheet(read.value, sheetName);
}

function pickSheet(workbook: PlainWorkbook, sheetName: string): InputSheet {
  const only = workbook.sheets.length === 1 ? workbook.sheets[0] : undefined;
  if (only && only.name.trim() !== sheetName) {
    return { file: workbook.file, sheet: only, sheetName: only.name.trim(), problems: [] };
  }
  const found = findSheet(workbook, sheetName, true);
  return { file: workbook.file, sheet: found.value, sheetName, problems: found.problems };
}

interface Plan {
  units: TemplateUnit[];
  persons: Person[];
  problems: Problem[];
}

async function planUnits(options: TemplateOptions): Promise<Plan | { unreadable: Problem[] }> {
  const unreadable: Problem[] = [];
  const units = options.unitsPath === undefined ? null : await readInputSheet(options.unitsPath, UNITS_SHEET.name);
  const roster = options.rosterPath === undefined ? null : await readInputSheet(options.rosterPath, PERSONS_SHEET.name);
  if (units && "unreadable" in units) unreadable.push(...units.unreadable);
  if (roster && "unreadable" in roster) unreadable.push(...roster.unreadable);
  if (unreadable.length > 0) return { unreadable };
  const unitSheet = units as InputSheet | null;
  const rosterSheet = roster as InputSheet | null;

  const problems: Problem[] = [];
  let unitList: Unit[] = [];
  let parents: ParentLink[] = [];
  if (unitSheet) {
    problems.push(...unitSheet.problems);
    if (unitSheet.sheet) {
      const parsed = parseUnitsSheet(unitSheet.file, unitSheet.sheet, unitSheet.sheetName);
      problems.push(...parsed.problems);
      unitList = parsed.units;
      parents = parsed.parents;
    }
    // a 主管单位代码 names a unit of the run (workbook.md 单位); the list is the run
    problems.push(...checkParentLinks(parents, new Set(unitList.map((u) => u.code))));
  }

  let persons: Person[] = [];
  if (rosterSheet) {
    problems.push(...rosterSheet.problems);
    if (rosterSheet.sheet) {
      const { file, sheet, sheetName } = rosterSheet;
      if (unitSheet) {
        const parsed = parsePersonsSheet(file, sheet, unitList, sheetName);
        problems.push(...parsed.problems);
        persons = parsed.persons;
      } else {
        // Without a unit list, a roster of one unit may leave 单位代码 blank; only when it names
        // several units must every row name one, as in a workbook of several units.
        let parsed = parsePersonsSheet(file, sheet, [], sheetName);
        const codes = new Set(parsed.persons.map((p) => p.unitCode));
        if (codes.size > 1) parsed = parsePersonsSheet(file, sheet, null, sheetName);
        problems.push(...parsed.problems);
        persons = parsed.persons;
        unitList = unitsNamedByRoster(persons);
      }
    }
    if (unitSheet) problems.push(...checkUnitsHavePersons(unitList, persons));
  }
  return { units: unitList.map(withoutRef), persons, problems };
}

function withoutRef(unit: Unit | TemplateUnit): TemplateUnit {
  return { code: unit.code, name: unit.name, parentCode: unit.parentCode, contact: unit.contact, phone: unit.phone, address: unit.address };
}

/** The units of a roster read without a unit list: its codes in roster order, names unknown. */
function unitsNamedByRoster(persons: readonly Person[]): Unit[] {
  const codes = [...new Set(persons.map((p) => p.unitCode))];
  if (codes.length === 0) codes.push("");
  return codes.map((code) => ({
    code,
    name: "",
    parentCode: null,
    contact: null,
    phone: null,
    address: null,
    ref: { file: "", sheet: "", cell: "", header: "" },
  }));
}

export async function makeTemplates(options: TemplateOptions): Promise<TemplateResult> {
  const period = periodOfFlags(options.year, options.quarter);
  const rules: Checked<EffectiveRules> = await loadRules(options.rulesPath);
  if (rules.value === null) {
    return { exitCode: 2, outDir: null, written: [], units: [], problems: sortProblems(rules.problems) };
  }
  const instructions = await readInstructions(options.templatesDir ?? TEMPLATES_DIR);
  const indicators = rules.value.rules.indicators;
  const outDir = options.outDir ?? defaultOutDir(templateOutFolder(period));

  if (options.unitsPath === undefined && options.rosterPath === undefined) {
    const bytes = await writeTemplate({ period, unit: null, persons: [], indicators, instructions });
    const written = await writeOutputs(outDir, [{ name: templateFileName(period, null), bytes }], { force: options.force });
    return { exitCode: 0, outDir, written, units: [], problems: sortProblems(rules.problems) };
  }

  const plan = await planUnits(options);
  if ("unreadable" in plan) {
    // an input that cannot be read leaves nothing to make a template from (outputs.md exit 2)
    return { exitCode: 2, outDir: null, written: [], units: [], problems: sortProblems(plan.unreadable) };
  }
  const problems = sortProblems([...rules.problems, ...plan.problems]);
  const inError = unitsInError(plan.units, problems);

  // Names first, checked against what is there before any workbook is built (no --force: nothing
  // is built only to be refused); then each workbook built and written in turn.
  const planned: { unit: TemplateUnit; name: string }[] = [];
  const names = new Set<string>();
  for (const unit of plan.units) {
    if (inError.has(unit.code)) continue;
    // distinct codes can still make one name once unsafe characters are replaced (`A/1`, `A_1`)
    let name = templateFileName(period, unit);
    for (let n = 2; names.has(name); n++) name = templateFileName(period, { code: `${unit.code}(${n})`, name: unit.name });
    names.add(name);
    planned.push({ unit, name });
  }
  const written: string[] = [];
  /** Each written unit's file, as outDir joined with its name. */
  const fileOfUnit = new Map<string, string>();
  if (planned.length > 0) {
    const writer = await openOutputs(outDir, [...names], { force: options.force });
    const personsOf = groupBy(plan.persons, (p) => p.unitCode);
    for (const { unit, name } of planned) {
      const persons = personsOf.get(unit.code) ?? [];
      const bytes = await writeTemplate({ period, unit: unit.code === "" ? null : unit, persons, indicators, instructions });
      const target = await writer.write({ name, bytes });
      written.push(target);
      fileOfUnit.set(unit.code, target);
    }
    await writer.finish();
  }
  const units = plan.units.map((u): TemplateUnitResult => ({ code: u.code, name: u.name, file: fileOfUnit.get(u.code) ?? null }));
  return { exitCode: hasErrors(problems) ? 1 : 0, outDir: planned.length === 0 ? null : outDir, written, units, problems };
}
