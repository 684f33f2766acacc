// Every process the tests start goes through here: the built tool as a clerk runs it,
// `node bin/assess.js ...` (npm test builds it first), a Node script, or LibreOffice, each in a
// scratch folder of its own that goes when the test file is done.

import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll } from "vitest";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const ASSESS = join(REPO_ROOT, "bin", "assess.js");

export interface AssessRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `assess ...args` in `cwd`, with `env` (this process's environment unless given). */
export function runAssess(args: readonly string[], cwd: string = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): AssessRun {
  const run = spawnSync(process.execPath, [ASSESS, ...args], { cwd, encoding: "utf8", env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `assess ...args` as `runAssess`, without waiting: table rows can run side by side. */
export function startAssess(args: readonly string[], cwd: string = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): Promise<AssessRun> {
  return new Promise((resolveRun) => {
    execFile(process.execPath, [ASSESS, ...args], { cwd, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolveRun({ status, stdout, stderr });
    });
  });
}

/** `node ...args` (a script or `-e`), from the repository's root. */
export function runNode(args: readonly string[]): AssessRun {
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Whether LibreOffice's `soffice` can be run here (the end-to-end tests that open our outputs need it). */
export function hasSoffice(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * `soffice --headless --norestore ...args` (a `--convert-to`) with a profile of its own in
 * `profileDir`, so that runs side by side, or a LibreOffice already open, are not in the way.
 */
export function runSoffice(args: readonly string[], profileDir: string, timeoutMs = 180_000): AssessRun {
  const run = spawnSync("soffice", [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, "--headless", "--norestore", ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: run.status, stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
}

/** A new temporary folder, removed after the test file's tests. */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rm(folder, { recursive: true, force: true }));
  return folder;
}
