// A 备案 package read back into filings (archive.md "备案 packages"): every sheet of
// package-layout.ts found with its columns, each filing's content rebuilt from its rows, and its
// SHA-256 checked against the 校验 sheet. A workbook that is not a package is one problem; a
// filing whose cells cannot be read or whose content does not match its digest (edited by hand)
// is refused whole, with the cell or the reason, and nothing of it is imported. The political
// rounds likewise, from their sheets when the package has them (a package written before they
// were carried has none, and is read as it always was).

import { type Period, periodText } from "../domain/model.js";
import type { ProblemCode } from "../domain/problem-codes.js";
import type { CellValue, PlainSheet, PlainWorkbook } from "../ooxml/plain.js";
import { cellAddress } from "../ooxml/plain.js";
import { fixed, parseDecimal } from "../domain/exact.js";
import { type Problem } from "../domain/problem.js";
import { type FiledChange, type FiledEvent, type FiledPerson, type FilingContent, filingDigest } from "./filing-content.js";
import { type PoliticalCadreContent, type PoliticalRoundContent, politicalDigest } from "./political-round.js";
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
  ROUND_CHECK_FIRST_COLUMN,
  ROUND_COLUMNS,
  ROUND_NUMBER,
  ROUND_SHEET,
  RULES_COLUMNS,
  RULES_SHEET,
} from "./package-layout.js";

export interface PackageFiling {
  /** The filing's number in the package (归档序号). */
  number: number;
  unitCode: string;
  year: number;
  quarter: number;
  /** The digest the 校验 sheet gives. */
  digest: string;
  /** The content rebuilt from the sheets; null when it could not be, or does not match the digest. */
  content: FilingContent | null;
  /** Why the filing is refused; empty when its content matches its digest. */
  problems: Problem[];
}

/** A political round of the package, as PackageFiling is a filing. */
export interface PackageRound {
  /** The round's number in the package (测评序号). */
  number: number;
  unitCode: string;
  year: number;
  round: string;
  /** The digest the 校验 sheet gives: the round's digest as filed (politicalDigest). */
  digest: string;
  content: PoliticalRoundContent | null;
  /** The version of the tool that filed it first (工具版本), kept when it is imported. */
  toolVersion: string;
  problems: Problem[];
}

export type PackageRead = { kind: "package"; filings: PackageFiling[]; rounds: PackageRound[] } | { kind: "notPackage"; problem: Problem };

type Row = Record<string, unknown> & { number?: number };

class CellFault extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly header: string,
    readonly value: string,
  ) {
    super("cell");
  }
}

function cellText(value: CellValue): string {
  switch (value.kind) {
    case "blank":
      return "";
    case "number":
      return String(value.value);
    case "text":
      return value.text;
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "date":
      return value.iso;
    case "error":
      return value.text;
    case "noResult":
      return value.formula;
    case "time":
      return value.text;
  }
}

/** The value of a cell as the column's kind says, or throws CellFault. */
function readCell(sheet: PlainSheet, row: number, col: number, column: PackageColumn): unknown {
  const value = sheet.cell(row, col);
  const text = cellText(value);
  const fault = (): CellFault => new CellFault(sheet.name, cellAddress(row, col), column.header, text);
  switch (column.kind) {
    case "text":
      if (value.kind !== "blank" && value.kind !== "text" && value.kind !== "date") throw fault();
      return text === "" ? null : text;
    case "string":
      if (value.kind !== "blank" && value.kind !== "text" && value.kind !== "date") throw fault();
      return text;
    case "integer": {
      if (value.kind === "blank") return null;
      const number = value.kind === "number" ? value.value : value.kind === "text" && /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
      if (!Number.isSafeInteger(number)) throw fault();
      return number;
    }
    case "decimal": {
      if (value.kind === "blank") return null;
      const exact = value.kind === "number" || value.kind === "text" ? parseDecimal(text.trim()) : null;
      if (exact === null) throw fault();
      return fixed(exact, 2);
    }
    case "yesNo":
      if (text !== "是" && text !== "否") throw fault();
      return text === "是";
    case "json":
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw fault();
      }
  }
}

function setAt(record: Row, key: string, value: unknown): void {
  const parts = key.split(".");
  let target: Record<string, unknown> = record;
  for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
  target[parts[parts.length - 1]!] = value;
}

interface SheetRows {
  rows: { row: number; record: Row | null; fault: CellFault | null; number: number | null }[];
}

/**
 * The sheet's data rows (below its header row, which must hold the layout's headers in order),
 * of the table whose first column is `first` (the 校验 sheet's rounds are right of its filings).
 */
function readSheet(sheet: PlainSheet, columns: readonly PackageColumn[], first = 1): SheetRows | null {
  let header = 0;
  for (let r = 1; r <= Math.min(5, sheet.rowCount); r++) {
    if (columns.every((c, i) => cellText(sheet.cell(r, first + i)).trim() === c.header)) {
      header = r;
      break;
    }
  }
  if (header === 0) return null;
  const numberColumn = columns.findIndex((c) => c.key === "number");
  const rows: SheetRows["rows"] = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    if (columns.every((_, i) => sheet.cell(r, first + i).kind === "blank")) continue;
    const numberCell = numberColumn >= 0 ? sheet.cell(r, first + numberColumn) : null;
    const number = numberCell?.kind === "number" && Number.isSafeInteger(numberCell.value) ? numberCell.value : null;
    try {
      const record: Row = {};
      columns.forEach((column, i) => setAt(record, column.key, readCell(sheet, r, first + i, column)));
      rows.push({ row: r, record, fault: null, number });
    } catch (error) {
      if (!(error instanceof CellFault)) throw error;
      rows.push({ row: r, record: null, fault: error, number });
    }
  }
  return { rows };
}

function problem(file: string, sheet: string, cell: string, header: string, value: string, code: ProblemCode, message: string): Problem {
  return { severity: "error", code, file, sheet, cell, header, value, message };
}

/** The package's filings, each checked against its digest; or why the workbook is not a package. */
export function readPackage(workbook: PlainWorkbook): PackageRead {
  const file = workbook.file;
  const notPackage = (why: string): PackageRead => ({
    kind: "notPackage",
    problem: problem(file, "", "", "", "", "E_PACKAGE_INVALID", `“${file}”不是 assess 导出的备案包（${why}），未导入任何记录。请用 assess archive export 导出的文件。`),
  });
  const layout: [string, readonly PackageColumn[]][] = [
    [FILING_SHEET, FILING_COLUMNS],
    [PERSON_SHEET, PERSON_COLUMNS],
    [EVENT_SHEET, EVENT_COLUMNS],
    [CHANGE_SHEET, CHANGE_COLUMNS],
    [RULES_SHEET, RULES_COLUMNS],
    [CHECK_SHEET, CHECK_COLUMNS],
  ];
  const sheets = new Map<string, SheetRows>();
  for (const [name, columns] of layout) {
    const sheet = workbook.sheets.find((s) => s.name.trim() === name);
    if (!sheet) return notPackage(`没有“${name}”工作表`);
    if (name === CHECK_SHEET && cellText(sheet.cell(1, 1)).trim() !== PACKAGE_FORMAT) return notPackage(`“${CHECK_SHEET}”工作表第一行不是“${PACKAGE_FORMAT}”`);
    const rows = readSheet(sheet, columns);
    if (!rows) return notPackage(`“${name}”工作表的列标题不对`);
    sheets.set(name, rows);
  }
  const rowsOf = (name: string, number: number) => sheets.get(name)!.rows.filter((r) => r.number === number);
  const rules = new Map<string, string>();
  for (const r of sheets.get(RULES_SHEET)!.rows) if (r.record) rules.set(String(r.record.rules_sha256), String(r.record.rules_json));

  const filings: PackageFiling[] = [];
  for (const check of sheets.get(CHECK_SHEET)!.rows) {
    if (!check.record || check.number === null) {
      const f = check.fault;
      return notPackage(`“${CHECK_SHEET}”工作表${f ? `${f.cell}「${f.header}」` : `第 ${check.row} 行`}无法读取`);
    }
    const number = check.number;
    const head = check.record as { unit_code: string; year: number; quarter: number; digest: string };
    const refused = (problems: Problem[]): PackageFiling => ({ number, unitCode: head.unit_code, year: head.year, quarter: head.quarter, digest: head.digest, content: null, problems });
    const label = `${head.unit_code} ${periodText({ year: head.year, quarter: head.quarter as Period["quarter"] })}（归档序号 ${number}）`;
    const all = [FILING_SHEET, PERSON_SHEET, EVENT_SHEET, CHANGE_SHEET].flatMap((name) => rowsOf(name, number));
    const faults = all.filter((r) => r.fault !== null);
    if (faults.length > 0) {
      filings.push(
        refused(
          faults.map(({ fault }) =>
            problem(file, fault!.sheet, fault!.cell, fault!.header, fault!.value, "E_PACKAGE_VALUE", `${fault!.sheet}!${fault!.cell}「${fault!.header}」的“${fault!.value}”不是备案包应有的值，${label}未导入。`),
          ),
        ),
      );
      continue;
    }
    const heads = rowsOf(FILING_SHEET, number);
    const ruleText = heads.length === 1 ? rules.get(String(heads[0]!.record!.rules_sha256)) : undefined;
    if (heads.length !== 1 || ruleText === undefined) {
      filings.push(refused([problem(file, FILING_SHEET, "", "", "", "E_PACKAGE_DIGEST", `${label}在“${FILING_SHEET}”或“${RULES_SHEET}”中缺行或重复，与校验不符，未导入。`)]));
      continue;
    }
    const { number: _n, filed_at: _t, ...rest } = heads[0]!.record! as Row & { filed_at?: unknown };
    const bySeq = <T extends { seq: number }>(name: string): T[] =>
      rowsOf(name, number)
        .map((r) => {
          const { number: _x, ...record } = r.record!;
          return record as unknown as T;
        })
        .sort((a, b) => a.seq - b.seq);
    const content = {
      ...(rest as unknown as Omit<FilingContent, "persons" | "events" | "changes" | "rules_json">),
      rules_json: ruleText,
      persons: bySeq<FiledPerson>(PERSON_SHEET),
      events: bySeq<FiledEvent>(EVENT_SHEET),
      changes: bySeq<FiledChange>(CHANGE_SHEET),
    } as FilingContent;
    if (filingDigest(content) !== head.digest || content.unit_code !== head.unit_code || content.year !== head.year || content.quarter !== head.quarter) {
      filings.push(
        refused([
          problem(
            file,
            CHECK_SHEET,
            "",
            "",
            head.digest,
            "E_PACKAGE_DIGEST",
            `${label}的内容与“${CHECK_SHEET}”中的 SHA-256 不符（备案包导出后被改动过），该记录未导入。请向报送单位索取原始备案包。`,
          ),
        ]),
      );
      continue;
    }
    filings.push({ number, unitCode: head.unit_code, year: head.year, quarter: head.quarter, digest: head.digest, content, problems: [] });
  }
  const rounds = readRounds(workbook, rules);
  if (!Array.isArray(rounds)) return notPackage(rounds.why);
  return { kind: "package", filings, rounds };
}

function cellProblem(file: string, fault: CellFault, label: string): Problem {
  return problem(file, fault.sheet, fault.cell, fault.header, fault.value, "E_PACKAGE_VALUE", `${fault.sheet}!${fault.cell}「${fault.header}」的“${fault.value}”不是备案包应有的值，${label}未导入。`);
}

/** A list of the JSON cell put back in its filed order: seq is each item's place (package-write.ts). */
function withSeq(value: unknown): unknown {
  return Array.isArray(value) ? value.map((item: unknown, i) => (typeof item === "object" && item !== null ? { seq: i + 1, ...item } : item)) : value;
}

function isInputList(value: unknown): value is { file: string; sha256: string }[] {
  return Array.isArray(value) && value.every((i: unknown) => typeof i === "object" && i !== null && typeof (i as { file?: unknown }).file === "string" && typeof (i as { sha256?: unknown }).sha256 === "string");
}

/**
 * The package's political rounds, each checked against its digest; none in a package without
 * their sheets; or why the package is not one (some of the rounds' sheets or columns but not all).
 */
function readRounds(workbook: PlainWorkbook, rules: ReadonlyMap<string, string>): PackageRound[] | { why: string } {
  const file = workbook.file;
  const find = (name: string): PlainSheet | undefined => workbook.sheets.find((s) => s.name.trim() === name);
  const roundSheet = find(ROUND_SHEET);
  const cadreSheet = find(ROUND_CADRE_SHEET);
  const checks = readSheet(find(CHECK_SHEET)!, ROUND_CHECK_COLUMNS, ROUND_CHECK_FIRST_COLUMN);
  if (!roundSheet && !cadreSheet && !checks) return [];
  if (!roundSheet || !cadreSheet) return { why: `有“${roundSheet ? ROUND_SHEET : ROUND_CADRE_SHEET}”工作表，却没有“${roundSheet ? ROUND_CADRE_SHEET : ROUND_SHEET}”工作表` };
  if (!checks) return { why: `“${CHECK_SHEET}”工作表中没有政治测评的校验列（“${ROUND_NUMBER}”起）` };
  const heads = readSheet(roundSheet, ROUND_COLUMNS);
  const cadres = readSheet(cadreSheet, ROUND_CADRE_COLUMNS);
  if (!heads) return { why: `“${ROUND_SHEET}”工作表的列标题不对` };
  if (!cadres) return { why: `“${ROUND_CADRE_SHEET}”工作表的列标题不对` };

  const rounds: PackageRound[] = [];
  for (const check of checks.rows) {
    if (!check.record || check.number === null) {
      const f = check.fault;
      return { why: `“${CHECK_SHEET}”工作表${f ? `${f.cell}「${f.header}」` : `第 ${check.row} 行`}的政治测评校验无法读取` };
    }
    const number = check.number;
    const head = check.record as { unit_code: string; year: number; round: string; digest: string };
    const label = `${head.unit_code} ${head.year}年“${head.round}”（${ROUND_NUMBER} ${number}）`;
    const headRows = heads.rows.filter((r) => r.number === number);
    const cadreRows = cadres.rows.filter((r) => r.number === number);
    const refused = (problems: Problem[]): PackageRound => ({ number, unitCode: head.unit_code, year: head.year, round: head.round, digest: head.digest, content: null, toolVersion: "", problems });
    const faults = [...headRows, ...cadreRows].filter((r) => r.fault !== null);
    if (faults.length > 0) {
      rounds.push(refused(faults.map(({ fault }) => cellProblem(file, fault!, label))));
      continue;
    }
    const ruleText = headRows.length === 1 ? rules.get(String(headRows[0]!.record!.rules_sha256)) : undefined;
    if (headRows.length !== 1 || ruleText === undefined) {
      rounds.push(refused([problem(file, ROUND_SHEET, "", "", "", "E_PACKAGE_DIGEST", `${label}在“${ROUND_SHEET}”或“${RULES_SHEET}”中缺行或重复，与校验不符，未导入。`)]));
      continue;
    }
    const { number: _n, filed_at: _t, tool_version: toolVersion, inputs, ...rest } = headRows[0]!.record! as Row & { filed_at?: unknown; tool_version: string; inputs: unknown };
    // The inputs are outside a round's digest (political-round.ts): their shape is checked here instead.
    if (!isInputList(inputs)) {
      const at = headRows[0]!.row;
      const col = ROUND_COLUMNS.findIndex((c) => c.key === "inputs") + 1;
      rounds.push(refused([cellProblem(file, new CellFault(ROUND_SHEET, cellAddress(at, col), "输入文件", JSON.stringify(inputs)), label)]));
      continue;
    }
    const content = {
      ...(rest as unknown as Omit<PoliticalRoundContent, "cadres" | "rules_json" | "inputs">),
      rules_json: ruleText,
      inputs: inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
      cadres: cadreRows
        .map((r) => {
          const { number: _x, aspects, flagged, ...cadre } = r.record!;
          return { ...cadre, aspects: withSeq(aspects), flagged: withSeq(flagged) } as unknown as PoliticalCadreContent;
        })
        .sort((a, b) => a.seq - b.seq),
    } as PoliticalRoundContent;
    if (politicalDigest(content) !== head.digest || content.unit_code !== head.unit_code || content.year !== head.year || content.round !== head.round) {
      rounds.push(
        refused([
          problem(file, CHECK_SHEET, "", "", head.digest, "E_PACKAGE_DIGEST", `${label}的内容与“${CHECK_SHEET}”中的 SHA-256 不符（备案包导出后被改动过），该测评未导入。请向报送单位索取原始备案包。`),
        ]),
      );
      continue;
    }
    rounds.push({ number, unitCode: head.unit_code, year: head.year, round: head.round, digest: head.digest, content, toolVersion, problems: [] });
  }
  return rounds;
}
