// The county round of `assess political` (issue 13 "Scale"), measured: 65 unit workbooks, 406
// leading cadres, 30 forms each (test/support/political-county.mjs, seeded), run through
// `assess validate` and `assess political` (all outputs: 65 workbooks, 65 portrait files, the
// report and the problem summary), each in a fresh process; the median wall time of the runs,
// cadres and forms per second, and the peak memory. bench/run.js prints it after the city; alone:
//
//   node bench/political-county.mjs [--runs R] [--seed S]

import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { writeCountyRound } from "../test/support/political-county.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ASSESS = join(root, "bin", "assess.js");
const REPORT_PEAK = pathToFileURL(join(root, "bench", "report-peak.mjs")).href;
/** Issue 13: a county round "in seconds". */
export const COUNTY_TARGET_SECONDS = 10;

function run(args, peakFile) {
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", REPORT_PEAK, ASSESS, ...args], {
      env: { ...process.env, BENCH_PEAK_FILE: peakFile, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", async (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`assess ${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
      const { maxRssKiB } = JSON.parse(await readFile(peakFile, "utf8"));
      resolveRun({ seconds, peakMiB: maxRssKiB / 1024 });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Generates the county in a temporary folder, measures, and returns the lines to print. */
export async function benchCountyRound({ runs = 3, seed = 20261009 } = {}) {
  const work = await mkdtemp(join(tmpdir(), "assess-bench-county-"));
  try {
    const input = join(work, "county");
    const started = Date.now();
    const county = await writeCountyRound(input, seed);
    process.stderr.write(`generated a county round of ${county.units} units, ${county.cadres} cadres, ${county.forms} forms (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const rows = [];
    for (const [command, args] of [
      ["validate", ["validate", input, "--quiet"]],
      ["political", ["political", input, "--out", join(work, "out"), "--force"]],
    ]) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await run(args, join(work, `peak-${command}-${i}.json`)));
      rows.push({ command, seconds: median(results.map((r) => r.seconds)), peakMiB: Math.max(...results.map((r) => r.peakMiB)) });
    }
    const lines = [`county round (assess political, issue 13): ${county.units} units, ${county.cadres} cadres, ${county.forms} forms; median of ${runs} run(s)`];
    lines.push(`  ${"command".padEnd(10)} ${"wall s".padStart(7)} ${"cadres/s".padStart(9)} ${"forms/s".padStart(8)} ${"peak MiB".padStart(9)}`);
    for (const row of rows) {
      lines.push(
        `  ${row.command.padEnd(10)} ${row.seconds.toFixed(2).padStart(7)} ${String(Math.round(county.cadres / row.seconds)).padStart(9)} ${String(Math.round(county.forms / row.seconds)).padStart(8)} ${String(Math.round(row.peakMiB)).padStart(9)}`,
      );
    }
    const political = rows.find((r) => r.command === "political");
    lines.push(`  ${political.seconds <= COUNTY_TARGET_SECONDS ? "met    " : "MISSED "} county round with all outputs in at most ${COUNTY_TARGET_SECONDS} s (${political.seconds.toFixed(1)} s)`);
    return lines.join("\n");
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, seed: { type: "string", default: "20261009" } } });
  console.log(await benchCountyRound({ runs: Number(values.runs), seed: Number(values.seed) }));
}
