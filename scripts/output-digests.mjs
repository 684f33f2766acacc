// The SHA-256 of every output the built tool writes or prints, for a change that must not change
// behaviour (issue 10): `grade`, `validate`, `annual` and `template` on the demo, the annual
// fixtures, the bad fixtures, the template fixtures and the bench's seeded city (a folder of unit
// workbooks and the same units in one workbook), each as a clerk runs it (`node bin/assess.js`).
// Run it before and after the change and compare:
//
//   npm run build && node scripts/output-digests.mjs --city /tmp/city [--units N] > before.txt
//   ... change ...
//   npm run build && node scripts/output-digests.mjs --city /tmp/city [--units N] > after.txt
//   diff before.txt after.txt
//
// Each line is `sha256  what`: a written file (by its path in the run's output folder), or a
// run's exit code, stdout and stderr (the scratch folder's path replaced by `<TMP>`). The fixtures
// are named from the repository's root, the city from its scratch folder. `--units` sizes the city
// (default 100; the bench's large city is 1000).

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCityFolder, writeCityWorkbook } from "../bench/write-city.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: { units: { type: "string", default: "100" }, seed: { type: "string", default: "20261009" }, city: { type: "string" } },
});
const units = Number(args.units);
const seed = Number(args.seed);

const sha = (bytes) => createHash("sha256").update(bytes).digest("hex");

function run(argv, tmp, cwd) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(root, "bin", "assess.js"), ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      const clean = (chunks) => Buffer.concat(chunks).toString("utf8").replaceAll(tmp, "<TMP>");
      resolveRun({ code, stdout: clean(out), stderr: clean(err) });
    });
  });
}

async function filesUnder(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return found.sort();
}

const tmp = await mkdtemp(join(tmpdir(), "assess-digests-"));
try {
  // The city is named relative to its folder, as a clerk names it: a 结果.xlsx records the input
  // files as they were given, so a scratch folder's random name must not be part of them. The
  // one-workbook city is written by exceljs, which stamps the time into it: its SHA-256, which
  // every 结果.xlsx records, differs each time it is written, so before and after must read the
  // same files (`--city DIR`: written there once, read from there after).
  const cityDir = args.city ? resolve(args.city) : tmp;
  await mkdir(cityDir, { recursive: true });
  if (!existsSync(join(cityDir, "city"))) await writeCityFolder(join(cityDir, "city"), units, seed);
  if (!existsSync(join(cityDir, "city.xlsx"))) await writeCityWorkbook(join(cityDir, "city.xlsx"), units, seed);
  const city = "city";
  const cityBook = "city.xlsx";

  /** name → argv; `OUT` stands for the run's own output folder. */
  const runs = [
    ["grade demo", ["grade", "fixtures/demo/2026Q3.xlsx", "--out", "OUT", "--quiet"]],
    ["grade demo json", ["grade", "fixtures/demo/2026Q3.xlsx", "--out", "OUT", "--json", "--jobs", "2"]],
    ["validate demo", ["validate", "fixtures/demo/2026Q3.xlsx", "--quiet"]],
    ["validate messy json", ["validate", "fixtures/good/messy-but-valid.xlsx", "--json"]],
    ["validate bad json", ["validate", "fixtures/bad", "--json"]],
    ["validate bad table", ["validate", "fixtures/bad", "--quiet"]],
    ["grade bad", ["grade", "fixtures/bad", "--out", "OUT", "--quiet", "--json"]],
    ["validate run-duplicate-person", ["validate", "fixtures/bad/run-duplicate-person", "--json"]],
    ["validate run-period-mismatch", ["validate", "fixtures/bad/run-period-mismatch", "--json"]],
    ["grade annual Q1", ["grade", "fixtures/annual/2026Q1.xlsx", "--out", "OUT", "--quiet"]],
    ["grade annual Q2", ["grade", "fixtures/annual/2026Q2.xlsx", "--out", "OUT", "--quiet"]],
    ["grade annual Q3", ["grade", "fixtures/annual/2026Q3.xlsx", "--out", "OUT", "--quiet"]],
    ["grade annual Q4", ["grade", "fixtures/annual/2026Q4_商务局.xlsx", "fixtures/annual/2026Q4_财政局.xlsx", "--out", "OUT", "--json"]],
    ["grade annual pending", ["grade", "fixtures/annual/pending/2026Q3.xlsx", "--out", "OUT", "--json"]],
    ["annual standard", ["annual", "fixtures/annual", "--year", "2026", "--out", "OUT", "--json"]],
    ["annual standard table", ["annual", "fixtures/annual", "--year", "2026", "--out", "OUT"]],
    ["annual uplift", ["annual", "fixtures/annual", "--year", "2026", "--rules", "fixtures/annual/rules-uplift.json", "--out", "OUT", "--json"]],
    ["annual other year", ["annual", "fixtures/annual", "fixtures/annual/other-year", "--year", "2026", "--out", "OUT", "--json"]],
    ["template blank", ["template", "--out", "OUT"]],
    ["template roster", ["template", "--units", "fixtures/template/units.csv", "--roster", "fixtures/template/roster.csv", "--year", "2026", "--quarter", "3", "--out", "OUT"]],
    ["template roster xlsx", ["template", "--units", "fixtures/template/units.csv", "--roster", "fixtures/template/roster.xlsx", "--year", "2026", "--quarter", "3", "--out", "OUT"]],
    ["template bad roster", ["template", "--units", "fixtures/template/units.csv", "--roster", "fixtures/template/bad-roster.csv", "--year", "2026", "--quarter", "3", "--out", "OUT"]],
    ["rules", ["rules"]],
    ["rules init", ["rules", "--init"]],
    ["city folder validate", ["validate", city, "--json"]],
    ["city folder grade", ["grade", city, "--out", "OUT", "--json"]],
    ["city workbook grade", ["grade", cityBook, "--out", "OUT", "--quiet"]],
  ];
  let n = 0;
  for (const [name, argv] of runs) {
    // A city run writes beside the city, named relative to it, so that no random name is printed.
    const inCity = argv.includes(city) || argv.includes(cityBook);
    const outName = `out-${(n += 1)}`;
    const out = join(inCity ? cityDir : tmp, outName);
    await rm(out, { recursive: true, force: true });
    const result = await run(argv.map((a) => (a === "OUT" ? (inCity ? outName : out) : a)), tmp, inCity ? cityDir : root);
    console.log(`${sha(String(result.code))}  ${name}: exit ${result.code}`);
    console.log(`${sha(result.stdout)}  ${name}: stdout`);
    console.log(`${sha(result.stderr)}  ${name}: stderr`);
    let files = [];
    try {
      files = await filesUnder(out);
    } catch {
      // nothing written
    }
    for (const file of files) console.log(`${sha(await readFile(file))}  ${name}: ${relative(out, file)}`);
    await rm(out, { recursive: true, force: true });
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
