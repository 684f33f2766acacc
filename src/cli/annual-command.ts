// `assess annual PATH... --year Y [--rules F] [--out DIR] [--json] [--force] [--max-size MiB]`
// (outputs.md "Annual"): the command's name, flags and help. Its run (annual-run.ts) is loaded
// when it runs, so that --help and the other commands do without commands/annual.

import type { Command } from "commander";
import type { AnnualRunResult } from "../commands/annual.js";
import { MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";
import { onJsonFailure } from "./json-output.js";
import type { AnnualFlags } from "./annual-run.js";
import { parseYear } from "./year-option.js";

export function registerAnnualCommand(program: Command): void {
  onJsonFailure("annual", async (problem, flags) => {
    let year: number | null = null;
    try {
      year = parseYear(typeof flags.year === "string" ? flags.year : "");
    } catch {
      // A --year that cannot be a 年度 is reported by the run's own problem; the document says null.
    }
    const failed: AnnualRunResult = { exitCode: 2, year, rules: null, state: "draft", graded: null, problems: [problem], outDir: null, written: [] };
    const { annualJson } = await import("./annual-json.js");
    return annualJson(failed);
  });
  program
    .command("annual")
    .description("汇总一个年度各季度的考核结果：年度优秀推荐（按单位名额）、后备人选和提醒谈话名单")
    .argument("[paths...]", "该年度各季度的工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）；用 --db 时不给")
    .requiredOption("--year <年度>", "年度，如 2026；其他年度的工作簿不计入")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--out <dir>", "输出文件夹；默认在第一个输入旁边建“{年度}_年度结果”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（结果和问题），不打印表格")
    .option("--db <place>", "改从考核档案中该年度已归档的季度汇总，并把年度结果记入档案（文件夹或 postgres:// 地址）")
    .action(async (paths: string[], flags: AnnualFlags) => {
      const { runAnnual } = await import("./annual-run.js");
      process.exitCode = await runAnnual(paths, flags);
    });
}
