// One interface over the two clients of the archive (archive.md "Both use the same schema and the
// same SQL"): PGlite for a folder, `pg` for a server. Plain SQL with $1.. parameters, never values
// pasted into text. Why not kysely: the SQL is a few dozen plain statements, the same for both
// places, and each statement's row type is stated where it is run; a query builder would add a
// dialect package for PGlite and hide the SQL a reviewer wants to read.
//
// Both clients are set to return the same JavaScript values: numeric as text (exact, numeric.ts),
// integer as number, jsonb parsed, integer[] as number[], timestamptz as an ISO string in UTC.

// Each client is loaded when a connection is opened, not with the program: every other command
// (validate of a city's folder, say) would pay some 80 ms of start-up for them (issue 15).

import { setFlagsFromString } from "node:v8";

export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[];

export interface Db {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

export interface Connection extends Db {
  /** Several statements without parameters (the schema's migrations only). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const TIMESTAMPTZ = 1184;
const NUMERIC = 1700;

/** `2026-12-07 02:06:36.066+00` (the session runs in UTC) → `2026-12-07T02:06:36.066Z`. */
export function timestampText(text: string): string {
  const iso = text.replace(" ", "T").replace(/\+00(?::00)?$/, "Z");
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/**
 * How V8 compiles PGlite's PostgreSQL (WebAssembly) when it is opened. By default it compiles it
 * fast (Liftoff) and then again, optimised, on background threads while the command runs. For a
 * command that reads, on a 2-core machine, that second compilation held up the command's own file
 * work by some 150 ms and added about 100 MB of memory, for no gain (`archive person` 1.1 s →
 * 0.8 s; `list good` over 20 quarters no slower: bench/archive.mjs). Filing a city's thousand
 * units runs long enough to gain from it (`archive add` 16.6 s with it, 20.1 s without), so
 * `optimised` keeps it. Set before each open, as the module is compiled then; it concerns
 * WebAssembly only, which nothing else in the tool runs.
 */
function compileWebAssembly(optimised: boolean): void {
  setFlagsFromString(optimised ? "--no-liftoff-only" : "--liftoff-only");
}

export interface EmbeddedOptions {
  /** A long command (filing a city, a migration): compile PostgreSQL optimised as well. */
  optimised?: boolean;
}

export async function openEmbedded(folder: string, options: EmbeddedOptions = {}): Promise<Connection> {
  compileWebAssembly(options.optimised === true);
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create({
    dataDir: folder,
    parsers: { [TIMESTAMPTZ]: timestampText, [NUMERIC]: (text: string) => text },
  });
  await db.exec("SET TIME ZONE 'UTC'");
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      return (await db.query<Row>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
    },
  };
}

/** A server connection; `connectionString` may leave user and password to the PG* variables. */
export async function openServer(connectionString: string): Promise<Connection> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: 10_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === TIMESTAMPTZ) return timestampText;
        if (oid === NUMERIC) return (text: string) => text;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection dropped later (server stopped) is reported by the query that needs it.
  client.on("error", () => {});
  await client.connect();
  await client.query("SET TIME ZONE 'UTC'");
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      return (await client.query(sql, [...params])).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
