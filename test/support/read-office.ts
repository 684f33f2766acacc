// Reading written outputs back in tests: a .docx's parts and paragraph text (via jszip), and an
// .xlsx through exceljs.

import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function zipPart(bytes: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the archive`);
  return file.async("string");
}

export async function zipParts(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).sort();
}

/** The date of every entry, as JSZip reads the DOS date and time (UTC). */
export async function zipEntryDates(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.values(zip.files).map((file) => file.date.toISOString());
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** The text of each paragraph of word/document.xml, in order. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = await zipPart(bytes, "word/document.xml");
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((p) => unescapeXml((p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("")));
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}
