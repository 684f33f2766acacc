// One graded unit → its output files (outputs.md "Per unit"): 结果.xlsx always, 公示.docx when the
// unit is final (a draft has a 待定 person and gets no notice, rules.md §5), 反馈单.docx when it
// has graded persons. A task of its own (worker-tasks.ts), so that units are built in parallel;
// what it is given is the unit's share of its workbook only, so that a task costs the same in a
// city of a thousand units as in a county of two.

import { writeFeedbackSlips } from "./feedback-slips.js";
import { slipContents } from "./slip-content.js";
import { noticeContent, writeNotice } from "./notice.js";
import type { NoticeWording, SlipWording } from "./wording.js";
import type { GradedPool, GradedUnit } from "../domain/graded.js";
import type { AppraisalWorkbook, Period } from "../domain/model.js";
import { isGraded } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import { writeXlsx } from "../ooxml/write-xlsx.js";
import type { InputDigest } from "./result-workbook.js";
import { buildResultWorkbook } from "./result-workbook.js";
import type { PlannedFile } from "./output-names.js";
import { UNIT_OUTPUT, type UnitOutputKind, unitOutputName } from "./output-names.js";
import { TOOL_VERSION } from "./tool-version.js";

/** A unit's share of its workbook: its persons' work items and 个性评分 rows, all that its files print. */
export type UnitShare = Pick<AppraisalWorkbook, "period" | "settings" | "workItems" | "summaries" | "individualScores" | "events">;

/** What building one unit's files needs, all of it plain data (it crosses to a worker thread). */
export interface UnitBuild {
  graded: GradedUnit;
  pool: GradedPool;
  /** The unit's share of its workbook (run/memory.ts `unitShares`). */
  workbook: UnitShare;
  /** The input files the unit's grades come from, for the 规则 sheet. */
  inputFiles: InputDigest[];
  /** The unit's warnings, for the 问题 sheet (a unit with an error is not built). */
  warnings: Problem[];
}

/**
 * A unit's share as a build task is given it: as it is, or serialized and deflated where its file
 * was read (run/memory.ts, keep `printing`), to be taken apart by the task (`withShare` there).
 */
export type ShareToBuild = UnitShare | Uint8Array;

/** A unit's build as a build task is given it: with its share as it came (`ShareToBuild`). */
export type UnitBuildTask = Omit<UnitBuild, "workbook"> & { workbook: ShareToBuild };

/**
 * The files the unit gets, known before any is built: 结果.xlsx always, 公示.docx when the unit is
 * final, 反馈单.docx when it has graded persons. `buildUnitFiles` builds exactly these.
 */
export function unitOutputs(period: Period, graded: GradedUnit): { kind: UnitOutputKind; name: string }[] {
  const kinds: UnitOutputKind[] = [UNIT_OUTPUT.result];
  if (graded.state === "final") kinds.push(UNIT_OUTPUT.notice);
  if (graded.persons.some((p) => isGraded(p.person))) kinds.push(UNIT_OUTPUT.slips);
  return kinds.map((kind) => ({ kind, name: unitOutputName(period, graded.unit, kind) }));
}

export async function buildUnitFiles(
  unit: UnitBuild,
  rules: EffectiveRules,
  wording: { notice: NoticeWording; slips: SlipWording },
): Promise<PlannedFile[]> {
  const { graded, pool, workbook } = unit;
  if (graded.state === "error") throw new Error(`unit ${graded.unit.code} has errors and no output files`);
  const period = workbook.period;
  const build: Record<UnitOutputKind, () => Promise<Buffer>> = {
    [UNIT_OUTPUT.result]: () =>
      writeXlsx(buildResultWorkbook({ graded, pool, workbook, inputFiles: unit.inputFiles, rules, warnings: unit.warnings, toolVersion: TOOL_VERSION })),
    [UNIT_OUTPUT.notice]: () => writeNotice(noticeContent({ graded, period, settings: workbook.settings, rules: rules.rules }, wording.notice), wording.notice),
    [UNIT_OUTPUT.slips]: () => writeFeedbackSlips(slipContents({ graded, period, workbook, rules: rules.rules }, wording.slips), wording.slips),
  };
  const files: PlannedFile[] = [];
  for (const { kind, name } of unitOutputs(period, graded)) files.push({ name, bytes: await build[kind]() });
  return files;
}
