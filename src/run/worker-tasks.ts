// The work a run hands out, one piece per message: read one input file (read, parse and check it
// on its own), read a graded file again for its units' shares, or build one unit's output files. The same function runs a task in a worker thread
// (worker-entry.ts) and in this thread (`--jobs 1`), so both give the same results byte for byte.

import type { NoticeWording, SlipWording } from "../build/wording.js";
import type { EffectiveRules } from "../domain/rules.js";
import type { UnitBuild } from "../build/unit-files.js";
import type { FileRead, InputFile, ReadKeep, UnitShare } from "./read-workbooks.js";
import { readOneFile, readUnitShares } from "./read-workbooks.js";
import type { PlannedFile } from "./write-outputs.js";

/** What every task of a run shares, given to each worker once. */
export interface TaskSetup {
  rules: EffectiveRules;
  maxInflatedBytes: number;
  /** The notice's and slips' wording; null for `validate`, which builds nothing. */
  wording: { notice: NoticeWording; slips: SlipWording } | null;
}

export type Task =
  | { kind: "read"; input: InputFile; keep: ReadKeep }
  | { kind: "shares"; input: InputFile; sha256: string }
  | { kind: "build"; unit: UnitBuild };

export interface TaskResults {
  read: FileRead;
  shares: Map<string, UnitShare> | null;
  build: PlannedFile[];
}

export type TaskOf<K extends Task["kind"]> = Extract<Task, { kind: K }>;

async function run(task: Task, setup: TaskSetup): Promise<TaskResults[Task["kind"]]> {
  if (task.kind === "read") {
    return readOneFile(task.input, setup.rules.rules, { maxInflatedBytes: setup.maxInflatedBytes, keep: task.keep });
  }
  if (task.kind === "shares") return readUnitShares(task.input, task.sha256, setup.rules.rules, { maxInflatedBytes: setup.maxInflatedBytes });
  if (setup.wording === null) throw new Error("a build task needs the wording of the notice and the slips");
  // Loaded on the first build: a worker that only reads (validate) need not load the writers.
  const { buildUnitFiles } = await import("../build/unit-files.js");
  return buildUnitFiles(task.unit, setup.rules, setup.wording);
}

export function runTask<K extends Task["kind"]>(task: TaskOf<K>, setup: TaskSetup): Promise<TaskResults[K]> {
  // Each kind of task gives its own kind of result; TypeScript does not narrow a generic by its tag.
  return run(task, setup) as Promise<TaskResults[K]>;
}
