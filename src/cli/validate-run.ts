// `assess validate` run (outputs.md): flags → one call of commands/validate, its progress shown as
// it goes (progress.ts) → the problem table on stderr, or one JSON document on stdout → the exit
// code (0 no error, 1 some error or an unreadable file among others, 2 cannot run). Loaded by
// validate-command.ts when the command runs.

import { type ValidateResult, validate } from "../commands/validate.js";
import { parseJobs } from "./jobs-option.js";
import { parseMaxSize } from "./max-size-option.js";
import { writeJson } from "./json-output.js";
import { renderProblemTable, stderrColor } from "./problem-table.js";
import { withStderrProgress } from "./progress.js";
import { validateJson } from "./validate-json.js";

export interface ValidateFlags {
  rules?: string;
  maxSize: string;
  json?: boolean;
  jobs: string;
  quiet?: boolean;
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

export async function runValidate(paths: string[], flags: ValidateFlags): Promise<number> {
  const color = stderrColor();
  const { result, mode } = await withStderrProgress(flags, { color, readLines: "each" }, (onProgress) =>
    validate(paths, { rulesPath: flags.rules, maxSizeMiB: parseMaxSize(flags.maxSize), jobs: parseJobs(flags.jobs), onProgress }),
  );
  if (flags.json) {
    writeJson(validateJson(result), result.problems);
  } else {
    if (mode !== "silent") process.stderr.write(unitLines(result));
    process.stderr.write(renderProblemTable(result.problems, color));
  }
  return result.exitCode;
}
