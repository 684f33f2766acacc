// A problem is data, not an exception (STYLE.md habit 2; outputs.md "Problems"): checks push
// problems and go on, so that a clerk sees every problem of a run at once.

import type { CellRef, Unit } from "./model.js";
import type { ProblemCode, Severity } from "./problem-codes.js";
import { groupBy } from "./model.js";

export type { ProblemCode, Severity } from "./problem-codes.js";
export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告" };

export interface Problem {
  severity: Severity;
  /** Rule code, e.g. E_SCORE_RANGE (problem-codes.ts: errors start with E_, warnings with W_). */
  code: ProblemCode;
  /** The file as the clerk named it (relative to where the command ran), or "" for the rules. */
  file: string;
  /** Sheet name, or "" when the problem is about the whole file or the run. */
  sheet: string;
  /** A1 address (`C7`), or "" for a whole sheet or file. */
  cell: string;
  /** The column header the cell is under, or "". */
  header: string;
  /** The value found, as text, or "". */
  value: string;
  /** What to change, in Chinese, naming the cell: `个性评分!D7「工作质量」填写了“九十”，应为 0 至 40 之间的数字。` */
  message: string;
  /**
   * The unit code an error belongs to, when it can be told (a person's row). Absent: the whole
   * file (every unit in it). Used to decide which units are graded; not part of the JSON shape.
   */
  unit?: string;
}

/**
 * What a check makes: its value, or null when a problem stopped it, and every problem it found
 * on the way (warnings come with a value). The one shape of "value or problems", from a file
 * refused before any sheet is read (one problem, `refused`) and a sheet's header row to the rules
 * file and a pool's grades. A single cell's read (normalise-cell.ts CellRead) is not one: it has
 * no place yet, and the row that reads it makes the problem (rows.ts).
 */
export interface Checked<T> {
  value: T | null;
  problems: Problem[];
}

/** A check that made its value, with no problem. */
export function checked<T>(value: T): Checked<T> {
  return { value, problems: [] };
}

/** A check refused by one problem (a file that cannot be read is refused by exactly one). */
export function refused(problem: Problem): Checked<never> {
  return { value: null, problems: [problem] };
}

export function problemAt(
  ref: CellRef,
  severity: Severity,
  code: ProblemCode,
  value: string,
  message: string,
): Problem {
  return { severity, code, file: ref.file, sheet: ref.sheet, cell: ref.cell, header: ref.header, value, message };
}

/**
 * Each unit's problems, in the order of `problems`: those naming it, and those about its whole
 * file (a problem without a unit belongs to every unit of its file). One pass over the problems.
 */
export function problemsByUnit(units: readonly Pick<Unit, "code" | "ref">[], problems: readonly Problem[]): Map<string, Problem[]> {
  const unitsOfFile = groupBy(units, (unit) => unit.ref.file);
  const byUnit = new Map<string, Problem[]>();
  const add = (code: string, problem: Problem): void => {
    const list = byUnit.get(code);
    if (list) list.push(problem);
    else byUnit.set(code, [problem]);
  };
  for (const problem of problems) {
    if (problem.unit !== undefined) add(problem.unit, problem);
    else for (const unit of unitsOfFile.get(problem.file) ?? []) add(unit.code, problem);
  }
  return byUnit;
}

/**
 * The codes of the units that have an error of their own or of their whole file: a problem
 * without a unit belongs to every unit of its file, and a unit without a place (a template's, made
 * from a roster) to every file's.
 */
export function unitsInError(units: readonly { code: string; ref?: Pick<CellRef, "file"> }[], problems: readonly Problem[]): Set<string> {
  const placed = groupBy(
    units.filter((unit) => unit.ref !== undefined),
    (unit) => unit.ref?.file,
  );
  const unplaced = units.filter((unit) => unit.ref === undefined);
  const inError = new Set<string>();
  for (const problem of problems) {
    if (problem.severity !== "error") continue;
    if (problem.unit !== undefined) inError.add(problem.unit);
    else for (const unit of [...(placed.get(problem.file) ?? []), ...unplaced]) inError.add(unit.code);
  }
  return inError;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

function rowOf(cell: string): number {
  const m = /\d+$/.exec(cell);
  return m ? Number(m[0]) : 0;
}

function columnOf(cell: string): number {
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? "";
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Stable order for reports: file, sheet, row, column, then as found (outputs.md "Problems"). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) ||
        (a.p.sheet < b.p.sheet ? -1 : a.p.sheet > b.p.sheet ? 1 : 0) ||
        rowOf(a.p.cell) - rowOf(b.p.cell) ||
        columnOf(a.p.cell) - columnOf(b.p.cell) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}
