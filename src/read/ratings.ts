// The 共性测评 sheet, the democratic evaluation (workbook.md): one rating of one person by one
// rater a row, with EITHER one column per 共性 indicator (a grade word, or points 0 to its 满分)
// OR one 测评得分 column (0-100). A rater may not rate themselves.

import type { RatingPresence } from "../domain/check-coverage.js";
import type { PersonReference } from "../domain/check-person-references.js";
import { type Grade, RATER_GROUP_LABEL } from "../domain/labels.js";
import type { Rating, RatingPart } from "../domain/model.js";
import { hasErrors, type Problem } from "../domain/problem.js";
import { COMMON_SHEET, COMMON_TOTAL_HEADER } from "../domain/sheets.js";
import { dataRows, findHeaderRow } from "./find-header-row.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { indicatorHeader, type ParsedIndicators } from "./indicators.js";
import { TOTAL_MAX, TOTAL_RANGE, scoreLayout } from "./individual-scores.js";
import { RowReader, type SheetContext, addReference, personReference } from "./rows.js";
import type { SharedValues } from "./share-values.js";

export interface ParsedRatings {
  ratings: Rating[];
  references: PersonReference[];
  presence: RatingPresence[] | null;
  problems: Problem[];
}

const SHEET = COMMON_SHEET.name;
const FIXED = COMMON_SHEET.columns.map((c) => c.header);
const RATED = "被测评人编号";
const RATER = "测评人";

/** `shared`: equal parts are one object from the start (a city in one workbook has 400,000 ratings). */
export function parseRatingsSheet(context: SheetContext, sheet: PlainSheet, parsed: ParsedIndicators, shared: SharedValues): ParsedRatings {
  const { file } = context;
  const own = parsed.indicators.filter((i) => i.category === "common");
  const individual = new Set(parsed.indicators.filter((i) => i.category === "individual").map(indicatorHeader));
  const found = findHeaderRow(file, SHEET, sheet, {
    required: COMMON_SHEET.columns.filter((c) => c.required).map((c) => c.header),
    isKnown: (h) => FIXED.includes(h) || h === COMMON_TOTAL_HEADER || (parsed.names.has(h) && !individual.has(h)),
    unknownNote: (h) => (individual.has(h) ? "是个性指标，应在“个性评分”工作表中评分" : null),
  });
  const result: ParsedRatings = { ratings: [], references: [], presence: null, problems: [...found.problems] };
  if (!found.value) return result;
  const layout = found.value;
  const scores = scoreLayout(file, layout, own, parsed.complete, COMMON_TOTAL_HEADER, "共性");
  result.problems.push(...scores.problems);
  const presence: RatingPresence[] = [];
  result.presence = presence;
  // A grade word of a column is one shared part, found here without building it again.
  const gradeParts = scores.layout?.kind === "indicators" ? scores.layout.columns.map(() => new Map<Grade, RatingPart>()) : [];

  for (const row of dataRows(layout)) {
    const r = new RowReader(file, layout, row);
    const personId = r.id(RATED, true);
    if (personId !== null) addReference(context, result.references, personReference(r, "rating", personId, RATED, "被测评人姓名"));
    if (personId !== null && context.graded(personId)) {
      const group = r.choice("测评人类别", RATER_GROUP_LABEL, true);
      const raterId = r.id(RATER);
      const ref = r.ref(RATED);
      presence.push({ personId, group, ref });
      if (raterId !== null && raterId === personId) {
        r.report(RATER, "E_SELF_RATING", raterId, `${r.place(RATER)}与被测评人编号相同：本人不能测评自己。请删除这一行，或改正测评人编号。`);
      }
      let parts: (RatingPart | null)[] = [];
      if (scores.layout?.kind === "total") {
        const points = r.score(COMMON_TOTAL_HEADER, TOTAL_RANGE);
        parts = [points === null ? null : { indicator: null, max: TOTAL_MAX, points }];
      } else if (scores.layout?.kind === "indicators") {
        parts = scores.layout.columns.map(({ indicator, header, range }, column): RatingPart | null => {
          const value = r.gradeOrPoints(header, range);
          if (value === null) return null;
          if (!("grade" in value)) return shared.part({ indicator: indicator.name, max: indicator.max, points: value.points });
          const known = gradeParts[column];
          let part = known?.get(value.grade);
          if (part === undefined) {
            part = shared.part({ indicator: indicator.name, max: indicator.max, grade: value.grade });
            known?.set(value.grade, part);
          }
          return part;
        });
      }
      const complete = parts.filter((p): p is RatingPart => p !== null);
      if (group !== null && scores.layout !== null && complete.length === parts.length && !hasErrors(r.problems)) {
        result.ratings.push({ personId, group, raterId, parts: shared.partList(complete), ref });
      }
    }
    result.problems.push(...r.finish(context.unitOf(personId)));
  }
  return result;
}
