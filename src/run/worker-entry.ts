// A worker thread of the pool (worker-pool.ts): takes tasks by message, runs them with the run's
// setup (given once, as workerData) and answers each with its result or its failure.

import { parentPort, workerData } from "node:worker_threads";
import type { PlannedFile } from "../build/output-names.js";
import type { Task, TaskResults, TaskSetup } from "./worker-tasks.js";
import { runTask } from "./worker-tasks.js";

const setup = workerData as TaskSetup;
const port = parentPort;
if (port === null) throw new Error("worker-entry.js runs only as a worker thread");

/**
 * The built files' bytes, each in an ArrayBuffer of its own, to be moved to the main thread
 * rather than copied (a city's outputs are some 60 MB). A Buffer cut from Node's shared pool
 * (a small one) is copied first: moving the pool would take it from every other Buffer on it.
 */
function movable(files: PlannedFile[]): { files: PlannedFile[]; transfer: ArrayBuffer[] } {
  const owned = files.map((file) => {
    const { buffer, byteOffset, byteLength } = file.bytes;
    const whole = byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer;
    return whole ? file : { name: file.name, bytes: Buffer.from(new Uint8Array(file.bytes).buffer) };
  });
  return { files: owned, transfer: owned.map((file) => file.bytes.buffer as ArrayBuffer) };
}

port.on("message", ({ id, task }: { id: number; task: Task }) => {
  runTask(task, setup).then(
    (result) => {
      if (task.kind !== "build") return port.postMessage({ id, result });
      const { files, transfer } = movable(result as TaskResults["build"]);
      port.postMessage({ id, result: files }, transfer);
    },
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
