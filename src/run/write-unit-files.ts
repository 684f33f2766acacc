// A run's unit files built and written, as planned (build/plan-unit-files.ts): each workbook's
// shares are taken a few workbooks ahead of the builds (memory.ts), each unit built and its files
// written by a task of the runner, to the places the run checked (write-outputs.ts), the units
// taken in run order. Only the workbooks and units in flight are held; each workbook's shares go
// once its units are handed to their builds.

import { type UnitFilesPlan, unitBuild } from "../build/plan-unit-files.js";
import { type UnitBuildTask, unitOutputs } from "../build/unit-files.js";
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
  /** Where a planned file is written, and how it is shown (write-outputs.ts `OutputWriter.place`). */
  place: (name: string) => { target: string; shown: string };
  onProgress?: OnProgress;
}

/**
 * Builds and writes every planned unit's files; returns the files that changed since grading,
 * and the files written (as `place` shows them) in run order.
 */
export async function writeUnitFiles(plan: UnitFilesPlan, run: UnitFilesRun): Promise<{ changed: ChangedFile[]; written: string[] }> {
  const { runner } = run;
  const withShares = inOrder(plan.workbooks, runner.capacity, async (group) => ({ ...group, shares: await run.sharesOf(group.workbook) }));
  /** Each planned unit with its build and where its files go, or with the file it can no longer be built from. */
  async function* builds(): AsyncGenerator<{ unit: GradedUnit; build: UnitBuildTask; targets: Record<string, string> } | { unit: GradedUnit; changedFile: string }> {
    for await (const { workbook, units, shares } of withShares) {
      for (const planned of units) {
        if (shares === null) {
          yield { unit: notBuilt(planned.graded), changedFile: workbook.file };
          continue;
        }
        const targets = Object.fromEntries(unitOutputs(workbook.period, planned.graded).map(({ name }) => [name, run.place(name).target]));
        yield { unit: planned.graded, build: unitBuild(planned, workbook, shares.get(planned.graded.unit.code)), targets };
      }
    }
  }
  const built = inOrder(builds(), runner.capacity, async (item) => ({
    ...item,
    files: "build" in item ? await runner.run({ kind: "build", unit: item.build, targets: item.targets }) : [],
  }));
  const changed: ChangedFile[] = [];
  const written: string[] = [];
  let done = 0;
  for await (const item of built) {
    for (const name of item.files) written.push(run.place(name).shown);
    if ("changedFile" in item) {
      const last = changed[changed.length - 1];
      if (last?.file === item.changedFile) last.units.push(item.unit);
      else changed.push({ file: item.changedFile, units: [item.unit] });
    }
    done += 1;
    run.onProgress?.({ phase: "write", done, total: plan.unitCount, unit: item.unit, files: written.length });
  }
  // The last units' files are still being written.
  await runner.settle();
  return { changed, written };
}
