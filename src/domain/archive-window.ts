// The quarters the archive's lists and statistics look at (archive.md "The lists"): `--from` ..
// `--to` inclusive; without them, the last `archive.window` quarters up to the latest quarter
// filed. Pure: the latest quarter filed is read by the caller.

import type { Period } from "./model.js";

export type Quarter = Period["quarter"];

/** One quarter of one year: `2026Q3`. */
export interface QuarterKey {
  year: number;
  quarter: Quarter;
}

const KEY = /^(\d{4})\s*[Qq]\s*([1-4])$/;

/** `2026Q3` → { year: 2026, quarter: 3 }; null when the text is not one (years 2000-2100, as 年度). */
export function parseQuarterKey(text: string): QuarterKey | null {
  const m = KEY.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return { year, quarter: Number(m[2]) as Quarter };
}

/** `2026Q3`, as archive.md writes a quarter in flags, file names and JSON keys. */
export function quarterKeyText(key: QuarterKey): string {
  return `${key.year}Q${key.quarter}`;
}

/** A running number of quarters: consecutive quarters differ by 1, across years too. */
export function quarterIndex(key: QuarterKey): number {
  return key.year * 4 + (key.quarter - 1);
}

export function quarterOfIndex(index: number): QuarterKey {
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter };
}

export function compareQuarters(a: QuarterKey, b: QuarterKey): number {
  return quarterIndex(a) - quarterIndex(b);
}

/** Every quarter from `from` to `to`, both included, oldest first. */
export function quartersBetween(from: QuarterKey, to: QuarterKey): QuarterKey[] {
  const keys: QuarterKey[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) keys.push(quarterOfIndex(i));
  return keys;
}

export interface ArchiveWindow {
  from: QuarterKey;
  to: QuarterKey;
  /** Oldest first. */
  quarters: QuarterKey[];
}

export interface WindowRequest {
  /** --from, read; null when not given. */
  from: QuarterKey | null;
  /** --to, read; null when not given. */
  to: QuarterKey | null;
  /** `archive.window` of the rules. */
  size: number;
  /** The latest quarter with a current filing; null when nothing is filed. */
  latestFiled: QuarterKey | null;
}

/**
 * The window, or why there is none (a sentence for the clerk). Without --to the window ends at the
 * latest quarter filed; without --from it is `size` quarters long. Decision where archive.md is
 * silent: with only --from and nothing filed, the window is that one quarter.
 */
export function resolveWindow(request: WindowRequest): { window: ArchiveWindow | null; message: string | null } {
  const to = request.to ?? request.latestFiled ?? request.from;
  if (to === null) {
    return { window: null, message: "档案中还没有归档的季度，请先用 assess archive add 归档，或用 --from、--to 指定季度。" };
  }
  const from = request.from ?? quarterOfIndex(quarterIndex(to) - (request.size - 1));
  if (compareQuarters(from, to) > 0) {
    const whence = request.to === null ? `档案中最新归档的季度 ${quarterKeyText(to)}` : `--to ${quarterKeyText(to)}`;
    return { window: null, message: `--from ${quarterKeyText(from)} 晚于${whence}，请改正起止季度。` };
  }
  return { window: { from, to, quarters: quartersBetween(from, to) }, message: null };
}
