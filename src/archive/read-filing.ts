// A filing read back from the archive as the same FilingContent it was filed from (for 备案
// export, and for the digest check): the columns are the content's keys, so nothing is renamed
// here and the digest of what is read equals the digest filed.

import type { Db } from "./connection.js";
import { FILING_HEAD_COLUMNS, type FiledChange, type FiledEvent, type FiledPerson, type FilingContent, type FilingHead } from "./filing-content.js";

/** A filing's head with what belongs to its filing act. */
export interface FilingRow extends FilingHead {
  id: number;
  filed_at: string;
  digest: string;
  origin: "add" | "import";
  package_file: string | null;
  supersedes: number | null;
  replace_reason: string | null;
}

const PERSON_COLUMNS =
  "seq, person_id, name, department, post, kind, status, status_reason, window_post, self_grade, individual, common, bonus, " +
  "deduction, score, band, computed, grade, rank, reasons, comment, goal, work";

export interface FilingFilter {
  /** Inclusive, as year * 10 + quarter (2026Q3 = 20263); null for no bound. */
  from: number | null;
  to: number | null;
  /** Unit codes (a unit, or a 主管单位 with its units); empty for all. */
  units: readonly string[];
}

/** The current filings chosen, by unit code then period. */
export async function currentFilings(db: Db, filter: FilingFilter): Promise<FilingRow[]> {
  return db.query<FilingRow>(
    `SELECT id, ${FILING_HEAD_COLUMNS.join(", ")}, filed_at, digest, origin, package_file, supersedes, replace_reason
       FROM current_filing
      WHERE ($1::integer IS NULL OR year * 10 + quarter >= $1)
        AND ($2::integer IS NULL OR year * 10 + quarter <= $2)
        AND (cardinality($3::text[]) = 0 OR unit_code = ANY($3::text[]) OR parent_code = ANY($3::text[]))
      ORDER BY unit_code, year, quarter`,
    [filter.from, filter.to, [...filter.units]],
  );
}

/** The content of the filing `row`: its head and its rows, in their filed order. */
export async function filingContentOf(db: Db, row: FilingRow): Promise<FilingContent> {
  const head = Object.fromEntries(FILING_HEAD_COLUMNS.map((c) => [c, row[c]])) as unknown as FilingHead;
  const persons = await db.query<FiledPerson>(`SELECT ${PERSON_COLUMNS} FROM filing_person WHERE filing_id = $1 ORDER BY seq`, [row.id]);
  const events = await db.query<FiledEvent>(
    "SELECT seq, person_id, kind, points, reason, event_date FROM filing_event WHERE filing_id = $1 ORDER BY seq",
    [row.id],
  );
  const changes = await db.query<FiledChange>(
    "SELECT seq, person_id, name, from_grade, to_grade, kind, reason, decided_on FROM filing_change WHERE filing_id = $1 ORDER BY seq",
    [row.id],
  );
  return { ...head, persons, events, changes };
}
