// Checks across the workbooks of one run (workbook.md "Checks across sheets"): all are of the
// same 年度 and 季度, and a 人员编号 or 单位代码 appears in one workbook only (an error at both
// places, so that each clerk sees it).

import type { AppraisalWorkbook, Period } from "./model.js";
import { groupBy, periodText } from "./model.js";
import type { CellRef } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";
import type { ProblemCode } from "./problem-codes.js";

export interface RunMember {
  workbook: AppraisalWorkbook;
  /** The 参数 cells of 年度 and 季度. */
  places: { year: CellRef; quarter: CellRef };
}

function fileName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

/**
 * The run's period is the one most workbooks have (the first one's on a tie); every workbook of
 * another period gets an error at its 参数 cell, which holds back all its units.
 */
export function checkRunPeriods(members: readonly RunMember[]): Problem[] {
  const counts = new Map<string, { period: Period; files: string[] }>();
  for (const { workbook } of members) {
    const key = `${workbook.period.year}Q${workbook.period.quarter}`;
    const entry = counts.get(key) ?? { period: workbook.period, files: [] };
    entry.files.push(workbook.file);
    counts.set(key, entry);
  }
  if (counts.size <= 1) return [];
  let main: { period: Period; files: string[] } | undefined;
  for (const entry of counts.values()) if (!main || entry.files.length > main.files.length) main = entry;
  if (!main) return [];
  const { period, files } = main;
  const others = files.length === 1 ? `“${fileName(files[0] ?? "")}”` : `“${fileName(files[0] ?? "")}”等 ${files.length} 个工作簿`;
  return members
    .filter(({ workbook }) => workbook.period.year !== period.year || workbook.period.quarter !== period.quarter)
    .map(({ workbook, places }) => {
      const ref = workbook.period.year !== period.year ? places.year : places.quarter;
      return problemAt(
        ref,
        "error",
        "E_PERIOD_MISMATCH",
        periodText(workbook.period),
        `${ref.sheet}!${ref.cell}：本工作簿是${periodText(workbook.period)}，而一同处理的${others}是${periodText(period)}。` +
          `一次只能处理同一年度、同一季度的工作簿：请改正年度、季度，或分开处理。`,
      );
    });
}

interface Place {
  /** The 人员编号 or 单位代码 found there. */
  key: string;
  file: string;
  ref: CellRef;
  unit: string;
}

function duplicates(
  placesByKey: Map<string, Place[]>,
  code: ProblemCode,
  describe: (key: string, here: Place, there: Place) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, places] of placesByKey) {
    const files = new Set(places.map((p) => p.file));
    if (files.size < 2) continue;
    for (const here of places) {
      const there = places.find((p) => p.file !== here.file);
      if (!there) continue;
      problems.push({ ...problemAt(here.ref, "error", code, key, describe(key, here, there)), unit: here.unit });
    }
  }
  return problems;
}

/** A 人员编号 or 单位代码 in more than one workbook of the run: an error at every place. */
export function checkRunIdentities(
  workbooks: readonly (Pick<AppraisalWorkbook, "file"> & {
    persons: readonly Pick<AppraisalWorkbook["persons"][number], "id" | "ref" | "unitCode">[];
    units: readonly Pick<AppraisalWorkbook["units"][number], "code" | "ref">[];
  })[],
): Problem[] {
  const persons = groupBy(
    workbooks.flatMap((wb) => wb.persons.map((p): Place => ({ key: p.id, file: wb.file, ref: p.ref, unit: p.unitCode }))),
    (place) => place.key,
  );
  const units = groupBy(
    workbooks.flatMap((wb) => wb.units.map((u): Place => ({ key: u.code, file: wb.file, ref: u.ref, unit: u.code }))),
    (place) => place.key,
  );
  const at = (place: Place): string => `${place.ref.sheet}!${place.ref.cell}`;
  return [
    ...duplicates(
      persons,
      "E_DUPLICATE_PERSON_RUN",
      (id, here, there) =>
        `${at(here)}：人员编号 ${id} 也出现在工作簿“${fileName(there.file)}”（${at(there)}）中。人员编号在一次处理的全部工作簿中不能重复：请核对编号，同一人只能在一个单位参加考核。`,
    ),
    ...duplicates(
      units,
      "E_DUPLICATE_UNIT_RUN",
      (code, here, there) =>
        `${at(here)}：单位代码 ${code} 也出现在工作簿“${fileName(there.file)}”（${at(there)}）中。一个单位只能在一个工作簿中填报：请核对单位代码，或删除重复的工作簿。`,
    ),
  ];
}
