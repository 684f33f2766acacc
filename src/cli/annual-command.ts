// `assess annual PATH... --year Y [--rules F] [--out DIR] [--json] [--force] [--max-size MiB]`
// (outputs.md "Annual"): flags → one call of commands/annual → a line per quarter and unit and
// the problem table on stderr (or one JSON document on stdout) → the exit code.

import type { Command } from "commander";
import { resolveArchiveTarget } from "../archive/target.js";
import { type AnnualRunResult, annual } from "../commands/annual.js";
import { annualFromArchive } from "../commands/annual-db.js";
import { UsageError } from "../domain/usage-error.js";
import { annualJson } from "./annual-json.js";
import { quarterText } from "../domain/model.js";
import { parseMaxSize, MAX_SIZE_DEFAULT_MIB } from "./max-size-option.js";
import { onJsonFailure, writeJson } from "./json-output.js";
import { renderProblemTable } from "./problem-table.js";

interface AnnualFlags {
  year: string;
  rules?: string;
  out?: string;
  force?: boolean;
  maxSize: string;
  json?: boolean;
  db?: string;
}

export function registerAnnualCommand(program: Command): void {
  onJsonFailure("annual", (problem, flags) => {
    let year: number | null = null;
    try {
      year = parseYear(typeof flags.year === "string" ? flags.year : "");
    } catch {
      // A --year that cannot be a 年度 is reported by the run's own problem; the document says null.
    }
    const failed: AnnualRunResult = { exitCode: 2, year, rules: null, state: "draft", graded: null, problems: [problem], outDir: null, written: [] };
    return annualJson(failed);
  });
  program
    .command("annual")
    .description("汇总一个年度各季度的考核结果：年度优秀推荐（按单位名额）、后备人选和提醒谈话名单")
    .argument("[paths...]", "该年度各季度的工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）；用 --db 时不给")
    .requiredOption("--year <年度>", "年度，如 2026；其他年度的工作簿不计入")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--out <dir>", "输出文件夹；默认在第一个输入旁边建“{年度}_年度结果”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（结果和问题），不打印表格")
    .option("--db <place>", "改从考核档案中该年度已归档的季度汇总，并把年度结果记入档案（文件夹或 postgres:// 地址）")
    .action(async (paths: string[], flags: AnnualFlags) => {
      process.exitCode = await runAnnual(paths, flags);
    });
}

/** --year as workbook.md's 年度: four digits, 2000-2100. */
export function parseYear(text: string): number {
  const trimmed = text.trim();
  const year = Number(trimmed);
  if (!/^\d{4}$/.test(trimmed) || year < 2000 || year > 2100) {
    throw new UsageError(`--year 应为 2000 至 2100 之间的四位年度，如 2026；现在是“${text}”。`);
  }
  return year;
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

async function runAnnual(paths: string[], flags: AnnualFlags): Promise<number> {
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
