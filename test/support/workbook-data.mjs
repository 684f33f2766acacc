// Input workbooks as data, for fixtures and tests: the demo workbook (two units of one county,
// 2026 Q3) and a small base workbook that each fixture of fixtures/bad/ spoils in one way.
// Everything here is what a clerk would type; nothing is computed from the program under test.
//
// Plain JavaScript (with JSDoc types) so that fixtures/make.mjs runs it with node alone.

/**
 * @typedef {null | string | number | { date: string } | { error: string } | { formula: string, result?: number | string | { error: string } }} CellData
 * @typedef {{ name: string, rows: CellData[][], merges?: string[], widths?: Record<number, number> }} SheetData
 */

export const INDICATOR_ROWS = [
  ["指标名称", "类别", "维度", "满分", "说明"],
  ["工作数量", "个性", "绩", 30, "完成工作任务的数量"],
  ["工作质量", "个性", "绩", 40, "完成工作任务的质量和效果"],
  ["工作效率", "个性", "能", 30, "完成工作任务的及时性"],
  ["政治素质", "共性", "德", 30, "理想信念、政治纪律和政治规矩"],
  ["职业道德", "共性", "德", 20, "爱岗敬业、诚实守信"],
  ["工作作风", "共性", "勤", 20, "求真务实、服务群众"],
  ["廉洁自律", "共性", "廉", 20, "遵守廉洁纪律"],
  ["出勤情况", "共性", "勤", 10, "考勤和请销假"],
];

export const PERSON_HEADER = ["单位代码", "人员编号", "姓名", "科室", "职务职级", "人员类别", "考核状态", "状态原因", "窗口岗位", "自评等次", "备注"];
export const UNIT_HEADER = ["单位代码", "单位名称", "主管单位代码", "联系人", "联系电话", "受理地址"];
export const INDIVIDUAL_HEADER = ["人员编号", "姓名", "工作数量", "工作质量", "工作效率", "评鉴意见", "改进目标", "评鉴人"];
export const COMMON_HEADER = ["被测评人编号", "被测评人姓名", "测评人类别", "测评人", "政治素质", "职业道德", "工作作风", "廉洁自律", "出勤情况"];
export const WORK_HEADER = ["人员编号", "姓名", "工作事项", "完成情况", "未完成原因", "备注"];
export const MONTHLY_WORK_HEADER = ["人员编号", "姓名", "月份", "工作事项", "完成情况", "未完成原因", "备注"];
export const SUMMARY_HEADER = ["人员编号", "姓名", "月份", "小结"];
export const EVENTS_HEADER = ["人员编号", "姓名", "类型", "分值", "事由", "日期"];
export const DECISIONS_HEADER = ["人员编号", "姓名", "审定等次", "类型", "理由", "日期"];

/** A rating written as five letters, one per 共性 indicator: A 好, B 较好, C 一般, D 较差. */
const WORD = { A: "好", B: "较好", C: "一般", D: "较差" };

/**
 * @param {string | number[]} code
 * @returns {CellData[]}
 */
function ratingValues(code) {
  return typeof code === "string" ? [...code].map((letter) => WORD[/** @type {keyof typeof WORD} */ (letter)]) : code;
}

// ---------------------------------------------------------------------------------------------
// The demo: 某县发展和改革委员会 (12 persons) and 某县统计局 (8 persons), 2026 Q3.

/**
 * @typedef {{ id: string, name: string, department: string, title: string, kind?: string, status?: string,
 *   reason?: string, window?: boolean, self?: string, note?: string,
 *   individual?: [number, number, number], comment?: string, goal?: string,
 *   leader?: string | number[], colleagues?: [string, string | number[]][], recipients?: (string | number[])[],
 *   work?: [string, string, (string | null)?, string?][], moreWork?: [string, string, string | null, string][],
 *   summaries?: [CellData, string][] }} DemoPerson
 *
 * `work`: item, 完成情况, 未完成原因, and the 月份 it was recorded in (月纪实); `moreWork`: the items
 * only the monthly demo has; `summaries`: 个人小结 rows (月份, 小结). The demo without months
 * (`demoWorkbook({ monthly: false })`) is the demo as it was before 月份 and 个人小结 existed.
 */

/** @type {{ code: string, name: string, leader: string, reviewer: string, persons: DemoPerson[] }[]} */
const DEMO_UNITS = [
  {
    code: "FGW",
    name: "某县发展和改革委员会",
    leader: "FG001",
    reviewer: "陈建国",
    persons: [
      { id: "FG001", name: "陈建国", department: "委领导", title: "党组书记、主任", kind: "领导成员" },
      {
        id: "FG002", name: "刘洋", department: "办公室", title: "办公室主任", self: "好",
        individual: [28, 37, 27], comment: "统筹协调有力，办文办会规范高效。", goal: "加快机关档案数字化进度。",
        leader: "AAAAA", colleagues: [["FG003", "AAAAA"], ["FG004", "ABAAA"], ["FG007", "AAAAA"], ["", "AAABA"], ["FG010", "BAAAA"]],
        work: [["完成委机关三季度公文办理和督办工作", "已完成"], ["组织开展机关作风建设专项检查", "已完成", null, "7月"], ["推进机关档案数字化整理", "推进中", "档案扫描服务合同9月下旬才签订，预计11月完成", "8月"]],
        moreWork: [["完成国庆节前机关安全检查", "已完成", null, "9月"]],
        summaries: [[null, "本季度主要做了四方面工作：一是统筹委机关公文办理和督办，三季度办文312件，督办事项按期办结率100%。二是牵头开展机关作风建设专项检查，查找问题9个，已全部整改。三是推进机关档案数字化整理，完成扫描服务采购，因合同签订较晚，扫描工作顺延至11月完成。四是做好节前安全检查和后勤保障。存在的不足：统筹谋划还不够超前，档案数字化进度滞后于计划。下一步将倒排工期，确保年底前完成档案数字化，并进一步规范办文流程。"]],
      },
      {
        id: "FG003", name: "张敏", department: "办公室", title: "一级科员",
        individual: [26, 34, 25], comment: "工作认真细致，信息报送及时。", goal: "提高综合文稿起草能力。",
        leader: "ABAAB", colleagues: [["FG002", "AABAA"], ["FG006", "ABBAA"], ["", "BBAAA"]],
        work: [["做好委机关会务保障和政务信息报送", "已完成", null, "7月"], ["完成政务公开年度自查", "已完成", null, "8月"]],
        moreWork: [["编写三季度政务信息简报", "已完成", null, "9月"]],
        summaries: [["7月", "保障委务会等会议6次，报送政务信息15条。"], ["八月", "完成政务公开年度自查，整改栏目更新不及时问题2个。"], [9, "编写三季度政务信息简报，被县委办采用2篇。"]],
      },
      {
        id: "FG004", name: "王磊", department: "发展规划股", title: "股长", self: "好",
        individual: [29, 38, 28], comment: "规划编制工作思路清晰，牵头作用突出。", goal: "做好“十五五”规划纲要与上级规划的衔接。",
        leader: "AAAAA", colleagues: [["FG005", "AAAAA"], ["FG006", "AAAAA"], ["FG002", "ABAAA"], ["", "AAAAA"], ["FG009", "BBAAA"]],
        work: [["牵头起草“十五五”规划纲要初稿", "推进中", "市级规划纲要尚未印发，需与上级衔接后定稿", "8月"], ["完成“十四五”规划实施情况中期评估报告", "已完成", null, "7月"]],
        moreWork: [["参与县政府重大课题起草", "已完成", null, "9月"]],
        summaries: [[null, "牵头起草“十五五”规划纲要初稿，完成“十四五”规划中期评估，参与县政府重大课题起草并获书面表扬。规划纲要待市级纲要印发后衔接定稿。"]],
      },
      {
        id: "FG005", name: "赵倩", department: "发展规划股", title: "二级主任科员",
        individual: [27, 37, 27], comment: "调研扎实，经济运行分析有深度。", goal: "加强数据分析工具的运用。",
        leader: [28, 18, 20, 20, 10], colleagues: [["FG004", "AAAAA"], ["FG006", "AABAA"], ["FG003", "AAAAA"], ["", "ABAAA"], ["FG012", "AAAAB"]],
        work: [["开展县域重点产业发展专题调研", "已完成", null, "7月"], ["编制三季度经济运行分析报告", "已完成", null, "9月"]],
        moreWork: [["撰写重点产业发展调研报告", "已完成", null, "8月"]],
      },
      {
        id: "FG006", name: "孙浩", department: "发展规划股", title: "一级科员",
        individual: [25, 33, 25], comment: "能按要求完成交办任务。", goal: "增强工作主动性，按期完成数据库更新。",
        leader: "BBBAA", colleagues: [["FG004", "ABBAA"], ["FG005", "BBAAA"], ["", "BBBAB"]],
        work: [["整理重大项目储备库入库材料", "已完成", null, "7月"], ["更新县域经济数据库", "未完成", "统计部门季度数据延迟发布，待10月中旬补齐", "9月"]],
        moreWork: [["核对重大项目储备库入库信息", "已完成", null, "8月"]],
      },
      {
        id: "FG007", name: "周婷", department: "投资与审批服务股", title: "股长",
        individual: [28, 37, 28], comment: "审批服务规范，群众满意度高。", goal: "进一步压缩项目备案办理时限。",
        leader: "AAAAA", colleagues: [["FG008", "AAAAA"], ["FG009", "ABAAA"], ["FG002", "AAAAA"], ["", "AABAA"], ["FG010", "AAAAA"]],
        work: [["完成企业投资项目备案审核46件", "已完成"], ["推进投资项目在线审批监管平台数据治理", "已完成", null, "8月"]],
        moreWork: [["修订企业投资项目备案办事指南", "已完成", null, "7月"], ["开展项目备案信息季度核查", "已完成", null, "9月"]],
      },
      {
        id: "FG008", name: "吴凡", department: "投资与审批服务股", title: "一级科员", window: true,
        individual: [27, 36, 27], comment: "窗口服务热情周到，业务熟练。", goal: "提升疑难事项的一次性告知水平。",
        leader: "AABAA", colleagues: [["FG007", "AAAAA"], ["FG009", "ABAAA"], ["", "AAAAB"], ["FG003", "AABAA"], ["FG012", "BAAAA"]],
        recipients: ["AAAAA", "AAAAA", "ABAAA"],
        work: [["在县政务服务中心窗口办理项目备案、核准咨询120余件", "已完成"], ["落实窗口“好差评”整改", "已完成", null, "8月"]],
        moreWork: [["参加政务服务窗口业务培训", "已完成", null, "7月"], ["整理窗口服务台账", "已完成", null, "9月"]],
      },
      {
        id: "FG009", name: "郑凯", department: "投资与审批服务股", title: "二级科员",
        individual: [28, 36, 28], comment: "业务能力较强，审核把关严格。", goal: "加强项目资料归档管理。",
        leader: "AAAAA", colleagues: [["FG007", "AAAAA"], ["FG008", "ABAAA"], ["", "AAAAA"]],
        work: [["审核政府投资项目可行性研究报告8件", "已完成"], ["办理项目节能审查", "推进中", "两个项目的补充材料尚未报齐", "9月"]],
        moreWork: [["审核项目初步设计概算3件", "已完成", null, "7月"], ["整改项目审核资料归档问题", "已完成", null, "8月"]],
      },
      {
        id: "FG010", name: "冯雪", department: "价格股", title: "股长",
        individual: [27, 36, 27], comment: "价格监测及时准确，调研成果获奖。", goal: "做好成本监审报告的规范化。",
        leader: "ABAAA", colleagues: [["FG012", "AAAAA"], ["FG002", "ABAAA"], ["", "AABAB"], ["FG004", "AAAAA"], ["FG007", "BBAAA"]],
        work: [["开展重要民生商品价格监测", "已完成", null, "7月"], ["完成县城区停车收费定价成本监审", "已完成", null, "8月"]],
        moreWork: [["撰写县域商业体系建设调研报告", "已完成", null, "9月"]],
      },
      { id: "FG011", name: "何军", department: "价格股", title: "四级主任科员", status: "不确定等次", reason: "立案审查" },
      {
        id: "FG012", name: "许诺", department: "价格股", title: "一级科员", self: "较好",
        individual: [22, 30, 22], comment: "能完成日常工作，专项检查进度偏慢。", goal: "按期完成涉企收费专项检查。",
        leader: "BBCBA", colleagues: [["FG010", "BBBAA"], ["FG005", "BCBAA"], ["", "BBBBA"]],
        work: [["整理价格认定案卷", "已完成", null, "7月"], ["开展涉企收费专项检查", "未完成", "检查方案调整，部分企业尚未反馈自查表", "8月"]],
        moreWork: [["收集涉企收费自查表", "推进中", "部分企业尚未反馈自查表", "9月"]],
        summaries: [[null, "完成价格认定案卷整理。涉企收费专项检查因方案调整未能按期完成，自评较好。"]],
      },
    ],
  },
  {
    code: "TJJ",
    name: "某县统计局",
    leader: "TJ001",
    reviewer: "黄志强",
    persons: [
      { id: "TJ001", name: "黄志强", department: "局领导", title: "党组书记、局长", kind: "领导成员" },
      {
        id: "TJ002", name: "林晓燕", department: "办公室", title: "办公室主任",
        individual: [28, 36, 28], comment: "财务管理规范，后勤保障有力。", goal: "推进预算绩效管理。",
        leader: "AAAAA", colleagues: [["TJ004", "AAAAA"], ["TJ007", "ABAAA"], ["", "AAAAA"]],
        work: [["完成局机关三季度财务报销和预算执行分析", "已完成"], ["组织统计法治宣传月活动", "已完成"]],
      },
      { id: "TJ003", name: "马超", department: "办公室", title: "一级科员", status: "不参加", reason: "试用期（2026年7月录用）" },
      {
        id: "TJ004", name: "高峰", department: "综合统计股", title: "股长", self: "好",
        individual: [29, 38, 28], comment: "核算工作准确及时，统计分析质量高。", goal: "加强统计分析对县委决策的支撑。",
        leader: "AAAAA", colleagues: [["TJ005", "AAAAA"], ["TJ006", "AAAAA"], ["TJ002", "ABAAA"], ["", "AAAAA"]],
        work: [["完成三季度地区生产总值统一核算数据上报", "已完成"], ["编印《某县统计月报》7-9月", "已完成"]],
        summaries: [[null, "按时完成三季度地区生产总值统一核算和数据上报，编印统计月报3期。"]],
      },
      {
        id: "TJ005", name: "罗丹", department: "综合统计股", title: "二级主任科员",
        individual: [27, 37, 27], comment: "联网直报审核细致。", goal: "按期完成经济普查资料汇编。",
        leader: "AABAA", colleagues: [["TJ004", "AAAAA"], ["TJ006", "ABAAA"], ["", "AAAAB"]],
        work: [["开展规模以上工业企业统计联网直报审核", "已完成"], ["第五次全国经济普查资料汇编", "推进中", "市级审定数据尚未下发"]],
      },
      {
        id: "TJ006", name: "梁宇", department: "综合统计股", title: "一级科员",
        individual: [25, 34, 25], comment: "催报工作积极，基层台账有待完善。", goal: "督促乡镇按期报送规范化建设台账。",
        leader: "ABBAA", colleagues: [["TJ004", "BBAAA"], ["TJ005", "ABBAA"], ["", "BBBAA"]],
        work: [["完成服务业企业季度报表催报", "已完成"], ["整理统计基层基础规范化建设台账", "推进中", "3个乡镇的台账尚未报送"]],
      },
      {
        id: "TJ007", name: "宋佳", department: "统计执法监督股", title: "股长",
        individual: [27, 35, 26], comment: "执法检查程序规范。", goal: "杜绝报表迟报。",
        leader: "ABAAA", colleagues: [["TJ008", "AAAAA"], ["TJ002", "ABAAA"], ["", "AABAA"]],
        work: [["开展统计执法“双随机”检查12家", "已完成"], ["办理统计违法案件2件", "已完成"]],
      },
      {
        id: "TJ008", name: "唐亮", department: "统计执法监督股", title: "一级科员",
        individual: [21, 28, 21], comment: "数据质量核查未按期完成。", goal: "四季度内完成数据质量核查。",
        leader: "BCBBA", colleagues: [["TJ007", "BBBBA"], ["TJ006", "BCBAA"], ["", "CBBBA"]],
        work: [["统计数据质量核查", "未完成", "人员抽调参加防汛工作，核查顺延至四季度"], ["整理执法检查档案", "已完成"]],
      },
    ],
  },
];

const DEMO_EVENTS = [
  ["FG004", "王磊", "加分", 1, "参与县政府重大课题起草，获县政府办公室书面表扬", { date: "2026-09-05" }],
  ["FG009", "郑凯", "限好", null, "项目审核资料归档不及时，被县政府督查室通报", { date: "2026-08-25" }],
  ["FG010", "冯雪", "加分", 2, "调研报告《某县县域商业体系建设调查》获市优秀调研成果二等奖", { date: "2026-09-18" }],
  ["TJ007", "宋佳", "减分", 1, "月度统计报表迟报一次", { date: "2026-07-10" }],
];

/** @param {DemoPerson} p @param {string} unit */
function personRow(p, unit) {
  return [unit, p.id, p.name, p.department, p.title, p.kind ?? "非领导成员", p.status ?? "参加", p.reason ?? null, p.window ? "是" : "否", p.self ?? null, p.note ?? null];
}

/**
 * The demo workbook, shaped as a clerk of the organisation department would merge two units'
 * returns: a title row above each table, 科室 cells merged, the quarter written in words. The
 * development commission keeps its work list month by month (月纪实: July's rows, then August's,
 * then September's, then the whole quarter's), and a few persons wrote a 个人小结; without
 * `monthly` it is the demo as it was before 月份 and 个人小结.
 * @param {{ monthly?: boolean }} [options]
 * @returns {SheetData[]}
 */
export function demoWorkbook(options = {}) {
  const monthly = options.monthly ?? true;
  const persons = DEMO_UNITS.flatMap((u) => u.persons.map((p) => ({ unit: u, p })));
  const personRows = [["某县2026年第三季度公务员平时考核人员名册"], PERSON_HEADER];
  // 科室 cells of consecutive persons of one department are merged, as clerks do (workbook.md).
  const merges = ["A1:K1"];
  let start = 0;
  persons.forEach(({ unit, p }, i) => {
    const row = personRow(p, unit.code);
    const previous = persons[i - 1];
    const sameAsAbove = previous && previous.unit === unit && previous.p.department === p.department;
    if (sameAsAbove) row[3] = null;
    else start = personRows.length + 1;
    personRows.push(row);
    const next = persons[i + 1];
    const endsHere = !next || next.unit !== unit || next.p.department !== p.department;
    const rowNumber = personRows.length;
    if (endsHere && rowNumber > start) merges.push(`D${start}:D${rowNumber}`);
  });

  const graded = persons.filter(({ p }) => p.individual);
  const individualRows = [
    ["2026年第三季度个性指标评鉴表"],
    INDIVIDUAL_HEADER,
    ...graded.map(({ unit, p }) => [p.id, p.name, ...(p.individual ?? []), p.comment ?? null, p.goal ?? null, unit.reviewer]),
  ];

  /** @type {CellData[][]} */
  const ratingRows = [["2026年第三季度共性指标民主测评汇总表"], COMMON_HEADER];
  for (const { unit, p } of graded) {
    if (p.leader) ratingRows.push([p.id, p.name, "领导", unit.leader, ...ratingValues(p.leader)]);
    for (const [rater, code] of p.colleagues ?? []) ratingRows.push([p.id, p.name, "同事", rater || null, ...ratingValues(code)]);
    for (const code of p.recipients ?? []) ratingRows.push([p.id, p.name, "服务对象", null, ...ratingValues(code)]);
  }

  /** @type {CellData[][]} */
  const workRows = [monthly ? MONTHLY_WORK_HEADER : WORK_HEADER];
  if (monthly) {
    // rows added month by month, as a clerk keeps one workbook through the quarter
    const all = graded.flatMap(({ p }) => [...(p.work ?? []), ...(p.moreWork ?? [])].map(([item, state, reason, month]) => ({ p, item, state, reason, month })));
    const order = ["7月", "8月", "9月", undefined];
    for (const month of order) {
      for (const w of all.filter((w) => w.month === month)) workRows.push([w.p.id, w.p.name, w.month ?? null, w.item, w.state, w.reason ?? null, null]);
    }
  } else {
    for (const { p } of graded) for (const [item, state, reason] of p.work ?? []) workRows.push([p.id, p.name, item, state, reason ?? null, null]);
  }
  /** @type {CellData[][]} */
  const summaryRows = [["2026年第三季度个人小结"], SUMMARY_HEADER];
  for (const { p } of graded) for (const [month, text] of p.summaries ?? []) summaryRows.push([p.id, p.name, month, text]);

  return [
    {
      name: "说明",
      rows: [["本工作簿为演示数据：某县发展和改革委员会、某县统计局 2026 年第三季度公务员平时考核。"], ["人名、编号均为虚构。"]],
    },
    {
      name: "参数",
      rows: [
        ["项目", "内容"],
        ["年度", 2026],
        ["季度", "第三季度"],
        ["联系人", "王丽"],
        ["联系电话", "0556-5551234"],
        ["受理地址", "县委组织部干部监督科（县行政中心3楼312室）"],
        ["公示开始日期", { date: "2026-10-12" }],
      ],
      widths: { 1: 14, 2: 40 },
    },
    {
      name: "单位",
      rows: [
        UNIT_HEADER,
        ["FGW", "某县发展和改革委员会", null, "李明", "0556-5552101", "县行政中心5楼502室"],
        ["TJJ", "某县统计局", null, "周静", "0556-5552202", "县行政中心6楼603室"],
      ],
    },
    { name: "人员", rows: personRows, merges },
    { name: "指标", rows: INDICATOR_ROWS },
    { name: "工作清单", rows: workRows },
    ...(monthly ? [{ name: "个人小结", rows: summaryRows, merges: ["A1:D1"], widths: { 4: 80 } }] : []),
    { name: "个性评分", rows: individualRows, merges: ["A1:H1"] },
    { name: "共性测评", rows: ratingRows, merges: ["A1:I1"] },
    { name: "加减分", rows: [EVENTS_HEADER, ...DEMO_EVENTS] },
    { name: "审定", rows: [DECISIONS_HEADER] },
  ];
}

// ---------------------------------------------------------------------------------------------
// The base of the bad fixtures: one unit named in 参数 (no 单位 sheet), three graded persons and
// one on probation; valid as it is. Each fixture changes one thing (fixture-catalogue.mjs).

/** @returns {SheetData[]} */
export function baseWorkbook() {
  return [
    {
      name: "参数",
      rows: [
        ["项目", "内容"],
        ["年度", 2026],
        ["季度", 3],
        ["单位代码", "DAJ"],
        ["单位名称", "某县档案馆"],
        ["联系人", "钱芳"],
        ["联系电话", "0556-5553301"],
        ["公示开始日期", "2026-10-12"],
      ],
    },
    {
      name: "人员",
      rows: [
        ["人员编号", "姓名", "科室", "职务职级", "人员类别", "考核状态", "状态原因", "窗口岗位"],
        ["DA01", "钱芳", "办公室", "办公室主任", null, null, null, null],
        ["DA02", "孔亮", "档案管理科", "一级科员", null, null, null, null],
        ["DA03", "曹丽", "档案管理科", "二级科员", null, null, null, null],
        ["DA04", "严冬", "档案管理科", "二级科员", null, "不参加", "试用期", null],
      ],
    },
    { name: "指标", rows: INDICATOR_ROWS },
    {
      name: "工作清单",
      rows: [
        WORK_HEADER,
        ["DA01", "钱芳", "完成馆内三季度公文办理", "已完成", null, null],
        ["DA02", "孔亮", "完成2025年度文书档案接收进馆", "已完成", null, null],
        ["DA03", "曹丽", "推进馆藏档案数字化", "推进中", "扫描设备9月才到位", null],
      ],
    },
    {
      name: "个性评分",
      rows: [
        INDIVIDUAL_HEADER,
        ["DA01", "钱芳", 27, 36, 27, "工作扎实。", null, "馆长"],
        ["DA02", "孔亮", 26, 35, 26, null, null, "馆长"],
        ["DA03", "曹丽", 24, 32, 24, null, "加快数字化进度。", "馆长"],
      ],
    },
    {
      name: "共性测评",
      rows: [
        COMMON_HEADER,
        ["DA01", "钱芳", "领导", null, "好", "好", "好", "好", "好"],
        ["DA01", "钱芳", "同事", "DA02", "好", "较好", "好", "好", "好"],
        ["DA02", "孔亮", "领导", null, "好", "好", "较好", "好", "好"],
        ["DA02", "孔亮", "同事", "DA03", "好", "好", "好", "好", "较好"],
        ["DA03", "曹丽", "领导", null, "较好", "好", "好", "好", "好"],
        ["DA03", "曹丽", "同事", "DA01", 27, 18, 18, 20, 10],
      ],
    },
    {
      name: "加减分",
      rows: [EVENTS_HEADER, ["DA02", "孔亮", "加分", 1, "档案接收工作获市档案馆通报表扬", "2026-09-10"]],
    },
    { name: "审定", rows: [DECISIONS_HEADER] },
  ];
}

// ---------------------------------------------------------------------------------------------
// Small edits, each returning a new workbook (the input is never changed).

/** @param {SheetData[]} sheets @returns {SheetData[]} */
export function copy(sheets) {
  return sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), merges: s.merges ? [...s.merges] : undefined }));
}

/** @param {SheetData[]} sheets @param {string} name */
export function sheetOf(sheets, name) {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/**
 * Sets the cell at an A1 address of a sheet.
 * @param {SheetData[]} sheets @param {string} name @param {string} address @param {CellData} value
 */
export function setCell(sheets, name, address, value) {
  const out = copy(sheets);
  const sheet = sheetOf(out, name);
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  while (sheet.rows.length < row) sheet.rows.push([]);
  const cells = sheet.rows[row - 1];
  while (cells.length < column) cells.push(null);
  cells[column - 1] = value;
  return out;
}

/** @param {SheetData[]} sheets @param {string} name @param {CellData[][]} rows */
export function appendRows(sheets, name, rows) {
  const out = copy(sheets);
  sheetOf(out, name).rows.push(...rows.map((r) => [...r]));
  return out;
}

/** @param {SheetData[]} sheets @param {string} name @param {(row: CellData[], index: number) => boolean} keep */
export function filterRows(sheets, name, keep) {
  const out = copy(sheets);
  const sheet = sheetOf(out, name);
  sheet.rows = sheet.rows.filter(keep);
  return out;
}

/** @param {SheetData[]} sheets @param {string} name @param {number} column 1-based */
export function removeColumn(sheets, name, column) {
  const out = copy(sheets);
  const sheet = sheetOf(out, name);
  sheet.rows = sheet.rows.map((r) => r.filter((_, i) => i !== column - 1));
  return out;
}

/** @param {SheetData[]} sheets @param {string} name @param {CellData[][]} rows */
export function prependRows(sheets, name, rows) {
  const out = copy(sheets);
  const sheet = sheetOf(out, name);
  sheet.rows = [...rows.map((r) => [...r]), ...sheet.rows];
  return out;
}

/** @param {SheetData[]} sheets @param {string} from @param {string} to every cell equal to `from` */
export function replaceText(sheets, from, to) {
  return copy(sheets).map((s) => ({ ...s, rows: s.rows.map((r) => r.map((c) => (c === from ? to : c))) }));
}

/**
 * The base workbook as another unit of the county: 单位代码 `code`, 单位名称 `name`, and persons
 * `${prefix}01` to `${prefix}04` instead of DA01 to DA04.
 * @param {string} code @param {string} name @param {string} prefix @returns {SheetData[]}
 */
export function renamedUnit(code, name, prefix) {
  let sheets = replaceText(replaceText(baseWorkbook(), "DAJ", code), "某县档案馆", name);
  for (const n of ["01", "02", "03", "04"]) sheets = replaceText(sheets, `DA${n}`, `${prefix}${n}`);
  return sheets;
}
