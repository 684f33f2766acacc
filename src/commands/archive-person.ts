// `assess archive person ID... [--db D] [--out DIR] [--json]` (archive.md "The growth record"):
// read each person's current filings, events, changes and annual lines, put their record
// together, and write `{人员编号}_{姓名}_成长档案.xlsx` and `.docx` for each. An ID with nothing
// filed is a problem naming it (exit 1); the others are written. Returns; never prints.

import { openArchive } from "../archive/open-archive.js";
import { readPersonAnnuals, readPersonChanges, readPersonEvents, readPersonQuarters } from "../archive/read-records.js";
import { readPersonPolitical } from "../archive/read-political.js";
import type { ArchiveTarget } from "../archive/target.js";
import type { GrowthRecord } from "../domain/archive-record.js";
import { growthRecord } from "../domain/archive-record.js";
import type { Problem } from "../domain/problem.js";
import { problemAt } from "../domain/problem.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { buildRecordWorkbook, recordFileName } from "../build/archive-record.js";
import { writeRecordDocx } from "../build/archive-record-docx.js";
import type { PlannedFile } from "../build/output-names.js";
import { writeOutputs } from "../run/write-outputs.js";

export interface ArchivePersonOptions {
  /** --out; default the current folder. */
  outDir: string;
  force: boolean;
}

export interface ArchivePersonResult {
  exitCode: 0 | 1;
  /** The records found, in the order the IDs were given. */
  records: GrowthRecord[];
  problems: Problem[];
  written: string[];
}

const NO_PLACE = { file: "", sheet: "", cell: "", header: "人员编号" };

export function unknownPersonProblem(id: string, label: string): Problem {
  return problemAt(
    NO_PLACE,
    "error",
    "E_ARCHIVE_PERSON_UNKNOWN",
    id,
    `档案“${label}”中没有人员编号“${id}”的归档记录，未写出其成长档案。请核对人员编号（应与考核工作簿“人员”表中的一致）。`,
  );
}

export async function archivePerson(target: ArchiveTarget, ids: readonly string[], options: ArchivePersonOptions): Promise<ArchivePersonResult> {
  const wanted = [...new Set(ids.map((id) => id.trim()))];
  const archive = await openArchive(target);
  let found: { records: GrowthRecord[]; problems: Problem[] };
  try {
    found = await archive.read(async (db) => {
      const [quarters, events, changes, annuals, political] = [
        await readPersonQuarters(db, wanted),
        await readPersonEvents(db, wanted),
        await readPersonChanges(db, wanted),
        await readPersonAnnuals(db, wanted),
        await readPersonPolitical(db, wanted),
      ];
      const records: GrowthRecord[] = [];
      const problems: Problem[] = [];
      for (const id of wanted) {
        const record = growthRecord(id, quarters, events, changes, annuals.filter((a) => a.id === id), political);
        if (record) records.push(record);
        else problems.push(unknownPersonProblem(id, archive.label));
      }
      return { records, problems };
    });
  } finally {
    await archive.close();
  }
  const files: PlannedFile[] = [];
  for (const record of found.records) {
    files.push({ name: recordFileName(record, "xlsx"), bytes: await writeXlsx(buildRecordWorkbook(record)) });
    files.push({ name: recordFileName(record, "docx"), bytes: writeRecordDocx({ record }) });
  }
  const written = files.length > 0 ? await writeOutputs(options.outDir, files, { force: options.force }) : [];
  return { exitCode: found.problems.length > 0 ? 1 : 0, records: found.records, problems: found.problems, written };
}
