// The input workbook's sheets and headers (workbook.md, template v1). The reader finds sheets and
// columns by these names and `assess template` writes them from the same table, so the two
// cannot drift.

import {
  DECISION_KIND_LABEL,
  EVENT_KIND_LABEL,
  GRADE_LABEL,
  PERSON_KIND_LABEL,
  RATER_GROUP_LABEL,
  STATUS_LABEL,
  WORK_STATE_LABEL,
  YES_NO_LABEL,
  CATEGORY_LABEL,
  DIMENSION_LABEL,
} from "./labels.js";

export type ColumnKind = "text" | "id" | "number" | "date" | "choice" | "month";

export interface ColumnDef {
  /** Header text as written in templates; the reader compares normalised text. */
  header: string;
  required: boolean;
  kind: ColumnKind;
  /** The allowed words of a closed set (kind "choice"). */
  choices?: readonly string[];
  /** Shown in the template's 说明 sheet and in input prompts. */
  hint?: string;
  /** Column width in templates, in characters. */
  width?: number;
}

export interface SheetDef {
  name: string;
  /** Whether a workbook must have this sheet (单位 is required only with several units). */
  required: boolean;
  columns: readonly ColumnDef[];
}

const choices = (table: Record<string, string>): readonly string[] => Object.values(table);

export const PARAMETERS_SHEET: SheetDef = {
  name: "参数",
  required: true,
  columns: [
    { header: "项目", required: true, kind: "text", width: 16 },
    { header: "内容", required: true, kind: "text", width: 40 },
  ],
};

/** The 项目 of the 参数 sheet. */
export const PARAMETER_KEYS = {
  year: "年度",
  quarter: "季度",
  unitCode: "单位代码",
  unitName: "单位名称",
  parentCode: "主管单位代码",
  contact: "联系人",
  phone: "联系电话",
  address: "受理地址",
  noticeStart: "公示开始日期",
} as const;

export const UNITS_SHEET: SheetDef = {
  name: "单位",
  required: false,
  columns: [
    { header: "单位代码", required: true, kind: "id", hint: "单位的代码，各单位不重复", width: 14 },
    { header: "单位名称", required: true, kind: "text", width: 28 },
    { header: "主管单位代码", required: false, kind: "id", hint: "主管单位的单位代码；没有可不填", width: 14 },
    { header: "联系人", required: false, kind: "text", width: 10 },
    { header: "联系电话", required: false, kind: "id", width: 16 },
    { header: "受理地址", required: false, kind: "text", width: 30 },
  ],
};

export const PERSONS_SHEET: SheetDef = {
  name: "人员",
  required: true,
  columns: [
    { header: "单位代码", required: false, kind: "id", hint: "只有一个单位时可不填", width: 12 },
    { header: "人员编号", required: true, kind: "id", hint: "工号或身份证号，按文本填写，全部人员中不重复", width: 20 },
    { header: "姓名", required: true, kind: "text", width: 10 },
    { header: "科室", required: true, kind: "text", hint: "所在内设机构（科室）", width: 14 },
    { header: "职务职级", required: false, kind: "text", width: 14 },
    { header: "人员类别", required: false, kind: "choice", choices: choices(PERSON_KIND_LABEL), hint: "不填按非领导成员；领导成员由上级评定", width: 12 },
    { header: "考核状态", required: false, kind: "choice", choices: choices(STATUS_LABEL), hint: "不填按参加", width: 12 },
    { header: "状态原因", required: false, kind: "text", hint: "考核状态不是“参加”时必填，如试用期、立案审查", width: 20 },
    { header: "窗口岗位", required: false, kind: "choice", choices: choices(YES_NO_LABEL), hint: "不填按否；窗口岗位另有服务对象测评", width: 10 },
    { header: "自评等次", required: false, kind: "choice", choices: choices(GRADE_LABEL), hint: "本人小结中的自评等次，可不填", width: 10 },
    { header: "备注", required: false, kind: "text", width: 20 },
  ],
};

export const INDICATORS_SHEET: SheetDef = {
  name: "指标",
  required: true,
  columns: [
    { header: "指标名称", required: true, kind: "text", hint: "各指标名称不重复，与评分表的列标题一致", width: 14 },
    { header: "类别", required: true, kind: "choice", choices: choices(CATEGORY_LABEL), width: 8 },
    { header: "维度", required: false, kind: "choice", choices: choices(DIMENSION_LABEL), width: 8 },
    { header: "满分", required: true, kind: "number", hint: "大于 0；个性、共性指标的满分各自合计为 100", width: 8 },
    { header: "说明", required: false, kind: "text", width: 40 },
  ],
};

const MONTH_HINT = "记录的月份，如 10、10月、十月，须是本季度的月份；不填为整个季度";

export const WORK_LIST_SHEET: SheetDef = {
  name: "工作清单",
  required: true,
  columns: [
    { header: "人员编号", required: true, kind: "id", width: 20 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "月份", required: false, kind: "month", hint: MONTH_HINT, width: 8 },
    { header: "工作事项", required: true, kind: "text", hint: "一项工作一行", width: 40 },
    { header: "完成情况", required: true, kind: "choice", choices: choices(WORK_STATE_LABEL), width: 10 },
    { header: "未完成原因", required: false, kind: "text", hint: "完成情况为推进中或未完成时必填", width: 30 },
    { header: "备注", required: false, kind: "text", width: 20 },
  ],
};

export const SUMMARIES_SHEET: SheetDef = {
  name: "个人小结",
  required: false,
  columns: [
    { header: "人员编号", required: true, kind: "id", hint: "每人每月一行", width: 20 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "月份", required: false, kind: "month", hint: "小结的月份；不填为本季度的小结", width: 8 },
    { header: "小结", required: true, kind: "text", hint: "本人的工作小结，写入反馈单（过长时节选）和结果表", width: 80 },
  ],
};

/** 个性评分: these columns, then one column per 个性 indicator or the single 个性得分 column. */
export const INDIVIDUAL_SHEET: SheetDef = {
  name: "个性评分",
  required: true,
  columns: [
    { header: "人员编号", required: true, kind: "id", hint: "每位参加评定的人员一行", width: 20 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "评鉴意见", required: false, kind: "text", hint: "写入本人反馈单", width: 30 },
    { header: "改进目标", required: false, kind: "text", hint: "写入本人反馈单", width: 30 },
    { header: "评鉴人", required: false, kind: "text", hint: "评分的分管领导", width: 10 },
  ],
};
export const INDIVIDUAL_TOTAL_HEADER = "个性得分";

/** 共性测评: these columns, then one column per 共性 indicator or the single 测评得分 column. */
export const COMMON_SHEET: SheetDef = {
  name: "共性测评",
  required: true,
  columns: [
    { header: "被测评人编号", required: true, kind: "id", hint: "被测评人的人员编号；一次测评一行", width: 20 },
    { header: "被测评人姓名", required: false, kind: "text", width: 12 },
    { header: "测评人类别", required: true, kind: "choice", choices: choices(RATER_GROUP_LABEL), width: 12 },
    { header: "测评人", required: false, kind: "id", hint: "测评人的人员编号；不填为匿名，本人不能测评自己", width: 20 },
  ],
};
export const COMMON_TOTAL_HEADER = "测评得分";

export const EVENTS_SHEET: SheetDef = {
  name: "加减分",
  required: false,
  columns: [
    { header: "人员编号", required: true, kind: "id", width: 20 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "类型", required: true, kind: "choice", choices: choices(EVENT_KIND_LABEL), width: 8 },
    { header: "分值", required: false, kind: "number", hint: "加分、减分填大于 0 的分值；否决、限好不填", width: 8 },
    { header: "事由", required: true, kind: "text", width: 40 },
    { header: "日期", required: false, kind: "date", hint: "如 2026-10-09", width: 12 },
  ],
};

export const DECISIONS_SHEET: SheetDef = {
  name: "审定",
  required: false,
  columns: [
    { header: "人员编号", required: true, kind: "id", width: 20 },
    { header: "姓名", required: false, kind: "text", width: 10 },
    { header: "审定等次", required: true, kind: "choice", choices: choices(GRADE_LABEL), hint: "审定后的等次", width: 10 },
    { header: "类型", required: true, kind: "choice", choices: choices(DECISION_KIND_LABEL), hint: "复核在委员会审定之后适用", width: 12 },
    { header: "理由", required: true, kind: "text", width: 40 },
    { header: "日期", required: true, kind: "date", hint: "如 2026-10-09", width: 12 },
  ],
};

export const INSTRUCTIONS_SHEET_NAME = "说明";
