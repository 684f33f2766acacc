// `assess archive import F.xlsx... [--replace --reason TEXT]` (archive.md "备案 packages"): each
// package read and every filing in it checked against its digest, then the filings that match
// filed in one transaction, as `add` files them but told the same by their digest: the same
// digest is a no-op, another digest for the same unit and quarter is a conflict unless replaced.
// Returns the report (imported, unchanged, refused); never prints.

import { type Period, periodText } from "../domain/model.js";
import { basename } from "node:path";
import { hasErrors, type Problem, sortProblems } from "../domain/problem.js";
import { openArchive } from "../archive/open-archive.js";
import { type PackageFiling, readPackage } from "../archive/package-read.js";
import type { ArchiveTarget } from "../archive/target.js";
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
  problems: Problem[];
}

export async function archiveImport(paths: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const inputs = await expandPaths(paths);
  const archive = await openArchive(options.target);
  try {
    const problems: Problem[] = [];
    const packages: { file: string; filings: PackageFiling[] }[] = [];
    for (const input of inputs) {
      const read = await readWorkbookFile(input.path, input.file, { maxInflatedBytes: options.maxSizeMiB * MIB });
      if (read.value === null) {
        problems.push(...read.problems);
        continue;
      }
      const parsed = readPackage(read.value);
      if (parsed.kind === "notPackage") problems.push(parsed.problem);
      else packages.push({ file: input.file, filings: parsed.filings });
    }
    if (packages.length === 0) return { exitCode: 2, label: archive.label, filings: [], problems: sortProblems(problems) };

    const filedAt = options.now().toISOString();
    const filings = await archive.write(async (db) => {
      const out: ImportResult["filings"] = [];
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
      }
      return out;
    });
    const sorted = sortProblems(problems);
    const exitCode = filings.every((f) => f.state !== "refused") && !hasErrors(sorted) ? 0 : 1;
    return { exitCode, label: archive.label, filings, problems: sorted };
  } finally {
    await archive.close();
  }
}
