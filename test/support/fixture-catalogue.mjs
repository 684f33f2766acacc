// Every committed fixture and how it is made: the demo, a messy but valid workbook, one small
// workbook per defect (fixtures/bad/), folders of workbooks that disagree with each other, and
// files that are not workbooks at all. fixtures/make.mjs writes them; the tests read the written
// files and compare them with a fresh build.

import {
  appendRows,
  baseWorkbook,
  copy,
  demoWorkbook,
  filterRows,
  prependRows,
  removeColumn,
  renamedUnit,
  replaceText,
  setCell,
  sheetOf,
} from "./workbook-data.mjs";
import { writeWorkbook } from "./write-workbook.mjs";
import { ANNUAL_FIXTURES } from "./annual-workbooks.mjs";
import { POLITICAL_FIXTURES } from "./political-workbook-data.mjs";

/**
 * @typedef {import("./workbook-data.mjs").SheetData} SheetData
 * @typedef {{ path: string, defect: string, sheets?: () => SheetData[], bytes?: () => Promise<Buffer> }} Fixture
 */

/** @param {SheetData[]} sheets @param {string} name */
function withoutSheet(sheets, name) {
  return copy(sheets).filter((s) => s.name !== name);
}

/** A second unit like the base one, with its own codes: 某县审计局. */
function otherUnit() {
  return renamedUnit("SJJ", "某县审计局", "SJ");
}

/** The first bytes of a Compound File (OLE2): what an .xls, or an encrypted .xlsx, starts with. */
function compoundFile(streamNames) {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const directory = Buffer.alloc(512);
  streamNames.forEach((name, i) => {
    const encoded = Buffer.from(`${name}\u0000`, "utf16le");
    encoded.copy(directory, i * 128);
    directory.writeUInt16LE(encoded.length, i * 128 + 64);
  });
  return Buffer.concat([header, directory, Buffer.alloc(512)]);
}

const BASE = "fixtures/bad";

/** @type {Fixture[]} */
export const FIXTURES = [
  { path: "fixtures/demo/2026Q3.xlsx", defect: "演示：两个单位、2026 年第三季度，没有错误", sheets: demoWorkbook },
  {
    path: "fixtures/good/messy-but-valid.xlsx",
    defect: "标题行、列顺序打乱、全角数字、带*和（必填）的列标题、带缓存结果的公式、合并单元格、Q3 写法：都能读",
    sheets: () => {
      let sheets = baseWorkbook();
      sheets = setCell(sheets, "参数", "B3", "Q3");
      sheets = setCell(sheets, "参数", "B2", "２０２６");
      // 人员: a title row, headers with marks and line breaks, columns in another order.
      const persons = sheetOf(sheets, "人员");
      persons.rows = [
        ["某县档案馆人员名册（2026年第三季度）"],
        [],
        ["姓名*", "人员编号（必填）", "科 室", "职务\n职级", "考核状态", "状态原因"],
        ["钱芳", "ＤＡ０１", "办公室", "办公室主任", null, null],
        ["孔 亮", "DA02", "档案管理科", "一级科员", "参加", null],
        ["曹丽", "DA03", null, "二级科员", null, null],
        ["严冬", " DA04 ", null, "二级科员", "不参加", "试用期"],
      ];
      persons.merges = ["A1:F1", "C5:C7"];
      // 个性评分: full-width digits and a formula with its cached result.
      sheets = setCell(sheets, "个性评分", "C2", "２７");
      sheets = setCell(sheets, "个性评分", "D3", { formula: "30+5", result: 35 });
      sheets = setCell(sheets, "个性评分", "E4", "24.0");
      return sheets;
    },
  },
  {
    path: `${BASE}/score-chinese-numeral.xlsx`,
    defect: "个性评分中“工作质量”写成汉字“九十”",
    sheets: () => setCell(baseWorkbook(), "个性评分", "D3", "九十"),
  },
  { path: `${BASE}/score-with-unit.xlsx`, defect: "分数带“分”字：27分", sheets: () => setCell(baseWorkbook(), "个性评分", "C2", "27分") },
  { path: `${BASE}/score-not-applicable.xlsx`, defect: "分数填 N/A", sheets: () => setCell(baseWorkbook(), "个性评分", "E4", "N/A") },
  { path: `${BASE}/score-above-max.xlsx`, defect: "“工作质量”45 分，超过满分 40", sheets: () => setCell(baseWorkbook(), "个性评分", "D2", 45) },
  { path: `${BASE}/score-blank.xlsx`, defect: "个性评分的一格空着", sheets: () => setCell(baseWorkbook(), "个性评分", "E3", null) },
  { path: `${BASE}/rating-blank.xlsx`, defect: "共性测评的一格空着", sheets: () => setCell(baseWorkbook(), "共性测评", "G5", null) },
  { path: `${BASE}/rating-word.xlsx`, defect: "共性测评填了“优秀”，不是等次词也不是分数", sheets: () => setCell(baseWorkbook(), "共性测评", "E2", "优秀") },
  { path: `${BASE}/bad-choice.xlsx`, defect: "考核状态填“在岗”，不在可选词中", sheets: () => setCell(baseWorkbook(), "人员", "F3", "在岗") },
  {
    path: `${BASE}/duplicate-header.xlsx`,
    defect: "人员表有两列“姓名”",
    sheets: () => {
      let sheets = setCell(baseWorkbook(), "人员", "I1", "姓名");
      for (const [row, name] of [[2, "钱芳"], [3, "孔亮"], [4, "曹丽"], [5, "严冬"]]) sheets = setCell(sheets, "人员", `I${row}`, name);
      return sheets;
    },
  },
  { path: `${BASE}/missing-header.xlsx`, defect: "人员表没有“科室”列", sheets: () => removeColumn(baseWorkbook(), "人员", 3) },
  { path: `${BASE}/missing-sheet.xlsx`, defect: "没有“共性测评”工作表", sheets: () => withoutSheet(baseWorkbook(), "共性测评") },
  {
    path: `${BASE}/header-below-row-10.xlsx`,
    defect: "人员表上方有 11 行说明，列标题在第 12 行",
    sheets: () => prependRows(baseWorkbook(), "人员", Array.from({ length: 11 }, (_, i) => [`填表说明第${i + 1}条`])),
  },
  {
    path: `${BASE}/id-lost-digits.xlsx`,
    defect: "身份证号作为数字输入，Excel 只保留了 15 位",
    sheets: () => setCell(baseWorkbook(), "人员", "A5", 110105194912310021),
  },
  {
    path: `${BASE}/id-checksum.xlsx`,
    defect: "人员编号用身份证号，校验位不对（警告）",
    sheets: () => replaceText(baseWorkbook(), "DA02", "110105194912310021"),
  },
  { path: `${BASE}/bad-date.xlsx`, defect: "公示开始日期填“2026年9月31日”，没有这一天", sheets: () => setCell(baseWorkbook(), "参数", "B8", "2026年9月31日") },
  {
    path: `${BASE}/formula-error.xlsx`,
    defect: "公式的结果是错误值 #DIV/0!",
    sheets: () => setCell(baseWorkbook(), "个性评分", "C3", { formula: "26/0", result: { error: "#DIV/0!" } }),
  },
  {
    path: `${BASE}/formula-no-result.xlsx`,
    defect: "公式没有计算结果（程序生成、未重新计算）",
    sheets: () => setCell(baseWorkbook(), "个性评分", "E2", { formula: "20+7" }),
  },
  {
    path: `${BASE}/unknown-person.xlsx`,
    defect: "共性测评中有人员表里没有的编号",
    sheets: () => appendRows(baseWorkbook(), "共性测评", [["DA09", "魏强", "同事", "DA01", "好", "好", "好", "好", "好"]]),
  },
  { path: `${BASE}/name-mismatch.xlsx`, defect: "个性评分中编号 DA02 的姓名写成“孔明”", sheets: () => setCell(baseWorkbook(), "个性评分", "B3", "孔明") },
  {
    path: `${BASE}/indicator-sums.xlsx`,
    defect: "“工作效率”满分改为 20，个性指标合计 90",
    sheets: () => {
      let sheets = setCell(baseWorkbook(), "指标", "D4", 20);
      for (const row of [2, 3, 4]) sheets = setCell(sheets, "个性评分", `E${row}`, 18);
      return sheets;
    },
  },
  {
    path: `${BASE}/both-score-layouts.xlsx`,
    defect: "个性评分既有各指标列，又有“个性得分”列",
    sheets: () => {
      let sheets = setCell(baseWorkbook(), "个性评分", "I1", "个性得分");
      for (const [row, total] of [[2, 90], [3, 87], [4, 80]]) sheets = setCell(sheets, "个性评分", `I${row}`, total);
      return sheets;
    },
  },
  { path: `${BASE}/self-rating.xlsx`, defect: "钱芳测评了自己", sheets: () => setCell(baseWorkbook(), "共性测评", "D3", "DA01") },
  {
    path: `${BASE}/no-rating.xlsx`,
    defect: "曹丽在共性测评中没有任何测评",
    sheets: () => filterRows(baseWorkbook(), "共性测评", (row) => row[0] !== "DA03"),
  },
  {
    path: `${BASE}/duplicate-person.xlsx`,
    defect: "人员表中两人用了同一个人员编号",
    sheets: () => appendRows(baseWorkbook(), "人员", [["DA03", "魏强", "办公室", "二级科员", null, "不参加", "病假超过半数工作日", null]]),
  },
  { path: `${BASE}/work-reason-missing.xlsx`, defect: "工作清单中“推进中”的事项没写原因", sheets: () => setCell(baseWorkbook(), "工作清单", "E4", null) },
  {
    path: `${BASE}/month-outside-quarter.xlsx`,
    defect: "工作清单的月份填了“10月”，不在第三季度",
    sheets: () => setCell(setCell(baseWorkbook(), "工作清单", "G1", "月份"), "工作清单", "G3", "10月"),
  },
  {
    path: `${BASE}/summary-duplicate.xlsx`,
    defect: "个人小结中钱芳的七月小结写了两行",
    sheets: () => [
      ...baseWorkbook(),
      {
        name: "个人小结",
        rows: [
          ["人员编号", "姓名", "月份", "小结"],
          ["DA01", "钱芳", "7月", "完成七月公文办理。"],
          ["DA02", "孔亮", null, "完成文书档案接收进馆。"],
          ["DA01", "钱芳", "七月", "组织七月业务学习。"],
        ],
      },
    ],
  },
  { path: `${BASE}/status-reason-missing.xlsx`, defect: "考核状态“不参加”没写状态原因", sheets: () => setCell(baseWorkbook(), "人员", "G5", null) },
  {
    path: `${BASE}/event-points-on-bar.xlsx`,
    defect: "“限好”事项填了分值",
    sheets: () => setCell(baseWorkbook(), "加减分", "C2", "限好"),
  },
  {
    path: `${BASE}/missing-individual-row.xlsx`,
    defect: "曹丽在个性评分中没有一行",
    sheets: () => filterRows(baseWorkbook(), "个性评分", (row) => row[0] !== "DA03"),
  },
  {
    path: `${BASE}/decision-not-graded.xlsx`,
    defect: "审定了不参加定等的人员",
    sheets: () => appendRows(baseWorkbook(), "审定", [["DA04", "严冬", "较好", "委员会审定", "试用期表现良好", "2026-10-10"]]),
  },
  {
    path: `${BASE}/decision-raises-veto.xlsx`,
    defect: "曹丽有否决事项，审定却定为一般（只有 grade 以前才发现）",
    sheets: () =>
      appendRows(
        appendRows(baseWorkbook(), "加减分", [["DA03", "曹丽", "否决", null, "违反工作纪律受到通报批评", "2026-09-15"]]),
        "审定",
        [["DA03", "曹丽", "一般", "委员会审定", "已整改", "2026-10-10"]],
      ),
  },
  {
    path: `${BASE}/decision-over-quota.xlsx`,
    defect: "审定把曹丽定为好，好等次超出名额（只有 grade 以前才发现）",
    sheets: () => appendRows(baseWorkbook(), "审定", [["DA03", "曹丽", "好", "委员会审定", "数字化工作突出", "2026-10-10"]]),
  },
  {
    path: `${BASE}/unknown-parent.xlsx`,
    defect: "主管单位代码不是本次处理的单位",
    sheets: () => appendRows(baseWorkbook(), "参数", [["主管单位代码", "WGJ"]]),
  },
  { path: `${BASE}/unknown-header.xlsx`, defect: "人员表多了一列“联系电话”（警告）", sheets: () => setCell(baseWorkbook(), "人员", "I1", "联系电话") },
  {
    path: `${BASE}/not-graded-row.xlsx`,
    defect: "个性评分中有不参加定等的人员（警告）",
    sheets: () => appendRows(baseWorkbook(), "个性评分", [["DA04", "严冬", 20, 30, 20, null, null, "馆长"]]),
  },
  { path: `${BASE}/2026Q2_quarter-name.xlsx`, defect: "文件名是第二季度，参数表是第三季度（警告）", sheets: baseWorkbook },
  { path: `${BASE}/zero-byte.xlsx`, defect: "0 字节的空文件", bytes: async () => Buffer.alloc(0) },
  { path: `${BASE}/renamed-xls.xlsx`, defect: "改了扩展名的 .xls 文件", bytes: async () => compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]) },
  { path: `${BASE}/encrypted.xlsx`, defect: "设置了打开密码的工作簿", bytes: async () => compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]) },
  {
    path: `${BASE}/truncated.xlsx`,
    defect: "下载中断、只有前一半的工作簿",
    bytes: async () => {
      const whole = await writeWorkbook(baseWorkbook());
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  { path: `${BASE}/not-a-workbook.xlsx`, defect: "改了扩展名的 CSV 文本", bytes: async () => Buffer.from("人员编号,姓名\nDA01,钱芳\n", "utf8") },
  // Folders: workbooks that are fine alone but not together.
  { path: `${BASE}/run-period-mismatch/2026Q3_档案馆.xlsx`, defect: "第三季度", sheets: baseWorkbook },
  { path: `${BASE}/run-period-mismatch/审计局.xlsx`, defect: "另一单位填成第二季度", sheets: () => setCell(otherUnit(), "参数", "B3", 2) },
  { path: `${BASE}/run-duplicate-person/档案馆.xlsx`, defect: "孔亮 DA02", sheets: baseWorkbook },
  {
    path: `${BASE}/run-duplicate-person/审计局.xlsx`,
    defect: "审计局也填了编号 DA02",
    sheets: () => replaceText(otherUnit(), "SJ02", "DA02"),
  },
  // The seeded year of `assess annual` (annual-workbooks.mjs).
  ...ANNUAL_FIXTURES,
  // Evaluation workbooks of `assess political` (political-workbook-data.mjs).
  ...POLITICAL_FIXTURES,
];

/** The bytes of a fixture. */
export async function fixtureBytes(/** @type {Fixture} */ fixture) {
  if (fixture.bytes) return fixture.bytes();
  if (fixture.sheets) return writeWorkbook(fixture.sheets());
  throw new Error(`fixture ${fixture.path} has no content`);
}
