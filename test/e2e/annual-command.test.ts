// `assess annual` end to end, through bin/assess.js (npm test builds first), over the seeded year
// of fixtures/annual/ (test/support/annual-workbooks.mjs holds the data and says what it holds).
// Every expected value below is worked out by hand from that data:
//
// Quarterly totals S (I = C = S; 刘芳 Q2 is 90 + 加分 0.5; 赵静 Q1 is 0.7 × 88 + 0.3 × 80.65 = 85.80):
//   财政局 CZJ   Q1    Q2      Q3    Q4         商务局 SWJ   Q1   Q2   Q3   Q4
//   李娜 CZ01    96 好 95 好   97 好 94 好        朱红 SW01    93好 88   92好 87
//   王强 CZ02    94 好 93 好   92 好 89           胡斌 SW02    89   91好 86   94好
//   张伟 CZ03    93 好 94 否决 91 好 88           郭燕 SW03    91好 89   89   88
//   刘芳 CZ04    92 好 90.5 好 87    86           何涛 SW04    87   86   85   84
//   杨帆 CZ05    91 *  92 好   85    87           高洁 SW05    84   83   84   85
//   赵静 CZ06    85.80 85      86    84           林峰 SW06    82   81   80   81
//   黄磊 CZ07    84    83      82    85           罗军 SW07    75一般 72一般 65一般 58较差
//   周敏 CZ08    82    81      80    83           梁晨 SW08    80   79一般 82   83
//   吴刚 CZ09    81    82      84    不参加        孙亮 CZ11    (CZJ 85, 84)  91好 90好
//   徐丽 CZ10    70一般 68一般  80    65一般
//   孙亮 CZ11    85    84      → SWJ
// Unmarked totals of 80-89.99 are 较好. * Q1 CZJ has N = 11, Q = floor(0.4 × 11) = 4: 杨帆 (91) is
// the fifth 好-band candidate and gets 较好. Q2: 张伟's 否决 gives 较差, so 刘芳's 90.50 is 好.
//
// Annual: CZJ has CZ01-CZ10 → n 10, quota floor(0.2 × 10) = 2: 李娜 (4 好) and 王强 (3 好), 刘芳
// (2 好, (92 + 90.5 + 87 + 86) / 4 = 88.875 → 88.88) above the line. SWJ has SW01-SW08 and 孙亮
// (latest graded quarter there) → n 9: quota floor(0.2 × 9) = 1, and 朱红 and 胡斌 both have 2 好
// and 360 / 4 = 90.00: tied at the line, 待定, the year is 草稿. With rules-uplift.json SWJ's ratio
// is 0.25 → quota floor(2.25) = 2: both recommended, 孙亮 (2 好, 350 / 4 = 87.50) above the line.

import { createHash } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsx, sheet } from "../support/read-office.js";
import { type AssessRun, runAssess } from "../support/run-assess.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = "fixtures/annual";
const YEAR_FILES = ["2026Q1.xlsx", "2026Q2.xlsx", "2026Q3.xlsx", "2026Q4_商务局.xlsx", "2026Q4_财政局.xlsx"].map((f) => `${DIR}/${f}`);
const UPLIFT = `${DIR}/rules-uplift.json`;
const OUTPUT = "2026_年度考核参考.xlsx";

function assess(...args: string[]): AssessRun {
  return runAssess(args, repoRoot, { ...process.env, FORCE_COLOR: "0" });
}

interface JsonPerson {
  id: string;
  name: string;
  unit: string;
  grades: Record<string, string | null>;
  counts: Record<string, number>;
  meanScore: number | null;
  eligible: boolean;
  reason: string | null;
  result: string | null;
  reserve: boolean;
  reminder: boolean;
}

interface JsonDocument {
  tool: string;
  version: string;
  year: number | null;
  rulesSha256: string | null;
  state: string;
  quarters: { quarter: number; state: string }[];
  units: { code: string; name: string; n: number; quota: number; ratio: number }[];
  persons: JsonPerson[];
  problems: { severity: string; code: string; file: string; sheet: string; cell: string; header: string; value: string; message: string }[];
}

function annualJson(out: string, ...args: string[]): { status: number | null; doc: JsonDocument; stderr: string } {
  const run = assess("annual", ...args, "--year", "2026", "--out", out, "--json");
  return { status: run.status, doc: JSON.parse(run.stdout) as JsonDocument, stderr: run.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), "assess-annual-"));
beforeAll(() => {
  expect(existsSync(join(repoRoot, "dist/cli/main.js")), "build first: npx tsc -p tsconfig.json").toBe(true);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

let outCount = 0;
function freshOut(): string {
  outCount += 1;
  return join(scratch, `out-${outCount}`);
}

// id, unit, grades Q1-Q4 ("-" = none), counts 好/较好/一般/较差, mean, eligible, reason, result, reserve, reminder
type PersonRow = [string, string, string, [number, number, number, number], number | null, boolean, string | null, string | null, boolean, boolean];
const SHORT_0_4 = "好等次季度不足（0/4，需至少2个）";
const DEFAULT_PERSONS: PersonRow[] = [
  ["CZ00", "CZJ", "- - - -", [0, 0, 0, 0], null, false, "领导成员由上级评定", null, false, false],
  ["CZ01", "CZJ", "好 好 好 好", [4, 0, 0, 0], 95.5, true, null, "推荐优秀", true, false],
  ["CZ02", "CZJ", "好 好 好 较好", [3, 1, 0, 0], 92, true, null, "推荐优秀", true, false],
  ["CZ03", "CZJ", "好 较差 好 较好", [2, 1, 0, 1], 91.5, false, "年度内有否决事项；第二季度为较差", null, false, false],
  ["CZ04", "CZJ", "好 好 较好 较好", [2, 2, 0, 0], 88.88, true, null, null, false, false],
  ["CZ05", "CZJ", "较好 好 较好 较好", [1, 3, 0, 0], 88.75, false, "好等次季度不足（1/4，需至少2个）", null, false, false],
  // (85.80 + 85 + 86 + 84) / 4 = 85.20
  ["CZ06", "CZJ", "较好 较好 较好 较好", [0, 4, 0, 0], 85.2, false, SHORT_0_4, null, false, false],
  ["CZ07", "CZJ", "较好 较好 较好 较好", [0, 4, 0, 0], 83.5, false, SHORT_0_4, null, false, false],
  ["CZ08", "CZJ", "较好 较好 较好 较好", [0, 4, 0, 0], 81.5, false, SHORT_0_4, null, false, false],
  // graded three times: (81 + 82 + 84) / 3 = 82.333… → 82.33; needs ceil(0.5 × 3) = 2 好
  ["CZ09", "CZJ", "较好 较好 较好 -", [0, 3, 0, 0], 82.33, false, "好等次季度不足（0/3，需至少2个）", null, false, false],
  ["CZ10", "CZJ", "一般 一般 较好 一般", [0, 1, 3, 0], 70.75, false, `第一季度为一般；第二季度为一般；第四季度为一般；${SHORT_0_4}`, null, false, true],
  ["SW00", "SWJ", "- - - -", [0, 0, 0, 0], null, false, "领导成员由上级评定", null, false, false],
  ["SW01", "SWJ", "好 较好 好 较好", [2, 2, 0, 0], 90, true, null, "待定", false, false],
  ["SW02", "SWJ", "较好 好 较好 好", [2, 2, 0, 0], 90, true, null, "待定", false, false],
  ["SW03", "SWJ", "好 较好 较好 较好", [1, 3, 0, 0], 89.25, false, "好等次季度不足（1/4，需至少2个）", null, false, false],
  ["SW04", "SWJ", "较好 较好 较好 较好", [0, 4, 0, 0], 85.5, false, SHORT_0_4, null, false, false],
  ["SW05", "SWJ", "较好 较好 较好 较好", [0, 4, 0, 0], 84, false, SHORT_0_4, null, false, false],
  ["SW06", "SWJ", "较好 较好 较好 较好", [0, 4, 0, 0], 81, false, SHORT_0_4, null, false, false],
  ["SW07", "SWJ", "一般 一般 一般 较差", [0, 0, 3, 1], 67.5, false, `第一季度为一般；第二季度为一般；第三季度为一般；第四季度为较差；${SHORT_0_4}`, null, false, true],
  ["SW08", "SWJ", "较好 一般 较好 较好", [0, 3, 1, 0], 81, false, `第二季度为一般；${SHORT_0_4}`, null, false, false],
  // the transfer: listed last in SWJ's roster from Q3, belongs to SWJ
  ["CZ11", "SWJ", "较好 较好 好 好", [2, 2, 0, 0], 87.5, true, null, null, false, false],
];

function personRow(p: JsonPerson): PersonRow {
  const grades = ["1", "2", "3", "4"].map((q) => p.grades[q] ?? "-").join(" ");
  const counts: [number, number, number, number] = [p.counts["好"] ?? -1, p.counts["较好"] ?? -1, p.counts["一般"] ?? -1, p.counts["较差"] ?? -1];
  return [p.id, p.unit, grades, counts, p.meanScore, p.eligible, p.reason, p.result, p.reserve, p.reminder];
}

function withResults(rows: PersonRow[], results: Record<string, string | null>): PersonRow[] {
  return rows.map((row) => (row[0] in results ? [...row.slice(0, 7), results[row[0]] ?? null, row[8], row[9]] as PersonRow : row));
}

/** A sheet's rows below its header row (found by `人员编号` or `单位代码` in it), as objects by header. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow === 0 && [1, 2].some((c) => ["人员编号", "单位代码", "项目"].includes(String(row.getCell(c).value)))) headerRow = n;
  });
  if (headerRow === 0) throw new Error(`no header row in ${ws.name}`);
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  }
  return out;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("assess annual over the seeded year, standard rules: a tie at 商务局's line makes a draft", () => {
  const out = freshOut();
  let run: { status: number | null; doc: JsonDocument; stderr: string };
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    run = annualJson(out, DIR);
    book = await readXlsx(await readFile(join(out, OUTPUT)));
  });

  it("exits 1 with a draft year of four final quarters and no problem", () => {
    expect(run.status).toBe(1);
    expect(run.doc.state).toBe("draft");
    expect(run.doc.quarters).toEqual([1, 2, 3, 4].map((quarter) => ({ quarter, state: "final" })));
    expect(run.doc.problems).toEqual([]);
  });

  it("the JSON has exactly outputs.md's keys", () => {
    expect(Object.keys(run.doc)).toEqual(["tool", "version", "year", "rulesSha256", "state", "quarters", "units", "persons", "problems"]);
    expect(Object.keys(run.doc.persons[0]!)).toEqual(["id", "name", "unit", "grades", "counts", "meanScore", "eligible", "reason", "result", "reserve", "reminder"]);
    expect([run.doc.tool, run.doc.year]).toEqual(["assess", 2026]);
    expect(run.doc.rulesSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("units: 财政局 10 persons → 2 places; 商务局 9 persons → 1 place", () => {
    expect(run.doc.units).toEqual([
      { code: "CZJ", name: "某县财政局", n: 10, quota: 2, ratio: 0.2 },
      { code: "SWJ", name: "某县商务局", n: 9, quota: 1, ratio: 0.2 },
    ]);
  });

  it("persons: grades by quarter, counts, mean, eligibility with reasons, results, reserve and reminder", () => {
    expect(run.doc.persons.map(personRow)).toEqual(DEFAULT_PERSONS);
  });

  it("names persons as last listed", () => {
    expect(run.doc.persons.filter((p) => ["CZ03", "CZ11", "SW07"].includes(p.id)).map((p) => p.name)).toEqual(["张伟", "罗军", "孙亮"]);
  });

  it("writes 2026_年度考核参考.xlsx with （草稿） and the cause in the title", () => {
    const main = sheet(book, "年度考核参考");
    expect(book.worksheets.map((w) => w.name)).toEqual(["年度考核参考", "单位名额", "后备人选", "提醒谈话", "问题", "规则"]);
    expect(main.getCell("A1").value).toBe("2026年度公务员年度考核参考（平时考核结果运用）（草稿）");
    expect(main.getCell("A2").value).toBe("方案：标准方案；季度：第一季度、第二季度、第三季度、第四季度；优秀比例20%");
    expect(main.getCell("A3").value).toBe("草稿：优秀名额线上有并列人员待定，须由考核委员会审定。");
  });

  it("年度考核参考: the cells of the hand-worked persons", () => {
    const rows = new Map(records(sheet(book, "年度考核参考")).map((r) => [r["人员编号"], r]));
    const pick = (id: string, ...keys: string[]) => keys.map((k) => rows.get(id)?.[k] ?? null);
    expect(rows.size).toBe(21);
    expect(pick("CZ00", "姓名", "单位", "第一季度", "优秀资格", "原因")).toEqual(["陈国平", "某县财政局", "由上级评定", "否", "领导成员由上级评定"]);
    expect(pick("CZ03", "第二季度", "较差", "平均综合得分", "优秀资格")).toEqual(["较差", 1, 91.5, "否"]);
    expect(pick("CZ04", "平均综合得分", "推荐结果", "说明")).toEqual([88.88, null, "超出优秀名额（2名）"]);
    expect(pick("CZ09", "第四季度", "平均综合得分")).toEqual(["不参加", 82.33]);
    expect(pick("CZ01", "好", "推荐结果")).toEqual([4, "推荐优秀"]);
    expect(pick("SW01", "推荐结果", "说明")).toEqual(["待定", "2人并列，剩余1个优秀名额，由考核委员会审定"]);
    expect(pick("CZ11", "单位", "第一季度", "第三季度", "说明")).toEqual(["某县商务局", "较好", "好", "超出优秀名额（1名）；第一季度、第二季度在某县财政局"]);
    const cz04 = [...rows.keys()].indexOf("CZ04");
    // 3 title rows, the header in row 4; 平均综合得分 in column M
    expect(main(book).getCell(`M${5 + cz04}`).numFmt).toBe("0.00");
  });

  it("单位名额, 后备人选 and 提醒谈话", () => {
    expect(records(sheet(book, "单位名额")).map((r) => [r["单位代码"], r["单位名称"], r["人数"], r["优秀比例"], r["优秀名额"], r["推荐优秀"], r["待定"]])).toEqual([
      ["CZJ", "某县财政局", 10, 0.2, 2, 2, 0],
      ["SWJ", "某县商务局", 9, 0.2, 1, 0, 2],
      ["合计", "2个单位", 19, null, 3, 2, 2],
    ]);
    expect(records(sheet(book, "后备人选")).map((r) => [r["人员编号"], r["好等次季度"], r["平均综合得分"]])).toEqual([
      ["CZ01", 4, 95.5],
      ["CZ02", 3, 92],
    ]);
    expect(records(sheet(book, "提醒谈话")).map((r) => [r["人员编号"], r["季度"]])).toEqual([
      ["CZ10", "第一季度一般、第二季度一般、第四季度一般"],
      ["SW07", "第一季度一般、第二季度一般、第三季度一般、第四季度较差"],
    ]);
  });

  it("规则: the rules' SHA-256 as in the JSON and each input file's SHA-256", async () => {
    const rows = new Map(records(sheet(book, "规则")).map((r) => [r["项目"], r["内容"]]));
    expect(rows.get("方案 SHA-256")).toBe(run.doc.rulesSha256);
    for (const file of YEAR_FILES) {
      expect(rows.get(`输入文件 ${file} 的 SHA-256`)).toBe(sha256(await readFile(join(repoRoot, file))));
    }
    // one title row, the header in row 2
    expect(sheet(book, "问题").getCell("A3").value).toBe("本次运行没有发现问题。");
  });
});

function main(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  return sheet(book, "年度考核参考");
}

describe("with rules-uplift.json (商务局 at 25%): final", () => {
  const out = freshOut();
  let run: { status: number | null; doc: JsonDocument; stderr: string };
  beforeAll(() => {
    run = annualJson(out, ...YEAR_FILES, "--rules", UPLIFT);
  });

  it("exits 0, final", () => {
    expect([run.status, run.doc.state, run.doc.problems]).toEqual([0, "final", []]);
  });

  it("商务局's quota is floor(0.25 × 9) = 2; 财政局 keeps floor(0.2 × 10) = 2", () => {
    expect(run.doc.units.map((u) => [u.code, u.n, u.ratio, u.quota])).toEqual([
      ["CZJ", 10, 0.2, 2],
      ["SWJ", 9, 0.25, 2],
    ]);
  });

  it("朱红 and 胡斌 are both recommended; everyone else is as under the standard rules", () => {
    expect(run.doc.persons.map(personRow)).toEqual(withResults(DEFAULT_PERSONS, { SW01: "推荐优秀", SW02: "推荐优秀" }));
  });

  it("the workbook is not a draft and marks the uplifted unit", async () => {
    const book = await readXlsx(await readFile(join(out, OUTPUT)));
    expect(main(book).getCell("A1").value).toBe("2026年度公务员年度考核参考（平时考核结果运用）");
    expect(main(book).getCell("A2").value).toBe("方案：某县2026年度方案（商务局优秀比例上调）；季度：第一季度、第二季度、第三季度、第四季度；优秀比例20%（某县商务局为25%）");
    expect(main(book).getCell("A3").value).toBe("序号");
    const units = records(sheet(book, "单位名额"));
    expect(units.map((r) => [r["单位代码"], r["优秀比例"], r["优秀名额"], r["推荐优秀"], r["说明"]])).toEqual([
      ["CZJ", 0.2, 2, 2, null],
      ["SWJ", 0.25, 2, 2, "上调比例单位"],
      ["合计", null, 4, 4, null],
    ]);
    const cz11 = records(main(book)).find((r) => r["人员编号"] === "CZ11");
    expect(cz11?.["说明"]).toBe("超出优秀名额（2名）；第一季度、第二季度在某县财政局");
  });
});

describe("a quarter with a 待定 person: the year is a draft", () => {
  const out = freshOut();
  let run: { status: number | null; doc: JsonDocument; stderr: string };
  beforeAll(() => {
    const files = YEAR_FILES.map((f) => (f.endsWith("2026Q3.xlsx") ? `${DIR}/pending/2026Q3.xlsx` : f));
    run = annualJson(out, ...files, "--rules", UPLIFT);
  });

  it("exits 1; quarter 3 is a draft", () => {
    expect([run.status, run.doc.state]).toEqual([1, "draft"]);
    expect(run.doc.quarters.map((q) => q.state)).toEqual(["final", "final", "draft", "final"]);
  });

  // Q3 商务局: 朱红 92, 孙亮 91, then 胡斌 and 郭燕 both 90 for the third place → 待定.
  it.each([
    // 较好, 好, 待定, 好: 2 好 of 4 graded; (89 + 91 + 90 + 94) / 4 = 91; first in 商务局, recommended
    ["SW02", "较好 好 待定 好", [2, 1, 0, 0], 91, true, null, "推荐优秀"],
    // (93 + 88 + 92 + 87) / 4 = 90: second, recommended
    ["SW01", "好 较好 好 较好", [2, 2, 0, 0], 90, true, null, "推荐优秀"],
    // 好, 较好, 待定, 较好: 1 好, needs 2; the 待定 quarter could make the second
    ["SW03", "好 较好 待定 较好", [1, 2, 0, 0], 89.5, false, "好等次季度不足（1/4，需至少2个）；第三季度等次待定，审定后重新计算", null],
  ])("%s: %s", (id, grades, counts, mean, eligible, reason, result) => {
    const person = run.doc.persons.find((p) => p.id === id)!;
    expect(personRow(person).slice(2, 8)).toEqual([grades, counts, mean, eligible, reason, result]);
  });

  it("the workbook says why it is a draft and which persons wait", async () => {
    const book = await readXlsx(await readFile(join(out, OUTPUT)));
    expect(main(book).getCell("A3").value).toBe("草稿：第三季度有待定人员，须由考核委员会审定。");
    const sw02 = records(main(book)).find((r) => r["人员编号"] === "SW02");
    expect([sw02?.["第三季度"], sw02?.["说明"]]).toEqual(["待定", "第三季度等次待定，审定后重新计算"]);
  });
});

describe("inputs that do not make a clean year", () => {
  it("a workbook of another year: E_ANNUAL_YEAR at its 年度 cell, not counted; the year is a draft", () => {
    const { status, doc } = annualJson(freshOut(), DIR, `${DIR}/other-year/2025Q4.xlsx`);
    expect([status, doc.state]).toEqual([1, "draft"]);
    expect(doc.problems.map((p) => [p.severity, p.code, p.file, p.sheet, p.cell, p.value])).toEqual([
      ["错误", "E_ANNUAL_YEAR", `${DIR}/other-year/2025Q4.xlsx`, "参数", "B2", "2025"],
    ]);
    expect(doc.problems[0]?.message).toBe(
      "参数!B2：工作簿“2025Q4.xlsx”是2025年第四季度，而本次是2026年度考核（--year 2026），此工作簿未计入。请改正年度，或不把它放入本次处理。",
    );
    expect(doc.persons.map(personRow)).toEqual(DEFAULT_PERSONS);
  });

  it("an unreadable workbook named after Q4: quarter 4 is in error, the others go on", async () => {
    const broken = join(scratch, "2026Q4_统计局.xlsx");
    await copyFile(join(repoRoot, "fixtures/bad/zero-byte.xlsx"), broken);
    const { status, doc } = annualJson(freshOut(), DIR, broken);
    expect([status, doc.state]).toEqual([1, "draft"]);
    expect(doc.quarters.map((q) => q.state)).toEqual(["final", "final", "final", "error"]);
    expect(doc.problems.map((p) => [p.code, p.file])).toEqual([["E_FILE_EMPTY", broken]]);
  });

  it("fewer than three quarters: exit 2, E_ANNUAL_QUARTERS, nothing written", () => {
    const out = freshOut();
    const { status, doc } = annualJson(out, YEAR_FILES[0]!, YEAR_FILES[1]!);
    expect([status, doc.state, doc.persons]).toEqual([2, "draft", []]);
    expect(doc.problems.map((p) => [p.code, p.value])).toEqual([["E_ANNUAL_QUARTERS", "第一季度、第二季度"]]);
    expect(existsSync(out)).toBe(false);
  });

  it("three quarters with a gap before the latest: a warning naming the missing quarter; final, exit 0", () => {
    const { status, doc } = annualJson(freshOut(), YEAR_FILES[0]!, YEAR_FILES[1]!, YEAR_FILES[3]!, YEAR_FILES[4]!);
    expect([status, doc.state]).toEqual([0, "final"]);
    expect(doc.quarters.map((q) => q.quarter)).toEqual([1, 2, 4]);
    expect(doc.problems.map((p) => [p.severity, p.code, p.value])).toEqual([["警告", "W_ANNUAL_QUARTER_MISSING", "第三季度"]]);
    // Over Q1, Q2, Q4 a person needs ceil(0.5 × 3) = 2 好. 商务局: only 胡斌 (较好, 好, 好; (89 + 91 + 94) / 3
    // = 91.33) is eligible, so no tie; 孙亮 (较好, 较好, 好) has one 好. 财政局: 李娜 (3 好), 王强
    // (2 好, (94 + 93 + 89) / 3 = 92) recommended; 刘芳 (2 好, (92 + 90.5 + 86) / 3 = 89.50) above the line.
    const show = (id: string) => {
      const p = doc.persons.find((person) => person.id === id)!;
      return [p.grades, p.meanScore, p.eligible, p.result];
    };
    expect(show("SW02")).toEqual([{ "1": "较好", "2": "好", "4": "好" }, 91.33, true, "推荐优秀"]);
    expect(show("CZ11")).toEqual([{ "1": "较好", "2": "较好", "4": "好" }, 86.33, false, null]);
    expect(show("CZ02")).toEqual([{ "1": "好", "2": "好", "4": "较好" }, 92, true, "推荐优秀"]);
    expect(show("CZ04")).toEqual([{ "1": "好", "2": "好", "4": "较好" }, 89.5, true, null]);
  });
});

describe("files, flags and determinism", () => {
  it("an existing output is not replaced without --force (exit 2); with --force it is", async () => {
    const out = freshOut();
    expect(assess("annual", DIR, "--year", "2026", "--out", out, "--rules", UPLIFT).status).toBe(0);
    const target = join(out, OUTPUT);
    const before = await stat(target);
    const refused = assess("annual", DIR, "--year", "2026", "--out", out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("以下输出文件已存在，未写入任何文件");
    expect((await stat(target)).mtimeMs).toBe(before.mtimeMs);
    // The standard rules give a draft: the title changes when the file is replaced.
    expect(assess("annual", DIR, "--year", "2026", "--out", out, "--force").status).toBe(1);
    expect(main(await readXlsx(await readFile(target))).getCell("A1").value).toMatch(/（草稿）$/);
  });

  it("two runs give the same workbook, byte for byte", async () => {
    const [a, b] = [freshOut(), freshOut()];
    assess("annual", DIR, "--year", "2026", "--out", a);
    assess("annual", DIR, "--year", "2026", "--out", b);
    const [bytesA, bytesB] = [await readFile(join(a, OUTPUT)), await readFile(join(b, OUTPUT))];
    expect(bytesA.equals(bytesB)).toBe(true);
    const values = async (bytes: Buffer) => (await readXlsx(bytes)).worksheets.map((ws) => ws.getSheetValues());
    expect(await values(bytesA)).toEqual(await values(bytesB));
  });

  it("without --out, writes {年度}_年度结果 beside the first input", async () => {
    const folder = join(scratch, "county");
    await mkdir(folder, { recursive: true });
    for (const file of YEAR_FILES) await copyFile(join(repoRoot, file), join(folder, file.replace(/^.*\//, "")));
    const run = assess("annual", folder, "--year", "2026");
    expect(run.status).toBe(1);
    expect(existsSync(join(scratch, "2026_年度结果", OUTPUT))).toBe(true);
  });

  it("without --json: nothing on stdout; quarters, units and the year's state on stderr", () => {
    const run = assess("annual", DIR, "--year", "2026", "--out", freshOut());
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").slice(0, 7)).toEqual([
      "第一季度：完成",
      "第二季度：完成",
      "第三季度：完成",
      "第四季度：完成",
      "单位 CZJ 某县财政局：10人，优秀名额2名，推荐优秀2人",
      "单位 SWJ 某县商务局：9人，优秀名额1名，推荐优秀0人，待定2人",
      "2026年度结果：草稿",
    ]);
  });

  it.each([
    [["annual", DIR], "--year"],
    [["annual", DIR, "--year", "26"], "--year 应为 2000 至 2100 之间的四位年度"],
    [["annual", "fixtures/没有这个文件夹", "--year", "2026"], "找不到“fixtures/没有这个文件夹”"],
  ])("%j cannot run: exit 2", (args, message) => {
    const run = assess(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("with --json, a usage error is still one JSON document on stdout", () => {
    const run = assess("annual", DIR, "--year", "26", "--json");
    expect(run.status).toBe(2);
    const doc = JSON.parse(run.stdout) as JsonDocument;
    expect([doc.year, doc.state, doc.problems.map((p) => p.code)]).toEqual([null, "draft", ["E_USAGE"]]);
  });
});
