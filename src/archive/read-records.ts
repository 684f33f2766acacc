// The SELECTs of `archive person`, `list` and `stats` (archive.md): current filings only, turned
// from the archive's columns (Chinese labels, numeric text) into the domain's rows
// (archive-record.ts). Parameterised SQL only; the same text for PGlite and a server. The lists'
// queries narrow the rows in SQL to the persons who can be on the list (so a city's twenty
// quarters are not all carried into memory); the domain decides membership and order again.

import type { FiledUnitQuarter, ListKind, PersonWindow } from "../domain/archive-lists.js";
import type { FiledAnnual, FiledChange, FiledEvent, FiledPersonQuarter } from "../domain/archive-record.js";
import type { StatsInput } from "../domain/archive-stats.js";
import type { ArchiveWindow, Quarter, QuarterKey } from "../domain/archive-window.js";
import { quarterIndex } from "../domain/archive-window.js";
import { ZERO } from "../domain/exact.js";
import type { Grade, Outcome } from "../domain/labels.js";
import {
  ANNUAL_RESULT_LABEL,
  DECISION_KIND_LABEL,
  EVENT_KIND_LABEL,
  GRADE_LABEL,
  OUTCOME_LABEL,
  PERSON_KIND_LABEL,
  STATUS_LABEL,
  fromLabel,
} from "../domain/labels.js";
import type { Db, SqlValue } from "./connection.js";
import { fromNumeric } from "./numeric.js";

/** A label the tool itself filed; anything else means the archive was written by something else. */
function idOf<K extends string>(table: Record<K, string>, label: string, column: string): K {
  const id = fromLabel(table, label);
  if (id === undefined) throw new Error(`archive column ${column} holds an unknown value: ${JSON.stringify(label)}`);
  return id;
}

function idOrNull<K extends string>(table: Record<K, string>, label: string | null, column: string): K | null {
  return label === null ? null : idOf(table, label, column);
}

/** The window as running quarter numbers, with the years for the (year, quarter) index. */
function windowParams(window: ArchiveWindow): [number, number, number, number] {
  return [window.from.year, window.to.year, quarterIndex(window.from), quarterIndex(window.to)];
}

/** `f` in the window: $1..$4 are windowParams. */
const IN_WINDOW = "f.year BETWEEN $1 AND $2 AND f.year * 4 + f.quarter - 1 BETWEEN $3 AND $4";

interface PersonQuarterRow {
  year: number;
  quarter: number;
  unit_code: string;
  unit_name: string;
  parent_code: string | null;
  person_id: string;
  name: string;
  department: string;
  post: string | null;
  kind: string;
  status: string;
  individual: string | null;
  common: string | null;
  bonus: string | null;
  deduction: string | null;
  score: string | null;
  band: string | null;
  grade: string | null;
  reasons: string[];
  comment: string | null;
  goal: string | null;
  /** Only in a person's record: the bands of the rules filed with the quarter. */
  bands?: Record<string, number> | null;
}

const PERSON_QUARTER_COLUMNS = `f.year, f.quarter, f.unit_code, f.unit_name, f.parent_code, p.person_id, p.name, p.department,
  p.post, p.kind, p.status, p.individual, p.common, p.bonus, p.deduction, p.score, p.band, p.grade, p.reasons, p.comment, p.goal`;

function personQuarter(row: PersonQuarterRow): FiledPersonQuarter {
  return {
    year: row.year,
    quarter: row.quarter as Quarter,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    parentCode: row.parent_code,
    id: row.person_id,
    name: row.name,
    department: row.department,
    post: row.post,
    kind: idOf(PERSON_KIND_LABEL, row.kind, "filing_person.kind"),
    status: idOf(STATUS_LABEL, row.status, "filing_person.status"),
    individual: fromNumeric(row.individual),
    common: fromNumeric(row.common),
    bonus: fromNumeric(row.bonus),
    deduction: fromNumeric(row.deduction),
    score: fromNumeric(row.score),
    band: idOrNull<Grade>(GRADE_LABEL, row.band, "filing_person.band"),
    grade: idOrNull<Outcome>(OUTCOME_LABEL, row.grade, "filing_person.grade"),
    reasons: row.reasons,
    comment: row.comment,
    goal: row.goal,
    ...bandsOf(row.bands),
  };
}

function bandsOf(bands: Record<string, number> | null | undefined): Pick<FiledPersonQuarter, "bands"> {
  const [good, fairlyGood, average] = [bands?.[GRADE_LABEL.good], bands?.[GRADE_LABEL.fairlyGood], bands?.[GRADE_LABEL.average]];
  return typeof good === "number" && typeof fairlyGood === "number" && typeof average === "number" ? { bands: { good, fairlyGood, average } } : {};
}

/**
 * Memory for the lists' and statistics' grouping, for this transaction only: PostgreSQL's default
 * (4 MB, and PGlite's) sends a city's twenty quarters to temporary files on disk.
 */
export async function roomForGrouping(db: Db): Promise<void> {
  await db.query("SET LOCAL work_mem = '64MB'");
}

/** The latest quarter with a current filing, or null when nothing is filed. */
export async function latestFiledQuarter(db: Db): Promise<QuarterKey | null> {
  const [row] = await db.query<{ year: number; quarter: number }>(
    "SELECT year, quarter FROM current_filing ORDER BY year DESC, quarter DESC LIMIT 1",
  );
  return row ? { year: row.year, quarter: row.quarter as Quarter } : null;
}

// ---------------------------------------------------------------------------------------------
// One person's record.

export async function readPersonQuarters(db: Db, ids: readonly string[]): Promise<FiledPersonQuarter[]> {
  const rows = await db.query<PersonQuarterRow>(
    `SELECT ${PERSON_QUARTER_COLUMNS}, f.rules_json::jsonb -> 'bands' AS bands
       FROM filing_person p JOIN current_filing f ON f.id = p.filing_id
      WHERE p.person_id = ANY($1::text[])
      ORDER BY p.person_id, f.year, f.quarter, f.unit_code`,
    [ids],
  );
  return rows.map(personQuarter);
}

interface EventRow {
  year: number;
  quarter: number;
  unit_code: string;
  person_id: string;
  kind: string;
  points: string | null;
  reason: string;
  event_date: string | null;
}

function filedEvent(row: EventRow): FiledEvent {
  return {
    year: row.year,
    quarter: row.quarter as Quarter,
    unitCode: row.unit_code,
    id: row.person_id,
    kind: idOf(EVENT_KIND_LABEL, row.kind, "filing_event.kind"),
    points: fromNumeric(row.points),
    reason: row.reason,
    date: row.event_date,
  };
}

export async function readPersonEvents(db: Db, ids: readonly string[]): Promise<FiledEvent[]> {
  const rows = await db.query<EventRow>(
    `SELECT f.year, f.quarter, f.unit_code, e.person_id, e.kind, e.points, e.reason, e.event_date
       FROM filing_event e JOIN current_filing f ON f.id = e.filing_id
      WHERE e.person_id = ANY($1::text[])
      ORDER BY f.year, f.quarter, e.seq`,
    [ids],
  );
  return rows.map(filedEvent);
}

export async function readPersonChanges(db: Db, ids: readonly string[]): Promise<FiledChange[]> {
  const rows = await db.query<{
    year: number;
    quarter: number;
    unit_code: string;
    person_id: string;
    from_grade: string;
    to_grade: string;
    kind: string;
    reason: string;
    decided_on: string;
  }>(
    `SELECT f.year, f.quarter, f.unit_code, c.person_id, c.from_grade, c.to_grade, c.kind, c.reason, c.decided_on
       FROM filing_change c JOIN current_filing f ON f.id = c.filing_id
      WHERE c.person_id = ANY($1::text[])
      ORDER BY f.year, f.quarter, c.seq`,
    [ids],
  );
  return rows.map((row) => ({
    year: row.year,
    quarter: row.quarter as Quarter,
    unitCode: row.unit_code,
    id: row.person_id,
    from: idOf<Outcome>(OUTCOME_LABEL, row.from_grade, "filing_change.from_grade"),
    to: idOf<Grade>(GRADE_LABEL, row.to_grade, "filing_change.to_grade"),
    kind: idOf(DECISION_KIND_LABEL, row.kind, "filing_change.kind"),
    reason: row.reason,
    date: row.decided_on,
  }));
}

/**
 * Each person's line of every year's current annual record, with whether it is stale: a current
 * filing of that year that the record was not made from (filed or refiled after it).
 */
export async function readPersonAnnuals(db: Db, ids: readonly string[]): Promise<(FiledAnnual & { id: string })[]> {
  const rows = await db.query<{
    person_id: string;
    year: number;
    good: number;
    fairly_good: number;
    average: number;
    poor: number;
    mean_score: string | null;
    eligible: boolean;
    reason: string | null;
    result: string | null;
    reserve: boolean;
    reminder: boolean;
    state: "final" | "draft";
    recorded_at: string;
    stale: boolean;
  }>(
    `SELECT a.person_id, r.year, a.good, a.fairly_good, a.average, a.poor, a.mean_score, a.eligible, a.reason,
            a.result, a.reserve, a.reminder, r.state, r.recorded_at,
            EXISTS (SELECT 1 FROM current_filing f WHERE f.year = r.year AND NOT (f.id = ANY(r.filings))) AS stale
       FROM annual_person a JOIN current_annual_record r ON r.id = a.record_id
      WHERE a.person_id = ANY($1::text[])
      ORDER BY r.year`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.person_id,
    year: row.year,
    counts: { good: row.good, fairlyGood: row.fairly_good, average: row.average, poor: row.poor },
    meanScore: fromNumeric(row.mean_score),
    eligible: row.eligible,
    reason: row.reason,
    result: idOrNull(ANNUAL_RESULT_LABEL, row.result, "annual_person.result"),
    reserve: row.reserve,
    reminder: row.reminder,
    state: row.state,
    recordedAt: row.recorded_at,
    stale: row.stale,
  }));
}

// ---------------------------------------------------------------------------------------------
// The lists.

/** The grade labels that put a person-quarter on a list's count. */
const LIST_GRADES: Partial<Record<ListKind, string[]>> = {
  good: [GRADE_LABEL.good],
  weak: [GRADE_LABEL.average, GRADE_LABEL.poor],
};

/**
 * The persons of the window who can be on the list, each summed up in the database
 * (domain/archive-lists.ts PersonWindow): those with at least `min` quarters with one of the
 * list's grades there (good, weak), or with a 否决/限好 event there (veto). The sum of S is
 * numeric, so exact; the latest quarter (then the higher unit code, as summariseWindow) gives
 * name, unit and 科室.
 */
export async function readListPersons(db: Db, kind: "good" | "weak" | "veto", window: ArchiveWindow, min: number): Promise<PersonWindow[]> {
  const params = windowParams(window);
  const [, , start, end] = params;
  // Who can be on the list: a good or weak list keeps the persons with at least `min` quarters of
  // its grades, the veto list those with a 否决/限好 event of the window ($1..$2: its quarters).
  const [who, having, listParams]: [string, string, SqlValue[]] =
    kind === "veto"
      ? [
          `c.person_id IN (SELECT e.person_id FROM filing_event e JOIN current_filing f ON f.id = e.filing_id
                            WHERE f.year * 4 + f.quarter - 1 BETWEEN $1 AND $2 AND e.kind = ANY($3::text[]))`,
          "",
          [start, end, [EVENT_KIND_LABEL.veto, EVENT_KIND_LABEL.barGood]],
        ]
      : ["TRUE", "HAVING count(*) FILTER (WHERE c.grade = ANY($3::text[])) >= $4", [start, end, LIST_GRADES[kind] ?? [], min]];
  // At a city's twenty quarters (800,000 person-quarters) every value made per such row costs: no
  // ordered aggregate (a sort per person), no JSON. The rows are the current person-quarters
  // (schema.ts v4), read in the order of their index by person. A person's rows are carried as
  // their filings' ids and grades, two lists in the same order, each one text joined by commas
  // (cheaper to make than an array, and split at once here instead of parsed character by
  // character; a grade label holds no comma, an ungraded quarter is empty); the window's filings
  // (a few thousand) say each id's quarter and unit; the name and 科室 are read afterwards for
  // each person's latest filing only. Each query returns one row of one or two values, not a row
  // per filing or person: a client decodes every field of every row on its own (PGlite in
  // JavaScript), and a city's twenty quarters are 20,000 filings and 29,000 persons on a list.
  const filings = new Map<number, { index: number; unitCode: string; unitName: string; parentCode: string | null }>();
  const [inWindow] = await db.query<{ filings: [number, number, string, string, string | null][] | null }>(
    `SELECT json_agg(json_build_array(f.id, f.year * 4 + f.quarter - 1, f.unit_code, f.unit_name, f.parent_code)) AS filings
       FROM current_filing f WHERE ${IN_WINDOW}`,
    params,
  );
  for (const [id, index, unitCode, unitName, parentCode] of inWindow?.filings ?? []) filings.set(id, { index, unitCode, unitName, parentCode });
  // The persons' ids as one JSON array (an id is free text), and their sums as one text in the
  // same order, a line each of `filing ids;grades;sum of S;number of S` (numbers, commas and
  // grade labels, none of which holds a semicolon or a line break).
  const [persons] = await db.query<{ ids: string[] | null; sums: string | null }>(
    `SELECT json_agg(t.person_id ORDER BY t.person_id) AS ids,
            string_agg(t.filing_ids || ';' || t.grades || ';' || coalesce(t.score_sum, '') || ';' || t.scored, E'\\n' ORDER BY t.person_id) AS sums
       FROM (SELECT c.person_id, string_agg(c.filing_id::text, ',') AS filing_ids, string_agg(coalesce(c.grade, ''), ',') AS grades,
                    sum(c.score)::text AS score_sum, count(c.score)::integer AS scored
               FROM current_person_quarter c
              WHERE c.period BETWEEN $1 AND $2 AND ${who}
              GROUP BY c.person_id ${having}) t`,
    listParams,
  );
  const sums = persons?.sums?.split("\n") ?? [];
  const rows = (persons?.ids ?? []).map((personId, k) => {
    const [filingIds = "", grades = "", scoreSum = "", scored = "0"] = (sums[k] ?? "").split(";");
    return { person_id: personId, filing_ids: filingIds, grades, score_sum: scoreSum === "" ? null : scoreSum, scored: Number(scored) };
  });
  const outcomes = new Map<string, Outcome | null>([["", null], ...(Object.entries(OUTCOME_LABEL) as [Outcome, string][]).map(([id, label]): [string, Outcome] => [label, id])]);
  const summed = rows.map((row) => {
    const grades: (Outcome | null)[] = window.quarters.map(() => null);
    const unitOf: string[] = [];
    const labels = row.grades.split(",");
    let latestId = -1;
    let latest: { index: number; unitCode: string } | null = null;
    row.filing_ids.split(",").forEach((text, k) => {
      const id = Number(text);
      const filing = filings.get(id);
      if (filing === undefined) throw new Error(`archive filing ${id} of ${row.person_id} is not in the window`);
      if (latest === null || filing.index > latest.index || (filing.index === latest.index && filing.unitCode > latest.unitCode)) {
        latest = filing;
        latestId = id;
      }
      // Two filings of one person in one quarter (two units): the higher unit code's, as in summariseWindow.
      const at = filing.index - start;
      if (unitOf[at] !== undefined && unitOf[at]! > filing.unitCode) return;
      unitOf[at] = filing.unitCode;
      const grade = outcomes.get(labels[k]!);
      if (grade === undefined) throw new Error(`archive column filing_person.grade holds an unknown value: ${JSON.stringify(labels[k])}`);
      grades[at] = grade;
    });
    return { row, grades, latestId };
  });
  // Each person's row of their latest filing, looked up one by one in the primary key (LIMIT 1
  // keeps the planner from hashing all of filing_person, 800,000 rows at a city's twenty
  // quarters, for 29,000 of them), in the key's order so that the lookups walk the index forward.
  const wanted = summed.map((s) => ({ filingId: s.latestId, personId: s.row.person_id }));
  wanted.sort((a, b) => a.filingId - b.filingId || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const named = new Map<string, { name: string; department: string }>();
  const [found] = await db.query<{ persons: [string, string, string][] | null }>(
    `SELECT json_agg(json_build_array(k.person_id, p.name, p.department)) AS persons
       FROM unnest($1::integer[], $2::text[]) AS k(filing_id, person_id)
       CROSS JOIN LATERAL (SELECT p.name, p.department FROM filing_person p
                            WHERE p.filing_id = k.filing_id AND p.person_id = k.person_id LIMIT 1) p`,
    [wanted.map((w) => w.filingId), wanted.map((w) => w.personId)],
  );
  for (const [personId, name, department] of found?.persons ?? []) named.set(personId, { name, department });
  return summed.map(({ row, grades, latestId }) => {
    const filing = filings.get(latestId)!;
    const person = named.get(row.person_id);
    if (person === undefined) throw new Error(`archive person ${row.person_id} of filing ${latestId} not found`);
    return {
      id: row.person_id,
      name: person.name,
      unitCode: filing.unitCode,
      unitName: filing.unitName,
      parentCode: filing.parentCode === "" ? null : filing.parentCode,
      department: person.department,
      grades,
      scoreSum: fromNumeric(row.score_sum) ?? ZERO,
      scored: row.scored,
    };
  });
}

/** The 否决 and 限好 events of the window. */
export async function readWindowBarringEvents(db: Db, window: ArchiveWindow): Promise<FiledEvent[]> {
  const rows = await db.query<EventRow>(
    `SELECT f.year, f.quarter, f.unit_code, e.person_id, e.kind, e.points, e.reason, e.event_date
       FROM filing_event e JOIN current_filing f ON f.id = e.filing_id
      WHERE ${IN_WINDOW} AND e.kind = ANY($5::text[])
      ORDER BY f.year, f.quarter, e.seq`,
    [...windowParams(window), [EVENT_KIND_LABEL.veto, EVENT_KIND_LABEL.barGood]],
  );
  return rows.map(filedEvent);
}

/** Every current filing up to the end of the window (unit, quarter), for the missing list. */
export async function readFiledUnits(db: Db, window: ArchiveWindow): Promise<FiledUnitQuarter[]> {
  const rows = await db.query<{ year: number; quarter: number; unit_code: string; unit_name: string; parent_code: string | null }>(
    `SELECT f.year, f.quarter, f.unit_code, f.unit_name, f.parent_code FROM current_filing f
      WHERE f.year * 4 + f.quarter - 1 <= $1
      ORDER BY f.unit_code, f.year, f.quarter`,
    [quarterIndex(window.to)],
  );
  return rows.map((row) => ({
    year: row.year,
    quarter: row.quarter as Quarter,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    parentCode: row.parent_code,
  }));
}

// ---------------------------------------------------------------------------------------------
// The statistics.

/** Each current filing of the window with its counts and its own 不确定等次 and 不参加 (非领导成员). */
export async function readStatsInputs(db: Db, window: ArchiveWindow): Promise<StatsInput[]> {
  const rows = await db.query<{
    year: number;
    quarter: number;
    unit_code: string;
    unit_name: string;
    pool_code: string;
    n: number;
    quota: number;
    counts: Record<string, number>;
    filed_at: string;
    undetermined: number;
    excluded: number;
  }>(
    `SELECT f.year, f.quarter, f.unit_code, f.unit_name, f.pool_code, f.n, f.quota, f.counts, f.filed_at,
            coalesce(s.undetermined, 0) AS undetermined, coalesce(s.excluded, 0) AS excluded
       FROM current_filing f
       LEFT JOIN (SELECT p.filing_id,
                         count(*) FILTER (WHERE p.status = $6)::integer AS undetermined,
                         count(*) FILTER (WHERE p.status = $7)::integer AS excluded
                    FROM filing_person p
                   WHERE p.kind = $5 AND p.status IN ($6, $7)
                   GROUP BY p.filing_id) s ON s.filing_id = f.id
      WHERE ${IN_WINDOW}
      ORDER BY f.year, f.quarter, f.unit_code`,
    [...windowParams(window), PERSON_KIND_LABEL.staff, STATUS_LABEL.undetermined, STATUS_LABEL.excluded],
  );
  return rows.map((row) => ({
    year: row.year,
    quarter: row.quarter as Quarter,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    poolCode: row.pool_code,
    n: row.n,
    quota: row.quota,
    counts: Object.fromEntries(
      (Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => [o, row.counts[OUTCOME_LABEL[o]] ?? 0]),
    ) as Record<Outcome, number>,
    undetermined: row.undetermined,
    excluded: row.excluded,
    filedAt: row.filed_at,
  }));
}
