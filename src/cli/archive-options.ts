// --db (the archive: a folder or a postgres:// address, else ASSESS_DB, else 考核档案, target.ts)
// and --replace with its --reason, as archive's subcommands and `political --db` take them.
import { resolveArchiveTarget, type ArchiveTarget } from "../archive/target.js";
import { UsageError } from "../domain/usage-error.js";

export const DB_OPTION_HELP = "档案所在：文件夹（内嵌档案）或 postgres:// 地址（档案服务器）；默认取环境变量 ASSESS_DB，再默认当前文件夹下的“考核档案”";

/** The archive named by --db, ASSESS_DB or the default folder. */
export function archiveTarget(db: string | undefined): ArchiveTarget {
  return resolveArchiveTarget(db, process.env.ASSESS_DB, process.env.PGPASSWORD);
}

/** --replace with its --reason, or null; one without the other is bad usage. */
export function replaceReason(flags: { replace?: boolean; reason?: string }): string | null {
  if (flags.replace && (flags.reason === undefined || flags.reason.trim() === "")) {
    throw new UsageError("--replace 须同时用 --reason 写明替代的原因，例如 --reason \"复核后更正等次\"。");
  }
  if (!flags.replace && flags.reason !== undefined) throw new UsageError("--reason 只和 --replace 一起用。");
  return flags.replace ? flags.reason!.trim() : null;
}
