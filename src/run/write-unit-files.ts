// A run's unit files built and written, as planned (build/plan-unit-files.ts): each workbook's
// shares are taken a few workbooks ahead of the builds (memory.ts), each unit built as a task of
// the runner, its files written as soon as they are built, in run order. Only the workbooks and
// units in flight are held; each workbook's shares go once its units are handed to their builds.

import type { PlannedFile } from "../build/output-names.js";
import { type UnitFilesPlan, unitBuild } from "../build/plan-unit-files.js";
import type { UnitBuild } from "../build/unit-files.js";
import type { GradedUnit } from "../domain/graded.js";
import type { AppraisalWorkbook } from "../domain/model.js";
import { inOrder } from "./in-order.js";
import { type ChangedFile, notBuilt, type UnitShares } from "./memory.js";
import type { OnProgress } from "./run-progress.js";
import type { TaskRunner } from "./worker-tasks.js";

export interface UnitFilesRun {
  runner: TaskRunner;
  /** Each workbook's shares, or null when its file changed since it was graded (memory.ts). */
  sharesOf: (workbook: AppraisalWorkbook) => Promise<UnitShares>;
  /** Writes one built file (write-outputs.ts `writeInTurn`). */
  write: (file: PlannedFile) => Promise<void>;
  /** How many files were handed to `write` so far, for progress. */
  filesStarted: () => number;
  onProgress?: OnProgress;
}

/** Builds and writes every planned unit's files; returns the files that changed since grading. */
export async function writeUnitFiles(plan: UnitFilesPlan, run: UnitFilesRun): Promise<ChangedFile[]> {
  const { runner } = run;
  const withShares = inOrder(plan.workbooks, runner.capacity, async (group) => ({ ...group, shares: await run.sharesOf(group.workbook) }));
  /** Each planned unit with its build, or with the file it can no longer be built from. */
  async function* builds(): AsyncGenerator<{ unit: GradedUnit; build: UnitBuild } | { unit: GradedUnit; changedFile: string }> {
    for await (const { workbook, units, shares } of withShares) {
      for (const planned of units) {
        if (shares === null) yield { unit: notBuilt(planned.graded), changedFile: workbook.file };
        else yield { unit: planned.graded, build: unitBuild(planned, workbook, shares.get(planned.graded.unit.code)) };
      }
    }
  }
  const built = inOrder(builds(), runner.capacity, async (item) => ({
    ...item,
    files: "build" in item ? await runner.run({ kind: "build", unit: item.build }) : [],
  }));
  const changed: ChangedFile[] = [];
  let done = 0;
  for await (const item of built) {
    for (const file of item.files) await run.write(file);
    if ("changedFile" in item) {
      const last = changed[changed.length - 1];
      if (last?.file === item.changedFile) last.units.push(item.unit);
      else changed.push({ file: item.changedFile, units: [item.unit] });
    }
    done += 1;
    run.onProgress?.({ phase: "write", done, total: plan.unitCount, unit: item.unit, files: run.filesStarted() });
  }
  return changed;
}
