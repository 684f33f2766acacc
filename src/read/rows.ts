// Reading one data row of a found sheet: each typed read names its cell, and every fault becomes
// a problem of the row (workbook.md "Cell values"; outputs.md "Problems"). The sheet parsers
// (parse-*.ts) read columns by header and say which unit the row belongs to once they know it.

import type { PersonReference, ReferenceUse } from "../domain/check-person-references.js";
import type { Exact } from "../domain/exact.js";
import type { Grade } from "../domain/labels.js";
import type { CellRef, Period } from "../domain/model.js";
import { monthLabel, quarterMonths, quarterMonthsText } from "../domain/months.js";
import { quarterText } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { problemAt } from "../domain/problem.js";
import { type ProblemCode, severityOf } from "../domain/problem-codes.js";
import type { HeaderLayout } from "./find-header-row.js";
import type { CellFault, CellRead, NumberRange } from "./normalise-cell.js";
import {
  cellText,
  choiceText,
  rangeText,
  readChoice,
  readDate,
  readGradeOrPoints,
  readId,
  readMonth,
  readNumber,
  readText,
  residentIdFault,
} from "./normalise-cell.js";
import { BLANK, cellAddress, type CellValue } from "../ooxml/plain.js";


/** `个性评分!D7「工作质量」`: where a message starts. */
export function placeOf(ref: CellRef): string {
  const at = ref.cell === "" ? ref.sheet : `${ref.sheet}!${ref.cell}`;
  return ref.header === "" ? at : `${at}「${ref.header}」`;
}

export function faultProblem(ref: CellRef, fault: CellFault): Problem {
  return problemAt(ref, fault.severity, fault.code, fault.found, `${placeOf(ref)}${fault.text}`);
}

/** How a blank required cell is told: what to fill in. */
type Requirement = { code: ProblemCode; expected: string } | null;

/**
 * Whether a read cell is blank, so that a required cell's requirement (its text made anew each
 * time) is made only for a blank one: a city's rows read millions of filled-in cells.
 */
function blank(read: CellRead<unknown>): boolean {
  return read.ok && read.value === null;
}

/** One data row of a sheet; reads push their problems here until the row is finished. */
export class RowReader {
  readonly problems: Problem[] = [];
  private readonly refs: CellRef[] = [];

  constructor(
    readonly file: string,
    readonly layout: HeaderLayout,
    readonly row: number,
  ) {}

  has(header: string): boolean {
    return this.layout.columns.has(header);
  }

  /** The cell under `header` (blank when the sheet has no such column). */
  cell(header: string): CellValue {
    const column = this.layout.columns.get(header);
    return column === undefined ? BLANK : this.layout.sheet.cell(this.row, column);
  }

  /**
   * The cell under `header`, one object per cell of the row however often it is asked for: a
   * rating's reference, presence and rating name the same cell, and a city in one workbook has
   * 400,000 of them. Nobody changes a CellRef once made (share-values.ts only shares its strings).
   */
  ref(header: string): CellRef {
    for (const ref of this.refs) if (ref.header === header) return ref;
    const column = this.layout.columns.get(header);
    const ref: CellRef = {
      file: this.file,
      sheet: this.layout.sheetName,
      cell: column === undefined ? "" : cellAddress(this.row, column),
      header,
    };
    this.refs.push(ref);
    return ref;
  }

  /** A problem at the cell under `header`. */
  report(header: string, code: ProblemCode, value: string, message: string): void {
    this.problems.push(problemAt(this.ref(header), severityOf(code), code, value, message));
  }

  /** `人员!C7「姓名」`. */
  place(header: string): string {
    return placeOf(this.ref(header));
  }

  private take<T>(header: string, read: CellRead<T | null>, requirement: Requirement): T | null {
    if (!read.ok) {
      this.problems.push(faultProblem(this.ref(header), read.fault));
      return null;
    }
    if (read.value === null && requirement !== null) {
      this.report(header, requirement.code, "", `${this.place(header)}没有填写，${requirement.expected}。`);
    }
    return read.value;
  }

  text(header: string, required = false): string | null {
    const read = readText(this.cell(header));
    return this.take(header, read, required && blank(read) ? { code: "E_REQUIRED", expected: `请填写${header}` } : null);
  }

  id(header: string, required = false): string | null {
    const read = readId(this.cell(header));
    return this.take(header, read, required && blank(read) ? { code: "E_REQUIRED", expected: `请填写${header}` } : null);
  }

  /** A 人员编号 of the roster: also checked as a resident ID number when it looks like one. */
  personId(header: string): string | null {
    const id = this.id(header, true);
    const warning = id === null ? null : residentIdFault(id);
    if (warning) this.problems.push(faultProblem(this.ref(header), warning));
    return id;
  }

  number(header: string, range: NumberRange, required = false): Exact | null {
    const read = readNumber(this.cell(header), range);
    return this.take(header, read, required && blank(read) ? { code: "E_REQUIRED", expected: rangeText(range) } : null);
  }

  /** A score cell: blank is an error of its own, since a score is never guessed (workbook.md). */
  score(header: string, range: NumberRange): Exact | null {
    const read = readNumber(this.cell(header), range);
    if (read.ok && read.value === null) {
      this.report(header, "E_BLANK_SCORE", "", `${this.place(header)}没有填写。评分不会被推定，请填写${rangeText(range).replace(/^应为/, "")}。`);
      return null;
    }
    return this.take(header, read, null);
  }

  /** A 共性 indicator cell: a grade word or points; blank is an error as for any score. */
  gradeOrPoints(header: string, range: NumberRange): { grade: Grade } | { points: Exact } | null {
    const read = readGradeOrPoints(this.cell(header), range);
    if (read.ok && read.value === null) {
      this.report(
        header,
        "E_BLANK_SCORE",
        "",
        `${this.place(header)}没有填写。评分不会被推定，请填写好、较好、一般、较差之一，或${rangeText(range).replace(/^应为/, "")}。`,
      );
      return null;
    }
    return this.take(header, read, null);
  }

  date(header: string, required = false): string | null {
    const read = readDate(this.cell(header));
    return this.take(header, read, required && blank(read) ? { code: "E_REQUIRED", expected: "请填写日期，如 2026-10-09" } : null);
  }

  /**
   * 月份: a month of the workbook's quarter, or null when blank (workbook.md 工作清单, 个人小结).
   * A month outside the quarter is an error naming the quarter's months; without a period (参数
   * unreadable, an error of its own) any month is taken.
   */
  month(header: string, period: Period | null): number | null {
    const month = this.take(header, readMonth(this.cell(header)), null);
    if (month === null || period === null || quarterMonths(period.quarter).includes(month)) return month;
    const found = cellText(this.cell(header));
    // A date or a word is followed by the month it was read as: “2026-11-05”（11月）.
    const shown = found === String(month) || found === monthLabel(month) ? `“${found}”` : `“${found}”（${monthLabel(month)}）`;
    this.report(
      header,
      "E_MONTH_QUARTER",
      found,
      `${this.place(header)}填写了${shown}，不在本工作簿的考核期${period.year}年${quarterText(period.quarter)}内。` +
        `月份应为${quarterMonthsText(period.quarter)}之一；属于整个季度的可不填月份。`,
    );
    return null;
  }

  choice<K extends string>(header: string, table: Record<K, string>, required = false): K | null {
    const read = readChoice(this.cell(header), table);
    return this.take(header, read, required && blank(read) ? { code: "E_REQUIRED", expected: choiceText(table) } : null);
  }

  /** The row's problems, each naming `unit` when the row belongs to one (problem.ts). */
  finish(unit: string | undefined): Problem[] {
    return unit === undefined ? this.problems : this.problems.map((p) => ({ ...p, unit }));
  }
}

/** What the sheet parsers after 人员 need: the file, and the unit a person's row belongs to. */
export interface SheetContext {
  file: string;
  unitOf: (personId: string | null) => string | undefined;
  /** Whether the 人员 sheet lists this person (rows of unknown persons are reported, not read). */
  known: (personId: string) => boolean;
  /** Whether the person is listed and graded: only their scoring rows are read (workbook.md). */
  graded: (personId: string) => boolean;
  /** Whether checking the reference would find nothing to say (check-person-references.ts `isQuietReference`). */
  quiet: (reference: PersonReference) => boolean;
}

/**
 * Adds a row's person reference to those checked against 人员, unless checking it would find
 * nothing: a city in one workbook has 400,000 rating rows, nearly all of them quiet.
 */
export function addReference(context: SheetContext, references: PersonReference[], reference: PersonReference): void {
  if (!context.quiet(reference)) references.push(reference);
}

/** The row's person as named in another sheet, read here once: its 人员编号 and the 姓名 beside it. */
export function personReference(r: RowReader, use: ReferenceUse, personId: string, idHeader: string, nameHeader: string): PersonReference {
  const name = r.text(nameHeader);
  return { use, personId, name, idRef: r.ref(idHeader), nameRef: r.has(nameHeader) ? r.ref(nameHeader) : null };
}
