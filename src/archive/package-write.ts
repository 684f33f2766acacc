// The 备案 package as a workbook description (archive.md "备案 packages"): the filings chosen,
// each with its persons, events and committee changes, the rules they were graded by, and the 校验
// sheet with the SHA-256 of each filing's canonical content. Columns as package-layout.ts says.

import type { SheetCell, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell } from "../ooxml/write-xlsx.js";
import { decimalCell } from "../build/exact-cells.js";
import type { FilingContent } from "./filing-content.js";
import { fromNumeric } from "./numeric.js";
import {
  CHANGE_COLUMNS,
  CHANGE_SHEET,
  CHECK_COLUMNS,
  CHECK_SHEET,
  EVENT_COLUMNS,
  EVENT_SHEET,
  FILING_COLUMNS,
  FILING_SHEET,
  PACKAGE_FORMAT,
  type PackageColumn,
  PERSON_COLUMNS,
  PERSON_SHEET,
  RULES_COLUMNS,
  RULES_SHEET,
} from "./package-layout.js";

export interface PackagedFiling {
  content: FilingContent;
  digest: string;
  filedAt: string;
}

function valueAt(record: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((value, part) => (value as Record<string, unknown> | null | undefined)?.[part], record);
}

function cellOf(column: PackageColumn, value: unknown): SheetCell {
  switch (column.kind) {
    case "text":
    case "string":
      return textCell(value as string | null);
    case "integer":
      return integerCell(value as number | null);
    case "decimal":
      return decimalCell(fromNumeric(value as string | null));
    case "yesNo":
      return textCell(value ? "是" : "否");
    case "json":
      return textCell(JSON.stringify(value));
  }
}

function sheet(name: string, title: string, columns: readonly PackageColumn[], records: readonly Record<string, unknown>[]): SheetSpec {
  return {
    name,
    titles: [title],
    columns: columns.map((c) => ({ header: c.header, width: c.width })),
    rows: records.map((record) => ({ cells: columns.map((c) => cellOf(c, valueAt(record, c.key))) })),
    orientation: "landscape",
  };
}

export function packageWorkbook(filings: readonly PackagedFiling[]): WorkbookSpec {
  const numbered = filings.map((f, i) => ({ ...f, number: i + 1 }));
  const rules = new Map<string, string>();
  for (const { content } of filings) rules.set(content.rules_sha256, content.rules_json);
  return {
    draft: false,
    sheets: [
      sheet(FILING_SHEET, "归档记录（每个单位每个季度一行）", FILING_COLUMNS, numbered.map((f) => ({ ...f.content, number: f.number, filed_at: f.filedAt }))),
      sheet(PERSON_SHEET, "人员结果", PERSON_COLUMNS, numbered.flatMap((f) => f.content.persons.map((p) => ({ ...p, number: f.number })))),
      sheet(EVENT_SHEET, "加减分、否决和限好事项", EVENT_COLUMNS, numbered.flatMap((f) => f.content.events.map((e) => ({ ...e, number: f.number })))),
      sheet(CHANGE_SHEET, "审定和复核记录", CHANGE_COLUMNS, numbered.flatMap((f) => f.content.changes.map((c) => ({ ...c, number: f.number })))),
      sheet(RULES_SHEET, "评定所用规则", RULES_COLUMNS, [...rules].map(([rules_sha256, rules_json]) => ({ rules_sha256, rules_json }))),
      sheet(CHECK_SHEET, PACKAGE_FORMAT, CHECK_COLUMNS, numbered.map((f) => ({ number: f.number, unit_code: f.content.unit_code, year: f.content.year, quarter: f.content.quarter, digest: f.digest }))),
    ],
  };
}
