// Text written into the XML of an .xlsx or .docx part. A clerk's cell can hold a character XML
// 1.0 cannot (the reader turns `_x0001_` into U+0001), and one such character in any part makes
// Word or Excel refuse the whole file: it is dropped, never written.

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold (XML 1.0 §2.2 Char). */
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  // Most text needs nothing: a document writes tens of thousands of runs.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(XML_INVALID, "").replace(/[&<>"]/g, (ch) => ESCAPED[ch] ?? ch);
}

/**
 * Whether the UTF-16 unit at `i` is the second half of a surrogate pair: with the unit before it,
 * one character beyond U+FFFF (a rare 姓名 character), which a width counts once.
 */
export function endsSurrogatePair(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xdc00 || unit > 0xdfff || i === 0) return false;
  const before = text.charCodeAt(i - 1);
  return before >= 0xd800 && before <= 0xdbff;
}
