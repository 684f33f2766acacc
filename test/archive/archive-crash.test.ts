// Nothing lost, nothing half-written (archive.md): a filing process killed (SIGKILL) at several
// points of an `archive add` of many units leaves all of that command's filings or none, and the
// next command works; a second process on one embedded folder gets the clear message; on a server
// two `add` of the same unit and quarter at once end with exactly one filed and the other refused.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { lockFileOf } from "../../src/archive/open-archive.js";
import { ASSESS, REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { ARCHIVE_PLACES, archiveFactory, SERVER_URL } from "./support/archive-places.js";
import { countRows, filingCounts } from "./support/filed.js";
import { type GeneratedUnit, writeMultiUnitWorkbook } from "./support/generated-workbooks.js";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };
const DRIVER = join(REPO_ROOT, "test/archive/support/archive-driver.mjs");

const UNITS: GeneratedUnit[] = Array.from({ length: 30 }, (_, i) => ({ code: `DW${String(i + 1).padStart(2, "0")}`, name: `某县第${i + 1}局`, persons: 3 }));

interface Watched {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching `pattern` (rejects if the process ends first). */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

function watch(command: string, args: readonly string[]): Watched {
  const child = spawn(process.execPath, [command, ...args], { cwd: REPO_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  const lines: string[] = [];
  let buffer = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  child.stdout!.on("data", (chunk) => {
    buffer += String(chunk);
    let at: number;
    while ((at = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.pattern.test(line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(line));
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => {
    for (const w of waiters.splice(0)) w.reject(new Error(`process ended before ${w.pattern}: ${lines.join("|")} ${stderr}`));
  });
  return {
    child,
    lines,
    exited,
    waitFor: (pattern) => {
      const found = lines.find((l) => pattern.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}

async function killed(w: Watched): Promise<void> {
  w.child.kill("SIGKILL");
  await w.exited;
}

async function allOrNone(db: string): Promise<number> {
  const { filings, persons } = await filingCounts(db);
  expect([0, UNITS.length]).toContain(filings);
  expect(persons).toBe(filings * 3);
  return filings;
}

describe.each(ARCHIVE_PLACES)("a filing process killed, $name", (place) => {
  const fresh = archiveFactory(place, `crash-${place.name}`);
  const dir = scratchFolder("assess-crash-");
  const workbook = join(dir, "多单位.xlsx");

  it.runIf(place.runs)(`SIGKILL after the first filing, half of them, before the commit: none filed; the next add files all${place.note}`, async () => {
    await writeMultiUnitWorkbook(workbook, UNITS);
    const db = await fresh();
    const never = join(dir, "never-there");
    for (const point of [/^filed 1\//, new RegExp(`^filed ${UNITS.length / 2}/`), /^commit$/]) {
      const driver = watch(DRIVER, ["add", db, never, workbook]);
      await driver.waitFor(point);
      await killed(driver);
      expect(await allOrNone(db)).toBe(0);
    }
    // The real command, killed at several moments of its run: all or none each time.
    for (const ms of [400, 1500, 3000]) {
      const cli = watch(ASSESS, ["archive", "add", workbook, "--db", db]);
      await new Promise((resolve) => setTimeout(resolve, ms));
      await killed(cli);
      await allOrNone(db);
    }
    const next = runAssess(["archive", "add", workbook, "--db", db, "--json"], REPO_ROOT, env);
    expect(next.status, next.stderr).toBe(0);
    expect(await allOrNone(db)).toBe(UNITS.length);
    if (place.name === "embedded") expect(existsSync(lockFileOf(db))).toBe(false);
  }, 300_000);
});

describe("two processes on one embedded folder", () => {
  const fresh = archiveFactory(ARCHIVE_PLACES[0]!, "lock");

  it("the second waits up to 10 s, then says the archive is in use (exit 2); after the first ends it works", async () => {
    const db = await fresh();
    const holder = watch(DRIVER, ["hold", db]);
    await holder.waitFor(/^open$/);
    const started = Date.now();
    const second = runAssess(["archive", "log", "--db", db], REPO_ROOT, env);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
    expect(second.status).toBe(2);
    expect(second.stderr.trim()).toBe(`错误：档案“${db}”正在被另一个程序使用，请稍后再试`);
    holder.child.stdin!.end();
    await holder.waitFor(/^closed$/);
    expect(runAssess(["archive", "log", "--db", db], REPO_ROOT, env).status).toBe(0);

    // A holder killed outright leaves its lock file behind: stale, taken over at once.
    const killedHolder = watch(DRIVER, ["hold", db]);
    await killedHolder.waitFor(/^open$/);
    await killed(killedHolder);
    expect(existsSync(lockFileOf(db))).toBe(true);
    const after = Date.now();
    expect(runAssess(["archive", "log", "--db", db], REPO_ROOT, env).status).toBe(0);
    expect(Date.now() - after).toBeLessThan(9_000);
  }, 120_000);
});

describe.runIf(ARCHIVE_PLACES[1]!.runs)(`two add of the same unit and quarter at once on a server${ARCHIVE_PLACES[1]!.note}`, () => {
  const fresh = archiveFactory(ARCHIVE_PLACES[1]!, "race");
  const dir = scratchFolder("assess-race-");

  async function waitingForLock(db: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::integer AS n FROM pg_locks WHERE NOT granted");
      return rows[0]!.n > 0;
    } finally {
      await client.end();
    }
  }

  it("the database decides: the second insert waits for the first, which commits; the second is refused", async () => {
    if (!SERVER_URL) throw new Error("CI 上必须有 PostgreSQL 服务器（ASSESS_TEST_PG_URL）。");
    const db = await fresh();
    const unit = [{ code: "ZZB", name: "某县委组织部", persons: 4 }];
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    await writeMultiUnitWorkbook(a, unit, { seed: 0 });
    await writeMultiUnitWorkbook(b, unit, { seed: 1 });
    const go = join(dir, "go");
    const first = watch(DRIVER, ["add", db, go, a]);
    await first.waitFor(/^commit$/);
    const second = watch(DRIVER, ["add", db, "-", b]);
    for (let i = 0; i < 200 && !(await waitingForLock(db)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await waitingForLock(db)).toBe(true);
    await writeFile(go, "");
    const results = await Promise.all([first.waitFor(/^\{/), second.waitFor(/^\{/)]).then((lines) => lines.map((l) => JSON.parse(l)));
    expect(results[0]).toEqual({ exitCode: 0, filings: [["ZZB", "filed"]], problems: [] });
    expect(results[1]).toEqual({ exitCode: 1, filings: [["ZZB", "refused"]], problems: ["E_ARCHIVE_FILED"] });
    expect(await countRows(db, "filing")).toBe(1);
  });

  it("two assess archive add started together: exactly one filed, the other E_ARCHIVE_FILED", async () => {
    const db = await fresh();
    const unit = [{ code: "ZZB", name: "某县委组织部", persons: 4 }];
    const a = join(dir, "c.xlsx");
    const b = join(dir, "d.xlsx");
    await writeMultiUnitWorkbook(a, unit, { seed: 2 });
    await writeMultiUnitWorkbook(b, unit, { seed: 3 });
    const runs = [watch(ASSESS, ["archive", "add", a, "--db", db, "--json"]), watch(ASSESS, ["archive", "add", b, "--db", db, "--json"])];
    const codes = await Promise.all(runs.map((r) => r.exited));
    const docs = runs.map((r) => JSON.parse(r.lines.join("\n")) as { filings: { state: string }[]; problems: { code: string }[] });
    expect(codes.sort()).toEqual([0, 1]);
    expect(docs.map((d) => d.filings[0]!.state).sort()).toEqual(["filed", "refused"]);
    expect(docs.flatMap((d) => d.problems.map((p) => p.code))).toEqual(["E_ARCHIVE_FILED"]);
    expect(await countRows(db, "filing")).toBe(1);
  });
});
