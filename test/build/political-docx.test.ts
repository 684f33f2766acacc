// The political documents' shared paragraphs and tables (src/build/political-docx.ts) take their
// look from the named styles of politicalStyles: a run carries only what differs from its style.

import { describe, expect, it } from "vitest";
import { bodyLine, confidentialMark, heading, politicalStyles, ruledTable, titleLine } from "../../src/build/political-docx.js";
import { A4_PAGE, packDocx } from "../../src/ooxml/docx-package.js";
import { Document } from "../../src/ooxml/docx-writer.js";
import { docxParagraphs, zipPart } from "../support/read-office.js";

const FONTS = { title: "方正小标宋简体", body: "仿宋_GB2312", latin: "Times New Roman" };

function document(): Buffer {
  const children = [
    titleLine("政治素质画像", 18, 40),
    heading("一、基本情况"),
    bodyLine("正文一行。", 12, { indent: true }),
    bodyLine("", 6),
    ruledTable(["方面", "得分"], [["政治忠诚", "95.00"]], [3000, 3000], 10.5, [0]),
  ];
  return packDocx(new Document({ sections: [{ properties: { page: A4_PAGE }, children: [confidentialMark("内部资料 注意保密"), ...children] }] }), {
    title: "画像",
    fonts: FONTS,
    styles: politicalStyles(FONTS),
  });
}

describe("political documents on named styles", () => {
  it("every paragraph names a style of styles.xml; runs carry no fonts, only a size or weight that differs", async () => {
    const bytes = document();
    const xml = await zipPart(bytes, "word/document.xml");
    const styles = await zipPart(bytes, "word/styles.xml");
    expect(xml).not.toContain("<w:rFonts");
    const used = new Set([...xml.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(["PoliticalBody", "PoliticalHeading", "PoliticalMark", "PoliticalTableText", "PoliticalTitle"]);
    for (const id of used) expect(styles).toContain(`w:styleId="${id}"`);
    // The heading, the body line at its style's 12 pt and a value cell at 10.5 pt have bare runs.
    for (const text of ["一、基本情况", "正文一行。", "95.00", "内部资料 注意保密"]) expect(xml).toContain(`<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`);
    // The title's size is its own; the label column is bold and centred over the table style.
    expect(xml).toContain('<w:r><w:rPr><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr><w:t xml:space="preserve">政治素质画像</w:t></w:r>');
    expect(xml).toContain('<w:pPr><w:pStyle w:val="PoliticalTableText"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">政治忠诚</w:t></w:r>');
    expect(styles).toMatch(/w:styleId="PoliticalHeading"><w:name w:val="小标题"\/>.*?<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(await docxParagraphs(bytes)).toContain("正文一行。");
  });
});
