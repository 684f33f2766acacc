// Native charts (src/ooxml/chart-xml.ts) in both writers: the chart part, its relationships and
// content type, its cached data (a gap stays a gap), and the same bytes for the same chart.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../src/ooxml/chart-xml.js";
import { chartXml } from "../../src/ooxml/chart-xml.js";
import { ChartRun, Document, Header, Paragraph, TextRun } from "../../src/ooxml/docx-writer.js";
import { A4_PAGE, packDocx } from "../../src/ooxml/docx-package.js";
import { integerCell, textCell, writeXlsx } from "../../src/ooxml/write-xlsx.js";

const font = { eastAsia: "宋体", latin: "Times New Roman" };
const line: ChartSpec = {
  kind: "line",
  title: "综合得分（S）变化",
  categories: ["2026年第一季度", "2026年第二季度", "2026年第三季度"],
  series: [
    { name: "综合得分", color: "595959", values: [91.2, null, 78.35] },
    { name: "好", color: "C00000", values: [91.2, null, null], style: "markers" },
    { name: "好 90", color: "C00000", values: [90, 90, 90], style: "reference" },
  ],
  min: 50,
  max: 100,
  font,
};

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

describe("chartXml", () => {
  it("caches every category and value, leaves a null out, and names the fonts", () => {
    const xml = chartXml(line, "docx");
    expect(xml).toContain("<c:lineChart>");
    expect(xml).toContain(`<c:pt idx="2"><c:v>2026年第三季度</c:v></c:pt>`);
    expect(xml).toContain(`<c:pt idx="2"><c:v>78.35</c:v></c:pt>`);
    // The first series has no point 1: a gap, not a zero.
    const first = xml.slice(xml.indexOf("<c:ser>"), xml.indexOf("</c:ser>"));
    const values = first.slice(first.indexOf("<c:numCache>"));
    expect(values).toContain(`<c:ptCount val="3"/><c:pt idx="0"><c:v>91.2</c:v></c:pt><c:pt idx="2">`);
    expect(values).not.toContain(`<c:pt idx="1">`);
    expect(xml).toContain(`<a:ea typeface="宋体"/>`);
    expect(xml).toContain(`<c:max val="100"/><c:min val="50"/>`);
    expect(xml).toContain(`<a:prstDash val="dash"/>`);
    expect(xml).toContain(`<c:marker><c:symbol val="none"/></c:marker>`);
  });

  it("refuses a series whose values do not match the categories", () => {
    expect(() => chartXml({ ...line, series: [{ name: "x", color: "000000", values: [1] }] }, "docx")).toThrow(/1 values for 3 categories/);
  });

  it("draws stacked and clustered bars and radars", () => {
    const bars = { ...line, kind: "stacked-bar" as const, series: [{ name: "好", color: "C00000", values: [1, 2, 3] }] };
    expect(chartXml(bars, "docx")).toContain(`<c:grouping val="stacked"/>`);
    expect(chartXml({ ...bars, kind: "bar" }, "docx")).toContain(`<c:grouping val="clustered"/>`);
    expect(chartXml({ ...bars, kind: "radar" }, "docx")).toContain(`<c:radarChart><c:radarStyle val="marker"/>`);
  });
});

describe("charts in the writers", () => {
  it("a .docx carries the chart part, its relationship and content type, and a header", async () => {
    const document = new Document({
      sections: [
        {
          properties: { page: A4_PAGE },
          headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: "内部资料 注意保密" })] })] }) },
          children: [new Paragraph({ children: [new ChartRun({ chart: line, widthPx: 600, heightPx: 300 })] })],
        },
      ],
    });
    const bytes = packDocx(document, { title: "t", fonts: { title: "宋体", body: "宋体", latin: "Times New Roman" } });
    const files = await parts(bytes);
    expect(files.get("word/charts/chart1.xml")).toBe(chartXml(line, "docx"));
    expect(files.get("word/_rels/document.xml.rels")).toMatch(/relationships\/chart" Target="charts\/chart1.xml"/);
    expect(files.get("[Content_Types].xml")).toContain(`PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    const body = files.get("word/document.xml")!;
    expect(body).toContain(`<wp:extent cx="5715000" cy="2857500"/>`);
    expect(body).toMatch(/<c:chart xmlns:c="[^"]+" r:id="rId\d+"\/>/);
    expect(files.get("word/header1.xml")).toContain("内部资料 注意保密");
    expect(body).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/>/);
    // The same document, the same bytes.
    expect(packDocx(document, { title: "t", fonts: { title: "宋体", body: "宋体", latin: "Times New Roman" } }).equals(bytes)).toBe(true);
  });

  it("an .xlsx sheet carries a drawing with the chart anchored at its cell", async () => {
    const bytes = await writeXlsx({
      draft: false,
      sheets: [
        { name: "数据", titles: ["数据"], columns: [{ header: "单位", width: 10 }], rows: [{ cells: [textCell("甲")] }], orientation: "portrait" },
        {
          name: "统计",
          titles: ["统计"],
          columns: [{ header: "好", width: 8 }],
          rows: [{ cells: [integerCell(4)] }],
          orientation: "landscape",
          charts: [{ chart: line, fromCell: "C5", widthPx: 400, heightPx: 200 }],
        },
      ],
    });
    const files = await parts(bytes);
    expect(files.get("xl/worksheets/sheet1.xml")).not.toContain("<drawing");
    expect(files.get("xl/worksheets/sheet2.xml")).toContain(`<drawing r:id="rId1"/></worksheet>`);
    expect(files.get("xl/worksheets/_rels/sheet2.xml.rels")).toContain(`Target="../drawings/drawing1.xml"`);
    const drawing = files.get("xl/drawings/drawing1.xml")!;
    expect(drawing).toContain("<xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>");
    expect(drawing).toContain(`<xdr:ext cx="3810000" cy="1905000"/>`);
    expect(files.get("xl/drawings/_rels/drawing1.xml.rels")).toContain(`Target="../charts/chart1.xml"`);
    const chart = files.get("xl/charts/chart1.xml")!;
    expect(chart).toBe(chartXml(line, "xlsx"));
    // A workbook's chart names no sheet that is not there: its data are literal.
    expect(chart).not.toContain("<c:f>");
    expect(chart).toContain(`<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>91.2</c:v></c:pt><c:pt idx="2">`);
  });
});
