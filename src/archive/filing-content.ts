// What one filing holds (archive.md "Filing"): one unit's one quarter as graded, with every person,
// event and committee change, the rules and the inputs. The record's keys are the archive's column
// names and its values what the columns give back (numbers as exact 2-decimal text), so that the
// content built from a grading, read back from the archive, or read from a 备案 package is the same
// value, and its canonical JSON gives the same SHA-256: the filing's digest (the package's 校验).

import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { GradedPerson, GradedPool, GradedUnit } from "../domain/graded.js";
import { gradeCounts, reasonText } from "../domain/graded.js";
import {
  DECISION_KIND_LABEL,
  EVENT_KIND_LABEL,
  GRADE_LABEL,
  OUTCOME_LABEL,
  PERSON_KIND_LABEL,
  STATUS_LABEL,
  WORK_STATE_LABEL,
} from "../domain/labels.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import { rowsByPersonId } from "../domain/model.js";
import type { EffectiveRules } from "../domain/rules.js";
import { canonicalJson } from "../domain/rules-file-merge.js";
import { summariseWork } from "../domain/work-summary.js";
import { toNumericOrNull } from "./numeric.js";

export interface FiledWork {
  total: number;
  done: number;
  inProgress: number;
  unfinished: number;
  /** Items 推进中 or 未完成, with the reason the workbook requires. */
  open: { item: string; state: string; reason: string | null }[];
}

/** A row of filing_person. Labels are the Chinese words a clerk reads (好, 参加, 领导成员). */
export interface FiledPerson {
  seq: number;
  person_id: string;
  name: string;
  department: string;
  post: string | null;
  kind: string;
  status: string;
  status_reason: string | null;
  window_post: boolean;
  self_grade: string | null;
  individual: string | null;
  common: string | null;
  bonus: string | null;
  deduction: string | null;
  score: string | null;
  band: string | null;
  computed: string | null;
  grade: string | null;
  rank: number | null;
  reasons: string[];
  comment: string | null;
  goal: string | null;
  work: FiledWork;
}

/** A row of filing_event: a 加分, 减分, 否决 or 限好 of the 加减分 sheet. */
export interface FiledEvent {
  seq: number;
  person_id: string;
  kind: string;
  points: string | null;
  reason: string;
  event_date: string | null;
}

/** A row of filing_change: a 审定 or 复核 decision that set a grade. */
export interface FiledChange {
  seq: number;
  person_id: string;
  name: string;
  from_grade: string;
  to_grade: string;
  kind: string;
  reason: string;
  decided_on: string;
}

export interface InputRecord {
  file: string;
  sha256: string;
}

/** A row of filing, without what belongs to the act of filing (id, time, origin, supersession). */
export interface FilingHead {
  unit_code: string;
  unit_name: string;
  parent_code: string | null;
  pool_code: string;
  year: number;
  quarter: number;
  n: number;
  quota: number;
  counts: Record<string, number>;
  rules_json: string;
  rules_sha256: string;
  inputs: InputRecord[];
  tool_version: string;
}

export interface FilingContent extends FilingHead {
  persons: FiledPerson[];
  events: FiledEvent[];
  changes: FiledChange[];
}

export const FILING_HEAD_COLUMNS: readonly (keyof FilingHead)[] = [
  "unit_code",
  "unit_name",
  "parent_code",
  "pool_code",
  "year",
  "quarter",
  "n",
  "quota",
  "counts",
  "rules_json",
  "rules_sha256",
  "inputs",
  "tool_version",
];

/** The SHA-256 of the content's canonical JSON (sorted keys, no spaces): the filing's digest. */
export function filingDigest(content: FilingContent): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

export interface FilingSource {
  unit: GradedUnit;
  pool: GradedPool;
  period: Period;
  /** The unit's workbook with its events, decisions, work items and 个性评分 rows (read-workbooks keep "building"). */
  workbook: Pick<AppraisalWorkbook, "events" | "workItems" | "individualScores">;
  rules: EffectiveRules;
  /** The files the unit's pool was graded from. */
  inputs: readonly InputRecord[];
  toolVersion: string;
}

function filedPerson(seq: number, graded: GradedPerson, work: FiledWork, note: { comment: string | null; goal: string | null } | undefined): FiledPerson {
  const { person, scores } = graded;
  return {
    seq,
    person_id: person.id,
    name: person.name,
    department: person.department,
    post: person.title,
    kind: PERSON_KIND_LABEL[person.kind],
    status: STATUS_LABEL[person.status],
    status_reason: person.statusReason,
    window_post: person.window,
    self_grade: person.selfGrade === null ? null : GRADE_LABEL[person.selfGrade],
    individual: toNumericOrNull(scores?.individual),
    common: toNumericOrNull(scores?.common),
    bonus: toNumericOrNull(scores?.bonus),
    deduction: toNumericOrNull(scores?.deduction),
    score: toNumericOrNull(scores?.total),
    band: graded.band === null ? null : GRADE_LABEL[graded.band],
    computed: graded.computed === null ? null : OUTCOME_LABEL[graded.computed],
    grade: graded.grade === null ? null : OUTCOME_LABEL[graded.grade],
    rank: graded.rank,
    reasons: graded.reasons.map(reasonText),
    comment: note?.comment ?? null,
    goal: note?.goal ?? null,
    work,
  };
}

/** The filing of one graded unit, with everything archive.md lists. */
export function filingContent(source: FilingSource): FilingContent {
  const { unit, pool, period, workbook, rules } = source;
  const ids = new Set(unit.persons.map((p) => p.person.id));
  const items = rowsByPersonId(workbook.workItems.filter((item) => ids.has(item.personId)));
  const notes = new Map<string, { comment: string | null; goal: string | null }>();
  for (const row of workbook.individualScores) if (ids.has(row.personId) && !notes.has(row.personId)) notes.set(row.personId, { comment: row.comment, goal: row.goal });
  const persons = unit.persons.map((graded, index) => {
    const summary = summariseWork(items.get(graded.person.id) ?? []);
    const work: FiledWork = {
      total: summary.total,
      done: summary.done,
      inProgress: summary.inProgress,
      unfinished: summary.unfinished,
      open: summary.open.map((item) => ({ item: item.item, state: WORK_STATE_LABEL[item.state], reason: item.reason })),
    };
    return filedPerson(index + 1, graded, work, notes.get(graded.person.id));
  });
  const events = workbook.events
    .filter((event) => ids.has(event.personId))
    .map((event, index): FiledEvent => ({
      seq: index + 1,
      person_id: event.personId,
      kind: EVENT_KIND_LABEL[event.kind],
      points: toNumericOrNull(event.points),
      reason: event.reason,
      event_date: event.date,
    }));
  const changes = unit.changes.map((change, index): FiledChange => ({
    seq: index + 1,
    person_id: change.personId,
    name: change.name,
    from_grade: OUTCOME_LABEL[change.from],
    to_grade: GRADE_LABEL[change.to],
    kind: DECISION_KIND_LABEL[change.kind],
    reason: change.reason,
    decided_on: change.date,
  }));
  return {
    unit_code: unit.unit.code,
    unit_name: unit.unit.name,
    parent_code: unit.unit.parentCode,
    pool_code: unit.poolCode,
    year: period.year,
    quarter: period.quarter,
    n: pool.n,
    quota: pool.quota,
    counts: gradeCounts(unit),
    rules_json: canonicalJson(rules.json),
    rules_sha256: rules.sha256,
    // The file's name only: where it lay on the clerk's machine is no part of the record.
    inputs: source.inputs.map((input) => ({ file: basename(input.file), sha256: input.sha256 })),
    tool_version: source.toolVersion,
    persons,
    events,
    changes,
  };
}
