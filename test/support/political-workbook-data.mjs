// Evaluation workbooks (political.md) as data, for fixtures and tests: a small base workbook of
// one township (three cadres, five forms each, problem information, 延伸考察 and talks) that each
// political fixture of fixtures/bad/ spoils in one way. What a clerk would type; nothing computed.

export const ITEM_CODES = Array.from({ length: 17 }, (_, i) => `反${i + 1}`);
export const FORM_HEADER = ["被测评人编号", "被测评人姓名", "测评人类别", "测评人", "政治忠诚", "政治定力", "政治担当", "政治能力", "政治自律", ...ITEM_CODES];
export const CADRE_HEADER = ["单位代码", "人员编号", "姓名", "职务", "干部类别", "备注"];
export const CLUE_HEADER = ["人员编号", "姓名", "来源单位", "方面", "反向条目", "内容", "核实情况", "日期"];
export const OBSERVATION_HEADER = ["人员编号", "姓名", "场景", "评价", "内容", "日期"];
export const TALK_HEADER = ["人员编号", "姓名", "方式", "日期", "要点"];

const WORD = { A: "好", B: "较好", C: "一般", D: "较差" };

/**
 * One form: five letters for the aspects (A 好 … D 较差) and the codes of the items marked.
 * @param {string} id @param {string} name @param {string} group @param {string | null} rater @param {string} words @param {string[]} marks
 */
export function formRow(id, name, group, rater, words, marks = []) {
  return [id, name, group, rater, ...[...words].map((l) => WORD[/** @type {keyof typeof WORD} */ (l)]), ...ITEM_CODES.map((c) => (marks.includes(c) ? "√" : null))];
}

/** @returns {import("./workbook-data.mjs").SheetData[]} */
export function politicalBaseWorkbook() {
  return [
    {
      name: "参数",
      rows: [
        ["项目", "内容"],
        ["年度", 2026],
        ["测评名称", "2026年度领导班子和领导干部考核"],
        ["单位代码", "XZ01"],
        ["单位名称", "某县城关镇"],
        ["联系人", "周红"],
        ["联系电话", "0556-1234567"],
      ],
    },
    {
      name: "干部",
      rows: [
        CADRE_HEADER,
        ["XZ01", "GB01", "王强", "党委书记", "主要负责人", null],
        ["XZ01", "GB02", "李敏", "党委副书记、镇长", "班子成员", null],
        ["XZ01", "GB03", "赵刚", "副镇长", null, null],
      ],
    },
    {
      name: "双向测评",
      rows: [
        FORM_HEADER,
        formRow("GB01", "王强", "上级领导", null, "AAAAA"),
        formRow("GB01", "王强", "班子成员", "GB02", "AABAA"),
        formRow("GB01", "王强", "班子成员", "GB03", "AAAAB"),
        formRow("GB01", "王强", "干部职工", null, "ABAAA"),
        formRow("GB01", "王强", "干部职工", null, "AAAAA"),
        formRow("GB02", "李敏", "上级领导", null, "ABABA"),
        formRow("GB02", "李敏", "班子成员", "GB01", "AABBA"),
        formRow("GB02", "李敏", "班子成员", "GB03", "BABAA"),
        formRow("GB02", "李敏", "干部职工", null, "BBCBA", ["反9"]),
        formRow("GB02", "李敏", "干部职工", null, "ABBBA"),
        formRow("GB03", "赵刚", "上级领导", null, "BBBBB"),
        formRow("GB03", "赵刚", "班子成员", "GB01", "BBCBB", ["反11"]),
        formRow("GB03", "赵刚", "班子成员", "GB02", "BCBBB"),
        formRow("GB03", "赵刚", "干部职工", null, "BBCCB", ["反11"]),
        formRow("GB03", "赵刚", "干部职工", null, "CBBCB", ["反9", "反11"]),
      ],
    },
    {
      name: "问题线索",
      rows: [
        CLUE_HEADER,
        ["GB02", "李敏", "信访局", "政治担当", "反9", "群众反映办理事项拖延", "核实中", "2026-10-12"],
        ["GB03", "赵刚", "纪委监委", "政治自律", null, "反映接受管理服务对象宴请", "不属实", "2026-09-20"],
      ],
    },
    {
      name: "延伸考察",
      rows: [OBSERVATION_HEADER, ["GB01", "王强", "社区", "正面", "包联社区疫情防控工作扎实，群众评价好", "2026-08-01"]],
    },
    {
      name: "谈心谈话",
      rows: [TALK_HEADER, ["GB03", "赵刚", "点名谈", "2026-07-05", "提醒落实分管领域安全生产责任"]],
    },
  ];
}

import { filterRows, setCell } from "./workbook-data.mjs";

/** The political fixtures of fixtures/bad/: one defect each (test/e2e/validate-fixtures.test.ts). */
export const POLITICAL_FIXTURES = [
  { path: "fixtures/good/political.xlsx", defect: "政治素质测评：一个镇、三名干部，没有错误", sheets: politicalBaseWorkbook },
  { path: "fixtures/bad/political-blank-aspect.xlsx", defect: "双向测评中“政治忠诚”一格空着", sheets: () => setCell(politicalBaseWorkbook(), "双向测评", "E2", null) },
  { path: "fixtures/bad/political-rater-group.xlsx", defect: "测评人类别填“群众”，不是规则中的类别", sheets: () => setCell(politicalBaseWorkbook(), "双向测评", "C3", "群众") },
  { path: "fixtures/bad/political-item-code.xlsx", defect: "问题线索的反向条目填“反18”，规则中没有", sheets: () => setCell(politicalBaseWorkbook(), "问题线索", "E2", "反18") },
  { path: "fixtures/bad/political-self-rating.xlsx", defect: "王强测评了自己", sheets: () => setCell(politicalBaseWorkbook(), "双向测评", "D3", "GB01") },
  {
    path: "fixtures/bad/political-no-forms.xlsx",
    defect: "赵刚在双向测评中没有测评表",
    sheets: () => filterRows(politicalBaseWorkbook(), "双向测评", (row) => row[0] !== "GB03"),
  },
  { path: "fixtures/bad/political-source.xlsx", defect: "问题线索来源单位填“组织部”，不在联席会议成员单位中", sheets: () => setCell(politicalBaseWorkbook(), "问题线索", "C2", "组织部") },
  { path: "fixtures/bad/political-verification.xlsx", defect: "核实情况填“已核实”，不在可选词中", sheets: () => setCell(politicalBaseWorkbook(), "问题线索", "G2", "已核实") },
  { path: "fixtures/bad/political-date.xlsx", defect: "问题线索日期填“2026年13月1日”", sheets: () => setCell(politicalBaseWorkbook(), "问题线索", "H2", "2026年13月1日") },
];
