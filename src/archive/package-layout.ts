// The 备案 package (archive.md "备案 packages"): one .xlsx a clerk can open and read, sheets
// 归档记录, 人员结果, 加减分, 审定记录, 规则 and 校验, from which `import` rebuilds each filing's
// content exactly. Each column names the content's key it holds and how: the writer
// (package-write.ts) and the reader (package-read.ts) both go by this one table, so they cannot
// disagree. Lists and the work-list items are JSON text in their cell: exact, and still readable.

export type ColumnKind =
  /** Text, blank for null. */
  | "text"
  /** Text that is never null: blank reads as "". */
  | "string"
  | "integer"
  /** A numeric(7,2) value: a number shown with two decimals, read back exactly. */
  | "decimal"
  /** 是 / 否. */
  | "yesNo"
  | "json";

export interface PackageColumn {
  header: string;
  /** The content's key ("work.total": the key total of the object at work). */
  key: string;
  kind: ColumnKind;
  width: number;
}

export const PACKAGE_FORMAT = "assess 备案包 格式 1";
/** The column that ties the rows of every sheet to their filing: the filing's number in the package. */
export const FILING_NUMBER = "归档序号";

const n = (header: string, key: string, kind: ColumnKind, width = 12): PackageColumn => ({ header, key, kind, width });

export const FILING_SHEET = "归档记录";
export const FILING_COLUMNS: readonly PackageColumn[] = [
  n(FILING_NUMBER, "number", "integer", 8),
  n("单位代码", "unit_code", "string"),
  n("单位名称", "unit_name", "string", 28),
  n("主管单位代码", "parent_code", "text"),
  n("统筹单位代码", "pool_code", "string"),
  n("年度", "year", "integer", 8),
  n("季度", "quarter", "integer", 6),
  n("定等人数", "n", "integer", 8),
  n("好等次名额", "quota", "integer", 8),
  n("好", "counts.好", "integer", 6),
  n("较好", "counts.较好", "integer", 6),
  n("一般", "counts.一般", "integer", 6),
  n("较差", "counts.较差", "integer", 6),
  n("待定", "counts.待定", "integer", 6),
  n("规则SHA-256", "rules_sha256", "string", 30),
  n("输入文件", "inputs", "json", 40),
  n("工具版本", "tool_version", "string", 10),
  n("归档时间", "filed_at", "text", 24),
];

export const PERSON_SHEET = "人员结果";
export const PERSON_COLUMNS: readonly PackageColumn[] = [
  n(FILING_NUMBER, "number", "integer", 8),
  n("序号", "seq", "integer", 6),
  n("人员编号", "person_id", "string", 20),
  n("姓名", "name", "string", 10),
  n("科室", "department", "string", 14),
  n("职务职级", "post", "text", 14),
  n("人员类别", "kind", "string", 10),
  n("考核状态", "status", "string", 10),
  n("状态原因", "status_reason", "text", 14),
  n("窗口岗位", "window_post", "yesNo", 8),
  n("自评等次", "self_grade", "text", 8),
  n("个性得分", "individual", "decimal", 9),
  n("共性得分", "common", "decimal", 9),
  n("加分", "bonus", "decimal", 7),
  n("减分", "deduction", "decimal", 7),
  n("综合得分", "score", "decimal", 9),
  n("分数档", "band", "text", 7),
  n("计算等次", "computed", "text", 8),
  n("等次", "grade", "text", 7),
  n("排名", "rank", "integer", 6),
  n("说明", "reasons", "json", 30),
  n("评鉴意见", "comment", "text", 24),
  n("改进目标", "goal", "text", 24),
  n("工作事项数", "work.total", "integer", 8),
  n("已完成", "work.done", "integer", 7),
  n("推进中", "work.inProgress", "integer", 7),
  n("未完成", "work.unfinished", "integer", 7),
  n("未完成事项", "work.open", "json", 40),
];

export const EVENT_SHEET = "加减分";
export const EVENT_COLUMNS: readonly PackageColumn[] = [
  n(FILING_NUMBER, "number", "integer", 8),
  n("序号", "seq", "integer", 6),
  n("人员编号", "person_id", "string", 20),
  n("类型", "kind", "string", 8),
  n("分值", "points", "decimal", 8),
  n("事由", "reason", "string", 40),
  n("日期", "event_date", "text", 12),
];

export const CHANGE_SHEET = "审定记录";
export const CHANGE_COLUMNS: readonly PackageColumn[] = [
  n(FILING_NUMBER, "number", "integer", 8),
  n("序号", "seq", "integer", 6),
  n("人员编号", "person_id", "string", 20),
  n("姓名", "name", "string", 10),
  n("原等次", "from_grade", "string", 8),
  n("审定等次", "to_grade", "string", 8),
  n("类型", "kind", "string", 8),
  n("理由", "reason", "string", 40),
  n("日期", "decided_on", "string", 12),
];

export const RULES_SHEET = "规则";
export const RULES_COLUMNS: readonly PackageColumn[] = [n("规则SHA-256", "rules_sha256", "string", 30), n("规则内容（JSON）", "rules_json", "string", 100)];

export const CHECK_SHEET = "校验";
export const CHECK_COLUMNS: readonly PackageColumn[] = [
  n(FILING_NUMBER, "number", "integer", 8),
  n("单位代码", "unit_code", "string"),
  n("年度", "year", "integer", 8),
  n("季度", "quarter", "integer", 6),
  n("内容SHA-256", "digest", "string", 70),
];

// The political rounds (political.md "With --db D"), in a package that holds any: one row per
// round, one per cadre, and per round a digest in the 校验 sheet, right of the filings' (a spacer
// column between), so that a package without rounds is laid out as before. A cadre's aspects and
// flagged items are JSON lists in their cell, in their filed order.
export const ROUND_NUMBER = "测评序号";

export const ROUND_SHEET = "政治测评";
export const ROUND_COLUMNS: readonly PackageColumn[] = [
  n(ROUND_NUMBER, "number", "integer", 8),
  n("单位代码", "unit_code", "string"),
  n("单位名称", "unit_name", "string", 28),
  n("年度", "year", "integer", 8),
  n("测评名称", "round", "string", 24),
  n("规则SHA-256", "rules_sha256", "string", 30),
  n("输入文件", "inputs", "json", 40),
  n("工具版本", "tool_version", "string", 10),
  n("归档时间", "filed_at", "text", 24),
];

export const ROUND_CADRE_SHEET = "政治测评明细";
export const ROUND_CADRE_COLUMNS: readonly PackageColumn[] = [
  n(ROUND_NUMBER, "number", "integer", 8),
  n("序号", "seq", "integer", 6),
  n("人员编号", "person_id", "string", 20),
  n("姓名", "name", "string", 10),
  n("职务", "post", "text", 14),
  n("测评表数", "forms", "integer", 8),
  n("正向测评得分", "positive", "decimal", 10),
  n("各方面得分", "aspects", "json", 50),
  n("分数档", "band", "text", 7),
  n("测评结论", "conclusion", "text", 8),
  n("待核实", "pending", "yesNo", 7),
  n("属实", "confirmed", "integer", 6),
  n("部分属实", "partly", "integer", 8),
  n("核实中", "checking", "integer", 7),
  n("不属实", "unfounded", "integer", 7),
  n("突出问题", "flagged", "json", 40),
  n("说明", "reasons", "json", 30),
  n("结果运用", "use", "text", 20),
];

/** The 校验 sheet's columns for rounds, after CHECK_COLUMNS and one empty column. */
export const ROUND_CHECK_COLUMNS: readonly PackageColumn[] = [
  n(ROUND_NUMBER, "number", "integer", 8),
  n("单位代码", "unit_code", "string"),
  n("年度", "year", "integer", 8),
  n("测评名称", "round", "string", 24),
  n("内容SHA-256", "digest", "string", 70),
];
/** The 1-based column of the 校验 sheet where ROUND_CHECK_COLUMNS begin. */
export const ROUND_CHECK_FIRST_COLUMN = CHECK_COLUMNS.length + 2;
