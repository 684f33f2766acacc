// `assess political PATH... [--rules F] [--out DIR] [--json] [--force] [--max-size MiB] [--db D [--replace --reason TEXT]]`
// (political.md): flags → one call of the political pipeline → a line per unit and the problem
// table on stderr, or one JSON document on stdout (political.md "Outputs" 5) → the exit code.

import type { Command } from "commander";
import { UsageError } from "../domain/usage-error.js";
import { type PoliticalResult, political } from "../commands/political.js";
import { toNumber } from "../domain/exact.js";
import { GRADE_LABEL } from "../domain/labels.js";
import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import { VERIFICATIONS, VERIFICATION_LABEL } from "../domain/political-model.js";
import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import { onJsonFailure, writeJson } from "./json-output.js";
import { MAX_SIZE_DEFAULT_MIB, parseMaxSize } from "./max-size-option.js";
import { problemRecord, renderProblemTable, stderrColor } from "./problem-table.js";
import { archiveTarget, DB_OPTION_HELP, replaceReason } from "./archive-command.js";
import type { PoliticalFilingReport } from "../commands/political-filing.js";

interface PoliticalFlags {
  rules?: string;
  out?: string;
  force?: boolean;
  maxSize: string;
  json?: boolean;
  db?: string;
  replace?: boolean;
  reason?: string;
}

export function registerPoliticalCommand(program: Command): void {
  onJsonFailure("political", (problem) => politicalJson({ exitCode: 2, rules: null, year: null, round: null, units: [], problems: [problem], outDir: null, written: [] }));
  program
    .command("political")
    .description("领导干部政治素质正反向测评：计分、反向条目、问题线索和综合研判，写出测评结果表、政治素质画像、综合分析报告和问题线索汇总")
    .argument("<paths...>", "政治素质测评工作簿（.xlsx）或文件夹（读取其中的 .xlsx，不进子文件夹）")
    .option("--rules <file>", "规则文件（JSON），其 political 部分为正反向清单和权重；不给时用内置方案（望江）")
    .option("--out <dir>", "输出文件夹；默认在第一个输入旁边建“{年度}_政治素质测评_结果”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--max-size <MiB>", "一个工作簿解压后的大小上限（MiB）", MAX_SIZE_DEFAULT_MIB)
    .option("--json", "在标准输出上打印一个 JSON 文档（结果和问题），不打印表格")
    .option("--db <place>", `把每个已测评单位的本轮结果归入考核档案（干部成长档案中可见）。${DB_OPTION_HELP}`)
    .option("--replace", "该单位本轮已归档且内容不同时，以本次结果替代原记录（原记录保留为已被替代）；须同时给 --reason")
    .option("--reason <text>", "替代的原因，记入档案")
    .action(async (paths: string[], flags: PoliticalFlags) => {
      process.exitCode = await runPolitical(paths, flags);
    });
}

const num = (x: Parameters<typeof toNumber>[0] | null): number | null => (x === null ? null : toNumber(x, 2));

function unitJson(u: PoliticalUnitResult): unknown {
  return {
    code: u.unit.code,
    name: u.unit.name,
    state: u.state,
    cadres: u.cadres.map((c) => ({
      id: c.cadre.id,
      name: c.cadre.name,
      post: c.cadre.post,
      forms: c.scores.forms,
      aspects: Object.fromEntries(c.scores.aspects.map((a) => [a.aspect, num(a.score)])),
      positive: num(c.scores.positive),
      band: c.conclusion ? GRADE_LABEL[c.conclusion.band] : null,
      flagged: c.flagged.map((f) => ({ item: f.code, forms: f.marks, rate: toNumber(f.rate, 4) })),
      problems: Object.fromEntries(VERIFICATIONS.map((v) => [VERIFICATION_LABEL[v], c.clueCounts[v]])),
      conclusion: c.conclusion ? GRADE_LABEL[c.conclusion.conclusion] : null,
      pending: c.conclusion?.pending ?? c.clueCounts.checking > 0,
      reasons: c.conclusion?.reasons ?? [],
      use: c.use,
    })),
  };
}

export function politicalJson(result: PoliticalResult): unknown {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    year: result.year,
    round: result.round,
    rulesSha256: result.rules?.sha256 ?? null,
    units: result.units.map(unitJson),
    ...(result.filings === undefined ? {} : { filings: result.filings }),
    problems: result.problems.map(problemRecord),
  };
}

const FILING_TEXT: Record<PoliticalFilingReport["state"], string> = {
  filed: "已归档",
  unchanged: "已归档，内容未变",
  replaced: "已替代原记录",
  refused: "未归档（已有不同内容）",
  "not-final": "未归档",
  "not-evaluated": "未归档",
};

function filingLine(f: PoliticalFilingReport): string {
  const why = f.reason && f.state === "replaced" ? `：${f.reason}` : "";
  const text = (f.state === "not-final" || f.state === "not-evaluated") && f.reason ? f.reason : `${FILING_TEXT[f.state]}${why}`;
  return `归档 单位 ${f.unit} ${f.year}年“${f.round}”：${text}\n`;
}

function unitLine(u: PoliticalUnitResult): string {
  if (u.state === "error") return `单位 ${u.unit.code} ${u.unit.name}：有错误，未测评\n`;
  const counts = new Map<string, number>();
  for (const c of u.cadres) if (c.conclusion) counts.set(GRADE_LABEL[c.conclusion.conclusion], (counts.get(GRADE_LABEL[c.conclusion.conclusion]) ?? 0) + 1);
  const pending = u.cadres.filter((c) => c.conclusion?.pending).length;
  const text = [...counts].map(([k, n]) => `${k} ${n}`).join("，");
  return `单位 ${u.unit.code} ${u.unit.name}：${u.cadres.length} 名干部${text ? `（${text}${pending > 0 ? `，待核实 ${pending}` : ""}）` : ""}\n`;
}

async function runPolitical(paths: string[], flags: PoliticalFlags): Promise<number> {
  const color = stderrColor();
  const reason = replaceReason(flags);
  if (flags.db === undefined && flags.replace) throw new UsageError("--replace 只和 --db 一起用：替代的是考核档案中已归档的本轮结果。");
  const archive = flags.db === undefined ? undefined : { target: archiveTarget(flags.db), replaceReason: reason, now: () => new Date() };
  const result = await political(paths, { rulesPath: flags.rules, outDir: flags.out, force: flags.force === true, maxSizeMiB: parseMaxSize(flags.maxSize), archive });
  if (flags.json) {
    writeJson(politicalJson(result), result.problems);
    return result.exitCode;
  }
  process.stderr.write(result.units.map(unitLine).join(""));
  process.stderr.write(renderProblemTable(result.problems, color));
  if (result.filings !== undefined) process.stderr.write(result.filings.map(filingLine).join(""));
  if (result.outDir !== null) process.stderr.write(`已写入 ${result.written.length} 个文件到 ${result.outDir}\n`);
  else process.stderr.write("没有可写出的结果。\n");
  return result.exitCode;
}
