// A unit's round of the political evaluation filed in the archive (political.md "With --db D"):
// one political_round per unit, year and 测评名称, and per cadre the conclusion, P, each A_k, the
// flagged items, the problem counts by 核实情况 (never the content of a problem) and the reasons.
// Filed as `archive add` files a quarter (write-filing.ts): the same content again changes
// nothing; other content is refused unless the command replaces, and then the new round
// supersedes the current one and both stay. Each round is written under a savepoint, so that a
// conflict decided by the database refuses that round alone, in the command's one transaction.

import { createHash } from "node:crypto";
import { basename } from "node:path";
import { fixed } from "../domain/exact.js";
import { GRADE_LABEL } from "../domain/labels.js";
import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import type { EffectiveRules } from "../domain/rules.js";
import { canonicalJson } from "../domain/rules-file-merge.js";
import type { Db } from "./connection.js";
import { toNumericOrNull } from "./numeric.js";

export interface PoliticalCadreContent {
  seq: number;
  person_id: string;
  name: string;
  post: string | null;
  forms: number;
  /** P and each A_k as numeric text with 2 decimals; null when not computed. */
  positive: string | null;
  band: string | null;
  conclusion: string | null;
  pending: boolean;
  confirmed: number;
  partly: number;
  checking: number;
  unfounded: number;
  reasons: string[];
  use: string | null;
  aspects: { seq: number; aspect: string; score: string | null }[];
  /** The flagged negative items; rate as numeric text with 4 decimals (rounded half up). */
  flagged: { seq: number; code: string; text: string; forms: number; rate: string }[];
}

/** What is filed for one unit's round; the digest is over all of it but the inputs. */
export interface PoliticalRoundContent {
  unit_code: string;
  unit_name: string;
  year: number;
  round: string;
  rules_json: string;
  rules_sha256: string;
  inputs: { file: string; sha256: string }[];
  cadres: PoliticalCadreContent[];
}

export type PoliticalFilingState = "filed" | "unchanged" | "replaced" | "refused";

export interface CurrentRound {
  id: number;
  digest: string;
  rules_sha256: string;
  filed_at: string;
}

export type PoliticalFilingOutcome =
  | { state: "filed" | "replaced"; id: number; digest: string; replaced: CurrentRound | null }
  | { state: "unchanged"; digest: string; current: CurrentRound }
  | { state: "refused"; digest: string; why: "filed"; current: CurrentRound }
  | { state: "refused"; digest: string; why: "conflict" };

export function politicalRoundContent(input: {
  unit: PoliticalUnitResult;
  year: number;
  round: string;
  rules: EffectiveRules;
  input: { file: string; sha256: string };
}): PoliticalRoundContent {
  const { unit } = input;
  return {
    unit_code: unit.unit.code,
    unit_name: unit.unit.name,
    year: input.year,
    round: input.round,
    rules_json: canonicalJson(input.rules.json),
    rules_sha256: input.rules.sha256,
    inputs: [{ file: basename(input.input.file), sha256: input.input.sha256 }],
    cadres: unit.cadres.map((c, i) => ({
      seq: i + 1,
      person_id: c.cadre.id,
      name: c.cadre.name,
      post: c.cadre.post === "" ? null : c.cadre.post,
      forms: c.scores.forms,
      positive: toNumericOrNull(c.scores.positive),
      band: c.conclusion ? GRADE_LABEL[c.conclusion.band] : null,
      conclusion: c.conclusion ? GRADE_LABEL[c.conclusion.conclusion] : null,
      pending: c.conclusion?.pending ?? c.clueCounts.checking > 0,
      confirmed: c.clueCounts.confirmed,
      partly: c.clueCounts.partly,
      checking: c.clueCounts.checking,
      unfounded: c.clueCounts.unfounded,
      reasons: c.conclusion?.reasons ?? [],
      use: c.use,
      aspects: c.scores.aspects.map((a, k) => ({ seq: k + 1, aspect: a.aspect, score: toNumericOrNull(a.score) })),
      flagged: c.flagged.map((f, k) => ({ seq: k + 1, code: f.code, text: f.text, forms: f.marks, rate: fixed(f.rate, 4) })),
    })),
  };
}

/** The SHA-256 of the content without its input files: the same results from a re-saved workbook are the same content. */
export function politicalDigest(content: PoliticalRoundContent): string {
  const { inputs: _inputs, ...rest } = content;
  return createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex");
}

async function currentRound(db: Db, content: PoliticalRoundContent): Promise<CurrentRound | null> {
  const [row] = await db.query<CurrentRound>(
    "SELECT id, digest, rules_sha256, filed_at FROM current_political_round WHERE unit_code = $1 AND year = $2 AND round = $3",
    [content.unit_code, content.year, content.round],
  );
  return row ?? null;
}

const CADRE_COLUMNS = "seq, person_id, name, post, forms, positive, band, conclusion, pending, confirmed, partly, checking, unfounded, reasons, use";
const CADRE_RECORD =
  "seq integer, person_id text, name text, post text, forms integer, positive numeric, band text, conclusion text, pending boolean, " +
  "confirmed integer, partly integer, checking integer, unfounded integer, reasons jsonb, use text";

async function insertRound(db: Db, content: PoliticalRoundContent, digest: string, act: PoliticalFilingAct, supersedes: number | null): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO political_round (unit_code, unit_name, year, round, rules_json, rules_sha256, inputs, tool_version, filed_at, digest, supersedes, replace_reason, origin, package_file)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      content.unit_code,
      content.unit_name,
      content.year,
      content.round,
      content.rules_json,
      content.rules_sha256,
      JSON.stringify(content.inputs),
      act.toolVersion,
      act.filedAt,
      digest,
      supersedes,
      supersedes === null ? null : act.replaceReason,
      act.packageFile === null ? "political" : "import",
      act.packageFile,
    ],
  );
  const id = row!.id;
  await db.query(
    `INSERT INTO political_cadre (round_id, ${CADRE_COLUMNS}) SELECT $1, ${CADRE_COLUMNS} FROM jsonb_to_recordset($2::jsonb) AS x(${CADRE_RECORD})`,
    [id, JSON.stringify(content.cadres.map(({ aspects: _a, flagged: _f, ...cadre }) => cadre))],
  );
  const aspects = content.cadres.flatMap((c) => c.aspects.map((a) => ({ person_id: c.person_id, ...a })));
  if (aspects.length > 0) {
    await db.query(
      `INSERT INTO political_aspect (round_id, person_id, seq, aspect, score)
       SELECT $1, person_id, seq, aspect, score::numeric(7, 2) FROM jsonb_to_recordset($2::jsonb) AS x(person_id text, seq integer, aspect text, score text)`,
      [id, JSON.stringify(aspects)],
    );
  }
  const flags = content.cadres.flatMap((c) => c.flagged.map((f) => ({ person_id: c.person_id, ...f })));
  if (flags.length > 0) {
    await db.query(
      `INSERT INTO political_flag (round_id, person_id, seq, code, text, forms, rate)
       SELECT $1, person_id, seq, code, text, forms, rate::numeric(7, 4)
         FROM jsonb_to_recordset($2::jsonb) AS x(person_id text, seq integer, code text, text text, forms integer, rate text)`,
      [id, JSON.stringify(flags)],
    );
  }
  return id;
}

export interface PoliticalFilingAct {
  filedAt: string;
  toolVersion: string;
  /** The 备案 package's file name for `archive import`; null for `political --db`. */
  packageFile: string | null;
  /** --replace --reason TEXT; null without --replace. */
  replaceReason: string | null;
}

const UNIQUE_VIOLATION = "23505";

/** Files one unit's round in the open transaction of `db`. */
export async function filePoliticalRound(db: Db, content: PoliticalRoundContent, act: PoliticalFilingAct): Promise<PoliticalFilingOutcome> {
  const digest = politicalDigest(content);
  const current = await currentRound(db, content);
  if (current !== null) {
    if (current.digest === digest) return { state: "unchanged", digest, current };
    if (act.replaceReason === null) return { state: "refused", digest, why: "filed", current };
  }
  await db.query("SAVEPOINT political_round");
  try {
    const id = await insertRound(db, content, digest, act, current?.id ?? null);
    await db.query("RELEASE SAVEPOINT political_round");
    return { state: current === null ? "filed" : "replaced", id, digest, replaced: current };
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await db.query("ROLLBACK TO SAVEPOINT political_round");
    const winner = await currentRound(db, content);
    if (winner !== null && winner.id !== current?.id && winner.digest === digest) return { state: "unchanged", digest, current: winner };
    return { state: "refused", digest, why: "conflict" };
  }
}
