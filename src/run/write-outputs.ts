// Writing the outputs of a run safely (outputs.md "Safety of files"): names that cannot leave
// --out, no existing file replaced without --force (checked for every planned file before the
// first is written), and each file written to a temporary file beside it, flushed to disk and
// renamed into place, so that a crash leaves the old file or the new one, never half of one.

import { randomBytes } from "node:crypto";
import { closeSync, fsync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { lstat, mkdir, open, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { PlannedFile } from "../build/output-names.js";
import { UsageError } from "../domain/usage-error.js";

/** The path of `name` in `outDir`; a name that would land anywhere else is a bug upstream. */
export function resolveInside(outDir: string, name: string): string {
  const root = path.resolve(outDir);
  const target = path.resolve(root, name);
  if (!target.startsWith(root + path.sep) || path.dirname(target) !== root) {
    throw new Error(`output name ${JSON.stringify(name)} leads outside the output folder`);
  }
  return target;
}

async function kindOf(file: string): Promise<"missing" | "file" | "directory"> {
  try {
    const stats = await lstat(file);
    return stats.isDirectory() ? "directory" : "file";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/**
 * A name as a file system that ignores case or Unicode normalization (Windows, macOS) may see it:
 * two names alike in this form may be one file there.
 */
function foldedName(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/**
 * The names in `folder`, folded (`foldedName`): one listing instead of a look-up per planned name
 * (a city's run plans 3,001 names; looking each one up took a fifth of a second before the first
 * unit could be built). A planned name found here is then looked up itself, so what counts as
 * taken is what the file system says, as before.
 */
async function takenNames(folder: string): Promise<Set<string>> {
  return new Set((await readdir(folder)).map(foldedName));
}

/**
 * Write `bytes` to `target` through a temporary file in the same folder (same file system): a
 * path an `OutputWriter` gave (`place`), from whichever thread built the file.
 *
 * Opening, writing, closing and renaming are each a system call of some microseconds, made here;
 * only the flush, which waits for the disk, goes to libuv's thread pool. As five requests to that
 * pool (fs/promises), each file cost five hand-offs between threads, on two cores already busy
 * building: 1,500 of a city's files, written from memory, took 0.42-0.52 s of CPU instead of
 * 0.30-0.38 s (three rounds each), and the city's build phase 3.68-4.18 s (median 3.98) instead
 * of 3.49-4.33 s (median 3.73), six alternated runs.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${TEMPORARY_TAG}-${(temporaryCount++).toString(36)}.tmp`);
  // "wx": the temporary file is this call's own, or the call fails before writing anything.
  const fd = openSync(temp, "wx");
  try {
    try {
      for (let written = 0; written < bytes.byteLength; ) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      await flush(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** fsync in libuv's thread pool. */
const flush = promisify(fsync);

/**
 * What makes a temporary file's name this thread's own: random once per thread (each worker loads
 * this module anew), then counted, instead of random bytes drawn for every file (a city's run
 * writes 3,001). Two runs writing into one folder at once do not meet; if they did, the
 * temporary file is opened only if it does not exist ("wx"), so nothing is overwritten.
 */
const TEMPORARY_TAG = randomBytes(8).toString("hex");
let temporaryCount = 0;

/** Flush the folder's entry list so the renames survive a power cut; not possible on Windows. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Folders cannot be opened for sync on every platform; the files themselves were synced.
  }
}

/** The files of a run written one at a time as they are built (grade.ts), after one check of them all. */
export interface OutputWriter {
  /** Writes a file whose name was announced to `openOutputs`; returns `outDir` joined with its name. */
  write(file: PlannedFile): Promise<string>;
  /**
   * Where a name announced to `openOutputs` is written (`target`, for `writeAtomically` in the
   * thread that builds the file) and how it is shown (`outDir` joined with the name).
   */
  place(name: string): { target: string; shown: string };
  /** Flushes the folder once every file is written. */
  finish(): Promise<void>;
}

/**
 * Checks every name a run will write, before the first file is built: raises UsageError when a
 * file exists and `force` is not set, or when a name is taken by a folder. Then creates `outDir`.
 */
export async function openOutputs(outDir: string, names: readonly string[], options: { force: boolean }): Promise<OutputWriter> {
  const shown = (name: string): string => path.join(outDir, name);
  /** Each announced name's place in the folder. */
  const targets = new Map<string, string>();
  for (const name of names) {
    if (targets.has(name)) throw new Error(`two outputs are both named ${name}`);
    targets.set(name, resolveInside(outDir, name));
  }

  const folder = await kindOf(path.resolve(outDir));
  if (folder === "file") throw new UsageError(`输出位置 ${outDir} 是一个文件，不是文件夹；请用 --out 指定一个文件夹。`);

  const existing: string[] = [];
  const folders: string[] = [];
  const taken = folder === "directory" ? await takenNames(path.resolve(outDir)) : new Set<string>();
  for (const [name, target] of targets) {
    if (!taken.has(foldedName(name))) continue;
    const kind = await kindOf(target);
    if (kind === "file") existing.push(shown(name));
    if (kind === "directory") folders.push(shown(name));
  }
  if (folders.length > 0) {
    throw new UsageError(`以下输出文件的位置已有同名文件夹，无法写入：\n  ${folders.join("\n  ")}\n请移走这些文件夹，或用 --out 指定另一个文件夹。`);
  }
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `以下输出文件已存在，未写入任何文件：\n  ${existing.join("\n  ")}\n如要覆盖，请加 --force；或用 --out 指定另一个文件夹。`,
    );
  }

  await mkdir(path.resolve(outDir), { recursive: true });
  const place = (name: string): { target: string; shown: string } => {
    const target = targets.get(name);
    if (target === undefined) throw new Error(`output ${name} was not checked before writing`);
    return { target, shown: shown(name) };
  };
  return {
    async write(file) {
      const { target } = place(file.name);
      await writeAtomically(target, file.bytes);
      return shown(file.name);
    },
    place,
    finish: () => syncFolder(path.resolve(outDir)),
  };
}

/**
 * Writes every planned file into `outDir` (created if missing) and returns their paths as
 * `outDir` joined with the name. Raises UsageError, before writing anything, when a file exists
 * and `force` is not set, or when a planned name is taken by a folder.
 */
export async function writeOutputs(
  outDir: string,
  files: readonly PlannedFile[],
  options: { force: boolean },
): Promise<string[]> {
  const writer = await openOutputs(outDir, files.map((file) => file.name), options);
  const written: string[] = [];
  for (const file of files) written.push(await writer.write(file));
  await writer.finish();
  return written;
}
