// `assess grade PATH... [--rules F] [--out DIR] [--json] [--force] [--max-size MiB] [--jobs N]
// [--quiet]` (outputs.md): flags → one call of commands/grade, its progress shown as it goes
// (progress.ts) → a line per unit and the problem table on stderr (or one JSON document on
// stdout) → the exit code.

import type { Command } from "commander";
import type { GradedUnit } from "../domain/graded.js";
import { type GradeResult, grade } from "../commands/grade.js";
import { gradeCounts } from "../domain/graded.js";
import { gradeJson } from "./grade-json.js";
import { JOBS_DEFAULT, parseJobs } from "./jobs-option.js";
import { parseMaxSize, MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";
import { onJsonFailure, writeJson } from "./json-output.js";
import { renderProblemTable, stderrColor } from "./problem-table.js";
import { progressMode, startProgress } from "./progress.js";

interface GradeFlags {
  rules?: string;
  out?: string;
  force?: boolean;
  maxSize: string;
  json?: boolean;
  jobs: string;
  quiet?: boolean;
}

export function registerGradeCommand(program: Command): void {
  onJsonFailure("grade", (problem) =>
    gradeJson({ exitCode: 2, rules: null, period: null, units: [], pools: [], problems: [problem], outDir: null, written: [] }),
  );
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
      process.exitCode = await runGrade(paths, flags);
    });
}

const STATE_TEXT = { final: "完成", draft: "草稿（有待定人员，未出公示）", error: "有错误，未评定" } as const;

function unitLine(unit: GradedUnit): string {
  const counts = Object.entries(gradeCounts(unit))
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join("，");
  return `单位 ${unit.unit.code} ${unit.unit.name}：${STATE_TEXT[unit.state]}${counts ? `（${counts}）` : ""}\n`;
}

async function runGrade(paths: string[], flags: GradeFlags): Promise<number> {
  const color = stderrColor();
  const mode = progressMode({ quiet: flags.quiet === true, json: flags.json === true, stream: process.stderr });
  const progress = startProgress({ mode, stream: process.stderr, color, now: () => performance.now(), readLines: "summary", unitLine });
  let result: GradeResult;
  try {
    result = await grade(paths, {
      rulesPath: flags.rules,
      outDir: flags.out,
      force: flags.force === true,
      maxSizeMiB: parseMaxSize(flags.maxSize),
      jobs: parseJobs(flags.jobs),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  if (flags.json) {
    writeJson(gradeJson(result), result.problems);
    return result.exitCode;
  }
  // Units already shown as progress (plain lines) are not listed again; --quiet lists none.
  if (mode !== "silent") process.stderr.write(result.units.filter((u) => !progress.printedUnits.has(u.unit.code)).map(unitLine).join(""));
  process.stderr.write(renderProblemTable(result.problems, color));
  if (result.outDir !== null) process.stderr.write(`已写入 ${result.written.length} 个文件到 ${result.outDir}\n`);
  else process.stderr.write("没有可写出的结果。\n");
  return result.exitCode;
}
