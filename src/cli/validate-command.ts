// `assess validate PATH... [--rules F] [--max-size MiB] [--json] [--jobs N] [--quiet]`
// (outputs.md): the command's name, flags and help. Its run (validate-run.ts) is loaded when it
// runs, so that --help and the other commands do without commands/validate and what it reads with.

import type { Command } from "commander";
import { JOBS_DEFAULT } from "./jobs-option.js";
import { MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";
import { onJsonFailure } from "./json-output.js";
import type { ValidateFlags } from "./validate-run.js";

export function registerValidateCommand(program: Command): void {
  onJsonFailure("validate", async (problem) => {
    const { validateJson } = await import("./validate-json.js");
    return validateJson({ exitCode: 2, rules: null, files: [], period: null, units: [], problems: [problem] });
  });
  program
    .command("validate")
    .description("校验考核工作簿（文件或文件夹）并像 grade 一样试评定，列出 grade 会报告的全部问题，不写任何文件")
    .argument("<paths...>", "工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（问题清单），不打印表格")
    .option("--jobs <N>", "同时读取的线程数；1 表示不另开线程", JOBS_DEFAULT)
    .option("--quiet", "不显示进度和逐个单位的结论，只显示问题")
    .action(async (paths: string[], flags: ValidateFlags) => {
      const { runValidate } = await import("./validate-run.js");
      process.exitCode = await runValidate(paths, flags);
    });
}
