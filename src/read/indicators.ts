// The 指标 sheet (workbook.md): names unique, 类别 个性 or 共性, 满分 above 0, and the 满分 of each
// category adding up to 100 (an error at the sheet naming both sums). An indicator's name is the
// header of its column in 个性评分 or 共性测评, so it may not be one of those sheets' own headers.

import { type Exact, ZERO, add, equals, exact, toText } from "../domain/exact.js";
import { CATEGORY_LABEL, DIMENSION_LABEL } from "../domain/labels.js";
import type { Indicator } from "../domain/model.js";
import { hasErrors, type Problem } from "../domain/problem.js";
import { COMMON_SHEET, COMMON_TOTAL_HEADER, INDICATORS_SHEET, INDIVIDUAL_SHEET, INDIVIDUAL_TOTAL_HEADER } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf, sheetProblem } from "./find-header-row.js";
import { normaliseHeader, type NumberRange } from "./normalise-cell.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { RowReader } from "./rows.js";

export interface ParsedIndicators {
  /** The indicators whose row reads without error, in sheet order. */
  indicators: Indicator[];
  /** Every name listed (normalised as a header), readable or not: the scoring sheets know these columns. */
  names: ReadonlySet<string>;
  /** Whether the indicators can be relied on to check the scoring sheets' columns. */
  complete: boolean;
  problems: Problem[];
}

const SHEET = INDICATORS_SHEET.name;
const FULL_MARKS: NumberRange = { min: ZERO, max: null, minExclusive: true, code: "E_NUMBER_RANGE" };
const CATEGORY_TOTAL = exact(100);
/** Headers of the scoring sheets that an indicator's column would be confused with. */
const RESERVED = new Set(
  [...INDIVIDUAL_SHEET.columns, ...COMMON_SHEET.columns].map((c) => c.header).concat(INDIVIDUAL_TOTAL_HEADER, COMMON_TOTAL_HEADER),
);

/** The header an indicator's column has in a scoring sheet. */
export function indicatorHeader(indicator: Pick<Indicator, "name">): string {
  return normaliseHeader(indicator.name);
}

export function parseIndicatorsSheet(file: string, sheet: PlainSheet): ParsedIndicators {
  const found = findHeaderRow(file, SHEET, sheet, headerSpecOf(INDICATORS_SHEET));
  const names = new Set<string>();
  const result: ParsedIndicators = { indicators: [], names, complete: false, problems: [...found.problems] };
  if (!found.value) return result;
  const layout = found.value;
  const firstRow = new Map<string, string>();
  let rowErrors = false;

  for (const row of dataRows(layout)) {
    const r = new RowReader(file, layout, row);
    const name = r.text("指标名称", true);
    const category = r.choice("类别", CATEGORY_LABEL, true);
    const dimension = r.choice("维度", DIMENSION_LABEL);
    const max = r.number("满分", FULL_MARKS, true);
    const description = r.text("说明");
    let usable = name !== null;
    if (name !== null) {
      const header = normaliseHeader(name);
      const first = firstRow.get(header);
      if (first !== undefined) {
        r.report("指标名称", "E_DUPLICATE_INDICATOR", name, `${r.place("指标名称")}“${name}”与 ${first} 重复。指标名称不能重复：请改名或删除重复的行。`);
        usable = false;
      } else if (RESERVED.has(header)) {
        r.report(
          "指标名称",
          "E_INDICATOR_NAME",
          name,
          `${r.place("指标名称")}“${name}”与评分表的固定列标题相同，无法区分。请给这个指标另起一个名称。`,
        );
        usable = false;
      } else {
        firstRow.set(header, r.ref("指标名称").cell);
      }
      names.add(header);
    }
    if (hasErrors(r.problems)) rowErrors = true;
    if (usable && category !== null && max !== null && name !== null) {
      result.indicators.push({ name, category, dimension, max, description });
    }
    result.problems.push(...r.finish(undefined));
  }

  result.complete = !rowErrors;
  if (!rowErrors) {
    // Both sums in one message, so that the clerk sees which category is off (workbook.md 指标).
    const total = (category: Indicator["category"]): Exact =>
      result.indicators.filter((i) => i.category === category).reduce((s, i) => add(s, i.max), ZERO);
    const individual = total("individual");
    const common = total("common");
    if (!equals(individual, CATEGORY_TOTAL) || !equals(common, CATEGORY_TOTAL)) {
      result.problems.push(
        sheetProblem(
          file,
          SHEET,
          "E_INDICATOR_SUM",
          `“${SHEET}”工作表中个性指标的满分合计为 ${toText(individual)}，共性指标的满分合计为 ${toText(common)}；两者都应为 100。请调整各指标的满分。`,
          { header: "满分", value: `${toText(individual)} / ${toText(common)}` },
        ),
      );
    }
  }
  return result;
}
