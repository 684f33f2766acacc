// The archive's history (archive.md `archive log`): every filing, supersession and import, oldest
// first, each with whether it is still current and what superseded it; the political rounds
// (political.md "With --db D") likewise, apart, since their numbers are their own table's.

import type { Db } from "./connection.js";

export interface LogEntry {
  id: number;
  filedAt: string;
  action: "filed" | "replaced" | "imported";
  unit: string;
  name: string;
  year: number;
  quarter: number;
  digest: string;
  rulesSha256: string;
  files: string[];
  packageFile: string | null;
  /** The filing this one superseded, and why. */
  supersedes: number | null;
  reason: string | null;
  /** The filing that superseded this one; null while it is current. */
  supersededBy: number | null;
}

export interface LogFilter {
  unit?: string;
  person?: string;
}

interface LogRow {
  id: number;
  filed_at: string;
  origin: "add" | "import";
  unit_code: string;
  unit_name: string;
  year: number;
  quarter: number;
  digest: string;
  rules_sha256: string;
  inputs: { file: string }[];
  package_file: string | null;
  supersedes: number | null;
  replace_reason: string | null;
  superseded_by: number | null;
}

export async function readLog(db: Db, filter: LogFilter): Promise<LogEntry[]> {
  const rows = await db.query<LogRow>(
    `SELECT f.id, f.filed_at, f.origin, f.unit_code, f.unit_name, f.year, f.quarter, f.digest, f.rules_sha256, f.inputs,
            f.package_file, f.supersedes, f.replace_reason, s.id AS superseded_by
       FROM filing f LEFT JOIN filing s ON s.supersedes = f.id
      WHERE ($1::text IS NULL OR f.unit_code = $1)
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM filing_person p WHERE p.filing_id = f.id AND p.person_id = $2))
      ORDER BY f.id`,
    [filter.unit ?? null, filter.person ?? null],
  );
  return rows.map((r) => entryOf(r, { quarter: r.quarter }));
}

type EntryRow = Omit<LogRow, "quarter" | "origin"> & { origin: string };

/** A filing's or a round's log entry from its row, with its quarter or its 测评名称 after the year. */
function entryOf(r: EntryRow, period: { quarter: number }): LogEntry;
function entryOf(r: EntryRow, period: { round: string }): RoundLogEntry;
function entryOf(r: EntryRow, period: { quarter: number } | { round: string }): LogEntry | RoundLogEntry {
  return {
    id: r.id,
    filedAt: r.filed_at,
    action: r.origin === "import" ? "imported" : r.supersedes === null ? "filed" : "replaced",
    unit: r.unit_code,
    name: r.unit_name,
    year: r.year,
    ...period,
    digest: r.digest,
    rulesSha256: r.rules_sha256,
    files: r.inputs.map((i) => i.file),
    packageFile: r.package_file,
    supersedes: r.supersedes,
    reason: r.replace_reason,
    supersededBy: r.superseded_by,
  };
}

/** A political round's filing, supersession or import (political.md "With --db D"), as a LogEntry with its 测评名称 for the quarter. */
export interface RoundLogEntry extends Omit<LogEntry, "quarter"> {
  round: string;
}

interface RoundLogRow extends Omit<LogRow, "quarter" | "origin"> {
  round: string;
  origin: "political" | "import";
}

/** Every political round, oldest first; `person` keeps the rounds that person is in. */
export async function readRoundLog(db: Db, filter: LogFilter): Promise<RoundLogEntry[]> {
  const rows = await db.query<RoundLogRow>(
    `SELECT r.id, r.filed_at, r.origin, r.package_file, r.unit_code, r.unit_name, r.year, r.round, r.digest, r.rules_sha256, r.inputs,
            r.supersedes, r.replace_reason, s.id AS superseded_by
       FROM political_round r LEFT JOIN political_round s ON s.supersedes = r.id
      WHERE ($1::text IS NULL OR r.unit_code = $1)
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM political_cadre c WHERE c.round_id = r.id AND c.person_id = $2))
      ORDER BY r.id`,
    [filter.unit ?? null, filter.person ?? null],
  );
  return rows.map((r) => entryOf(r, { round: r.round }));
}
