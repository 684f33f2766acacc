// The files of one run read, each on its own, then checked together (check-run.ts,
// check-units.ts). How one file is read, and where (a worker thread or this one), is the caller's:
// `readFiles` takes that function and keeps only `capacity` files in flight, taken in input order,
// so that memory holds a few workbooks' cells at a time and the result never depends on which
// file was quicker.
//
// What comes back, for `validate`, `grade` and `annual`:
// - `workbooks`: every workbook whose 年度 and 季度 could be read, errors or not, in input order
//   (a workbook without a period is left out; its problems remain). Whether a unit may be graded
//   is told by `unitsInError` (problem.ts). What of each is kept is memory.ts's `keep`.
// - `unreadable`: files refused before any sheet was parsed (one problem each).

import { checkParentLinks, joinsParentPool } from "../domain/check-units.js";
import { isGraded } from "../domain/model.js";
import type { Rules } from "../domain/rules.js";
import { checkRunIdentities, checkRunPeriods } from "../domain/check-run.js";
import type { AppraisalWorkbook } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { SharedValues } from "../read/share-values.js";
import { inOrder } from "./in-order.js";
import type { InputFile } from "./input-files.js";
import type { FileRead, PersonBases } from "./memory.js";
import type { OnProgress } from "./run-progress.js";

export interface ReadResult {
  /** The files read, in input order. */
  files: string[];
  workbooks: AppraisalWorkbook[];
  problems: Problem[];
  unreadable: string[];
  /** The bases of the workbooks read with keep `grading`, `printing` or `building` (whose ratings were not kept). */
  bases: ReadonlyMap<AppraisalWorkbook, PersonBases>;
  /** The printed rows of the workbooks read with keep `printing` (memory.ts `FileRead.printed`). */
  printed: Map<AppraisalWorkbook, Map<string, Uint8Array>>;
}

/** The checks across the files of one run (one period), after each file was read on its own. */
export function checkRun(reads: readonly FileRead[], rules: Pick<Rules, "poolSmallUnitsBelow">): ReadResult {
  const members = reads.flatMap((r) => (r.member ? [r.member] : []));
  const workbooks = members.map((m) => m.workbook);
  const bases = new Map<AppraisalWorkbook, PersonBases>();
  const printed = new Map<AppraisalWorkbook, Map<string, Uint8Array>>();
  for (const read of reads) {
    if (read.member && read.bases) bases.set(read.member.workbook, read.bases);
    if (read.member && read.printed) printed.set(read.member.workbook, read.printed);
  }
  const runUnits = new Set(workbooks.flatMap((w) => w.units.map((u) => u.code)));
  // An unknown 主管单位 is an error only where pooling needs the parent (workbook.md).
  const graded = new Map<string, number>();
  for (const person of workbooks.flatMap((w) => w.persons)) if (isGraded(person)) graded.set(person.unitCode, (graded.get(person.unitCode) ?? 0) + 1);
  const problems = [
    ...reads.flatMap((r) => r.problems),
    ...checkRunPeriods(members),
    ...checkRunIdentities(workbooks),
    ...checkParentLinks(reads.flatMap((r) => r.parents), runUnits, joinsParentPool(graded, rules.poolSmallUnitsBelow)),
  ];
  return { files: reads.map((r) => r.file), workbooks, problems, unreadable: reads.filter((r) => r.unreadable).map((r) => r.file), bases, printed };
}

/** How the files of a run are read: one file at a time by `read`, `capacity` in flight. */
export interface FileReader {
  read: (input: InputFile) => Promise<FileRead>;
  /** Files worth keeping in flight (worker-pool.ts `capacity`). */
  capacity: number;
  /** Whether a read comes back as a copy from another thread, every string its own. */
  copies: boolean;
}

/** Each file read on its own, in input order (`checkRun` then checks a run's files together). */
export async function readFiles(inputs: readonly InputFile[], reader: FileReader, onProgress?: OnProgress): Promise<FileRead[]> {
  const reads: FileRead[] = [];
  // A workbook back from a worker is a copy whose every string stands alone: share them again.
  const shared = reader.copies ? new SharedValues() : null;
  let totalPersons = 0;
  let totalErrors = 0;
  for await (const fileRead of inOrder(inputs, reader.capacity, reader.read)) {
    if (shared && fileRead.member) shared.workbook(fileRead.member.workbook);
    reads.push(fileRead);
    const workbook = fileRead.member?.workbook;
    const errors = fileRead.problems.filter((p) => p.severity === "error").length;
    totalPersons += workbook?.persons.length ?? 0;
    totalErrors += errors;
    onProgress?.({
      phase: "read",
      done: reads.length,
      total: inputs.length,
      file: fileRead.file,
      unreadable: fileRead.unreadable,
      evaluation: fileRead.evaluation === true,
      units: workbook?.units.length ?? 0,
      persons: workbook?.persons.length ?? 0,
      errors,
      totalPersons,
      totalErrors,
    });
  }
  return reads;
}
