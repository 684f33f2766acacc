// The derived current person-quarters (schema.ts v4), in both places: every way a filing becomes
// current or stops being current (add, add --replace, import, import --replace) leaves the table
// exactly what the joins over filing_person and the current filings give; and `list good` reads
// the same list from it as before any replacement when nothing else changed.

import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { ARCHIVE_PLACES, archiveFactory } from "./support/archive-places.js";
import { currentPersonQuarters } from "./support/filed.js";
import { writeMultiUnitWorkbook } from "./support/generated-workbooks.js";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };
const UNITS = [
  { code: "CZJ", name: "某县财政局", persons: 6 },
  { code: "ZZB", name: "某县委组织部", persons: 5 },
];

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runAssess(args, REPO_ROOT, env);
}

/** The table equals the joins and holds `persons` rows. */
async function expectConsistent(db: string, persons: number): Promise<void> {
  const { derived, joined } = await currentPersonQuarters(db);
  expect(derived).toEqual(joined);
  expect(derived).toHaveLength(persons);
}

describe.each(ARCHIVE_PLACES)("the current person-quarters, $name", (place) => {
  const fresh = archiveFactory(place, `cpq-${place.name}`);
  const dir = scratchFolder("assess-cpq-");

  it.runIf(place.runs)(`add, add --replace, import and import --replace keep them equal to the joins${place.note}`, async () => {
    const first = join(dir, `first-${place.name}.xlsx`);
    const second = join(dir, `second-${place.name}.xlsx`);
    await writeMultiUnitWorkbook(first, UNITS, { seed: 0 });
    await writeMultiUnitWorkbook(second, UNITS, { seed: 1 });
    const persons = UNITS.reduce((n, u) => n + u.persons, 0);

    const source = await fresh();
    expect(run(["archive", "add", first, "--db", source]).status).toBe(0);
    await expectConsistent(source, persons);
    // Two quarters: the demo's units too.
    expect(run(["archive", "add", "fixtures/demo/2026Q3.xlsx", "--db", source]).status).toBe(0);
    const withDemo = (await currentPersonQuarters(source)).derived.length;
    expect(withDemo).toBeGreaterThan(persons);
    await expectConsistent(source, withDemo);

    const replaced = run(["archive", "add", second, "--db", source, "--replace", "--reason", "复核后更正"]);
    expect(replaced.status, replaced.stderr).toBe(0);
    await expectConsistent(source, withDemo);
    // The replaced filings' persons are gone from the table, the replacing ones' are there.
    const { derived } = await currentPersonQuarters(source);
    const log = JSON.parse(run(["archive", "log", "--unit", "CZJ", "--db", source, "--json"]).stdout) as { entries: { id: number; action: string }[] };
    const [old, current] = [log.entries.find((e) => e.action === "filed")!.id, log.entries.find((e) => e.action === "replaced")!.id];
    expect(derived.some((r) => r.filing_id === old)).toBe(false);
    expect(derived.filter((r) => r.filing_id === current)).toHaveLength(UNITS[0]!.persons);

    const pkg = join(dir, `package-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--out", pkg]).status).toBe(0);
    const target = await fresh();
    expect(run(["archive", "import", pkg, "--db", target]).status).toBe(0);
    await expectConsistent(target, withDemo);
    let lists = 0;
    const listOf = (db: string): unknown => {
      lists += 1;
      const r = run(["archive", "list", "good", "--min", "1", "--from", "2026Q1", "--to", "2026Q4", "--db", db, "--out", join(dir, `list-${place.name}-${lists}.xlsx`), "--json"]);
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { rows: unknown[] }).rows;
    };
    expect(listOf(target)).toEqual(listOf(source));

    // Import over other content: the first workbook filed in a third archive, then the package replaces it.
    const third = await fresh();
    expect(run(["archive", "add", first, "--db", third]).status).toBe(0);
    expect(run(["archive", "import", pkg, "--db", third]).status).toBe(1);
    await expectConsistent(third, withDemo);
    expect(run(["archive", "import", pkg, "--db", third, "--replace", "--reason", "以市级备案为准"]).status).toBe(0);
    await expectConsistent(third, withDemo);
    expect(listOf(third)).toEqual(listOf(source));
  });
});
