// The current political rounds of persons (political.md "With --db D"), for their 成长档案:
// each round no later round supersedes, with the person's P, A_k, flagged items and reasons; and
// the current rounds whole, read back as the same content they were filed from (备案 export), so
// that its digest is the digest filed.

import type { FiledPoliticalRound } from "../domain/archive-record.js";
import type { Db } from "./connection.js";
import type { PoliticalCadreContent, PoliticalRoundContent } from "./political-round.js";
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

/** A current round's row: its content's head with its act of filing. */
export interface RoundRow extends Omit<PoliticalRoundContent, "cadres"> {
  id: number;
  digest: string;
  tool_version: string;
  filed_at: string;
}

export interface RoundFilter {
  /** Inclusive years; null for no bound. */
  fromYear: number | null;
  toYear: number | null;
  /**
   * Unit codes; empty for all. A round has no 主管单位 of its own: a code chosen as one brings the
   * rounds of the units its quarters were filed under, as it brings their quarters.
   */
  units: readonly string[];
}

/** The current rounds chosen, by unit code, year, then 测评名称. */
export async function currentRounds(db: Db, filter: RoundFilter): Promise<RoundRow[]> {
  return db.query<RoundRow>(
    `SELECT r.id, r.unit_code, r.unit_name, r.year, r.round, r.rules_json, r.rules_sha256, r.inputs, r.tool_version, r.filed_at, r.digest
       FROM current_political_round r
      WHERE ($1::integer IS NULL OR r.year >= $1)
        AND ($2::integer IS NULL OR r.year <= $2)
        AND (cardinality($3::text[]) = 0 OR r.unit_code = ANY($3::text[])
             OR EXISTS (SELECT 1 FROM current_filing f WHERE f.unit_code = r.unit_code AND f.parent_code = ANY($3::text[])))
      ORDER BY r.unit_code, r.year, r.round, r.id`,
    [filter.fromYear, filter.toYear, [...filter.units]],
  );
}

/** The content of the round `row`: its cadres with their aspects and flagged items, in their filed order. */
export async function roundContentOf(db: Db, row: RoundRow): Promise<PoliticalRoundContent> {
  const cadres = await db.query<Omit<PoliticalCadreContent, "aspects" | "flagged">>(
    `SELECT seq, person_id, name, post, forms, positive::text AS positive, band, conclusion, pending, confirmed, partly, checking, unfounded, reasons, use
       FROM political_cadre WHERE round_id = $1 ORDER BY seq`,
    [row.id],
  );
  const aspects = await db.query<{ person_id: string; seq: number; aspect: string; score: string | null }>(
    "SELECT person_id, seq, aspect, score::text AS score FROM political_aspect WHERE round_id = $1 ORDER BY person_id, seq",
    [row.id],
  );
  const flags = await db.query<{ person_id: string; seq: number; code: string; text: string; forms: number; rate: string }>(
    "SELECT person_id, seq, code, text, forms, rate::text AS rate FROM political_flag WHERE round_id = $1 ORDER BY person_id, seq",
    [row.id],
  );
  const { id: _id, digest: _digest, tool_version: _tool, filed_at: _at, ...head } = row;
  return {
    ...head,
    cadres: cadres.map((c) => ({
      ...c,
      aspects: aspects.filter((a) => a.person_id === c.person_id).map(({ person_id: _p, ...a }) => a),
      flagged: flags.filter((f) => f.person_id === c.person_id).map(({ person_id: _p, ...f }) => f),
    })),
  };
}
