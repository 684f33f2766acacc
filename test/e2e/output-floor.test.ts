// bench/output-floor.mjs (issue 15): what the bytes of grade's outputs cost at the least. It must
// take every part of every output file, as the zips' own directories count them, and time each
// step, and write every file anew as grade writes one (the same bytes, under the same names, no
// temporary file left); the bench prints its figures beside grade's time over validate's.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDamage, readZipDirectory } from "../../src/ooxml/zip-directory.js";
import { REPO_ROOT, runAssess, runNode, scratchFolder } from "../support/run-assess.js";

describe("bench/output-floor.mjs", () => {
  const scratch = scratchFolder("assess-output-floor-");

  it("takes every part of the demo's outputs and times deflating, checksumming, encoding and writing them", () => {
    const out = join(scratch, "结果");
    expect(runAssess(["grade", join(REPO_ROOT, "fixtures/demo/2026Q3.xlsx"), "--out", out, "--quiet"]).status).toBe(0);
    const files = readdirSync(out).filter((name) => name.endsWith(".xlsx") || name.endsWith(".docx"));
    let parts = 0;
    let bytes = 0;
    for (const name of files) {
      const directory = readZipDirectory(readFileSync(join(out, name)));
      if (isDamage(directory)) throw new Error(`${name}: ${directory.damage}`);
      parts += directory.entries.length;
      bytes += directory.entries.reduce((total, entry) => total + entry.size, 0);
    }
    expect(files.length).toBeGreaterThanOrEqual(6);

    const run = runNode([join(REPO_ROOT, "bench/output-floor.mjs"), out, "--runs", "1"]);
    expect(run.status, run.stderr).toBe(0);
    const floor = JSON.parse(run.stdout) as Record<string, number>;
    expect({ files: floor.files, parts: floor.parts, bytes: floor.bytes }).toEqual({ files: files.length, parts, bytes });
    for (const step of ["deflate", "checksum", "encode", "write"]) expect(floor[step]).toBeGreaterThan(0);
    // The floor is deflating and checksumming; encoding and writing are printed beside it.
    expect(floor.seconds).toBeCloseTo(floor.deflate! + floor.checksum!, 9);
    // Written anew beside the folder, one folder per run: every file, byte for byte, and nothing else.
    const rewritten = `${out}.floor-1`;
    expect(readdirSync(rewritten).sort()).toEqual([...files].sort());
    for (const name of files) expect(readFileSync(join(rewritten, name)).equals(readFileSync(join(out, name))), name).toBe(true);
  });
});
