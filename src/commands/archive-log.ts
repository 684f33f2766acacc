// `assess archive log [--unit CODE] [--person ID]` (archive.md): every filing, supersession and
// import of the archive, oldest first: the quarters' filings and the political rounds'
// (political.md "With --db D"). Returns the entries; never prints.

import { openArchive } from "../archive/open-archive.js";
import { type LogEntry, type LogFilter, readLog, readRoundLog, type RoundLogEntry } from "../archive/read-log.js";
import type { ArchiveTarget } from "../archive/target.js";

export interface LogResult {
  label: string;
  entries: LogEntry[];
  rounds: RoundLogEntry[];
}

export async function archiveLog(target: ArchiveTarget, filter: LogFilter): Promise<LogResult> {
  const archive = await openArchive(target);
  try {
    return { label: archive.label, ...(await archive.read(async (db) => ({ entries: await readLog(db, filter), rounds: await readRoundLog(db, filter) }))) };
  } finally {
    await archive.close();
  }
}
