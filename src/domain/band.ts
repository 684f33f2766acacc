// The band of a total and the eligible band E (rules.md §3). The band of S alone (分数档) is kept
// apart from E, which 否决 and 限好 events may lower, so that outputs can show both.

import type { Exact } from "./exact.js";
import { compare } from "./exact.js";
import type { Reason } from "./graded.js";
import type { Grade } from "./labels.js";
import type { ScoreEvent } from "./model.js";
import type { Rules } from "./rules.js";

/** 好 if S ≥ bands.好; 较好 if S ≥ bands.较好; 一般 if S ≥ bands.一般; else 较差 (§3). */
export function bandOf(total: Exact, bands: Rules["bands"]): Grade {
  if (compare(total, bands.good) >= 0) return "good";
  if (compare(total, bands.fairlyGood) >= 0) return "fairlyGood";
  if (compare(total, bands.average) >= 0) return "average";
  return "poor";
}

export interface EligibleBand {
  /** 分数档: the band of S alone. */
  band: Grade;
  /** E: the band after 否决 and 限好; only a person whose E is 好 is a candidate for 好 (§4.2). */
  eligible: Grade;
  /** One reason per event that changed or fixed the band. */
  reasons: Reason[];
}

/**
 * 否决 gives 较差 whatever S (reason `否决：{事由}`, even when S is already 较差, so that the clerk
 * sees why); 限好 turns an E of 好 into 较好 (reason `限好：{事由}`) and says nothing otherwise,
 * since it changed nothing (§3). A veto outranks a bar.
 */
export function eligibleBand(total: Exact, events: readonly Pick<ScoreEvent, "kind" | "reason">[], bands: Rules["bands"]): EligibleBand {
  const band = bandOf(total, bands);
  const vetoes = events.filter((e) => e.kind === "veto");
  if (vetoes.length > 0) {
    return { band, eligible: "poor", reasons: vetoes.map((e) => ({ kind: "veto", text: e.reason })) };
  }
  const bars = events.filter((e) => e.kind === "barGood");
  if (band === "good" && bars.length > 0) {
    return { band, eligible: "fairlyGood", reasons: bars.map((e) => ({ kind: "barGood", text: e.reason })) };
  }
  return { band, eligible: band, reasons: [] };
}
