// A worker thread of the pool (worker-pool.ts): takes tasks by message, runs them with the run's
// setup (given once, as workerData) and answers each with its result or its failure.

import { parentPort, workerData } from "node:worker_threads";
import type { Task, TaskSetup } from "./worker-tasks.js";
import { FilesInFlight, runTask } from "./worker-tasks.js";

const setup = workerData as TaskSetup;
const port = parentPort;
if (port === null) throw new Error("worker-entry.js runs only as a worker thread");
/** The files this worker's build tasks are writing. */
const files = new FilesInFlight();

/**
 * A failure as it crosses to the main thread: its message (what a clerk may be shown, as from a
 * task run there: a disk that is full, a folder not writable) apart from its stack (shown only
 * with ASSESS_DEBUG, cli/main.ts), and the system's error code where there is one.
 */
function failure(error: unknown): { message: string; stack?: string; code?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(typeof code === "string" ? { code } : {}) };
}

port.on("message", ({ id, task }: { id: number; task: Task }) => {
  runTask(task, setup, files).then(
    (result) => port.postMessage({ id, result }),
    (error: unknown) => port.postMessage({ id, error: failure(error) }),
  );
});
