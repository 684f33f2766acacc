// The `--json` document of `assess grade` (outputs.md "Per run"): Chinese words for grades and
// states as a clerk would read them, scores as numbers with at most 2 decimals, null for persons
// who are not graded.

import type { Exact } from "../domain/exact.js";
import { toNumber } from "../domain/exact.js";
import type { GradedPerson } from "../domain/graded.js";
import { gradeCounts, reasonText } from "../domain/graded.js";
import { GRADE_LABEL, OUTCOME_LABEL, PERSON_KIND_LABEL, STATUS_LABEL } from "../domain/labels.js";
import { problemRecord } from "./problem-table.js";
import type { GradeResult } from "../commands/grade.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";

const score = (value: Exact | undefined): number | null => (value === undefined ? null : toNumber(value));

function personRecord(graded: GradedPerson): unknown {
  const { person, scores } = graded;
  return {
    id: person.id,
    name: person.name,
    department: person.department,
    status: person.kind === "leadership" ? PERSON_KIND_LABEL.leadership : STATUS_LABEL[person.status],
    individual: score(scores?.individual),
    common: score(scores?.common),
    bonus: score(scores?.bonus),
    deduction: score(scores?.deduction),
    score: score(scores?.total),
    band: graded.band === null ? null : GRADE_LABEL[graded.band],
    grade: graded.grade === null ? null : OUTCOME_LABEL[graded.grade],
    reasons: graded.reasons.map(reasonText),
  };
}

export function gradeJson(result: GradeResult): unknown {
  const pools = new Map(result.pools.map((pool) => [pool.code, pool]));
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    year: result.period?.year ?? null,
    quarter: result.period?.quarter ?? null,
    rulesSha256: result.rules?.sha256 ?? null,
    units: result.units.map((unit) => ({
      code: unit.unit.code,
      name: unit.unit.name,
      state: unit.state,
      pool: unit.poolCode,
      n: pools.get(unit.poolCode)?.n ?? null,
      quota: pools.get(unit.poolCode)?.quota ?? null,
      counts: gradeCounts(unit),
      persons: unit.persons.map(personRecord),
    })),
    problems: result.problems.map(problemRecord),
    written: result.written,
  };
}
