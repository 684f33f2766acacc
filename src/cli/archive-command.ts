// `assess archive ...` (archive.md "Commands"): the growth archive's subcommands, their names,
// flags and help. Each one's run (archive-run.ts; archive-read-commands.ts for person, list and
// stats) is loaded when it runs, so that --help and the other commands do without the archive.
// Where the archive is comes from --db, else ASSESS_DB, else the folder 考核档案 (target.ts).

import type { Command } from "commander";
import { archiveTarget, DB_OPTION_HELP } from "./archive-options.js";
import type { AddFlags, DbFlags, ExportFlags, ImportFlags, LogFlags } from "./archive-run.js";
import { JOBS_DEFAULT } from "./jobs-option.js";
import { registerArchiveReadCommands } from "./archive-read-commands.js";
import { onJsonFailure } from "./json-output.js";
import { MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";

export function registerArchiveCommand(program: Command): Command {
  onJsonFailure("archive", async (problem, _flags, args) => {
    const { failedJson } = await import("./archive-json.js");
    return failedJson(args, problem);
  });
  const archive = program
    .command("archive")
    .description("干部成长档案：逐季归档考核结果，查阅个人历年记录、名单和统计，备案导出导入")
    .helpCommand("help [command]", "显示某个子命令的帮助");

  archive
    .command("init")
    .description("建立一个空的考核档案（已有档案时不重复建立）")
    .option("--db <place>", DB_OPTION_HELP)
    .action(async (flags: DbFlags) => {
      const { runInit } = await import("./archive-run.js");
      process.exitCode = await runInit(flags);
    });

  archive
    .command("migrate")
    .description("把旧版本的档案结构升级到本工具的版本（一次完成，失败则保持原样）")
    .option("--db <place>", DB_OPTION_HELP)
    .action(async (flags: DbFlags) => {
      const { runMigrate } = await import("./archive-run.js");
      process.exitCode = await runMigrate(flags);
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
      const { runAdd } = await import("./archive-run.js");
      process.exitCode = await runAdd(paths, flags);
    });

  archive
    .command("log")
    .description("列出档案的每次归档、替代和导入，按时间先后")
    .option("--unit <code>", "只列这个单位代码的记录")
    .option("--person <id>", "只列含有这个人员编号的记录")
    .option("--db <place>", DB_OPTION_HELP)
    .option("--json", "在标准输出上打印一个 JSON 文档")
    .action(async (flags: LogFlags) => {
      const { runLog } = await import("./archive-run.js");
      process.exitCode = await runLog(flags);
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
    .action(async (flags: ExportFlags) => {
      const { runExport } = await import("./archive-run.js");
      process.exitCode = await runExport(flags);
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
    .action(async (files: string[], flags: ImportFlags) => {
      const { runImport } = await import("./archive-run.js");
      process.exitCode = await runImport(files, flags);
    });

  registerArchiveReadCommands(archive, { target: archiveTarget, help: DB_OPTION_HELP });
  return archive;
}
