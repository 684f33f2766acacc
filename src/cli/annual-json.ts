// The `--json` document of `assess annual` (outputs.md "Annual"), key for key: Chinese words for
// grades and results as a clerk reads them, the mean as a number with at most 2 decimals.

import type { AnnualPerson, GradedYear } from "../domain/annual.js";
import { toNumber } from "../domain/exact.js";
import { ANNUAL_RESULT_LABEL, GRADE_LABEL, GRADES, OUTCOME_LABEL } from "../domain/labels.js";
import type { AnnualRunResult } from "../commands/annual.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { problemRecord } from "./problem-table.js";

/** A ratio as the rules file gives it (0.2, 0.25); six places hold any ratio a clerk would type. */
const RATIO_PLACES = 6;

function personRecord(person: AnnualPerson): unknown {
  return {
    id: person.id,
    name: person.name,
    // The unit of the person's latest graded quarter (rules.md §6), by its code.
    unit: person.unitCode,
    // One key per quarter given ("1".."4"); null when the person has no grade that quarter.
    grades: Object.fromEntries(person.quarters.map((q) => [String(q.quarter), q.grade === null ? null : OUTCOME_LABEL[q.grade]])),
    counts: Object.fromEntries(GRADES.map((g) => [GRADE_LABEL[g], person.counts[g]])),
    meanScore: person.meanScore === null ? null : toNumber(person.meanScore),
    eligible: person.eligible,
    reason: person.reason,
    result: person.result === null ? null : ANNUAL_RESULT_LABEL[person.result],
    reserve: person.reserve,
    reminder: person.reminder,
  };
}

function unitsOf(graded: GradedYear | null): unknown[] {
  return (graded?.units ?? []).map((u) => ({ code: u.code, name: u.name, n: u.n, quota: u.quota, ratio: toNumber(u.ratio, RATIO_PLACES) }));
}

export function annualJson(result: AnnualRunResult): unknown {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    year: result.year,
    rulesSha256: result.rules?.sha256 ?? null,
    state: result.state,
    quarters: (result.graded?.quarters ?? []).map((q) => ({ quarter: q.quarter, state: q.state })),
    units: unitsOf(result.graded),
    persons: (result.graded?.persons ?? []).map(personRecord),
    problems: result.problems.map(problemRecord),
  };
}
