// The rules in force (rules.md "The rules file"): the built-in 标准方案, or a rules file read,
// merged over it and checked. A file that cannot be read as JSON cannot run the command
// (UsageError, exit 2); a file that reads but breaks the rules gives problems, named by key.

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { Checked } from "../domain/problem.js";
import { checkRules } from "../domain/rules-file.js";
import { DEFAULT_RULES_FILE } from "../domain/rules-file-defaults.js";
import { mergeRulesFile } from "../domain/rules-file-merge.js";
import type { EffectiveRules } from "../domain/rules.js";
import { UsageError } from "../domain/usage-error.js";

/** A rules file is a page of JSON; anything far bigger is some other file given by mistake. */
const MAX_RULES_FILE_BYTES = 1024 * 1024;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

async function readRulesText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_RULES_FILE_BYTES) {
      throw new UsageError(`规则文件“${path}”大于 1 MiB，不像规则文件。请检查 --rules 所给的文件。`);
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`找不到规则文件“${path}”，请检查 --rules 所给的路径和文件名。`);
    if (code === "EISDIR") throw new UsageError(`规则文件“${path}”是一个文件夹，请给出 .json 文件。`);
    throw new UsageError(`无法读取规则文件“${path}”（${code ?? "读取出错"}），请检查文件权限或是否被其他程序占用。`);
  }
  try {
    // Notepad on Windows saves UTF-8 with a byte-order mark; JSON.parse would choke on it.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(`规则文件“${path}”不是 UTF-8 编码，请用记事本或 WPS 另存为 UTF-8 编码后再试。`);
  }
}

/** Line and column of a character offset, 1-based, for a JSON syntax error. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Where JSON.parse failed, or null when the text is only cut short. */
function errorPosition(text: string, message: string): number | null {
  const stated = /position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  if (/end of JSON/.test(message)) return null;
  // V8 names no position for an unexpected token; find the longest prefix that could still
  // start a JSON text: the next character is where it went wrong.
  const couldStart = (prefix: string): boolean => {
    try {
      JSON.parse(prefix);
      return true;
    } catch (error) {
      const said = error instanceof Error ? error.message : "";
      const at = /position (\d+)/.exec(said);
      return /end of JSON/.test(said) || (at !== null && Number(at[1]) >= prefix.length);
    }
  };
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (couldStart(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}

function parseRulesJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const position = errorPosition(text, error instanceof Error ? error.message : "");
    let where = "文件不完整，结尾缺少括号或引号";
    if (text.trim() === "") where = "文件是空的";
    else if (position !== null) {
      const { line, column } = lineAndColumn(text, position);
      where = `第 ${line} 行第 ${column} 列附近有错`;
    }
    throw new UsageError(
      `规则文件“${path}”不是有效的 JSON（${where}）。请检查逗号、引号和括号是否成对，是否误用了中文标点（“”，：）。`,
    );
  }
}

/**
 * The effective rules: the built-in 标准方案 without a path, else the file at `path` (as named on
 * the command line) merged over it and checked. Throws UsageError when the file cannot be read
 * as JSON; returns problems (value null) when it reads but breaks the rules.
 */
export async function loadRules(path: string | undefined): Promise<Checked<EffectiveRules>> {
  if (path === undefined) return checkRules(DEFAULT_RULES_FILE, null, sha256Hex);
  const given = parseRulesJson(path, await readRulesText(path));
  return checkRules(mergeRulesFile(DEFAULT_RULES_FILE, given), path, sha256Hex);
}
