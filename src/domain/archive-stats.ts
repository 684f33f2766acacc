// The archive's statistics (archive.md "Statistics"): per unit and quarter of the window N, Q,
// the count of each grade, 不确定等次 and 不参加, the share of 好, whether the quota was used up and
// when the quarter was filed; and per quarter the same for the whole archive. Pure.

import type { ArchiveWindow, QuarterKey } from "./archive-window.js";
import { compareQuarters, quarterIndex } from "./archive-window.js";
import type { Exact } from "./exact.js";
import { div, ratio } from "./exact.js";
import type { Outcome } from "./labels.js";
import { groupBy } from "./model.js";

/** One current filing as the statistics need it. */
export interface StatsInput extends QuarterKey {
  unitCode: string;
  unitName: string;
  /** The pool the unit was graded in; N and Q are the pool's (as `grade --json`). */
  poolCode: string;
  n: number;
  quota: number;
  /** The unit's own persons by grade. */
  counts: Record<Outcome, number>;
  /** The unit's own 非领导成员 不确定等次 and 不参加. */
  undetermined: number;
  excluded: number;
  /** ISO time of filing. */
  filedAt: string;
}

export interface StatsCounts {
  counts: Record<Outcome, number>;
  undetermined: number;
  excluded: number;
  /** 好 over the graded persons counted (好 + 较好 + 一般 + 较差 + 待定); null when none. */
  goodShare: Exact | null;
}

export interface StatsUnitRow extends StatsCounts {
  unitCode: string;
  unitName: string;
  poolCode: string;
  n: number;
  quota: number;
  /** The pool's 好 (over its units filed this quarter) reached Q. */
  quotaUsedUp: boolean;
  filedAt: string;
}

export interface StatsQuarter extends QuarterKey, StatsCounts {
  /** By unit code. */
  units: StatsUnitRow[];
  /** Each pool's N and Q once (pooled units share them, so a plain sum would count them twice). */
  n: number;
  quota: number;
}

const OUTCOMES: readonly Outcome[] = ["good", "fairlyGood", "average", "poor", "pending"];

function zeroOutcomes(): Record<Outcome, number> {
  return { good: 0, fairlyGood: 0, average: 0, poor: 0, pending: 0 };
}

function shareOfGood(counts: Record<Outcome, number>): Exact | null {
  const graded = OUTCOMES.reduce((total, o) => total + counts[o], 0);
  return graded === 0 ? null : div(ratio(BigInt(counts.good)), ratio(BigInt(graded)));
}

/** Every quarter of the window, oldest first, with a row per unit filed in it (quarters without filings included, empty). */
export function archiveStats(filings: readonly StatsInput[], window: ArchiveWindow): StatsQuarter[] {
  const byQuarter = groupBy(
    filings.filter((f) => compareQuarters(f, window.from) >= 0 && compareQuarters(f, window.to) <= 0),
    quarterIndex,
  );
  return window.quarters.map((key) => {
    const filed = [...(byQuarter.get(quarterIndex(key)) ?? [])].sort((a, b) =>
      a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0,
    );
    const poolGood = new Map<string, number>();
    for (const f of filed) poolGood.set(f.poolCode, (poolGood.get(f.poolCode) ?? 0) + f.counts.good);
    const units = filed.map(
      (f): StatsUnitRow => ({
        unitCode: f.unitCode,
        unitName: f.unitName,
        poolCode: f.poolCode,
        n: f.n,
        quota: f.quota,
        counts: { ...f.counts },
        undetermined: f.undetermined,
        excluded: f.excluded,
        goodShare: shareOfGood(f.counts),
        quotaUsedUp: (poolGood.get(f.poolCode) ?? 0) >= f.quota,
        filedAt: f.filedAt,
      }),
    );
    const counts = zeroOutcomes();
    for (const u of units) for (const o of OUTCOMES) counts[o] += u.counts[o];
    const pools = new Map(units.map((u) => [u.poolCode, u]));
    return {
      ...key,
      units,
      n: [...pools.values()].reduce((total, u) => total + u.n, 0),
      quota: [...pools.values()].reduce((total, u) => total + u.quota, 0),
      counts,
      undetermined: units.reduce((total, u) => total + u.undetermined, 0),
      excluded: units.reduce((total, u) => total + u.excluded, 0),
      goodShare: shareOfGood(counts),
    };
  });
}
