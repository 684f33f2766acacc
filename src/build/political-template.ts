// The evaluation workbook units fill in (political.md "The input workbook"), written from the
// sheet definitions in domain/political-sheets.ts and the rules' lists, with the appraisal
// template's data sheets (template-workbook.ts addDataSheet: locked headers, formats, dropdowns
// over whole columns): 说明, 清单 (the lists a clerk looks up), 参数, 干部, 双向测评 (a dropdown
// per aspect and per negative item), 问题线索, 延伸考察, 谈心谈话.

import type ExcelJS from "exceljs";
import { toText } from "../domain/exact.js";
import { GRADE_LABEL } from "../domain/labels.js";
import { CADRE_KIND_LABEL, type Cadre, VERIFICATION_LABEL } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { negativeItems } from "../domain/political-rules.js";
import {
  CADRES_SHEET,
  CLUES_SHEET,
  FORMS_SHEET,
  OBSERVATIONS_SHEET,
  POLITICAL_PARAMETER_KEYS,
  TALKS_SHEET,
} from "../domain/political-sheets.js";
import { PARAMETERS_SHEET } from "../domain/sheets.js";
import { type TemplateColumn, type TemplateValue, addDataSheet, columnHelpRow, newTemplateWorkbook, templateBytes } from "./template-workbook.js";

export interface PoliticalTemplateContent {
  year: number | null;
  round: string | null;
  unit: { code: string; name: string; contact: string | null; phone: string | null } | null;
  cadres: readonly Omit<Cadre, "ref">[];
  rules: PoliticalRules;
  instructions: string;
}

export const LISTS_SHEET_NAME = "清单";
const MARK_CHOICES = ["√", "是", "1", "否"];

/** The columns of each sheet as the template writes them; 双向测评 gains the aspect and item columns. */
export function politicalTemplateColumns(rules: PoliticalRules): Record<string, TemplateColumn[]> {
  const choice = (column: TemplateColumn, choices: readonly string[]): TemplateColumn => ({ ...column, choices });
  const fix = (def: typeof FORMS_SHEET, choices: Record<string, readonly string[]>): TemplateColumn[] =>
    def.columns.map((c) => (choices[c.header] ? choice(c, choices[c.header]!) : { ...c }));
  const aspects = rules.aspects.map((a) => a.name);
  return {
    [CADRES_SHEET.name]: [...CADRES_SHEET.columns],
    [FORMS_SHEET.name]: [
      ...fix(FORMS_SHEET, { 测评人类别: rules.raterGroups.map((g) => g.name) }),
      ...aspects.map((name): TemplateColumn => ({ header: name, required: true, kind: "choice", choices: Object.values(GRADE_LABEL), hint: "好、较好、一般、较差之一，不能空着", width: 9 })),
      ...negativeItems(rules).map(
        (item): TemplateColumn => ({ header: item.code, required: false, kind: "choice", choices: MARK_CHOICES, hint: `${item.text}（${item.aspect}）：存在的填√，不存在留空`, width: 6 }),
      ),
    ],
    [CLUES_SHEET.name]: fix(CLUES_SHEET, { 来源单位: rules.sources, 方面: aspects }).map((c) =>
      c.header === "反向条目" ? { ...c, kind: "choice" as const, choices: negativeItems(rules).map((i) => i.code) } : c,
    ),
    [OBSERVATIONS_SHEET.name]: [...OBSERVATIONS_SHEET.columns],
    [TALKS_SHEET.name]: [...TALKS_SHEET.columns],
  };
}

function parameterRows(content: PoliticalTemplateContent): TemplateValue[][] {
  const k = POLITICAL_PARAMETER_KEYS;
  return [
    [k.year, content.year],
    [k.round, content.round],
    [k.unitCode, content.unit?.code ?? null],
    [k.unitName, content.unit?.name ?? null],
    [k.contact, content.unit?.contact ?? null],
    [k.phone, content.unit?.phone ?? null],
  ];
}

function listRows(rules: PoliticalRules): TemplateValue[][] {
  const rows: TemplateValue[][] = [];
  for (const aspect of rules.aspects) {
    aspect.positive.forEach((text, i) => rows.push(["正向标准", aspect.name, `正${i + 1}`, text]));
    for (const item of aspect.negative) rows.push(["反向条目", aspect.name, item.code, item.text]);
  }
  for (const group of rules.raterGroups) rows.push(["测评人类别", group.name, "权重", toText(group.weight)]);
  for (const source of rules.sources) rows.push(["来源单位", source, null, "问题线索的来源单位（联席会议成员单位）"]);
  for (const word of Object.values(VERIFICATION_LABEL)) rows.push(["核实情况", word, null, word === "不属实" ? "只计数（已澄清），内容不出现在任何输出中" : null]);
  return rows;
}

async function addInstructions(workbook: ExcelJS.Workbook, content: PoliticalTemplateContent, columns: Record<string, TemplateColumn[]>): Promise<void> {
  const rows: TemplateValue[][] = [];
  for (const line of content.instructions.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    rows.push([line.replace(/^#+ /, "").trim(), null, null, null, null]);
  }
  rows.push([null, null, null, null, null]);
  for (const [sheet, list] of Object.entries(columns)) {
    for (const column of list) rows.push(columnHelpRow(sheet, column));
  }
  const header: TemplateColumn[] = [
    { header: "说明", required: false, kind: "text", width: 60 },
    { header: "列标题", required: false, kind: "text", width: 14 },
    { header: "必填", required: false, kind: "text", width: 6 },
    { header: "可以填写", required: false, kind: "text", width: 30 },
    { header: "备注", required: false, kind: "text", width: 40 },
  ];
  const sheet = await addDataSheet(workbook, "说明", header, rows, 0, 0);
  sheet.getColumn(1).alignment = { wrapText: true, vertical: "top" };
}

export async function writePoliticalTemplate(content: PoliticalTemplateContent): Promise<Buffer> {
  const workbook = await newTemplateWorkbook();
  const columns = politicalTemplateColumns(content.rules);
  const count = content.cadres.length;
  await addInstructions(workbook, content, columns);
  await addDataSheet(
    workbook,
    LISTS_SHEET_NAME,
    [
      { header: "类别", required: false, kind: "text", width: 12 },
      { header: "方面或名称", required: false, kind: "text", width: 20 },
      { header: "代码", required: false, kind: "text", width: 8 },
      { header: "内容", required: false, kind: "text", width: 70 },
    ],
    listRows(content.rules),
    0,
    1,
  );
  await addDataSheet(
    workbook,
    PARAMETERS_SHEET.name,
    [
      { header: "项目", required: true, kind: "text", width: 16 },
      { header: "内容", required: true, kind: "text", width: 40 },
    ],
    parameterRows(content),
    0,
    1,
  );
  await addDataSheet(
    workbook,
    CADRES_SHEET.name,
    columns[CADRES_SHEET.name]!,
    content.cadres.map((c) => [c.unitCode, c.id, c.name, c.post, CADRE_KIND_LABEL[c.kind], c.note]),
    Math.max(200, count + 50),
    3,
  );
  await addDataSheet(workbook, FORMS_SHEET.name, columns[FORMS_SHEET.name]!, [], Math.max(2000, count * 40), 3);
  await addDataSheet(workbook, CLUES_SHEET.name, columns[CLUES_SHEET.name]!, [], 500, 2);
  await addDataSheet(workbook, OBSERVATIONS_SHEET.name, columns[OBSERVATIONS_SHEET.name]!, [], 500, 2);
  await addDataSheet(workbook, TALKS_SHEET.name, columns[TALKS_SHEET.name]!, [], 500, 2);
  return templateBytes(workbook);
}
