// The --json document of `assess political` (political.md "Outputs" 5): each unit's cadres, their
// scores, flagged items, clues and conclusions, and the problems.
import type { PoliticalResult } from "../commands/political.js";
import { toNumber } from "../domain/exact.js";
import { GRADE_LABEL } from "../domain/labels.js";
import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import { VERIFICATIONS, VERIFICATION_LABEL } from "../domain/political-model.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { problemRecord } from "./problem-table.js";

const num = (x: Parameters<typeof toNumber>[0] | null): number | null => (x === null ? null : toNumber(x, 2));

function unitJson(u: PoliticalUnitResult): unknown {
  return {
    code: u.unit.code,
    name: u.unit.name,
    state: u.state,
    cadres: u.cadres.map((c) => ({
      id: c.cadre.id,
      name: c.cadre.name,
      post: c.cadre.post,
      forms: c.scores.forms,
      aspects: Object.fromEntries(c.scores.aspects.map((a) => [a.aspect, num(a.score)])),
      positive: num(c.scores.positive),
      band: c.conclusion ? GRADE_LABEL[c.conclusion.band] : null,
      flagged: c.flagged.map((f) => ({ item: f.code, forms: f.marks, rate: toNumber(f.rate, 4) })),
      problems: Object.fromEntries(VERIFICATIONS.map((v) => [VERIFICATION_LABEL[v], c.clueCounts[v]])),
      conclusion: c.conclusion ? GRADE_LABEL[c.conclusion.conclusion] : null,
      pending: c.conclusion?.pending ?? c.clueCounts.checking > 0,
      reasons: c.conclusion?.reasons ?? [],
      use: c.use,
    })),
  };
}

export function politicalJson(result: PoliticalResult): unknown {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    year: result.year,
    round: result.round,
    rulesSha256: result.rules?.sha256 ?? null,
    units: result.units.map(unitJson),
    ...(result.filings === undefined ? {} : { filings: result.filings }),
    problems: result.problems.map(problemRecord),
  };
}
