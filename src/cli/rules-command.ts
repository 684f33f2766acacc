// `assess rules [--rules F] [--init]` (outputs.md): the command's name, flags and help. Its run
// (rules-run.ts) is loaded when it runs, so that --help and the other commands do without the
// rules file's schema (zod) and the built-in rules.

import type { Command } from "commander";
import type { RulesOptions } from "./rules-run.js";

export function registerRulesCommand(program: Command): void {
  program
    .command("rules")
    .description("显示生效的考核规则（参数、含义、值及 SHA-256）；--init 输出默认规则文件")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--init", "输出规则文件（JSON），可重定向保存后修改；与 --rules 同用时输出合并后的完整文件")
    .action(async (options: RulesOptions) => {
      const { runRules } = await import("./rules-run.js");
      process.exitCode = await runRules(options);
    });
}
