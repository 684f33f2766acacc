// The archive's figures (archive.md "Performance"; issue 12), embedded and, when a server URL is
// given, on a PostgreSQL server:
//   1. filing the bench city (`archive add` of its unit workbooks) against `grade` of the same;
//   2. with `--quarters` quarters of a city of `--units` units filed directly (SQL inserts in
//      bulk, not grading: 1,000 units × 40 persons × 20 quarters = 800,000 person-quarters), the
//      wall time and peak memory of one person's record, `list good` and `stats` over the whole
//      window, each a fresh process as a clerk runs it.
//
//   node bench/archive.mjs [--units N] [--quarters Q] [--city-units N] [--pg URL] [--only embedded|server] [--runs R] [--keep]
//
// bench/run.js calls `archiveBench` with its largest city and grade's time. The server is the URL
// of --pg or ASSESS_BENCH_PG_URL (a database on it is created and dropped). Plain JavaScript: it
// runs the compiled tool (dist/).

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ASSESS = join(root, "bin", "assess.js");
const REPORT_PEAK = pathToFileURL(join(root, "bench", "report-peak.mjs")).href;
const dist = (path) => import(pathToFileURL(join(root, "dist", path)).href);

/** archive.md "Performance". */
export const ARCHIVE_TARGET = { filingOverGrade: 1.5, personSeconds: 1, listSeconds: 3, statsSeconds: 3, peakMiB: 1024 };

/** `node --import report-peak bin/assess.js ...args`: wall time (spawn to exit), exit code, peak MiB. */
function runAssess(args, work) {
  const peakFile = join(work, `peak-${randomBytes(4).toString("hex")}.json`);
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", REPORT_PEAK, ASSESS, ...args], {
      env: { ...process.env, BENCH_PEAK_FILE: peakFile, NO_COLOR: "1", ASSESS_DB: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", async (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const { maxRssKiB } = JSON.parse(await readFile(peakFile, "utf8"));
        resolveRun({ seconds, code, stderr, peakMiB: maxRssKiB / 1024 });
      } catch (error) {
        reject(new Error(`assess ${args.join(" ")} exited ${code} without a peak:\n${stderr.slice(-2000)}\n${error}`));
      }
    });
  });
}

async function timed(label, args, work, runs = 1) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await runAssess(args, work);
    if (result.code !== 0) throw new Error(`${label} exited ${result.code}:\n${result.stderr.slice(-2000)}`);
    results.push(result);
  }
  const seconds = [...results.map((r) => r.seconds)].sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return { label, seconds, peakMiB: Math.max(...results.map((r) => r.peakMiB)) };
}

/** A new archive at `place` ("embedded" in `work`, or a new database on the server `pgUrl`), initialised. */
export async function freshArchive(place, work, pgUrl, name) {
  if (place === "embedded") {
    const folder = join(work, name);
    const init = await runAssess(["archive", "init", "--db", folder], work);
    if (init.code !== 0) throw new Error(`archive init exited ${init.code}:\n${init.stderr}`);
    return { db: folder, drop: async () => {} };
  }
  const pg = (await import("pg")).default;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // A name of our own making, never a value from data.
  const database = `assess_bench_${name.replace(/[^a-z0-9]/gi, "")}_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(pgUrl);
  url.pathname = `/${database}`;
  const init = await runAssess(["archive", "init", "--db", url.toString()], work);
  if (init.code !== 0) throw new Error(`archive init exited ${init.code}:\n${init.stderr}`);
  return { db: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`) };
}

/**
 * `quarters` quarters (ending 2026Q4) of `units` units of 40 persons filed by SQL in bulk: one
 * leading member and 39 graded persons a unit, scores spread over 60-99.99 by a hash of person
 * and quarter, grades from the default bands, a 否决 event for one person-quarter in 500. The
 * same person keeps the same unit throughout. The current person-quarters that filing keeps
 * (schema v4) are filled after them by the migration's own statement.
 */
export async function fillArchive(db, units, quarters) {
  const { openArchive } = await dist("archive/open-archive.js");
  const { resolveArchiveTarget } = await dist("archive/target.js");
  const { DEFAULT_RULES_FILE } = await dist("domain/rules-file-defaults.js");
  const { canonicalJson } = await dist("domain/rules-file-merge.js");
  const { CURRENT_PERSON_QUARTER_FILL } = await dist("archive/schema.js");
  const archive = await openArchive(resolveArchiveTarget(db));
  const started = process.hrtime.bigint();
  try {
    await archive.write(async (q) => {
      const last = 2026 * 4 + 3;
      await q.query(
        `INSERT INTO filing (unit_code, unit_name, parent_code, pool_code, year, quarter, n, quota, counts, rules_json,
                             rules_sha256, inputs, tool_version, filed_at, digest, origin)
         SELECT 'B' || lpad(u::text, 4, '0'), '单位' || u, NULL, 'B' || lpad(u::text, 4, '0'),
                ($3 - k) / 4, ($3 - k) % 4 + 1, 39, 15, '{}'::jsonb, $4, 'bench', '[]'::jsonb, 'bench',
                now(), md5(u::text || '-' || k), 'add'
           FROM generate_series(1, $1::integer) AS u, generate_series(0, $2::integer - 1) AS k`,
        [units, quarters, last, canonicalJson(DEFAULT_RULES_FILE)],
      );
      await q.query(
        `INSERT INTO filing_person (filing_id, seq, person_id, name, department, post, kind, status, status_reason,
                                    window_post, self_grade, individual, common, bonus, deduction, score, band,
                                    computed, grade, rank, reasons, comment, goal, work)
         SELECT f.id, s, 'P' || substr(f.unit_code, 2) || lpad(s::text, 2, '0'), '人员' || substr(f.unit_code, 2) || '-' || s,
                '办公室', '一级科员', CASE WHEN s = 1 THEN '领导成员' ELSE '非领导成员' END, '参加', NULL, false, NULL,
                x.score, x.score, CASE WHEN s = 1 THEN NULL ELSE 0 END, CASE WHEN s = 1 THEN NULL ELSE 0 END,
                CASE WHEN s = 1 THEN NULL ELSE x.score END,
                x.grade, x.grade, x.grade, NULL, '[]'::jsonb, NULL, NULL,
                '{"total":0,"done":0,"inProgress":0,"unfinished":0,"open":[]}'::jsonb
           FROM filing f CROSS JOIN generate_series(1, 40) AS s
           CROSS JOIN LATERAL (
             SELECT CASE WHEN s = 1 THEN NULL ELSE 60 + ((hashtext(f.unit_code || s || f.year || f.quarter) & 4095) % 4000) / 100.0 END AS raw
           ) AS r
           CROSS JOIN LATERAL (
             SELECT r.raw::numeric(7, 2) AS score,
                    CASE WHEN r.raw IS NULL THEN NULL WHEN r.raw >= 90 THEN '好' WHEN r.raw >= 80 THEN '较好'
                         WHEN r.raw >= 60 THEN '一般' ELSE '较差' END AS grade
           ) AS x`,
      );
      await q.query(
        `INSERT INTO filing_event (filing_id, seq, person_id, kind, points, reason, event_date)
         SELECT p.filing_id, p.seq, p.person_id, '否决', NULL, '违反工作纪律', NULL
           FROM filing_person p WHERE p.seq > 1 AND (hashtext(p.person_id || p.filing_id) & 511) = 0`,
      );
      // The derived current person-quarters (schema v4), filled by the statement the tool's own
      // migration fills them with.
      await q.query(CURRENT_PERSON_QUARTER_FILL);
    });
  } finally {
    await archive.close();
  }
  // As an archive read for a while would be (and a server's autovacuum makes it): statistics
  // gathered and rows marked visible, so that the first timed read does not pay for the bulk load.
  // VACUUM cannot run in a transaction, so outside the tool's archive, on a connection of its own.
  const { openEmbedded, openServer } = await dist("archive/connection.js");
  const target = resolveArchiveTarget(db);
  const connection = target.kind === "embedded" ? await openEmbedded(target.folder) : await openServer(target.url);
  try {
    await connection.query("VACUUM ANALYZE");
  } finally {
    await connection.close();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * The figures at each place: `city` is a folder of unit workbooks of `cityUnits` units and
 * `gradeSeconds` grade's time on it (measured here when null).
 */
export async function archiveBench({ city, cityUnits, gradeSeconds, units, quarters, pgUrl, runs = 1, work, only = null }) {
  const places = ["embedded", ...(pgUrl ? ["server"] : [])].filter((p) => only === null || p === only);
  if (gradeSeconds === null && city) {
    const out = join(work, "grade-out");
    gradeSeconds = (await timed("grade", ["grade", city, "--out", out, "--quiet"], work)).seconds;
    await rm(out, { recursive: true, force: true });
  }
  const rows = [];
  for (const place of places) {
    if (city) {
      const filing = await freshArchive(place, work, pgUrl, `add${place}`);
      try {
        const add = await timed(`archive add (${cityUnits} units)`, ["archive", "add", city, "--db", filing.db], work);
        rows.push({ place, ...add, target: `≤ ${ARCHIVE_TARGET.filingOverGrade}× grade (${gradeSeconds.toFixed(1)} s): ${(add.seconds / gradeSeconds).toFixed(2)}×`, met: add.seconds <= ARCHIVE_TARGET.filingOverGrade * gradeSeconds });
      } finally {
        await filing.drop();
      }
    }
    const filled = await freshArchive(place, work, pgUrl, `read${place}`);
    try {
      const fillSeconds = await fillArchive(filled.db, units, quarters);
      process.stderr.write(`${place}: ${units} units × 40 persons × ${quarters} quarters filed by SQL in ${fillSeconds.toFixed(1)} s\n`);
      const window = ["--from", `${2026 - Math.floor((quarters - 1) / 4)}Q${((4 - (quarters % 4)) % 4) + 1}`, "--to", "2026Q4"];
      const out = join(work, `out-${place}`);
      const reads = [
        [`archive person (1 of ${units * 40})`, ["archive", "person", "P000217", "--db", filled.db, "--out", out, "--force"], ARCHIVE_TARGET.personSeconds],
        [`list good (${quarters} quarters)`, ["archive", "list", "good", ...window, "--db", filled.db, "--out", join(out, "good.xlsx"), "--force"], ARCHIVE_TARGET.listSeconds],
        [`stats (${quarters} quarters)`, ["archive", "stats", ...window, "--db", filled.db, "--out", join(out, "stats.xlsx"), "--force"], ARCHIVE_TARGET.statsSeconds],
      ];
      for (const [label, args, limit] of reads) {
        const result = await timed(label, args, work, runs);
        rows.push({ place, ...result, target: `≤ ${limit} s`, met: result.seconds <= limit });
      }
    } finally {
      await filled.drop();
    }
  }
  return { gradeSeconds, rows };
}

export function printArchiveBench({ gradeSeconds, rows }) {
  console.log(`archive (issue 12)${gradeSeconds !== null ? `; grade of the same city: ${gradeSeconds.toFixed(2)} s` : ""}:`);
  const pad = (text, width) => String(text).padEnd(width);
  console.log(`  ${pad("place", 10)}${pad("command", 34)}${pad("wall s", 9)}${pad("peak MiB", 10)}target`);
  for (const row of rows) {
    const peakMet = row.peakMiB <= ARCHIVE_TARGET.peakMiB;
    console.log(
      `  ${pad(row.place, 10)}${pad(row.label, 34)}${pad(row.seconds.toFixed(2), 9)}${pad(Math.round(row.peakMiB), 10)}` +
        `${row.met && peakMet ? "met   " : "MISSED"} ${row.target}; peak ≤ ${ARCHIVE_TARGET.peakMiB} MiB`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      units: { type: "string", default: "1000" },
      quarters: { type: "string", default: "20" },
      "city-units": { type: "string", default: "0" },
      pg: { type: "string" },
      runs: { type: "string", default: "1" },
      seed: { type: "string", default: "20261009" },
      keep: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const work = await mkdtemp(join(tmpdir(), "assess-bench-archive-"));
  try {
    const cityUnits = Number(values["city-units"]);
    let city = null;
    if (cityUnits > 0) {
      const { writeCityFolder } = await import("./write-city.mjs");
      city = join(work, "city");
      await writeCityFolder(city, cityUnits, Number(values.seed));
    }
    const result = await archiveBench({
      city,
      cityUnits,
      gradeSeconds: null,
      units: Number(values.units),
      quarters: Number(values.quarters),
      pgUrl: values.pg ?? process.env.ASSESS_BENCH_PG_URL ?? "",
      runs: Number(values.runs),
      work,
      only: values.only ?? null,
    });
    printArchiveBench(result);
  } finally {
    if (values.keep) process.stderr.write(`kept ${work}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}
