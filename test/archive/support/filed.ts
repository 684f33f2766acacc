// What an archive holds, read back through the archive's own reader, for tests to compare with
// what `grade --json` reported.

import { currentFilings, type FilingRow, filingContentOf } from "../../../src/archive/read-filing.js";
import type { FilingContent } from "../../../src/archive/filing-content.js";
import { openArchive } from "../../../src/archive/open-archive.js";
import { resolveArchiveTarget } from "../../../src/archive/target.js";
import type { Migration } from "../../../src/archive/schema.js";

export interface Filed {
  row: FilingRow;
  content: FilingContent;
}

/** Every current filing, by unit code then period. */
export async function currentContents(db: string, migrations?: readonly Migration[]): Promise<Filed[]> {
  const archive = await openArchive(resolveArchiveTarget(db), migrations === undefined ? {} : { migrations });
  try {
    return await archive.read(async (q) => {
      const rows = await currentFilings(q, { from: null, to: null, units: [] });
      const out: Filed[] = [];
      for (const row of rows) out.push({ row, content: await filingContentOf(q, row) });
      return out;
    });
  } finally {
    await archive.close();
  }
}

/** The number of rows of `table` (a name from this test file's own list, never from data). */
export async function countRows(db: string, table: "filing" | "filing_person" | "filing_event" | "filing_change"): Promise<number> {
  const archive = await openArchive(resolveArchiveTarget(db));
  try {
    const [row] = await archive.read((q) => q.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table}`));
    return row!.n;
  } finally {
    await archive.close();
  }
}

/** The rows of filing and filing_person, in one opening of the archive. */
export async function filingCounts(db: string): Promise<{ filings: number; persons: number }> {
  const archive = await openArchive(resolveArchiveTarget(db));
  try {
    const [row] = await archive.read((q) =>
      q.query<{ filings: number; persons: number }>("SELECT (SELECT count(*)::integer FROM filing) AS filings, (SELECT count(*)::integer FROM filing_person) AS persons"),
    );
    return row!;
  } finally {
    await archive.close();
  }
}

export interface PersonQuarterRow {
  filing_id: number;
  person_id: string;
  period: number;
  grade: string | null;
  score: string | null;
}

/**
 * The derived current person-quarters (schema.ts v4) as the archive holds them, and as the current
 * filings' persons give them (the joins the table stands in for), both in one order.
 */
export async function currentPersonQuarters(db: string): Promise<{ derived: PersonQuarterRow[]; joined: PersonQuarterRow[] }> {
  const archive = await openArchive(resolveArchiveTarget(db));
  try {
    return await archive.read(async (q) => ({
      derived: await q.query<PersonQuarterRow>(
        "SELECT filing_id, person_id, period, grade, score FROM current_person_quarter ORDER BY filing_id, person_id",
      ),
      joined: await q.query<PersonQuarterRow>(
        `SELECT p.filing_id, p.person_id, f.year * 4 + f.quarter - 1 AS period, p.grade, p.score
           FROM filing_person p JOIN filing f ON f.id = p.filing_id
          WHERE NOT EXISTS (SELECT 1 FROM filing s WHERE s.supersedes = f.id)
          ORDER BY p.filing_id, p.person_id`,
      ),
    }));
  } finally {
    await archive.close();
  }
}
