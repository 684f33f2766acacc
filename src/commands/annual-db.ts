// `assess annual --year Y --db D [--rules F] [--out DIR] [--json]` (archive.md "Annual from the
// archive"): each unit's current filings of year Y are its quarters, linked exactly as from
// workbooks (domain/annual.ts gradeYear, the same code as `assess annual`); the year's result is
// recorded in the archive (superseding an earlier record of the year) and
// {年度}_年度考核参考.xlsx written. Returns; never prints.
//
// Decisions where the spec is silent:
// - As from workbooks, at least three quarters must be filed (E_ANNUAL_QUARTERS, exit 2, nothing
//   recorded or written) and a quarter missing before the latest is a warning.
// - The output file is checked before anything is recorded, and the record is made in the same
//   transaction as the file is written: an output that exists without --force leaves the archive as
//   it was.
// - --out defaults to `{年度}_年度结果` in the current folder (there is no input file to sit beside).

import { openArchive } from "../archive/open-archive.js";
import { readFiledYear } from "../archive/read-year.js";
import { recordAnnual } from "../archive/record-annual.js";
import type { ArchiveTarget } from "../archive/target.js";
import type { Quarter } from "../domain/annual.js";
import { gradeYear } from "../domain/annual.js";
import type { Problem } from "../domain/problem.js";
import { hasErrors, problemAt, sortProblems } from "../domain/problem.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import { buildAnnualWorkbook, quarterList } from "../build/annual-workbook.js";
import { loadRules } from "../read/load-rules.js";
import { TOOL_VERSION } from "../build/tool-version.js";
import { openOutputs } from "../run/write-outputs.js";
import type { AnnualRunResult } from "./annual.js";
import { MIN_QUARTERS, annualOutputName } from "./annual.js";

export interface AnnualDbOptions {
  year: number;
  rulesPath?: string;
  outDir?: string;
  force: boolean;
  /** The clock, for the time of recording (the archive's only clock values). */
  now: () => Date;
}

export interface AnnualDbResult extends AnnualRunResult {
  /** The annual record made, and the one it superseded; null when nothing was recorded. */
  recorded: { id: number; supersedes: number | null } | null;
}

const RUN_PLACE = { file: "", sheet: "", cell: "", header: "" };

export async function annualFromArchive(target: ArchiveTarget, options: AnnualDbOptions): Promise<AnnualDbResult> {
  const { year } = options;
  const failed = (rules: AnnualRunResult["rules"], problems: readonly Problem[]): AnnualDbResult => ({
    exitCode: 2,
    year,
    rules,
    state: "draft",
    graded: null,
    problems: sortProblems(problems),
    outDir: null,
    written: [],
    recorded: null,
  });
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return failed(null, loaded.problems);
  const rules = loaded.value;
  const outDir = options.outDir ?? `${year}_年度结果`;

  const archive = await openArchive(target);
  try {
    return await archive.write(async (db) => {
      const filed = await readFiledYear(db, year);
      const problems: Problem[] = [...loaded.problems];
      const numbers = filed.quarters.map((q) => q.quarter).sort((a, b) => a - b);
      if (numbers.length < MIN_QUARTERS) {
        problems.push(
          problemAt(
            RUN_PLACE,
            "error",
            "E_ANNUAL_QUARTERS",
            quarterList(numbers),
            `${year}年度考核至少需要${MIN_QUARTERS}个季度的结果，档案“${archive.label}”中${year}年归档的只有${quarterList(numbers)}。` +
              `请先用 assess archive add 归档该年度其余季度。`,
          ),
        );
        return failed(rules, problems);
      }
      const latest = numbers[numbers.length - 1] ?? 4;
      const missing = ([1, 2, 3, 4] as const).filter((q: Quarter) => q < latest && !numbers.includes(q));
      if (missing.length > 0) {
        problems.push(
          problemAt(
            RUN_PLACE,
            "warning",
            "W_ANNUAL_QUARTER_MISSING",
            quarterList(missing),
            `档案中没有${year}年${quarterList(missing)}的归档，年度考核按${quarterList(numbers)}计算。如漏归档，请补归档后重新运行。`,
          ),
        );
      }
      const graded = gradeYear(filed.quarters, rules.rules);
      const sorted = sortProblems([...problems, ...graded.problems]);
      const state = graded.state === "final" && !hasErrors(sorted) ? "final" : "draft";
      const inputFiles = filed.filings.flatMap((f) => f.inputs);
      const spec = buildAnnualWorkbook({ year, graded, state, quarters: filed.quarters, inputFiles, rules, problems: sorted, toolVersion: TOOL_VERSION });
      const name = annualOutputName(year);
      // Checked before anything is recorded: an existing file without --force stops here (exit 2).
      const writer = await openOutputs(outDir, [name], { force: options.force });
      const recorded = await recordAnnual(db, {
        year,
        graded,
        state,
        rules,
        toolVersion: TOOL_VERSION,
        filingIds: filed.filings.map((f) => f.id),
        recordedAt: options.now().toISOString(),
      });
      const written = [await writer.write({ name, bytes: await writeXlsx(spec) })];
      await writer.finish();
      return { exitCode: state === "final" ? 0 : 1, year, rules, state, graded, problems: sorted, outDir, written, recorded };
    });
  } finally {
    await archive.close();
  }
}
