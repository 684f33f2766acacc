// Checks across the evaluation workbooks of one run (political.md: "the same checks across files
// as workbook.md"): one 年度 and 测评名称 per run, and a 人员编号 or 单位代码 in one workbook only.

import { checkRunIdentities } from "./check-run.js";
import type { PoliticalWorkbook } from "./political-model.js";
import type { CellRef } from "./model.js";
import { type Problem, problemAt } from "./problem.js";

export interface PoliticalRunMember {
  workbook: PoliticalWorkbook;
  places: { year: CellRef; round: CellRef };
}

const roundText = (w: PoliticalWorkbook): string => `${w.year}年度“${w.round}”`;
const fileName = (file: string): string => file.replace(/^.*[\\/]/, "");

/** The run's round is the one most workbooks have (the first one's on a tie); others are errors at their 参数 cell. */
export function checkPoliticalRun(members: readonly PoliticalRunMember[]): Problem[] {
  const counts = new Map<string, PoliticalRunMember[]>();
  for (const member of members) {
    const key = `${member.workbook.year}\u0000${member.workbook.round}`;
    counts.set(key, [...(counts.get(key) ?? []), member]);
  }
  const problems: Problem[] = [];
  if (counts.size > 1) {
    let main: PoliticalRunMember[] = [];
    for (const list of counts.values()) if (list.length > main.length) main = list;
    const first = main[0]!.workbook;
    for (const { workbook, places } of members) {
      if (workbook.year === first.year && workbook.round === first.round) continue;
      const ref = workbook.year !== first.year ? places.year : places.round;
      problems.push(
        problemAt(
          ref,
          "error",
          "E_PERIOD_MISMATCH",
          roundText(workbook),
          `${ref.sheet}!${ref.cell}：本工作簿是${roundText(workbook)}，而一同处理的“${fileName(first.file)}”是${roundText(first)}。` +
            `一次只能处理同一年度、同一测评的工作簿：请改正年度或测评名称，或分开处理。`,
        ),
      );
    }
  }
  problems.push(
    ...checkRunIdentities(
      members.map(({ workbook }) => ({
        file: workbook.file,
        persons: workbook.cadres.map((c) => ({ id: c.id, ref: c.ref, unitCode: c.unitCode })),
        units: workbook.units,
      })),
    ),
  );
  return problems;
}
