// What the result workbook's 工作清单 sheet and the feedback slip print of a person's 月纪实
// (workbook.md 工作清单 `月份`, 个人小结; outputs.md): the work list grouped by month, and the
// personal summary, whole or cut at a sentence to fit a page. Pure: rows in, text out.
//
// Decisions where the spec is silent:
// - Months are listed in calendar order, the items of the whole quarter (月份 blank) last.
// - The summary of the slip is the quarter's; without one, the months' summaries in order, each
//   headed by its month (`7月：…`), one a line.
// - A cut keeps whole sentences (ending in 。！？；!?; or a line break) and, when the first one is
//   already too long, whole clauses (，、：,:); only a single over-long clause is cut mid-way.
//   The mark `……（全文见结果表）` counts within the limit.

import type { PersonalSummary, WorkItem } from "../domain/model.js";
import { compareMonths, monthLabel, monthOrQuarterLabel } from "../domain/months.js";
import { type WorkSummary, summariseWork } from "../domain/work-summary.js";

export interface MonthWork {
  /** The month, or null for the items of the whole quarter. */
  month: number | null;
  /** That month's items, in sheet order. */
  items: WorkItem[];
  summary: WorkSummary;
}

/** Whether a person's (or a unit's) items or summaries give months: then lists are printed by month. */
export function keptByMonth(items: readonly Pick<WorkItem, "month">[], summaries: readonly Pick<PersonalSummary, "month">[] = []): boolean {
  return items.some((item) => item.month !== null) || summaries.some((summary) => summary.month !== null);
}

/** One person's items grouped by month: months with items in calendar order, then the whole quarter's. */
export function workByMonth(items: readonly WorkItem[]): MonthWork[] {
  const months = [...new Set(items.map((item) => item.month))].sort(compareMonths);
  return months.map((month) => {
    const own = items.filter((item) => item.month === month);
    return { month, items: own, summary: summariseWork(own) };
  });
}

/** `7月：共 3 项，已完成 2 项，推进中 1 项，未完成 0 项` (`全季度：` for items without a month). */
export function monthWorkLine(work: MonthWork): string {
  const { total, done, inProgress, unfinished } = work.summary;
  return `${monthOrQuarterLabel(work.month)}：共 ${total} 项，已完成 ${done} 项，推进中 ${inProgress} 项，未完成 ${unfinished} 项`;
}

/**
 * The summary a slip prints (workbook.md 个人小结): the quarter's, or without one the months'
 * summaries in month order, each headed `7月：`; null when the person wrote none.
 */
export function slipSummaryText(own: readonly PersonalSummary[]): string | null {
  const quarter = own.find((summary) => summary.month === null);
  if (quarter) return quarter.text;
  const months = own.filter((summary) => summary.month !== null).sort((a, b) => compareMonths(a.month, b.month));
  if (months.length === 0) return null;
  return months.map((summary) => `${monthLabel(summary.month ?? 0)}：${summary.text}`).join("\n");
}

/** Appended to a summary that was cut (workbook.md 个人小结). */
export const CUT_MARK = "……（全文见结果表）";

const SENTENCE_END = new Set(["。", "！", "？", "；", "!", "?", ";", "\n"]);
const CLAUSE_END = new Set(["，", "、", "：", ",", ":"]);

/** The last index (exclusive end) within `limit` characters just after a character of `ends`, or 0. */
function lastBoundary(characters: readonly string[], limit: number, ends: ReadonlySet<string>): number {
  for (let end = Math.min(limit, characters.length); end > 0; end--) {
    if (ends.has(characters[end - 1] ?? "")) return end;
  }
  return 0;
}

/**
 * The text in at most `limit` characters: whole when it fits, else cut after its last sentence
 * that fits, with CUT_MARK (counted in the limit). Characters are Unicode code points.
 */
export function cutAtSentence(text: string, limit: number): { text: string; cut: boolean } {
  const characters = Array.from(text.trim());
  if (characters.length <= limit) return { text: characters.join(""), cut: false };
  const room = Math.max(0, limit - Array.from(CUT_MARK).length);
  const end = lastBoundary(characters, room, SENTENCE_END) || lastBoundary(characters, room, CLAUSE_END) || room;
  // a clause mark or line break at the cut gives way to the mark's own ……
  const kept = characters.slice(0, end).join("").replace(/[，、：,:\s]+$/u, "");
  return { text: `${kept}${CUT_MARK}`, cut: true };
}
