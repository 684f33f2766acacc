// The evaluation workbooks of a run: each file read (refused before parsing when it cannot be
// read, read-xlsx.ts), parsed (political-workbook.ts), then checked across files. One file at a
// time: a county round is a few dozen workbooks.

import { checkPoliticalRun, type PoliticalRunMember } from "../domain/political-check-run.js";
import type { PoliticalWorkbook } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import type { Problem } from "../domain/problem.js";
import { parsePoliticalWorkbook } from "./political-workbook.js";
import { readWorkbookFile } from "./read-xlsx.js";

export interface PoliticalRead {
  files: string[];
  workbooks: PoliticalWorkbook[];
  problems: Problem[];
  unreadable: string[];
}

export async function readPoliticalFiles(
  inputs: readonly { path: string; file: string }[],
  rules: PoliticalRules,
  options: { maxInflatedBytes: number; onFile?: (file: string) => void },
): Promise<PoliticalRead> {
  const result: PoliticalRead = { files: inputs.map((i) => i.file), workbooks: [], problems: [], unreadable: [] };
  const members: PoliticalRunMember[] = [];
  for (const input of inputs) {
    const read = await readWorkbookFile(input.path, input.file, { maxInflatedBytes: options.maxInflatedBytes });
    options.onFile?.(input.file);
    if (read.value === null) {
      result.problems.push(...read.problems);
      result.unreadable.push(input.file);
      continue;
    }
    const parsed = parsePoliticalWorkbook(read.value, rules);
    result.problems.push(...parsed.problems);
    if (parsed.workbook) {
      result.workbooks.push(parsed.workbook);
      if (parsed.places.year && parsed.places.round) members.push({ workbook: parsed.workbook, places: { year: parsed.places.year, round: parsed.places.round } });
    }
  }
  result.problems.push(...checkPoliticalRun(members));
  return result;
}
