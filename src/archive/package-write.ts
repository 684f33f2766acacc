// The 备案 package as a workbook description (archive.md "备案 packages"): the filings chosen,
// each with its persons, events and committee changes, the rules they were graded by, and the 校验
// sheet with the SHA-256 of each filing's canonical content. Columns as package-layout.ts says.
// The political rounds chosen, when there are any, in their two sheets, and each round's digest
// (the archive's: political-round.ts politicalDigest) in the 校验 sheet beside the filings'.

import type { SheetCell, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { BLANK, integerCell, textCell } from "../ooxml/write-xlsx.js";
import type { PoliticalRoundContent } from "./political-round.js";
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
  ROUND_CADRE_COLUMNS,
  ROUND_CADRE_SHEET,
  ROUND_CHECK_COLUMNS,
  ROUND_COLUMNS,
  ROUND_SHEET,
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

export interface PackagedRound {
  content: PoliticalRoundContent;
  /** The round's digest as filed (politicalDigest). */
  digest: string;
  toolVersion: string;
  filedAt: string;
}

/** The 校验 sheet: the filings' digests, and with rounds, theirs to the right after an empty column. */
function checkSheet(filings: readonly Record<string, unknown>[], rounds: readonly Record<string, unknown>[]): SheetSpec {
  const table = sheet(CHECK_SHEET, PACKAGE_FORMAT, CHECK_COLUMNS, filings);
  if (rounds.length === 0) return table;
  const right = sheet(CHECK_SHEET, PACKAGE_FORMAT, ROUND_CHECK_COLUMNS, rounds);
  const blanks = (count: number): SheetCell[] => Array.from({ length: count }, () => BLANK);
  return {
    ...table,
    columns: [...table.columns, { header: "", width: 3 }, ...right.columns],
    rows: Array.from({ length: Math.max(table.rows.length, right.rows.length) }, (_, i) => ({
      cells: [...(table.rows[i]?.cells ?? blanks(CHECK_COLUMNS.length)), BLANK, ...(right.rows[i]?.cells ?? blanks(ROUND_CHECK_COLUMNS.length))],
    })),
  };
}

export function packageWorkbook(filings: readonly PackagedFiling[], rounds: readonly PackagedRound[] = []): WorkbookSpec {
  const numbered = filings.map((f, i) => ({ ...f, number: i + 1 }));
  const numberedRounds = rounds.map((r, i) => ({ ...r, number: i + 1 }));
  const rules = new Map<string, string>();
  for (const { content } of [...filings, ...rounds]) rules.set(content.rules_sha256, content.rules_json);
  const politicalSheets =
    rounds.length === 0
      ? []
      : [
          sheet(ROUND_SHEET, "政治素质测评（每个单位每次测评一行）", ROUND_COLUMNS, numberedRounds.map((r) => ({ ...r.content, number: r.number, tool_version: r.toolVersion, filed_at: r.filedAt }))),
          sheet(
            ROUND_CADRE_SHEET,
            "政治素质测评明细（每个单位每次测评每名干部一行）",
            ROUND_CADRE_COLUMNS,
            numberedRounds.flatMap((r) =>
              r.content.cadres.map((c) => ({
                ...c,
                number: r.number,
                // In their filed order (seq), which the reader gives back from their place in the list.
                aspects: c.aspects.map(({ seq: _s, ...a }) => a),
                flagged: c.flagged.map(({ seq: _s, ...f }) => f),
              })),
            ),
          ),
        ];
  return {
    draft: false,
    sheets: [
      sheet(FILING_SHEET, "归档记录（每个单位每个季度一行）", FILING_COLUMNS, numbered.map((f) => ({ ...f.content, number: f.number, filed_at: f.filedAt }))),
      sheet(PERSON_SHEET, "人员结果", PERSON_COLUMNS, numbered.flatMap((f) => f.content.persons.map((p) => ({ ...p, number: f.number })))),
      sheet(EVENT_SHEET, "加减分、否决和限好事项", EVENT_COLUMNS, numbered.flatMap((f) => f.content.events.map((e) => ({ ...e, number: f.number })))),
      sheet(CHANGE_SHEET, "审定和复核记录", CHANGE_COLUMNS, numbered.flatMap((f) => f.content.changes.map((c) => ({ ...c, number: f.number })))),
      ...politicalSheets,
      sheet(RULES_SHEET, "评定所用规则", RULES_COLUMNS, [...rules].map(([rules_sha256, rules_json]) => ({ rules_sha256, rules_json }))),
      checkSheet(
        numbered.map((f) => ({ number: f.number, unit_code: f.content.unit_code, year: f.content.year, quarter: f.content.quarter, digest: f.digest })),
        numberedRounds.map((r) => ({ number: r.number, unit_code: r.content.unit_code, year: r.content.year, round: r.content.round, digest: r.digest })),
      ),
    ],
  };
}
