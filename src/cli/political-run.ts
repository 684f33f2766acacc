// `assess political` run (political.md): flags → one call of the political pipeline → a line per
// unit and the problem table on stderr, or one JSON document on stdout (political.md "Outputs" 5)
// → the exit code. Loaded by political-command.ts when the command runs.

import { UsageError } from "../domain/usage-error.js";
import { political } from "../commands/political.js";
import { GRADE_LABEL } from "../domain/labels.js";
import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import type { PoliticalFilingReport } from "../commands/political-filing.js";
import { archiveTarget, replaceReason } from "./archive-options.js";
import { writeJson } from "./json-output.js";
import { parseMaxSize } from "./max-size-option.js";
import { politicalJson } from "./political-json.js";
import { renderProblemTable, stderrColor } from "./problem-table.js";

export interface PoliticalFlags {
  rules?: string;
  out?: string;
  force?: boolean;
  maxSize: string;
  json?: boolean;
  db?: string;
  replace?: boolean;
  reason?: string;
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

export async function runPolitical(paths: string[], flags: PoliticalFlags): Promise<number> {
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
