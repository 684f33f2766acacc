// Opening the archive once per command (archive.md "Where the archive lives"): an embedded folder
// under the tool's own lock, or a server; then the schema's version checked against this tool's.
// Every way it can fail is one Chinese line (ArchiveError, exit 2) naming the archive by its
// label, never by a password.

import { mkdir, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Connection, type Db, openEmbedded, openServer } from "./connection.js";
import { ArchiveError } from "./errors.js";
import { type FolderLock, lockFolder } from "./folder-lock.js";
import { LOCK_FILE } from "./folder-lock.js";
import { latestVersion, type Migration, MIGRATIONS } from "./schema.js";
import { type ArchiveTarget, scrub } from "./target.js";

export type { Db } from "./connection.js";

/** use: every command but these two; init: `archive init`; migrate: `archive migrate`. */
export type OpenPurpose = "use" | "init" | "migrate";

export interface Archive {
  target: ArchiveTarget;
  /** What messages call the archive: the folder as given, or the URL with its password masked. */
  label: string;
  /** The schema version found when opened (0 before `init` created it). */
  version: number;
  /** `fn` in one read-only transaction. */
  read<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** `fn` in one transaction: all of its writing or none (archive.md "Every command that writes"). */
  write<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  purpose?: OpenPurpose;
  /** The migrations this tool knows (tests give an older or a longer list). */
  migrations?: readonly Migration[];
  /** How long to wait for another command on the same folder. */
  lockWaitMs?: number;
  /** "filing": a long command that writes much (add, import, migrate); connection.ts `optimised`. */
  work?: "short" | "filing";
}

/** SQLSTATE classes and socket codes of a connection that failed or went away. */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return error instanceof Error && /Connection terminated|connection.*(closed|ended)/i.test(error.message);
  return /^(08|57P|53)/.test(code) || ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "EPIPE"].includes(code);
}

function serverError(target: ArchiveTarget, error: unknown): ArchiveError {
  const code = (error as { code?: unknown }).code;
  const text = scrub(target, error instanceof Error ? error.message : String(error));
  if (code === "28P01" || code === "28000") {
    return new ArchiveError(`档案服务器“${target.label}”拒绝登录（用户名或密码不对，或不允许从本机登录）。请检查地址中的用户名和密码。`);
  }
  if (code === "3D000") return new ArchiveError(`档案服务器“${target.label}”上没有所给的数据库。请检查地址中的数据库名。`);
  if (isConnectionFailure(error) || /timeout/i.test(text)) {
    return new ArchiveError(`无法连接档案服务器“${target.label}”（服务器未启动、地址或端口不对，或网络不通）。请检查地址，或请系统管理员确认数据库服务器已启动。`);
  }
  return new ArchiveError(`档案服务器“${target.label}”出错：${text}`);
}

async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return null;
  }
}

/** The folder of an embedded archive checked before PGlite sees it; returns whether it holds a database. */
async function checkFolder(folder: string, purpose: OpenPurpose): Promise<boolean> {
  const kind = await isDirectory(folder);
  if (kind === false) throw new ArchiveError(`“${folder}”是一个文件，不是考核档案文件夹。请检查 --db 所给的位置。`);
  if (kind === null) {
    if (purpose === "init") return false;
    throw new ArchiveError(`找不到档案“${folder}”。请检查 --db 所给的位置，或先运行 assess archive init 建立档案。`);
  }
  const entries = (await readdir(folder)).filter((name) => name !== LOCK_FILE);
  if (entries.includes("PG_VERSION")) return true;
  if (purpose === "init" && entries.length === 0) return false;
  throw new ArchiveError(
    purpose === "init"
      ? `文件夹“${folder}”不是空的，也不是考核档案，不在其中建立档案。请另选一个新文件夹。`
      : `“${folder}”不是考核档案（文件夹中没有档案数据）。请检查 --db 所给的位置。`,
  );
}

async function connectEmbedded(target: Extract<ArchiveTarget, { kind: "embedded" }>, options: OpenOptions): Promise<{ connection: Connection; lock: FolderLock }> {
  const purpose = options.purpose ?? "use";
  const hasDatabase = await checkFolder(target.folder, purpose);
  if (!hasDatabase) await mkdir(target.folder, { recursive: true });
  const lock = await lockFolder(target.folder, target.label, options.lockWaitMs);
  try {
    // The folder may have changed while this command waited for the lock.
    if (hasDatabase !== (await checkFolder(target.folder, purpose))) throw new ArchiveError(`档案“${target.label}”在等待期间被另一个程序改动，请重新运行。`);
    return { connection: await openEmbedded(target.folder, { optimised: options.work === "filing" }), lock };
  } catch (error) {
    await lock.release();
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`档案“${target.label}”已损坏，无法打开。请用备份恢复该文件夹，或联系系统管理员。`);
  }
}

async function connectServer(target: Extract<ArchiveTarget, { kind: "server" }>): Promise<Connection> {
  try {
    return await openServer(target.url);
  } catch (error) {
    throw serverError(target, error);
  }
}

/** The schema version, or null when the database holds no archive. */
async function schemaVersion(db: Db): Promise<number | null> {
  const [present] = await db.query<{ present: boolean }>("SELECT to_regclass('archive_schema') IS NOT NULL AS present");
  if (!present?.present) return null;
  const [row] = await db.query<{ version: number }>("SELECT version FROM archive_schema");
  return row?.version ?? null;
}

function checkVersion(label: string, found: number | null, latest: number, purpose: OpenPurpose): void {
  if (purpose === "init") {
    if (found !== null) throw new ArchiveError(`档案“${label}”已经建立（结构版本 ${found}），不再重复建立。`);
    return;
  }
  if (found === null) {
    throw new ArchiveError(`“${label}”中还没有考核档案。请检查 --db 所给的位置，或先运行 assess archive init 建立档案。`);
  }
  if (found > latest) {
    throw new ArchiveError(`档案“${label}”的结构版本为 ${found}，比本工具所支持的版本 ${latest} 新。请升级 assess 到新版本后再用。`);
  }
  if (found < latest && purpose === "use") {
    throw new ArchiveError(`档案“${label}”的结构版本为 ${found}，本工具需要版本 ${latest}。请先运行 assess archive migrate 升级档案（升级前请备份）。`);
  }
}

export async function openArchive(target: ArchiveTarget, options: OpenOptions = {}): Promise<Archive> {
  const purpose = options.purpose ?? "use";
  const latest = latestVersion(options.migrations ?? MIGRATIONS);
  let connection: Connection;
  let lock: FolderLock | null = null;
  if (target.kind === "embedded") ({ connection, lock } = await connectEmbedded(target, options));
  else connection = await connectServer(target);

  const close = async (): Promise<void> => {
    try {
      await connection.close();
    } finally {
      await lock?.release();
    }
  };
  const failure = (error: unknown): unknown => {
    if (error instanceof ArchiveError) return error;
    if (target.kind === "server" && isConnectionFailure(error)) return serverError(target, error);
    return error;
  };
  const transaction = async <T>(begin: string, fn: (db: Db) => Promise<T>): Promise<T> => {
    try {
      await connection.query(begin);
      const result = await fn(connection);
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      await connection.query("ROLLBACK").catch(() => {});
      throw failure(error);
    }
  };

  let version: number | null;
  try {
    version = await schemaVersion(connection);
    checkVersion(target.label, version, latest, purpose);
  } catch (error) {
    await close();
    if (error instanceof ArchiveError) throw error;
    if (target.kind === "server") throw serverError(target, error);
    throw new ArchiveError(`档案“${target.label}”已损坏，无法读取。请用备份恢复该文件夹，或联系系统管理员。`);
  }
  return {
    target,
    label: target.label,
    version: version ?? 0,
    read: (fn) => transaction("BEGIN TRANSACTION READ ONLY", fn),
    write: (fn) => transaction("BEGIN", fn),
    close,
  };
}

/** The folder's lock file, for tests that check it is gone. */
export function lockFileOf(folder: string): string {
  return join(folder, LOCK_FILE);
}
