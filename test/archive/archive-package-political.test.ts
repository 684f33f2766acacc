// 备案 packages carry the political rounds (archive.md "备案 packages"; political.md "With --db
// D"), in both places: an archive with quarters and rounds exported and imported into an empty
// one gives the same rounds, digests, 成长档案 and log (but import entries); importing again is
// unchanged; one cell of a political sheet edited by hand refuses that round alone; another
// round for the same unit, year and 测评名称 is a conflict unless --replace --reason; a package
// without rounds is laid out as before and imports.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { openArchive } from "../../src/archive/open-archive.js";
import { currentRounds, roundContentOf } from "../../src/archive/read-political.js";
import { resolveArchiveTarget } from "../../src/archive/target.js";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { politicalBaseWorkbook } from "../support/political-workbook-data.mjs";
import { replaceText } from "../support/workbook-data.mjs";
import { writeWorkbook } from "../support/write-workbook.mjs";
import { ARCHIVE_PLACES, archiveFactory } from "./support/archive-places.js";
import { currentContents } from "./support/filed.js";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };
const GOOD = join(REPO_ROOT, "fixtures", "good", "political.xlsx");
const QUARTER = join(REPO_ROOT, "fixtures", "demo", "2026Q3.xlsx");

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return runAssess(args, REPO_ROOT, env);
}

function json<T>(args: readonly string[], status: number): T {
  const done = run([...args, "--json"]);
  expect(done.status, done.stderr).toBe(status);
  return JSON.parse(done.stdout) as T;
}

interface ImportDoc {
  filings: { unit: string; year: number; quarter?: number; round?: string; state: string; digest: string; reason: string | null }[];
  problems: { code: string; sheet: string; message: string }[];
}

interface LogDoc {
  entries: Record<string, unknown>[];
  rounds: Record<string, unknown>[];
}

/** Every current round with its content and digest, read back through the archive's own reader. */
async function roundsOf(db: string): Promise<{ digest: string; content: unknown }[]> {
  const archive = await openArchive(resolveArchiveTarget(db));
  try {
    return await archive.read(async (q) => {
      const out = [];
      for (const row of await currentRounds(q, { fromYear: null, toYear: null, units: [] })) out.push({ digest: row.digest, content: await roundContentOf(q, row) });
      return out;
    });
  } finally {
    await archive.close();
  }
}

/** A log entry without what belongs to where and how it was filed (its number, time, action, package, supersession). */
function logContent(entry: Record<string, unknown>): Record<string, unknown> {
  const { id: _i, filedAt: _t, action: _a, packageFile: _p, supersedes: _s, supersededBy: _b, reason: _r, ...rest } = entry;
  return rest;
}

/** A second township's round (XZ02, its cadres GB11..GB13), as the political test makes one. */
async function secondTownship(file: string): Promise<void> {
  let sheets = replaceText(replaceText(politicalBaseWorkbook(), "XZ01", "XZ02"), "某县城关镇", "某县城南镇");
  for (const n of ["1", "2", "3"]) sheets = replaceText(sheets, `GB0${n}`, `GB1${n}`);
  await writeFile(file, await writeWorkbook(sheets));
}

/** The package as Excel would save it after a clerk typed into one cell (row 2 holds the headers). */
async function editInExcel(file: string, out: string, sheet: string, header: string, row: number, value: string | number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(file));
  const ws = workbook.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(2).eachCell((cell, c) => {
    if (cell.value === header) col = c;
  });
  expect(col).toBeGreaterThan(0);
  ws.getCell(row, col).value = value;
  await writeFile(out, Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(file));
  return workbook.worksheets.map((w) => w.name);
}

describe.each(ARCHIVE_PLACES)("备案 packages with political rounds, $name", (place) => {
  const fresh = archiveFactory(place, `pkgpol-${place.name}`);
  const dir = scratchFolder("assess-pkg-political-");

  /** An archive with the demo quarter, two townships' rounds, and XZ01's round replaced once. */
  async function sourceArchive(): Promise<string> {
    const db = await fresh();
    expect(run(["archive", "add", QUARTER, "--db", db]).status).toBe(0);
    const second = join(dir, `political-XZ02-${place.name}.xlsx`);
    await secondTownship(second);
    expect(run(["political", GOOD, second, "--db", db, "--out", join(dir, "p1"), "--force"]).status).toBe(0);
    const rules = join(dir, "bands.json");
    await writeFile(rules, JSON.stringify({ political: { bands: { 好: 99, 较好: 80, 一般: 60 } } }));
    const replaced = run(["political", GOOD, "--db", db, "--rules", rules, "--out", join(dir, "p2"), "--force", "--replace", "--reason", "复核后更正分数档"]);
    expect(replaced.status, replaced.stderr).toBe(0);
    return db;
  }

  it.runIf(place.runs)(`export, import into an empty archive: the same rounds, digests, 成长档案 and log; again: unchanged${place.note}`, async () => {
    const source = await sourceArchive();
    const pkg = join(dir, `全部-${place.name}.xlsx`);
    const exported = run(["archive", "export", "--db", source, "--out", pkg]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toContain("和 2 个政治测评");
    expect(await sheetNames(pkg)).toEqual(["归档记录", "人员结果", "加减分", "审定记录", "政治测评", "政治测评明细", "规则", "校验"]);

    const target = await fresh();
    const imported = json<ImportDoc>(["archive", "import", pkg, "--db", target], 0);
    const sourceRounds = await roundsOf(source);
    expect(sourceRounds).toHaveLength(2);
    expect(imported.filings.filter((f) => f.round !== undefined)).toEqual(
      sourceRounds.map(({ digest, content }) => {
        const c = content as { unit_code: string; year: number; round: string };
        return { unit: c.unit_code, year: c.year, round: c.round, state: "filed", digest, reason: null };
      }),
    );
    expect(imported.filings.filter((f) => f.quarter !== undefined).every((f) => f.state === "filed")).toBe(true);
    expect(await roundsOf(target)).toEqual(sourceRounds);
    expect((await currentContents(target)).map((f) => f.row.digest)).toEqual((await currentContents(source)).map((f) => f.row.digest));

    // The same 成长档案 for a cadre of each round and for a person of the quarter.
    for (const id of ["GB01", "GB11", "FG001"]) {
      const of = (db: string, out: string) => json<{ persons: unknown[] }>(["archive", "person", id, "--db", db, "--out", join(dir, out), "--force"], 0).persons;
      expect(of(target, "t"), id).toEqual(of(source, "s"));
    }

    // The same log content, but every entry an import from the package.
    const sourceLog = json<LogDoc>(["archive", "log", "--db", source], 0);
    const targetLog = json<LogDoc>(["archive", "log", "--db", target], 0);
    // In the order each archive filed them: the package's is by unit code.
    const byText = (a: unknown, b: unknown): number => JSON.stringify(a).localeCompare(JSON.stringify(b));
    const current = (entries: Record<string, unknown>[]) => entries.filter((e) => e.supersededBy === null).map(logContent).sort(byText);
    expect(sourceLog.rounds).toHaveLength(3);
    expect(targetLog.rounds.map(logContent).sort(byText)).toEqual(current(sourceLog.rounds));
    expect(targetLog.entries.map(logContent).sort(byText)).toEqual(current(sourceLog.entries));
    for (const e of [...targetLog.entries, ...targetLog.rounds]) expect([e.action, e.packageFile, e.supersedes]).toEqual(["imported", `全部-${place.name}.xlsx`, null]);

    const again = json<ImportDoc>(["archive", "import", pkg, "--db", target], 0);
    expect(again.filings.map((f) => f.state).every((s) => s === "unchanged")).toBe(true);
    expect(json<LogDoc>(["archive", "log", "--db", target], 0).rounds).toHaveLength(2);

    // The flags choose rounds as they choose filings: --unit by unit, --from/--to by year.
    const one = join(dir, `XZ02-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--unit", "XZ02", "--out", one]).status).toBe(0);
    expect(json<ImportDoc>(["archive", "import", one, "--db", await fresh()], 0).filings.map((f) => [f.unit, f.round])).toEqual([["XZ02", "2026年度领导班子和领导干部考核"]]);
    const later = join(dir, `2027-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--from", "2027Q1", "--out", later]).status).toBe(1);

    // A package without rounds has the sheets it always had, and imports.
    const quarters = join(dir, `FGW-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--unit", "FGW", "--out", quarters]).status).toBe(0);
    expect(await sheetNames(quarters)).toEqual(["归档记录", "人员结果", "加减分", "审定记录", "规则", "校验"]);
    const plain = json<ImportDoc>(["archive", "import", quarters, "--db", await fresh()], 0);
    expect(plain.filings.map((f) => [f.unit, f.quarter, f.state])).toEqual([["FGW", 3, "filed"]]);
  });

  it.runIf(place.runs)(`one cell of a political sheet edited: that round refused, nothing of it imported, the rest imported; a conflict needs --replace --reason${place.note}`, async () => {
    const source = await sourceArchive();
    const pkg = join(dir, `edit-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--out", pkg]).status).toBe(0);

    // Row 3 of 政治测评明细 is the first cadre of round 1 (XZ01, by unit code): its P typed over.
    const edited = join(dir, `edited-${place.name}.xlsx`);
    await editInExcel(pkg, edited, "政治测评明细", "正向测评得分", 3, 99.5);
    const target = await fresh();
    const doc = json<ImportDoc>(["archive", "import", edited, "--db", target], 1);
    expect(doc.filings.filter((f) => f.round !== undefined).map((f) => [f.unit, f.state])).toEqual([
      ["XZ01", "refused"],
      ["XZ02", "filed"],
    ]);
    expect(doc.filings.filter((f) => f.quarter !== undefined).every((f) => f.state === "filed")).toBe(true);
    expect(doc.problems.map((p) => p.code)).toEqual(["E_PACKAGE_DIGEST"]);
    expect(doc.problems[0]!.message).toContain("XZ01");
    expect((await roundsOf(target)).map((r) => (r.content as { unit_code: string }).unit_code)).toEqual(["XZ02"]);
    expect(json<LogDoc>(["archive", "log", "--db", target, "--person", "GB01"], 0).rounds).toEqual([]);

    // A cell that cannot be read as its column's kind refuses its round too.
    const garbled = join(dir, `garbled-${place.name}.xlsx`);
    await editInExcel(pkg, garbled, "政治测评明细", "待核实", 3, "也许");
    const g = json<ImportDoc>(["archive", "import", garbled, "--db", await fresh()], 1);
    expect(g.filings.filter((f) => f.round !== undefined).map((f) => f.state)).toEqual(["refused", "filed"]);
    expect(g.problems[0]).toMatchObject({ code: "E_PACKAGE_VALUE", sheet: "政治测评明细" });

    // Another round for XZ01 in this archive: the package's is a conflict, then replaces it with a reason.
    const other = await fresh();
    expect(run(["political", GOOD, "--db", other, "--out", join(dir, "p3"), "--force"]).status).toBe(0);
    const refused = json<ImportDoc>(["archive", "import", pkg, "--db", other], 1);
    expect(refused.filings.filter((f) => f.round !== undefined).map((f) => [f.unit, f.state])).toEqual([
      ["XZ01", "refused"],
      ["XZ02", "filed"],
    ]);
    expect(refused.problems.map((p) => p.code)).toEqual(["E_ARCHIVE_POLITICAL_FILED"]);
    expect(refused.problems[0]!.message).toContain("--replace");
    const replaced = json<ImportDoc>(["archive", "import", pkg, "--db", other, "--replace", "--reason", "以县级备案为准"], 0);
    expect(replaced.filings.filter((f) => f.round !== undefined).map((f) => [f.unit, f.state, f.reason])).toEqual([
      ["XZ01", "replaced", "以县级备案为准"],
      ["XZ02", "unchanged", "已归档，内容未变"],
    ]);
    expect((await roundsOf(other)).map((r) => r.digest)).toEqual((await roundsOf(source)).map((r) => r.digest));
    const log = json<LogDoc>(["archive", "log", "--db", other, "--unit", "XZ01"], 0).rounds;
    expect(log.map((e) => [e.action, e.supersedes, e.supersededBy, e.reason])).toEqual([
      ["filed", null, log[1]!.id, null],
      ["imported", log[0]!.id, null, "以县级备案为准"],
    ]);
  });
});
