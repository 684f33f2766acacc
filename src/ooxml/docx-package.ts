// What the notice and the feedback slips share as .docx files: A4 pages with the margins of
// official documents (GB/T 9704), runs whose East Asian font is set (so Word, WPS and LibreOffice
// draw the Chinese in a Chinese font) declared in the font table, and packing that leaves no
// clock in the file: docx-writer.ts writes fixed core properties and zip entry dates (outputs.md
// "No clock time"; STYLE.md habit 8).

import type { Document, DocumentStyles, RunOptions, RunProperties, StyleDefinition } from "./docx-writer.js";
import { writeDocx } from "./docx-writer.js";

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

/** The East Asian font and language of text, so that Chinese never falls to a Latin font. */
export function chineseFont(eastAsia: string, latin: string): Required<Pick<RunProperties, "font" | "language">> {
  return { font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: "eastAsia" }, language: { value: "en-US", eastAsia: "zh-CN" } };
}

/** Run options naming the East Asian font and language, the size and the weight: for a run or a style. */
export function chineseRun(eastAsia: string, latin: string, sizePt: number, bold = false): RunOptions {
  const { font, language } = chineseFont(eastAsia, latin);
  return { font, size: sizePt * 2, bold, language };
}

/**
 * Fonts often missing outside government PCs, with the font Windows has instead: Word takes
 * altName when the named font is absent.
 */
const ALTERNATE_FONT: Record<string, string> = {
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  方正小标宋简体: "宋体",
  方正小标宋_GBK: "宋体",
};
/** charset 86 is GB2312, which tells Word the font is Chinese. */
const GB2312 = "86";

/**
 * The document styles of `styles` over the body font, one object for each list of styles and
 * fonts given again (a writer's styles are made once per run): docx-writer.ts writes styles.xml
 * once for each.
 */
const documentStyles = new WeakMap<readonly StyleDefinition[], { fonts: DocumentFonts; styles: DocumentStyles }>();
function stylesOver(styles: readonly StyleDefinition[], fonts: DocumentFonts): DocumentStyles {
  const known = documentStyles.get(styles);
  if (known !== undefined && known.fonts === fonts) return known.styles;
  const made: DocumentStyles = { defaults: { run: chineseFont(fonts.body, fonts.latin) }, styles };
  documentStyles.set(styles, { fonts, styles: made });
  return made;
}

/**
 * The .docx bytes of `document`; the same document always gives the same bytes. With `styles`,
 * the document's text defaults to the body font (docDefaults), so that a paragraph a clerk adds
 * in Word or WPS is Chinese in the document's font whatever style it takes.
 */
export function packDocx(document: Document, { title, fonts, styles }: { title: string; fonts: DocumentFonts; styles?: readonly StyleDefinition[] }): Buffer {
  const declared = [...new Set([fonts.title, fonts.body])].map((name) => ({ name, altName: ALTERNATE_FONT[name], charset: GB2312 }));
  return writeDocx(document, { title, fonts: declared, ...(styles ? { styles: stylesOver(styles, fonts) } : {}) });
}
