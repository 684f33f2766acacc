// `assess rules` run (outputs.md): the effective rules as a Chinese table with their SHA-256 on
// stderr (human output), or with --init a rules file to start from on stdout. A bad rules file:
// its problems on stderr and exit code 2. Loaded by rules-command.ts when the command runs.

import { type Problem, SEVERITY_LABEL } from "../domain/problem.js";
import { DEFAULT_RULES_FILE } from "../domain/rules-file-defaults.js";
import type { EffectiveRules } from "../domain/rules.js";
import { type RuleRow, allRulesRows } from "../build/rules-table.js";
import { loadRules } from "../read/load-rules.js";
import { displayWidth, padToWidth } from "./display-width.js";

export interface RulesOptions {
  rules?: string;
  init?: boolean;
}

export async function runRules(options: RulesOptions): Promise<number> {
  if (options.init && options.rules === undefined) {
    process.stdout.write(`${formatRulesJson(DEFAULT_RULES_FILE)}\n`);
    return 0;
  }
  const { value, problems } = await loadRules(options.rules);
  if (value === null) {
    process.stderr.write(problems.map(problemLine).join(""));
    process.stderr.write(`规则文件有 ${problems.length} 处错误，请改正后再试。\n`);
    return 2;
  }
  // --init is a file to redirect (stdout); the table is for reading (stderr, outputs.md).
  if (options.init) process.stdout.write(`${formatRulesJson(value.json)}\n`);
  else process.stderr.write(rulesReport(value));
  return 0;
}

/** `错误 规则文件 r.json「weights」：…` (the validate command's problem table is elsewhere). */
function problemLine(problem: Problem): string {
  const key = problem.header === "" ? "" : `「${problem.header}」`;
  return `${SEVERITY_LABEL[problem.severity]} 规则文件 ${problem.file}${key}：${problem.message}\n`;
}

// ---------------------------------------------------------------------------------------------
// The table.

type Row = RuleRow;

function formatTable(header: Row, rows: readonly Row[]): string {
  const widths = ([0, 1] as const).map((column) => Math.max(...[header, ...rows].map((row) => displayWidth(row[column]))));
  const line = (row: Row): string => `${padToWidth(row[0], widths[0] ?? 0)}  ${padToWidth(row[1], widths[1] ?? 0)}  ${row[2]}`;
  const rule = "-".repeat((widths[0] ?? 0) + (widths[1] ?? 0) + 4 + Math.max(...rows.map((r) => displayWidth(r[2]))));
  return [line(header), rule, ...rows.map(line)].map((text) => `${text.trimEnd()}\n`).join("");
}

function rulesReport(effective: EffectiveRules): string {
  const source = effective.source === null ? "内置标准方案" : `规则文件 ${effective.source}`;
  return `考核规则：${effective.rules.name}（${source}）\n\n${formatTable(["参数", "含义", "值"], allRulesRows(effective))}`;
}

// ---------------------------------------------------------------------------------------------
// The rules file as text.

const JSON_WIDTH = 100;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[${value.map(inlineJson).join(", ")}]`;
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

function blockJson(value: unknown, indent: string, used: number): string {
  const flat = inlineJson(value);
  const nested = Array.isArray(value) || isObject(value);
  if (!nested || (indent !== "" && used + flat.length <= JSON_WIDTH)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + blockJson(v, inner, inner.length)).join(",\n")}\n${indent}]`;
  }
  const lines = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const prefix = `${inner}${JSON.stringify(k)}: `;
    return prefix + blockJson(v, inner, prefix.length);
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** Pretty JSON as rules.md shows it: short objects and lists on one line, the rest indented. */
export function formatRulesJson(value: unknown): string {
  return blockJson(value, "", 0);
}
