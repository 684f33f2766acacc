// The docx elements the documents use (paragraphs, runs with page-number fields, tables, footers,
// sections), written straight to WordprocessingML strings and zipped. The docx package built an
// object tree per element and turned it into XML through generic converters: 0.35 s of CPU for
// one unit's 40 feedback slips, 9 of every 10 seconds of a city's quarter end (bench/run.js). The
// XML here is what docx 9.7 wrote for the same options, element for element, without the parts
// the documents never use (numbering, notes, comments, styles never applied). The classes and
// options keep docx's names. A document may name its paragraph and character styles (styles.xml,
// ECMA-376 Part 1, 17.7): a paragraph or run then carries only what differs from its style, which
// is what a clerk editing the file in Word or WPS finds in the style list, and a slip's runs shrink
// from a few hundred bytes of repeated properties to their text.

import type { ChartSpec } from "./chart-xml.js";
import { CHART_CONTENT_TYPE, CHART_NAMESPACE, chartXml } from "./chart-xml.js";
import { XML_DECLARATION, escapeXml } from "./xml-text.js";
import type { PackagePart, XmlPiece } from "./zip-writer.js";
import { officePackage, RELATIONSHIPS_NAMESPACE as R_NAMESPACE, relationshipsXml } from "./zip-writer.js";

export type Alignment = "left" | "center" | "right" | "both";
export type PageNumberField = "CURRENT" | "TOTAL_PAGES";

export interface FontAttributes {
  ascii?: string;
  hAnsi?: string;
  cs?: string;
  eastAsia?: string;
  hint?: string;
}

/** How text looks: what a run, a character style, a paragraph style or the document's defaults set. */
export interface RunProperties {
  font?: FontAttributes;
  /** Half-points: 32 is 16 pt (三号). */
  size?: number;
  bold?: boolean;
  language?: { value?: string; eastAsia?: string };
}

export interface RunOptions extends RunProperties {
  text?: string;
  /** Text and page-number fields, in order. */
  children?: ReadonlyArray<string | PageNumberField>;
  /** The id of a character style (`<w:rStyle>`); the properties given here are set over it. */
  style?: string;
}

/** How a paragraph is laid out: what a paragraph, a paragraph style or the document's defaults set. */
export interface ParagraphProperties {
  alignment?: Alignment;
  /** Twentieths of a point; `line` with lineRule "auto" is in 240ths of a line. */
  spacing?: { before?: number; after?: number; line?: number; lineRule?: "auto" | "exact" | "atLeast" };
  indent?: { firstLine?: number; left?: number; right?: number };
  keepNext?: boolean;
}

export interface ParagraphOptions extends ParagraphProperties {
  /** The id of a paragraph style (`<w:pStyle>`); the properties given here are set over it. */
  style?: string;
  children?: readonly (TextRun | ChartRun)[];
}

/**
 * A named style of styles.xml (ECMA-376 Part 1, 17.7.4.17): `id` is what paragraphs, runs and
 * tables name (ASCII), `name` what Word and WPS show in their style lists. A paragraph style sets
 * the layout of its paragraphs and the look of their text; a character style the look of runs; a
 * table style the look of a table (`TableStyleProperties`).
 */
export type StyleDefinition =
  | { type: "paragraph"; id: string; name: string; basedOn?: string; paragraph?: ParagraphProperties; run?: RunProperties }
  | { type: "character"; id: string; name: string; basedOn?: string; run: RunProperties }
  | ({ type: "table"; id: string; name: string; basedOn?: string } & TableStyleProperties);

/**
 * What a table style gives every table that names it (`TableOptions.style`): the borders (single,
 * ½ pt, inside too, as every table here has them), the cells' margins and their vertical
 * alignment. Row properties stay on the rows: LibreOffice does not take `cantSplit` from a
 * table style.
 */
export interface TableStyleProperties {
  cellMargins?: CellMargins;
  verticalAlign?: "top" | "center" | "bottom";
}

/** The styles of a document: the defaults under every style (`<w:docDefaults>`) and the named styles. */
export interface DocumentStyles {
  defaults?: { run?: RunProperties; paragraph?: ParagraphProperties };
  styles?: readonly StyleDefinition[];
}

export interface WidthOptions {
  size: number;
  type: "pct" | "dxa";
}

/** Twentieths of a point. */
export interface CellMargins {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
}

export interface TableCellOptions {
  children: readonly (Paragraph | Table)[];
  width?: WidthOptions;
  columnSpan?: number;
  verticalAlign?: "top" | "center" | "bottom";
  /** This cell's margins, over the table's `cellMargins`. */
  margins?: CellMargins;
}

export interface TableRowOptions {
  children: readonly TableCell[];
  tableHeader?: boolean;
  cantSplit?: boolean;
}

export interface TableOptions {
  rows: readonly TableRow[];
  /**
   * A table style of the document (`StyleDefinition` of type "table"): the table's borders come
   * from it, not written again in the table (nor should its cells say what it says).
   */
  style?: string;
  width?: WidthOptions;
  /** Twentieths of a point, one per grid column. */
  columnWidths?: readonly number[];
  /** The margins of every cell that gives none of its own (`<w:tblCellMar>`, 17.4.42): said once, not per cell. */
  cellMargins?: CellMargins;
}

export interface FooterOptions {
  children: readonly Paragraph[];
}

/** A page header: the same options as a footer (e.g. `内部资料 注意保密`, or `草稿`); sections given the same Header share one part. */
export type HeaderOptions = FooterOptions;

/** A native chart shown inline in a paragraph at the size given, in pixels at 96 dpi. */
export interface ChartRunOptions {
  chart: ChartSpec;
  widthPx: number;
  heightPx: number;
}

export interface SectionOptions {
  properties: {
    page: {
      size: { width: number; height: number };
      margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
    };
  };
  headers?: { default: Header };
  footers?: { default: Footer };
  children: readonly (Paragraph | Table | BodyXml)[];
}

export interface DocumentOptions {
  sections: readonly SectionOptions[];
}

/** A font of the font table (word/fontTable.xml, ECMA-376 Part 1, 17.8.3.10). */
export interface FontDeclaration {
  name: string;
  /** The font Word takes when `name` is not installed. */
  altName?: string;
  /** The character set, in hex: "86" is GB2312. */
  charset?: string;
}

/** What a .docx says about itself besides its body. */
export interface DocxProperties {
  /** docProps/core.xml's title. */
  title: string;
  fonts: readonly FontDeclaration[];
  /** The document's defaults and named styles (word/styles.xml); none when absent. */
  styles?: DocumentStyles;
}

const W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** `w:a="1" w:b="2"` from the defined values, in the order given. */
function attributes(values: Record<string, string | number | undefined>): string {
  let text = "";
  for (const name in values) {
    const value = values[name];
    if (value !== undefined) text += ` w:${name}="${escapeXml(String(value))}"`;
  }
  return text;
}

/**
 * An element: its opening XML, its children and its closing XML, written out once, when the
 * document is packed, into one list of fragments joined once (no text is copied once per level
 * of nesting). The exported classes are these, under docx's names; each declares a private
 * `element`, which makes it its own type to the compiler (a TextRun cannot stand for a Paragraph).
 */
abstract class Written {
  // Declared, not defined: a class field is defined on every instance before the constructor
  // runs, and that cost more than writing the XML (thousands of elements per unit).
  declare private readonly open: string;
  declare private readonly children: readonly Written[];
  declare private readonly close: string;

  constructor(open: string, children: readonly Written[], close: string) {
    for (const child of children) if (!(child instanceof Written)) throw new TypeError("not an element made by docx-writer.ts");
    this.open = open;
    this.children = children;
    this.close = close;
  }

  writeTo(out: XmlPiece[], media: MediaSink | null): void {
    out.push(this.open);
    for (const child of this.children) child.writeTo(out, media);
    if (this.close) out.push(this.close);
  }
}

/**
 * Where the charts of a part go as it is written: each becomes a chart part and a relationship of
 * the part that shows it; `add` answers the relationship's id. Headers and footers take none.
 */
interface MediaSink {
  add(chart: ChartSpec): { relationshipId: string; drawingId: number };
}

function fontsXml(font: FontAttributes): string {
  return `<w:rFonts${attributes({ ascii: font.ascii, cs: font.cs, eastAsia: font.eastAsia, hAnsi: font.hAnsi, hint: font.hint })}/>`;
}

const FIELD_INSTRUCTION = { CURRENT: "PAGE", TOTAL_PAGES: "NUMPAGES" } as const;

function textXml(text: string): string {
  return `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
}

/**
 * Element properties written once per look: a unit's slips repeat a dozen looks thousands of
 * times. The memo stops growing at a size no document of ours reaches.
 */
function memo<T>(make: (options: T) => string, key: (options: T) => string): (options: T) => string {
  const known = new Map<string, string>();
  return (options) => {
    const k = key(options);
    let xml = known.get(k);
    if (xml === undefined) {
      xml = make(options);
      if (known.size < 1000) known.set(k, xml);
    }
    return xml;
  };
}

/** The children of `<w:rPr>`, in the schema's order (17.3.2.28), for a run, a style or the defaults. */
function runPropertiesXml(options: RunProperties & { style?: string }): string {
  let properties = "";
  if (options.style !== undefined) properties += `<w:rStyle w:val="${escapeXml(options.style)}"/>`;
  if (options.font) properties += fontsXml(options.font);
  if (options.bold === true) properties += "<w:b/><w:bCs/>";
  if (options.bold === false) properties += `<w:b w:val="false"/><w:bCs w:val="false"/>`;
  if (options.size !== undefined) properties += `<w:sz w:val="${options.size}"/><w:szCs w:val="${options.size}"/>`;
  if (options.language) properties += `<w:lang${attributes({ val: options.language.value, eastAsia: options.language.eastAsia })}/>`;
  return properties;
}

/** `<w:rPr><w:rStyle w:val="…"/></w:rPr>` or `<w:pPr><w:pStyle …/></w:pPr>`, written once per style. */
const styleOnlyXml = new Map<string, string>();
function styleOnly(style: string, properties: "rPr" | "pPr", element: "rStyle" | "pStyle"): string {
  const key = `${element}|${style}`;
  let xml = styleOnlyXml.get(key);
  if (xml === undefined) {
    xml = `<w:${properties}><w:${element} w:val="${escapeXml(style)}"/></w:${properties}>`;
    if (styleOnlyXml.size < 1000) styleOnlyXml.set(key, xml);
  }
  return xml;
}

const runProperties = memo(
  (options: RunOptions): string => {
    const properties = runPropertiesXml(options);
    return properties ? `<w:rPr>${properties}</w:rPr>` : "";
  },
  ({ style, font, bold, size, language }) =>
    `${style}|${font?.ascii}|${font?.hAnsi}|${font?.cs}|${font?.eastAsia}|${font?.hint}|${bold}|${size}|${language?.value}|${language?.eastAsia}`,
);

export class TextRun extends Written {
  declare private readonly element: "TextRun";

  constructor(options: RunOptions) {
    let content = options.text === undefined ? "" : textXml(options.text);
    for (const child of options.children ?? []) {
      content +=
        child === "CURRENT" || child === "TOTAL_PAGES"
          ? `<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">${FIELD_INSTRUCTION[child]}</w:instrText>` +
            `<w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/>`
          : textXml(child);
    }
    // A run on a style alone (most runs of a styled document) skips building the memo's key.
    const properties =
      options.font === undefined && options.size === undefined && options.bold === undefined && options.language === undefined
        ? options.style === undefined
          ? ""
          : styleOnly(options.style, "rPr", "rStyle")
        : runProperties(options);
    super(`<w:r>${properties}${content}</w:r>`, [], "");
  }
}

const EMU_PER_PIXEL = 9525;
const WP_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** An inline chart (ECMA-376 Part 1, 20.4.2.8 and 21.2): its data become word/charts/chartN.xml. */
export class ChartRun extends Written {
  declare private readonly element: "ChartRun";
  declare private readonly options: ChartRunOptions;

  constructor(options: ChartRunOptions) {
    super("", [], "");
    this.options = options;
  }

  override writeTo(out: XmlPiece[], media: MediaSink | null): void {
    if (media === null) throw new Error("a chart can stand only in the body of a document");
    const { chart, widthPx, heightPx } = this.options;
    const { relationshipId, drawingId } = media.add(chart);
    const cx = Math.round(widthPx * EMU_PER_PIXEL);
    const cy = Math.round(heightPx * EMU_PER_PIXEL);
    out.push(
      `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
        `<wp:docPr id="${drawingId}" name="图表${drawingId}" descr="${escapeXml(chart.title)}"/><wp:cNvGraphicFramePr/>` +
        `<a:graphic xmlns:a="${A_NAMESPACE}"><a:graphicData uri="${CHART_NAMESPACE}">` +
        `<c:chart xmlns:c="${CHART_NAMESPACE}" r:id="${relationshipId}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
    );
  }
}

/** The children of `<w:pPr>`, in the schema's order (17.3.1.26), for a paragraph, a style or the defaults. */
function paragraphPropertiesXml(options: ParagraphProperties & { style?: string }): string {
  let properties = "";
  if (options.style !== undefined) properties += `<w:pStyle w:val="${escapeXml(options.style)}"/>`;
  if (options.keepNext === true) properties += "<w:keepNext/>";
  if (options.keepNext === false) properties += `<w:keepNext w:val="false"/>`;
  if (options.spacing) properties += `<w:spacing${attributes({ ...options.spacing })}/>`;
  if (options.indent) properties += `<w:ind${attributes({ ...options.indent })}/>`;
  if (options.alignment) properties += `<w:jc w:val="${options.alignment}"/>`;
  return properties;
}

const paragraphProperties = memo(
  (options: ParagraphOptions): string => {
    const properties = paragraphPropertiesXml(options);
    return properties ? `<w:pPr>${properties}</w:pPr>` : "";
  },
  ({ style, keepNext, spacing, indent, alignment }) =>
    `${style}|${keepNext}|${spacing?.before}|${spacing?.after}|${spacing?.line}|${spacing?.lineRule}|${indent?.firstLine}|${indent?.left}|${indent?.right}|${alignment}`,
);

function writeElement(element: Written, out: XmlPiece[], media: MediaSink | null): void {
  if (!(element instanceof Written)) throw new TypeError("not an element made by docx-writer.ts");
  element.writeTo(out, media);
}

function xmlOf(element: Written): string {
  const out: XmlPiece[] = [];
  writeElement(element, out, null);
  return out.map((piece) => (typeof piece === "string" ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString("utf8"))).join("");
}

export class Paragraph extends Written {
  declare private readonly element: "Paragraph";

  constructor(options: ParagraphOptions) {
    const properties =
      options.keepNext === undefined && options.spacing === undefined && options.indent === undefined && options.alignment === undefined
        ? options.style === undefined
          ? ""
          : styleOnly(options.style, "pPr", "pStyle")
        : paragraphProperties(options);
    super(`<w:p>${properties}`, options.children ?? [], "</w:p>");
  }
}

/** The sides of `<w:tcMar>` or `<w:tblCellMar>`, in the schema's order. */
function marginsXml(margins: CellMargins): string {
  const side = (name: string, value: number | undefined): string => (value === undefined ? "" : `<w:${name} w:type="dxa" w:w="${value}"/>`);
  return `${side("top", margins.top)}${side("left", margins.left)}${side("bottom", margins.bottom)}${side("right", margins.right)}`;
}

const cellProperties = memo(
  (options: Omit<TableCellOptions, "children">): string => {
    let properties = "";
    if (options.width) properties += `<w:tcW w:type="${options.width.type}" w:w="${options.width.size}"/>`;
    if (options.columnSpan) properties += `<w:gridSpan w:val="${options.columnSpan}"/>`;
    if (options.margins) properties += `<w:tcMar>${marginsXml(options.margins)}</w:tcMar>`;
    if (options.verticalAlign) properties += `<w:vAlign w:val="${options.verticalAlign}"/>`;
    return properties ? `<w:tcPr>${properties}</w:tcPr>` : "";
  },
  ({ width, columnSpan, margins, verticalAlign }) =>
    `${width?.type}|${width?.size}|${columnSpan}|${margins?.top}|${margins?.left}|${margins?.bottom}|${margins?.right}|${verticalAlign}`,
);

export class TableCell extends Written {
  declare private readonly element: "TableCell";

  constructor(options: TableCellOptions) {
    // A cell must end with a paragraph (ECMA-376 Part 1, 17.4.66).
    const last = options.children[options.children.length - 1];
    super(`<w:tc>${cellProperties(options)}`, options.children, `${last instanceof Paragraph ? "" : "<w:p/>"}</w:tc>`);
  }
}

export class TableRow extends Written {
  declare private readonly element: "TableRow";

  constructor(options: TableRowOptions) {
    let properties = "";
    if (options.cantSplit) properties += "<w:cantSplit/>";
    if (options.tableHeader) properties += "<w:tblHeader/>";
    super(`<w:tr>${properties ? `<w:trPr>${properties}</w:trPr>` : ""}`, options.children, "</w:tr>");
  }
}

const BORDER = `w:val="single" w:color="auto" w:sz="4"`;
const TABLE_BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("");

export class Table extends Written {
  declare private readonly element: "Table";

  constructor(options: TableOptions) {
    const style = options.style === undefined ? "" : `<w:tblStyle w:val="${escapeXml(options.style)}"/>`;
    const width = options.width ? `<w:tblW w:type="${options.width.type}" w:w="${options.width.size}"/>` : "";
    const borders = options.style === undefined ? `<w:tblBorders>${TABLE_BORDERS}</w:tblBorders>` : "";
    const grid = (options.columnWidths ?? []).map((w) => `<w:gridCol w:w="${w}"/>`).join("");
    const margins = options.cellMargins ? `<w:tblCellMar>${marginsXml(options.cellMargins)}</w:tblCellMar>` : "";
    super(`<w:tbl><w:tblPr>${style}${width}${borders}${margins}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>`, options.rows, "</w:tbl>");
  }
}

/**
 * Body content its caller wrote as WordprocessingML, put into the document as it is: for content
 * repeated so often (a page per person) that building an element per cell costs more than the
 * rest of the document. The caller escapes its text (escapeXml) and answers for the XML; given
 * in pieces, its markup may come encoded already (zip-writer.ts `XmlPiece`).
 */
export class BodyXml extends Written {
  declare private readonly element: "BodyXml";
  declare private readonly pieces: readonly XmlPiece[];

  constructor(xml: string | readonly XmlPiece[]) {
    super("", [], "");
    this.pieces = typeof xml === "string" ? [xml] : xml;
  }

  override writeTo(out: XmlPiece[], _media: MediaSink | null): void {
    for (const piece of this.pieces) out.push(piece);
  }
}

export class Footer extends Written {
  declare private readonly element: "Footer";

  constructor(options: FooterOptions) {
    super("", options.children, "");
  }
}

export class Header extends Written {
  declare private readonly element: "Header";

  constructor(options: HeaderOptions) {
    super("", options.children, "");
  }
}

export class Document {
  constructor(readonly options: DocumentOptions) {}
}

const CONTENT_TYPE = {
  document: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
  settings: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
  fontTable: "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
  footer: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
  header: "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
};

function sectionXml(section: SectionOptions, headerId: string | null, footerId: string | null): string {
  const { size, margin } = section.properties.page;
  return (
    `<w:sectPr>${headerId ? `<w:headerReference w:type="default" r:id="${headerId}"/>` : ""}` +
    `${footerId ? `<w:footerReference w:type="default" r:id="${footerId}"/>` : ""}` +
    `<w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" ` +
    `w:header="${margin.header}" w:footer="${margin.footer}" w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

function fontTableXml(fonts: readonly FontDeclaration[]): string {
  const entries = fonts.map(
    (font) =>
      `<w:font w:name="${escapeXml(font.name)}">` +
      (font.altName === undefined ? "" : `<w:altName w:val="${escapeXml(font.altName)}"/>`) +
      (font.charset === undefined ? "" : `<w:charset w:val="${escapeXml(font.charset)}"/>`) +
      `<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  );
  return `${XML_DECLARATION}<w:fonts xmlns:w="${W_NAMESPACE}">${entries.join("")}</w:fonts>`;
}

/** `<w:rPr>` or `<w:pPr>` around `inner`, or nothing when there is nothing in it. */
function wrapped(tag: string, inner: string): string {
  return inner ? `<w:${tag}>${inner}</w:${tag}>` : "";
}

/** A table style's properties, in the schema's order: the table's (`tblPr`), then its cells' (`tcPr`). */
function tableStyleXml(style: TableStyleProperties): string {
  const margins = style.cellMargins ? `<w:tblCellMar>${marginsXml(style.cellMargins)}</w:tblCellMar>` : "";
  const cell = style.verticalAlign ? `<w:tcPr><w:vAlign w:val="${style.verticalAlign}"/></w:tcPr>` : "";
  return `<w:tblPr><w:tblBorders>${TABLE_BORDERS}</w:tblBorders>${margins}</w:tblPr>${cell}`;
}

/**
 * word/styles.xml: the defaults, then each named style, marked custom (it is none of Word's
 * built-in styles) and shown in the style gallery (`qFormat`). Word needs a default paragraph
 * style no more than the documents it reads from other writers do: a paragraph without a style
 * takes the defaults.
 */
export function stylesXml(styles: DocumentStyles = {}): string {
  const defaults = styles.defaults ?? {};
  const runDefault = wrapped("rPr", runPropertiesXml(defaults.run ?? {}));
  const paragraphDefault = wrapped("pPr", paragraphPropertiesXml(defaults.paragraph ?? {}));
  const ids = new Set<string>();
  const named = (styles.styles ?? []).map((style) => {
    // An id that is not plain ASCII (Word and WPS match ids, and show the name), a second style of
    // one id, or a style based on one not defined before it, is a bug of the document's
    // description: Word would take each silently.
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(style.id)) throw new Error(`style id ${style.id} is not ASCII letters and digits`);
    if (ids.has(style.id)) throw new Error(`style ${style.id} is defined twice`);
    if (style.basedOn !== undefined && !ids.has(style.basedOn)) throw new Error(`style ${style.id} is based on ${style.basedOn}, not defined before it`);
    ids.add(style.id);
    const start =
      `<w:style w:type="${style.type}" w:customStyle="1" w:styleId="${escapeXml(style.id)}"><w:name w:val="${escapeXml(style.name)}"/>` +
      (style.basedOn === undefined ? "" : `<w:basedOn w:val="${escapeXml(style.basedOn)}"/>`) +
      "<w:qFormat/>";
    if (style.type === "table") return `${start}${tableStyleXml(style)}</w:style>`;
    const paragraph = style.type === "paragraph" ? wrapped("pPr", paragraphPropertiesXml(style.paragraph ?? {})) : "";
    return `${start}${paragraph}${wrapped("rPr", runPropertiesXml(style.run ?? {}))}</w:style>`;
  });
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${W_NAMESPACE}"><w:docDefaults><w:rPrDefault${runDefault ? `>${runDefault}</w:rPrDefault>` : "/>"}` +
    `<w:pPrDefault${paragraphDefault ? `>${paragraphDefault}</w:pPrDefault>` : "/>"}</w:docDefaults>${named.join("")}</w:styles>`
  );
}

/**
 * styles.xml by the styles it is written from: a writer gives the same styles object to each of
 * its documents (docx-package.ts), and a unit's documents would each write the same XML again.
 */
const writtenStyles = new WeakMap<DocumentStyles, string>();
function stylesPart(styles: DocumentStyles | undefined): string {
  if (styles === undefined) return stylesXml();
  let xml = writtenStyles.get(styles);
  if (xml === undefined) writtenStyles.set(styles, (xml = stylesXml(styles)));
  return xml;
}

/** The .docx bytes of `document`: the same document and properties always give the same bytes. */
export function writeDocx(document: Document, properties: DocxProperties): Buffer {
  const { sections } = document.options;
  const extraParts: PackagePart[] = [];
  const relationships = [
    { type: `${R_NAMESPACE}/styles`, target: "styles.xml" },
    { type: `${R_NAMESPACE}/settings`, target: "settings.xml" },
    { type: `${R_NAMESPACE}/fontTable`, target: "fontTable.xml" },
  ];
  // relationshipsXml numbers the relationships rId1, rId2, ... in order.
  const relate = (type: string, target: string): string => {
    relationships.push({ type: `${R_NAMESPACE}/${type}`, target });
    return `rId${relationships.length}`;
  };
  let charts = 0;
  const media: MediaSink = {
    add(chart) {
      charts += 1;
      const name = `charts/chart${charts}.xml`;
      extraParts.push({ name: `word/${name}`, contentType: CHART_CONTENT_TYPE, data: chartXml(chart, "docx") });
      return { relationshipId: relate("chart", name), drawingId: charts };
    },
  };
  let headers = 0;
  let footers = 0;
  // Sections given the same Header or Footer (a slip per person, each its own section) share one part.
  const partIds = new Map<Header | Footer, string>();
  const pagePart = (kind: "header" | "footer", element: Header | Footer): string => {
    const known = partIds.get(element);
    if (known !== undefined) return known;
    const count = kind === "header" ? ++headers : ++footers;
    const name = `${kind}${count}.xml`;
    const root = kind === "header" ? "w:hdr" : "w:ftr";
    extraParts.push({ name: `word/${name}`, contentType: CONTENT_TYPE[kind], data: `${XML_DECLARATION}<${root} xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}">${xmlOf(element)}</${root}>` });
    const id = relate(kind, name);
    partIds.set(element, id);
    return id;
  };
  const body: XmlPiece[] = [];
  sections.forEach((section, i) => {
    const headerId = section.headers ? pagePart("header", section.headers.default) : null;
    const footerId = section.footers ? pagePart("footer", section.footers.default) : null;
    for (const child of section.children) writeElement(child, body, media);
    // Every section but the last ends in a paragraph that carries its properties (17.6.17).
    const properties = sectionXml(section, headerId, footerId);
    body.push(i < sections.length - 1 ? `<w:p><w:pPr>${properties}</w:pPr></w:p>` : properties);
  });
  // A document without charts names no drawing namespace, so its bytes stay as they were.
  const drawingNamespace = charts > 0 ? ` xmlns:wp="${WP_NAMESPACE}"` : "";
  return officePackage(
    [
      // The body in its pieces, encoded one after the other: a unit's slips are megabytes of XML.
      {
        name: "word/document.xml",
        contentType: CONTENT_TYPE.document,
        data: [`${XML_DECLARATION}<w:document xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}"${drawingNamespace}><w:body>`, ...body, "</w:body></w:document>"],
      },
      { name: "word/styles.xml", contentType: CONTENT_TYPE.styles, data: stylesPart(properties.styles) },
      {
        name: "word/settings.xml",
        contentType: CONTENT_TYPE.settings,
        data:
          `${XML_DECLARATION}<w:settings xmlns:w="${W_NAMESPACE}"><w:displayBackgroundShape/><w:evenAndOddHeaders w:val="false"/>` +
          `<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>`,
      },
      { name: "word/fontTable.xml", contentType: CONTENT_TYPE.fontTable, data: fontTableXml(properties.fonts) },
      ...extraParts,
      { name: "word/_rels/document.xml.rels", data: relationshipsXml(relationships) },
    ],
    properties.title,
  );
}
