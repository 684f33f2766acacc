// `assess archive export [--from] [--to] [--unit CODE...] --out F.xlsx` (archive.md "备案
// packages"): the current filings chosen, written as one 备案 package, atomically and never over
// an existing file without --force. The current political rounds go with them, chosen by the same
// flags: a round is of a year, so --from and --to choose by their years, and --unit by the unit's
// code or its 主管单位's (read-political.ts currentRounds). Returns what was written; never prints.

import { basename, dirname } from "node:path";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { openArchive } from "../archive/open-archive.js";
import { packageWorkbook, type PackagedFiling, type PackagedRound } from "../archive/package-write.js";
import { currentRounds, roundContentOf } from "../archive/read-political.js";
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
  rounds: { unit: string; year: number; round: string; digest: string }[];
}

/** year * 10 + quarter → the year, for the rounds; null stays null. */
const yearOf = (key: number | null): number | null => (key === null ? null : Math.floor(key / 10));

export async function archiveExport(options: ExportOptions): Promise<ExportResult> {
  const archive = await openArchive(options.target);
  let filings: PackagedFiling[];
  let rounds: PackagedRound[];
  try {
    ({ filings, rounds } = await archive.read(async (db) => {
      const chosen: PackagedFiling[] = [];
      for (const row of await currentFilings(db, options.filter)) chosen.push({ content: await filingContentOf(db, row), digest: row.digest, filedAt: row.filed_at });
      const roundFilter = { fromYear: yearOf(options.filter.from), toYear: yearOf(options.filter.to), units: options.filter.units };
      const political: PackagedRound[] = [];
      for (const row of await currentRounds(db, roundFilter)) {
        political.push({ content: await roundContentOf(db, row), digest: row.digest, toolVersion: row.tool_version, filedAt: row.filed_at });
      }
      return { filings: chosen, rounds: political };
    }));
  } finally {
    await archive.close();
  }
  const report = filings.map((f) => ({ unit: f.content.unit_code, year: f.content.year, quarter: f.content.quarter, digest: f.digest }));
  const roundReport = rounds.map((r) => ({ unit: r.content.unit_code, year: r.content.year, round: r.content.round, digest: r.digest }));
  if (filings.length + rounds.length === 0) return { exitCode: 1, label: archive.label, written: null, filings: report, rounds: roundReport };
  const bytes = await writeXlsx(packageWorkbook(filings, rounds));
  const [written] = await writeOutputs(dirname(options.out), [{ name: basename(options.out), bytes }], { force: options.force });
  return { exitCode: 0, label: archive.label, written: written ?? null, filings: report, rounds: roundReport };
}
