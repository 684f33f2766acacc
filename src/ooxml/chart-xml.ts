// Native charts (DrawingML charts, ECMA-376 Part 1, 21.2) for the .docx and .xlsx writers: a
// chart part holding its data as cached values, which Word, WPS, Excel and LibreOffice draw
// themselves, in the fonts the document names. Pictures of charts were tried first: rendering
// Chinese text to PNG took about 5 ms per character (half a second a chart), too slow for a
// county's 400 portraits, and the text then came in whatever font the renderer found.

import { XML_DECLARATION, escapeXml } from "./xml-text.js";
import { RELATIONSHIPS_NAMESPACE } from "./zip-writer.js";

export type ChartKind = "bar" | "stacked-bar" | "line" | "radar";

export interface ChartSeries {
  name: string;
  /** `RRGGBB`. */
  color: string;
  /** One per category; null is a gap (drawn as none, not as zero). */
  values: readonly (number | null)[];
  /**
   * How a series of a line or radar chart is drawn: a line with markers (the default); markers
   * alone (`markers`: points coloured by their grade are one such series per grade, with null
   * where another grade stands, which every application draws alike); or a dashed line without
   * markers (`reference`: a band's lower bound).
   */
  style?: "line" | "markers" | "reference";
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** The labels along the category axis (or around a radar). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** The value axis's bounds; by default the application chooses. */
  min?: number;
  max?: number;
  /** The value axis's number format, e.g. `0%` for shares; `General` by default. */
  numberFormat?: string;
  /** The East Asian and Latin font of every text of the chart. */
  font: { eastAsia: string; latin: string };
}

export const CHART_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CHART_RELATIONSHIP = `${RELATIONSHIPS_NAMESPACE}/chart`;
const A_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** Colours that stay apart in print and in grey: blue, orange, green, red, purple, brown, grey. */
export const CHART_PALETTE = ["2F5597", "ED7D31", "548235", "C00000", "7030A0", "843C0C", "7F7F7F"] as const;

function runProperties(font: ChartSpec["font"], size: number, bold: boolean): string {
  return `sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${escapeXml(font.latin)}"/><a:ea typeface="${escapeXml(font.eastAsia)}"/>`;
}

function textProperties(font: ChartSpec["font"], size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProperties(font, size, false)}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

/**
 * The data of a series as Word and Excel write it: a reference to a cell range and its cached
 * values. Nothing resolves the reference (the chart carries no workbook); the applications draw
 * the cache, and the range keeps the part in the shape they expect.
 */
function stringData(cells: string, texts: readonly string[]): string {
  const points = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${cells}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberData(cells: string, values: readonly (number | null)[]): string {
  const points = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`])).join("");
  return `<c:numRef><c:f>${cells}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/** A1-style column letters of a zero-based index (0 → A). */
function column(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function marker(symbol: "circle" | "none", color?: string): string {
  if (symbol === "none") return `<c:marker><c:symbol val="none"/></c:marker>`;
  return `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${solid(color ?? "000000")}<a:ln w="9525">${solid("FFFFFF")}</a:ln></c:spPr></c:marker>`;
}

/** Literal data (a chart in a workbook: a reference there must name a real sheet, so none is made). */
function stringLiteral(texts: readonly string[]): string {
  return `<c:strLit><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("")}</c:strLit>`;
}

function numberLiteral(values: readonly (number | null)[]): string {
  const points = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`])).join("");
  return `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numLit>`;
}

/** Where a chart's data live: in a .docx, in the chart's own (absent) sheet 数据; in an .xlsx, in the chart. */
export type ChartData = "docx" | "xlsx";

function seriesXml(spec: ChartSpec, series: ChartSeries, index: number, data: ChartData): string {
  // In a .docx, the data as Word writes them, as if in a sheet "数据": categories in column A,
  // series from column B on.
  const n = spec.categories.length;
  const col = column(index + 1);
  const name = data === "docx" ? stringData(`数据!$${col}$1`, [series.name]) : `<c:v>${escapeXml(series.name)}</c:v>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${name}</c:tx>`;
  const categories = `<c:cat>${data === "docx" ? stringData(`数据!$A$2:$A$${n + 1}`, spec.categories) : stringLiteral(spec.categories)}</c:cat>`;
  const values = `<c:val>${data === "docx" ? numberData(`数据!$${col}$2:$${col}$${n + 1}`, series.values) : numberLiteral(series.values)}</c:val>`;
  if (spec.kind === "bar" || spec.kind === "stacked-bar") {
    return `<c:ser>${head}<c:spPr>${solid(series.color)}</c:spPr><c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
  }
  const style = series.style ?? "line";
  const line =
    style === "reference"
      ? `<c:spPr><a:ln w="12700">${solid(series.color)}<a:prstDash val="dash"/></a:ln></c:spPr>${marker("none")}`
      : style === "markers"
        ? `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${marker("circle", series.color)}`
        : `<c:spPr><a:ln w="22225">${solid(series.color)}</a:ln></c:spPr>${marker("circle", series.color)}`;
  const smooth = spec.kind === "line" ? `<c:smooth val="0"/>` : "";
  return `<c:ser>${head}${line}${categories}${values}${smooth}</c:ser>`;
}

function axesXml(spec: ChartSpec): string {
  const bounds = (spec.max === undefined ? "" : `<c:max val="${spec.max}"/>`) + (spec.min === undefined ? "" : `<c:min val="${spec.min}"/>`);
  const format = escapeXml(spec.numberFormat ?? "General");
  const text = textProperties(spec.font, 900);
  return (
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${text}<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350">${solid("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${text}<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(spec: ChartSpec, data: ChartData): string {
  const series = spec.series.map((s, i) => seriesXml(spec, s, i, data)).join("");
  const axes = `<c:axId val="1"/><c:axId val="2"/>`;
  switch (spec.kind) {
    case "bar":
    case "stacked-bar": {
      const stacked = spec.kind === "stacked-bar";
      return (
        `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="80"/>${stacked ? `<c:overlap val="100"/>` : ""}${axes}</c:barChart>`
      );
    }
    case "line":
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
    case "radar":
      return `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${series}${axes}</c:radarChart>`;
  }
}

/** The chart part's XML: the same spec always gives the same text. */
export function chartXml(spec: ChartSpec, data: ChartData): string {
  for (const s of spec.series) {
    if (s.values.length !== spec.categories.length) throw new Error(`series ${s.name} has ${s.values.length} values for ${spec.categories.length} categories`);
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProperties(spec.font, 1200, true)}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" ${runProperties(spec.font, 1200, true)}</a:rPr><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${CHART_NAMESPACE}" xmlns:a="${A_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plotXml(spec, data)}${axesXml(spec)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(spec.font, 900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFF")}<a:ln>${solid("BFBFBF")}</a:ln></c:spPr>${textProperties(spec.font, 1000)}</c:chartSpace>`
  );
}
