// The --json documents of `archive person`, `list` and `stats` (archive.md "--json"): Chinese
// words for grades as a clerk reads them, scores as numbers with at most 2 decimals.

import type { MissingListRow, PersonListRow, VetoListRow } from "../domain/archive-lists.js";
import type { FiledAnnual, GrowthRecord } from "../domain/archive-record.js";
import type { StatsQuarter } from "../domain/archive-stats.js";
import type { ArchiveWindow } from "../domain/archive-window.js";
import { quarterKeyText } from "../domain/archive-window.js";
import type { Exact } from "../domain/exact.js";
import { toNumber } from "../domain/exact.js";
import type { Grade, Outcome } from "../domain/labels.js";
import { ANNUAL_RESULT_LABEL, EVENT_KIND_LABEL, GRADE_LABEL, GRADES, OUTCOME_LABEL, PERSON_KIND_LABEL, STATUS_LABEL } from "../domain/labels.js";
import type { Problem } from "../domain/problem.js";
import type { ArchivePersonResult } from "../commands/archive-person.js";
import type { ArchiveListResult } from "../commands/archive-list.js";
import type { ArchiveStatsResult } from "../commands/archive-stats.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { problemRecord } from "./problem-table.js";

const score = (value: Exact | null): number | null => (value === null ? null : toNumber(value));
/** A share as a number of at most 4 decimals (0.3333). */
const share = (value: Exact | null): number | null => (value === null ? null : toNumber(value, 4));

function counts(tally: Record<Grade, number>): Record<string, number> {
  return Object.fromEntries(GRADES.map((g) => [GRADE_LABEL[g], tally[g]]));
}

function head(problems: readonly Problem[]): { tool: string; version: string; problems: unknown[] } {
  return { tool: TOOL_NAME, version: TOOL_VERSION, problems: problems.map(problemRecord) };
}

function annualRecord(annual: FiledAnnual | null): unknown {
  if (annual === null) return null;
  return {
    result: annual.result === null ? null : ANNUAL_RESULT_LABEL[annual.result],
    eligible: annual.eligible,
    reason: annual.reason,
    reserve: annual.reserve,
    reminder: annual.reminder,
    state: annual.state,
    recordedAt: annual.recordedAt,
    stale: annual.stale,
  };
}

function personRecord(record: GrowthRecord): unknown {
  return {
    id: record.id,
    name: record.name,
    quarters: record.quarters.map((q) => ({
      year: q.year,
      quarter: q.quarter,
      unit: q.unitCode,
      department: q.department,
      post: q.post,
      individual: score(q.individual),
      common: score(q.common),
      bonus: score(q.bonus),
      deduction: score(q.deduction),
      score: score(q.score),
      band: q.band === null ? null : GRADE_LABEL[q.band],
      // As grade --json: the status (领导成员 for a leading member), and the grade or null.
      status: q.kind === "leadership" ? PERSON_KIND_LABEL.leadership : STATUS_LABEL[q.status],
      grade: q.grade === null ? null : OUTCOME_LABEL[q.grade],
      reasons: q.reasons,
    })),
    years: record.years.map((y) => ({ year: y.year, counts: counts(y.counts), meanScore: score(y.meanScore), annual: annualRecord(y.annual) })),
    political: record.political.map((r) => ({
      year: r.year,
      round: r.round,
      unit: r.unitCode,
      positive: score(r.positive),
      aspects: Object.fromEntries(r.aspects.map((a) => [a.aspect, score(a.score)])),
      conclusion: r.conclusion,
      pending: r.pending,
      flagged: r.flagged.map((f) => ({ item: f.code, forms: f.forms, rate: share(f.rate) })),
      reasons: r.reasons,
    })),
  };
}

export function personJson(result: ArchivePersonResult): unknown {
  return { ...head(result.problems), persons: result.records.map(personRecord), written: result.written };
}

function grades(row: PersonListRow, window: ArchiveWindow): Record<string, string | null> {
  return Object.fromEntries(window.quarters.map((q, i) => [quarterKeyText(q), gradeWord(row.grades[i] ?? null)]));
}

function gradeWord(grade: Outcome | null): string | null {
  return grade === null ? null : OUTCOME_LABEL[grade];
}

function personListRow(row: PersonListRow, window: ArchiveWindow): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    unit: row.unitCode,
    department: row.department,
    grades: grades(row, window),
    counts: counts(row.counts),
    meanScore: score(row.meanScore),
  };
}

function vetoListRow(row: VetoListRow, window: ArchiveWindow): unknown {
  return {
    ...personListRow(row, window),
    events: row.events.map((e) => ({ year: e.year, quarter: e.quarter, kind: EVENT_KIND_LABEL[e.kind], reason: e.reason, date: e.date })),
  };
}

function missingListRow(row: MissingListRow): unknown {
  return { unit: row.unitCode, name: row.unitName, quarters: row.quarters.map(quarterKeyText) };
}

export function listJson(kind: string | null, result: ArchiveListResult): unknown {
  const { window, list } = result;
  const rows =
    window === null || list === null
      ? []
      : list.kind === "missing"
        ? list.rows.map(missingListRow)
        : list.kind === "veto"
          ? list.rows.map((r) => vetoListRow(r, window))
          : list.rows.map((r) => personListRow(r, window));
  return {
    ...head(result.problems),
    list: kind,
    from: window === null ? null : quarterKeyText(window.from),
    to: window === null ? null : quarterKeyText(window.to),
    rows,
    written: result.written,
  };
}

function outcomeCounts(tally: Record<Outcome, number>): Record<string, number> {
  return Object.fromEntries((Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => [OUTCOME_LABEL[o], tally[o]]));
}

export function statsJson(result: ArchiveStatsResult): unknown {
  return {
    ...head(result.problems),
    from: result.window === null ? null : quarterKeyText(result.window.from),
    to: result.window === null ? null : quarterKeyText(result.window.to),
    quarters: result.quarters.map((q: StatsQuarter) => ({
      year: q.year,
      quarter: q.quarter,
      units: q.units.map((u) => ({
        code: u.unitCode,
        name: u.unitName,
        n: u.n,
        quota: u.quota,
        counts: outcomeCounts(u.counts),
        undetermined: u.undetermined,
        excluded: u.excluded,
        goodShare: share(u.goodShare),
        quotaUsedUp: u.quotaUsedUp,
        filedAt: u.filedAt,
      })),
      total: { n: q.n, quota: q.quota, counts: outcomeCounts(q.counts), goodShare: share(q.goodShare) },
    })),
    written: result.written,
  };
}
