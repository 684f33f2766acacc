// `assess validate PATH... [--rules F] [--max-size MiB] [--json]` (outputs.md): flags → one call
// of the validate pipeline → the problem table on stderr, or one JSON document on stdout → the
// exit code (0 no error, 1 some error or an unreadable file among others, 2 cannot run).

import type { Command } from "commander";
import { type ValidateResult, validate } from "../pipeline/validate.js";
import { TOOL_NAME, TOOL_VERSION } from "../pipeline/tool-version.js";
import { UsageError } from "../pipeline/usage-error.js";
import { MAX_SIZE_DEFAULT_MIB, parseMaxSize } from "./max-size-option.js";
import { problemCountLine, problemRecord, renderProblemTable } from "./problem-table.js";

interface ValidateFlags {
  rules?: string;
  maxSize: string;
  json?: boolean;
}

export function registerValidateCommand(program: Command): void {
  program
    .command("validate")
    .description("校验考核工作簿（文件或文件夹），列出全部问题，不写任何文件")
    .argument("<paths...>", "工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（问题清单），不打印表格")
    .action(async (paths: string[], flags: ValidateFlags) => {
      process.exitCode = await runValidate(paths, flags);
    });
}

function jsonDocument(result: ValidateResult): unknown {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    command: "validate",
    valid: result.exitCode === 0,
    year: result.period?.year ?? null,
    quarter: result.period?.quarter ?? null,
    rulesSha256: result.rules?.sha256 ?? null,
    files: result.files,
    units: result.units,
    problems: result.problems.map(problemRecord),
  };
}

function unitLines(result: ValidateResult): string {
  return result.units
    .map((u) => `单位 ${u.code} ${u.name}（${u.file}）：${u.state === "ok" ? "无错误，可以评定" : "有错误，改正前不能评定"}\n`)
    .join("");
}

async function runValidate(paths: string[], flags: ValidateFlags): Promise<number> {
  let result: ValidateResult;
  try {
    result = await validate(paths, { rulesPath: flags.rules, maxSizeMiB: parseMaxSize(flags.maxSize) });
  } catch (error) {
    // With --json, stdout holds the document whatever the exit code (outputs.md "Exit codes").
    if (!(error instanceof UsageError) || !flags.json) throw error;
    const problem = { severity: "error" as const, code: "E_USAGE", file: "", sheet: "", cell: "", header: "", value: "", message: error.message };
    const failed: ValidateResult = { exitCode: 2, rules: null, files: [], period: null, units: [], problems: [problem] };
    process.stdout.write(`${JSON.stringify(jsonDocument(failed), null, 2)}\n`);
    process.stderr.write(`错误：${error.message}\n`);
    return 2;
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(jsonDocument(result), null, 2)}\n`);
    process.stderr.write(`${problemCountLine(result.problems)}\n`);
  } else {
    process.stderr.write(unitLines(result));
    process.stderr.write(renderProblemTable(result.problems));
  }
  return result.exitCode;
}
