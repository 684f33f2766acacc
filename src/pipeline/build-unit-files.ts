// One graded unit → its output files (outputs.md "Per unit"): 结果.xlsx always, 公示.docx when the
// unit is final (a draft has a 待定 person and gets no notice, rules.md §5), 反馈单.docx when it
// has graded persons. A task of its own (worker-tasks.ts), so that units are built in parallel;
// what it is given is the unit's share of its workbook only, so that a task costs the same in a
// city of a thousand units as in a county of two.

import { slipContents, writeFeedbackSlips } from "../documents/feedback-slips.js";
import { noticeContent, writeNotice } from "../documents/notice.js";
import type { NoticeWording, SlipWording } from "../documents/wording.js";
import type { GradedPool, GradedUnit } from "../domain/graded.js";
import type { AppraisalWorkbook } from "../domain/model.js";
import { isGraded } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../workbook/write-xlsx.js";
import type { InputDigest } from "./build-result-workbook.js";
import { buildResultWorkbook } from "./build-result-workbook.js";
import type { UnitShare } from "./read-workbooks.js";
import { TOOL_VERSION } from "./tool-version.js";
import type { PlannedFile } from "./write-outputs.js";
import { UNIT_OUTPUT, unitOutputName } from "./write-outputs.js";

/** What building one unit's files needs, all of it plain data (it crosses to a worker thread). */
export interface UnitBuild {
  graded: GradedUnit;
  pool: GradedPool;
  /** The unit's share of its workbook (read-workbooks.ts `unitShares`). */
  workbook: UnitShare;
  /** The input files the unit's grades come from, for the 规则 sheet. */
  inputFiles: InputDigest[];
  /** The unit's warnings, for the 问题 sheet (a unit with an error is not built). */
  warnings: Problem[];
}

/** The names of the files `buildUnitFiles` makes for the unit, known before any is built. */
export function unitFileNames(unit: { graded: GradedUnit; workbook: Pick<AppraisalWorkbook, "period"> }): string[] {
  const { graded, workbook } = unit;
  const names = [unitOutputName(workbook.period, graded.unit, UNIT_OUTPUT.result)];
  if (graded.state === "final") names.push(unitOutputName(workbook.period, graded.unit, UNIT_OUTPUT.notice));
  if (graded.persons.some((p) => isGraded(p.person))) names.push(unitOutputName(workbook.period, graded.unit, UNIT_OUTPUT.slips));
  return names;
}

export async function buildUnitFiles(
  unit: UnitBuild,
  rules: EffectiveRules,
  wording: { notice: NoticeWording; slips: SlipWording },
): Promise<PlannedFile[]> {
  const { graded, pool, workbook } = unit;
  if (graded.state === "error") throw new Error(`unit ${graded.unit.code} has errors and no output files`);
  const period = workbook.period;
  const files: PlannedFile[] = [];
  const result = buildResultWorkbook({ graded, pool, workbook, inputFiles: unit.inputFiles, rules, warnings: unit.warnings, toolVersion: TOOL_VERSION });
  files.push({ name: unitOutputName(period, graded.unit, UNIT_OUTPUT.result), bytes: await writeXlsx(result) });
  if (graded.state === "final") {
    const content = noticeContent({ graded, period, settings: workbook.settings, rules: rules.rules }, wording.notice);
    files.push({ name: unitOutputName(period, graded.unit, UNIT_OUTPUT.notice), bytes: await writeNotice(content, wording.notice) });
  }
  const slips = slipContents({ graded, period, workbook, rules: rules.rules }, wording.slips);
  if (slips.length > 0) {
    files.push({ name: unitOutputName(period, graded.unit, UNIT_OUTPUT.slips), bytes: await writeFeedbackSlips(slips, wording.slips) });
  }
  return files;
}
