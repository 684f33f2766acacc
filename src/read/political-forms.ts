// The 双向测评 sheet (political.md): one rater's form for one cadre a row — the rater group, a
// word per aspect (a blank is an error: never guessed), and the negative items marked (是, √ or 1;
// blank or 否 is not marked). A rater may not rate themselves. Columns are found by the rules'
// aspect names and by each item's code, its text, or both (`反9` + a line break + its text).

import { GRADE_LABEL, type Grade } from "../domain/labels.js";
import type { PoliticalForm } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { negativeItems } from "../domain/political-rules.js";
import { FORMS_SHEET, MARK_WORDS, NO_MARK_WORDS } from "../domain/political-sheets.js";
import { hasErrors, type Problem } from "../domain/problem.js";
import { isBlank, cellText, halfWidth, normaliseHeader, readChoice, withoutSpaces } from "./normalise-cell.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { dataRows, findHeaderRow, sheetProblem } from "./find-header-row.js";
import { RowReader, faultProblem } from "./rows.js";
import type { CadreReference } from "./political-references.js";

export interface ParsedForms {
  forms: PoliticalForm[];
  references: CadreReference[];
  problems: Problem[];
  /** Data rows the sheet has (read or not): a sheet with rows makes every cadre need a form. */
  rows: number;
}

const SHEET = FORMS_SHEET.name;
const FIXED = FORMS_SHEET.columns.map((c) => c.header);
const RATED = "被测评人编号";
const RATER = "测评人";

/** The headers an item's column may have, normalised: its code, its text, or the code and the text. */
export function itemHeaders(item: { code: string; text: string }): string[] {
  const code = normaliseHeader(item.code);
  const text = normaliseHeader(item.text);
  return [code, text, `${code}${text}`, `${code}:${text}`, `${code}、${text}`];
}

/** A table of words for readChoice whose keys are the words themselves (groups, sources, aspects). */
export function wordTable(words: readonly string[]): Record<string, string> {
  return Object.fromEntries(words.map((w) => [w, w]));
}

export function parseFormsSheet(
  file: string,
  sheet: PlainSheet,
  rules: PoliticalRules,
  unitOf: (cadreId: string | null) => string | undefined,
): ParsedForms {
  const aspects = rules.aspects.map((a) => ({ name: a.name, header: normaliseHeader(a.name) }));
  const items = negativeItems(rules);
  const itemOfHeader = new Map<string, string>();
  for (const item of items) for (const h of itemHeaders(item)) itemOfHeader.set(h, item.code);
  const found = findHeaderRow(file, SHEET, sheet, {
    required: [...FORMS_SHEET.columns.filter((c) => c.required).map((c) => c.header), ...aspects.map((a) => a.header)],
    isKnown: (h) => FIXED.includes(h) || aspects.some((a) => a.header === h) || itemOfHeader.has(h),
    unknownNote: (h) => (/^反\d+/.test(h) ? `不是规则中的反向条目（可用：${items.map((i) => i.code).join("、")}）` : null),
  });
  const result: ParsedForms = { forms: [], references: [], problems: [...found.problems], rows: 0 };
  if (!found.value) return result;
  const layout = found.value;
  // An item given two columns (by its code and by its text) would count its marks twice.
  const itemColumns = new Map<string, string>();
  for (const header of layout.columns.keys()) {
    const code = itemOfHeader.get(header);
    if (code === undefined) continue;
    if (itemColumns.has(code)) {
      result.problems.push(
        sheetProblem(file, SHEET, "E_DUPLICATE_HEADER", `“${SHEET}”工作表中反向条目“${code}”有两列（“${itemColumns.get(code)}”和“${header}”）。请只保留一列。`, { header }),
      );
      continue;
    }
    itemColumns.set(code, header);
  }
  const groups = wordTable(rules.raterGroups.map((g) => g.name));

  for (const row of dataRows(layout)) {
    result.rows++;
    const r = new RowReader(file, layout, row);
    const cadreId = r.id(RATED, true);
    if (cadreId !== null) {
      const name = r.text("被测评人姓名");
      result.references.push({ cadreId, name, idRef: r.ref(RATED), nameRef: r.has("被测评人姓名") ? r.ref("被测评人姓名") : null });
    }
    const group = r.choice("测评人类别", groups, true);
    const raterId = r.id(RATER);
    if (raterId !== null && raterId === cadreId) {
      r.report(RATER, "E_SELF_RATING", raterId, `${r.place(RATER)}与被测评人编号相同：本人不能测评自己。请删除这一行，或改正测评人编号。`);
    }
    const ratings: Record<string, Grade> = {};
    for (const aspect of aspects) {
      const cell = r.cell(aspect.header);
      if (isBlank(cell)) {
        r.report(aspect.header, "E_BLANK_SCORE", "", `${r.place(aspect.header)}没有填写。评价不会被推定，请填写好、较好、一般、较差之一。`);
        continue;
      }
      const read = readChoice(cell, GRADE_LABEL);
      if (!read.ok) r.problems.push(faultProblem(r.ref(aspect.header), read.fault));
      else if (read.value !== null) ratings[aspect.name] = read.value;
    }
    const marks: string[] = [];
    for (const [code, header] of itemColumns) {
      const cell = r.cell(header);
      if (isBlank(cell)) continue;
      const word = cell.kind === "number" ? String(cell.value) : withoutSpaces(halfWidth(cellText(cell)));
      if (MARK_WORDS.includes(word)) marks.push(code);
      else if (!NO_MARK_WORDS.includes(word)) {
        r.report(header, "E_MARK", cellText(cell), `${r.place(header)}填写了“${cellText(cell)}”，反向条目应填 是、√ 或 1 表示反映，不反映留空或填 否。`);
      }
    }
    if (cadreId !== null && group !== null && !hasErrors(r.problems)) {
      result.forms.push({ cadreId, group, raterId, ratings, marks });
    }
    result.problems.push(...r.finish(unitOf(cadreId)));
  }
  return result;
}
