// `assess template` run (outputs.md): flags → one call of commands/template (or
// political-template with --political) → the problem table and the files written on stderr → the
// exit code (0 all written, 1 some input row has an error, 2 cannot run). Loaded by
// template-command.ts when the command runs.

import { makeTemplates, type TemplateResult } from "../commands/template.js";
import { makePoliticalTemplates } from "../commands/political-template.js";
import { renderProblemTable } from "./problem-table.js";

export interface TemplateFlags {
  units?: string;
  roster?: string;
  year?: string;
  quarter?: string;
  rules?: string;
  out?: string;
  force?: boolean;
  political?: boolean;
  round?: string;
}

function report(result: TemplateResult): string {
  const lines: string[] = [];
  for (const unit of result.units) {
    const label = [unit.code, unit.name].filter((part) => part !== "").join(" ") || "（未填单位代码）";
    if (unit.file === null) lines.push(`单位 ${label}：有错误，未生成填报工作簿。`);
  }
  if (result.written.length > 0) {
    lines.push(`已生成 ${result.written.length} 份填报工作簿：`);
    for (const file of result.written) lines.push(`  ${file}`);
  } else if (result.exitCode !== 0) {
    lines.push("未生成任何填报工作簿。");
  }
  return lines.map((line) => `${line}\n`).join("");
}

export async function runTemplate(flags: TemplateFlags): Promise<number> {
  const make = flags.political ? makePoliticalTemplates : makeTemplates;
  const result = await make({
    unitsPath: flags.units,
    rosterPath: flags.roster,
    year: flags.year,
    quarter: flags.quarter,
    rulesPath: flags.rules,
    outDir: flags.out,
    force: flags.force === true,
    round: flags.round,
  });
  if (result.problems.length > 0) process.stderr.write(renderProblemTable(result.problems));
  process.stderr.write(report(result));
  return result.exitCode;
}
