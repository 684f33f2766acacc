// What a run keeps of each workbook, and what it checks again: the one place of the memory work
// that lets `grade` take a city's thousand workbooks (issue 5).
//
// - Keep: of each workbook read, a run keeps what its command needs (`ReadKeep`): `validate` and
//   `annual` what grading needs, a `grade` of many workbooks that and the rows its units print,
//   with each graded person's I and C worked out where the file is read (`personBases`), so that
//   the 共性测评 rows go with the file.
// - Printed rows: the rows a unit's files print (工作清单, 个人小结, 个性评分, 加减分) are kept, where the
//   file is read, as each unit's share serialized and deflated (`FileRead.printed`, some 2 KB a
//   unit outside the heap, 22 KB before deflating): parsing every workbook a second time cost a
//   city's run more than a second of both cores (issue 15). The bytes go as they are to the task
//   that builds the unit's files, which takes them apart (`withShare`): this thread neither
//   rebuilds the share nor copies it again.
//   When a unit's files are built, the file is hashed again: only if its SHA-256 is still the
//   one that was graded are its units built; otherwise they get no files (`notBuilt`) and the
//   file an error (`changedFile`, E_FILE_CHANGED). A run of one workbook keeps those rows as
//   they are (`keepFor`).
// - Release: a full garbage collection between reading a run and building its outputs
//   (`releaseMemory`).

import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ShareToBuild, UnitShare } from "../build/unit-files.js";
import type { ParentLink } from "../domain/check-units.js";
import type { RunMember } from "../domain/check-run.js";
import type { GradedUnit } from "../domain/graded.js";
import { type GradingWorkbook, gradingWorkbook, type PersonBase, personBases } from "../domain/grade-run.js";
import type { AppraisalWorkbook } from "../domain/model.js";
import { type Problem, sortProblems } from "../domain/problem.js";
import type { Rules } from "../domain/rules.js";
import { isPoliticalWorkbook } from "../domain/political-sheets.js";
import { readBytes, readWorkbookBytes, refusedBy } from "../read/read-xlsx.js";
import { sheetNamesIn } from "../read/sheet-names.js";
import { SharedValues } from "../read/share-values.js";
import { parseWorkbook } from "../read/workbook.js";
import type { InputFile } from "./input-files.js";

/**
 * What of a workbook is kept once it is read and checked:
 * - `identities`: what the checks across files and the list of units need (units, persons,
 *   period);
 * - `grading`: that, the events and decisions, and each graded person's I and C (`bases`), for a
 *   run that grades and builds nothing (`validate`, `annual`): it holds about a quarter of a
 *   workbook (the 共性测评 rows are most of one);
 * - `printing`: that, and the rows its units print serialized (`FileRead.printed`), for a `grade`
 *   of many workbooks. Serializing them is a tenth of the time to read a unit's workbook: a run
 *   that builds nothing does not pay it;
 * - `building`: what grading needs and the rows its units print (工作清单, 个人小结, 个性评分) as they
 *   are, for a run of one workbook, which is not read twice;
 * - `all`: everything.
 */
export type ReadKeep = "all" | "building" | "printing" | "grading" | "identities";

/** What `grade` keeps: one workbook keeps its printed rows; several keep them serialized. */
export function keepFor(inputs: readonly InputFile[]): ReadKeep {
  return inputs.length > 1 ? "printing" : "building";
}

function identitiesOnly(workbook: AppraisalWorkbook): AppraisalWorkbook {
  return { ...workbook, indicators: [], workItems: [], summaries: [], individualScores: [], ratings: [], events: [], decisions: [] };
}

function gradingOnly(workbook: AppraisalWorkbook): AppraisalWorkbook {
  return { ...identitiesOnly(workbook), events: workbook.events, decisions: workbook.decisions };
}

const KEPT: Record<ReadKeep, (workbook: AppraisalWorkbook) => AppraisalWorkbook> = {
  all: (workbook) => workbook,
  building: (workbook) => ({ ...workbook, indicators: [], ratings: [] }),
  printing: gradingOnly,
  grading: gradingOnly,
  identities: identitiesOnly,
};

/** Each graded person's I and C, by 人员编号 (grade-run.ts). */
export type PersonBases = ReadonlyMap<string, PersonBase>;

/** One input file read and parsed on its own: the unit of work that can run in parallel. */
export interface FileRead {
  file: string;
  /** Refused before any sheet was parsed (its one problem is in `problems`). */
  unreadable: boolean;
  /** The workbook with its period, or null when the period could not be read. */
  member: RunMember | null;
  problems: Problem[];
  parents: ParentLink[];
  /** With keep `grading`, `printing` or `building`: the bases worked out from the rows that were not kept. */
  bases: PersonBases | null;
  /** With keep `printing`: each unit's share (`unitShares`) serialized by v8 and deflated, by unit code, for its files. */
  printed: Map<string, Uint8Array> | null;
  /**
   * An evaluation workbook (political.md), told by its sheets where the file was read
   * (`ReadOptions.tellEvaluations`) and not parsed: its caller checks it as one (`validate`).
   */
  evaluation?: true;
}

export interface ReadOptions {
  /** The most bytes a file's parts may inflate to (workbook.md: 256 MiB unless --max-size). */
  maxInflatedBytes: number;
  /** What of each workbook to keep; `all` unless said. */
  keep?: ReadKeep;
  /**
   * Whether an evaluation workbook (political.md) comes back as such (`FileRead.evaluation`)
   * rather than read as an appraisal workbook: `validate` tells the two kinds apart here, in the
   * task that opens the file anyway, not in a pass over every file before the workers start.
   */
  tellEvaluations?: boolean;
}

/** One file read, parsed and checked on its own, of which `options.keep` is kept. */
export async function readOneFile(input: InputFile, rules: Rules, options: ReadOptions): Promise<FileRead> {
  const limits = { maxInflatedBytes: options.maxInflatedBytes };
  const bytes = await readBytes(input.path, input.file, limits);
  if (bytes.value === null) return { file: input.file, unreadable: true, member: null, problems: refusedBy(bytes).problems, parents: [], bases: null, printed: null };
  if (options.tellEvaluations === true) {
    // As `validate` always told them: by the sheet names alone; a file whose names cannot be read
    // is read as an appraisal workbook, whose reader says what is wrong with it.
    const names = sheetNamesIn(bytes.value);
    if (names !== null && isPoliticalWorkbook(names)) {
      return { file: input.file, unreadable: false, member: null, problems: [], parents: [], bases: null, printed: null, evaluation: true };
    }
  }
  const read = await readWorkbookBytes(bytes.value, input.file, limits);
  if (read.value === null) return { file: input.file, unreadable: true, member: null, problems: read.problems, parents: [], bases: null, printed: null };
  // One SharedValues for the file: the rating parts shared as they were parsed are not shared again.
  const shared = new SharedValues();
  const parsed = parseWorkbook(read.value, rules, shared, collectingEvery(COLLECT_AFTER_ROWS));
  const { year, quarter } = parsed.places;
  const keep = options.keep ?? "all";
  const whole = parsed.workbook;
  const kept = whole === null ? null : KEPT[keep](whole);
  const workbook = kept ? shared.workbook(kept) : null;
  const member = workbook && year && quarter ? { workbook, places: { year, quarter } } : null;
  const bases = member && whole && (keep === "grading" || keep === "printing" || keep === "building") ? personBases(whole, rules) : null;
  const printed = member && whole && keep === "printing" ? serializedShares(unitShares(whole)) : null;
  return { file: input.file, unreadable: false, member, problems: parsed.problems, parents: parsed.parents, bases, printed };
}

/**
 * The run's workbooks as grading takes them (grade-run.ts): with the bases worked out where each
 * was read (keep `grading`, `printing` or `building`), or from its rows (keep `all`).
 */
export function gradingWorkbooks(
  read: { workbooks: readonly AppraisalWorkbook[]; bases: ReadonlyMap<AppraisalWorkbook, PersonBases> },
  rules: Rules,
): GradingWorkbook[] {
  return read.workbooks.map((workbook) => {
    const bases = read.bases.get(workbook);
    return bases ? { ...workbook, bases } : gradingWorkbook(workbook, rules);
  });
}

/** The shares of a workbook's units by unit code, or null when the file is no longer the one graded. */
export type UnitShares = Map<string, ShareToBuild> | null;

/**
 * Each unit's share serialized on its own (a workbook of many units is not taken apart for each)
 * and deflated: a unit's rows repeat their words and dates, and its 22 KB become 2 KB for some
 * 0.3 ms (and 0.1 ms to inflate). The thread that holds the run holds every unit's share until
 * the unit is built, and the memory it takes for them stays its own to the end of the run (the C
 * library does not hand back the middle of its heap): undeflated, a city's shares were 22 MB of
 * its peak.
 */
function serializedShares(shares: Map<string, UnitShare>): Map<string, Uint8Array> {
  // A copy the deflated bytes' own size: zlib gives a view into a 16 KB piece, which would be
  // kept, and sent between threads, whole.
  return new Map([...shares].map(([code, share]) => [code, new Uint8Array(deflateRawSync(v8.serialize(share), SHARE_DEFLATE))]));
}

/** zlib's fastest level: the shares are deflated for memory, once, and inflated once. */
const SHARE_DEFLATE = { level: 1 };

/** A unit's build as its task builds it: with its share taken apart when it came serialized. */
export function withShare<T extends { workbook: ShareToBuild }>(unit: T): T & { workbook: UnitShare } {
  const { workbook } = unit;
  return { ...unit, workbook: workbook instanceof Uint8Array ? (v8.deserialize(inflateRawSync(workbook)) as UnitShare) : workbook };
}

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
      share = { period: workbook.period, settings: workbook.settings, workItems: [], summaries: [], individualScores: [], events: [] };
      shares.set(code, share);
    }
    return share;
  };
  for (const item of workbook.workItems) shareOf(item.personId)?.workItems.push(item);
  for (const summary of workbook.summaries) shareOf(summary.personId)?.summaries.push(summary);
  for (const score of workbook.individualScores) shareOf(score.personId)?.individualScores.push(score);
  // The slips print each 加分/减分/否决/限好 with its 事由 (outputs.md Per unit 3).
  for (const event of workbook.events) shareOf(event.personId)?.events.push(event);
  return shares;
}

/**
 * The buffers `isFileGraded` reads into, kept for the next file: the thread that holds the run
 * hashes every input again while the units are built and otherwise allocates little, so a new
 * buffer for each file (a read stream's 64 KiB) stayed until its rare collections, up to 52 MiB for
 * a city (its peak fell by some 19 MiB). As many as are hashed at once.
 */
const HASH_PIECE_BYTES = 64 * 1024;
const HASH_PIECES: Buffer[] = [];

/**
 * The largest file hashed without giving way to other work. The thread that hashes the inputs
 * also hands out the builds; a unit's workbook (some 23 KB) read at once costs it 40–60 µs of
 * CPU, against some 0.25 ms through the four asynchronous steps of a file handle (open, read,
 * read to the end, close): for a city's thousand files, 41–58 ms instead of 237–263 ms. Up to
 * 4 MiB, a pause of some 10 ms at most; a larger file gives way after each piece.
 */
const HASH_AT_ONCE_BYTES = 4 * 1024 * 1024;

/**
 * Whether the file at `input` is still the one graded: its bytes have the SHA-256 read then. Read
 * a piece at a time, so that a file replaced by a far larger one costs no memory, into pieces
 * reused from file to file (`HASH_PIECES`).
 */
export async function isFileGraded(input: InputFile, sha256: string): Promise<boolean> {
  const piece = HASH_PIECES.pop() ?? Buffer.allocUnsafeSlow(HASH_PIECE_BYTES);
  let descriptor: number | null = null;
  try {
    descriptor = openSync(input.path, "r");
    const givesWay = fstatSync(descriptor).size > HASH_AT_ONCE_BYTES;
    const hash = createHash("sha256");
    for (;;) {
      const bytesRead = readSync(descriptor, piece, 0, piece.length, null);
      if (bytesRead === 0) break;
      hash.update(piece.subarray(0, bytesRead));
      if (givesWay) await new Promise((resolve) => setImmediate(resolve));
    }
    return hash.digest("hex") === sha256;
  } catch {
    // Moved, deleted or locked since: not the file graded.
    return false;
  } finally {
    if (descriptor !== null) closeSync(descriptor);
    HASH_PIECES.push(piece);
  }
}

/**
 * Where a workbook's shares come from when its units are built: the workbook itself when it was
 * kept with its rows (`building`), else the shares kept serialized where its file was read
 * (`printed`), once the file is found to be still the one graded; null when it is not. Each
 * workbook's printed shares are let go once taken.
 */
export function sharesSource(
  keep: ReadKeep,
  inputs: readonly InputFile[],
  printed: Map<AppraisalWorkbook, Map<string, Uint8Array>>,
): (workbook: AppraisalWorkbook) => Promise<UnitShares> {
  const inputOf = new Map<string, InputFile>(inputs.map((input) => [input.file, input]));
  return async (workbook) => {
    if (keep === "building") return unitShares(workbook);
    const input = inputOf.get(workbook.file);
    const kept = printed.get(workbook);
    if (!input || !kept) throw new Error(`workbook ${workbook.file} is not an input of the run read with its printed rows`);
    printed.delete(workbook);
    return (await isFileGraded(input, workbook.sha256)) ? kept : null;
  };
}

/** A file hashed again for its units' files that is no longer the file that was graded. */
export function changedFile(file: string): Problem {
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

/** A file hashed again that is no longer the file graded, and its units, now not built. */
export interface ChangedFile {
  file: string;
  units: GradedUnit[];
}

/** The run's units and problems once files changed during the run: their units 错误, each file an error. */
export function withChangedFiles(
  units: readonly GradedUnit[],
  problems: readonly Problem[],
  changed: readonly ChangedFile[],
): { units: GradedUnit[]; problems: Problem[] } {
  if (changed.length === 0) return { units: [...units], problems: [...problems] };
  const unbuilt = new Map(changed.flatMap((file) => file.units.map((unit) => [unit.unit.code, unit] as const)));
  return {
    units: units.map((unit) => unbuilt.get(unit.unit.code) ?? unit),
    problems: sortProblems([...problems, ...changed.map((file) => changedFile(file.file))]),
  };
}

/** A unit whose files cannot be built after all: not graded, as a unit with an input error. */
export function notBuilt(unit: GradedUnit): GradedUnit {
  return { ...unit, state: "error", persons: [], changes: [] };
}

let collect: (() => void) | null | undefined;

/**
 * Rows parsed between two collections of a large workbook's garbage. Parsing a city in one
 * workbook (40,000 persons: a 工作清单 and a 共性测评 of over 100,000 rows each), V8 let the heap
 * grow to four times what had been live at its last collection before it collected again: grade
 * peaked at 502–513 MiB and validate at 531–536 (/usr/bin/time, alternated runs). Collected after
 * each such sheet (two collections, 0.09 and 0.19 s), 450–458 and 467–470. A unit's own workbook
 * (some 500 rows) is never collected here.
 */
const COLLECT_AFTER_ROWS = 100_000;

/**
 * A parser's `afterSheet` (read/workbook.ts): `collect` once at least `rows` rows were parsed
 * since the last time.
 */
export function collectingEvery(rows: number, collect: () => void = releaseMemory): (parsed: number) => void {
  let since = 0;
  return (parsed) => {
    since += parsed;
    if (since < rows) return;
    since = 0;
    collect();
  };
}

/**
 * Collects garbage now, if this Node lets it; otherwise does nothing (memory is only kept longer).
 *
 * Parsing a workbook of a whole city (40,000 persons, 400,000 ratings) leaves some 700 MB of
 * garbage that V8, seeing no pressure, keeps while the worker threads build the outputs: the run
 * peaked over 1 GiB (issue 5's limit) for 130 MB of live data. Node gives no gc() without
 * --expose-gc on the command line, which the `assess` launcher cannot pass; the flag is set here
 * and gc() taken from a new context, as Node's own documentation of v8.setFlagsFromString shows
 * for such flags.
 */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      const gc: unknown = vm.runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
