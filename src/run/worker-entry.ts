// A worker thread of the pool (worker-pool.ts): takes tasks by message, runs them with the run's
// setup (given once, as workerData) and answers each with its result or its failure.

import { parentPort, workerData } from "node:worker_threads";
import type { Task, TaskSetup } from "./worker-tasks.js";
import { runTask } from "./worker-tasks.js";

const setup = workerData as TaskSetup;
const port = parentPort;
if (port === null) throw new Error("worker-entry.js runs only as a worker thread");

port.on("message", ({ id, task }: { id: number; task: Task }) => {
  runTask(task, setup).then(
    (result) => port.postMessage({ id, result }),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
