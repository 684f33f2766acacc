// One process at a time on an embedded archive (archive.md): PGlite holds its folder for one
// process and would corrupt it if two wrote at once, so the tool keeps a lock file of its own in
// the folder. A second command waits up to 10 s, then stops with the message of archive.md. A lock
// left by a process that is gone (killed, crashed: the file names its pid on this machine) is
// stale and taken over.

import { hostname } from "node:os";
import { open, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { ArchiveError } from "./errors.js";

export const LOCK_FILE = "assess.lock";
export const LOCK_WAIT_MS = 10_000;
const POLL_MS = 150;
/** A lock file without its owner yet is being written, unless it stayed so this long (its writer was killed). */
const HALF_WRITTEN_MS = 3_000;

interface LockOwner {
  pid: number;
  host: string;
}

export interface FolderLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(file: string): Promise<{ text: string; owner: LockOwner | null } | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { text, owner: { pid: parsed.pid, host: parsed.host } } : { text, owner: null };
  } catch {
    // Being written, or written half by an owner killed between open and write.
    return { text, owner: null };
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ms;
  } catch {
    return true;
  }
}

async function tryCreate(file: string, content: string): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Takes the folder's lock, waiting up to `waitMs`; `label` names the archive in the message. */
export async function lockFolder(folder: string, label: string, waitMs: number = LOCK_WAIT_MS): Promise<FolderLock> {
  const file = join(folder, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname() };
  const content = JSON.stringify(me);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(file, content)) break;
    const held = await readOwner(file);
    if (held !== null) {
      const stale = held.owner === null ? await olderThan(file, HALF_WRITTEN_MS) : held.owner.host === me.host && !isAlive(held.owner.pid);
      if (stale) {
        // Taken over only if it is still the same stale file (another waiter may have done it already).
        const again = await readOwner(file);
        if (again !== null && again.text === held.text) await rm(file, { force: true });
        continue;
      }
    }
    if (Date.now() >= deadline) throw new ArchiveError(`档案“${label}”正在被另一个程序使用，请稍后再试`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return {
    async release() {
      const held = await readOwner(file);
      if (held !== null && held.text === content) await rm(file, { force: true });
    },
  };
}
