// The two places an archive lives (archive.md), for tests that run the same cases against both:
// an embedded folder (PGlite), and a PostgreSQL server named by ASSESS_TEST_PG_URL (started by
// `.ci/start-postgres`, which .ci/run calls). Without that variable the server's cases are
// skipped and say so, except in CI (CI=true), where a missing server is a failure.
//
// A fresh archive is a copy of one initialised folder (initdb of PGlite takes seconds), or a new
// database on the server, dropped when the test file ends.

import { randomBytes } from "node:crypto";
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { initArchive } from "../../../src/commands/archive-schema.js";
import { resolveArchiveTarget } from "../../../src/archive/target.js";
import { scratchFolder } from "../../support/run-assess.js";

export type PlaceName = "embedded" | "server";

export const SERVER_URL = process.env.ASSESS_TEST_PG_URL ?? "";
const inCi = Boolean(process.env.CI);

export interface ArchivePlace {
  name: PlaceName;
  /** False: the place's tests are skipped (no server outside CI). */
  runs: boolean;
  /** Appended to test names: why they were skipped, or nothing. */
  note: string;
}

const serverNote = SERVER_URL ? "" : inCi ? "（CI：没有 ASSESS_TEST_PG_URL）" : "（已跳过：没有 ASSESS_TEST_PG_URL，见 README 启动测试用的 PostgreSQL 服务器）";
if (!SERVER_URL && !inCi) {
  console.warn("archive tests on a PostgreSQL server: SKIPPED, ASSESS_TEST_PG_URL is not set (eval \"$(bash .ci/start-postgres)\" to run them; in CI they must run).");
}

export const ARCHIVE_PLACES: readonly ArchivePlace[] = [
  { name: "embedded", runs: true, note: "" },
  { name: "server", runs: Boolean(SERVER_URL) || inCi, note: serverNote },
];

/** Fails a server test in CI when there is no server (the test runs only then, see `runs`). */
export function requireServer(place: ArchivePlace): void {
  if (place.name === "server" && !SERVER_URL) throw new Error("CI 上必须有 PostgreSQL 服务器（ASSESS_TEST_PG_URL），见 .ci/run 和 .ci/start-postgres。");
}

/** The URL of `database` on the test server. */
export function serverUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Makes `--db` values of new archives at `place` for one test file: `fresh(init)` gives an
 * initialised archive (init true) or an empty place where none is yet (init false).
 */
export function archiveFactory(place: ArchivePlace, prefix: string): (init?: boolean) => Promise<string> {
  const scratch = place.name === "embedded" ? scratchFolder(`assess-${prefix}-`) : "";
  const databases: string[] = [];
  let template: Promise<string> | null = null;
  let count = 0;
  if (place.name === "server") {
    afterAll(async () => {
      for (const db of databases) await adminQuery(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => {});
    });
  }
  return async (init = true) => {
    count += 1;
    if (place.name === "embedded") {
      const folder = join(scratch, `archive-${count}`);
      if (!init) return folder;
      template ??= (async () => {
        const made = join(scratch, "template");
        await initArchive(resolveArchiveTarget(made));
        return made;
      })();
      await cp(await template, folder, { recursive: true });
      return folder;
    }
    requireServer(place);
    // A name of our own making (letters and digits), never a value from a test's data.
    const name = `assess_test_${prefix.replace(/[^a-z0-9]/gi, "")}_${randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    databases.push(name);
    const url = serverUrl(name);
    if (init) await initArchive(resolveArchiveTarget(url));
    return url;
  };
}

export async function removeFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}
