// `assess archive init | migrate | add | log | export | import` run (archive.md "Commands"): flags →
// one call of src/commands → what it did on stderr, or one JSON document on stdout → the exit
// code. Loaded by archive-command.ts when one of them runs.

import { filedAtText } from "../build/archive-stats.js";
import { type Period, periodText } from "../domain/model.js";
import { archiveAdd, type FilingReport } from "../commands/archive-add.js";
import { archiveExport } from "../commands/archive-export.js";
import { archiveImport } from "../commands/archive-import.js";
import { archiveLog, type LogResult } from "../commands/archive-log.js";
import { initArchive, migrateArchiveAt } from "../commands/archive-schema.js";
import type { LogEntry, RoundLogEntry } from "../archive/read-log.js";
import { UsageError } from "../domain/usage-error.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { archiveTarget, replaceReason } from "./archive-options.js";
import { addJson, filingJson, logJson } from "./archive-json.js";
import { parseJobs } from "./jobs-option.js";
import { writeJson } from "./json-output.js";
import { parseMaxSize } from "./max-size-option.js";
import { problemRecord, renderProblemTable, stderrColor } from "./problem-table.js";
import { withStderrProgress } from "./progress.js";

export interface AddFlags {
  rules?: string;
  db?: string;
  replace?: boolean;
  reason?: string;
  maxSize: string;
  jobs: string;
  json?: boolean;
  quiet?: boolean;
}

const STATE_TEXT: Record<FilingReport["state"], string> = {
  filed: "已归档",
  unchanged: "已归档，内容未变",
  replaced: "已替代原记录",
  refused: "未归档",
  "not-final": "未归档",
};

function filingLine(f: FilingReport): string {
  const why = f.reason && f.state !== "unchanged" && f.state !== "refused" ? `：${f.reason}` : "";
  return `单位 ${f.unit} ${f.name} ${periodText({ year: f.year, quarter: f.quarter as Period["quarter"] })}：${STATE_TEXT[f.state]}${why}\n`;
}

const ACTION_TEXT: Record<LogEntry["action"], string> = { filed: "归档", replaced: "替代", imported: "导入" };

function logLine(e: LogEntry | RoundLogEntry): string {
  // A round's numbers are political_round's, not filing's: 政治测评第 N 号 keeps the two apart.
  const no = "round" in e ? "政治测评第" : "第";
  const state = e.supersededBy === null ? "现行" : `已被${no} ${e.supersededBy} 号替代`;
  const replaced = e.supersedes === null ? "" : `，替代${no} ${e.supersedes} 号（${e.reason ?? ""}）`;
  const from = e.packageFile ? `，来自备案包 ${e.packageFile}` : "";
  const what = "round" in e ? `${e.year}年“${e.round}”` : periodText({ year: e.year, quarter: e.quarter as Period["quarter"] });
  const rules = "round" in e ? `  规则 ${e.rulesSha256.slice(0, 12)}` : "";
  return `${no} ${e.id} 号  ${filedAtText(e.filedAt)}  ${ACTION_TEXT[e.action]}  ${what}  ${e.unit} ${e.name}  ${state}${replaced}${from}  文件 ${e.files.join("、")}  摘要 ${e.digest.slice(0, 12)}${rules}\n`;
}

/** Quarters and rounds in one history, oldest first; at the same time (one command), quarters first. */
function logLines(result: LogResult): string {
  const all = [...result.entries.map((e) => ({ e, order: 0 })), ...result.rounds.map((e) => ({ e, order: 1 }))];
  all.sort((a, b) => (a.e.filedAt < b.e.filedAt ? -1 : a.e.filedAt > b.e.filedAt ? 1 : a.order - b.order || a.e.id - b.e.id));
  return all.map((x) => logLine(x.e)).join("");
}

/** `2026Q3` → 20263 (year × 10 + quarter), the key read-filing.ts filters by; undefined → null. */
function quarterKey(text: string | undefined, flag: string): number | null {
  if (text === undefined) return null;
  const match = /^(\d{4})\s*Q([1-4])$/i.exec(text.trim());
  if (!match) throw new UsageError(`${flag} 应写成“年度Q季度”，如 2026Q3；这次是“${text}”。`);
  return Number(match[1]) * 10 + Number(match[2]);
}

export interface DbFlags {
  db?: string;
}

export interface LogFlags {
  unit?: string;
  person?: string;
  db?: string;
  json?: boolean;
}

export interface ExportFlags {
  from?: string;
  to?: string;
  unit?: string[];
  out: string;
  force?: boolean;
  db?: string;
}

export interface ImportFlags {
  replace?: boolean;
  reason?: string;
  maxSize: string;
  db?: string;
  json?: boolean;
}

export async function runInit(flags: DbFlags): Promise<number> {
  const done = await initArchive(archiveTarget(flags.db));
  process.stderr.write(`已建立考核档案“${done.label}”（结构版本 ${done.to}）。\n`);
  return 0;
}

export async function runMigrate(flags: DbFlags): Promise<number> {
  const done = await migrateArchiveAt(archiveTarget(flags.db));
  process.stderr.write(
    done.from === done.to
      ? `档案“${done.label}”已是结构版本 ${done.to}，无需升级。\n`
      : `已把档案“${done.label}”从结构版本 ${done.from} 升级到 ${done.to}。\n`,
  );
  return 0;
}

export async function runAdd(paths: string[], flags: AddFlags): Promise<number> {
  const reason = replaceReason(flags);
  const color = stderrColor();
  // Reading is shown as grade shows it; the filing itself is one transaction, quick beside it.
  const { result, mode } = await withStderrProgress(flags, { color, readLines: "summary" }, (onProgress) =>
    archiveAdd(paths, {
      target: archiveTarget(flags.db),
      rulesPath: flags.rules,
      maxSizeMiB: parseMaxSize(flags.maxSize),
      jobs: parseJobs(flags.jobs),
      replaceReason: reason,
      now: () => new Date(),
      onProgress,
    }),
  );
  if (flags.json) {
    writeJson(addJson(result), result.problems);
    return result.exitCode;
  }
  if (mode !== "silent") process.stderr.write(result.filings.map(filingLine).join(""));
  process.stderr.write(renderProblemTable(result.problems, color));
  const count = (state: FilingReport["state"]): number => result.filings.filter((f) => f.state === state).length;
  process.stderr.write(
    `档案“${result.label}”：新归档 ${count("filed")} 个，替代 ${count("replaced")} 个，内容未变 ${count("unchanged")} 个，未归档 ${count("refused") + count("not-final")} 个。\n`,
  );
  return result.exitCode;
}

export async function runLog(flags: LogFlags): Promise<number> {
  const result = await archiveLog(archiveTarget(flags.db), { unit: flags.unit, person: flags.person });
  if (flags.json) {
    writeJson(logJson(result, []), []);
  } else {
    process.stderr.write(result.entries.length + result.rounds.length === 0 ? `档案“${result.label}”中没有符合条件的记录。\n` : logLines(result));
  }
  return 0;
}

export async function runExport(flags: ExportFlags): Promise<number> {
  const result = await archiveExport({
    target: archiveTarget(flags.db),
    filter: { from: quarterKey(flags.from, "--from"), to: quarterKey(flags.to, "--to"), units: flags.unit ?? [] },
    out: flags.out,
    force: flags.force === true,
  });
  process.stderr.write(
    result.written === null
      ? `档案“${result.label}”中没有符合条件的现行记录或政治测评，未写出备案包。\n`
      : `已把 ${result.filings.length} 条归档记录${result.rounds.length === 0 ? "" : `和 ${result.rounds.length} 个政治测评`}写入备案包 ${result.written}。\n`,
  );
  return result.exitCode;
}

export async function runImport(files: string[], flags: ImportFlags): Promise<number> {
  const result = await archiveImport(files, {
    target: archiveTarget(flags.db),
    replaceReason: replaceReason(flags),
    maxSizeMiB: parseMaxSize(flags.maxSize),
    now: () => new Date(),
  });
  if (flags.json) {
    // A round is a "filings" entry with "round" (its 测评名称) where a quarter's has "quarter", as `political --db` reports it.
    const filings = [...result.filings.map(filingJson), ...result.rounds.map((r) => ({ unit: r.unit, year: r.year, round: r.round, state: r.state, digest: r.digest, reason: r.reason }))];
    writeJson({ tool: TOOL_NAME, version: TOOL_VERSION, filings, problems: result.problems.map(problemRecord) }, result.problems);
  } else {
    process.stderr.write(result.filings.map((f) => `${f.file}：${filingLine(f)}`).join(""));
    process.stderr.write(result.rounds.map((r) => `${r.file}：单位 ${r.unit} ${r.name} ${r.year}年“${r.round}”：${STATE_TEXT[r.state]}${r.state === "replaced" && r.reason ? `：${r.reason}` : ""}\n`).join(""));
    process.stderr.write(renderProblemTable(result.problems, stderrColor()));
    const all = [...result.filings, ...result.rounds];
    const count = (state: FilingReport["state"]): number => all.filter((f) => f.state === state).length;
    const rounds = result.rounds.length === 0 ? "" : `（其中政治测评 ${result.rounds.length} 条）`;
    process.stderr.write(`档案“${result.label}”${rounds}：导入 ${count("filed") + count("replaced")} 条（其中替代 ${count("replaced")} 条），内容未变 ${count("unchanged")} 条，拒绝 ${count("refused")} 条。\n`);
  }
  return result.exitCode;
}
