// Where the archive lives (archive.md "Where the archive lives"): `--db`, else ASSESS_DB, else the
// folder 考核档案 in the current folder. A postgres:// or postgresql:// URL is a server; anything
// else is a folder holding an embedded archive. The label is what messages show: never the
// password.

export const DEFAULT_ARCHIVE_FOLDER = "考核档案";

export type ArchiveTarget =
  | { kind: "embedded"; folder: string; label: string }
  | { kind: "server"; url: string; label: string; secrets: string[] };

const SERVER_URL = /^postgres(?:ql)?:\/\//i;

/** The URL with its password replaced by `***` (a URL that does not parse is masked whole after the scheme). */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/^(postgres(?:ql)?:\/\/)[^@/]*@/i, "$1***@");
  }
}

/** The password of a URL, decoded, or "" without one. */
function urlPassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return /^postgres(?:ql)?:\/\/[^:@/]*:([^@/]*)@/i.exec(url)?.[1] ?? "";
  }
}

/**
 * `flag` is --db as given, `fromEnv` the value of ASSESS_DB, `pgPassword` that of PGPASSWORD (so
 * that it, too, is scrubbed from any message a server sends back).
 */
export function resolveArchiveTarget(flag: string | undefined, fromEnv?: string, pgPassword?: string): ArchiveTarget {
  const given = flag !== undefined && flag !== "" ? flag : fromEnv !== undefined && fromEnv !== "" ? fromEnv : DEFAULT_ARCHIVE_FOLDER;
  if (SERVER_URL.test(given)) {
    const secrets = [urlPassword(given), pgPassword ?? ""].filter((s) => s.length > 0);
    return { kind: "server", url: given, label: maskUrl(given), secrets };
  }
  return { kind: "embedded", folder: given, label: given };
}

/** Text with every secret of the target replaced by `***`: for any message that may quote one. */
export function scrub(target: ArchiveTarget, text: string): string {
  if (target.kind !== "server") return text;
  let out = text.split(target.url).join(target.label);
  for (const secret of target.secrets) out = out.split(secret).join("***");
  return out;
}
