// The year's result recorded in the archive (archive.md "Annual from the archive"): one annual
// record per year, each person's counts, mean, eligibility, 推荐优秀/待定, reserve and reminder
// flags, with the rules and the filings it was made from. A later run supersedes the earlier
// record as filings do: a new row names the one it replaces; nothing is updated or deleted.

import type { GradedYear } from "../domain/annual.js";
import { ANNUAL_RESULT_LABEL } from "../domain/labels.js";
import type { EffectiveRules } from "../domain/rules.js";
import { canonicalJson } from "../domain/rules-file-merge.js";
import type { Db } from "./connection.js";
import { toNumericOrNull } from "./numeric.js";

export interface AnnualRecordInput {
  year: number;
  graded: GradedYear;
  state: "final" | "draft";
  rules: EffectiveRules;
  toolVersion: string;
  /** The current filings the year was linked from. */
  filingIds: readonly number[];
  /** ISO time of recording. */
  recordedAt: string;
}

const ROWS_PER_STATEMENT = 5000;

/** Inserts the record (superseding the year's current one, if any); returns its id and the one it superseded. */
export async function recordAnnual(db: Db, input: AnnualRecordInput): Promise<{ id: number; supersedes: number | null }> {
  const [current] = await db.query<{ id: number }>("SELECT id FROM current_annual_record WHERE year = $1", [input.year]);
  const supersedes = current?.id ?? null;
  const [inserted] = await db.query<{ id: number }>(
    `INSERT INTO annual_record (year, state, rules_json, rules_sha256, tool_version, recorded_at, filings, supersedes)
     VALUES ($1, $2, $3, $4, $5, $6, $7::int[], $8) RETURNING id`,
    [
      input.year,
      input.state,
      canonicalJson(input.rules.json),
      input.rules.sha256,
      input.toolVersion,
      input.recordedAt,
      [...input.filingIds],
      supersedes,
    ],
  );
  if (!inserted) throw new Error("annual_record insert returned no id");
  // The persons in a few statements, each a parameter of JSON rows (a city's year is tens of
  // thousands of persons; one statement each would be as many round trips).
  const rows = input.graded.persons.map((person) => ({
    person_id: person.id,
    name: person.name,
    unit_code: person.unitCode,
    good: person.counts.good,
    fairly_good: person.counts.fairlyGood,
    average: person.counts.average,
    poor: person.counts.poor,
    mean_score: toNumericOrNull(person.meanScore),
    eligible: person.eligible,
    reason: person.reason,
    result: person.result === null ? null : ANNUAL_RESULT_LABEL[person.result],
    reserve: person.reserve,
    reminder: person.reminder,
  }));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db.query(
      `INSERT INTO annual_person (record_id, person_id, name, unit_code, good, fairly_good, average, poor, mean_score,
                                  eligible, reason, result, reserve, reminder)
       SELECT $1, x.person_id, x.name, x.unit_code, x.good, x.fairly_good, x.average, x.poor, x.mean_score::numeric(7, 2),
              x.eligible, x.reason, x.result, x.reserve, x.reminder
         FROM jsonb_to_recordset($2::jsonb) AS x(person_id text, name text, unit_code text, good integer, fairly_good integer,
              average integer, poor integer, mean_score text, eligible boolean, reason text, result text, reserve boolean, reminder boolean)`,
      [inserted.id, JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT))],
    );
  }
  return { id: inserted.id, supersedes };
}
