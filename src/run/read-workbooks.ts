// PATH... → checked workbooks of one run (outputs.md "Commands": a PATH is a workbook or a folder
// of .xlsx files, not descending, `~$` lock files skipped). Each file is read, parsed and checked
// on its own; then the run is checked across files (check-run.ts, check-units.ts). Files are read
// by a task runner (worker-pool.ts: worker threads, or this thread with --jobs 1), a few at a
// time and taken in input order, so that memory holds a few workbooks' cells at a time and the
// result never depends on which file was quicker.
//
// What comes back, for `validate`, `grade` and `annual`:
// - `workbooks`: every workbook whose 年度 and 季度 could be read, errors or not, in input order
//   (a workbook without a period is left out; its problems remain). Whether a unit may be graded
//   is told by `unitsInError`. What of each is kept is said by `keep`: a run of a thousand
//   workbooks keeps their identities and what grading needs, not their rows.
// - `unreadable`: files refused before any sheet was parsed (one problem each).
//
// The rows a unit's files print (工作清单, 个性评分) are read again, one workbook at a time, when
// its files are built (`readUnitShares`), and only from the very file that was graded.

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { checkParentLinks, joinsParentPool, type ParentLink } from "../domain/check-units.js";
import { checkRunIdentities, checkRunPeriods, type RunMember } from "../domain/check-run.js";
import { type GradingWorkbook, gradingWorkbook, type PersonBase, personBases } from "../domain/grade-run.js";
import type { AppraisalWorkbook } from "../domain/model.js";
import { isGraded } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { problemsByUnit } from "../domain/problem.js";
import type { Rules } from "../domain/rules.js";
import { COMMON_SHEET, DECISIONS_SHEET, EVENTS_SHEET } from "../domain/sheets.js";
import { sheetNameOf } from "../read/find-header-row.js";
import { readWorkbookFile } from "../read/read-xlsx.js";
import { inOrder } from "./in-order.js";
import { parseWorkbook } from "../read/workbook.js";
import type { OnProgress } from "./run-progress.js";
import { SharedValues } from "../read/share-values.js";
import { UsageError } from "./usage-error.js";
import type { TaskRunner } from "./worker-pool.js";

export interface InputFile {
  /** Where to read it. */
  path: string;
  /** The file as the clerk named it: as given, or the folder as given joined with the file's name. */
  file: string;
}

export interface ReadOptions {
  /** The most bytes a file's parts may inflate to (workbook.md: 256 MiB unless --max-size). */
  maxInflatedBytes: number;
  /** What of each workbook to keep; `all` unless said. */
  keep?: ReadKeep;
}

/**
 * What of a workbook is kept once it is read and checked:
 * - `identities`: what the checks across files and the list of units need (units, persons,
 *   period), for `validate`, which grades nothing;
 * - `grading`: that, the events and decisions, and each graded person's I and C (`bases`), for a
 *   run that grades many workbooks: it holds about a quarter of a workbook (the 共性测评 rows are
 *   most of one), and the rows its units print are read again when their files are built;
 * - `building`: that and the rows its units print (工作清单, 个性评分), for a run of one workbook,
 *   which is not read twice;
 * - `all`: everything.
 */
export type ReadKeep = "all" | "building" | "grading" | "identities";

function identitiesOnly(workbook: AppraisalWorkbook): AppraisalWorkbook {
  return { ...workbook, indicators: [], workItems: [], individualScores: [], ratings: [], events: [], decisions: [] };
}

const KEPT: Record<ReadKeep, (workbook: AppraisalWorkbook) => AppraisalWorkbook> = {
  all: (workbook) => workbook,
  building: (workbook) => ({ ...workbook, indicators: [], ratings: [] }),
  grading: (workbook) => ({ ...identitiesOnly(workbook), events: workbook.events, decisions: workbook.decisions }),
  identities: identitiesOnly,
};

/** Each graded person's I and C, by 人员编号 (grade-run.ts). */
export type PersonBases = ReadonlyMap<string, PersonBase>;

export interface ReadResult {
  /** The files read, in input order. */
  files: string[];
  workbooks: AppraisalWorkbook[];
  problems: Problem[];
  unreadable: string[];
  /** The bases of the workbooks read with keep `grading` or `building` (whose ratings were not kept). */
  bases: ReadonlyMap<AppraisalWorkbook, PersonBases>;
}

const LOCK_FILE = /^~\$/;
const WORKBOOK_FILE = /\.xlsx$/i;

/**
 * The files named by PATH...: a file as it is (whatever its extension: the reader says what it
 * is), a folder's `.xlsx` files sorted by name. A PATH that does not exist cannot run (exit 2).
 */
export async function expandPaths(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, file: path });
  };
  for (const given of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(given)).isDirectory();
    } catch {
      throw new UsageError(`找不到“${given}”。请检查文件或文件夹的路径和名称是否正确。`);
    }
    if (!isFolder) {
      add(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && WORKBOOK_FILE.test(e.name) && !LOCK_FILE.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) {
      throw new UsageError(`文件夹“${given}”中没有 .xlsx 工作簿（不读取子文件夹）。请检查路径，或把工作簿放入该文件夹。`);
    }
    for (const name of names) add(join(given, name));
  }
  if (files.length === 0) throw new UsageError("没有给出要读取的工作簿。");
  return files;
}

/** One input file read and parsed on its own: the unit of work that can run in parallel. */
export interface FileRead {
  file: string;
  /** Refused before any sheet was parsed (its one problem is in `problems`). */
  unreadable: boolean;
  /** The workbook with its period, or null when the period could not be read. */
  member: RunMember | null;
  problems: Problem[];
  parents: ParentLink[];
  /** With keep `grading` or `building`: the bases worked out from the rows that were not kept. */
  bases: PersonBases | null;
}

export async function readOneFile(input: InputFile, rules: Rules, options: ReadOptions): Promise<FileRead> {
  const read = await readWorkbookFile(input.path, input.file, { maxInflatedBytes: options.maxInflatedBytes });
  if ("problem" in read) return { file: input.file, unreadable: true, member: null, problems: [read.problem], parents: [], bases: null };
  // One SharedValues for the file: the rating parts shared as they were parsed are not shared again.
  const shared = new SharedValues();
  const parsed = parseWorkbook(read.workbook, rules, shared);
  const { year, quarter } = parsed.places;
  const keep = options.keep ?? "all";
  const whole = parsed.workbook;
  const kept = whole === null ? null : KEPT[keep](whole);
  const workbook = kept ? shared.workbook(kept) : null;
  const member = workbook && year && quarter ? { workbook, places: { year, quarter } } : null;
  const bases = member && whole && (keep === "grading" || keep === "building") ? personBases(whole, rules) : null;
  return { file: input.file, unreadable: false, member, problems: parsed.problems, parents: parsed.parents, bases };
}

/**
 * The run's workbooks as grading takes them (grade-run.ts): with the bases worked out where each
 * was read (keep `grading` or `building`), or from its rows (keep `all`).
 */
export function gradingWorkbooks(read: Pick<ReadResult, "workbooks" | "bases">, rules: Rules): GradingWorkbook[] {
  return read.workbooks.map((workbook) => {
    const bases = read.bases.get(workbook);
    return bases ? { ...workbook, bases } : gradingWorkbook(workbook, rules);
  });
}

/** A unit's share of its workbook: its persons' work items and 个性评分 rows, all that its files print. */
export type UnitShare = Pick<AppraisalWorkbook, "period" | "settings" | "workItems" | "individualScores">;

/**
 * Each unit's share of its workbook, by unit code. Made in one pass over the workbook, not one
 * per unit (a workbook may hold a whole city).
 */
export function unitShares(workbook: AppraisalWorkbook): Map<string, UnitShare> {
  const shares = new Map<string, UnitShare>();
  const unitOf = new Map(workbook.persons.map((person) => [person.id, person.unitCode]));
  const shareOf = (personId: string): UnitShare | undefined => {
    const code = unitOf.get(personId);
    if (code === undefined) return undefined;
    let share = shares.get(code);
    if (!share) {
      share = { period: workbook.period, settings: workbook.settings, workItems: [], individualScores: [] };
      shares.set(code, share);
    }
    return share;
  };
  for (const item of workbook.workItems) shareOf(item.personId)?.workItems.push(item);
  for (const score of workbook.individualScores) shareOf(score.personId)?.individualScores.push(score);
  return shares;
}

/** The sheets a unit's share does not come from, left unread when a workbook is read again. */
const NOT_IN_SHARES = new Set([COMMON_SHEET.name, EVENTS_SHEET.name, DECISIONS_SHEET.name]);

/**
 * A workbook read with keep `grading`, read again when its units' files are built: each unit's
 * share, or null when the file is no longer the one that was graded (changed, moved or unreadable
 * since; told by its SHA-256). Its problems were reported by the first reading; the sheets the
 * shares do not come from are not read (共性测评 is most of a workbook), as findSheet names them.
 */
export async function readUnitShares(
  input: InputFile,
  sha256: string,
  rules: Rules,
  options: Pick<ReadOptions, "maxInflatedBytes">,
): Promise<Map<string, UnitShare> | null> {
  const sheets = (name: string): boolean => !NOT_IN_SHARES.has(sheetNameOf(name));
  const read = await readWorkbookFile(input.path, input.file, { ...options, sheets });
  if ("problem" in read || read.workbook.sha256 !== sha256) return null;
  const parsed = parseWorkbook(read.workbook, rules);
  return parsed.workbook ? unitShares(parsed.workbook) : null;
}

/** The checks across the files of one run (one period), after each file was read on its own. */
export function checkRun(reads: readonly FileRead[], rules: Pick<Rules, "poolSmallUnitsBelow">): ReadResult {
  const members = reads.flatMap((r) => (r.member ? [r.member] : []));
  const workbooks = members.map((m) => m.workbook);
  const bases = new Map<AppraisalWorkbook, PersonBases>();
  for (const read of reads) if (read.member && read.bases) bases.set(read.member.workbook, read.bases);
  const runUnits = new Set(workbooks.flatMap((w) => w.units.map((u) => u.code)));
  const graded = new Map<string, number>();
  for (const person of workbooks.flatMap((w) => w.persons)) if (isGraded(person)) graded.set(person.unitCode, (graded.get(person.unitCode) ?? 0) + 1);
  const problems = [
    ...reads.flatMap((r) => r.problems),
    ...checkRunPeriods(members),
    ...checkRunIdentities(workbooks),
    ...checkParentLinks(reads.flatMap((r) => r.parents), runUnits, joinsParentPool(graded, rules.poolSmallUnitsBelow)),
  ];
  return { files: reads.map((r) => r.file), workbooks, problems, unreadable: reads.filter((r) => r.unreadable).map((r) => r.file), bases };
}

export interface RunReadOptions extends ReadOptions {
  /** Where the files are read (worker-pool.ts); without one, here, one after another. */
  runner?: TaskRunner;
  onProgress?: OnProgress;
}

export async function readWorkbooks(paths: readonly string[], rules: Rules, options: RunReadOptions): Promise<ReadResult> {
  return checkRun(await readFiles(await expandPaths(paths), rules, options), rules);
}

/** Each file read on its own, in input order (`checkRun` then checks a run's files together). */
export async function readFiles(inputs: readonly InputFile[], rules: Rules, options: RunReadOptions): Promise<FileRead[]> {
  const keep = options.keep ?? "all";
  // A single file gains nothing from a worker, and sending a city-sized workbook back would copy it.
  const runner = inputs.length > 1 ? options.runner : undefined;
  const read = (input: InputFile): Promise<FileRead> =>
    runner ? runner.run({ kind: "read", input, keep }) : readOneFile(input, rules, { ...options, keep });
  const reads: FileRead[] = [];
  // A workbook back from a worker is a copy whose every string stands alone: share them again.
  const shared = runner?.copies ? new SharedValues() : null;
  let totalPersons = 0;
  let totalErrors = 0;
  for await (const fileRead of inOrder(inputs, runner?.capacity ?? 1, read)) {
    if (shared && fileRead.member) shared.workbook(fileRead.member.workbook);
    reads.push(fileRead);
    const workbook = fileRead.member?.workbook;
    const errors = fileRead.problems.filter((p) => p.severity === "error").length;
    totalPersons += workbook?.persons.length ?? 0;
    totalErrors += errors;
    options.onProgress?.({
      phase: "read",
      done: reads.length,
      total: inputs.length,
      file: fileRead.file,
      unreadable: fileRead.unreadable,
      units: workbook?.units.length ?? 0,
      persons: workbook?.persons.length ?? 0,
      errors,
      totalPersons,
      totalErrors,
    });
  }
  return reads;
}

/** The codes of the units that have an error of their own or of their whole file (problem.ts `unit`). */
export function unitsInError(workbooks: readonly AppraisalWorkbook[], problems: readonly Problem[]): Set<string> {
  const errors = problemsByUnit(
    workbooks.flatMap((w) => w.units),
    problems.filter((p) => p.severity === "error"),
  );
  return new Set(errors.keys());
}
