// `assess archive stats [--from] [--to] [--rules F] [--db D] [--out F] [--json]` (archive.md
// "Statistics"): the window's current filings per unit and quarter and per quarter, written as
// `{from}-{to}_考核统计.xlsx` (or --out) with its two charts. Returns; never prints.

import { openArchive } from "../archive/open-archive.js";
import { latestFiledQuarter, roomForGrouping, readStatsInputs } from "../archive/read-records.js";
import type { ArchiveTarget } from "../archive/target.js";
import type { StatsQuarter } from "../domain/archive-stats.js";
import { archiveStats } from "../domain/archive-stats.js";
import type { ArchiveWindow } from "../domain/archive-window.js";
import type { Problem } from "../domain/problem.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { buildStatsWorkbook, statsFileName } from "../build/archive-stats.js";
import { loadRules } from "../read/load-rules.js";
import { writeOutputs } from "../run/write-outputs.js";
import type { WindowFlags } from "./archive-list.js";
import { outputPlace, windowOf } from "./archive-list.js";

export interface ArchiveStatsOptions extends WindowFlags {
  rulesPath: string | undefined;
  out: string | null;
  force: boolean;
}

export interface ArchiveStatsResult {
  exitCode: 0 | 2;
  window: ArchiveWindow | null;
  quarters: StatsQuarter[];
  problems: Problem[];
  written: string[];
}

export async function archiveStatsCommand(target: ArchiveTarget, options: ArchiveStatsOptions): Promise<ArchiveStatsResult> {
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return { exitCode: 2, window: null, quarters: [], problems: loaded.problems, written: [] };
  const size = loaded.value.rules.archive.window;
  const archive = await openArchive(target);
  let found: { window: ArchiveWindow; quarters: StatsQuarter[] };
  try {
    found = await archive.read(async (db) => {
      await roomForGrouping(db);
      const window = windowOf(options, size, await latestFiledQuarter(db));
      return { window, quarters: archiveStats(await readStatsInputs(db, window), window) };
    });
  } finally {
    await archive.close();
  }
  const place = outputPlace(options.out, statsFileName(found.window));
  const bytes = await writeXlsx(buildStatsWorkbook(found));
  const written = await writeOutputs(place.dir, [{ name: place.name, bytes }], { force: options.force });
  return { exitCode: 0, ...found, problems: loaded.problems, written };
}
