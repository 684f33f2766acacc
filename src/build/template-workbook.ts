// The input workbook that a unit fills in (workbook.md, template v1), written from the sheet
// definitions in domain/sheets.ts so that the reader and the template cannot drift. Made for
// clerks who fill it in Excel or WPS: dropdowns for closed sets, score limits, text format on
// identity numbers, a locked and frozen header row, A4 printing.
//
// Decisions where the spec is silent:
// - One workbook holds one unit, named in 参数; no 单位 sheet is written (workbook.md requires
//   it only when a workbook holds more than one unit, and `assess template` writes one per unit).
// - Each data validation covers one column range (`F2:F500`), never cell by cell: exceljs would
//   otherwise write one rule per cell, and overlapping rules are dropped by LibreOffice and WPS.
// - 共性 indicator cells offer the grade words in a dropdown but accept a number after a
//   warning, since workbook.md allows either there; the reader checks the range.
// - 月份 offers the quarter's three months (`7月`, `8月`, `9月`) and stops anything else; a blank
//   template, whose quarter is not known, offers the twelve months after a warning.
// - 个人小结 is pre-filled with one row per person of the roster, 月份 and 小结 blank: such a row
//   is not read until 小结 is written (personal-summaries.ts); a month's summary is a row added
//   with its 月份.

import type ExcelJS from "exceljs";
import type { Exact } from "../domain/exact.js";
import { toText } from "../domain/exact.js";
import {
  CATEGORY_LABEL,
  DIMENSION_LABEL,
  GRADE_LABEL,
  PERSON_KIND_LABEL,
  STATUS_LABEL,
  YES_NO_LABEL,
  labelList,
} from "../domain/labels.js";
import type { Period, Person, Unit } from "../domain/model.js";
import { isGraded } from "../domain/model.js";
import { monthLabel, quarterMonths } from "../domain/months.js";
import type { RulesIndicator } from "../domain/rules.js";
import type { ColumnDef, SheetDef } from "../domain/sheets.js";
import {
  COMMON_SHEET,
  DECISIONS_SHEET,
  EVENTS_SHEET,
  INDICATORS_SHEET,
  INDIVIDUAL_SHEET,
  INSTRUCTIONS_SHEET_NAME,
  PARAMETERS_SHEET,
  PARAMETER_KEYS,
  PERSONS_SHEET,
  SUMMARIES_SHEET,
  WORK_LIST_SHEET,
} from "../domain/sheets.js";
import { FIXED_AUTHOR, FIXED_DATE } from "../ooxml/fix-zip-timestamps.js";
import { rewriteZipParts } from "../ooxml/rewrite-zip-parts.js";
import { cellAddress } from "../ooxml/plain.js";

export type TemplateUnit = Omit<Unit, "ref">;
export type TemplatePerson = Omit<Person, "ref">;

export interface TemplateContent {
  /** Null leaves 年度 and 季度 for the clerk. */
  period: Period | null;
  /** Null: a blank workbook, 单位代码 and 单位名称 left for the clerk. */
  unit: TemplateUnit | null;
  /** The unit's roster, in roster order; empty for a blank workbook. */
  persons: readonly TemplatePerson[];
  /** The indicator set of the rules (rules.md `indicators`). */
  indicators: readonly RulesIndicator[];
  /** The text of templates/template-instructions.txt; `# ` and `## ` lines are headings. */
  instructions: string;
}

/** A column of a written sheet: a column of sheets.ts, or an indicator column of a scoring sheet. */
export interface TemplateColumn extends ColumnDef {
  /** Points from 0 to max; with gradeWords (共性测评) a grade word as well (workbook.md). */
  indicator?: { max: Exact; gradeWords: boolean };
  /** What may be written, when the column kind does not say it (参数 rows). */
  allowed?: string;
  /** The validation, when the column kind does not give it (参数 rows). */
  validation?: ExcelJS.DataValidation;
}

export type TemplateValue = string | number | null;

const HEADER_ROW = 1;
const FIRST_INPUT_ROW = 2;
const BODY_FONT = "宋体";
const HEADER_FILL = "FFD9D9D9";
const REQUIRED_COLOUR = "FFC00000";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TEXT_FORMAT = "@";
const DATE_FORMAT = "yyyy-mm-dd";
/** Dates a template accepts (the reader takes any date; this catches typing slips such as 1926). */
const DATE_VALIDATION_RANGE = [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))];

function indicatorColumn(indicator: RulesIndicator, gradeWords: boolean): TemplateColumn {
  return {
    header: indicator.name,
    required: true,
    kind: "number",
    hint: gradeWords
      ? `填等次（${labelList(GRADE_LABEL)}）或 0 至 ${toText(indicator.max)} 的分数`
      : `0 至 ${toText(indicator.max)} 的分数`,
    // a Chinese character is about two characters wide
    width: Math.max(10, indicator.name.length * 2 + 4),
    indicator: { max: indicator.max, gradeWords },
  };
}

/**
 * The columns of a sheet as the template writes them. The scoring sheets put one column per
 * indicator of their category right after 人员编号 and 姓名 (workbook.md 个性评分, 共性测评), so
 * that scores sit next to the names; the reader finds columns by header, in any order.
 */
export function templateColumns(sheet: SheetDef, indicators: readonly RulesIndicator[]): TemplateColumn[] {
  const category = sheet === INDIVIDUAL_SHEET ? "individual" : sheet === COMMON_SHEET ? "common" : null;
  if (category === null) return [...sheet.columns];
  const lead = sheet === INDIVIDUAL_SHEET ? 2 : sheet.columns.length;
  const added = indicators.filter((i) => i.category === category).map((i) => indicatorColumn(i, category === "common"));
  return [...sheet.columns.slice(0, lead), ...added, ...sheet.columns.slice(lead)];
}

/** The sheets of a template after 说明, in workbook.md's order; 单位 is never written (see above). */
export const TEMPLATE_SHEETS: readonly SheetDef[] = [
  PARAMETERS_SHEET,
  PERSONS_SHEET,
  INDICATORS_SHEET,
  WORK_LIST_SHEET,
  SUMMARIES_SHEET,
  INDIVIDUAL_SHEET,
  COMMON_SHEET,
  EVENTS_SHEET,
  DECISIONS_SHEET,
];

/** How far down validations reach (formats cover the whole column): the roster with room to add rows. */
export function inputRows(sheet: SheetDef, personCount: number): number {
  // 共性测评 has a row per rater and person; 工作清单 several items per person
  if (sheet === COMMON_SHEET) return Math.max(2000, personCount * 30);
  if (sheet === WORK_LIST_SHEET) return Math.max(1000, personCount * 10);
  return Math.max(500, personCount + 200);
}

/** What a clerk may write in a column, for the 说明 sheet and error messages. */
export function allowedText(column: TemplateColumn): string {
  if (column.allowed) return column.allowed;
  if (column.indicator) {
    const points = `0 至 ${toText(column.indicator.max)} 之间的数字`;
    return column.indicator.gradeWords ? `${labelList(GRADE_LABEL)}，或 ${points}` : points;
  }
  switch (column.kind) {
    case "choice":
      return (column.choices ?? []).join("、");
    case "number":
      return "大于 0 的数字";
    case "date":
      return "日期，如 2026-10-09";
    case "month":
      return "本季度的月份，如 10月（也可写 10、十月或日期）；不填为整个季度";
    case "id":
      return "文本（数字也按文本填写）";
    case "text":
      return "文字";
  }
}

function quotedList(words: readonly string[]): string {
  // a list validation's formula is one quoted, comma-separated string
  return `"${words.join(",")}"`;
}

/** The validation of a whole column of input cells, or null for free text. */
function validationFor(column: TemplateColumn): ExcelJS.DataValidation | null {
  if (column.validation) return column.validation;
  const title = `「${column.header}」填写有误`;
  if (column.indicator) {
    const max = toText(column.indicator.max);
    if (column.indicator.gradeWords) {
      return {
        type: "list",
        allowBlank: true,
        formulae: [quotedList(Object.values(GRADE_LABEL))],
        showErrorMessage: true,
        // a warning, not a stop: a number of points is allowed too (workbook.md 共性测评)
        errorStyle: "warning",
        errorTitle: `「${column.header}」请核对`,
        error: `应为 ${labelList(GRADE_LABEL)} 之一，或 0 至 ${max} 之间的数字。填的是分数请点“是”。`,
      };
    }
    return {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [0, max],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: title,
      error: `应为 0 至 ${max} 之间的数字。`,
    };
  }
  switch (column.kind) {
    case "choice":
      return {
        type: "list",
        allowBlank: true,
        formulae: [quotedList(column.choices ?? [])],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: title,
        error: `应为 ${(column.choices ?? []).join("、")} 之一，请从下拉列表中选择。`,
      };
    case "number":
      return {
        type: "decimal",
        operator: "greaterThan",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: title,
        error: "应为大于 0 的数字。",
      };
    case "date":
      return {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: DATE_VALIDATION_RANGE,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: title,
        error: "应为日期，如 2026-10-09。",
      };
    case "id":
    case "text":
    case "month":
      return null;
  }
}

/**
 * The months a 月份 column offers (workbook.md 工作清单, 个人小结): the quarter's three, or, in a
 * blank template whose quarter is not known, the twelve months, checked by the reader.
 */
export function monthValidation(period: Period | null): ExcelJS.DataValidation {
  const months = period === null ? Array.from({ length: 12 }, (_, i) => i + 1) : [...quarterMonths(period.quarter)];
  const words = months.map(monthLabel);
  return {
    type: "list",
    allowBlank: true,
    formulae: [quotedList(words)],
    showErrorMessage: true,
    errorStyle: period === null ? "warning" : "stop",
    errorTitle: "「月份」填写有误",
    error: `应为本季度的月份：${words.join("、")} 之一，请从下拉列表中选择；整个季度的可不填。`,
  };
}

/** The columns with each 月份 column's dropdown of the period's months. */
export function withMonthList(columns: readonly TemplateColumn[], period: Period | null): TemplateColumn[] {
  return columns.map((column) => (column.kind === "month" ? { ...column, validation: monthValidation(period) } : column));
}

/**
 * exceljs 4.4 adds range validations through `worksheet.dataValidations.add(range, ...)`, which
 * its type declarations leave out; cell-by-cell `cell.dataValidation` is what we must avoid.
 */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
function rangeValidations(sheet: ExcelJS.Worksheet): RangeValidations {
  return (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

const SHEET_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  insertColumns: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

function newSheet(workbook: ExcelJS.Workbook, name: string, columns: number, frozenColumns: number): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    views: [
      {
        state: "frozen",
        xSplit: frozenColumns,
        ySplit: HEADER_ROW,
        topLeftCell: cellAddress(FIRST_INPUT_ROW, frozenColumns + 1),
        activeCell: `A${FIRST_INPUT_ROW}`,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: columns > 6 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", evenFooter: "&C第 &P 页，共 &N 页" },
  });
}

/**
 * A data sheet: header row locked, every input cell below it unlocked, with the column's format
 * and validation down to `rows`. Column styles reach the cells a clerk adds below as well.
 */
export async function addDataSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly TemplateColumn[],
  values: readonly (readonly TemplateValue[])[],
  rows: number,
  frozenColumns: number,
): Promise<ExcelJS.Worksheet> {
  const sheet = newSheet(workbook, name, columns.length, frozenColumns);
  const last = Math.max(rows, values.length + HEADER_ROW);
  columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.width ?? 12;
    // set before any cell of the column exists: exceljs copies the column style into new cells
    sheetColumn.font = { name: BODY_FONT, size: 11 };
    sheetColumn.protection = { locked: false };
    if (column.kind === "id" || column.kind === "month") sheetColumn.numFmt = TEXT_FORMAT;
    if (column.kind === "date") sheetColumn.numFmt = DATE_FORMAT;
    const validation = validationFor(column);
    if (validation) {
      rangeValidations(sheet).add(`${cellAddress(FIRST_INPUT_ROW, i + 1)}:${cellAddress(last, i + 1)}`, validation);
    }
  });

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.numFmt = "General";
    cell.font = { name: BODY_FONT, size: 11, bold: true, color: column.required ? { argb: REQUIRED_COLOUR } : undefined };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
    cell.protection = { locked: true };
    if (column.hint) cell.note = column.hint;
  });
  header.height = 24;

  values.forEach((rowValues, r) => {
    const row = sheet.getRow(FIRST_INPUT_ROW + r);
    rowValues.forEach((value, c) => {
      if (value === null || value === "") return;
      const cell = row.getCell(c + 1);
      // a string is written as a shared string, never as a formula (outputs.md "Safety of files")
      cell.value = value;
    });
  });

  await sheet.protect("", SHEET_PROTECTION);
  return sheet;
}

/**
 * The rows of 参数 (workbook.md), each described like a column so that its note, its validation
 * and its line in 说明 come from one place. 单位代码 and 单位名称 are required because a template
 * never has a 单位 sheet.
 */
export const PARAMETER_ROWS: readonly TemplateColumn[] = [
  {
    header: PARAMETER_KEYS.year,
    required: true,
    kind: "number",
    hint: "四位数字，如 2026",
    allowed: "2000 至 2100 之间的四位年份",
    validation: {
      type: "whole",
      operator: "between",
      allowBlank: true,
      formulae: [2000, 2100],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "「年度」填写有误",
      error: "应为 2000 至 2100 之间的四位年份。",
    },
  },
  {
    header: PARAMETER_KEYS.quarter,
    required: true,
    kind: "number",
    // What the dropdown offers, and no more: its stop style refuses anything else typed in.
    hint: "从下拉列表选择 1、2、3、4（第一至第四季度）",
    allowed: "1、2、3、4（从下拉列表选择）",
    validation: {
      type: "list",
      allowBlank: true,
      formulae: [quotedList(["1", "2", "3", "4"])],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "「季度」填写有误",
      error: "应为 1、2、3、4 之一，请从下拉列表中选择。",
    },
  },
  { header: PARAMETER_KEYS.unitCode, required: true, kind: "id" },
  { header: PARAMETER_KEYS.unitName, required: true, kind: "text" },
  { header: PARAMETER_KEYS.parentCode, required: false, kind: "id", hint: "主管单位的单位代码；没有可不填" },
  { header: PARAMETER_KEYS.contact, required: false, kind: "text", hint: "印在公示上" },
  { header: PARAMETER_KEYS.phone, required: false, kind: "id", hint: "印在公示上" },
  { header: PARAMETER_KEYS.address, required: false, kind: "text", hint: "受理复核申请的地址，印在公示上" },
  // the notice's first day is set when results are published, not when the template is made
  { header: PARAMETER_KEYS.noticeStart, required: false, kind: "date", hint: "可暂不填，公示中留出空白由工作人员手写" },
];

function parameterValue(key: string, content: TemplateContent): TemplateValue {
  const unit = content.unit;
  switch (key) {
    case PARAMETER_KEYS.year:
      return content.period?.year ?? null;
    case PARAMETER_KEYS.quarter:
      return content.period?.quarter ?? null;
    case PARAMETER_KEYS.unitCode:
      return unit?.code ?? null;
    case PARAMETER_KEYS.unitName:
      return unit?.name ?? null;
    case PARAMETER_KEYS.parentCode:
      return unit?.parentCode ?? null;
    case PARAMETER_KEYS.contact:
      return unit?.contact ?? null;
    case PARAMETER_KEYS.phone:
      return unit?.phone ?? null;
    case PARAMETER_KEYS.address:
      return unit?.address ?? null;
    default:
      return null;
  }
}

const VALUE_FORMAT: Record<ColumnDef["kind"], string> = { number: "0", date: DATE_FORMAT, id: TEXT_FORMAT, text: TEXT_FORMAT, choice: TEXT_FORMAT, month: TEXT_FORMAT };

/** 参数: the 项目 column is locked (the reader looks the keys up); each 内容 cell is typed for its row. */
async function addParameterSheet(workbook: ExcelJS.Workbook, content: TemplateContent): Promise<void> {
  const rows = PARAMETER_ROWS.map((def) => [def.header, parameterValue(def.header, content)]);
  const sheet = await addDataSheet(workbook, PARAMETERS_SHEET.name, PARAMETERS_SHEET.columns, rows, 0, 0);
  const validations = rangeValidations(sheet);
  PARAMETER_ROWS.forEach((def, i) => {
    const row = FIRST_INPUT_ROW + i;
    const keyCell = sheet.getCell(row, 1);
    keyCell.protection = { locked: true };
    keyCell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    keyCell.font = { name: BODY_FONT, size: 11, color: def.required ? { argb: REQUIRED_COLOUR } : undefined };
    if (def.hint) keyCell.note = def.hint;
    sheet.getCell(row, 2).numFmt = VALUE_FORMAT[def.kind];
    const validation = validationFor(def);
    if (validation) validations.add(`B${row}`, validation);
  });
}

function personRow(person: TemplatePerson): TemplateValue[] {
  // in PERSONS_SHEET's column order
  return [
    person.unitCode,
    person.id,
    person.name,
    person.department,
    person.title,
    PERSON_KIND_LABEL[person.kind],
    STATUS_LABEL[person.status],
    person.statusReason,
    person.window ? YES_NO_LABEL.yes : YES_NO_LABEL.no,
    person.selfGrade === null ? null : GRADE_LABEL[person.selfGrade],
    person.note,
  ];
}

function indicatorRow(indicator: RulesIndicator): TemplateValue[] {
  // in INDICATORS_SHEET's column order; 满分 as a number cell
  return [
    indicator.name,
    CATEGORY_LABEL[indicator.category],
    indicator.dimension === null ? null : DIMENSION_LABEL[indicator.dimension],
    Number(toText(indicator.max)),
    null,
  ];
}

/** 说明: the editable instruction text, then every sheet's columns with what each accepts. */
async function addInstructionSheet(workbook: ExcelJS.Workbook, content: TemplateContent): Promise<void> {
  const widths = [12, 14, 6, 34, 44];
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  let row = 1;
  const addLine = (text: string, style: "title" | "heading" | "body"): void => {
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: style === "body" ? BODY_FONT : "黑体", size: style === "title" ? 16 : style === "heading" ? 12 : 11, bold: style !== "body" };
    cell.alignment = { vertical: "top", wrapText: true, horizontal: style === "title" ? "center" : "left" };
    sheet.mergeCells(row, 1, row, widths.length);
    // merged rows do not grow by themselves; a Chinese character is about two characters wide
    const lines = Math.max(1, Math.ceil((text.length * 2) / totalWidth));
    sheet.getRow(row).height = style === "title" ? 30 : lines * 16 + 4;
    row++;
  };
  for (const line of content.instructions.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    if (line.startsWith("## ")) addLine(line.slice(3).trim(), "heading");
    else if (line.startsWith("# ")) addLine(line.slice(2).trim(), "title");
    else addLine(line.trim(), "body");
  }
  row++;
  addLine("各工作表的列", "heading");
  const tableHeader = ["工作表", "列标题", "必填", "可以填写", "说明"];
  const writeRow = (values: readonly string[], bold: boolean): void => {
    values.forEach((value, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = value;
      cell.font = { name: BODY_FONT, size: 10, bold };
      cell.alignment = { vertical: "top", wrapText: true };
      cell.border = BORDER;
      if (bold) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    });
    row++;
  };
  writeRow(tableHeader, true);
  for (const def of TEMPLATE_SHEETS) {
    // 参数 is read by its 项目, so its rows are what the clerk needs to know
    const lines = def === PARAMETERS_SHEET ? PARAMETER_ROWS : withMonthList(templateColumns(def, content.indicators), content.period);
    for (const column of lines) {
      writeRow(columnHelpRow(def.name, column), false);
    }
  }
  sheet.views = [{ state: "normal", activeCell: "A1" }];
  // read-only for the clerk; the office edits templates/template-instructions.txt instead
  await sheet.protect("", SHEET_PROTECTION);
}

/** An empty exceljs workbook signed by the tool at a fixed time, so that a template's bytes depend on its content alone. */
export async function newTemplateWorkbook(): Promise<ExcelJS.Workbook> {
  // Loaded here, not at the top: exceljs takes 0.4 s to load, and only templates need it.
  const { default: exceljs } = await import("exceljs");
  const workbook = new exceljs.Workbook();
  workbook.creator = FIXED_AUTHOR;
  workbook.lastModifiedBy = FIXED_AUTHOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** A 说明 sheet's line for one input column: sheet, header, 必填, what may be written, hint. */
export function columnHelpRow(sheetName: string, column: TemplateColumn): string[] {
  return [sheetName, column.header, column.required ? "是" : "", allowedText(column), column.hint ?? ""];
}

/** The template as .xlsx bytes; the same content always gives the same bytes. */
export async function writeTemplate(content: TemplateContent): Promise<Buffer> {
  const workbook = await newTemplateWorkbook();

  const graded = content.persons.filter(isGraded);
  const count = content.persons.length;
  await addInstructionSheet(workbook, content);
  await addParameterSheet(workbook, content);
  await addDataSheet(workbook, PERSONS_SHEET.name, PERSONS_SHEET.columns, content.persons.map(personRow), inputRows(PERSONS_SHEET, count), 3);
  await addDataSheet(workbook, INDICATORS_SHEET.name, INDICATORS_SHEET.columns, content.indicators.map(indicatorRow), inputRows(INDICATORS_SHEET, 0), 1);
  await addDataSheet(workbook, WORK_LIST_SHEET.name, withMonthList(WORK_LIST_SHEET.columns, content.period), [], inputRows(WORK_LIST_SHEET, count), 2);
  // one row per person of the roster for the quarter's summary; a month's summary is a row added with its 月份
  await addDataSheet(
    workbook,
    SUMMARIES_SHEET.name,
    withMonthList(SUMMARIES_SHEET.columns, content.period),
    content.persons.map((p) => [p.id, p.name]),
    inputRows(SUMMARIES_SHEET, count * 4),
    2,
  );
  // one row per graded person, with 人员编号 and 姓名 (workbook.md: every graded person has exactly one row)
  await addDataSheet(
    workbook,
    INDIVIDUAL_SHEET.name,
    templateColumns(INDIVIDUAL_SHEET, content.indicators),
    graded.map((p) => [p.id, p.name]),
    inputRows(INDIVIDUAL_SHEET, count),
    2,
  );
  await addDataSheet(workbook, COMMON_SHEET.name, templateColumns(COMMON_SHEET, content.indicators), [], inputRows(COMMON_SHEET, count), 2);
  await addDataSheet(workbook, EVENTS_SHEET.name, EVENTS_SHEET.columns, [], inputRows(EVENTS_SHEET, count), 2);
  await addDataSheet(workbook, DECISIONS_SHEET.name, DECISIONS_SHEET.columns, [], inputRows(DECISIONS_SHEET, count), 2);

  return templateBytes(workbook);
}

/**
 * A template workbook's bytes, the same for the same content. exceljs signs every note `Author`
 * (its comments part names no other): the tool signs them, as it is the tool's help that they
 * hold, and WPS shows the name atop each note.
 */
export async function templateBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const bytes = await workbook.xlsx.writeBuffer();
  return rewriteZipParts(Buffer.from(bytes as ArrayBuffer), (name, data) =>
    /^xl\/comments\d*\.xml$/.test(name) ? Buffer.from(data.toString("utf8").replace(/<author>Author<\/author>/g, `<author>${FIXED_AUTHOR}</author>`), "utf8") : data,
  );
}
