// A test-only builder: an AppraisalWorkbook from compact rows, so that a grading test reads as the
// table of rules.md it checks. Cells are numbered as a clerk's sheet would be (header on row 1).

import type { Exact } from "../../../src/domain/exact.js";
import { exact } from "../../../src/domain/exact.js";
import type { DecisionKind, EventKind, Grade, PersonKind, RaterGroup, Status } from "../../../src/domain/labels.js";
import type { AppraisalWorkbook, Decision, Person, Rating, RatingPart, ScoreEvent, Unit } from "../../../src/domain/model.js";
import type { CellRef } from "../../../src/domain/model.js";

type Num = number | string;

/** A rating: a group and its 测评得分, or a group and its parts. */
export type RatingRow = [group: RaterGroup, score: Num] | { group: RaterGroup; parts: RatingPart[]; raterId?: string };
export type EventRow = [kind: EventKind, reason: string, points?: Num];
export type DecisionRow = [grade: Grade, kind: DecisionKind, reason: string, date?: string];

export interface PersonRow {
  id: string;
  name?: string;
  /** Defaults to the workbook's first unit. */
  unit?: string;
  department?: string;
  kind?: PersonKind;
  status?: Status;
  statusReason?: string;
  window?: boolean;
  /** 个性得分 I; without it the person has no 个性评分 row. */
  i?: Num;
  /** Shortcut: one 领导 rating whose 测评得分 is c, which makes C = c. */
  c?: Num;
  ratings?: RatingRow[];
  events?: EventRow[];
  decisions?: DecisionRow[];
}

export interface UnitRow {
  code: string;
  name: string;
  parent?: string;
}

export interface WorkbookRows {
  file?: string;
  units?: UnitRow[];
  persons: PersonRow[];
}

const num = (value: Num): Exact => exact(value);

function ref(file: string, sheet: string, cell: string, header: string): CellRef {
  return { file, sheet, cell, header };
}

export function buildWorkbook(rows: WorkbookRows): AppraisalWorkbook {
  const file = rows.file ?? "2026Q3.xlsx";
  const unitRows = rows.units ?? [{ code: "U1", name: "某县统计局" }];
  const units: Unit[] = unitRows.map((u, i) => ({
    code: u.code,
    name: u.name,
    parentCode: u.parent ?? null,
    contact: null,
    phone: null,
    address: null,
    ref: ref(file, "单位", `A${i + 2}`, "单位代码"),
  }));
  const firstUnit = units[0]?.code ?? "U1";
  const workbook: AppraisalWorkbook = {
    file,
    sha256: "0".repeat(64),
    period: { year: 2026, quarter: 3 },
    settings: { contact: null, phone: null, address: null, noticeStart: null },
    units,
    persons: [],
    indicators: [],
    workItems: [],
    summaries: [],
    individualScores: [],
    ratings: [],
    events: [],
    decisions: [],
  };
  rows.persons.forEach((p, index) => {
    const person: Person = {
      unitCode: p.unit ?? firstUnit,
      id: p.id,
      name: p.name ?? p.id,
      department: p.department ?? "综合科",
      title: null,
      kind: p.kind ?? "staff",
      status: p.status ?? "participating",
      statusReason: p.statusReason ?? null,
      window: p.window ?? false,
      selfGrade: null,
      note: null,
      ref: ref(file, "人员", `B${index + 2}`, "人员编号"),
    };
    workbook.persons.push(person);
    if (p.i !== undefined) {
      workbook.individualScores.push({
        personId: p.id,
        individual: num(p.i),
        comment: null,
        goal: null,
        reviewer: null,
        ref: ref(file, "个性评分", `A${workbook.individualScores.length + 2}`, "人员编号"),
      });
    }
    const ratings: RatingRow[] = [...(p.c !== undefined ? [["leader", p.c] as RatingRow] : []), ...(p.ratings ?? [])];
    for (const r of ratings) {
      const row = workbook.ratings.length + 2;
      const rating: Rating = Array.isArray(r)
        ? { personId: p.id, group: r[0], raterId: null, parts: [{ indicator: null, max: exact(100), points: num(r[1]) }], ref: ref(file, "共性测评", `A${row}`, "被测评人编号") }
        : { personId: p.id, group: r.group, raterId: r.raterId ?? null, parts: r.parts, ref: ref(file, "共性测评", `A${row}`, "被测评人编号") };
      workbook.ratings.push(rating);
    }
    for (const [kind, reason, points] of p.events ?? []) {
      const event: ScoreEvent = {
        personId: p.id,
        kind,
        points: points === undefined ? null : num(points),
        reason,
        date: null,
        ref: ref(file, "加减分", `A${workbook.events.length + 2}`, "人员编号"),
      };
      workbook.events.push(event);
    }
    for (const [grade, kind, reason, date] of p.decisions ?? []) {
      const decision: Decision = {
        personId: p.id,
        grade,
        kind,
        reason,
        date: date ?? "2026-10-20",
        ref: ref(file, "审定", `C${workbook.decisions.length + 2}`, "审定等次"),
      };
      workbook.decisions.push(decision);
    }
  });
  return workbook;
}

/** A part of a rating given as a grade word on an indicator of `max` points. */
export function gradePart(indicator: string, max: Num, grade: Grade): RatingPart {
  return { indicator, max: num(max), grade };
}

/** A part of a rating given as points. */
export function pointsPart(indicator: string | null, max: Num, points: Num): RatingPart {
  return { indicator, max: num(max), points: num(points) };
}
