// A tiny builder of graded quarters for the annual tests: one line per person, grades and totals
// written as a clerk reads them (好, "92.50"), so the tables stay readable.

import type { AnnualQuarter, Quarter } from "../../../src/domain/annual.js";
import { exact } from "../../../src/domain/exact.js";
import type { GradedPerson, GradedUnit, UnitState } from "../../../src/domain/graded.js";
import type { Outcome, PersonKind, Status } from "../../../src/domain/labels.js";
import { OUTCOME_LABEL, fromLabel } from "../../../src/domain/labels.js";

/** A person in a quarter's result: graded (grade label and S) or not graded. */
export interface PersonLine {
  id: string;
  name: string;
  /** 好, 较好, 一般, 较差, 待定; null when not graded. */
  grade: string | null;
  total: string | null;
  kind?: PersonKind;
  status?: Status;
}

/** A graded person: `graded("P01", "张三", "好", "95")`. */
export function graded(id: string, name: string, grade: string, total: string): PersonLine {
  return { id, name, grade, total };
}

/** A person listed but not graded (不参加 by default, or a 领导成员). */
export function notGraded(id: string, name: string, kind: PersonKind = "staff", status: Status = "excluded"): PersonLine {
  return { id, name, grade: null, total: null, kind, status: kind === "leadership" ? "participating" : status };
}

function gradedPerson(line: PersonLine, unitCode: string, quarter: Quarter, row: number): GradedPerson {
  const outcome: Outcome | null = line.grade === null ? null : (fromLabel(OUTCOME_LABEL, line.grade) ?? null);
  if (line.grade !== null && outcome === null) throw new Error(`test data: no grade ${line.grade}`);
  const total = line.total === null ? null : exact(line.total);
  return {
    person: {
      unitCode,
      id: line.id,
      name: line.name,
      department: "办公室",
      title: null,
      kind: line.kind ?? "staff",
      status: line.status ?? "participating",
      statusReason: line.status && line.status !== "participating" ? "病假超过半数工作日" : null,
      window: false,
      selfGrade: null,
      note: null,
      ref: { file: `2026Q${quarter}_${unitCode}.xlsx`, sheet: "人员", cell: `B${row}`, header: "人员编号" },
    },
    scores:
      total === null
        ? null
        : { individual: total, common: total, bonus: exact(0), deduction: exact(0), total },
    band: null,
    rank: null,
    computed: outcome,
    grade: outcome,
    reasons: [],
  };
}

/** A unit's result in one quarter; persons are listed from row 2 of 人员. */
export function unit(
  quarter: Quarter,
  code: string,
  name: string,
  lines: readonly PersonLine[],
  state: UnitState = "final",
): GradedUnit {
  return {
    unit: {
      code,
      name,
      parentCode: null,
      contact: null,
      phone: null,
      address: null,
      ref: { file: `2026Q${quarter}_${code}.xlsx`, sheet: "参数", cell: "B2", header: "单位代码" },
    },
    poolCode: code,
    state,
    persons: state === "error" ? [] : lines.map((line, i) => gradedPerson(line, code, quarter, i + 2)),
    changes: [],
  };
}

/** One quarter of the year: units built with `unit`, and the 否决 persons of the quarter. */
export function quarter(number: Quarter, units: readonly GradedUnit[], vetoPersonIds: readonly string[] = []): AnnualQuarter {
  return { quarter: number, units, vetoPersonIds: new Set(vetoPersonIds) };
}

/**
 * The same unit over several quarters from a compact table: each row is a person with one
 * `[grade, total]` per quarter, or null when not graded that quarter.
 */
export function sameUnitYear(
  code: string,
  name: string,
  rows: readonly [id: string, personName: string, perQuarter: readonly ([string, string] | null)[]][],
  quarters: readonly Quarter[],
  vetoes: Partial<Record<Quarter, readonly string[]>> = {},
): AnnualQuarter[] {
  return quarters.map((q, qi) =>
    quarter(
      q,
      [
        unit(
          q,
          code,
          name,
          rows.map(([id, personName, perQuarter]) => {
            const cell = perQuarter[qi];
            return cell ? graded(id, personName, cell[0], cell[1]) : notGraded(id, personName);
          }),
        ),
      ],
      vetoes[q] ?? [],
    ),
  );
}
