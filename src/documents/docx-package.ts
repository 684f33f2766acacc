// What the notice and the feedback slips share as .docx files: A4 pages with the margins of
// official documents (GB/T 9704), runs whose East Asian font is set (so Word, WPS and LibreOffice
// draw the Chinese in a Chinese font), and packing that leaves no clock in the file: fixed core
// properties and zip entry dates (outputs.md "No clock time"; STYLE.md habit 8).

import type { DocxDocument, RunOptions } from "./docx-api.js";
import { Packer } from "./docx-api.js";
import { FIXED_AUTHOR, FIXED_DATE, fixZipTimestamps } from "../workbook/fix-zip-timestamps.js";

/** A4 in twentieths of a point, and GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 992 },
};
/** The width between the margins, for table grids. */
export const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;

export interface DocumentFonts {
  title: string;
  body: string;
  latin: string;
}

/** Run options naming the East Asian font and language, so that Chinese never falls to a Latin font. */
export function chineseRun(eastAsia: string, latin: string, sizePt: number, bold = false): RunOptions {
  return {
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: "eastAsia" },
    size: sizePt * 2,
    bold,
    language: { value: "en-US", eastAsia: "zh-CN" },
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function coreXml(title: string): string {
  const date = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${FIXED_AUTHOR}</dc:creator>` +
    `<cp:lastModifiedBy>${FIXED_AUTHOR}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/**
 * Fonts often missing outside government PCs, with the font Windows has instead: Word takes
 * altName when the named font is absent. charset 86 is GB2312, which tells Word the font is Chinese.
 */
const ALTERNATE_FONT: Record<string, string> = {
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  方正小标宋简体: "宋体",
  方正小标宋_GBK: "宋体",
};

function fontTableXml(fonts: DocumentFonts): string {
  const chinese = [...new Set([fonts.title, fonts.body])];
  const entries = chinese
    .map((name) => {
      const alt = ALTERNATE_FONT[name];
      return (
        `<w:font w:name="${escapeXml(name)}">` +
        (alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : "") +
        `<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`
  );
}

/** The .docx bytes of `document`; the same document always gives the same bytes. */
export async function packDocx(document: DocxDocument, title: string, fonts: DocumentFonts): Promise<Buffer> {
  const bytes = await Packer.toBuffer(document, false, [
    { path: "docProps/core.xml", data: coreXml(title) },
    { path: "word/fontTable.xml", data: fontTableXml(fonts) },
  ]);
  return fixZipTimestamps(Buffer.from(bytes));
}
