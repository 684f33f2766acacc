// The evaluation workbook's records besides the forms (political.md): 问题线索 (from a source of
// `political.sources`, in an aspect, with its 核实情况), 延伸考察 (四进四考 findings) and 谈心谈话.
// One parser per sheet; each row names its cadre, checked against 干部 afterwards.

import type { Observation, ProblemClue, Talk } from "../domain/political-model.js";
import { SCENE_LABEL, TALK_MODE_LABEL, VERDICT_LABEL, VERIFICATION_LABEL } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { negativeItems } from "../domain/political-rules.js";
import { CLUES_SHEET, OBSERVATIONS_SHEET, TALKS_SHEET } from "../domain/political-sheets.js";
import { hasErrors, type Problem } from "../domain/problem.js";
import type { SheetDef } from "../domain/sheets.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { dataRows, findHeaderRow, headerSpecOf } from "./find-header-row.js";
import { halfWidth, withoutSpaces } from "./normalise-cell.js";
import { wordTable } from "./political-forms.js";
import type { CadreReference } from "./political-references.js";
import { RowReader } from "./rows.js";

export interface ParsedRecords<T> {
  records: T[];
  references: CadreReference[];
  problems: Problem[];
}

type Unit = (cadreId: string | null) => string | undefined;

function parseRecords<T>(file: string, sheet: PlainSheet, def: SheetDef, unitOf: Unit, read: (r: RowReader, cadreId: string | null) => T | null): ParsedRecords<T> {
  const found = findHeaderRow(file, def.name, sheet, headerSpecOf(def));
  const result: ParsedRecords<T> = { records: [], references: [], problems: [...found.problems] };
  if (!found.value) return result;
  for (const row of dataRows(found.value)) {
    const r = new RowReader(file, found.value, row);
    const cadreId = r.id("人员编号", true);
    if (cadreId !== null) {
      result.references.push({ cadreId, name: r.text("姓名"), idRef: r.ref("人员编号"), nameRef: r.has("姓名") ? r.ref("姓名") : null });
    }
    const record = read(r, cadreId);
    if (record !== null && cadreId !== null && !hasErrors(r.problems)) result.records.push(record);
    result.problems.push(...r.finish(unitOf(cadreId)));
  }
  return result;
}

export function parseCluesSheet(file: string, sheet: PlainSheet, rules: PoliticalRules, unitOf: Unit): ParsedRecords<ProblemClue> {
  const sources = wordTable(rules.sources);
  const aspects = wordTable(rules.aspects.map((a) => a.name));
  const codes = new Set(negativeItems(rules).map((i) => i.code));
  return parseRecords(file, sheet, CLUES_SHEET, unitOf, (r, cadreId) => {
    const source = r.choice("来源单位", sources, true);
    const aspect = r.choice("方面", aspects, true);
    const written = r.text("反向条目");
    const itemCode = written === null ? null : withoutSpaces(halfWidth(written));
    if (itemCode !== null && !codes.has(itemCode)) {
      r.report(
        "反向条目",
        "E_ITEM_CODE",
        written ?? "",
        `${r.place("反向条目")}填写了“${written}”，不是规则中的反向条目代码。应为以下之一：${[...codes].join("、")}；没有对应条目可不填。`,
      );
    }
    const content = r.text("内容", true);
    const verification = r.choice("核实情况", VERIFICATION_LABEL, true);
    const date = r.date("日期", true);
    if (cadreId === null || source === null || aspect === null || content === null || verification === null || date === null) return null;
    return { cadreId, source, aspect, itemCode, content, verification, date, ref: r.ref("人员编号") };
  });
}

export function parseObservationsSheet(file: string, sheet: PlainSheet, unitOf: Unit): ParsedRecords<Observation> {
  return parseRecords(file, sheet, OBSERVATIONS_SHEET, unitOf, (r, cadreId) => {
    const scene = r.choice("场景", SCENE_LABEL, true);
    const verdict = r.choice("评价", VERDICT_LABEL, true);
    const content = r.text("内容", true);
    const date = r.date("日期", true);
    if (cadreId === null || scene === null || verdict === null || content === null || date === null) return null;
    return { cadreId, scene, verdict, content, date };
  });
}

export function parseTalksSheet(file: string, sheet: PlainSheet, unitOf: Unit): ParsedRecords<Talk> {
  return parseRecords(file, sheet, TALKS_SHEET, unitOf, (r, cadreId) => {
    const mode = r.choice("方式", TALK_MODE_LABEL);
    const date = r.date("日期", true);
    const points = r.text("要点");
    if (cadreId === null || date === null) return null;
    return { cadreId, mode, date, points };
  });
}
