// The evaluation workbook's sheets and headers (political.md "The input workbook"). The reader
// finds sheets and columns by these names and `assess template --political` writes them from the
// same table. 双向测评 has, besides these, one column per aspect and one per negative item, named
// by the rules.

import { GRADE_LABEL } from "./labels.js";
import { CADRE_KIND_LABEL, SCENE_LABEL, TALK_MODE_LABEL, VERDICT_LABEL, VERIFICATION_LABEL } from "./political-model.js";
import type { SheetDef } from "./sheets.js";

const choices = (table: Record<string, string>): readonly string[] => Object.values(table);

/** The 项目 of the evaluation workbook's 参数 sheet. */
export const POLITICAL_PARAMETER_KEYS = {
  year: "年度",
  round: "测评名称",
  unitCode: "单位代码",
  unitName: "单位名称",
  contact: "联系人",
  phone: "联系电话",
} as const;

export const CADRES_SHEET: SheetDef = {
  name: "干部",
  required: true,
  columns: [
    { header: "单位代码", required: false, kind: "id", hint: "只有一个单位时可不填", width: 12 },
    { header: "人员编号", required: true, kind: "id", hint: "按文本填写，全部干部中不重复；不要用身份证号", width: 16 },
    { header: "姓名", required: true, kind: "text", width: 10 },
    { header: "职务", required: true, kind: "text", width: 24 },
    { header: "干部类别", required: false, kind: "choice", choices: choices(CADRE_KIND_LABEL), hint: "不填按班子成员", width: 12 },
    { header: "备注", required: false, kind: "text", width: 20 },
  ],
};

/** 双向测评: these columns, then one per aspect (好/较好/一般/较差) and one per negative item (是/√/1 标记). */
export const FORMS_SHEET: SheetDef = {
  name: "双向测评",
  required: false,
  columns: [
    { header: "被测评人编号", required: true, kind: "id", hint: "被测评干部的人员编号；一份测评表一行", width: 16 },
    { header: "被测评人姓名", required: false, kind: "text", width: 12 },
    { header: "测评人类别", required: true, kind: "choice", hint: "规则中的测评人类别", width: 12 },
    { header: "测评人", required: false, kind: "id", hint: "测评人的人员编号，可不填；不能测评自己", width: 14 },
  ],
};
export const ASPECT_CHOICES: readonly string[] = choices(GRADE_LABEL);
/** What marks a negative item: 是, √ or 1; blank or 否 does not (political.md). */
export const MARK_WORDS: readonly string[] = ["是", "√", "1"];
export const NO_MARK_WORDS: readonly string[] = ["否"];

export const CLUES_SHEET: SheetDef = {
  name: "问题线索",
  required: false,
  columns: [
    { header: "人员编号", required: true, kind: "id", width: 16 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "来源单位", required: true, kind: "choice", hint: "联席会议成员单位之一", width: 16 },
    { header: "方面", required: true, kind: "choice", hint: "政治素质的方面", width: 12 },
    { header: "反向条目", required: false, kind: "text", hint: "反向条目代码，如 反9；可不填", width: 10 },
    { header: "内容", required: true, kind: "text", width: 40 },
    { header: "核实情况", required: true, kind: "choice", choices: choices(VERIFICATION_LABEL), width: 12 },
    { header: "日期", required: true, kind: "date", hint: "如 2026-10-09", width: 12 },
  ],
};

export const OBSERVATIONS_SHEET: SheetDef = {
  name: "延伸考察",
  required: false,
  columns: [
    { header: "人员编号", required: true, kind: "id", width: 16 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "场景", required: true, kind: "choice", choices: choices(SCENE_LABEL), hint: "四进四考：进支部、进社区、进家庭、进一线", width: 10 },
    { header: "评价", required: true, kind: "choice", choices: choices(VERDICT_LABEL), width: 8 },
    { header: "内容", required: true, kind: "text", width: 40 },
    { header: "日期", required: true, kind: "date", hint: "如 2026-10-09", width: 12 },
  ],
};

export const TALKS_SHEET: SheetDef = {
  name: "谈心谈话",
  required: false,
  columns: [
    { header: "人员编号", required: true, kind: "id", width: 16 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "方式", required: false, kind: "choice", choices: choices(TALK_MODE_LABEL), width: 10 },
    { header: "日期", required: true, kind: "date", hint: "如 2026-10-09", width: 12 },
    { header: "要点", required: false, kind: "text", width: 40 },
  ],
};

/**
 * Whether a workbook is an evaluation workbook (political.md) rather than an appraisal workbook
 * (workbook.md), told by its sheets: 干部 or 双向测评, and no 人员 or 共性测评.
 */
export function isPoliticalWorkbook(sheetNames: readonly string[]): boolean {
  const names = new Set(sheetNames.map((n) => n.trim()));
  return (names.has(CADRES_SHEET.name) || names.has(FORMS_SHEET.name)) && !names.has("人员") && !names.has("共性测评");
}

/** Whether a workbook is an appraisal workbook (workbook.md) and not an evaluation workbook. */
export function isAppraisalWorkbook(sheetNames: readonly string[]): boolean {
  const names = new Set(sheetNames.map((n) => n.trim()));
  return (names.has("人员") || names.has("共性测评")) && !isPoliticalWorkbook(sheetNames);
}
