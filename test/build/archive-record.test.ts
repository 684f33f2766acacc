// The 成长档案 as built (archive.md "The growth record"): the .docx shows a resident ID masked and
// nowhere whole, is marked 内部资料 注意保密 on its page header, and says when the annual result is
// stale; the .xlsx holds the ID whole; the chart has a point series per grade and the band lines.

import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { FiledPersonQuarter, GrowthRecord } from "../../src/domain/archive-record.js";
import { growthRecord } from "../../src/domain/archive-record.js";
import { parseQuarterKey } from "../../src/domain/archive-window.js";
import { exact } from "../../src/domain/exact.js";
import { writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { scoreChart } from "../../src/build/archive-charts.js";
import { buildRecordWorkbook, recordFileName } from "../../src/build/archive-record.js";
import { writeRecordDocx } from "../../src/build/archive-record-docx.js";
import { docxParagraphs, readXlsx, sheet } from "../support/read-office.js";

const ID = "340881199001011234";

function quarter(key: string, grade: FiledPersonQuarter["grade"], score: string | null): FiledPersonQuarter {
  return {
    ...parseQuarterKey(key)!,
    unitCode: "CZJ",
    unitName: "某县财政局",
    parentCode: null,
    id: ID,
    name: "张三",
    department: "预算股",
    post: "一级科员",
    kind: "staff",
    status: score === null ? "excluded" : "participating",
    individual: score === null ? null : exact(score),
    common: score === null ? null : exact(score),
    bonus: score === null ? null : exact(0),
    deduction: score === null ? null : exact(0),
    score: score === null ? null : exact(score),
    band: null,
    grade,
    reasons: [],
    comment: "工作扎实",
    goal: null,
    bands: { good: 90, fairlyGood: 80, average: 60 },
  };
}

const RECORD: GrowthRecord = growthRecord(
  ID,
  [quarter("2025Q4", "average", "70"), quarter("2026Q1", "good", "93.5"), quarter("2026Q2", null, null), quarter("2026Q3", "good", "91")],
  [],
  [],
  [
    {
      year: 2026,
      counts: { good: 2, fairlyGood: 0, average: 0, poor: 0 },
      meanScore: exact("92.25"),
      eligible: true,
      reason: null,
      result: "recommended",
      reserve: false,
      reminder: false,
      state: "final",
      recordedAt: "2026-12-01T00:00:00.000Z",
      stale: true,
    },
  ],
)!;

async function allParts(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(Object.values(zip.files).map((f) => f.async("string")));
  return texts.join("\n");
}

describe("成长档案.docx", () => {
  it("shows the resident ID as its first 6 and last 4, never whole, under 内部资料 注意保密", async () => {
    const bytes = writeRecordDocx({ record: RECORD });
    const text = (await docxParagraphs(bytes)).join("\n");
    expect(text).toContain("340881********1234");
    expect(await allParts(bytes)).not.toContain(ID);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("word/header1.xml")!.async("string")).toContain("内部资料 注意保密");
    // One row per filed quarter, the year's annual result and its stale note.
    for (const q of ["2025年第四季度", "2026年第一季度", "2026年第二季度", "2026年第三季度"]) expect(text).toContain(q);
    expect(text).toContain("推荐优秀");
    expect(text).toContain("结果可能已过时");
    expect(text).toContain("评鉴意见：工作扎实");
  });

  it("takes the look of its text from named styles: no run carries a font, the mark a character style", async () => {
    const zip = await JSZip.loadAsync(writeRecordDocx({ record: RECORD }));
    const [xml, header, styles] = await Promise.all(["word/document.xml", "word/header1.xml", "word/styles.xml"].map((part) => zip.file(part)!.async("string")));
    expect(xml).not.toContain("<w:rFonts");
    for (const id of new Set([...xml.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]))) expect(styles).toContain(`w:styleId="${id}"`);
    expect(xml).toContain('<w:pStyle w:val="RecordTableHeader"/>');
    expect(header).toContain('<w:rPr><w:rStyle w:val="RecordStrong"/></w:rPr><w:t xml:space="preserve">内部资料 注意保密</w:t>');
    expect(styles).toMatch(/<w:style w:type="character" w:customStyle="1" w:styleId="RecordStrong"><w:name w:val="加粗文字"\/>.*?<w:b\/>/);
  });
});

describe("成长档案.xlsx", () => {
  it("holds the ID whole and one row per filed quarter, the year per year", async () => {
    expect(recordFileName(RECORD, "xlsx")).toBe(`${ID}_张三_成长档案.xlsx`);
    const workbook = await readXlsx(await writeXlsx(buildRecordWorkbook(RECORD)));
    const main = sheet(workbook, "成长档案");
    expect(String(main.getCell("A1").value)).toContain(ID);
    const years = sheet(workbook, "年度").getSheetValues().filter((r) => Array.isArray(r) && typeof r[1] === "number");
    expect(years.map((r) => (r as unknown[]).slice(1, 8))).toEqual([
      [2025, 1, 0, 0, 1, 0, 70],
      [2026, 2, 2, 0, 0, 0, 92.25],
    ]);
  });
});

describe("scoreChart", () => {
  it("a trend line, a marker series per grade present (null elsewhere), and the three band lines", () => {
    const chart = scoreChart(RECORD, { eastAsia: "宋体", latin: "Times New Roman" });
    expect(chart.categories).toEqual(["2025年第四季度", "2026年第一季度", "2026年第二季度", "2026年第三季度"]);
    expect(chart.series.map((s) => [s.name, s.style, s.values])).toEqual([
      ["综合得分", "line", [70, 93.5, null, 91]],
      ["好", "markers", [null, 93.5, null, 91]],
      ["一般", "markers", [70, null, null, null]],
      ["好线 90", "reference", [90, 90, 90, 90]],
      ["较好线 80", "reference", [80, 80, 80, 80]],
      ["一般线 60", "reference", [60, 60, 60, 60]],
    ]);
    expect([chart.min, chart.max]).toEqual([50, 100]);
  });
});
