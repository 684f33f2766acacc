// The seeded year of fixtures/annual/ (rules.md §6): the four quarterly workbooks of 某县财政局
// (CZJ) and 某县商务局 (SWJ) for 2026, written as data. Everything is what a clerk would type;
// the expected results are worked out by hand in test/e2e/annual-command.test.ts.
//
// Each quarterly total S is written directly: 个性得分 I and one 领导 rating 测评得分 C give
// S = 0.7 × I + 0.3 × C (+ 加分), so a cell `92` means I = C = 92 and S = 92.00.
// What the year holds:
// - a transfer: 孙亮 (CZ11) is in CZJ in Q1-Q2 and in SWJ from Q3;
// - a 否决 in Q2: 张伟 (CZ03), so 较差 that quarter and not eligible for 优秀;
// - a tie at SWJ's annual line: 朱红 (SW01) and 胡斌 (SW02) both have 2 好 and a mean of 90.00;
//   SWJ's quota is floor(0.2 × 9) = 1 (both 待定) and floor(0.25 × 9) = 2 with rules-uplift.json;
// - a 不参加 quarter (吴刚, CZ09, Q4), 领导成员 in both units, and reminder cases (徐丽, 罗军);
// - Q4 comes as two workbooks, one per unit, as a county's folder holds them.
// The variant fixtures/annual/pending/2026Q3.xlsx ties 胡斌 and 郭燕 at SWJ's Q3 line (待定).
//
// Plain JavaScript (with JSDoc types) so that fixtures/make.mjs runs it with node alone.

import {
  COMMON_HEADER,
  DECISIONS_HEADER,
  EVENTS_HEADER,
  INDICATOR_ROWS,
  UNIT_HEADER,
  WORK_HEADER,
  baseWorkbook,
  replaceText,
  setCell,
} from "./workbook-data.mjs";

/**
 * @typedef {import("./workbook-data.mjs").SheetData} SheetData
 * @typedef {import("./workbook-data.mjs").CellData} CellData
 * A quarter of a person: S when I = C; { i, c } when they differ; a status when not graded.
 * @typedef {number | { i: number, c: number } | { status: string, reason: string }} QuarterCell
 * @typedef {{ id: string, name: string, department: string, title: string, kind?: string,
 *   quarters: QuarterCell[], moves?: Record<number, { unit: string, department: string }> }} YearPerson
 */

export const ANNUAL_YEAR = 2026;

export const ANNUAL_UNITS = [
  { code: "CZJ", name: "某县财政局", contact: "李娜", phone: "0556-5553101", address: "县行政中心4楼401室" },
  { code: "SWJ", name: "某县商务局", contact: "朱红", phone: "0556-5553202", address: "县行政中心7楼702室" },
];

const LEADER = { status: "参加", reason: "" };
const SICK = { status: "不参加", reason: "病假超过半数工作日" };

/** @type {Record<string, YearPerson[]>} */
const PERSONS = {
  CZJ: [
    { id: "CZ00", name: "陈国平", department: "局领导", title: "党组书记、局长", kind: "领导成员", quarters: [LEADER, LEADER, LEADER, LEADER] },
    { id: "CZ01", name: "李娜", department: "办公室", title: "办公室主任", quarters: [96, 95, 97, 94] },
    { id: "CZ02", name: "王强", department: "预算股", title: "股长", quarters: [94, 93, 92, 89] },
    { id: "CZ03", name: "张伟", department: "预算股", title: "一级科员", quarters: [93, 94, 91, 88] },
    // Q2: I = C = 90 and 加分 0.5 → S = 90.50
    { id: "CZ04", name: "刘芳", department: "国库股", title: "股长", quarters: [92, 90, 87, 86] },
    { id: "CZ05", name: "杨帆", department: "国库股", title: "二级主任科员", quarters: [91, 92, 85, 87] },
    // Q1: rules.md's example, 0.7 × 88 + 0.3 × 80.65 = 85.795 → 85.80
    { id: "CZ06", name: "赵静", department: "会计股", title: "一级科员", quarters: [{ i: 88, c: 80.65 }, 85, 86, 84] },
    { id: "CZ07", name: "黄磊", department: "会计股", title: "二级科员", quarters: [84, 83, 82, 85] },
    { id: "CZ08", name: "周敏", department: "综合股", title: "一级科员", quarters: [82, 81, 80, 83] },
    { id: "CZ09", name: "吴刚", department: "综合股", title: "四级主任科员", quarters: [81, 82, 84, SICK] },
    { id: "CZ10", name: "徐丽", department: "综合股", title: "二级科员", quarters: [70, 68, 80, 65] },
    {
      id: "CZ11", name: "孙亮", department: "预算股", title: "一级科员", quarters: [85, 84, 91, 90],
      moves: { 3: { unit: "SWJ", department: "外贸股" }, 4: { unit: "SWJ", department: "外贸股" } },
    },
  ],
  SWJ: [
    { id: "SW00", name: "马建军", department: "局领导", title: "党组书记、局长", kind: "领导成员", quarters: [LEADER, LEADER, LEADER, LEADER] },
    { id: "SW01", name: "朱红", department: "办公室", title: "办公室主任", quarters: [93, 88, 92, 87] },
    { id: "SW02", name: "胡斌", department: "外贸股", title: "股长", quarters: [89, 91, 86, 94] },
    { id: "SW03", name: "郭燕", department: "外贸股", title: "一级科员", quarters: [91, 89, 89, 88] },
    { id: "SW04", name: "何涛", department: "市场股", title: "股长", quarters: [87, 86, 85, 84] },
    { id: "SW05", name: "高洁", department: "市场股", title: "二级主任科员", quarters: [84, 83, 84, 85] },
    { id: "SW06", name: "林峰", department: "市场股", title: "一级科员", quarters: [82, 81, 80, 81] },
    { id: "SW07", name: "罗军", department: "综合股", title: "二级科员", quarters: [75, 72, 65, 58] },
    { id: "SW08", name: "梁晨", department: "综合股", title: "一级科员", quarters: [80, 79, 82, 83] },
  ],
};

/** [quarter, 人员编号, 姓名, 类型, 分值, 事由, 日期] */
const EVENTS = [
  [2, "CZ03", "张伟", "否决", null, "受到政务警告处分", "2026-05-20"],
  [2, "CZ04", "刘芳", "加分", 0.5, "预算执行分析报告获县政府领导批示肯定", "2026-06-12"],
];

/**
 * Where a person is in a quarter: their own unit, or the unit they moved to.
 * @param {YearPerson} person @param {string} home @param {number} quarter
 */
function placeOf(person, home, quarter) {
  return person.moves?.[quarter] ?? { unit: home, department: person.department };
}

/**
 * One quarter's workbook holding the given units (one workbook for the county, or one per unit).
 * `overrides` replaces quarterly cells: { SW02: 90 } (the pending variant).
 * @param {number} quarter @param {string[]} unitCodes @param {Record<string, QuarterCell>} [overrides]
 * @returns {SheetData[]}
 */
export function annualQuarterWorkbook(quarter, unitCodes, overrides = {}) {
  /** @type {{ person: YearPerson, unit: string, department: string, cell: QuarterCell }[]} */
  const listed = [];
  for (const [home, persons] of Object.entries(PERSONS)) {
    for (const person of persons) {
      const place = placeOf(person, home, quarter);
      const cell = overrides[person.id] ?? person.quarters[quarter - 1];
      if (cell === undefined) throw new Error(`no quarter ${quarter} for ${person.id}`);
      listed.push({ person, unit: place.unit, department: place.department, cell });
    }
  }
  const movedIn = (/** @type {{ person: YearPerson }} */ l) => (l.person.moves?.[quarter] ? 1 : 0);
  const here = listed
    .filter((l) => unitCodes.includes(l.unit))
    // Roster order: by unit as listed in 单位, a person who moved in at the end of the unit's roster.
    .sort((a, b) => unitCodes.indexOf(a.unit) - unitCodes.indexOf(b.unit) || movedIn(a) - movedIn(b));
  const isGraded = (/** @type {QuarterCell} */ cell) => typeof cell === "number" || "i" in cell;
  const graded = here.filter((l) => l.person.kind !== "领导成员" && isGraded(l.cell));
  const ids = new Set(here.map((l) => l.person.id));

  const personRows = [["单位代码", "人员编号", "姓名", "科室", "职务职级", "人员类别", "考核状态", "状态原因"]];
  for (const { person, unit, department, cell } of here) {
    const status = typeof cell === "object" && "status" in cell && person.kind !== "领导成员" ? cell : null;
    personRows.push([unit, person.id, person.name, department, person.title, person.kind ?? "非领导成员", status?.status ?? "参加", status?.reason ?? null]);
  }
  const score = (/** @type {QuarterCell} */ cell) => (typeof cell === "number" ? { i: cell, c: cell } : /** @type {{ i: number, c: number }} */ (cell));
  const eventRows = EVENTS.filter(([q, id]) => q === quarter && ids.has(String(id))).map(([, ...row]) => row);

  return [
    {
      name: "参数",
      rows: [
        ["项目", "内容"],
        ["年度", ANNUAL_YEAR],
        ["季度", quarter],
      ],
    },
    {
      name: "单位",
      rows: [
        UNIT_HEADER,
        ...ANNUAL_UNITS.filter((u) => unitCodes.includes(u.code)).map((u) => [u.code, u.name, null, u.contact, u.phone, u.address]),
      ],
    },
    { name: "人员", rows: personRows },
    { name: "指标", rows: INDICATOR_ROWS },
    { name: "工作清单", rows: [WORK_HEADER, ...graded.map(({ person }) => [person.id, person.name, `完成第${quarter}季度本职工作`, "已完成", null, null])] },
    {
      name: "个性评分",
      rows: [["人员编号", "姓名", "个性得分", "评鉴意见", "改进目标", "评鉴人"], ...graded.map(({ person, cell }) => [person.id, person.name, score(cell).i, null, null, "分管领导"])],
    },
    {
      name: "共性测评",
      rows: [
        [...COMMON_HEADER.slice(0, 4), "测评得分"],
        ...graded.map(({ person, cell }) => [person.id, person.name, "领导", null, score(cell).c]),
      ],
    },
    { name: "加减分", rows: [EVENTS_HEADER, ...eventRows] },
    { name: "审定", rows: [DECISIONS_HEADER] },
  ];
}

/** A workbook of another year, given by mistake with the 2026 ones: the base workbook as 2025 Q4. */
export function otherYearWorkbook() {
  let sheets = setCell(baseWorkbook(), "参数", "B2", 2025);
  sheets = setCell(sheets, "参数", "B3", 4);
  return replaceText(sheets, "2026-10-12", "2026-01-12");
}

const DIR = "fixtures/annual";

/** @type {import("./fixture-catalogue.mjs").Fixture[]} */
export const ANNUAL_FIXTURES = [
  { path: `${DIR}/2026Q1.xlsx`, defect: "年度：第一季度，财政局和商务局一个工作簿", sheets: () => annualQuarterWorkbook(1, ["CZJ", "SWJ"]) },
  { path: `${DIR}/2026Q2.xlsx`, defect: "年度：第二季度，张伟否决，刘芳加分0.5", sheets: () => annualQuarterWorkbook(2, ["CZJ", "SWJ"]) },
  { path: `${DIR}/2026Q3.xlsx`, defect: "年度：第三季度，孙亮调入商务局", sheets: () => annualQuarterWorkbook(3, ["CZJ", "SWJ"]) },
  { path: `${DIR}/2026Q4_财政局.xlsx`, defect: "年度：第四季度财政局，吴刚不参加", sheets: () => annualQuarterWorkbook(4, ["CZJ"]) },
  { path: `${DIR}/2026Q4_商务局.xlsx`, defect: "年度：第四季度商务局", sheets: () => annualQuarterWorkbook(4, ["SWJ"]) },
  {
    path: `${DIR}/pending/2026Q3.xlsx`,
    defect: "第三季度商务局胡斌、郭燕同为90分并列名额线，待定",
    sheets: () => annualQuarterWorkbook(3, ["CZJ", "SWJ"], { SW02: 90, SW03: 90 }),
  },
  { path: `${DIR}/other-year/2025Q4.xlsx`, defect: "2025年第四季度的工作簿，误放入2026年度", sheets: otherYearWorkbook },
];
