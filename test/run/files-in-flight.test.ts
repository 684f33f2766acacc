// A thread's files being written (worker-tasks.ts FilesInFlight): a build task returns once its
// files are started, at most a few are held, `settle` waits for the rest, and a write that fails
// fails the task that waits for it, never unobserved.

import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FilesInFlight } from "../../src/run/worker-tasks.js";

describe("FilesInFlight", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "assess-inflight-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const unit = (i: number) => [
    { name: `U${i}_结果.xlsx`, bytes: Buffer.from(`结果 ${i}`) },
    { name: `U${i}_反馈单.docx`, bytes: Buffer.from(`反馈单 ${i}`) },
  ];
  const targetsOf = (files: { name: string }[]) => Object.fromEntries(files.map((f) => [f.name, join(dir, f.name)]));

  it("writes every file of every unit by the time it settles, and names them in the order built", async () => {
    const files = new FilesInFlight();
    const names: string[] = [];
    for (let i = 0; i < 12; i++) names.push(...(await files.write(unit(i), targetsOf(unit(i)))));
    await files.settle();
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => unit(i).map((f) => f.name)).flat());
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect(await readFile(join(dir, "U7_反馈单.docx"), "utf8")).toBe("反馈单 7");
  });

  it("a write that fails fails the task that waits for it (here settle), and leaves no temporary file", async () => {
    const files = new FilesInFlight();
    const [good, bad] = unit(1);
    await files.write([good!, bad!], { [good!.name]: join(dir, good!.name), [bad!.name]: join(dir, "no-such-folder", bad!.name) });
    await expect(files.settle()).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(dir)).toEqual([good!.name]);
    // Settled: nothing is left to wait for.
    await expect(files.settle()).resolves.toBeNull();
  });

  it("refuses a file whose name the run did not check", async () => {
    const files = new FilesInFlight();
    await expect(files.write(unit(1), {})).rejects.toThrow(/was not checked before writing/);
    expect(await readdir(dir)).toEqual([]);
  });
});
