// The command line: commander turns flags into one call of src/commands per command (STYLE.md habit 7).
// This is the only place, with its siblings in src/cli, that touches process and the console.

import { setFlagsFromString } from "node:v8";
import { Command, CommanderError } from "commander";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { UsageError } from "../domain/usage-error.js";
import { registerAnnualCommand } from "./annual-command.js";
import { chineseCommanderMessage, speakChinese } from "./chinese-commander.js";
import { registerArchiveCommand } from "./archive-command.js";
import { registerGradeCommand } from "./grade-command.js";
import { registerPoliticalCommand } from "./political-command.js";
import { writeJsonFailure } from "./json-output.js";
import { registerRulesCommand } from "./rules-command.js";
import { registerTemplateCommand } from "./template-command.js";
import { registerValidateCommand } from "./validate-command.js";

/**
 * How much TurboFan may inline into one function it optimizes, in bytes of bytecode (V8's default
 * is 920). Set before any code is hot, for this thread and the worker threads (V8's flags are the
 * process's). With the default, a city's grade spent some 3 s of CPU optimizing on V8's background
 * threads (perf, by thread), several times over for functions optimized again after a
 * deoptimization. Medians of three runs on the bench's 1,000-unit folder, alternated with the
 * default: grade 8.75 → 8.19 s wall (14.2 → 13.4 s of CPU); validate 4.44 and 4.57 s, no change
 * beyond the machine's noise.
 */
setFlagsFromString("--max-inlined-bytecode-size-cumulative=200");

const program = new Command()
  .name(TOOL_NAME)
  .description("公务员平时考核评定工具：校验考核工作簿，按方案计分定等，生成结果表、公示和反馈单")
  .version(TOOL_VERSION, "-V, --version", "显示版本号")
  .helpOption("-h, --help", "显示帮助")
  .helpCommand("help [command]", "显示某个命令的帮助")
  .exitOverride();

// The commands, in the order a clerk meets them in a quarter.
registerTemplateCommand(program);
registerValidateCommand(program);
registerGradeCommand(program);
registerAnnualCommand(program);
registerPoliticalCommand(program);
registerRulesCommand(program);
// Help and usage errors in Chinese, on stderr (stdout is for --json and `rules --init`).
speakChinese(program, (text) => process.stderr.write(text));
registerArchiveCommand(program);

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; anything else commander rejects is bad usage
      // (commander has said what on stderr).
      if (error.exitCode === 0) return 0;
      await writeJsonFailure(program, argv, chineseCommanderMessage(error.message));
      return 2;
    }
    if (error instanceof UsageError) {
      await writeJsonFailure(program, argv, error.message);
      process.stderr.write(`错误：${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`assess 内部错误，未能完成：${message}\n请把这条信息和所用的文件交给系统管理员。\n`);
    if (process.env.ASSESS_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv);
