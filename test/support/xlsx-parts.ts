// The raw XML of a written .xlsx's sheets, for what exceljs hides when it reads a file back: it
// expands a range validation into one entry per cell, so only the sheet XML shows whether the
// ranges written are disjoint.

import { zipPart } from "./read-office.js";

/** Sheet name → the XML of its worksheet part, in workbook order. */
export async function sheetXmlByName(xlsx: Buffer): Promise<Map<string, string>> {
  const read = (part: string): Promise<string> => zipPart(xlsx, part);
  const workbook = await read("xl/workbook.xml");
  const rels = await read("xl/_rels/workbook.xml.rels");
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)) target.set(m[1]!, m[2]!);
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const path = target.get(m[2]!)!.replace(/^\/?(xl\/)?/, "xl/");
    sheets.set(m[1]!, await read(path));
  }
  return sheets;
}

export interface ValidationXml {
  type: string;
  sqref: string;
  operator: string | null;
  errorStyle: string | null;
  error: string | null;
  formulae: string[];
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Every <dataValidation> of a worksheet part, as written. */
export function validationsOf(sheetXml: string): ValidationXml[] {
  const found: ValidationXml[] = [];
  for (const m of sheetXml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)) {
    const attributes = m[1]!;
    const attribute = (name: string): string | null => {
      const a = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
      return a ? unescapeXml(a[1]!) : null;
    };
    found.push({
      type: attribute("type") ?? "any",
      sqref: attribute("sqref") ?? "",
      operator: attribute("operator"),
      errorStyle: attribute("errorStyle"),
      error: attribute("error"),
      formulae: [...m[2]!.matchAll(/<formula\d>(.*?)<\/formula\d>/g)].map((f) => unescapeXml(f[1]!)),
    });
  }
  return found;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The rectangles of an sqref (`F2:F500 H3`). */
export function boxesOf(sqref: string): Box[] {
  return sqref.split(/\s+/).map((part) => {
    const [from, to = from] = part.split(":") as [string, string?];
    const a = /^([A-Z]+)(\d+)$/.exec(from)!;
    const b = /^([A-Z]+)(\d+)$/.exec(to)!;
    return { left: columnNumber(a[1]!), top: Number(a[2]), right: columnNumber(b[1]!), bottom: Number(b[2]) };
  });
}

export function overlap(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
