// The conclusion of one cadre (political.md "The conclusion (综合研判)"): the first rule that
// holds gives it, every rule that holds is a reason, and a 核实中 problem marks the cadre 待核实
// and never leaves them at 好. Pure: scores, flags, problem information and observations in.
//
// Decisions where the spec is silent (the wording of reasons other than the two it gives):
// - a 属实 / 部分属实 problem: `政治自律方面有问题线索属实（1条）`, one reason per aspect and state;
// - the band of P: `正向得分58.20，属较差档`; a band of 好 or 较好 is a reason only when it gives
//   the conclusion (rule 3), since it always "holds";
// - a negative finding of 延伸考察: `延伸考察有1条负面评价（社区）`;
// - 待核实: the reason `有问题线索正在核实` whenever a 核实中 problem is there, not only when it
//   lowers 好, so that every output says why the cadre is 待核实.

import { type Exact, fixed, mul, ratio, roundTo, toText } from "./exact.js";
import { GRADE_LABEL, type Grade } from "./labels.js";
import { type Observation, type ProblemClue, SCENE_LABEL, type Scene, VERIFICATION_LABEL, type Verification } from "./political-model.js";
import type { PoliticalRules } from "./political-rules.js";
import { type ItemTally, politicalBand } from "./political-score.js";

export const PENDING_REASON = "有问题线索正在核实";

/** 结果运用 by conclusion (political.md); templates/political.json may reword them. */
export const DEFAULT_POLITICAL_USE: Record<Grade, string> = {
  good: "可优先考虑使用",
  fairlyGood: "正常使用",
  average: "进行提醒谈话，跟踪观察",
  poor: "暂缓提拔使用，研判是否调整岗位",
};

export interface Conclusion {
  band: Grade;
  conclusion: Grade;
  /** 待核实: some problem information is still being checked. */
  pending: boolean;
  reasons: string[];
}

/** `30%`, `33.33%`: a rate as a percentage, rounded half up to 2 decimals, without trailing zeros. */
export function percentText(rate: Exact): string {
  return `${toText(roundTo(mul(rate, ratio(100n)), 2))}%`;
}

export function flagReason(item: Pick<ItemTally, "text" | "marks" | "rate">): string {
  return `反向条目“${item.text}”有${item.marks}人反映（${percentText(item.rate)}）`;
}

function clueReasons(clues: readonly ProblemClue[], verification: Verification, aspects: (aspect: string) => boolean): string[] {
  const counts = new Map<string, number>();
  for (const clue of clues) {
    if (clue.verification === verification && aspects(clue.aspect)) counts.set(clue.aspect, (counts.get(clue.aspect) ?? 0) + 1);
  }
  return [...counts].map(([aspect, n]) => `${aspect}方面有问题线索${VERIFICATION_LABEL[verification]}（${n}条）`);
}

function bandReason(positive: Exact, band: Grade): string {
  return `正向得分${fixed(positive)}，属${GRADE_LABEL[band]}档`;
}

export function concludeCadre(
  input: { positive: Exact; flagged: readonly ItemTally[]; clues: readonly ProblemClue[]; observations: readonly Observation[] },
  rules: Pick<PoliticalRules, "bands" | "vetoAspects" | "aspects">,
): Conclusion {
  const band = politicalBand(input.positive, rules.bands);
  const veto = new Set(rules.vetoAspects);
  // Aspects in the rules' order, so reasons come out the same whatever order the rows had.
  const order = new Map(rules.aspects.map((a, i) => [a.name, i]));
  const clues = [...input.clues].sort((a, b) => (order.get(a.aspect) ?? 0) - (order.get(b.aspect) ?? 0));

  const poor = [...clueReasons(clues, "confirmed", (a) => veto.has(a)), ...(band === "poor" ? [bandReason(input.positive, band)] : [])];
  const negatives = input.observations.filter((o) => o.verdict === "negative");
  const scenes = [...new Set(negatives.map((o) => o.scene))].sort(
    (a, b) => Object.keys(SCENE_LABEL).indexOf(a) - Object.keys(SCENE_LABEL).indexOf(b),
  ) as Scene[];
  const average = [
    ...clueReasons(clues, "confirmed", (a) => !veto.has(a)),
    ...clueReasons(clues, "partly", () => true),
    ...input.flagged.map(flagReason),
    ...(negatives.length > 0 ? [`延伸考察有${negatives.length}条负面评价（${scenes.map((s) => SCENE_LABEL[s]).join("、")}）`] : []),
    ...(band === "average" ? [bandReason(input.positive, band)] : []),
  ];

  let conclusion: Grade;
  const reasons: string[] = [...poor, ...average];
  if (poor.length > 0) conclusion = "poor";
  else if (average.length > 0) conclusion = "average";
  else {
    conclusion = band;
    reasons.push(bandReason(input.positive, band));
  }
  const pending = clues.some((c) => c.verification === "checking");
  if (pending) {
    if (conclusion === "good") conclusion = "fairlyGood";
    reasons.push(PENDING_REASON);
  }
  return { band, conclusion, pending, reasons };
}
