// Opening the archive in both places (archive.md "Where the archive lives"): init, migrate, the
// schema's version checked by every other command, and every way it cannot be opened as one
// Chinese line with exit 2, no stack trace, no password.

import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { openArchive } from "../../src/archive/open-archive.js";
import { MIGRATIONS, type Migration } from "../../src/archive/schema.js";
import { resolveArchiveTarget } from "../../src/archive/target.js";
import { initArchive, migrateArchiveAt } from "../../src/commands/archive-schema.js";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { currentContents, currentPersonQuarters } from "./support/filed.js";
import { ARCHIVE_PLACES, archiveFactory, requireServer, SERVER_URL, serverUrl } from "./support/archive-places.js";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };
const V1 = MIGRATIONS[0]!;
const LATEST = MIGRATIONS.length;

/** A later version that only tests know: a column and a table added to the latest schema. */
const TEST_NEXT: Migration = {
  version: LATEST + 1,
  sql: "ALTER TABLE filing ADD COLUMN test_note text;\nCREATE TABLE test_added (id integer PRIMARY KEY);\n",
};
const WITH_NEXT = [...MIGRATIONS, TEST_NEXT];
/** A later version whose second statement fails: the first must not stay. */
const BROKEN_V2: Migration = { version: 2, sql: "CREATE TABLE half_done (id integer);\nALTER TABLE no_such_table ADD COLUMN x text;\n" };

/** Sets the recorded schema version without migrating (tests only: to file into an archive of an older version). */
async function setVersion(db: string, migrations: readonly Migration[], version: number): Promise<void> {
  const archive = await openArchive(resolveArchiveTarget(db), { migrations });
  try {
    await archive.write((q) => q.query("UPDATE archive_schema SET version = $1", [version]));
  } finally {
    await archive.close();
  }
}

/** Drops `table` (a name from this test file, never from data): a table a later version adds. */
async function dropTable(db: string, migrations: readonly Migration[], table: "current_person_quarter"): Promise<void> {
  const archive = await openArchive(resolveArchiveTarget(db), { migrations });
  try {
    await archive.write((q) => q.query(`DROP TABLE ${table}`));
  } finally {
    await archive.close();
  }
}

async function tableExists(db: string, migrations: readonly Migration[], table: string): Promise<boolean> {
  const archive = await openArchive(resolveArchiveTarget(db), { migrations });
  try {
    const [row] = await archive.read((q) => q.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [table]));
    return row!.present;
  } finally {
    await archive.close();
  }
}

/** One line on stderr, exit 2, no stack trace. */
function expectOneLine(run: { status: number | null; stderr: string }, text: string | RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(text);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
}

describe.each(ARCHIVE_PLACES)("the archive's schema, $name", (place) => {
  const fresh = archiveFactory(place, `open-${place.name}`);
  const cwd = scratchFolder("assess-open-cwd-");

  it.runIf(place.runs)(`init creates it, a second init is refused, migrate has nothing to do${place.note}`, async () => {
    const db = await fresh(false);
    const first = runAssess(["archive", "init", "--db", db], cwd, env);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("已建立考核档案");
    expectOneLine(runAssess(["archive", "init", "--db", db], cwd, env), new RegExp(`已经建立（结构版本 ${LATEST}）`));
    const migrate = runAssess(["archive", "migrate", "--db", db], cwd, env);
    expect(migrate.status).toBe(0);
    expect(migrate.stderr).toContain("无需升级");
    expect(runAssess(["archive", "log", "--db", db], cwd, env).status).toBe(0);
  });

  it.runIf(place.runs)(`a newer schema is refused by every command (请升级), an older one asks for migrate${place.note}`, async () => {
    const db = await fresh(false);
    await initArchive(resolveArchiveTarget(db), WITH_NEXT);
    expectOneLine(runAssess(["archive", "log", "--db", db], cwd, env), new RegExp(`结构版本为 ${LATEST + 1}，比本工具所支持的版本 ${LATEST} 新。请升级 assess`));
    expectOneLine(runAssess(["archive", "migrate", "--db", db], cwd, env), /请升级 assess/);
    expectOneLine(runAssess(["archive", "add", "fixtures/demo/2026Q3.xlsx", "--db", db], REPO_ROOT, env), /请升级 assess/);

    const older = await fresh(false);
    await initArchive(resolveArchiveTarget(older), [V1]);
    await expect(openArchive(resolveArchiveTarget(older))).rejects.toThrow(/请先运行 assess archive migrate/);
    expectOneLine(runAssess(["political", "fixtures/good/political.xlsx", "--db", older, "--out", join(cwd, "older-out")], REPO_ROOT, env), /请先运行 assess archive migrate/);
  });

  it.runIf(place.runs)(`migrate brings every earlier version up to the latest, keeping what was filed${place.note}`, async () => {
    // Every earlier version of the real schema, each holding filings made at that version (archive
    // add writes v1's tables and v4's derived current person-quarters: the archive is given v4's
    // table and marked latest while it files, then set back without it), brought to the latest
    // with its filings kept and v4's table filled from them; then the latest to a test-only next
    // version.
    const V4 = MIGRATIONS.find((m) => m.version === 4)!;
    for (let k = 1; k < MIGRATIONS.length; k++) {
      const db = await fresh(false);
      await initArchive(resolveArchiveTarget(db), MIGRATIONS.slice(0, k));
      // The versions up to k, with v4's table where k is older.
      const filingAt = k < 4 ? [...MIGRATIONS.slice(0, k), V4] : MIGRATIONS.slice(0, k);
      if (k < 4) await migrateArchiveAt(resolveArchiveTarget(db), filingAt);
      await setVersion(db, filingAt, LATEST);
      expect(runAssess(["archive", "add", "fixtures/demo/2026Q3.xlsx", "--db", db], REPO_ROOT, env).status).toBe(0);
      await setVersion(db, MIGRATIONS, k);
      if (k < 4) await dropTable(db, MIGRATIONS.slice(0, k), "current_person_quarter");
      expect(await tableExists(db, MIGRATIONS.slice(0, k), "current_person_quarter")).toBe(k >= 4);
      const before = await currentContents(db, MIGRATIONS.slice(0, k));
      expect(before.map((f) => f.row.unit_code)).toEqual(["FGW", "TJJ"]);
      expect(await migrateArchiveAt(resolveArchiveTarget(db))).toMatchObject({ from: k, to: LATEST });
      expect(await currentContents(db)).toEqual(before);
      const { derived, joined } = await currentPersonQuarters(db);
      expect(derived.length).toBeGreaterThan(0);
      expect(derived).toEqual(joined);
      expect(await tableExists(db, MIGRATIONS, "political_round")).toBe(true);
      // The migrated archive takes a political round and still shows the quarters.
      const political = runAssess(["political", "fixtures/good/political.xlsx", "--db", db, "--out", join(cwd, `migrated-${k}`), "--force"], REPO_ROOT, env);
      expect(political.status).toBe(0);
      expect(await currentContents(db)).toEqual(before);
    }
    const db = await fresh(false);
    await initArchive(resolveArchiveTarget(db));
    const added = runAssess(["archive", "add", "fixtures/demo/2026Q3.xlsx", "--db", db, "--json"], REPO_ROOT, env);
    expect(added.status).toBe(0);
    expect(await migrateArchiveAt(resolveArchiveTarget(db), WITH_NEXT)).toMatchObject({ from: LATEST, to: LATEST + 1 });
    expect(await tableExists(db, WITH_NEXT, "test_added")).toBe(true);
    const archive = await openArchive(resolveArchiveTarget(db), { migrations: WITH_NEXT });
    try {
      expect(archive.version).toBe(LATEST + 1);
      const rows = await archive.read((q) => q.query<{ unit_code: string; test_note: string | null }>(
          // A view's * was expanded when it was made: a later column is read from the table.
          "SELECT f.unit_code, f.test_note FROM current_filing c JOIN filing f ON f.id = c.id ORDER BY f.unit_code",
        ));
      expect(rows).toEqual([
        { unit_code: "FGW", test_note: null },
        { unit_code: "TJJ", test_note: null },
      ]);
    } finally {
      await archive.close();
    }
  });

  it.runIf(place.runs)(`a migration that fails leaves the archive at its version, nothing of it done${place.note}`, async () => {
    const db = await fresh(false);
    await initArchive(resolveArchiveTarget(db), [V1]);
    await expect(migrateArchiveAt(resolveArchiveTarget(db), [V1, BROKEN_V2])).rejects.toThrow();
    expect(await tableExists(db, [V1], "half_done")).toBe(false);
    const archive = await openArchive(resolveArchiveTarget(db), { migrations: [V1] });
    expect(archive.version).toBe(1);
    await archive.close();
  });
});

describe("an embedded archive that cannot be used", () => {
  const cwd = scratchFolder("assess-open-bad-");

  it("a folder that is not there, a file, a folder of other things: one line each, exit 2", async () => {
    expectOneLine(runAssess(["archive", "log", "--db", "没有这个档案"], cwd, env), /找不到档案“没有这个档案”.*assess archive init/);
    await writeFile(join(cwd, "a-file"), "x");
    expectOneLine(runAssess(["archive", "log", "--db", "a-file"], cwd, env), /“a-file”是一个文件，不是考核档案文件夹/);
    await mkdir(join(cwd, "其他文件"));
    await writeFile(join(cwd, "其他文件", "笔记.txt"), "x");
    expectOneLine(runAssess(["archive", "log", "--db", "其他文件"], cwd, env), /“其他文件”不是考核档案/);
    expectOneLine(runAssess(["archive", "init", "--db", "其他文件"], cwd, env), /不是空的，也不是考核档案/);
  });

  it("a damaged folder is named as damaged, and the default folder is 考核档案 (or ASSESS_DB)", async () => {
    expect(runAssess(["archive", "init"], cwd, env).status).toBe(0);
    expect(runAssess(["archive", "log", "--json"], cwd, env).status).toBe(0);
    expect(runAssess(["archive", "log"], cwd, { ...env, ASSESS_DB: "考核档案" }).status).toBe(0);
    await rm(join(cwd, "考核档案", "global", "pg_control"));
    expectOneLine(runAssess(["archive", "log"], cwd, env), /档案“考核档案”已损坏，无法打开/);
  });
});

const SERVER = ARCHIVE_PLACES[1]!;

describe.runIf(SERVER.runs)(`a PostgreSQL server that cannot be used${SERVER.note}`, () => {
  const cwd = scratchFolder("assess-open-server-");
  /** Built when a case runs: without a server (in CI) the case fails, it does not break the file. */
  const urls = () => {
    requireServer(SERVER);
    const wrong = new URL(serverUrl("postgres"));
    wrong.password = "Wr0ng-密码-s3cret";
    const down = new URL(serverUrl("postgres"));
    down.port = "1";
    return { secret: new URL(SERVER_URL).password, wrong, down };
  };

  it("a wrong password, a server that is down, a database without an archive: one line, exit 2, no password", () => {
    const { secret, wrong, down } = urls();
    for (const [url, text] of [
      [wrong.toString(), /拒绝登录/],
      [down.toString(), /无法连接档案服务器/],
      [serverUrl("postgres"), /中还没有考核档案/],
      [serverUrl("no_such_database_here"), /没有所给的数据库/],
    ] as const) {
      const run = runAssess(["archive", "log", "--db", url], cwd, env);
      expectOneLine(run, text);
      expect(run.stderr).toContain("***");
      for (const password of [secret, "Wr0ng-密码-s3cret", encodeURIComponent("Wr0ng-密码-s3cret")]) {
        expect(run.stderr).not.toContain(password);
        expect(run.stdout).not.toContain(password);
      }
      const json = runAssess(["archive", "log", "--db", url, "--json"], cwd, env);
      expect(json.status).toBe(2);
      expect(json.stdout + json.stderr).not.toContain(secret);
    }
  });

  it("ASSESS_DB names the server; the password in PGPASSWORD is never printed either", () => {
    const { wrong } = urls();
    const noPassword = new URL(wrong);
    noPassword.password = "";
    const run = runAssess(["archive", "log"], cwd, { ...env, ASSESS_DB: noPassword.toString(), PGPASSWORD: "Pg-Env-Secret-9" });
    expectOneLine(run, /拒绝登录/);
    expect(run.stderr).not.toContain("Pg-Env-Secret-9");
  });
});
