// `assess validate PATH... [--rules F] [--max-size MiB] [--json] [--jobs N] [--quiet]`
// (outputs.md): flags → one call of commands/validate, its progress shown as it goes
// (progress.ts) → the problem table on stderr, or one JSON document on stdout → the exit code
// (0 no error, 1 some error or an unreadable file among others, 2 cannot run).

import type { Command } from "commander";
import { type ValidateResult, validate } from "../commands/validate.js";
import { JOBS_DEFAULT, parseJobs } from "./jobs-option.js";
import { MAX_SIZE_DEFAULT_MIB, parseMaxSize } from "./max-size-option.js";
import { onJsonFailure, writeJson } from "./json-output.js";
import { renderProblemTable, stderrColor } from "./problem-table.js";
import { progressMode, startProgress } from "./progress.js";
import { validateJson } from "./validate-json.js";

interface ValidateFlags {
  rules?: string;
  maxSize: string;
  json?: boolean;
  jobs: string;
  quiet?: boolean;
}

export function registerValidateCommand(program: Command): void {
  onJsonFailure("validate", (problem) =>
    validateJson({ exitCode: 2, rules: null, files: [], period: null, units: [], problems: [problem] }),
  );
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
      process.exitCode = await runValidate(paths, flags);
    });
}

const UNIT_STATE_TEXT: Record<ValidateResult["units"][number]["state"], string> = {
  ok: "无错误，可以评定",
  draft: "无错误，但有待定人员未在“审定”表中决定，评定后只是草稿（不出公示）",
  error: "有错误，改正前不能评定",
};

function unitLines(result: ValidateResult): string {
  return result.units
    .map((u) => `单位 ${u.code} ${u.name}（${u.file}）：${UNIT_STATE_TEXT[u.state]}\n`)
    .join("");
}

async function runValidate(paths: string[], flags: ValidateFlags): Promise<number> {
  const color = stderrColor();
  const mode = progressMode({ quiet: flags.quiet === true, json: flags.json === true, stream: process.stderr });
  const progress = startProgress({ mode, stream: process.stderr, color, now: () => performance.now(), readLines: "each" });
  let result: ValidateResult;
  try {
    result = await validate(paths, {
      rulesPath: flags.rules,
      maxSizeMiB: parseMaxSize(flags.maxSize),
      jobs: parseJobs(flags.jobs),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  if (flags.json) {
    writeJson(validateJson(result), result.problems);
  } else {
    if (mode !== "silent") process.stderr.write(unitLines(result));
    process.stderr.write(renderProblemTable(result.problems, color));
  }
  return result.exitCode;
}
