// A workbook named after a quarter (`q3.xlsx`, `2026Q3_发改委.xlsx`, `2026年第三季度.xlsx`) whose
// 参数 says another quarter gets a warning (workbook.md "Checks across sheets"): the clerk may
// have copied last quarter's file and forgotten to change 季度. A year in the name is checked the
// same way.

import type { Period } from "./model.js";
import type { CellRef } from "./model.js";
import { quarterText } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";

const QUARTER_DIGIT: Record<string, number> = { "1": 1, "2": 2, "3": 3, "4": 4, 一: 1, 二: 2, 三: 3, 四: 4 };
const NAMED_QUARTER = [
  /(?:^|[^A-Za-z])(?:(\d{4})[\s_-]*)?Q([1-4])(?!\d)/i,
  /(?:(\d{4})年)?第?([1-4一二三四])季度/,
];

/** The period a file name speaks of, if any: `2026Q3.xlsx` → { year: 2026, quarter: 3 }. */
export function periodInFileName(file: string): { year: number | null; quarter: number } | null {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  for (const pattern of NAMED_QUARTER) {
    const m = pattern.exec(base);
    const quarter = m?.[2] === undefined ? undefined : QUARTER_DIGIT[m[2]];
    if (m && quarter !== undefined) return { year: m[1] === undefined ? null : Number(m[1]), quarter };
  }
  return null;
}

export function checkFilePeriod(file: string, period: Period, places: { year: CellRef; quarter: CellRef }): Problem[] {
  const named = periodInFileName(file);
  if (!named) return [];
  const problems: Problem[] = [];
  const name = file.replace(/^.*[\\/]/, "");
  if (named.year !== null && named.year !== period.year) {
    problems.push(
      problemAt(
        places.year,
        "warning",
        "W_FILE_QUARTER",
        String(period.year),
        `文件名“${name}”是${named.year}年，但${places.year.sheet}!${places.year.cell}的年度是${period.year}年。请核对年度是否填错，或改正文件名。`,
      ),
    );
  }
  if (named.quarter !== period.quarter) {
    problems.push(
      problemAt(
        places.quarter,
        "warning",
        "W_FILE_QUARTER",
        String(period.quarter),
        `文件名“${name}”是${quarterText(named.quarter as Period["quarter"])}，但${places.quarter.sheet}!${places.quarter.cell}的季度是${quarterText(period.quarter)}。请核对季度是否填错，或改正文件名。`,
      ),
    );
  }
  return problems;
}
