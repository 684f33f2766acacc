// `assess validate` for evaluation workbooks (political.md): the inputs told apart by their sheets
// (干部/双向测评 against 人员/共性测评), and the evaluation workbooks read and checked as
// `assess political` would, writing nothing.

import { problemsByUnit, type Problem } from "../domain/problem.js";
import { politicalRulesOf } from "../domain/political-rules.js";
import { isPoliticalWorkbook } from "../domain/political-sheets.js";
import type { EffectiveRules } from "../domain/rules.js";
import type { PoliticalWorkbook } from "../domain/political-model.js";
import { readPoliticalFiles } from "../read/political-run.js";
import { sheetNamesOf } from "../read/sheet-names.js";
import type { InputFile } from "../run/input-files.js";
import { inOrder } from "../run/in-order.js";

/** Files whose sheet names are read at once (only their zip directory and workbook part are used). */
const LOOKS_AT_ONCE = 8;

export async function splitByKind(inputs: readonly InputFile[], maxBytes: number): Promise<{ appraisal: InputFile[]; political: InputFile[] }> {
  const appraisal: InputFile[] = [];
  const political: InputFile[] = [];
  // A few files looked into at once: a city folder's thousand files, one after another, waited
  // on the disk a second before the first workbook was read.
  let index = 0;
  for await (const names of inOrder(inputs, LOOKS_AT_ONCE, (input) => sheetNamesOf(input.path, maxBytes))) {
    const input = inputs[index++]!;
    (names !== null && isPoliticalWorkbook(names) ? political : appraisal).push(input);
  }
  return { appraisal, political };
}

/** The codes of the units with an error of their own or of their whole file. */
export function politicalUnitsInError(workbooks: readonly PoliticalWorkbook[], problems: readonly Problem[]): Set<string> {
  return new Set(problemsByUnit(workbooks.flatMap((w) => w.units), problems.filter((p) => p.severity === "error")).keys());
}

export async function validatePoliticalFiles(inputs: readonly InputFile[], rules: EffectiveRules, maxInflatedBytes: number) {
  const read = await readPoliticalFiles(inputs, politicalRulesOf(rules.json), { maxInflatedBytes });
  const inError = politicalUnitsInError(read.workbooks, read.problems);
  const units = read.workbooks.flatMap((w) =>
    w.units.map((u) => ({ code: u.code, name: u.name, file: w.file, state: inError.has(u.code) ? ("error" as const) : ("ok" as const) })),
  );
  return { files: read.files, unreadable: read.unreadable, units, problems: read.problems };
}
