// `assess archive export [--from] [--to] [--unit CODE...] --out F.xlsx` (archive.md "备案
// packages"): the current filings chosen, written as one 备案 package, atomically and never over
// an existing file without --force. Returns what was written; never prints.

import { basename, dirname } from "node:path";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { openArchive } from "../archive/open-archive.js";
import { packageWorkbook, type PackagedFiling } from "../archive/package-write.js";
import { currentFilings, type FilingFilter, filingContentOf } from "../archive/read-filing.js";
import type { ArchiveTarget } from "../archive/target.js";
import { writeOutputs } from "../run/write-outputs.js";

export interface ExportOptions {
  target: ArchiveTarget;
  filter: FilingFilter;
  out: string;
  force: boolean;
}

export interface ExportResult {
  exitCode: 0 | 1;
  label: string;
  /** The file written, or null when no filing was chosen. */
  written: string | null;
  filings: { unit: string; year: number; quarter: number; digest: string }[];
}

export async function archiveExport(options: ExportOptions): Promise<ExportResult> {
  const archive = await openArchive(options.target);
  let filings: PackagedFiling[];
  try {
    filings = await archive.read(async (db) => {
      const out: PackagedFiling[] = [];
      for (const row of await currentFilings(db, options.filter)) out.push({ content: await filingContentOf(db, row), digest: row.digest, filedAt: row.filed_at });
      return out;
    });
  } finally {
    await archive.close();
  }
  const report = filings.map((f) => ({ unit: f.content.unit_code, year: f.content.year, quarter: f.content.quarter, digest: f.digest }));
  if (filings.length === 0) return { exitCode: 1, label: archive.label, written: null, filings: report };
  const bytes = await writeXlsx(packageWorkbook(filings));
  const [written] = await writeOutputs(dirname(options.out), [{ name: basename(options.out), bytes }], { force: options.force });
  return { exitCode: 0, label: archive.label, written: written ?? null, filings: report };
}
