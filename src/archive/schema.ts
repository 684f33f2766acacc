// The archive's schema and its versions (archive.md: "The schema carries a version"). Each
// migration takes the schema from the version before it to its own; `archive init` runs them
// all, `archive migrate` the ones an older archive lacks, in one transaction (migrate.ts). A
// released migration is never edited: a change is a new one at the end.
//
// Filed records are never updated nor deleted (archive.md): a correction is a new row whose
// `supersedes` names the row it replaces; the current filing of a unit and quarter is the one no
// other row supersedes. The database itself keeps two filings from both becoming current at once
// (two clerks filing the same unit and quarter on a server): a unit's first filing of a quarter is
// unique by (unit, year, quarter), and a filing can be superseded only once.
//
// The views' `*` is expanded when a view is made: a migration that adds a column to filing or
// annual_record must drop and create current_filing or current_annual_record again to show it.

export interface Migration {
  /** The version this migration brings the schema to. */
  version: number;
  /** Plain DDL, the same for PGlite and a server. */
  sql: string;
}

const V1 = `
CREATE TABLE archive_schema (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version integer NOT NULL
);

CREATE TABLE filing (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code text NOT NULL,
  unit_name text NOT NULL,
  parent_code text,
  pool_code text NOT NULL,
  year integer NOT NULL,
  quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  n integer NOT NULL,
  quota integer NOT NULL,
  counts jsonb NOT NULL,
  rules_json text NOT NULL,
  rules_sha256 text NOT NULL,
  inputs jsonb NOT NULL,
  tool_version text NOT NULL,
  filed_at timestamptz NOT NULL,
  digest text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('add', 'import')),
  package_file text,
  supersedes integer UNIQUE REFERENCES filing (id),
  replace_reason text,
  CHECK ((supersedes IS NULL) = (replace_reason IS NULL))
);
CREATE UNIQUE INDEX filing_first_of_quarter ON filing (unit_code, year, quarter) WHERE supersedes IS NULL;
CREATE INDEX filing_period ON filing (year, quarter);
CREATE INDEX filing_unit ON filing (unit_code, year, quarter);

CREATE VIEW current_filing AS
  SELECT f.* FROM filing f WHERE NOT EXISTS (SELECT 1 FROM filing s WHERE s.supersedes = f.id);

CREATE TABLE filing_person (
  filing_id integer NOT NULL REFERENCES filing (id),
  seq integer NOT NULL,
  person_id text NOT NULL,
  name text NOT NULL,
  department text NOT NULL,
  post text,
  kind text NOT NULL,
  status text NOT NULL,
  status_reason text,
  window_post boolean NOT NULL,
  self_grade text,
  individual numeric(7, 2),
  common numeric(7, 2),
  bonus numeric(7, 2),
  deduction numeric(7, 2),
  score numeric(7, 2),
  band text,
  computed text,
  grade text,
  rank integer,
  reasons jsonb NOT NULL,
  comment text,
  goal text,
  work jsonb NOT NULL,
  PRIMARY KEY (filing_id, person_id)
);
CREATE INDEX filing_person_person ON filing_person (person_id);

CREATE TABLE filing_event (
  filing_id integer NOT NULL REFERENCES filing (id),
  seq integer NOT NULL,
  person_id text NOT NULL,
  kind text NOT NULL,
  points numeric(7, 2),
  reason text NOT NULL,
  event_date text,
  PRIMARY KEY (filing_id, seq)
);
CREATE INDEX filing_event_person ON filing_event (person_id);

CREATE TABLE filing_change (
  filing_id integer NOT NULL REFERENCES filing (id),
  seq integer NOT NULL,
  person_id text NOT NULL,
  name text NOT NULL,
  from_grade text NOT NULL,
  to_grade text NOT NULL,
  kind text NOT NULL,
  reason text NOT NULL,
  decided_on text NOT NULL,
  PRIMARY KEY (filing_id, seq)
);

CREATE TABLE annual_record (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL,
  state text NOT NULL CHECK (state IN ('final', 'draft')),
  rules_json text NOT NULL,
  rules_sha256 text NOT NULL,
  tool_version text NOT NULL,
  recorded_at timestamptz NOT NULL,
  filings integer[] NOT NULL,
  supersedes integer UNIQUE REFERENCES annual_record (id)
);
CREATE UNIQUE INDEX annual_first_of_year ON annual_record (year) WHERE supersedes IS NULL;

CREATE VIEW current_annual_record AS
  SELECT a.* FROM annual_record a WHERE NOT EXISTS (SELECT 1 FROM annual_record s WHERE s.supersedes = a.id);

CREATE TABLE annual_person (
  record_id integer NOT NULL REFERENCES annual_record (id),
  person_id text NOT NULL,
  name text NOT NULL,
  unit_code text,
  good integer NOT NULL,
  fairly_good integer NOT NULL,
  average integer NOT NULL,
  poor integer NOT NULL,
  mean_score numeric(7, 2),
  eligible boolean NOT NULL,
  reason text,
  result text,
  reserve boolean NOT NULL,
  reminder boolean NOT NULL,
  PRIMARY KEY (record_id, person_id)
);
CREATE INDEX annual_person_person ON annual_person (person_id);
`;

// v2: the rounds of the political evaluation (political.md "With --db"): one round per unit, year
// and 测评名称, superseded as filings are; per cadre the conclusion, P, each A_k, the flagged
// items, the problem counts by 核实情况 (never the content of a problem) and the reasons.
const V2 = `
CREATE TABLE political_round (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_code text NOT NULL,
  unit_name text NOT NULL,
  year integer NOT NULL,
  round text NOT NULL,
  rules_json text NOT NULL,
  rules_sha256 text NOT NULL,
  inputs jsonb NOT NULL,
  tool_version text NOT NULL,
  filed_at timestamptz NOT NULL,
  digest text NOT NULL,
  supersedes integer UNIQUE REFERENCES political_round (id),
  replace_reason text,
  CHECK ((supersedes IS NULL) = (replace_reason IS NULL))
);
CREATE UNIQUE INDEX political_round_first ON political_round (unit_code, year, round) WHERE supersedes IS NULL;

CREATE VIEW current_political_round AS
  SELECT r.* FROM political_round r WHERE NOT EXISTS (SELECT 1 FROM political_round s WHERE s.supersedes = r.id);

CREATE TABLE political_cadre (
  round_id integer NOT NULL REFERENCES political_round (id),
  seq integer NOT NULL,
  person_id text NOT NULL,
  name text NOT NULL,
  post text,
  forms integer NOT NULL,
  positive numeric(7, 2),
  band text,
  conclusion text,
  pending boolean NOT NULL,
  confirmed integer NOT NULL,
  partly integer NOT NULL,
  checking integer NOT NULL,
  unfounded integer NOT NULL,
  reasons jsonb NOT NULL,
  use text,
  PRIMARY KEY (round_id, person_id)
);
CREATE INDEX political_cadre_person ON political_cadre (person_id);

CREATE TABLE political_aspect (
  round_id integer NOT NULL REFERENCES political_round (id),
  person_id text NOT NULL,
  seq integer NOT NULL,
  aspect text NOT NULL,
  score numeric(7, 2),
  PRIMARY KEY (round_id, person_id, seq)
);

CREATE TABLE political_flag (
  round_id integer NOT NULL REFERENCES political_round (id),
  person_id text NOT NULL,
  seq integer NOT NULL,
  code text NOT NULL,
  text text NOT NULL,
  forms integer NOT NULL,
  rate numeric(7, 4) NOT NULL,
  PRIMARY KEY (round_id, person_id, seq)
);
`;

// Version 3: \`archive stats\` counts each filing's 不确定等次 and 不参加 persons (read-records.ts
// readStatsInputs); without this index it reads every filed person (800,000 at a city's twenty
// quarters, archive.md "Performance") to find the few. The labels are STATUS_LABEL's
// (domain/labels.ts), as filed.
const V3 = `
CREATE INDEX filing_person_uncounted ON filing_person (filing_id) WHERE status IN ('不确定等次', '不参加');
`;

// Version 4: the current person-quarters, one narrow row per person of every current filing.
// Why a table derived from filing_person and not a view: `archive list` over a city's twenty
// quarters (800,000 person-quarters, archive.md "Performance") spent seconds finding the current
// filings (the NOT EXISTS of current_filing) and reading filing_person's wide rows (reasons, work,
// comment) only to group them by person. Here the list is one scan of narrow rows: the index by
// person, covering every column the list reads, hands them over already grouped, so that the
// grouping neither hashes nor sorts nor spills to disk; the index by period serves a short window.
// The tool keeps the table exactly the current filings' persons, in the transaction that files: a
// filing adds its persons, a supersession removes the replaced filing's (write-filing.ts), for
// `add`, `add --replace` and `import` alike. Filed records themselves stay never updated nor
// deleted; this table holds no value that is not in them. `period` is year * 4 + quarter - 1, the
// running quarter number of read-records.ts's windows.
//
// CURRENT_PERSON_QUARTER_FILL is the one statement that fills it from filing_person and
// current_filing: this migration runs it for the filings made before it, write-filing.ts for one
// filing (with `WHERE f.id = $1` appended), bench/archive.mjs after its bulk filing. It is part of
// a released migration: never edit it; a change is a new migration.
export const CURRENT_PERSON_QUARTER_FILL = `INSERT INTO current_person_quarter (filing_id, person_id, period, grade, score)
  SELECT p.filing_id, p.person_id, f.year * 4 + f.quarter - 1, p.grade, p.score
    FROM filing_person p JOIN current_filing f ON f.id = p.filing_id`;

const V4 = `
CREATE TABLE current_person_quarter (
  filing_id integer NOT NULL REFERENCES filing (id),
  person_id text NOT NULL,
  period integer NOT NULL,
  grade text,
  score numeric(7, 2),
  PRIMARY KEY (filing_id, person_id)
);
${CURRENT_PERSON_QUARTER_FILL};
CREATE INDEX current_person_quarter_period ON current_person_quarter (period);
CREATE INDEX current_person_quarter_person ON current_person_quarter (person_id, period) INCLUDE (filing_id, grade, score);
`;

// Version 5: a political round says where it came from, as a filing does (origin, package_file),
// now that 备案 packages carry rounds (archive import). Every round filed before was filed by
// `political --db`.
const V5 = `
ALTER TABLE political_round ADD COLUMN origin text NOT NULL DEFAULT 'political' CHECK (origin IN ('political', 'import'));
ALTER TABLE political_round ADD COLUMN package_file text;
`;

/** Every migration, oldest first; the last one's version is the schema this tool works with. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, sql: V1 },
  { version: 2, sql: V2 },
  { version: 3, sql: V3 },
  { version: 4, sql: V4 },
  { version: 5, sql: V5 },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations[migrations.length - 1]?.version ?? 0;
}
