// One evaluation workbook's units evaluated (political.md "Scores" and "The conclusion"): each
// cadre scored from their forms, their flagged items, their problem information counted by
// 核实情况, their 延伸考察 and talks counted, and concluded; each unit's aspect means (the
// portrait's "unit mean"). A unit with an error is not evaluated (outputs.md "Exit codes").
// A workbook without any form is a problem-information round: nobody is scored or concluded.

import type { Exact } from "./exact.js";
import type { Grade } from "./labels.js";
import { type Conclusion, concludeCadre } from "./political-conclusion.js";
import type { Cadre, Observation, PoliticalUnit, PoliticalWorkbook, ProblemClue, Talk, Verdict, Verification } from "./political-model.js";
import type { PoliticalRules } from "./political-rules.js";
import { type CadreScores, type ItemTally, meanOf, scoreCadre } from "./political-score.js";

export interface CadreResult {
  cadre: Cadre;
  scores: CadreScores;
  flagged: ItemTally[];
  clues: ProblemClue[];
  clueCounts: Record<Verification, number>;
  observations: Observation[];
  observationCounts: Record<Verdict, number>;
  talks: Talk[];
  /** Null in a problem-information round (no forms at all) or without P. */
  conclusion: Conclusion | null;
  /** 结果运用 of the conclusion, or null. */
  use: string | null;
}

export type PoliticalUnitState = "final" | "error";

export interface PoliticalUnitResult {
  unit: PoliticalUnit;
  file: string;
  state: PoliticalUnitState;
  /** In 干部 order; empty for a unit in error. */
  cadres: CadreResult[];
  /** The unit's mean of each A_k over its cadres, in the rules' aspect order (exact). */
  aspectMeans: (Exact | null)[];
}

function groupByCadre<T extends { cadreId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.cadreId);
    if (list) list.push(row);
    else map.set(row.cadreId, [row]);
  }
  return map;
}

export function countClues(clues: readonly ProblemClue[]): Record<Verification, number> {
  const counts: Record<Verification, number> = { confirmed: 0, partly: 0, checking: 0, unfounded: 0 };
  for (const clue of clues) counts[clue.verification]++;
  return counts;
}

export function evaluateCadre(
  cadre: Cadre,
  rows: { forms: PoliticalWorkbook["forms"]; clues: ProblemClue[]; observations: Observation[]; talks: Talk[] },
  rules: PoliticalRules,
  use: Record<Grade, string>,
  informationRound: boolean,
): CadreResult {
  const scores = scoreCadre(rows.forms, rules);
  const flagged = scores.items.filter((item) => item.flagged);
  const observationCounts: Record<Verdict, number> = { positive: 0, negative: 0 };
  for (const o of rows.observations) observationCounts[o.verdict]++;
  const conclusion =
    informationRound || scores.positive === null
      ? null
      : concludeCadre({ positive: scores.positive, flagged, clues: rows.clues, observations: rows.observations }, rules);
  return {
    cadre,
    scores,
    flagged,
    clues: rows.clues,
    clueCounts: countClues(rows.clues),
    observations: rows.observations,
    observationCounts,
    talks: rows.talks,
    conclusion,
    use: conclusion === null ? null : use[conclusion.conclusion],
  };
}

export function evaluateWorkbook(
  workbook: PoliticalWorkbook,
  rules: PoliticalRules,
  unitsInError: ReadonlySet<string>,
  use: Record<Grade, string>,
): PoliticalUnitResult[] {
  const informationRound = workbook.forms.length === 0;
  const forms = groupByCadre(workbook.forms);
  const clues = groupByCadre(workbook.clues);
  const observations = groupByCadre(workbook.observations);
  const talks = groupByCadre(workbook.talks);
  return workbook.units.map((unit): PoliticalUnitResult => {
    if (unitsInError.has(unit.code)) return { unit, file: workbook.file, state: "error", cadres: [], aspectMeans: rules.aspects.map(() => null) };
    const cadres = workbook.cadres
      .filter((c) => c.unitCode === unit.code)
      .map((cadre) =>
        evaluateCadre(
          cadre,
          {
            forms: forms.get(cadre.id) ?? [],
            clues: clues.get(cadre.id) ?? [],
            observations: observations.get(cadre.id) ?? [],
            talks: talks.get(cadre.id) ?? [],
          },
          rules,
          use,
          informationRound,
        ),
      );
    const aspectMeans = rules.aspects.map((_, k) => meanOf(cadres.map((c) => c.scores.aspects[k]?.score ?? null)));
    return { unit, file: workbook.file, state: "final", cadres, aspectMeans };
  });
}
