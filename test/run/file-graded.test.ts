// isFileGraded (run/memory.ts): before a unit's files are built, its input is hashed again and
// compared with the hash read when it was graded. Many files are hashed at once through buffers
// reused from file to file, so each answer must be its own file's.

import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isFileGraded } from "../../src/run/memory.js";
import { scratchFolder } from "../support/run-assess.js";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("isFileGraded", () => {
  const dir = scratchFolder("assess-graded-");

  /** A file of `size` bytes, each file's bytes its own. */
  async function file(i: number, size: number) {
    const bytes = Buffer.alloc(size, `工作簿${i}`);
    const filePath = join(dir, `C${i}.xlsx`);
    await writeFile(filePath, bytes);
    return { input: { path: filePath, file: `C${i}.xlsx` }, sha: sha256(bytes) };
  }

  it("knows every file of many hashed at once, small and larger than one piece, each by its own hash", async () => {
    const sizes = [0, 1, 23_000, 65_536, 65_537, 200_000];
    const files = await Promise.all(Array.from({ length: 24 }, (_, i) => file(i, sizes[i % sizes.length]!)));
    expect(await Promise.all(files.map((f) => isFileGraded(f.input, f.sha)))).toEqual(files.map(() => true));
    // Each file against the next one's hash: every answer is false (the empty file's hash is not another's).
    const shifted = files.map((f, i) => isFileGraded(f.input, files[(i + 1) % files.length]!.sha));
    expect(await Promise.all(shifted)).toEqual(files.map(() => false));
  });

  it("a file too large to hash without giving way (over 4 MiB) is hashed in pieces, alongside small ones", async () => {
    const large = [await file(50, 5 * 1024 * 1024 + 3), await file(51, 4 * 1024 * 1024 + 1)];
    const small = await Promise.all([file(52, 23_000), file(53, 1)]);
    const files = [large[0]!, small[0]!, large[1]!, small[1]!];
    expect(await Promise.all(files.map((f) => isFileGraded(f.input, f.sha)))).toEqual([true, true, true, true]);
    expect(await Promise.all(files.map((f, i) => isFileGraded(f.input, files[(i + 1) % files.length]!.sha)))).toEqual([false, false, false, false]);
    // A large file changed in its last byte is not the file graded.
    const changed = Buffer.alloc(5 * 1024 * 1024 + 3, "工作簿50");
    changed[changed.length - 1] ^= 1;
    await writeFile(large[0]!.input.path, changed);
    expect(await isFileGraded(large[0]!.input, large[0]!.sha)).toBe(false);
  });

  it("a file changed, moved or deleted since it was graded is not the file graded", async () => {
    const { input, sha } = await file(100, 70_000);
    await writeFile(input.path, Buffer.alloc(70_000, "改过的工作簿"));
    expect(await isFileGraded(input, sha)).toBe(false);
    await rm(input.path);
    expect(await isFileGraded(input, sha)).toBe(false);
  });
});
