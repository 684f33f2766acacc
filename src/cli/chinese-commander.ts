// Commander in Chinese (outputs.md: everything a clerk reads, `--help` and usage errors included,
// is Chinese): its help's titles, usage words and defaults, and its own error messages. Command
// and flag names stay English. Commander 14's messages are fixed strings (lib/command.js); each
// is matched whole here, and one that is not known is passed on as commander wrote it rather
// than guessed at.

import { type Command, Help } from "commander";
import { displayWidth } from "./display-width.js";

const TITLE: Record<string, string> = {
  "Usage:": "用法：",
  "Arguments:": "参数：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Global Options:": "全局选项：",
};

/** `[options]` and `[command]` of commander's usage lines, in the clerk's words. */
function chineseUsage(usage: string): string {
  return usage.replace(/\[options\]/g, "[选项]").replace(/\[command\]/g, "[命令]");
}

/** What commander says of an option's or argument's default, `（默认：256）`. */
function withDefault(description: string, item: { defaultValue?: unknown; defaultValueDescription?: string; required?: boolean; optional?: boolean }, shown: boolean): string {
  if (item.defaultValue === undefined || !shown) return description;
  const value = item.defaultValueDescription ?? (typeof item.defaultValue === "string" ? item.defaultValue : JSON.stringify(item.defaultValue));
  return `${description}（默认：${value}）`;
}

/** The help's layout in Chinese, with CJK characters counted two columns wide so that columns line up. */
export const CHINESE_HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLE[title] ?? title,
  commandUsage(this: Help, command: Command): string {
    return chineseUsage(Help.prototype.commandUsage.call(this, command));
  },
  subcommandTerm(this: Help, command: Command): string {
    return chineseUsage(Help.prototype.subcommandTerm.call(this, command));
  },
  optionDescription: (option) => withDefault(option.description, option, option.required || option.optional),
  argumentDescription: (argument) => withDefault(argument.description, argument, true),
  displayWidth: (text: string) => displayWidth(text.replace(/\u001b\[[0-9;]*m/g, "")),
};

/** The names of the commands' arguments, as the clerk knows them. */
const ARGUMENT_NAME: Record<string, string> = { paths: "PATH（工作簿或文件夹）" };

/** `（是否要用 --rules？）` from commander's `(Did you mean --rules?)`. */
function suggestion(text: string | undefined): string {
  if (!text) return "";
  const one = /^\n\(Did you mean (?:one of )?(.+)\?\)$/.exec(text);
  return one ? `（是否要用 ${one[1]}？）` : "";
}

/** `option '--jobs <N>'` → `选项 --jobs <N>`, as commander names an option in its conflicts. */
function optionName(text: string): string {
  return text.replace(/^option '(.+)'$/, "选项 $1").replace(/^environment variable '(.+)'$/, "环境变量 $1");
}

const MESSAGES: [RegExp, (...parts: string[]) => string][] = [
  [/^unknown option '(.+?)'(\n\(Did you mean .+\?\))?$/s, (flag, hint) => `不认识选项 ${flag}${suggestion(hint)}。`],
  [/^unknown command '(.+?)'(\n\(Did you mean .+\?\))?$/s, (name, hint) => `不认识命令 ${name}${suggestion(hint)}。`],
  [/^missing required argument '(.+)'$/, (name) => `缺少参数 ${ARGUMENT_NAME[name] ?? name}。`],
  [/^option '(.+)' argument missing$/, (flags) => `选项 ${flags} 后面缺少取值。`],
  [/^required option '(.+)' not specified$/, (flags) => `缺少必需的选项 ${flags}。`],
  [
    /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) => `${command ? `命令 ${command} ` : ""}参数过多：应有 ${expected} 个，实际给了 ${got} 个。`,
  ],
  [/^(.+) cannot be used with (.+)$/, (a, b) => `${optionName(a ?? "")} 不能与 ${optionName(b ?? "")} 同时使用。`],
  [/^option '(.+)' argument '(.*)' is invalid\.\s*(.*)$/s, (flags, value, why) => `选项 ${flags} 的取值“${value}”无效。${why ?? ""}`.trim()],
  [/^command-argument value '(.*)' is invalid for argument '(.+)'\.\s*(.*)$/s, (value, name, why) => `参数 ${name} 的取值“${value}”无效。${why ?? ""}`.trim()],
];

/** A message of commander's (with or without its `error: `) in Chinese; one not known as it came. */
export function chineseCommanderMessage(message: string): string {
  const text = message.replace(/^error: /, "").trimEnd();
  for (const [pattern, say] of MESSAGES) {
    const m = pattern.exec(text);
    if (m) return say(...m.slice(1).map((part) => part ?? ""));
  }
  return text;
}

/**
 * Sets a program up to speak Chinese: help and errors, and for each of its commands the hint after
 * an error names that command's help. Call once every command is registered.
 */
export function speakChinese(program: Command, write: (text: string) => void): void {
  const setUp = (command: Command, path: string): void => {
    command
      .configureHelp(CHINESE_HELP)
      .configureOutput({
        writeOut: write,
        writeErr: write,
        outputError: (text, out) => out(`错误：${chineseCommanderMessage(text)}\n`),
      })
      .showHelpAfterError(`（运行 ${path} --help 查看用法）`);
    for (const sub of command.commands) setUp(sub, `${path} ${sub.name()}`);
  };
  setUp(program, program.name());
}
