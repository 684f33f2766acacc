// `archive init` and `archive migrate` (archive.md): the migrations an archive lacks, run in one
// transaction with the version recorded after each, so that a failure leaves the archive at the
// version it had. Only these two commands change the schema.

import type { Archive } from "./open-archive.js";
import { type Migration, MIGRATIONS } from "./schema.js";

export interface MigrationDone {
  from: number;
  to: number;
}

/** Brings `archive` (opened with purpose init or migrate) to the last of `migrations`. */
export async function migrateArchive(archive: Archive, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationDone> {
  const from = archive.version;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  await archive.write(async (db) => {
    for (const migration of pending) {
      for (const statement of splitStatements(migration.sql)) await db.query(statement);
      await db.query(
        "INSERT INTO archive_schema (id, version) VALUES (true, $1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version",
        [migration.version],
      );
    }
  });
  return { from, to: pending[pending.length - 1]!.version };
}

/** The DDL's statements, split at the `;` that ends a line (the schema has no `;` inside a statement). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/;\s*$/, "").trim())
    .filter((s) => s.length > 0);
}
