// `assess validate` for evaluation workbooks (political.md): the evaluation workbooks among the
// inputs (told apart by their sheets, 干部/双向测评 against 人员/共性测评, where validate reads each
// file: run/memory.ts `tellEvaluations`) read and checked as `assess political` would, writing nothing.

import { problemsByUnit, type Problem } from "../domain/problem.js";
import { politicalRulesOf } from "../domain/political-rules.js";
import type { EffectiveRules } from "../domain/rules.js";
import type { PoliticalWorkbook } from "../domain/political-model.js";
import { readPoliticalFiles } from "../read/political-run.js";
import type { InputFile } from "../run/input-files.js";

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
