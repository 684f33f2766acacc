// The docx elements the documents use (docx-api.ts: paragraphs, runs with page-number fields,
// tables, footers, sections), written straight to WordprocessingML strings and zipped. The docx
// package built an object tree per element and turned it into XML through generic converters:
// 0.35 s of CPU for one unit's 40 feedback slips, 9 of every 10 seconds of a city's quarter end
// (bench/run.js). The XML here is what docx 9.7 wrote for the same options, element for element,
// without the parts the documents never use (numbering, notes, comments, styles never applied).

import type {
  DocumentOptions,
  DocxDocument,
  DocxFooter,
  DocxParagraph,
  DocxTable,
  DocxTableCell,
  DocxTableRow,
  DocxTextRun,
  FontAttributes,
  ParagraphOptions,
  RunOptions,
  SectionOptions,
  TableCellOptions,
  TableOptions,
  TableRowOptions,
} from "./docx-api.js";
import { zipParts } from "../workbook/zip-writer.js";

const W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;
/** Characters XML 1.0 cannot hold; text with one would make the file unreadable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(XML_INVALID, "").replace(/[&<>"]/g, (ch) => ESCAPED[ch] ?? ch);
}

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
 * of nesting). The public classes are these, under docx's names.
 */
abstract class Written {
  // Declared, not defined: a class field is defined on every instance before the constructor
  // runs, and that cost more than writing the XML (thousands of elements per unit).
  declare private readonly open: string;
  declare private readonly children: readonly Written[];
  declare private readonly close: string;

  constructor(open: string, children: readonly unknown[], close: string) {
    for (const child of children) if (!(child instanceof Written)) throw new TypeError("not an element made by docx-writer.ts");
    this.open = open;
    this.children = children as readonly Written[];
    this.close = close;
  }

  writeTo(out: string[]): void {
    out.push(this.open);
    for (const child of this.children) child.writeTo(out);
    if (this.close) out.push(this.close);
  }
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

const runProperties = memo(
  (options: RunOptions): string => {
    let properties = "";
    if (options.font) properties += fontsXml(options.font);
    if (options.bold === true) properties += "<w:b/><w:bCs/>";
    if (options.bold === false) properties += `<w:b w:val="false"/><w:bCs w:val="false"/>`;
    if (options.size !== undefined) properties += `<w:sz w:val="${options.size}"/><w:szCs w:val="${options.size}"/>`;
    if (options.language) properties += `<w:lang${attributes({ val: options.language.value, eastAsia: options.language.eastAsia })}/>`;
    return properties ? `<w:rPr>${properties}</w:rPr>` : "";
  },
  ({ font, bold, size, language }) =>
    `${font?.ascii}|${font?.hAnsi}|${font?.cs}|${font?.eastAsia}|${font?.hint}|${bold}|${size}|${language?.value}|${language?.eastAsia}`,
);

class TextRun extends Written {
  constructor(options: RunOptions) {
    let content = options.text === undefined ? "" : textXml(options.text);
    for (const child of options.children ?? []) {
      content +=
        child === "CURRENT" || child === "TOTAL_PAGES"
          ? `<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">${FIELD_INSTRUCTION[child]}</w:instrText>` +
            `<w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/>`
          : textXml(child);
    }
    super(`<w:r>${runProperties(options)}${content}</w:r>`, [], "");
  }
}

const paragraphProperties = memo(
  (options: ParagraphOptions): string => {
    let properties = "";
    if (options.keepNext === true) properties += "<w:keepNext/>";
    if (options.keepNext === false) properties += `<w:keepNext w:val="false"/>`;
    if (options.spacing) properties += `<w:spacing${attributes({ ...options.spacing })}/>`;
    if (options.indent) properties += `<w:ind${attributes({ ...options.indent })}/>`;
    if (options.alignment) properties += `<w:jc w:val="${options.alignment}"/>`;
    return properties ? `<w:pPr>${properties}</w:pPr>` : "";
  },
  ({ keepNext, spacing, indent, alignment }) =>
    `${keepNext}|${spacing?.before}|${spacing?.after}|${spacing?.line}|${spacing?.lineRule}|${indent?.firstLine}|${indent?.left}|${indent?.right}|${alignment}`,
);

function writeElement(element: unknown, out: string[]): void {
  if (!(element instanceof Written)) throw new TypeError("not an element made by docx-writer.ts");
  element.writeTo(out);
}

function xmlOf(element: unknown): string {
  const out: string[] = [];
  writeElement(element, out);
  return out.join("");
}

class Paragraph extends Written {
  constructor(options: ParagraphOptions) {
    super(`<w:p>${paragraphProperties(options)}`, options.children ?? [], "</w:p>");
  }
}

const cellProperties = memo(
  (options: Omit<TableCellOptions, "children">): string => {
    let properties = "";
    if (options.width) properties += `<w:tcW w:type="${options.width.type}" w:w="${options.width.size}"/>`;
    if (options.columnSpan) properties += `<w:gridSpan w:val="${options.columnSpan}"/>`;
    const margins = options.margins;
    if (margins) {
      const side = (name: string, value: number | undefined): string => (value === undefined ? "" : `<w:${name} w:type="dxa" w:w="${value}"/>`);
      properties += `<w:tcMar>${side("top", margins.top)}${side("left", margins.left)}${side("bottom", margins.bottom)}${side("right", margins.right)}</w:tcMar>`;
    }
    if (options.verticalAlign) properties += `<w:vAlign w:val="${options.verticalAlign}"/>`;
    return properties ? `<w:tcPr>${properties}</w:tcPr>` : "";
  },
  ({ width, columnSpan, margins, verticalAlign }) =>
    `${width?.type}|${width?.size}|${columnSpan}|${margins?.top}|${margins?.left}|${margins?.bottom}|${margins?.right}|${verticalAlign}`,
);

class TableCell extends Written {
  constructor(options: TableCellOptions) {
    // A cell must end with a paragraph (ECMA-376 Part 1, 17.4.66).
    const last = options.children[options.children.length - 1];
    super(`<w:tc>${cellProperties(options)}`, options.children, `${last instanceof Paragraph ? "" : "<w:p/>"}</w:tc>`);
  }
}

class TableRow extends Written {
  constructor(options: TableRowOptions) {
    let properties = "";
    if (options.cantSplit) properties += "<w:cantSplit/>";
    if (options.tableHeader) properties += "<w:tblHeader/>";
    super(`<w:tr>${properties ? `<w:trPr>${properties}</w:trPr>` : ""}`, options.children, "</w:tr>");
  }
}

const BORDER = `w:val="single" w:color="auto" w:sz="4"`;
const TABLE_BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("");

class Table extends Written {
  constructor(options: TableOptions) {
    const width = options.width ? `<w:tblW w:type="${options.width.type}" w:w="${options.width.size}"/>` : "";
    const grid = (options.columnWidths ?? []).map((w) => `<w:gridCol w:w="${w}"/>`).join("");
    super(`<w:tbl><w:tblPr>${width}<w:tblBorders>${TABLE_BORDERS}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>`, options.rows, "</w:tbl>");
  }
}

class Footer extends Written {
  constructor(options: { children: readonly DocxParagraph[] }) {
    super("", options.children, "");
  }
}

interface Part {
  name: string;
  contentType?: string;
  data: string;
}

class Document {
  constructor(readonly options: DocumentOptions) {}
}

const CONTENT_TYPE = {
  document: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  styles: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
  settings: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
  fontTable: "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
  footer: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

function sectionXml(section: SectionOptions, footerId: string | null): string {
  const { size, margin } = section.properties.page;
  return (
    `<w:sectPr>${footerId ? `<w:footerReference w:type="default" r:id="${footerId}"/>` : ""}` +
    `<w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" ` +
    `w:header="${margin.header}" w:footer="${margin.footer}" w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

function relationshipsXml(relationships: { id: string; type: string; target: string }[]): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    relationships.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

function documentParts(document: Document): Part[] {
  const { sections } = document.options;
  const footers: Part[] = [];
  const relationships = [
    { id: "rId1", type: `${RELATIONSHIP}/styles`, target: "styles.xml" },
    { id: "rId2", type: `${RELATIONSHIP}/settings`, target: "settings.xml" },
    { id: "rId3", type: `${RELATIONSHIP}/fontTable`, target: "fontTable.xml" },
  ];
  const body: string[] = [];
  sections.forEach((section, i) => {
    let footerId: string | null = null;
    if (section.footers) {
      footerId = `rId${relationships.length + 1}`;
      const name = `footer${footers.length + 1}.xml`;
      relationships.push({ id: footerId, type: `${RELATIONSHIP}/footer`, target: name });
      footers.push({ name: `word/${name}`, contentType: CONTENT_TYPE.footer, data: `${XML_DECLARATION}<w:ftr xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}">${xmlOf(section.footers.default)}</w:ftr>` });
    }
    for (const child of section.children) writeElement(child, body);
    // Every section but the last ends in a paragraph that carries its properties (17.6.17).
    body.push(i < sections.length - 1 ? `<w:p><w:pPr>${sectionXml(section, footerId)}</w:pPr></w:p>` : sectionXml(section, footerId));
  });
  const core =
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(document.options.title ?? "")}</dc:title>` +
    `<dc:creator>${escapeXml(document.options.creator ?? "")}</dc:creator></cp:coreProperties>`;
  return [
    { name: "word/document.xml", contentType: CONTENT_TYPE.document, data: `${XML_DECLARATION}<w:document xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}"><w:body>${body.join("")}</w:body></w:document>` },
    { name: "word/styles.xml", contentType: CONTENT_TYPE.styles, data: `${XML_DECLARATION}<w:styles xmlns:w="${W_NAMESPACE}"><w:docDefaults><w:rPrDefault/><w:pPrDefault/></w:docDefaults></w:styles>` },
    {
      name: "word/settings.xml",
      contentType: CONTENT_TYPE.settings,
      data:
        `${XML_DECLARATION}<w:settings xmlns:w="${W_NAMESPACE}"><w:displayBackgroundShape/><w:evenAndOddHeaders w:val="false"/>` +
        `<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>`,
    },
    { name: "word/fontTable.xml", contentType: CONTENT_TYPE.fontTable, data: `${XML_DECLARATION}<w:fonts xmlns:w="${W_NAMESPACE}"/>` },
    ...footers,
    { name: "word/_rels/document.xml.rels", data: relationshipsXml(relationships) },
    { name: "docProps/core.xml", contentType: CONTENT_TYPE.core, data: core },
    {
      name: "docProps/app.xml",
      contentType: CONTENT_TYPE.app,
      data: `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>`,
    },
    {
      name: "_rels/.rels",
      data: relationshipsXml([
        { id: "rId1", type: `${RELATIONSHIP}/officeDocument`, target: "word/document.xml" },
        { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
        { id: "rId3", type: `${RELATIONSHIP}/extended-properties`, target: "docProps/app.xml" },
      ]),
    },
  ];
}

function contentTypesXml(parts: readonly Part[]): string {
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    parts.flatMap((p) => (p.contentType ? [`<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`] : [])).join("") +
    `</Types>`
  );
}

const Packer = {
  /** The .docx bytes; `overrides` replace parts by name (docx-package.ts: core properties, fonts). */
  async toBuffer(document: DocxDocument, _prettify?: boolean, overrides: ReadonlyArray<{ path: string; data: string }> = []): Promise<Buffer> {
    if (!(document instanceof Document)) throw new TypeError("not a document made by docx-writer.ts");
    const parts = documentParts(document).map((part) => {
      const override = overrides.find((o) => o.path === part.name);
      return override ? { ...part, data: override.data } : part;
    });
    const files = [{ name: "[Content_Types].xml", data: contentTypesXml(parts) }, ...parts];
    return zipParts(files.map((file) => ({ name: file.name, data: Buffer.from(file.data, "utf8") })));
  },
};

/** The API of docx-api.ts, made by this file. */
export const docxWriter = {
  Document: Document as unknown as new (options: DocumentOptions) => DocxDocument,
  Paragraph: Paragraph as unknown as new (options: ParagraphOptions) => DocxParagraph,
  TextRun: TextRun as unknown as new (options: RunOptions) => DocxTextRun,
  Table: Table as unknown as new (options: TableOptions) => DocxTable,
  TableRow: TableRow as unknown as new (options: TableRowOptions) => DocxTableRow,
  TableCell: TableCell as unknown as new (options: TableCellOptions) => DocxTableCell,
  Footer: Footer as unknown as new (options: { children: readonly DocxParagraph[] }) => DocxFooter,
  Packer,
};
