// The current political rounds of persons (political.md "With --db D"), for their 成长档案:
// each round no later round supersedes, with the person's P, A_k, flagged items and reasons.

import type { FiledPoliticalRound } from "../domain/archive-record.js";
import type { Db } from "./connection.js";
import type { PoliticalCadreContent } from "./political-round.js";
import { fromNumeric } from "./numeric.js";

/** A political_cadre row joined with its round: the round's identity, then the cadre's columns. */
type CadreRow = Omit<PoliticalCadreContent, "seq" | "aspects" | "flagged"> & {
  round_id: number;
  year: number;
  round: string;
  unit_code: string;
  unit_name: string;
  filed_at: string | Date;
};

/** Every current round of each of `ids`, oldest first (year, then filing). */
export async function readPersonPolitical(db: Db, ids: readonly string[]): Promise<FiledPoliticalRound[]> {
  if (ids.length === 0) return [];
  const cadres = await db.query<CadreRow>(
    `SELECT r.id AS round_id, r.year, r.round, r.unit_code, r.unit_name, r.filed_at, c.person_id, c.name, c.post, c.forms,
            c.positive::text AS positive, c.band, c.conclusion, c.pending, c.confirmed, c.partly, c.checking, c.unfounded, c.reasons, c.use
       FROM current_political_round r JOIN political_cadre c ON c.round_id = r.id
      WHERE c.person_id = ANY($1::text[])
      ORDER BY r.year, r.filed_at, r.id`,
    [[...ids]],
  );
  if (cadres.length === 0) return [];
  const roundIds = [...new Set(cadres.map((c) => c.round_id))];
  const aspects = await db.query<{ round_id: number; person_id: string; aspect: string; score: string | null }>(
    `SELECT round_id, person_id, aspect, score::text AS score FROM political_aspect
      WHERE round_id = ANY($1::int[]) AND person_id = ANY($2::text[]) ORDER BY round_id, person_id, seq`,
    [roundIds, [...ids]],
  );
  const flags = await db.query<{ round_id: number; person_id: string; code: string; text: string; forms: number; rate: string }>(
    `SELECT round_id, person_id, code, text, forms, rate::text AS rate FROM political_flag
      WHERE round_id = ANY($1::int[]) AND person_id = ANY($2::text[]) ORDER BY round_id, person_id, seq`,
    [roundIds, [...ids]],
  );
  const key = (r: { round_id: number; person_id: string }): string => `${r.round_id}\u0000${r.person_id}`;
  return cadres.map((c) => ({
    year: c.year,
    round: c.round,
    unitCode: c.unit_code,
    unitName: c.unit_name,
    filedAt: c.filed_at instanceof Date ? c.filed_at.toISOString() : String(c.filed_at),
    id: c.person_id,
    name: c.name,
    post: c.post,
    forms: c.forms,
    positive: fromNumeric(c.positive),
    aspects: aspects.filter((a) => key(a) === key(c)).map((a) => ({ aspect: a.aspect, score: fromNumeric(a.score) })),
    band: c.band,
    conclusion: c.conclusion,
    pending: c.pending,
    problems: { confirmed: c.confirmed, partly: c.partly, checking: c.checking, unfounded: c.unfounded },
    flagged: flags.filter((f) => key(f) === key(c)).map((f) => ({ code: f.code, text: f.text, forms: f.forms, rate: fromNumeric(f.rate)! })),
    reasons: c.reasons,
    use: c.use,
  }));
}
