// `assess archive ...` (archive.md "Commands"): the growth archive's subcommands. Each turns its
// flags into one call of src/commands and prints the result; where the archive is comes from
// --db, else ASSESS_DB, else the folder 考核档案 (target.ts).

import type { Command } from "commander";
import { resolveArchiveTarget, type ArchiveTarget } from "../archive/target.js";
import { initArchive, migrateArchiveAt } from "../commands/archive-schema.js";
import { TOOL_NAME, TOOL_VERSION } from "../run/tool-version.js";
import { onJsonFailure } from "./json-output.js";
import { problemRecord } from "./problem-table.js";

export const DB_OPTION_HELP = "档案所在：文件夹（内嵌档案）或 postgres:// 地址（档案服务器）；默认取环境变量 ASSESS_DB，再默认当前文件夹下的“考核档案”";

/** The archive named by --db, ASSESS_DB or the default folder. */
export function archiveTarget(db: string | undefined): ArchiveTarget {
  return resolveArchiveTarget(db, process.env.ASSESS_DB, process.env.PGPASSWORD);
}

export function registerArchiveCommand(program: Command): Command {
  onJsonFailure("archive", (problem) => ({ tool: TOOL_NAME, version: TOOL_VERSION, filings: [], problems: [problemRecord(problem)] }));
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

  return archive;
}
