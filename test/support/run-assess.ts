// The end-to-end tests run the built tool as a clerk does, `node bin/assess.js ...` (npm test
// builds it first), in a scratch folder of their own that goes when the test file is done.

import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const ASSESS = join(REPO_ROOT, "bin", "assess.js");

export interface AssessRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `assess ...args` in `cwd`, with `env` (this process's environment unless given). */
export function runAssess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): AssessRun {
  const run = spawnSync(process.execPath, [ASSESS, ...args], { cwd, encoding: "utf8", env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A new temporary folder, removed after the test file's tests. */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rm(folder, { recursive: true, force: true }));
  return folder;
}
