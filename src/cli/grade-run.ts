// `assess grade` run (outputs.md): flags → one call of commands/grade, its progress shown as it
// goes (progress.ts) → a line per unit and the problem table on stderr (or one JSON document on
// stdout) → the exit code. Loaded by grade-command.ts when the command runs.

import type { GradedUnit } from "../domain/graded.js";
import { grade } from "../commands/grade.js";
import { gradeCounts } from "../domain/graded.js";
import { gradeJson } from "./grade-json.js";
import { parseJobs } from "./jobs-option.js";
import { parseMaxSize } from "./max-size-option.js";
import { writeJson } from "./json-output.js";
import { renderProblemTable, stderrColor } from "./problem-table.js";
import { withStderrProgress } from "./progress.js";

export interface GradeFlags {
  rules?: string;
  out?: string;
  force?: boolean;
  maxSize: string;
  json?: boolean;
  jobs: string;
  quiet?: boolean;
}

const STATE_TEXT = { final: "完成", draft: "草稿（有待定人员，未出公示）", error: "有错误，未评定" } as const;

function unitLine(unit: GradedUnit): string {
  const counts = Object.entries(gradeCounts(unit))
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join("，");
  return `单位 ${unit.unit.code} ${unit.unit.name}：${STATE_TEXT[unit.state]}${counts ? `（${counts}）` : ""}\n`;
}

export async function runGrade(paths: string[], flags: GradeFlags): Promise<number> {
  const color = stderrColor();
  const { result, mode, progress } = await withStderrProgress(flags, { color, readLines: "summary", unitLine }, (onProgress) =>
    grade(paths, {
      rulesPath: flags.rules,
      outDir: flags.out,
      force: flags.force === true,
      maxSizeMiB: parseMaxSize(flags.maxSize),
      jobs: parseJobs(flags.jobs),
      onProgress,
    }),
  );
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
