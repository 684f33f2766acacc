// What a grade run holds, as against what it churns through: the main thread's heap after a full
// garbage collection, taken when every workbook has been read (and before grading), and the most
// of it while the units' files are built. bench/run.js runs it once per city beside the timed
// runs (`--expose-gc` and the collections slow a run, so it is not one of them). Peak resident
// memory tells what the machine must have; this tells what grows with the number of workbooks.
//
// node --expose-gc bench/held-heap.mjs PATH OUT [--jobs J]   (prints JSON: MiB; the outputs stay
// in OUT, for the caller to remove when no timed run follows: see bench/run.js)

import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { grade } = await import(pathToFileURL(join(root, "dist", "commands", "grade.js")).href);
const { defaultJobs } = await import(pathToFileURL(join(root, "dist", "run", "worker-pool.js")).href);
const { MAX_SIZE_DEFAULT_MIB } = await import(pathToFileURL(join(root, "dist", "cli", "max-size-option.js")).href);
// The tool's own defaults unless told, as the timed runs beside this one use them.
const { positionals, values } = parseArgs({ allowPositionals: true, options: { jobs: { type: "string", default: String(defaultJobs()) } } });
const [path, out] = positionals;
if (!path || !out || typeof globalThis.gc !== "function") throw new Error("usage: node --expose-gc bench/held-heap.mjs PATH OUT [--jobs J]");

const MiB = 1024 * 1024;
const held = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed / MiB;
};
let afterRead = 0;
let whileBuilding = 0;
const result = await grade([path], {
  outDir: out,
  force: true,
  maxSizeMiB: Number(MAX_SIZE_DEFAULT_MIB),
  jobs: Number(values.jobs),
  onProgress: (event) => {
    if (event.phase === "read" && event.done === event.total) afterRead = held();
    // Every hundredth unit: a collection per unit would be most of the run.
    if (event.phase === "write" && (event.done % 100 === 1 || event.done === event.total)) whileBuilding = Math.max(whileBuilding, held());
  },
});
if (result.exitCode !== 0) throw new Error(`grade exited ${result.exitCode}`);
console.log(JSON.stringify({ afterReadMiB: afterRead, whileBuildingMiB: whileBuilding }));
