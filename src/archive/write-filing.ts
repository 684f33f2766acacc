// Filing one unit's quarter inside the command's transaction (archive.md "Filing"; 备案 import):
// the same content again changes nothing; other content is refused unless the command replaces,
// and then the new filing supersedes the current one and both stay. Each filing is written under
// a savepoint, so that a conflict decided by the database (another process filed the same unit
// and quarter a moment ago: unique index of schema.ts) refuses that filing alone and the
// command's other filings go on, still in its one transaction.

import type { Db } from "./connection.js";
import { FILING_HEAD_COLUMNS, type FilingContent, filingDigest } from "./filing-content.js";
import { CURRENT_PERSON_QUARTER_FILL } from "./schema.js";

export type FilingState = "filed" | "unchanged" | "replaced" | "refused" | "not-final";

export interface CurrentFiling {
  id: number;
  digest: string;
  rules_sha256: string;
  inputs: { file: string; sha256: string }[];
  filed_at: string;
}

export interface FilingAct {
  /** The time of filing (the archive's only clock value), ISO. */
  filedAt: string;
  origin: "add" | "import";
  packageFile: string | null;
  /** --replace --reason TEXT; null without --replace. */
  replaceReason: string | null;
  /** When another content counts as the same: `add` by its inputs and rules, `import` by its digest. */
  sameBy: "inputs" | "digest";
}

export type FilingOutcome =
  | { state: "filed" | "replaced"; id: number; digest: string; replaced: CurrentFiling | null }
  | { state: "unchanged"; digest: string; current: CurrentFiling }
  | { state: "refused"; digest: string; why: "filed"; current: CurrentFiling }
  | { state: "refused"; digest: string; why: "conflict" };

const UNIQUE_VIOLATION = "23505";

export async function currentFiling(db: Db, unitCode: string, year: number, quarter: number): Promise<CurrentFiling | null> {
  const [row] = await db.query<CurrentFiling>(
    "SELECT id, digest, rules_sha256, inputs, filed_at FROM current_filing WHERE unit_code = $1 AND year = $2 AND quarter = $3",
    [unitCode, year, quarter],
  );
  return row ?? null;
}

function sameInputs(content: FilingContent, current: CurrentFiling): boolean {
  const digests = (list: readonly { sha256: string }[]): string => list.map((i) => i.sha256).sort().join(",");
  return content.rules_sha256 === current.rules_sha256 && digests(content.inputs) === digests(current.inputs);
}

const PERSON_RECORD =
  "seq integer, person_id text, name text, department text, post text, kind text, status text, status_reason text, " +
  "window_post boolean, self_grade text, individual numeric, common numeric, bonus numeric, deduction numeric, score numeric, " +
  "band text, computed text, grade text, rank integer, reasons jsonb, comment text, goal text, work jsonb";
const PERSON_COLUMNS =
  "seq, person_id, name, department, post, kind, status, status_reason, window_post, self_grade, individual, common, bonus, " +
  "deduction, score, band, computed, grade, rank, reasons, comment, goal, work";
const EVENT_COLUMNS = "seq, person_id, kind, points, reason, event_date";
const EVENT_RECORD = "seq integer, person_id text, kind text, points numeric, reason text, event_date text";
const CHANGE_COLUMNS = "seq, person_id, name, from_grade, to_grade, kind, reason, decided_on";
const CHANGE_RECORD = "seq integer, person_id text, name text, from_grade text, to_grade text, kind text, reason text, decided_on text";

/** Inserts the filing and its rows; the rows go as one JSON parameter each (one statement per table, not per row). */
async function insertFiling(db: Db, content: FilingContent, digest: string, act: FilingAct, supersedes: number | null): Promise<number> {
  const head = FILING_HEAD_COLUMNS.map((column) => {
    const value = content[column];
    return typeof value === "object" && value !== null ? JSON.stringify(value) : value;
  });
  const placeholders = FILING_HEAD_COLUMNS.map((column, i) => (column === "counts" || column === "inputs" ? `$${i + 1}::jsonb` : `$${i + 1}`));
  const base = FILING_HEAD_COLUMNS.length;
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO filing (${FILING_HEAD_COLUMNS.join(", ")}, filed_at, digest, origin, package_file, supersedes, replace_reason)
     VALUES (${placeholders.join(", ")}, $${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}) RETURNING id`,
    [...head, act.filedAt, digest, act.origin, act.packageFile, supersedes, supersedes === null ? null : act.replaceReason],
  );
  const id = row!.id;
  await db.query(
    `INSERT INTO filing_person (filing_id, ${PERSON_COLUMNS}) SELECT $1, ${PERSON_COLUMNS} FROM jsonb_to_recordset($2::jsonb) AS x(${PERSON_RECORD})`,
    [id, JSON.stringify(content.persons)],
  );
  if (content.events.length > 0) {
    await db.query(
      `INSERT INTO filing_event (filing_id, ${EVENT_COLUMNS}) SELECT $1, ${EVENT_COLUMNS} FROM jsonb_to_recordset($2::jsonb) AS x(${EVENT_RECORD})`,
      [id, JSON.stringify(content.events)],
    );
  }
  if (content.changes.length > 0) {
    await db.query(
      `INSERT INTO filing_change (filing_id, ${CHANGE_COLUMNS}) SELECT $1, ${CHANGE_COLUMNS} FROM jsonb_to_recordset($2::jsonb) AS x(${CHANGE_RECORD})`,
      [id, JSON.stringify(content.changes)],
    );
  }
  // The derived current person-quarters (schema.ts v4) follow in the same transaction: the
  // replaced filing's persons are no longer current, the new filing's are.
  if (supersedes !== null) await db.query("DELETE FROM current_person_quarter WHERE filing_id = $1", [supersedes]);
  await db.query(`${CURRENT_PERSON_QUARTER_FILL} WHERE f.id = $1`, [id]);
  return id;
}

/** Files `content` in the open transaction of `db`, as archive.md says for `add` and `import`. */
export async function fileContent(db: Db, content: FilingContent, act: FilingAct): Promise<FilingOutcome> {
  const digest = filingDigest(content);
  const current = await currentFiling(db, content.unit_code, content.year, content.quarter);
  if (current !== null) {
    const same = act.sameBy === "digest" ? current.digest === digest : sameInputs(content, current);
    if (same) return { state: "unchanged", digest, current };
    if (act.replaceReason === null) return { state: "refused", digest, why: "filed", current };
  }
  await db.query("SAVEPOINT filing");
  try {
    const id = await insertFiling(db, content, digest, act, current?.id ?? null);
    await db.query("RELEASE SAVEPOINT filing");
    return { state: current === null ? "filed" : "replaced", id, digest, replaced: current };
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await db.query("ROLLBACK TO SAVEPOINT filing");
    // Another process filed the unit's quarter first and has committed (the insert waited for it):
    // its filing, now visible, decides as if it had been there from the start.
    const winner = await currentFiling(db, content.unit_code, content.year, content.quarter);
    if (winner === null || winner.id === current?.id) return { state: "refused", digest, why: "conflict" };
    const same = act.sameBy === "digest" ? winner.digest === digest : sameInputs(content, winner);
    return same ? { state: "unchanged", digest, current: winner } : { state: "refused", digest, why: "conflict" };
  }
}

/** The latest name filed for each of `ids` (W_ARCHIVE_NAME: a 人员编号 filed before under another 姓名). */
export async function filedNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ person_id: string; name: string }>(
    `SELECT DISTINCT ON (p.person_id) p.person_id, p.name
       FROM filing_person p JOIN filing f ON f.id = p.filing_id
      WHERE p.person_id = ANY($1::text[])
      ORDER BY p.person_id, f.year DESC, f.quarter DESC, f.id DESC`,
    [ids],
  );
  return new Map(rows.map((r) => [r.person_id, r.name]));
}
