// Runs the tasks of a run (worker-tasks.ts) on both cores: input workbooks are independent, and
// so are the units' output files once the run is graded. `--jobs N` worker threads take the
// tasks; `--jobs 1` runs them here, one after another. The callers take results in input order
// whatever order they finish in (in-order.ts), so the outputs never depend on timing, with only
// `capacity` tasks in flight, so that a run holds the cells of a few workbooks at a time (of each
// parsed workbook, what grading needs is kept: grading pools units across files).

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ResourceLimits, Worker } from "node:worker_threads";
import type { Task, TaskOf, TaskResults, TaskRunner, TaskSetup } from "./worker-tasks.js";
import { FilesInFlight, runTask } from "./worker-tasks.js";

export { defaultJobs } from "./default-jobs.js";

/**
 * `--jobs 1`: every task in this thread, in turn. Two in flight: one is being worked while the
 * last one's files are read or written.
 */
function inThisThread(setup: TaskSetup): TaskRunner {
  const files = new FilesInFlight();
  const settle = async (): Promise<void> => {
    await runTask({ kind: "settle" }, setup, files);
  };
  return {
    capacity: 2,
    copies: false,
    run: (task) => runTask(task, setup, files),
    settle,
    // A run that failed lets the files it started finish (each removes its temporary file if it fails).
    close: () => settle().catch(() => {}),
  };
}

/**
 * The compiled worker script beside this module; when this module runs from src/ (the tests),
 * the compiled one in dist/ (`npx tsc` first).
 */
function workerScript(): URL {
  const beside = new URL("./worker-entry.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("../../dist/run/worker-entry.js", import.meta.url);
}

/**
 * Each building worker's young generation, in MiB: half V8's default (48). A worker's garbage is
 * the big strings of a unit's XML and a file's cells, dead by the next task. Measured on a 100-unit
 * folder (four runs each): peak about 287 → 244 MB for 7.03 s of CPU against 6.96; on a
 * 1,000-unit folder the peak did not move measurably.
 *
 * Workers that only read (validate, annual, archive add, and grade's reading threads: no wording
 * to build with) keep V8's default: reading a 1,000-unit folder, the smaller young generation
 * collected so often that validate took 10.2–12.6 s of CPU (5.9–7.1 s wall) against 9.2–10.0 s
 * (5.0–5.5 s) with the default, for some 35 MB more at its peak (three runs each, /usr/bin/time).
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/** The workers' resource limits: a smaller young generation only where the workers build. */
function workerLimits(setup: TaskSetup): ResourceLimits {
  return setup.wording === null ? {} : { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; result: unknown } | { id: number; error: { message: string; stack?: string; code?: string } };

/** A task's failure in a worker as an Error here: its message and code as there, its stack the worker's. */
function failed(error: { message: string; stack?: string; code?: string }): Error {
  const here: Error & { code?: string } = new Error(error.message);
  if (error.stack !== undefined) here.stack = error.stack;
  if (error.code !== undefined) here.code = error.code;
  return here;
}

/**
 * What of a task is moved to the worker rather than copied: a unit's share serialized where its
 * file was read (build/unit-files.ts `ShareToBuild`), some 2 KB that this thread has no further
 * use for.
 * Copied, each would stay here until this thread next collected its garbage, which, holding the
 * run's grades and allocating little while the units are built, it seldom does.
 */
function moved(task: Task): ArrayBuffer[] {
  if (task.kind !== "build") return [];
  const share = task.unit.workbook;
  if (!(share instanceof Uint8Array)) return [];
  const { buffer, byteOffset, byteLength } = share;
  // Only a buffer of its own: moving one that other bytes share would take them too.
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : [];
}

class WorkerPool implements TaskRunner {
  readonly capacity: number;
  readonly copies = true;
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(
    private readonly size: number,
    private readonly setup: TaskSetup,
  ) {
    this.capacity = 2 * size;
  }

  /**
   * The threads, started with the first task: a run that reads one workbook in this thread and
   * has nothing to build (validate of a city in one file) never pays for them.
   */
  private start(): void {
    const { size, setup } = this;
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup, resourceLimits: workerLimits(setup) });
      const pending = new Map<number, Pending>();
      worker.on("message", (reply: Reply) => {
        const waiting = pending.get(reply.id);
        if (!waiting) return;
        pending.delete(reply.id);
        if ("error" in reply) waiting.reject(failed(reply.error));
        else waiting.resolve(reply.result);
      });
      const fail = (error: Error): void => {
        this.failure = error;
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (pending.size > 0) fail(new Error(`a worker thread stopped (exit code ${code}) with tasks unfinished`));
      });
      this.workers.push({ worker, pending });
    }
  }

  run<K extends Task["kind"]>(task: TaskOf<K>): Promise<TaskResults[K]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.workers.length === 0) this.start();
    // The worker with the fewest tasks takes the next one.
    let chosen = this.workers[0]!;
    for (const candidate of this.workers) if (candidate.pending.size < chosen.pending.size) chosen = candidate;
    return this.send(chosen, task);
  }

  async settle(): Promise<void> {
    if (this.failure) throw this.failure;
    await Promise.all(this.workers.map((worker) => this.send(worker, { kind: "settle" })));
  }

  private send<K extends Task["kind"]>(chosen: { worker: Worker; pending: Map<number, Pending> }, task: TaskOf<K>): Promise<TaskResults[K]> {
    const id = this.nextId++;
    return new Promise<TaskResults[K]>((resolve, reject) => {
      chosen.pending.set(id, { resolve: (value) => resolve(value as TaskResults[K]), reject });
      chosen.worker.postMessage({ id, task }, moved(task));
    });
  }

  async close(): Promise<void> {
    // A run that failed lets the files its workers started finish (each removes its temporary
    // file if it fails) before they end.
    await this.settle().catch(() => {});
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/** `use` with `jobs` worker threads, or this thread alone for `jobs` 1; the workers end with it. */
export async function withRunner<T>(jobs: number, setup: TaskSetup, use: (runner: TaskRunner) => Promise<T>): Promise<T> {
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number of at least 1, not ${jobs}`);
  const runner = jobs === 1 ? inThisThread(setup) : new WorkerPool(jobs, setup);
  try {
    return await use(runner);
  } finally {
    await runner.close();
  }
}
