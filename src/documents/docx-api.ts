// The part of the docx package's API that the documents use, typed by hand after docx 9.7's own
// option names. It is made by docx-writer.ts, which writes the same WordprocessingML straight
// from these options: the docx package's object model cost a city's quarter end most of its time
// (bench/run.js). Going back to the package is one line below (`import * as runtime from "docx"`).

import { docxWriter } from "./docx-writer.js";

declare const opaque: unique symbol;
/** Instances are handed back to docx, never inspected. */
interface Opaque<Name extends string> {
  readonly [opaque]: Name;
}
export type DocxParagraph = Opaque<"Paragraph">;
export type DocxTextRun = Opaque<"TextRun">;
export type DocxTable = Opaque<"Table">;
export type DocxTableRow = Opaque<"TableRow">;
export type DocxTableCell = Opaque<"TableCell">;
export type DocxFooter = Opaque<"Footer">;
export type DocxDocument = Opaque<"Document">;

export type Alignment = "left" | "center" | "right" | "both";
export type PageNumberField = "CURRENT" | "TOTAL_PAGES";

export interface FontAttributes {
  ascii?: string;
  hAnsi?: string;
  cs?: string;
  eastAsia?: string;
  hint?: string;
}

export interface RunOptions {
  text?: string;
  /** Text and page-number fields, in order. */
  children?: ReadonlyArray<string | PageNumberField>;
  font?: FontAttributes;
  /** Half-points: 32 is 16 pt (三号). */
  size?: number;
  bold?: boolean;
  language?: { value?: string; eastAsia?: string };
}

export interface ParagraphOptions {
  alignment?: Alignment;
  /** Twentieths of a point; `line` with lineRule "auto" is in 240ths of a line. */
  spacing?: { before?: number; after?: number; line?: number; lineRule?: "auto" | "exact" | "atLeast" };
  indent?: { firstLine?: number; left?: number; right?: number };
  keepNext?: boolean;
  children?: readonly DocxTextRun[];
}

export interface WidthOptions {
  size: number;
  type: "pct" | "dxa";
}

export interface TableCellOptions {
  children: readonly (DocxParagraph | DocxTable)[];
  width?: WidthOptions;
  columnSpan?: number;
  verticalAlign?: "top" | "center" | "bottom";
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
}

export interface TableRowOptions {
  children: readonly DocxTableCell[];
  tableHeader?: boolean;
  cantSplit?: boolean;
}

export interface TableOptions {
  rows: readonly DocxTableRow[];
  width?: WidthOptions;
  /** Twentieths of a point, one per grid column. */
  columnWidths?: readonly number[];
}

export interface SectionOptions {
  properties: {
    page: {
      size: { width: number; height: number };
      margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
    };
  };
  footers?: { default: DocxFooter };
  children: readonly (DocxParagraph | DocxTable)[];
}

export interface DocumentOptions {
  creator?: string;
  title?: string;
  sections: readonly SectionOptions[];
}

interface DocxApi {
  Document: new (options: DocumentOptions) => DocxDocument;
  Paragraph: new (options: ParagraphOptions) => DocxParagraph;
  TextRun: new (options: RunOptions) => DocxTextRun;
  Table: new (options: TableOptions) => DocxTable;
  TableRow: new (options: TableRowOptions) => DocxTableRow;
  TableCell: new (options: TableCellOptions) => DocxTableCell;
  Footer: new (options: { children: readonly DocxParagraph[] }) => DocxFooter;
  Packer: {
    toBuffer(
      document: DocxDocument,
      prettify?: boolean,
      overrides?: ReadonlyArray<{ path: string; data: string }>,
    ): Promise<Buffer>;
  };
}

const docx: DocxApi = docxWriter;

export const { Document, Paragraph, TextRun, Table, TableRow, TableCell, Footer, Packer } = docx;
