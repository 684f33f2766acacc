// A document title too long for one line is broken where a reader pauses, not where the line
// happens to end (issue 11: not inside 平时/考核, nor between 第 and the quarter): `关于某市某某局
// 2026年第三季度` / `公务员平时考核结果的公示`. Word and LibreOffice would break a Chinese line
// at any character, so the title is given to them as lines already broken.

import { endsSurrogatePair } from "../ooxml/xml-text.js";

/** Runs that are never broken: a year, a quarter, a date, the words of the appraisal. */
const WHOLE = /\d{4}年(?:第[一二三四1-4]季度|\d{1,2}月(?:\d{1,2}日)?)?|第[一二三四1-4]季度|公务员|平时考核|考核结果|反馈单|[（(][^）)]*[）)]|[A-Za-z0-9.]+|./gsu;

/**
 * Where a line may end, best first: after the period (`…季度`), after the unit's name (given),
 * before 公务员 / 关于 (the subject), then between any two runs.
 */
function breakRank(before: string, after: string, phrases: readonly string[]): number {
  if (/季度$|年度$/.test(before)) return 0;
  if (phrases.some((phrase) => phrase !== "" && before.endsWith(phrase))) return 1;
  if (after.startsWith("公务员") || after.startsWith("关于")) return 2;
  return 3;
}

/** The width of a text in full-width characters: Latin letters and digits count half. */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    // A character beyond U+FFFF counts once, as a full-width one (by its first unit).
    if (!endsSurrogatePair(text, i)) width += text.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
  }
  return width;
}

/**
 * `title` in lines of at most `perLine` full-width characters, each line ending at the best
 * break that fits (breakRank; a later break of the same rank is taken, for fuller lines).
 * `phrases` are texts after which a break reads well (the unit's name). A run longer than a
 * line (a very long unit name) is broken between its characters.
 */
export function titleLines(title: string, perLine: number, phrases: readonly string[] = []): string[] {
  if (textWidth(title) <= perLine) return [title];
  const runs = title.match(WHOLE) ?? [title];
  const lines: string[] = [];
  let start = 0;
  while (start < runs.length) {
    const rest = runs.slice(start).join("");
    if (textWidth(rest) <= perLine) {
      lines.push(rest);
      break;
    }
    let best: { end: number; rank: number } | null = null;
    let line = "";
    for (let end = start + 1; end < runs.length; end++) {
      line += runs[end - 1];
      if (textWidth(line) > perLine) break;
      const rank = breakRank(line, runs.slice(end).join(""), phrases);
      // Balance: a break of rank 0-2 is worth taking only if the line is not left nearly empty.
      if (best === null || rank < best.rank || (rank === best.rank && end > best.end)) {
        if (rank < 3 && textWidth(line) < perLine / 3) continue;
        best = { end, rank };
      }
    }
    const end = best?.end ?? start + 1;
    lines.push(runs.slice(start, end).join(""));
    start = end;
  }
  return lines;
}
