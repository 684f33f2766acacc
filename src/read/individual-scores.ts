// The 个性评分 sheet (workbook.md): the leader's review of the individual indicators, one row per
// graded person, with EITHER one column per 个性 indicator (0 to its 满分, summed exactly into I)
// OR one 个性得分 column (0-100); not both, not neither. Rows of persons who are not graded or not
// listed are not read (their reference is checked in check-person-references.ts).

import type { RowPresence } from "../domain/check-coverage.js";
import type { PersonReference } from "../domain/check-person-references.js";
import { type Exact, ZERO, add, exact } from "../domain/exact.js";
import type { Indicator, IndividualScore } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { INDIVIDUAL_SHEET, INDIVIDUAL_TOTAL_HEADER } from "../domain/sheets.js";
import { dataRows, findHeaderRow, sheetProblem, type HeaderLayout } from "./find-header-row.js";
import type { NumberRange } from "./normalise-cell.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { cellAddress } from "../ooxml/plain.js";
import { indicatorHeader, type ParsedIndicators } from "./indicators.js";
import { RowReader, type SheetContext, addReference, personReference } from "./rows.js";

export interface ParsedIndividualScores {
  scores: IndividualScore[];
  references: PersonReference[];
  presence: RowPresence[] | null;
  problems: Problem[];
}

const SHEET = INDIVIDUAL_SHEET.name;
const FIXED = INDIVIDUAL_SHEET.columns.map((c) => c.header);
/** The 满分 and range of a total score column (个性得分, 测评得分). */
export const TOTAL_MAX = exact(100);
export const TOTAL_RANGE: NumberRange = { min: ZERO, max: TOTAL_MAX, code: "E_SCORE_RANGE" };

/** An indicator's score column, its header and range worked out once, not once per cell. */
export interface ScoreColumn {
  indicator: Indicator;
  header: string;
  range: NumberRange;
}

/** How the scores are given; null when the columns do not say (the problem says why). */
export type ScoreLayout = { kind: "indicators"; columns: ScoreColumn[] } | { kind: "total" } | null;

/**
 * Either every indicator of the category has its column, or the one total column is there
 * (workbook.md 个性评分 and 共性测评 alike).
 */
export function scoreLayout(
  file: string,
  layout: HeaderLayout,
  indicators: readonly Indicator[],
  indicatorsComplete: boolean,
  totalHeader: string,
  categoryLabel: string,
): { layout: ScoreLayout; problems: Problem[] } {
  const present = indicators.filter((i) => layout.columns.has(indicatorHeader(i)));
  const totalColumn = layout.columns.get(totalHeader);
  const sheet = layout.sheetName;
  const names = indicators.map((i) => `“${i.name}”`).join("");
  if (totalColumn !== undefined && present.length > 0) {
    return {
      layout: null,
      problems: [
        sheetProblem(
          file,
          sheet,
          "E_SCORE_LAYOUT",
          `${sheet}!${cellAddress(layout.headerRow, totalColumn)}：“${sheet}”工作表既有“${totalHeader}”列，又有${categoryLabel}指标列（${present.map((i) => i.name).join("、")}）。` +
            `只能二选一：或按指标逐列评分，或只填一列“${totalHeader}”。请删除其中一种。`,
          { cell: cellAddress(layout.headerRow, totalColumn), header: totalHeader },
        ),
      ],
    };
  }
  if (totalColumn !== undefined) return { layout: { kind: "total" }, problems: [] };
  if (!indicatorsComplete) return { layout: null, problems: [] }; // the 指标 sheet's own errors say why
  if (present.length === 0) {
    return {
      layout: null,
      problems: [
        sheetProblem(
          file,
          sheet,
          "E_SCORE_LAYOUT",
          `“${sheet}”工作表既没有${categoryLabel}指标列（${names}），也没有“${totalHeader}”列。请按“指标”工作表加上各指标列，或加上一列“${totalHeader}”。`,
        ),
      ],
    };
  }
  const missing = indicators.filter((i) => !present.includes(i));
  if (missing.length > 0) {
    return {
      layout: null,
      problems: missing.map((i) =>
        sheetProblem(
          file,
          sheet,
          "E_MISSING_HEADER",
          `“${sheet}”工作表的标题行（第 ${layout.headerRow} 行）中没有指标“${i.name}”列。按指标评分时，“指标”工作表中每个${categoryLabel}指标都要有一列。`,
          { header: i.name },
        ),
      ),
    };
  }
  const columns = indicators.map((indicator) => ({
    indicator,
    header: indicatorHeader(indicator),
    range: { min: ZERO, max: indicator.max, code: "E_SCORE_RANGE" as const },
  }));
  return { layout: { kind: "indicators", columns }, problems: [] };
}

export function parseIndividualScoresSheet(context: SheetContext, sheet: PlainSheet, parsed: ParsedIndicators): ParsedIndividualScores {
  const { file } = context;
  const own = parsed.indicators.filter((i) => i.category === "individual");
  const common = new Set(parsed.indicators.filter((i) => i.category === "common").map(indicatorHeader));
  const found = findHeaderRow(file, SHEET, sheet, {
    required: INDIVIDUAL_SHEET.columns.filter((c) => c.required).map((c) => c.header),
    isKnown: (h) => FIXED.includes(h) || h === INDIVIDUAL_TOTAL_HEADER || (parsed.names.has(h) && !common.has(h)),
    unknownNote: (h) => (common.has(h) ? "是共性指标，应在“共性测评”工作表中测评" : null),
  });
  const result: ParsedIndividualScores = { scores: [], references: [], presence: null, problems: [...found.problems] };
  if (!found.value) return result;
  const layout = found.value;
  const scores = scoreLayout(file, layout, own, parsed.complete, INDIVIDUAL_TOTAL_HEADER, "个性");
  result.problems.push(...scores.problems);
  const presence: RowPresence[] = [];
  result.presence = presence;

  for (const row of dataRows(layout)) {
    const r = new RowReader(file, layout, row);
    const personId = r.id("人员编号", true);
    if (personId !== null) {
      addReference(context, result.references, personReference(r, "individual", personId, "人员编号", "姓名"));
      presence.push({ personId, ref: r.ref("人员编号") });
    }
    if (personId !== null && context.graded(personId) && scores.layout !== null) {
      let individual: Exact | null = null;
      if (scores.layout.kind === "total") {
        individual = r.score(INDIVIDUAL_TOTAL_HEADER, TOTAL_RANGE);
      } else {
        // I is the exact sum of the indicator points (rules.md §2); one bad cell leaves no I.
        const points = scores.layout.columns.map((c) => r.score(c.header, c.range));
        individual = points.every((p) => p !== null) ? points.reduce<Exact>((s, p) => add(s, p ?? ZERO), ZERO) : null;
      }
      const comment = r.text("评鉴意见");
      const goal = r.text("改进目标");
      const reviewer = r.text("评鉴人");
      if (individual !== null) {
        result.scores.push({ personId, individual, comment, goal, reviewer, ref: r.ref("人员编号") });
      }
    }
    result.problems.push(...r.finish(context.unitOf(personId)));
  }
  return result;
}
