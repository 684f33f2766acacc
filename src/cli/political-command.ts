// `assess political PATH... [--rules F] [--out DIR] [--json] [--force] [--max-size MiB] [--db D [--replace --reason TEXT]]`
// (political.md): the command's name, flags and help. Its run (political-run.ts) is loaded when it
// runs, so that --help and the other commands do without the political pipeline.

import type { Command } from "commander";
import { DB_OPTION_HELP } from "./archive-options.js";
import { onJsonFailure } from "./json-output.js";
import { MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";
import type { PoliticalFlags } from "./political-run.js";

export function registerPoliticalCommand(program: Command): void {
  onJsonFailure("political", async (problem) => {
    const { politicalJson } = await import("./political-json.js");
    return politicalJson({ exitCode: 2, rules: null, year: null, round: null, units: [], problems: [problem], outDir: null, written: [] });
  });
  program
    .command("political")
    .description("领导干部政治素质正反向测评：计分、反向条目、问题线索和综合研判，写出测评结果表、政治素质画像、综合分析报告和问题线索汇总")
    .argument("<paths...>", "政治素质测评工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）")
    .option("--rules <file>", "规则文件（JSON），其 political 部分为正反向清单和权重；不给时用内置方案（望江）")
    .option("--out <dir>", "输出文件夹；默认在第一个输入旁边建“{年度}_政治素质测评_结果”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（结果和问题），不打印表格")
    .option("--db <place>", `把每个已测评单位的本轮结果归入考核档案（干部成长档案中可见）。${DB_OPTION_HELP}`)
    .option("--replace", "该单位本轮已归档且内容不同时，以本次结果替代原记录（原记录保留为已被替代）；须同时给 --reason")
    .option("--reason <text>", "替代的原因，记入档案")
    .action(async (paths: string[], flags: PoliticalFlags) => {
      const { runPolitical } = await import("./political-run.js");
      process.exitCode = await runPolitical(paths, flags);
    });
}
