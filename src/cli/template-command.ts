// `assess template [--units F] [--roster F] [--year Y --quarter Q] [--rules F] [--out DIR]
// [--force] [--political [--round NAME]]` (outputs.md): the command's name, flags and help. Its
// run (template-run.ts) is loaded when it runs, so that --help and the other commands do without
// the template builders.

import type { Command } from "commander";
import type { TemplateFlags } from "./template-run.js";

export function registerTemplateCommand(program: Command): void {
  program
    .command("template")
    .description("生成供单位填报的考核工作簿：不给名单时一份空白工作簿，给出单位名单和人员名册时每个单位一份（已预填人员）")
    .option("--units <file>", "单位名单（.xlsx 或 .csv，列同“单位”工作表；CSV 可为 UTF-8 或 GBK）")
    .option("--roster <file>", "人员名册（.xlsx 或 .csv，列同“人员”工作表；CSV 可为 UTF-8 或 GBK）")
    .option("--year <year>", "年度，如 2026（与 --quarter 同时给出）")
    .option("--quarter <quarter>", "季度，1 至 4（也可写 Q3、第三季度）")
    .option("--rules <file>", "规则文件（JSON），其中的指标写入“指标”工作表；不给时用内置的标准方案")
    .option("--out <dir>", "输出文件夹；默认为当前文件夹下的“{年度}Q{季度}_模板”")
    .option("--force", "覆盖已有的同名文件")
    .option("--political", "生成领导干部政治素质测评工作簿（干部、双向测评、问题线索等）；--roster 为领导干部名册（列同“干部”工作表）")
    .option("--round <name>", "与 --political 同用：测评名称，如“2026年度领导班子和领导干部考核”")
    .action(async (flags: TemplateFlags) => {
      const { runTemplate } = await import("./template-run.js");
      process.exitCode = await runTemplate(flags);
    });
}
