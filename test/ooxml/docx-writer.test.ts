// The WordprocessingML writer (src/ooxml/docx-writer.ts): every part it
// writes is well-formed XML and declared in [Content_Types].xml, text is escaped, sections and
// footers are wired as Word expects, and the same document gives the same bytes. (What the
// notice and the slips say is tested in notice.test.ts and feedback-slips.test.ts; that Word's
// readers open them, in e2e/libreoffice-opens.test.ts.)

import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { Document, Footer, Header, Paragraph, Table, TableCell, TableRow, TextRun, stylesXml, writeDocx } from "../../src/ooxml/docx-writer.js";
import type { DocumentStyles } from "../../src/ooxml/docx-writer.js";
import { writeFeedbackSlips } from "../../src/build/feedback-slips.js";
import { slipContents } from "../../src/build/slip-content.js";
import { noticeContent, writeNotice } from "../../src/build/notice.js";
import { readNoticeWording, readSlipWording } from "../../src/build/wording-templates.js";
import { XmlScanner } from "../../src/ooxml/xml-scanner.js";
import { UNIT, WORKBOOK, demoRules, demoUnit } from "../support/demo-unit.js";
import { docxParagraphs, zipPart } from "../support/read-office.js";

const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 992 },
};

/** Reads an XML part to its end; throws XmlDamage if it is not well-formed. */
function wellFormed(xml: string): boolean {
  const scanner = new XmlScanner(Buffer.from(xml, "utf8"));
  while (scanner.next() !== "end");
  return true;
}

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

async function demoDocuments(unitName = UNIT.name): Promise<[string, Buffer][]> {
  const noticeWording = await readNoticeWording();
  const slipWording = await readSlipWording();
  const graded = { ...demoUnit(), unit: { ...UNIT, name: unitName } };
  const rules = demoRules();
  return [
    ["公示", await writeNotice(noticeContent({ graded, period: WORKBOOK.period, settings: WORKBOOK.settings, rules }, noticeWording), noticeWording)],
    ["反馈单", await writeFeedbackSlips(slipContents({ graded, period: WORKBOOK.period, workbook: WORKBOOK, rules }, slipWording), slipWording)],
    [
      "反馈单（草稿）",
      await writeFeedbackSlips(slipContents({ graded: { ...demoUnit("draft"), unit: graded.unit }, period: WORKBOOK.period, workbook: WORKBOOK, rules }, slipWording), slipWording),
    ],
  ];
}

describe("the packages it writes", () => {
  it("every part of the notice and the slips is well-formed XML, and every XML part is declared", async () => {
    for (const [what, bytes] of await demoDocuments()) {
      const all = await parts(bytes);
      expect([...all.keys()], what).toContain("word/document.xml");
      for (const [name, xml] of all) expect(wellFormed(xml), `${what} ${name}`).toBe(true);
      const types = all.get("[Content_Types].xml") ?? "";
      for (const name of all.keys()) {
        if (name.endsWith(".xml") && name !== "[Content_Types].xml") expect(types, `${what} ${name}`).toMatch(new RegExp(`PartName="/${name}"|Extension="xml"`));
      }
      // Every relationship points at a part that is there.
      for (const [name, xml] of all) {
        if (!name.endsWith(".rels")) continue;
        const base = name.replace(/_rels\/[^/]*\.rels$/, "");
        for (const [, target] of xml.matchAll(/Target="([^"]+)"/g)) expect(all.has(`${base}${target}`), `${what} ${name} → ${target}`).toBe(true);
      }
    }
  });

  // The reader turns a cell's `_x0001_` into U+0001; one in docProps/core.xml (the notice's title
  // names the unit) made Word refuse the file.
  it("a unit name with a character XML cannot hold leaves no part with it, and every part well-formed", async () => {
    for (const [what, bytes] of await demoDocuments("某市\u0001某某局")) {
      const all = await parts(bytes);
      expect(all.get("docProps/core.xml"), what).toMatch(what === "公示" ? /<dc:title>关于某市某某局2026/ : /<dc:title>/);
      expect((await docxParagraphs(bytes)).join("\n"), what).toContain("某市某某局");
      for (const [name, xml] of all) {
        expect(xml, `${what} ${name}`).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        expect(wellFormed(xml), `${what} ${name}`).toBe(true);
      }
    }
  });

  it("the same document gives the same bytes", async () => {
    const [first, second] = [await demoDocuments(), await demoDocuments()];
    for (let i = 0; i < first.length; i++) expect(first[i]![1].equals(second[i]![1])).toBe(true);
  });
});

describe("elements", () => {
  const PROPERTIES = { title: "", fonts: [] };

  function pack(children: (Paragraph | Table)[], footer = false): Buffer {
    const footers = footer ? { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ["第 ", "CURRENT", " 页，共 ", "TOTAL_PAGES", " 页"] })] })] }) } : undefined;
    const document = new Document({ sections: [{ properties: { page: PAGE }, ...(footers ? { footers } : {}), children }] });
    return writeDocx(document, PROPERTIES);
  }

  it("escapes text and drops characters XML cannot hold", async () => {
    const bytes = pack([new Paragraph({ children: [new TextRun({ text: 'A&B <王五> "引号"\u0001\u000B结束' })] })]);
    expect(wellFormed(await zipPart(bytes, "word/document.xml"))).toBe(true);
    expect(await docxParagraphs(bytes)).toEqual(['A&B <王五> "引号"结束']);
  });

  it("a section break per section but the last, which the body's own properties close", async () => {
    const section = (text: string) => ({ properties: { page: PAGE }, children: [new Paragraph({ children: [new TextRun({ text })] })] });
    const bytes = writeDocx(new Document({ sections: [section("一"), section("二"), section("三")] }), PROPERTIES);
    const xml = await zipPart(bytes, "word/document.xml");
    expect(xml.match(/<w:p><w:pPr><w:sectPr>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:sectPr>(?:(?!<w:sectPr>).)*<\/w:sectPr><\/w:body>/);
    expect(await docxParagraphs(bytes)).toEqual(["一", "", "二", "", "三"]);
  });

  it("a footer with page-number fields, referenced from the section", async () => {
    const bytes = pack([new Paragraph({ children: [] })], true);
    const footer = await zipPart(bytes, "word/footer1.xml");
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve">NUMPAGES</w:instrText>');
    const rels = await zipPart(bytes, "word/_rels/document.xml.rels");
    const id = /Id="(rId\d+)"[^>]*Target="footer1.xml"/.exec(rels)?.[1];
    expect(await zipPart(bytes, "word/document.xml")).toContain(`<w:footerReference w:type="default" r:id="${id}"/>`);
  });

  it("a header shared by sections is one part, referenced by each before its footer", async () => {
    const header = new Header({ children: [new Paragraph({ children: [new TextRun({ text: "草稿" })] })] });
    const footer = new Footer({ children: [new Paragraph({ children: [] })] });
    const section = (text: string) => ({
      properties: { page: PAGE },
      headers: { default: header },
      footers: { default: footer },
      children: [new Paragraph({ children: [new TextRun({ text })] })],
    });
    const bytes = writeDocx(new Document({ sections: [section("一"), section("二")] }), PROPERTIES);
    const all = await parts(bytes);
    expect([...all.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name))).toEqual(["word/header1.xml"]);
    expect(all.get("word/header1.xml")).toContain("<w:hdr ");
    expect(all.get("[Content_Types].xml")).toContain('PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"');
    const id = /Id="(rId\d+)"[^>]*Target="header1.xml"/.exec(all.get("word/_rels/document.xml.rels") ?? "")?.[1];
    const refs = (all.get("word/document.xml") ?? "").match(/<w:sectPr><w:headerReference w:type="default" r:id="(rId\d+)"\/><w:footerReference/g) ?? [];
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(ref).toContain(`r:id="${id}"`);
  });

  it("a table: width, grid, header row repeated, cells with span, margins and vertical alignment", async () => {
    const cell = (text: string, span?: number) =>
      new TableCell({
        width: { size: 2000, type: "dxa" },
        ...(span ? { columnSpan: span } : {}),
        verticalAlign: "center",
        margins: { top: 60, bottom: 60, left: 80, right: 80 },
        children: [new Paragraph({ alignment: "center", children: [new TextRun({ text, bold: true, size: 28 })] })],
      });
    const table = new Table({
      width: { size: 4000, type: "dxa" },
      columnWidths: [2000, 2000],
      rows: [new TableRow({ tableHeader: true, cantSplit: true, children: [cell("姓名"), cell("等次")] }), new TableRow({ children: [cell("王五", 2)] })],
    });
    const xml = await zipPart(pack([table]), "word/document.xml");
    expect(xml).toContain('<w:tblW w:type="dxa" w:w="4000"/>');
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>');
    expect(xml).toContain("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:tcMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="80"/></w:tcMar><w:vAlign w:val="center"/>');
    expect(xml).toContain('<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>');
  });

  it("a cell whose last child is a table still ends with a paragraph, as Word requires", async () => {
    const inner = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [] })] })] })] });
    const outer = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [inner] })] })] });
    const xml = await zipPart(pack([outer]), "word/document.xml");
    expect(xml).toContain("</w:tbl><w:p/></w:tc>");
  });

  it("refuses an element it did not make (a bug)", () => {
    expect(() => new Paragraph({ children: [{} as never] })).toThrow(/docx-writer/);
  });

  it("a table's cell margins said once, for every cell that gives none", async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text })] })] });
    const table = new Table({ cellMargins: { top: 40, bottom: 40, left: 80, right: 80 }, rows: [new TableRow({ children: [cell("甲"), cell("乙")] })] });
    const xml = await zipPart(pack([table]), "word/document.xml");
    expect(xml).toContain('</w:tblBorders><w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>');
    expect(xml).not.toContain("<w:tcMar>");
    expect(xml.match(/<w:tc>/g)).toHaveLength(2);
  });
});

describe("named styles (styles.xml)", () => {
  const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "仿宋_GB2312", hint: "eastAsia" };
  const STYLES: DocumentStyles = {
    defaults: { run: { font: FONT, language: { value: "en-US", eastAsia: "zh-CN" } } },
    styles: [
      { type: "paragraph", id: "Body", name: "正文段落", paragraph: { alignment: "both", spacing: { line: 520, lineRule: "exact" }, indent: { firstLine: 640 } }, run: { size: 32 } },
      { type: "paragraph", id: "BodyBold", name: "正文加粗", basedOn: "Body", run: { bold: true } },
      { type: "character", id: "Mark", name: "页码文字&<标记>", run: { size: 28, bold: true } },
    ],
  };

  function styled(children: Paragraph[]): Buffer {
    return writeDocx(new Document({ sections: [{ properties: { page: PAGE }, children }] }), { title: "", fonts: [], styles: STYLES });
  }

  it("each style is defined once in styles.xml and named by id from the paragraphs and runs that take it", async () => {
    const bytes = styled([
      new Paragraph({ style: "Body", children: [new TextRun({ text: "一" })] }),
      new Paragraph({ style: "Body", children: [new TextRun({ text: "二" }), new TextRun({ text: "3", style: "Mark" })] }),
      new Paragraph({ style: "BodyBold", children: [new TextRun({ text: "四" })] }),
    ]);
    const styles = await zipPart(bytes, "word/styles.xml");
    expect(styles.match(/<w:style /g)).toHaveLength(3);
    expect(styles.match(/w:styleId="Body"/g)).toHaveLength(1);
    expect(styles).toContain(
      '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Body"><w:name w:val="正文段落"/><w:qFormat/>' +
        '<w:pPr><w:spacing w:line="520" w:lineRule="exact"/><w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr>' +
        '<w:rPr><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>',
    );
    expect(styles).toContain('<w:style w:type="paragraph" w:customStyle="1" w:styleId="BodyBold"><w:name w:val="正文加粗"/><w:basedOn w:val="Body"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>');
    expect(styles).toContain('<w:style w:type="character" w:customStyle="1" w:styleId="Mark"><w:name w:val="页码文字&amp;&lt;标记&gt;"/>');
    // The document's body font, under every style.
    expect(styles).toContain(
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"/>' +
        '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>',
    );
    const xml = await zipPart(bytes, "word/document.xml");
    expect(xml.match(/<w:pStyle w:val="Body"\/>/g)).toHaveLength(2);
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="Mark"/></w:rPr><w:t xml:space="preserve">3</w:t></w:r>');
    expect(await docxParagraphs(bytes)).toEqual(["一", "二3", "四"]);
  });

  it("a run whose paragraph's style covers its look carries no properties; what differs is set over the style", async () => {
    const xml = await zipPart(
      styled([new Paragraph({ style: "Body", keepNext: true, children: [new TextRun({ text: "甲" }), new TextRun({ text: "乙", size: 24 })] })]),
      "word/document.xml",
    );
    expect(xml).toContain(
      '<w:p><w:pPr><w:pStyle w:val="Body"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">甲</w:t></w:r>' +
        '<w:r><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">乙</w:t></w:r></w:p>',
    );
    expect(xml).not.toContain("<w:rFonts");
  });

  it("every part is well-formed XML with styles, and styles.xml is declared and related", async () => {
    const all = await parts(styled([new Paragraph({ style: "Body", children: [new TextRun({ text: "一", style: "Mark" })] })]));
    for (const [name, xml] of all) expect(wellFormed(xml), name).toBe(true);
    expect(all.get("[Content_Types].xml")).toContain('PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"');
    expect(all.get("word/_rels/document.xml.rels")).toMatch(/Type="[^"]*\/styles" Target="styles.xml"/);
  });

  it("a table on a table style takes its borders, cell margins and vertical alignment from styles.xml", async () => {
    const grid: DocumentStyles = { styles: [{ type: "table", id: "Grid", name: "网格表&格", cellMargins: { top: 60, left: 100, bottom: 60, right: 100 }, verticalAlign: "center" }] };
    const table = (style?: string): Table =>
      new Table({
        ...(style === undefined ? {} : { style }),
        width: { size: 4000, type: "dxa" },
        columnWidths: [2000, 2000],
        rows: [new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: 2000, type: "dxa" }, children: [new Paragraph({ children: [new TextRun({ text: "甲" })] })] })] })],
      });
    const bytes = writeDocx(new Document({ sections: [{ properties: { page: PAGE }, children: [table("Grid")] }] }), { title: "", fonts: [], styles: grid });
    const styles = await zipPart(bytes, "word/styles.xml");
    const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`).join("");
    expect(styles).toContain(
      '<w:style w:type="table" w:customStyle="1" w:styleId="Grid"><w:name w:val="网格表&amp;格"/><w:qFormat/>' +
        `<w:tblPr><w:tblBorders>${borders}</w:tblBorders><w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/>` +
        '<w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar></w:tblPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>',
    );
    const xml = await zipPart(bytes, "word/document.xml");
    // The table names its style before its width (the schema's order) and says no border itself;
    // its row keeps cantSplit.
    expect(xml).toContain('<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblW w:type="dxa" w:w="4000"/></w:tblPr>');
    expect(xml).not.toContain("<w:tblBorders>");
    expect(xml).toContain("<w:trPr><w:cantSplit/></w:trPr>");
    for (const [name, part] of await parts(bytes)) expect(wellFormed(part), name).toBe(true);
    // A table on no style still has its borders, as before.
    const plain = await zipPart(writeDocx(new Document({ sections: [{ properties: { page: PAGE }, children: [table()] }] }), { title: "", fonts: [] }), "word/document.xml");
    expect(plain).toContain(`<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="4000"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>`);
  });

  it("without styles, styles.xml has empty defaults and nothing else, as before", () => {
    expect(stylesXml()).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault/><w:pPrDefault/></w:docDefaults></w:styles>',
    );
  });

  it("refuses a style defined twice, based on one not defined before it, or with an id not ASCII (bugs of a document's description)", () => {
    const body = { type: "paragraph", id: "Body", name: "正文段落" } as const;
    expect(() => stylesXml({ styles: [body, { ...body, name: "又一个" }] })).toThrow(/Body is defined twice/);
    expect(() => stylesXml({ styles: [{ ...body, basedOn: "Missing" }] })).toThrow(/based on Missing/);
    expect(() => stylesXml({ styles: [{ ...body, id: "正文" }] })).toThrow(/not ASCII/);
    expect(() => stylesXml({ styles: [{ ...body, id: "Body Text" }] })).toThrow(/not ASCII/);
  });
});
