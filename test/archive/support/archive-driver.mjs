// A process that uses the archive the way a command does, with points where a test can watch it
// or kill it (SIGKILL) — the compiled tool (dist/), so run `npx tsc` first.
//
//   node archive-driver.mjs hold DB                    open the archive, print "open", wait for stdin to end
//   node archive-driver.mjs add DB WAITFILE PATH...   archive add, printing "filed k/n" after each unit's
//                                                     filing and "commit" before committing; then waits
//                                                     until WAITFILE exists ("-": no wait); prints the
//                                                     filings' states as JSON at the end
// Both take ASSESS_DRIVER_SEED-free inputs; the rules are the built-in ones.

import { existsSync } from "node:fs";
import { archiveAdd } from "../../../dist/commands/archive-add.js";
import { openArchive } from "../../../dist/archive/open-archive.js";
import { resolveArchiveTarget } from "../../../dist/archive/target.js";

const [mode, db, ...rest] = process.argv.slice(2);
const say = (line) => process.stdout.write(`${line}\n`);

if (mode === "hold") {
  const archive = await openArchive(resolveArchiveTarget(db));
  say("open");
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on("end", resolve));
  await archive.close();
  say("closed");
} else if (mode === "add") {
  const [waitFile, ...paths] = rest;
  const result = await archiveAdd(paths, {
    target: resolveArchiveTarget(db),
    maxSizeMiB: 64,
    replaceReason: null,
    now: () => new Date(),
    onFiling: (done, total) => say(`filed ${done}/${total}`),
    beforeCommit: async () => {
      say("commit");
      while (waitFile !== "-" && !existsSync(waitFile)) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  });
  say(JSON.stringify({ exitCode: result.exitCode, filings: result.filings.map((f) => [f.unit, f.state]), problems: result.problems.map((p) => p.code) }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
