// `assess political --db D` (political.md "With --db D"): every evaluated unit's round filed into
// the archive in one transaction (archive.md "Every command that writes"), as `archive add` files
// quarters: the same content again is unchanged, other content is refused unless --replace
// --reason, and then both stay. A unit in error, or whose workbook holds no form (a
// problem-information round), is not filed and is listed with why. Returns; never prints.

import type { Archive } from "../archive/open-archive.js";
import { filePoliticalRound, type PoliticalFilingState, politicalRoundContent } from "../archive/political-round.js";
import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import type { PoliticalWorkbook } from "../domain/political-model.js";
import { type Problem, problemAt } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { TOOL_VERSION } from "../build/tool-version.js";
import { UNCHANGED_TEXT } from "./archive-add.js";

/** One unit's line of `--json` "filings". */
export interface PoliticalFilingReport {
  unit: string;
  year: number;
  round: string;
  /** not-final: the unit has an error (as archive add says it); not-evaluated: its workbook holds no form. */
  state: PoliticalFilingState | "not-final" | "not-evaluated";
  reason: string | null;
}

export interface PoliticalRunToFile {
  year: number;
  round: string;
  rules: EffectiveRules;
  units: readonly PoliticalUnitResult[];
  workbooks: readonly PoliticalWorkbook[];
  replaceReason: string | null;
  /** ISO time of filing. */
  filedAt: string;
}

const NOT_FILED = { error: "有错误，未测评，未归档", noForms: "工作簿中没有测评表（只有问题线索），未测评，未归档" } as const;

export async function filePoliticalRun(archive: Archive, run: PoliticalRunToFile): Promise<{ filings: PoliticalFilingReport[]; problems: Problem[] }> {
  const workbookOf = new Map(run.workbooks.map((w) => [w.file, w]));
  const reports = new Map<PoliticalUnitResult, PoliticalFilingReport>();
  const toFile: { unit: PoliticalUnitResult; workbook: PoliticalWorkbook }[] = [];
  const line = (unit: PoliticalUnitResult, state: PoliticalFilingReport["state"], reason: string | null): PoliticalFilingReport => ({
    unit: unit.unit.code,
    year: run.year,
    round: run.round,
    state,
    reason,
  });
  for (const unit of run.units) {
    const workbook = workbookOf.get(unit.file);
    if (unit.state !== "final" || workbook === undefined) reports.set(unit, line(unit, "not-final", NOT_FILED.error));
    else if (workbook.forms.length === 0) reports.set(unit, line(unit, "not-evaluated", NOT_FILED.noForms));
    else toFile.push({ unit, workbook });
  }
  const act = { filedAt: run.filedAt, toolVersion: TOOL_VERSION, packageFile: null, replaceReason: run.replaceReason };
  const outcomes = await archive.write(async (db) => {
    const done = [];
    for (const item of toFile) {
      const content = politicalRoundContent({ unit: item.unit, year: run.year, round: run.round, rules: run.rules, input: item.workbook });
      done.push({ ...item, outcome: await filePoliticalRound(db, content, act) });
    }
    return done;
  });
  const problems: Problem[] = [];
  for (const { unit, workbook, outcome } of outcomes) {
    let reason: string | null = null;
    if (outcome.state === "unchanged") reason = UNCHANGED_TEXT;
    else if (outcome.state === "replaced") reason = run.replaceReason;
    else if (outcome.state === "refused") {
      const label = `单位 ${unit.unit.code}（${unit.unit.name}）${run.year}年“${run.round}”`;
      reason =
        outcome.why === "filed"
          ? `${label}已于 ${outcome.current.filed_at} 归档（规则 SHA-256 ${outcome.current.rules_sha256}），本次结果不同，未归档。如确需更正，请加 --replace --reason "更正原因" 重新运行（原记录保留为已被替代）。`
          : `${label}刚被另一个程序归档，内容不同，本次未归档。请核对后再决定是否 --replace。`;
      problems.push(problemAt({ file: workbook.file, sheet: "", cell: "", header: "" }, "error", "E_ARCHIVE_POLITICAL_FILED", unit.unit.code, reason));
    }
    reports.set(unit, line(unit, outcome.state, reason));
  }
  return { filings: run.units.map((u) => reports.get(u)!), problems };
}
