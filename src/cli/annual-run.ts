// `assess annual` run (outputs.md "Annual"): flags → one call of commands/annual (or annual-db
// with --db) → a line per quarter and unit and the problem table on stderr (or one JSON document
// on stdout) → the exit code. Loaded by annual-command.ts when the command runs.

import { resolveArchiveTarget } from "../archive/target.js";
import { type AnnualRunResult, annual } from "../commands/annual.js";
import { annualFromArchive } from "../commands/annual-db.js";
import { UsageError } from "../domain/usage-error.js";
import { annualJson } from "./annual-json.js";
import { quarterText } from "../domain/model.js";
import { parseMaxSize } from "./max-size-option.js";
import { writeJson } from "./json-output.js";
import { renderProblemTable } from "./problem-table.js";
import { parseYear } from "./year-option.js";

export interface AnnualFlags {
  year: string;
  rules?: string;
  out?: string;
  force?: boolean;
  maxSize: string;
  json?: boolean;
  db?: string;
}

const QUARTER_STATE_TEXT = { final: "完成", draft: "草稿（有待定人员）", error: "有错误或无法读取的工作簿，未全部评定" } as const;

function summaryLines(result: AnnualRunResult): string {
  const graded = result.graded;
  if (!graded) return "";
  const lines = graded.quarters.map((q) => `${quarterText(q.quarter)}：${QUARTER_STATE_TEXT[q.state]}\n`);
  for (const u of graded.units) {
    lines.push(`单位 ${u.code} ${u.name}：${u.n}人，优秀名额${u.quota}名，推荐优秀${u.recommended}人${u.pending > 0 ? `，待定${u.pending}人` : ""}\n`);
  }
  lines.push(`${result.year}年度结果：${result.state === "final" ? "完成" : "草稿"}\n`);
  return lines.join("");
}

export async function runAnnual(paths: string[], flags: AnnualFlags): Promise<number> {
  if (flags.db !== undefined && paths.length > 0) throw new UsageError("--db 与工作簿只能给一种：从档案汇总时不给工作簿。");
  if (flags.db === undefined && paths.length === 0) throw new UsageError("请给出该年度各季度的工作簿或文件夹，或用 --db 从考核档案汇总。");
  const result = flags.db !== undefined
    ? await annualFromArchive(resolveArchiveTarget(flags.db, process.env.ASSESS_DB, process.env.PGPASSWORD), {
        year: parseYear(flags.year),
        rulesPath: flags.rules,
        outDir: flags.out,
        force: flags.force === true,
        now: () => new Date(),
      })
    : await annual(paths, {
    year: parseYear(flags.year),
    rulesPath: flags.rules,
    outDir: flags.out,
    force: flags.force === true,
    maxSizeMiB: parseMaxSize(flags.maxSize),
  });
  if (flags.json) {
    writeJson(annualJson(result), result.problems);
    return result.exitCode;
  }
  process.stderr.write(summaryLines(result));
  process.stderr.write(renderProblemTable(result.problems));
  if (result.outDir !== null) process.stderr.write(`已写入 ${result.written.join("、")}\n`);
  else process.stderr.write("没有可写出的结果。\n");
  return result.exitCode;
}
