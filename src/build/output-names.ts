// The names of a run's output files (outputs.md "Per unit", "Per run"): made from the period and
// the unit's code and name, with nothing in them that could name another place (write-outputs.ts
// checks again that each lands in --out).

import path from "node:path";
import type { Period } from "../domain/model.js";

export interface PlannedFile {
  /** A bare file name, made by `unitOutputName` or `runSummaryName`. */
  name: string;
  bytes: Buffer;
}

/** The kinds of file a unit publishes (outputs.md "Per unit"). */
export const UNIT_OUTPUT = {
  result: "结果.xlsx",
  notice: "公示.docx",
  slips: "反馈单.docx",
} as const;
export type UnitOutputKind = (typeof UNIT_OUTPUT)[keyof typeof UNIT_OUTPUT];

// Characters Windows, macOS or Linux refuse or treat specially in a name, control characters,
// and the invisible marks that reorder text (a name could look like another: U+202E).
const UNSAFE = /[/\\:*?"<>|\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
/** Free text in a name is cut here, so that a name stays far below the 255-byte limit (UTF-8). */
const MAX_PART = 40;

/**
 * A piece of a file name that names nothing but itself: `a/b` → `a_b`, `../x` → `_x`,
 * `CON` → `_CON`, trailing dots and spaces (which Windows drops) replaced.
 */
export function safeNamePart(text: string): string {
  let name = text.normalize("NFC").replace(UNSAFE, "_").trim();
  name = name.replace(/\.{2,}/g, "_").replace(/^\./, "_").replace(/[. ]+$/, (tail) => "_".repeat(tail.length));
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  name = Array.from(name).slice(0, MAX_PART).join("");
  return name === "" ? "_" : name;
}

/** `2026Q3_A01_某某局_结果.xlsx` (outputs.md: `{年度}Q{季度}_{单位代码}_{单位名称}_{kind}`). */
export function unitOutputName(period: Period, unit: { code: string; name: string }, kind: UnitOutputKind): string {
  return `${period.year}Q${period.quarter}_${safeNamePart(unit.code)}_${safeNamePart(unit.name)}_${kind}`;
}

/** `2026Q3_汇总.xlsx` (outputs.md "Per run"). */
export function runSummaryName(period: Period): string {
  return `${period.year}Q${period.quarter}_汇总.xlsx`;
}


/**
 * Where a run writes unless --out: the folder `name` beside the first input (in a file's folder,
 * or beside a folder; outputs.md), or in the current folder for a run without input files.
 */
export function defaultOutDir(name: string, firstPath?: string): string {
  return firstPath === undefined ? name : path.join(path.dirname(path.normalize(firstPath)), name);
}

/** `{年度}Q{季度}_结果`: grade's folder. */
export function quarterOutFolder(period: Period): string {
  return `${period.year}Q${period.quarter}_结果`;
}
