// The work a run hands out, one piece per message: read one input file (read, parse and check it
// on its own), or build one unit's output files and write them where the run checked they may go.
// The same function runs a task in a worker thread (worker-entry.ts) and in this thread
// (`--jobs 1`), so both give the same results byte for byte. Who runs the tasks is a `TaskRunner`
// (worker-pool.ts).

import type { NoticeWording, SlipWording } from "../build/wording.js";
import type { EffectiveRules } from "../domain/rules.js";
import type { UnitBuildTask } from "../build/unit-files.js";
import type { InputFile } from "./input-files.js";
import { type FileRead, type ReadKeep, type ReadOptions, readOneFile, withShare } from "./memory.js";
import type { FileReader } from "./read-files.js";
import type { PlannedFile } from "../build/output-names.js";
import { writeAtomically } from "./write-outputs.js";

/** What every task of a run shares, given to each worker once. */
export interface TaskSetup {
  rules: EffectiveRules;
  maxInflatedBytes: number;
  /** The notice's and slips' wording; null for `validate`, which builds nothing. */
  wording: { notice: NoticeWording; slips: SlipWording } | null;
  /** `validate`: an evaluation workbook read comes back as such (memory.ts `tellEvaluations`). */
  tellEvaluations?: boolean;
}

export type Task =
  | { kind: "read"; input: InputFile; keep: ReadKeep }
  /** Loads the builders, as the first build would (`prepareBuilds`). */
  | { kind: "prepare" }
  /**
   * `targets`: where each of the unit's files is written, by name (write-outputs.ts
   * `OutputWriter.place`). The thread that builds the files writes them: a city's 46 MB of
   * outputs do not pass through the thread that holds the run, where each file's bytes would
   * stay until it next collected its garbage.
   */
  | { kind: "build"; unit: UnitBuildTask; targets: Record<string, string> }
  /** Waits for the files this thread is still writing; fails as the first of them that failed. */
  | { kind: "settle" };

export interface TaskResults {
  read: FileRead;
  prepare: null;
  /** The names of the files built, in the order built, each written or being written. */
  build: string[];
  settle: null;
}

export type TaskOf<K extends Task["kind"]> = Extract<Task, { kind: K }>;

/** Runs the tasks of a run: worker threads, or this thread (worker-pool.ts `withRunner`). */
export interface TaskRunner {
  /** Tasks worth keeping in flight: enough that no worker waits for the next one. */
  readonly capacity: number;
  /** Whether results arrive as copies (from another thread), every string its own. */
  readonly copies: boolean;
  run<K extends Task["kind"]>(task: TaskOf<K>): Promise<TaskResults[K]>;
  /** Waits for every file the tasks built to be written (a `settle` task in every thread). */
  settle(): Promise<void>;
  /** Ends the workers; tasks still running are abandoned. */
  close(): Promise<void>;
}

/** Output files a thread writes at once: enough to keep the disk busy, few enough to hold little. */
const WRITES_IN_FLIGHT = 8;

/**
 * The files a thread has built and is writing, oldest first. A build task returns once its files
 * are started, so that the thread builds the next unit while the disk takes the last one's (each
 * file is synced before it is renamed into place); at most WRITES_IN_FLIGHT are held, and a
 * `settle` task waits for the rest. A failed write fails the task that waits for it.
 */
export class FilesInFlight {
  private readonly writing: Promise<void>[] = [];

  async write(files: readonly PlannedFile[], targets: Record<string, string>): Promise<string[]> {
    for (const file of files) {
      const target = targets[file.name];
      if (target === undefined) throw new Error(`output ${file.name} was not checked before writing`);
      const started = writeAtomically(target, file.bytes);
      started.catch(() => {}); // awaited in turn below or by `settle`; a failure must not go unobserved until then
      this.writing.push(started);
    }
    while (this.writing.length > WRITES_IN_FLIGHT) await this.writing.shift();
    return files.map((file) => file.name);
  }

  async settle(): Promise<null> {
    while (this.writing.length > 0) await this.writing.shift();
    return null;
  }
}

async function run(task: Task, setup: TaskSetup, files: FilesInFlight): Promise<TaskResults[Task["kind"]]> {
  if (task.kind === "read") {
    return readOneFile(task.input, setup.rules.rules, readOptions(setup, task.keep));
  }
  if (task.kind === "settle") return files.settle();
  // Loaded for the first build (or when told to prepare): a worker that only reads (validate)
  // need not load the writers.
  const { buildUnitFiles } = await import("../build/unit-files.js");
  if (task.kind === "prepare") return null;
  if (setup.wording === null) throw new Error("a build task needs the wording of the notice and the slips");
  return files.write(await buildUnitFiles(withShare(task.unit), setup.rules, setup.wording), task.targets);
}

/** Runs a task; `files`: the files the thread's build tasks are writing (one for each thread). */
export function runTask<K extends Task["kind"]>(task: TaskOf<K>, setup: TaskSetup, files: FilesInFlight): Promise<TaskResults[K]> {
  // Each kind of task gives its own kind of result; TypeScript does not narrow a generic by its tag.
  return run(task, setup, files) as Promise<TaskResults[K]>;
}

/**
 * The builders loaded by the runner's workers while this thread grades the run: a city's grading
 * takes half a second in which the workers, done reading, would otherwise wait, and then spend a
 * quarter of a second each loading the builders for their first build. One task for each task
 * the runner keeps in flight, so that every worker has one (the pool hands a task to the worker
 * with the fewest). A failure to load shows again in the first build; here it is let go.
 */
export function prepareBuilds(runner: TaskRunner): void {
  for (let i = 0; i < runner.capacity; i++) runner.run({ kind: "prepare" }).catch(() => {});
}

/**
 * How a run's files are read (read-files.ts): by the runner's tasks when there are several, in
 * this thread when there is one (a single file gains nothing from a worker, and sending a
 * city-sized workbook back would copy it).
 */
export function fileReader(inputs: readonly InputFile[], runner: TaskRunner, setup: TaskSetup, keep: ReadKeep): FileReader {
  if (inputs.length > 1) return { read: (input) => runner.run({ kind: "read", input, keep }), capacity: runner.capacity, copies: runner.copies };
  return { read: (input) => readOneFile(input, setup.rules.rules, readOptions(setup, keep)), capacity: 1, copies: false };
}

function readOptions(setup: TaskSetup, keep: ReadKeep): ReadOptions {
  return { maxInflatedBytes: setup.maxInflatedBytes, keep, tellEvaluations: setup.tellEvaluations === true };
}
