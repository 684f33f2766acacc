// `npm run bench`: a city's quarter end, measured (issue 5). Generates, seeded, in a temporary
// folder, a city of unit workbooks (40 persons each, ten ratings per graded person; bench/city.mjs)
// and a single workbook holding the same units; runs `assess validate` and `assess grade` on both,
// each in a fresh process, the two in turn (validate, grade, validate, ...: grade's target is a
// ratio to validate), and prints for each the wall time (median of the runs), persons per
// second and peak memory, beside the time exceljs's normal reader alone takes to load the same
// workbooks (the floor of the former design) and the time its streaming reader takes. For grade,
// "held MiB" is what the run holds rather than churns through: its main-thread heap after a full
// collection, after reading / at most while building (bench/held-heap.mjs, one untimed run). Beside
// exceljs, the peer a clerk-programmer would write instead: openpyxl's read-only load of the same
// files (bench/openpyxl-load.py, with Debian's /usr/bin/python3 and python3-openpyxl; skipped with a
// message where it is missing). By default at 100 and at 1,000 units, to show how the cost grows;
// then it checks the targets of issues 5 and 15.
//
//   node bench/run.js [--units N] [--runs R] [--seed S] [--jobs J] [--pg URL] [--keep]
//
// `--units N` measures one city of N units (a quick run: --units 100). `--keep` leaves the
// temporary folder (its path is printed). Plain JavaScript: it runs the compiled tool (npm run
// bench compiles it first).

import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { PERSONS_PER_UNIT } from "./city.mjs";
import { writeCityFolder, writeCityWorkbook } from "./write-city.mjs";
import { archiveBench, printArchiveBench } from "./archive.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ASSESS = join(root, "bin", "assess.js");
const EXCELJS_LOAD = join(root, "bench", "exceljs-load.mjs");
const OPENPYXL_LOAD = join(root, "bench", "openpyxl-load.py");
/** Debian's python3, where python3-openpyxl is installed (`apt-get install python3-openpyxl`). */
const PYTHON = "/usr/bin/python3";
const HELD_HEAP = join(root, "bench", "held-heap.mjs");
const OUTPUT_FLOOR = join(root, "bench", "output-floor.mjs");
const REPORT_PEAK = pathToFileURL(join(root, "bench", "report-peak.mjs")).href;
const MiB = 1024;

/** Issue 5's targets on a 2-core machine. */
const TARGET = { gradeSeconds: 60, peakMiB: 1024, validateOverFloor: 2, perPersonGrowth: 0.2 };
/** Issue 15's: the 1,000-unit city, per input. */
const QUARTER_END = {
  gradeSeconds: 15,
  gradeOverValidate: 1.5,
  validateSeconds: { folder: 6, workbook: 8 },
  gradePeakMiB: { folder: 300, workbook: 512 },
};

const { values: args } = parseArgs({
  options: {
    units: { type: "string" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "20261009" },
    jobs: { type: "string" },
    keep: { type: "boolean", default: false },
    pg: { type: "string" },
  },
});
/** --jobs for the tool, when the bench was given one; else the tool's own default. */
const jobsArgs = args.jobs ? ["--jobs", args.jobs] : [];
const sizes = args.units ? [Number(args.units)] : [100, 1000];
const runs = Number(args.runs);
const seed = Number(args.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  throw new Error("--units and --runs take whole numbers of at least 1");
}

/**
 * Runs `node [--import report-peak] script ...args` and resolves with its wall time (from spawn
 * to exit, as a clerk waits for it), its peak memory and its output.
 */
function measure(script, scriptArgs, peakFile) {
  return runNode(["--import", REPORT_PEAK], script, scriptArgs, { BENCH_PEAK_FILE: peakFile, NO_COLOR: "1" }).then(async (run) => {
    try {
      const { maxRssKiB, cpuMicroseconds } = JSON.parse(await readFile(peakFile, "utf8"));
      return { ...run, peakMiB: maxRssKiB / MiB, cpuSeconds: cpuMicroseconds / 1e6 };
    } catch (error) {
      throw new Error(`${script} ${scriptArgs.join(" ")} exited ${run.code} without a peak:\n${run.stderr}\n${error}`);
    }
  });
}

/** bench/held-heap.mjs once, untimed: grade's main-thread heap after reading, and while building. */
async function heldHeap(path, out) {
  const run = await runNode(["--expose-gc"], HELD_HEAP, [path, out, ...jobsArgs]);
  if (run.code !== 0) throw new Error(`held-heap.mjs ${path} exited ${run.code}:\n${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout);
}

/** `node ...nodeArgs script ...scriptArgs`: its wall time (spawn to exit), exit code and output. */
function runNode(nodeArgs, script, scriptArgs, env = {}) {
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, script, ...scriptArgs], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolveRun({ seconds: Number(process.hrtime.bigint() - started) / 1e9, code, stdout, stderr }));
  });
}

/** Why the openpyxl peer cannot run here, or null when it can. */
function openpyxlMissing() {
  const probe = spawnSync(PYTHON, ["-c", "import openpyxl"], { encoding: "utf8" });
  if (probe.error) return `${PYTHON} not found`;
  if (probe.status !== 0) return `${PYTHON} has no openpyxl (apt-get install python3-openpyxl)`;
  return null;
}

/** openpyxl's read-only load of `path`, `runs` times: median wall time (spawn to exit) and the largest peak. */
async function openpyxlLoad(path) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const child = await new Promise((resolveRun, reject) => {
      const python = spawn(PYTHON, [OPENPYXL_LOAD, path], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      python.stdout.on("data", (chunk) => (stdout += chunk));
      python.stderr.on("data", (chunk) => (stderr += chunk));
      python.on("error", reject);
      python.on("exit", (code) => resolveRun({ code, stdout, stderr }));
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.code !== 0) throw new Error(`openpyxl load of ${path} exited ${child.code}:\n${child.stderr.slice(-2000)}`);
    results.push({ seconds, peakMiB: JSON.parse(child.stdout).maxRssKiB / MiB });
  }
  return { seconds: median(results.map((r) => r.seconds)), peakMiB: Math.max(...results.map((r) => r.peakMiB)) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs a measurement `runs` times; the median time and the largest peak. `scriptArgs` is the
 * arguments, or a function of the run's index giving them.
 */
async function repeat(label, script, scriptArgs, work) {
  const [result] = await alternately([{ label, script, scriptArgs }], work);
  return result;
}

/**
 * Runs several measurements `runs` times each, in turn (the first, the second, ..., then the
 * first again), so that each run of one is beside a run of the others: validate and grade, whose
 * ratio is a target, see the same moments of a machine whose speed drifts over minutes, instead
 * of validate's runs all before grade's. For each, the median time and the largest peak.
 */
async function alternately(measurements, work) {
  const results = measurements.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, { label, script, scriptArgs }] of measurements.entries()) {
      const args = typeof scriptArgs === "function" ? scriptArgs(run) : scriptArgs;
      const result = await measure(script, args, join(work, `peak-${i}-${run}.json`));
      // Exit 1 is a run with errors in its input; the city has none, so anything but 0 is a failure.
      if (result.code !== 0) throw new Error(`${label} exited ${result.code}:\n${result.stderr.slice(-2000)}`);
      results[i].push(result);
    }
  }
  return results.map((list) => ({
    seconds: median(list.map((r) => r.seconds)),
    cpuSeconds: median(list.map((r) => r.cpuSeconds)),
    peakMiB: Math.max(...list.map((r) => r.peakMiB)),
    // The exceljs floors print `{"failed": N}`: files the streaming reader threw on (the most of any run).
    failed: Math.max(...list.map((r) => (r.stdout.trim().startsWith("{") ? (JSON.parse(r.stdout).failed ?? 0) : 0))),
  }));
}

/** bench/output-floor.mjs over the files of one grade: what their bytes alone cost one core. */
async function outputFloor(folder) {
  const run = await runNode([], OUTPUT_FLOOR, [folder]);
  if (run.code !== 0) throw new Error(`output-floor.mjs ${folder} exited ${run.code}:\n${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout);
}

/**
 * How long creating a file takes in `folder`: the median of 300 new empty files, in µs (they stay
 * until the bench ends: deleting them would slow what follows). ext4 without a journal gives a new
 * file an inode freed in the last minutes only after passing over every such inode of its group
 * (the kernel's find_inode_bit and recently_deleted): after a test run or an earlier bench has
 * deleted some thousands of files, each file costs some 0.25 ms of kernel CPU instead of 15 µs,
 * and a city's 3,001 outputs add 0.5-1 s to each grade (perf), nothing of the tool's own.
 */
function createMicroseconds(folder) {
  mkdirSync(folder);
  const times = [];
  for (let i = 0; i < 300; i++) {
    const started = process.hrtime.bigint();
    closeSync(openSync(join(folder, `${i}`), "wx"));
    times.push(Number(process.hrtime.bigint() - started) / 1e3);
  }
  return median(times);
}

/** The probes made so far, each in a folder of its own. */
let probes = 0;

/** Above this, files freed minutes ago still slow every new one (`createMicroseconds`). */
const SETTLED_CREATE_MICROSECONDS = 60;

/**
 * Waits until the file system creates files at its settled speed (`createMicroseconds`), at most 7
 * minutes (the kernel passes over inodes freed up to 6 minutes ago, when their blocks are still
 * dirty), so that grade is measured, not what was deleted before the bench. Returns the last probe.
 */
async function settledFileSystem(work) {
  const deadline = Date.now() + 7 * 60_000;
  for (;;) {
    const microseconds = createMicroseconds(join(work, `create-probe-${++probes}`));
    if (microseconds <= SETTLED_CREATE_MICROSECONDS || Date.now() > deadline) return microseconds;
    process.stderr.write(`creating a file takes ${microseconds.toFixed(0)} µs here (files deleted in the last minutes); waiting 30 s for the file system to settle\n`);
    await sleep(30_000);
  }
}

// Other work on the machine slows every figure; the load is printed beside them.
const loadBefore = loadavg()[0] ?? 0;
const noOpenpyxl = openpyxlMissing();
if (noOpenpyxl) process.stderr.write(`openpyxl peer skipped: ${noOpenpyxl}\n`);
const work = await mkdtemp(join(tmpdir(), "assess-bench-"));
const rows = [];
let archive = null;
/** The last file-system probe before each city was measured, in µs per file created. */
const createProbes = [];
try {
  for (const units of sizes) {
    const persons = units * PERSONS_PER_UNIT;
    const folder = join(work, `city-${units}`);
    const single = join(work, `city-${units}.xlsx`);
    let started = Date.now();
    await writeCityFolder(folder, units, seed);
    await writeCityWorkbook(single, units, seed);
    process.stderr.write(`generated ${units} unit workbooks and one workbook of ${units} units (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    createProbes.push(await settledFileSystem(work));

    for (const [input, path] of [
      ["folder", folder],
      ["workbook", single],
    ]) {
      started = Date.now();
      const floor = await repeat(`exceljs load of ${input}`, EXCELJS_LOAD, [path], work);
      const stream = await repeat(`exceljs streaming load of ${input}`, EXCELJS_LOAD, [path, "--stream"], work);
      const peer = noOpenpyxl ? null : await openpyxlLoad(path);
      // Each grade writes a new folder, as a clerk's run does, and every folder stays until the
      // bench ends (with `work`): ext4 gives new files the inodes of files deleted in the last
      // minutes only after scanning past them, and deleting a city's 3,001 files before each run
      // cost the next one some 3 s of CPU in the kernel (perf: recently_deleted, find_inode_bit).
      const out = join(work, `out-${units}-${input}`);
      // validate and grade in turn (`alternately`): grade's target is a ratio to validate.
      const [validate, grade] = await alternately(
        [
          { label: `validate ${input}`, script: ASSESS, scriptArgs: ["validate", path, "--quiet", ...jobsArgs] },
          { label: `grade ${input}`, script: ASSESS, scriptArgs: (run) => ["grade", path, "--out", `${out}-${run + 1}`, "--quiet", ...jobsArgs] },
        ],
        work,
      );
      const held = await heldHeap(path, `${out}-held`);
      // The bytes of the first run's outputs, at the largest size only (issue 15).
      const bytesFloor = units === Math.max(...sizes) ? await outputFloor(`${out}-1`) : null;
      for (const [command, result] of [
        ["validate", validate],
        ["grade", grade],
      ]) {
        rows.push({
          units,
          persons,
          input,
          command,
          ...result,
          floor: floor.seconds,
          floorPeakMiB: floor.peakMiB,
          stream: stream.seconds,
          streamFailed: stream.failed,
          peer,
          held: command === "grade" ? held : null,
          bytesFloor: command === "grade" ? bytesFloor : null,
        });
      }
      process.stderr.write(`measured ${units} units, ${input}, in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  }
  // The archive (issue 12): filing the largest city beside grade's time on it, then the reading
  // commands over 20 quarters of that city filed by SQL; on a server too with --pg or ASSESS_BENCH_PG_URL.
  const largestCity = Math.max(...sizes);
  const started = Date.now();
  archive = await archiveBench({
    city: join(work, `city-${largestCity}`),
    cityUnits: largestCity,
    gradeSeconds: rows.find((r) => r.units === largestCity && r.input === "folder" && r.command === "grade").seconds,
    units: largestCity,
    quarters: 20,
    pgUrl: args.pg ?? process.env.ASSESS_BENCH_PG_URL ?? "",
    runs,
    work,
  });
  process.stderr.write(`measured the archive in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
} finally {
  if (args.keep) process.stderr.write(`kept ${work}\n`);
  else await rm(work, { recursive: true, force: true });
}

const pad = (text, width) => String(text).padStart(width);
const header = ["units", "persons", "input", "command", "wall s", "CPU s", "persons/s", "peak MiB", "held MiB", "exceljs load s", "exceljs MiB", "wall/load", "stream load s", "openpyxl s", "openpyxl MiB", "wall/openpyxl"];
const widths = [6, 8, 9, 9, 8, 7, 10, 9, 10, 15, 12, 10, 24, 11, 13, 14];
const line = (cells) => cells.map((cell, i) => pad(cell, widths[i] ?? 8)).join(" ");
console.log(
  `assess bench: median of ${runs} run(s), ${process.platform} ${process.arch}, ${availableParallelism()} cores, node ${process.version}, ` +
    `jobs ${args.jobs ?? "default"}, load average ${loadBefore.toFixed(2)} before and ${(loadavg()[0] ?? 0).toFixed(2)} after`,
);
const slowCreates = createProbes.filter((microseconds) => microseconds > SETTLED_CREATE_MICROSECONDS).length;
console.log(
  `file system: creating a file took ${createProbes.map((microseconds) => `${microseconds.toFixed(0)} µs`).join(", ")} before measuring` +
    (slowCreates > 0 ? ` (NOT SETTLED: files deleted minutes before the bench slow every file grade writes)` : ""),
);
console.log(line(header));
for (const row of rows) {
  console.log(
    line([
      row.units,
      row.persons,
      row.input,
      row.command,
      row.seconds.toFixed(2),
      row.cpuSeconds.toFixed(1),
      Math.round(row.persons / row.seconds),
      Math.round(row.peakMiB),
      row.held ? `${Math.round(row.held.afterReadMiB)}/${Math.round(row.held.whileBuildingMiB)}` : "",
      row.floor.toFixed(2),
      Math.round(row.floorPeakMiB),
      (row.seconds / row.floor).toFixed(2),
      `${row.stream.toFixed(2)}${row.streamFailed > 0 ? ` (${row.streamFailed} failed)` : ""}`,
      row.peer ? row.peer.seconds.toFixed(2) : "skipped",
      row.peer ? Math.round(row.peer.peakMiB) : "",
      row.peer ? (row.seconds / row.peer.seconds).toFixed(2) : "",
    ]),
  );
}

// How cost grows: time per person at the largest size against the smallest.
const checks = [];
const find = (units, input, command) => rows.find((r) => r.units === units && r.input === input && r.command === command);
const largest = Math.max(...sizes);
const smallest = Math.min(...sizes);
if (largest !== smallest) {
  console.log(`time per person, ${largest} units against ${smallest}:`);
  for (const input of ["folder", "workbook"]) {
    for (const command of ["validate", "grade"]) {
      const small = find(smallest, input, command);
      const large = find(largest, input, command);
      const growth = large.seconds / large.persons / (small.seconds / small.persons) - 1;
      console.log(`  ${input} ${command}: ${((small.seconds / small.persons) * 1000).toFixed(3)} → ${((large.seconds / large.persons) * 1000).toFixed(3)} ms (${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(0)}%)`);
      if (input === "folder") checks.push([`time per person flat within ${TARGET.perPersonGrowth * 100}% (${input} ${command})`, growth <= TARGET.perPersonGrowth]);
    }
  }
  // What grows with the city: peak resident memory, and what grade holds (its heap after a full
  // collection, after reading / at most while building; bench/held-heap.mjs).
  const added = largest - smallest;
  const perAdded = (small, large) => `${(((large - small) * 1024) / added).toFixed(0)} KiB per added unit`;
  console.log(`memory, ${largest} units against ${smallest}:`);
  for (const input of ["folder", "workbook"]) {
    const small = find(smallest, input, "grade");
    const large = find(largest, input, "grade");
    console.log(
      `  ${input} grade: peak ${Math.round(small.peakMiB)} → ${Math.round(large.peakMiB)} MiB (${perAdded(small.peakMiB, large.peakMiB)}); ` +
        `held after reading ${small.held.afterReadMiB.toFixed(1)} → ${large.held.afterReadMiB.toFixed(1)} MiB (${perAdded(small.held.afterReadMiB, large.held.afterReadMiB)})`,
    );
  }
}
const city = find(largest, "folder", "grade");
checks.push([`${largest}-unit city graded with all outputs in at most ${TARGET.gradeSeconds} s (${city.seconds.toFixed(1)} s)`, city.seconds <= TARGET.gradeSeconds]);
const peak = Math.max(...rows.filter((r) => r.units === largest).map((r) => r.peakMiB));
checks.push([`peak memory at most ${TARGET.peakMiB} MiB (${Math.round(peak)} MiB)`, peak <= TARGET.peakMiB]);
for (const input of ["folder", "workbook"]) {
  const row = find(largest, input, "validate");
  checks.push([`validate at most ${TARGET.validateOverFloor}x the exceljs load floor (${input}: ${(row.seconds / row.floor).toFixed(2)}x)`, row.seconds / row.floor <= TARGET.validateOverFloor]);
}
if (archive) printArchiveBench(archive);
console.log("targets (issue 5):");
for (const [what, met] of checks) console.log(`  ${met ? "met    " : "MISSED "} ${what}`);

// Issue 15: the quarter end in seconds, on each input of the largest city.
const quarterEnd = [];
for (const input of ["folder", "workbook"]) {
  const validate = find(largest, input, "validate");
  const grade = find(largest, input, "grade");
  const ratio = grade.seconds / validate.seconds;
  quarterEnd.push(
    [`${input}: graded with all outputs in at most ${QUARTER_END.gradeSeconds} s (${grade.seconds.toFixed(2)} s)`, grade.seconds <= QUARTER_END.gradeSeconds],
    [`${input}: grade at most ${QUARTER_END.gradeOverValidate}× validate (${ratio.toFixed(2)}×)`, ratio <= QUARTER_END.gradeOverValidate],
    [`${input}: validate in at most ${QUARTER_END.validateSeconds[input]} s (${validate.seconds.toFixed(2)} s)`, validate.seconds <= QUARTER_END.validateSeconds[input]],
    [`${input}: grade's peak at most ${QUARTER_END.gradePeakMiB[input]} MiB (${Math.round(grade.peakMiB)} MiB)`, grade.peakMiB <= QUARTER_END.gradePeakMiB[input]],
  );
}
console.log(`targets (issue 15, ${largest} units):`);
for (const [what, met] of quarterEnd) console.log(`  ${met ? "met    " : "MISSED "} ${what}`);

// What grade adds to validate, and how much of it the outputs' bytes alone must take: CPU time
// is the process's, worker threads included; the bytes' cost is one core's (bench/output-floor.mjs).
console.log(`what grade adds to validate (${largest} units; CPU of all threads):`);
for (const input of ["folder", "workbook"]) {
  const validate = find(largest, input, "validate");
  const grade = find(largest, input, "grade");
  const floor = grade.bytesFloor;
  console.log(
    `  ${input}: grade ${grade.seconds.toFixed(2)} s wall, ${grade.cpuSeconds.toFixed(1)} s CPU; validate ${validate.seconds.toFixed(2)} s, ${validate.cpuSeconds.toFixed(1)} s CPU ` +
      `(${(grade.seconds / validate.seconds).toFixed(2)}× wall, ${(grade.cpuSeconds / validate.cpuSeconds).toFixed(2)}× CPU)`,
  );
  console.log(
    `    its ${floor.files} files hold ${(floor.bytes / 1e6).toFixed(1)} MB of XML, which take ${floor.seconds.toFixed(2)} s of one core to deflate (level 1) and checksum ` +
      `(${floor.deflate.toFixed(2)} + ${floor.checksum.toFixed(2)}; encoding each part as UTF-8 in one piece ${floor.encode.toFixed(2)} more): ` +
      `validate's CPU and that alone would be ${((validate.cpuSeconds + floor.seconds) / validate.cpuSeconds).toFixed(2)}× validate's CPU`,
  );
  console.log(
    `    writing the files as grade does (temporary file, flush, rename) takes ${floor.write.toFixed(2)} s of CPU, the kernel's included: ` +
      `validate's CPU, the deflating and checksumming, and that would be ${((validate.cpuSeconds + floor.seconds + floor.write) / validate.cpuSeconds).toFixed(2)}× validate's CPU, ` +
      `before any XML is made`,
  );
}

// The county round of `assess political` (issue 13), after the city.
const { benchCountyRound } = await import("./political-county.mjs");
console.log(await benchCountyRound({ runs, seed }));
