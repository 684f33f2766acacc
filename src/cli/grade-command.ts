// `assess grade PATH... [--rules F] [--out DIR] [--json] [--force] [--max-size MiB] [--jobs N]
// [--quiet]` (outputs.md): the command's name, flags and help. Its run (grade-run.ts) is loaded
// when it runs, so that --help and the other commands do without commands/grade and all it builds.

import type { Command } from "commander";
import { JOBS_DEFAULT } from "./jobs-option.js";
import { MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";
import { onJsonFailure } from "./json-output.js";
import type { GradeFlags } from "./grade-run.js";

export function registerGradeCommand(program: Command): void {
  onJsonFailure("grade", async (problem) => {
    const { gradeJson } = await import("./grade-json.js");
    return gradeJson({ exitCode: 2, rules: null, period: null, units: [], pools: [], problems: [problem], outDir: null, written: [] });
  });
  program
    .command("grade")
    .description("校验并评定，为每个无错误的单位写出结果表、公示和反馈单；多个单位时另写汇总表")
    .argument("<paths...>", "工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--out <dir>", "输出文件夹；默认在第一个输入旁边建“{年度}Q{季度}_结果”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（结果和问题），不打印表格")
    .option("--jobs <N>", "同时读取和生成的线程数；1 表示不另开线程", JOBS_DEFAULT)
    .option("--quiet", "不显示进度和逐个单位的结果，只显示问题和总结")
    .action(async (paths: string[], flags: GradeFlags) => {
      const { runGrade } = await import("./grade-run.js");
      process.exitCode = await runGrade(paths, flags);
    });
}
