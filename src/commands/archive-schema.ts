// `assess archive init` and `assess archive migrate` (archive.md): create the archive's schema,
// or bring an older one up to this tool's version. Both throw ArchiveError (exit 2) when the
// archive cannot be used for it: already there (init), newer than the tool (migrate), and the rest
// of open-archive.ts.

import { migrateArchive, type MigrationDone } from "../archive/migrate.js";
import { openArchive } from "../archive/open-archive.js";
import { type Migration, MIGRATIONS } from "../archive/schema.js";
import type { ArchiveTarget } from "../archive/target.js";

export interface SchemaResult extends MigrationDone {
  label: string;
}

export async function initArchive(target: ArchiveTarget, migrations: readonly Migration[] = MIGRATIONS): Promise<SchemaResult> {
  const archive = await openArchive(target, { purpose: "init", migrations });
  try {
    return { label: archive.label, ...(await migrateArchive(archive, migrations)) };
  } finally {
    await archive.close();
  }
}

export async function migrateArchiveAt(target: ArchiveTarget, migrations: readonly Migration[] = MIGRATIONS): Promise<SchemaResult> {
  const archive = await openArchive(target, { purpose: "migrate", migrations, work: "filing" });
  try {
    return { label: archive.label, ...(await migrateArchive(archive, migrations)) };
  } finally {
    await archive.close();
  }
}
