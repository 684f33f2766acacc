// Every rule code a problem can carry (outputs.md "Problems"), with its severity and what it
// means, in one line a clerk can look up: docs/problem-codes.md is made from this table
// (`npm run problem-codes`; a test keeps the two the same). Errors start with E_ and stop a unit
// (or the run) from being graded; warnings start with W_ and are reported only. Adding a code is
// adding its line here.

export type Severity = "error" | "warning";

export interface CodeEntry {
  severity: Severity;
  /** What the code means, in one line of Chinese. */
  meaning: string;
}

export const PROBLEM_CODES = {
  // 文件
  E_FILE_UNREADABLE: { severity: "error", meaning: "文件无法打开或读取（权限、路径或磁盘问题）" },
  E_FILE_EMPTY: { severity: "error", meaning: "文件是空的（0 字节）" },
  E_FILE_XLS: { severity: "error", meaning: "文件是旧版 .xls 格式，需在 Excel 或 WPS 中另存为 .xlsx" },
  E_FILE_ENCRYPTED: { severity: "error", meaning: "文件设置了打开密码，需取消密码后另存" },
  E_FILE_NOT_XLSX: { severity: "error", meaning: "文件不是 .xlsx 工作簿（扩展名与内容不符）" },
  E_FILE_CORRUPT: { severity: "error", meaning: "文件已损坏或不完整，无法解读" },
  E_FILE_TOO_LARGE: { severity: "error", meaning: "工作簿解压后超过 --max-size 上限" },
  E_FILE_CHANGED: { severity: "error", meaning: "评定过程中文件被修改、移走或无法再读取，其单位的结果文件未写出" },
  // 工作表和列标题
  E_MISSING_SHEET: { severity: "error", meaning: "缺少必需的工作表" },
  E_DUPLICATE_SHEET: { severity: "error", meaning: "工作簿中有两张同名的工作表（名称前后的空格不算）" },
  E_MISSING_HEADER: { severity: "error", meaning: "工作表缺少必需的列标题" },
  E_DUPLICATE_HEADER: { severity: "error", meaning: "同一列标题出现了两次" },
  E_HEADER_TOO_LOW: { severity: "error", meaning: "列标题行不在前 10 行内" },
  W_UNKNOWN_HEADER: { severity: "warning", meaning: "列标题不是该工作表的列，这一列不读取" },
  // 单元格的值
  E_REQUIRED: { severity: "error", meaning: "必填的单元格没有填写" },
  E_NOT_NUMBER: { severity: "error", meaning: "应填数字的单元格填了文字、单位或中文数字" },
  E_NUMBER_RANGE: { severity: "error", meaning: "数字超出允许的范围" },
  E_SCORE_RANGE: { severity: "error", meaning: "得分不在 0 至该项满分之间" },
  E_BLANK_SCORE: { severity: "error", meaning: "应有得分的单元格是空的" },
  E_RATING_VALUE: { severity: "error", meaning: "测评等次不是“好、较好、一般、较差”之一" },
  E_CHOICE: { severity: "error", meaning: "单元格的值不是该列允许的选项之一" },
  E_DATE: { severity: "error", meaning: "日期无法识别或不存在" },
  E_YEAR: { severity: "error", meaning: "年度不是有效的四位年份" },
  E_QUARTER: { severity: "error", meaning: "季度不是 1 至 4" },
  E_FORMULA_ERROR: { severity: "error", meaning: "公式的结果是错误值（#DIV/0!、#REF! 等）" },
  E_FORMULA_NO_RESULT: { severity: "error", meaning: "公式没有保存计算结果，需在 Excel 或 WPS 中打开并保存一次" },
  E_ID_TEXT: { severity: "error", meaning: "编号应为文本格式" },
  E_ID_PRECISION: { severity: "error", meaning: "身份证号等长编号被存成数字，末几位已丢失" },
  W_ID_CHECKSUM: { severity: "warning", meaning: "18 位身份证号的校验位不符，请核对" },
  // 参数、单位和人员
  E_DUPLICATE_PARAMETER: { severity: "error", meaning: "“参数”表中同一项填了两次" },
  W_UNKNOWN_PARAMETER: { severity: "warning", meaning: "“参数”表中有不认识的项，不读取" },
  E_NO_UNIT: { severity: "error", meaning: "既没有“单位”工作表，参数表也没有填单位代码" },
  W_PARAMETER_UNIT: { severity: "warning", meaning: "参数表的单位代码不在“单位”工作表中，以“单位”表为准" },
  E_DUPLICATE_UNIT: { severity: "error", meaning: "同一单位代码在“单位”表中出现了两次" },
  E_UNKNOWN_UNIT: { severity: "error", meaning: "人员的单位代码不是本工作簿中的单位" },
  E_UNKNOWN_PARENT: { severity: "error", meaning: "主管单位代码不是本次评定中的单位，而本单位人数少、须并入主管单位评定（或填了本单位自己）" },
  W_UNKNOWN_PARENT: { severity: "warning", meaning: "主管单位代码不是本次评定中的单位（本单位单独评定，不受影响）" },
  W_UNIT_WITHOUT_PERSONS: { severity: "warning", meaning: "单位没有任何人员" },
  E_DUPLICATE_PERSON: { severity: "error", meaning: "同一人员编号在“人员”表中出现了两次" },
  E_STATUS_REASON: { severity: "error", meaning: "人员不参加定等，但没有填写原因" },
  E_UNKNOWN_PERSON: { severity: "error", meaning: "人员编号不在“人员”表中" },
  E_NAME_MISMATCH: { severity: "error", meaning: "同一人员编号在两处的姓名不一致" },
  W_NOT_GRADED_ROW: { severity: "warning", meaning: "不参加定等的人员有评分或测评行，这些行不计分" },
  // 指标、评分和测评
  E_DUPLICATE_INDICATOR: { severity: "error", meaning: "同一指标名称出现了两次" },
  E_INDICATOR_NAME: { severity: "error", meaning: "指标名称与评分表的固定列标题重名" },
  E_INDICATOR_SUM: { severity: "error", meaning: "一类指标的满分合计不是 100" },
  E_SCORE_LAYOUT: { severity: "error", meaning: "“个性评分”表同时用了总分列和分项列两种填法" },
  E_DUPLICATE_INDIVIDUAL_SCORE: { severity: "error", meaning: "同一人在“个性评分”表中有两行" },
  E_MISSING_INDIVIDUAL_SCORE: { severity: "error", meaning: "参加定等的人员在“个性评分”表中没有行" },
  E_NO_INDIVIDUAL_SCORE: { severity: "error", meaning: "参加定等的人员没有个性评分，无法计分" },
  E_SELF_RATING: { severity: "error", meaning: "测评人给自己打了分" },
  E_NO_RATING: { severity: "error", meaning: "参加定等的人员没有一条计入的共性测评" },
  W_NO_RECIPIENT_RATING: { severity: "warning", meaning: "窗口岗位人员没有服务对象的测评" },
  W_NO_WORK_ITEM: { severity: "warning", meaning: "参加定等的人员在“工作清单”中没有工作事项" },
  E_MONTH: { severity: "error", meaning: "月份无法识别（应为 1 至 12 月，如 10、10月、十月或日期）" },
  E_MONTH_QUARTER: { severity: "error", meaning: "月份不在本工作簿的考核季度内" },
  W_MONTH_NO_ITEM: { severity: "warning", meaning: "按月填写工作清单的人员某个月没有任何工作事项" },
  E_DUPLICATE_SUMMARY: { severity: "error", meaning: "同一人同一月份在“个人小结”表中有两行" },
  E_WORK_REASON: { severity: "error", meaning: "工作事项未完成或推进中，但没有填写原因" },
  // 加减分和审定
  E_EVENT_POINTS: { severity: "error", meaning: "加减分事项的类型不加减分数（如否决、限好），却填了分值" },
  E_DUPLICATE_DECISION: { severity: "error", meaning: "同一人的同一种审定类型在“审定”表中填了两行" },
  E_DECISION_NOT_GRADED: { severity: "error", meaning: "审定的人员不参加定等" },
  E_DECISION_VETO: { severity: "error", meaning: "有否决事项的人员被审定为较差以外的等次" },
  E_DECISION_OVER_QUOTA: { severity: "error", meaning: "审定后“好”等次人数超过名额" },
  // 一次评定的多个文件
  E_PERIOD_MISMATCH: { severity: "error", meaning: "各工作簿的年度或季度不一致" },
  W_FILE_QUARTER: { severity: "warning", meaning: "文件名中的季度与“参数”表不一致" },
  W_CALENDAR_YEAR: { severity: "warning", meaning: "公示期落在没有内置节假日安排的年份，请核对结束日期，需要时在方案文件中补填该年安排" },
  E_DUPLICATE_PERSON_RUN: { severity: "error", meaning: "同一人员编号出现在两个工作簿中" },
  E_DUPLICATE_UNIT_RUN: { severity: "error", meaning: "同一单位代码出现在两个工作簿中" },
  // 干部成长档案（archive.md）
  E_ARCHIVE_FILED: { severity: "error", meaning: "该单位该季度已归档且内容不同；需更正时加 --replace --reason" },
  E_ARCHIVE_POLITICAL_FILED: { severity: "error", meaning: "该单位该年度的政治素质测评已归档且内容不同；需更正时加 --replace --reason" },
  W_ARCHIVE_NAME: { severity: "warning", meaning: "人员编号在档案中登记的姓名与这次不同（以人员编号为准归档）" },
  E_ARCHIVE_PERSON_UNKNOWN: { severity: "error", meaning: "档案中没有这个人员编号" },
  E_PACKAGE_INVALID: { severity: "error", meaning: "文件不是 assess 导出的备案包（缺少工作表或列）" },
  E_PACKAGE_DIGEST: { severity: "error", meaning: "备案包中一份归档记录的内容与其校验值不符（被改动过），该记录不导入" },
  E_PACKAGE_VALUE: { severity: "error", meaning: "备案包中的单元格无法读成原来的值，该归档记录不导入" },
  // 政治素质测评（political.md）
  E_ITEM_CODE: { severity: "error", meaning: "反向条目编号不在方案的反向清单中" },
  E_MARK: { severity: "error", meaning: "反向条目一栏只能填“是”“√”“1”（标记）或留空、填“否”（不标记）" },
  E_NO_FORMS: { severity: "error", meaning: "“干部”表中的干部没有任何双向测评表" },
  E_NO_WEIGHTED_FORM: { severity: "error", meaning: "干部的测评表全部来自权重为 0 的测评人类别，无法计分" },
  E_NOT_POLITICAL: { severity: "error", meaning: "交给 assess political 的不是政治素质测评工作簿（考核工作簿请用 assess grade）" },
  // 年度考核
  E_ANNUAL_YEAR: { severity: "error", meaning: "工作簿不属于 --year 指定的年度，不计入" },
  E_ANNUAL_QUARTERS: { severity: "error", meaning: "读到的季度少于三个，无法汇总年度" },
  W_ANNUAL_QUARTER_MISSING: { severity: "warning", meaning: "最近一个季度之前缺少某季度的工作簿" },
  E_ANNUAL_DUPLICATE_PERSON: { severity: "error", meaning: "同一季度中同一人员编号出现了两次" },
  W_ANNUAL_NAME_CHANGED: { severity: "warning", meaning: "同一人员编号在各季度的姓名不一致" },
  // 方案、模板和命令
  E_RULES: { severity: "error", meaning: "考核方案文件（--rules）有误" },
  E_TEMPLATE: { severity: "error", meaning: "公示或反馈单的措辞模板有误" },
  E_USAGE: { severity: "error", meaning: "命令用法有误（参数、路径或输出位置），命令无法运行" },
} as const satisfies Record<string, CodeEntry>;

/** A rule code: one of PROBLEM_CODES. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The severity a rule code carries. */
export function severityOf(code: ProblemCode): Severity {
  return PROBLEM_CODES[code].severity;
}
