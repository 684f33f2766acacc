// Problems as the clerk reads them on stderr: a table sorted by file, sheet and row, with the
// severity in Chinese, the place (`人员!C7`), the rule code, the value found and the message
// (without the place it opens with), then a count line (outputs.md
// "Problems"). Also the problem record of every --json document, so that all commands agree.

import { Chalk, chalkStderr, type ChalkInstance } from "chalk";
import type { Problem } from "../domain/problem.js";
import { SEVERITY_LABEL, sortProblems } from "../domain/problem.js";
import { displayWidth, padToWidth as pad } from "./display-width.js";
import { problemCountLine } from "./problem-count.js";

/** One problem in --json output (outputs.md: severity 错误 / 警告, the rest as found). */
export interface ProblemRecord {
  severity: string;
  code: string;
  file: string;
  sheet: string;
  cell: string;
  header: string;
  value: string;
  message: string;
}

export function problemRecord(problem: Problem): ProblemRecord {
  return {
    severity: SEVERITY_LABEL[problem.severity],
    code: problem.code,
    file: problem.file,
    sheet: problem.sheet,
    cell: problem.cell,
    header: problem.header,
    value: problem.value,
    message: problem.message,
  };
}

function placeOf(problem: Problem): string {
  if (problem.sheet === "") return "—";
  return problem.cell === "" ? problem.sheet : `${problem.sheet}!${problem.cell}`;
}

/**
 * Colours for stderr: none with NO_COLOR (unless FORCE_COLOR), else what chalk finds the terminal
 * takes (chalk 5 itself reads FORCE_COLOR only).
 */
export function stderrColor(env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const forced = "FORCE_COLOR" in env;
  const refused = !forced && env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return new Chalk({ level: refused ? 0 : chalkStderr.level });
}

/**
 * The message as the table shows it: the place is in its own column, so a message that opens with
 * it (`个性评分!D3「工作质量」填写了…`, `审定!C2：…`) does without (the --json record keeps it whole).
 */
export function messageBesidePlace(problem: Problem): string {
  if (problem.sheet === "" || problem.cell === "") return problem.message;
  const place = `${problem.sheet}!${problem.cell}`;
  if (!problem.message.startsWith(place)) return problem.message;
  return problem.message.slice(place.length).replace(/^[：:\s]+/, "");
}

/** The value found, as the clerk typed it, on one line and not so long that it hides the message. */
function valueText(value: string): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > 20 ? `${line.slice(0, 19)}…` : line;
}

/**
 * The table, one line per problem — 类别, 文件, 位置, 规则 (the rule code, to look up), 所填内容
 * (the value found), 说明 — ending with the count line, in stderr's colours unless told.
 */
export function renderProblemTable(problems: readonly Problem[], color: ChalkInstance = stderrColor()): string {
  const rows = sortProblems(problems).map((p) => ({
    problem: p,
    cells: [SEVERITY_LABEL[p.severity], p.file || "—", placeOf(p), p.code, valueText(p.value)],
  }));
  if (rows.length === 0) return `${problemCountLine(problems)}\n`;
  const head = ["类别", "文件", "位置", "规则", "所填内容"];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r.cells[i] ?? ""))));
  const line = (cells: string[]): string[] => cells.map((c, i) => pad(c, widths[i] ?? 0));
  const out = [color.bold(`${line(head).join("  ")}  说明`)];
  for (const { problem, cells } of rows) {
    const paint = problem.severity === "error" ? color.red : color.yellow;
    const [severity = "", ...rest] = line(cells);
    out.push(`${[paint(severity), ...rest].join("  ")}  ${messageBesidePlace(problem)}`);
  }
  out.push(problemCountLine(problems));
  return `${out.join("\n")}\n`;
}
