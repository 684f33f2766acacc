// What a command line loads before it runs: `--version` and `--help` (every command's, and the
// registration every run goes through) load commander and src/cli's registration, and none of the
// commands' implementations, zod, ora or chalk. A static import in a *-command.ts would bring back
// some 300 modules (0.3 s of CPU) on every run; each command imports its run in its action.

import { describe, expect, it } from "vitest";
import { ASSESS, runNode } from "../support/run-assess.js";

/** A loader hook that names each module as it is loaded, on stderr: `LOAD file:///…/dist/cli/main.js`. */
const NAME_EACH_MODULE = `data:text/javascript,${encodeURIComponent(`
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent("export async function load(url, context, next) { const loaded = await next(url, context); process._rawDebug('LOAD ' + url); return loaded; }"));
`)}`;

function modulesLoaded(args: readonly string[]): string[] {
  const run = runNode(["--import", NAME_EACH_MODULE, ASSESS, ...args]);
  expect(run.status).toBe(0);
  return run.stderr
    .split("\n")
    .filter((line) => line.startsWith("LOAD "))
    .map((line) => line.slice("LOAD ".length));
}

/** What only a command's run needs (the tool's version, and where --db points, are for all). */
const RUN_ONLY = [/\/dist\/(commands|read|ooxml|build\/(?!tool-version\.js)|archive\/(?!target\.js))/, /\/node_modules\/(zod|ora|chalk|csv-parse|exceljs|@electric-sql)\//];

describe("modules loaded before a command runs", () => {
  it.each([[["--version"]], [["--help"]], [["help", "grade"]], [["archive", "person", "--help"]]])(
    "assess %j loads no command's implementation",
    (args) => {
      const loaded = modulesLoaded(args);
      expect(loaded.some((url) => url.endsWith("/dist/cli/main.js"))).toBe(true);
      expect(loaded.filter((url) => RUN_ONLY.some((pattern) => pattern.test(url)))).toEqual([]);
    },
  );

  it("a command that runs loads what it needs: rules --init, the rules file's schema (zod)", () => {
    const loaded = modulesLoaded(["rules", "--init"]);
    expect(loaded.some((url) => url.endsWith("/dist/cli/rules-run.js"))).toBe(true);
    expect(loaded.some((url) => /\/node_modules\/zod\//.test(url))).toBe(true);
  });
});
