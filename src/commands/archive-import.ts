// `assess archive import F.xlsx... [--replace --reason TEXT]` (archive.md "备案 packages"): each
// package read and every filing in it checked against its digest, then the filings that match
// filed in one transaction, as `add` files them but told the same by their digest: the same
// digest is a no-op, another digest for the same unit and quarter is a conflict unless replaced.
// The package's political rounds likewise, each by unit, year and 测评名称 (political-round.ts).
// Returns the report (imported, unchanged, refused); never prints.

import { type Period, periodText } from "../domain/model.js";
import { basename } from "node:path";
import { hasErrors, type Problem, sortProblems } from "../domain/problem.js";
import { openArchive } from "../archive/open-archive.js";
import { type PackageFiling, type PackageRound, readPackage } from "../archive/package-read.js";
import { filePoliticalRound, type PoliticalFilingState } from "../archive/political-round.js";
import type { ArchiveTarget } from "../archive/target.js";
import type { Db } from "../archive/connection.js";
import { fileContent } from "../archive/write-filing.js";
import { readWorkbookFile } from "../read/read-xlsx.js";
import { expandPaths } from "../run/input-files.js";
import type { FilingReport } from "./archive-add.js";
import { UNCHANGED_TEXT } from "./archive-add.js";
import { MIB } from "../read/open-guard.js";

export interface ImportOptions {
  target: ArchiveTarget;
  replaceReason: string | null;
  maxSizeMiB: number;
  now: () => Date;
}

export interface ImportResult {
  exitCode: 0 | 1 | 2;
  label: string;
  filings: (FilingReport & { file: string })[];
  rounds: RoundImportReport[];
  problems: Problem[];
}

/** A political round's line of the report, as a filing's with its 测评名称 for the quarter. */
export interface RoundImportReport {
  file: string;
  unit: string;
  name: string;
  year: number;
  round: string;
  state: PoliticalFilingState;
  digest: string;
  reason: string | null;
}

export async function archiveImport(paths: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const inputs = await expandPaths(paths);
  const archive = await openArchive(options.target, { work: "filing" });
  try {
    const problems: Problem[] = [];
    const packages: { file: string; filings: PackageFiling[]; rounds: PackageRound[] }[] = [];
    for (const input of inputs) {
      const read = await readWorkbookFile(input.path, input.file, { maxInflatedBytes: options.maxSizeMiB * MIB });
      if (read.value === null) {
        problems.push(...read.problems);
        continue;
      }
      const parsed = readPackage(read.value);
      if (parsed.kind === "notPackage") problems.push(parsed.problem);
      else packages.push({ file: input.file, filings: parsed.filings, rounds: parsed.rounds });
    }
    if (packages.length === 0) return { exitCode: 2, label: archive.label, filings: [], rounds: [], problems: sortProblems(problems) };

    const filedAt = options.now().toISOString();
    const { filings, rounds } = await archive.write(async (db) => {
      const out: ImportResult["filings"] = [];
      const roundsOut: RoundImportReport[] = [];
      for (const pkg of packages) {
        const act = { filedAt, origin: "import" as const, packageFile: basename(pkg.file), replaceReason: options.replaceReason, sameBy: "digest" as const };
        for (const filing of pkg.filings) {
          const base = { file: pkg.file, unit: filing.unitCode, name: filing.content?.unit_name ?? "", year: filing.year, quarter: filing.quarter };
          if (filing.content === null) {
            problems.push(...filing.problems);
            out.push({ ...base, state: "refused", digest: filing.digest, reason: filing.problems[0]?.message ?? null });
            continue;
          }
          const outcome = await fileContent(db, filing.content, act);
          let reason: string | null = null;
          if (outcome.state === "unchanged") reason = UNCHANGED_TEXT;
          if (outcome.state === "replaced") reason = options.replaceReason;
          if (outcome.state === "refused") {
            reason = `${filing.unitCode} ${periodText({ year: filing.year, quarter: filing.quarter as Period["quarter"] })}在本档案中已有内容不同的记录${
              outcome.why === "filed" ? `（${outcome.current.filed_at} 归档，SHA-256 ${outcome.current.digest}）` : "（刚被另一个程序归档）"
            }，未导入。如确需以备案包为准，请加 --replace --reason "原因"。`;
            problems.push({ severity: "error", code: "E_ARCHIVE_FILED", file: pkg.file, sheet: "", cell: "", header: "", value: filing.unitCode, message: reason });
          }
          out.push({ ...base, state: outcome.state, digest: outcome.digest, reason });
        }
        for (const round of pkg.rounds) roundsOut.push(await importRound(db, pkg.file, round, { filedAt, packageFile: act.packageFile, replaceReason: options.replaceReason }, problems));
      }
      return { filings: out, rounds: roundsOut };
    });
    const sorted = sortProblems(problems);
    const exitCode = [...filings, ...rounds].every((f) => f.state !== "refused") && !hasErrors(sorted) ? 0 : 1;
    return { exitCode, label: archive.label, filings, rounds, problems: sorted };
  } finally {
    await archive.close();
  }
}

/** Files one round of a package as `political --db` files it, told the same by its digest; refused ones add their problem. */
async function importRound(
  db: Db,
  file: string,
  round: PackageRound,
  act: { filedAt: string; packageFile: string; replaceReason: string | null },
  problems: Problem[],
): Promise<RoundImportReport> {
  const base = { file, unit: round.unitCode, name: round.content?.unit_name ?? "", year: round.year, round: round.round };
  if (round.content === null) {
    problems.push(...round.problems);
    return { ...base, state: "refused", digest: round.digest, reason: round.problems[0]?.message ?? null };
  }
  const outcome = await filePoliticalRound(db, round.content, { ...act, toolVersion: round.toolVersion });
  let reason: string | null = null;
  if (outcome.state === "unchanged") reason = UNCHANGED_TEXT;
  if (outcome.state === "replaced") reason = act.replaceReason;
  if (outcome.state === "refused") {
    reason = `${round.unitCode} ${round.year}年“${round.round}”在本档案中已有内容不同的测评记录${
      outcome.why === "filed" ? `（${outcome.current.filed_at} 归档，SHA-256 ${outcome.current.digest}）` : "（刚被另一个程序归档）"
    }，未导入。如确需以备案包为准，请加 --replace --reason "原因"。`;
    problems.push({ severity: "error", code: "E_ARCHIVE_POLITICAL_FILED", file, sheet: "", cell: "", header: "", value: round.unitCode, message: reason });
  }
  return { ...base, state: outcome.state, digest: outcome.digest, reason };
}
