// `assess archive list KIND [--from] [--to] [--unit CODE] [--min K] [--rules F] [--db D] [--out F]
// [--json]` (archive.md "The lists"): the window of quarters, the rows the list can hold read from
// the current filings, the list put in its order by the domain, and its workbook written
// (default `{from}-{to}_{list name}.xlsx` in the current folder). Returns; never prints.

import path from "node:path";
import { openArchive } from "../archive/open-archive.js";
import { latestFiledQuarter, roomForGrouping, readFiledUnits, readListPersons, readWindowBarringEvents } from "../archive/read-records.js";
import type { ArchiveTarget } from "../archive/target.js";
import type { ListKind } from "../domain/archive-lists.js";
import { goodList, missingList, vetoList, weakList } from "../domain/archive-lists.js";
import type { ArchiveWindow, QuarterKey } from "../domain/archive-window.js";
import { resolveWindow } from "../domain/archive-window.js";
import type { Problem } from "../domain/problem.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import type { ListRows, ListTable } from "../build/archive-lists.js";
import { buildListWorkbook, listFileName, listTable } from "../build/archive-lists.js";
import { loadRules } from "../read/load-rules.js";
import { UsageError } from "../domain/usage-error.js";
import { writeOutputs } from "../run/write-outputs.js";

export interface WindowFlags {
  from: QuarterKey | null;
  to: QuarterKey | null;
}

export interface ArchiveListOptions extends WindowFlags {
  kind: ListKind;
  unit: string | null;
  /** --min; null takes archive.goodMin / archive.weakMin of the rules. */
  min: number | null;
  /** --rules; the built-in 标准方案 without it. */
  rulesPath: string | undefined;
  /** --out, a file; null for the default name in the current folder. */
  out: string | null;
  force: boolean;
}

export interface ArchiveListResult {
  /** 2 when the rules file is bad (its problems say why); the archive's own failures are thrown (ArchiveError). */
  exitCode: 0 | 2;
  window: ArchiveWindow | null;
  list: ListRows | null;
  /** The list's table as its workbook has it, for the screen; null with the list. */
  table: ListTable | null;
  min: number | null;
  problems: Problem[];
  written: string[];
}

/** The window of the flags over the archive, or a usage error saying why there is none. */
export function windowOf(flags: WindowFlags, size: number, latestFiled: QuarterKey | null): ArchiveWindow {
  const { window, message } = resolveWindow({ from: flags.from, to: flags.to, size, latestFiled });
  if (window === null) throw new UsageError(message ?? "无法确定统计的季度。");
  return window;
}

/** A file named by --out, or `name` in the current folder: its folder and its name. */
export function outputPlace(out: string | null, name: string): { dir: string; name: string } {
  return out === null ? { dir: ".", name } : { dir: path.dirname(out), name: path.basename(out) };
}

export async function archiveList(target: ArchiveTarget, options: ArchiveListOptions): Promise<ArchiveListResult> {
  const { kind, unit } = options;
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return { exitCode: 2, window: null, list: null, table: null, min: options.min, problems: loaded.problems, written: [] };
  const rules = loaded.value.rules;
  const min = kind === "good" ? (options.min ?? rules.archive.goodMin) : kind === "weak" ? (options.min ?? rules.archive.weakMin) : null;
  const archive = await openArchive(target);
  let found: { window: ArchiveWindow; list: ListRows };
  try {
    found = await archive.read(async (db) => {
      await roomForGrouping(db);
      const window = windowOf(options, rules.archive.window, await latestFiledQuarter(db));
      switch (kind) {
        case "good":
        case "weak": {
          const persons = await readListPersons(db, kind, window, min ?? 1);
          const list = kind === "good" ? goodList(persons, { unit, min: min ?? 1 }) : weakList(persons, { unit, min: min ?? 1 });
          return { window, list: { kind, rows: list } };
        }
        case "veto": {
          const persons = await readListPersons(db, "veto", window, 1);
          return { window, list: { kind, rows: vetoList(persons, await readWindowBarringEvents(db, window), window, { unit }) } };
        }
        case "missing":
          return { window, list: { kind, rows: missingList(await readFiledUnits(db, window), window, { unit }) } };
      }
    });
  } finally {
    await archive.close();
  }
  const place = outputPlace(options.out, listFileName(kind, found.window));
  const table = listTable({ list: found.list, window: found.window, min, unit });
  const bytes = await writeXlsx(buildListWorkbook({ list: found.list, window: found.window, min, unit }, table));
  const written = await writeOutputs(place.dir, [{ name: place.name, bytes }], { force: options.force });
  return { exitCode: 0, window: found.window, list: found.list, table, min, problems: loaded.problems, written };
}
