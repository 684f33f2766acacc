// `assess archive log [--unit CODE] [--person ID]` (archive.md): every filing, supersession and
// import of the archive, oldest first. Returns the entries; never prints.

import { openArchive } from "../archive/open-archive.js";
import { type LogEntry, type LogFilter, readLog } from "../archive/read-log.js";
import type { ArchiveTarget } from "../archive/target.js";

export interface LogResult {
  label: string;
  entries: LogEntry[];
}

export async function archiveLog(target: ArchiveTarget, filter: LogFilter): Promise<LogResult> {
  const archive = await openArchive(target);
  try {
    return { label: archive.label, entries: await archive.read((db) => readLog(db, filter)) };
  } finally {
    await archive.close();
  }
}
