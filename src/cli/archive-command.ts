// `assess archive ...` (archive.md "Commands"): the growth archive's subcommands. Each turns its
// flags into one call of src/commands and prints the result; where the archive is comes from
// --db, else ASSESS_DB, else the folder 考核档案 (target.ts).

import { filedAtText } from "../build/archive-stats.js";
import { type Period, periodText } from "../domain/model.js";
import type { Command } from "commander";
import { resolveArchiveTarget, type ArchiveTarget } from "../archive/target.js";
import { type AddResult, archiveAdd, type FilingReport } from "../commands/archive-add.js";
import { archiveExport } from "../commands/archive-export.js";
import { archiveImport } from "../commands/archive-import.js";
import { archiveLog, type LogResult } from "../commands/archive-log.js";
import { initArchive, migrateArchiveAt } from "../commands/archive-schema.js";
import type { LogEntry, RoundLogEntry } from "../archive/read-log.js";
import { LIST_KINDS } from "../domain/archive-lists.js";
import type { Problem } from "../domain/problem.js";
import { UsageError } from "../domain/usage-error.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { JOBS_DEFAULT, parseJobs } from "./jobs-option.js";
import { registerArchiveReadCommands } from "./archive-read-commands.js";
import { listJson, personJson, statsJson } from "./archive-read-json.js";
import { onJsonFailure, writeJson } from "./json-output.js";
import { MAX_SIZE_DEFAULT_MIB, parseMaxSize } from "./max-size-option.js";
import { problemRecord, renderProblemTable, stderrColor } from "./problem-table.js";
import { progressMode, startProgress } from "./progress.js";

export const DB_OPTION_HELP = "档案所在：文件夹（内嵌档案）或 postgres:// 地址（档案服务器）；默认取环境变量 ASSESS_DB，再默认当前文件夹下的“考核档案”";

/** The archive named by --db, ASSESS_DB or the default folder. */
export function archiveTarget(db: string | undefined): ArchiveTarget {
  return resolveArchiveTarget(db, process.env.ASSESS_DB, process.env.PGPASSWORD);
}

export function registerArchiveCommand(program: Command): Command {
  onJsonFailure("archive", (problem, _flags, args) => failedJson(args, problem));
  const archive = program
    .command("archive")
    .description("干部成长档案：逐季归档考核结果，查阅个人历年记录、名单和统计，备案导出导入")
    .helpCommand("help [command]", "显示某个子命令的帮助");

  archive
    .command("init")
    .description("建立一个空的考核档案（已有档案时不重复建立）")
    .option("--db <place>", DB_OPTION_HELP)
    .action(async (flags: { db?: string }) => {
      const done = await initArchive(archiveTarget(flags.db));
      process.stderr.write(`已建立考核档案“${done.label}”（结构版本 ${done.to}）。\n`);
      process.exitCode = 0;
    });

  archive
    .command("migrate")
    .description("把旧版本的档案结构升级到本工具的版本（一次完成，失败则保持原样）")
    .option("--db <place>", DB_OPTION_HELP)
    .action(async (flags: { db?: string }) => {
      const done = await migrateArchiveAt(archiveTarget(flags.db));
      process.stderr.write(
        done.from === done.to
          ? `档案“${done.label}”已是结构版本 ${done.to}，无需升级。\n`
          : `已把档案“${done.label}”从结构版本 ${done.from} 升级到 ${done.to}。\n`,
      );
      process.exitCode = 0;
    });

  archive
    .command("add")
    .description("按 grade 的同样规则校验、评定工作簿，把每个已定稿单位的本季度结果归入档案")
    .argument("<paths...>", "工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--db <place>", DB_OPTION_HELP)
    .option("--replace", "已归档且内容不同时，以本次结果替代原记录（原记录保留为已被替代）；须同时给 --reason")
    .option("--reason <text>", "替代的原因，记入档案")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--jobs <N>", "同时读取的线程数；1 表示不另开线程", JOBS_DEFAULT)
    .option("--json", "在标准输出上打印一个 JSON 文档（归档结果和问题），不打印表格")
    .option("--quiet", "不显示读取进度和逐个单位的归档结果，只显示问题和总结")
    .action(async (paths: string[], flags: AddFlags) => {
      process.exitCode = await runAdd(paths, flags);
    });

  archive
    .command("log")
    .description("列出档案的每次归档、替代和导入，按时间先后")
    .option("--unit <code>", "只列这个单位代码的记录")
    .option("--person <id>", "只列含有这个人员编号的记录")
    .option("--db <place>", DB_OPTION_HELP)
    .option("--json", "在标准输出上打印一个 JSON 文档")
    .action(async (flags: { unit?: string; person?: string; db?: string; json?: boolean }) => {
      const result = await archiveLog(archiveTarget(flags.db), { unit: flags.unit, person: flags.person });
      if (flags.json) {
        writeJson(logJson(result, []), []);
      } else {
        process.stderr.write(result.entries.length + result.rounds.length === 0 ? `档案“${result.label}”中没有符合条件的记录。\n` : logLines(result));
      }
      process.exitCode = 0;
    });

  archive
    .command("export")
    .description("把所选的现行归档记录和政治测评导出为一个备案包（.xlsx，可打开查看，附每条记录的 SHA-256 校验）")
    .option("--from <quarter>", "起始季度，如 2025Q1（含）")
    .option("--to <quarter>", "截止季度，如 2026Q4（含）")
    .option("--unit <codes...>", "只导出这些单位（或以其为主管单位的单位）")
    .requiredOption("--out <file>", "备案包文件名（.xlsx）")
    .option("--force", "覆盖已存在的文件")
    .option("--db <place>", DB_OPTION_HELP)
    .action(async (flags: { from?: string; to?: string; unit?: string[]; out: string; force?: boolean; db?: string }) => {
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
      process.exitCode = result.exitCode;
    });

  archive
    .command("import")
    .description("把备案包中的归档记录和政治测评导入本档案（逐条核对 SHA-256，不符的不导入）")
    .argument("<files...>", "备案包（.xlsx）或其所在文件夹")
    .option("--replace", "本档案已有内容不同的记录时，以备案包为准替代（原记录保留为已被替代）；须同时给 --reason")
    .option("--reason <text>", "替代的原因，记入档案")
    .option("--max-size <MiB>", "一个备案包解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--db <place>", DB_OPTION_HELP)
    .option("--json", "在标准输出上打印一个 JSON 文档")
    .action(async (files: string[], flags: { replace?: boolean; reason?: string; maxSize: string; db?: string; json?: boolean }) => {
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
      process.exitCode = result.exitCode;
    });

  registerArchiveReadCommands(archive, { target: archiveTarget, help: DB_OPTION_HELP });
  return archive;
}

interface AddFlags {
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

/**
 * `archive log --json`: "entries" the quarters' filings as before, "rounds" the political rounds'
 * with "round" (测评名称) for "quarter". Apart rather than mixed: each array's numbers are its own
 * table's (supersedes and supersededBy point within it), and a reader of "entries" keeps finding a
 * quarter in every entry.
 */
function logJson(result: Pick<LogResult, "entries" | "rounds">, problems: readonly Problem[]): unknown {
  return { tool: TOOL_NAME, version: TOOL_VERSION, entries: result.entries, rounds: result.rounds, problems: problems.map(problemRecord) };
}

/**
 * The --json document of an archive command that could not run (a usage error, an archive that
 * cannot be opened): the command's own document with nothing in it (archive.md "--json").
 */
function failedJson(args: readonly string[], problem: Problem): unknown {
  const [command, kind] = args.filter((arg) => !arg.startsWith("-"));
  const problems = [problem];
  switch (command) {
    case "add":
      return { tool: TOOL_NAME, version: TOOL_VERSION, rulesSha256: null, filings: [], problems: problems.map(problemRecord) };
    case "import":
      return { tool: TOOL_NAME, version: TOOL_VERSION, filings: [], problems: problems.map(problemRecord) };
    case "log":
      return logJson({ entries: [], rounds: [] }, problems);
    case "person":
      return personJson({ exitCode: 1, records: [], problems, written: [] });
    case "list":
      return listJson(LIST_KINDS.find((k) => k === kind?.trim()) ?? null, { exitCode: 2, window: null, list: null, table: null, min: null, problems, written: [] });
    case "stats":
      return statsJson({ exitCode: 2, window: null, quarters: [], problems, written: [] });
    default:
      return { tool: TOOL_NAME, version: TOOL_VERSION, problems: problems.map(problemRecord) };
  }
}

/** `2026Q3` → 20263 (year × 10 + quarter), the key read-filing.ts filters by; undefined → null. */
function quarterKey(text: string | undefined, flag: string): number | null {
  if (text === undefined) return null;
  const match = /^(\d{4})\s*Q([1-4])$/i.exec(text.trim());
  if (!match) throw new UsageError(`${flag} 应写成“年度Q季度”，如 2026Q3；这次是“${text}”。`);
  return Number(match[1]) * 10 + Number(match[2]);
}

/** --replace with its --reason, or null; one without the other is bad usage. */
export function replaceReason(flags: { replace?: boolean; reason?: string }): string | null {
  if (flags.replace && (flags.reason === undefined || flags.reason.trim() === "")) {
    throw new UsageError("--replace 须同时用 --reason 写明替代的原因，例如 --reason \"复核后更正等次\"。");
  }
  if (!flags.replace && flags.reason !== undefined) throw new UsageError("--reason 只和 --replace 一起用。");
  return flags.replace ? flags.reason!.trim() : null;
}

function filingJson(f: FilingReport): unknown {
  return { unit: f.unit, year: f.year, quarter: f.quarter, state: f.state, digest: f.digest, reason: f.reason };
}

export function addJson(result: AddResult): unknown {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    rulesSha256: result.rules?.sha256 ?? null,
    filings: result.filings.map(filingJson),
    problems: result.problems.map(problemRecord),
  };
}

async function runAdd(paths: string[], flags: AddFlags): Promise<number> {
  const reason = replaceReason(flags);
  const color = stderrColor();
  const mode = progressMode({ quiet: flags.quiet === true, json: flags.json === true, stream: process.stderr });
  // Reading is shown as grade shows it; the filing itself is one transaction, quick beside it.
  const progress = startProgress({ mode, stream: process.stderr, color, now: () => performance.now(), readLines: "summary" });
  let result: AddResult;
  try {
    result = await archiveAdd(paths, {
      target: archiveTarget(flags.db),
      rulesPath: flags.rules,
      maxSizeMiB: parseMaxSize(flags.maxSize),
      jobs: parseJobs(flags.jobs),
      replaceReason: reason,
      now: () => new Date(),
      onProgress: (event) => progress.onProgress(event),
    });
  } finally {
    progress.stop();
  }
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
