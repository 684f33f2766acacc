// A small pull scanner for the XML parts of an .xlsx (workbook, relationships, shared strings,
// styles, worksheets), reading the bytes as they are: no tree, no copy of the part as a string,
// so that a worksheet of a million cells costs its cells and nothing else. It checks what a
// well-formed part must be (names, quotes, entities, tags closed in order, one root) and throws
// XmlDamage on the first fault; read-xlsx.ts turns that into the file's one E_FILE_CORRUPT
// problem (workbook.md "Files that cannot be read"). Namespace prefixes are dropped from names
// (`x:c` is `c`): some writers prefix SpreadsheetML, and the parts never mix two vocabularies
// under one local name.

/** The part is not well-formed XML; `message` says where, for debugging only. */
export class XmlDamage extends Error {}

export type XmlToken = "open" | "close" | "text" | "end";

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;

const CDATA_OPEN = Buffer.from("<![CDATA[");
const CDATA_CLOSE = Buffer.from("]]>");
const COMMENT_OPEN = Buffer.from("<!--");
const COMMENT_CLOSE = Buffer.from("-->");
const PI_CLOSE = Buffer.from("?>");

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Bytes that end a name. */
function endsName(byte: number): boolean {
  return isSpace(byte) || byte === GT || byte === SLASH || byte === EQUALS;
}

/** A name starts with a letter, `_`, `:` or any non-ASCII character (XML 1.0 NameStartChar, loosely). */
function startsName(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || byte === 0x5f || byte === COLON || byte >= 0x80;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z]+));|&/g;

/** Text with its entities replaced; a bare `&` or an unknown entity is damage. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
    if (hex !== undefined || decimal !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal ?? "", 10);
      if (!(code > 0 && code <= 0x10ffff)) throw new XmlDamage(`bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const replacement = named === undefined ? undefined : NAMED_ENTITIES[named];
    if (replacement === undefined) throw new XmlDamage(`unknown entity ${whole}`);
    return replacement;
  });
}

/** Short ASCII runs (names, `r="B3"`, `t="s"`) are built here: a call into Buffer costs more. */
const SHORT = 24;

function shortText(bytes: Buffer, start: number, end: number): string | null {
  if (end - start > SHORT) return null;
  let text = "";
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0x80) return null;
    text += String.fromCharCode(byte);
  }
  return text;
}

function slice(bytes: Buffer, start: number, end: number): string {
  return shortText(bytes, start, end) ?? bytes.toString("utf8", start, end);
}

/** XML reads every line break as `\n` (XML 1.0 §2.11). */
function normaliseBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** A name as read: the qualified name, its local part, and its bytes (to recognise it again). */
interface Name {
  qualified: string;
  local: string;
  bytes: Uint8Array;
}

/**
 * Names met before, in a table indexed by a hash of their bytes: a part uses a few dozen names
 * millions of times, and making a string of each occurrence was a third of the time to read a
 * city's worksheet. A name whose slot is taken by another is simply read again.
 */
const NAME_SLOTS = 4096;
const NAMES: (Name | undefined)[] = new Array<Name | undefined>(NAME_SLOTS).fill(undefined);

function localOf(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

export class XmlScanner {
  private at = 0;
  private readonly stack: Name[] = [];
  /** Where the name just read ends. */
  private nameEnd = 0;
  private rootSeen = false;
  private pendingClose = false;
  private textStart = 0;
  private textEnd = 0;
  private textIsCdata = false;
  private markAt = 0;
  private markDepth = 0;
  private markPendingClose = false;
  private markRootSeen = false;
  /** The element's attributes: local names, and where each value lies (decoded when asked for). */
  private readonly attributeNames: string[] = [];
  private readonly attributeStarts: number[] = [];
  private readonly attributeEnds: number[] = [];
  private attributeCount = 0;

  /** The local name of the element just opened or closed. */
  name = "";
  /** The element just opened is empty (`<c r="A1"/>`); its close comes next. */
  selfClosing = false;

  /**
   * `final`: the bytes are the whole part. Otherwise they are its start, and running out of them
   * (or anything that looks like damage, which more bytes may mend) throws XmlDamage: the caller
   * rewinds to a mark, appends the next bytes (`append`) and scans again (read-xlsx-xml.ts reads a
   * large worksheet so, as it is inflated, instead of holding all of it).
   */
  constructor(
    private bytes: Buffer,
    private final = true,
  ) {
    // A UTF-8 byte order mark may open the part.
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.at = 3;
  }

  /** Whether the scanner holds the whole rest of the part. */
  get complete(): boolean {
    return this.final;
  }

  /** Bytes held and not yet scanned. */
  get buffered(): number {
    return this.bytes.length - this.at;
  }

  /** Remembers where the scanner stands, between two tokens (one mark, kept in place: no object per token). */
  mark(): void {
    this.markAt = this.at;
    this.markDepth = this.stack.length;
    this.markPendingClose = this.pendingClose;
    this.markRootSeen = this.rootSeen;
  }

  /** Back to the mark; nothing open at the mark may have been closed since. */
  rewind(): void {
    this.at = this.markAt;
    this.stack.length = this.markDepth;
    this.pendingClose = this.markPendingClose;
    this.rootSeen = this.markRootSeen;
  }

  /**
   * The next bytes of the part, or null when there are no more. What lies before the scanner is
   * dropped (call it just after `rewind`).
   */
  append(more: Buffer | null): void {
    if (more === null) {
      this.final = true;
      return;
    }
    this.bytes = Buffer.concat([this.bytes.subarray(this.at), more]);
    this.at = 0;
  }

  /** How deep the scanner is: 1 inside the root element. */
  get depth(): number {
    return this.stack.length;
  }

  next(): XmlToken {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.name = this.stack.pop()?.local ?? "";
      return "close";
    }
    const bytes = this.bytes;
    for (;;) {
      const start = this.at;
      if (start >= bytes.length) {
        if (!this.final) throw new XmlDamage("the bytes read so far end here");
        return this.finish();
      }
      if (bytes[start] !== LT) {
        let lt = start + 1;
        const near = Math.min(bytes.length, start + SHORT);
        while (lt < near && bytes[lt] !== LT) lt++;
        if (lt === near && near < bytes.length) lt = bytes.indexOf(LT, near);
        this.at = lt < 0 || lt > bytes.length ? bytes.length : lt;
        // Text running to the end of bytes read so far may go on in the next ones.
        if (this.at === bytes.length && !this.final) throw new XmlDamage("text runs past the bytes read so far");
        this.setText(start, this.at, false);
        if (this.stack.length > 0) return "text";
        if (!this.isBlank(start, this.at)) throw new XmlDamage(`text outside the root element at byte ${start}`);
        continue;
      }
      const after = bytes[start + 1];
      if (after === SLASH) return this.readClose(start);
      if (after === QUESTION) {
        this.at = this.skipPast(PI_CLOSE, start + 2);
        continue;
      }
      if (after === BANG) {
        if (this.startsWith(COMMENT_OPEN, start)) {
          this.at = this.skipPast(COMMENT_CLOSE, start + COMMENT_OPEN.length);
          continue;
        }
        if (this.startsWith(CDATA_OPEN, start) && this.stack.length > 0) {
          const end = bytes.indexOf(CDATA_CLOSE, start + CDATA_OPEN.length);
          if (end < 0) throw new XmlDamage("unclosed CDATA section");
          this.setText(start + CDATA_OPEN.length, end, true);
          this.at = end + CDATA_CLOSE.length;
          return "text";
        }
        // A document type declaration could define entities; no Office part has one.
        throw new XmlDamage(`unexpected <! at byte ${start}`);
      }
      return this.readOpen(start);
    }
  }

  /** The value of the element's attribute with this local name (any prefix), entities decoded. */
  attribute(localName: string): string | undefined {
    for (let i = 0; i < this.attributeCount; i++) {
      if (this.attributeNames[i] === localName) return decodeEntities(slice(this.bytes, this.attributeStarts[i]!, this.attributeEnds[i]!));
    }
    return undefined;
  }

  /** The text just scanned, entities decoded and line breaks normalised. */
  text(): string {
    const raw = slice(this.bytes, this.textStart, this.textEnd);
    return normaliseBreaks(this.textIsCdata ? raw : decodeEntities(raw));
  }

  /** Skips the element just opened, with everything inside it. */
  skipElement(): void {
    const depth = this.stack.length;
    while (this.stack.length >= depth) {
      if (this.next() === "end") return;
    }
  }

  /** The text content of the element just opened, up to its close (nested markup is skipped, its text kept). */
  elementText(): string {
    const simple = this.plainText();
    if (simple !== null) return simple;
    const depth = this.stack.length;
    let text = "";
    for (;;) {
      const token = this.next();
      if (token === "text") text += this.text();
      else if (token === "close" && this.stack.length < depth) return text;
      else if (token === "end") return text;
    }
  }

  /**
   * The common case of elementText, read in one step: text (or nothing) right up to the element's
   * own closing tag, as in `<v>27</v>`. Null when the element holds anything else.
   */
  private plainText(): string | null {
    const open = this.stack[this.stack.length - 1];
    if (this.pendingClose || open === undefined) return null;
    const bytes = this.bytes;
    const start = this.at;
    let lt = start;
    while (lt < bytes.length && bytes[lt] !== LT) lt++;
    const name = open.bytes;
    const end = lt + 2 + name.length;
    if (bytes[lt + 1] !== SLASH || bytes[end] !== GT) return null;
    for (let i = 0; i < name.length; i++) if (bytes[lt + 2 + i] !== name[i]) return null;
    this.setText(start, lt, false);
    const text = this.text();
    this.stack.pop();
    this.at = end + 1;
    this.name = open.local;
    return text;
  }

  private finish(): "end" {
    if (this.stack.length > 0) throw new XmlDamage(`element <${this.stack[this.stack.length - 1]?.qualified}> is not closed`);
    if (!this.rootSeen) throw new XmlDamage("no root element");
    return "end";
  }

  private setText(start: number, end: number, cdata: boolean): void {
    this.textStart = start;
    this.textEnd = end;
    this.textIsCdata = cdata;
  }

  private isBlank(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (!isSpace(this.bytes[i] ?? 0)) return false;
    return true;
  }

  private startsWith(marker: Buffer, at: number): boolean {
    if (at + marker.length > this.bytes.length) {
      if (!this.final) throw new XmlDamage("markup runs past the bytes read so far");
      return false;
    }
    return this.bytes.compare(marker, 0, marker.length, at, at + marker.length) === 0;
  }

  private skipPast(marker: Buffer, from: number): number {
    const end = this.bytes.indexOf(marker, from);
    if (end < 0) throw new XmlDamage(`unclosed markup at byte ${from}`);
    return end + marker.length;
  }

  /** The name at `at`; `nameEnd` is where it ends. */
  private readName(at: number): Name {
    const bytes = this.bytes;
    const first = bytes[at];
    if (first === undefined || !startsName(first)) throw new XmlDamage(`bad name at byte ${at}`);
    let hash = first;
    let end = at + 1;
    for (; end < bytes.length; end++) {
      const byte = bytes[end]!;
      if (endsName(byte)) break;
      hash = (Math.imul(hash, 31) + byte) | 0;
    }
    if (end >= bytes.length) throw new XmlDamage("part ends inside a tag");
    this.nameEnd = end;
    const slot = hash & (NAME_SLOTS - 1);
    const known = NAMES[slot];
    if (known !== undefined && known.bytes.length === end - at) {
      let same = true;
      for (let i = 0; i < known.bytes.length; i++) {
        if (known.bytes[i] !== bytes[at + i]) {
          same = false;
          break;
        }
      }
      if (same) return known;
    }
    const qualified = slice(bytes, at, end);
    const name: Name = { qualified, local: localOf(qualified), bytes: Uint8Array.prototype.slice.call(bytes, at, end) };
    if (known === undefined) NAMES[slot] = name;
    return name;
  }

  private readClose(start: number): "close" {
    const name = this.readName(start + 2);
    let at = this.nameEnd;
    while (isSpace(this.bytes[at] ?? 0)) at++;
    if (this.bytes[at] !== GT) throw new XmlDamage(`bad closing tag at byte ${start}`);
    const open = this.stack.pop();
    if (open === undefined || (open !== name && open.qualified !== name.qualified)) {
      throw new XmlDamage(`</${name.qualified}> closes <${open?.qualified ?? ""}> at byte ${start}`);
    }
    this.at = at + 1;
    this.name = name.local;
    return "close";
  }

  private readOpen(start: number): "open" {
    const bytes = this.bytes;
    if (this.stack.length === 0 && this.rootSeen) throw new XmlDamage(`a second root element at byte ${start}`);
    const element = this.readName(start + 1);
    let at = this.nameEnd;
    this.attributeCount = 0;
    for (;;) {
      const spaced = isSpace(bytes[at] ?? 0);
      while (isSpace(bytes[at] ?? 0)) at++;
      const byte = bytes[at];
      if (byte === undefined) throw new XmlDamage("part ends inside a tag");
      if (byte === GT) {
        at += 1;
        this.selfClosing = false;
        break;
      }
      if (byte === SLASH) {
        if (bytes[at + 1] !== GT) throw new XmlDamage(`bad empty tag at byte ${at}`);
        at += 2;
        this.selfClosing = true;
        break;
      }
      if (!spaced) throw new XmlDamage(`attributes not separated at byte ${at}`);
      const attribute = this.readName(at);
      at = this.nameEnd;
      while (isSpace(bytes[at] ?? 0)) at++;
      if (bytes[at] !== EQUALS) throw new XmlDamage(`attribute without value at byte ${at}`);
      at++;
      while (isSpace(bytes[at] ?? 0)) at++;
      const quote = bytes[at];
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new XmlDamage(`unquoted attribute at byte ${at}`);
      let close = at + 1;
      for (; close < bytes.length; close++) {
        const inside = bytes[close];
        if (inside === quote) break;
        if (inside === LT) throw new XmlDamage(`< inside an attribute at byte ${close}`);
      }
      if (close >= bytes.length) throw new XmlDamage("part ends inside an attribute");
      // A value's entities are checked when it is read; one never read cannot matter.
      this.attributeNames[this.attributeCount] = attribute.local;
      this.attributeStarts[this.attributeCount] = at + 1;
      this.attributeEnds[this.attributeCount] = close;
      this.attributeCount++;
      at = close + 1;
    }
    this.at = at;
    this.rootSeen = true;
    this.stack.push(element);
    this.pendingClose = this.selfClosing;
    this.name = element.local;
    return "open";
  }
}
