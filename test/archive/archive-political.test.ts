// `assess political --db` in both places (political.md "With --db D"): the good evaluation fixture
// filed into an archive that already holds appraisal quarters, the cadre's 成长档案 showing the
// round (--json, .docx, .xlsx) with the values `political --json` reported, refiling unchanged,
// other content refused, --replace keeping both, units in error not filed; a person without a
// round shows none.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { openArchive } from "../../src/archive/open-archive.js";
import { resolveArchiveTarget } from "../../src/archive/target.js";
import { docxParagraphs, readXlsx } from "../support/read-office.js";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { ARCHIVE_PLACES, archiveFactory } from "./support/archive-places.js";
import { currentContents } from "./support/filed.js";
import { politicalBaseWorkbook } from "../support/political-workbook-data.mjs";
import { filterRows, replaceText, setCell } from "../support/workbook-data.mjs";
import { writeWorkbook } from "../support/write-workbook.mjs";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };
const GOOD = join(REPO_ROOT, "fixtures", "good", "political.xlsx");
const QUARTER = join(REPO_ROOT, "fixtures", "demo", "2026Q3.xlsx");

interface CadreJson {
  id: string;
  name: string;
  aspects: Record<string, number | null>;
  positive: number | null;
  flagged: { item: string; forms: number; rate: number }[];
  conclusion: string | null;
  pending: boolean;
  reasons: string[];
}
interface PoliticalJson {
  year: number;
  round: string;
  rulesSha256: string;
  units: { code: string; state: string; cadres: CadreJson[] }[];
  filings?: { unit: string; year: number; round: string; state: string; reason: string | null }[];
  problems: { code: string; message: string }[];
}
interface PersonJson {
  persons: {
    id: string;
    quarters: unknown[];
    political: { year: number; round: string; unit: string; positive: number | null; aspects: Record<string, number | null>; conclusion: string | null; pending: boolean; flagged: unknown[]; reasons: string[] }[];
  }[];
  written: string[];
}

function political(args: readonly string[], status: number): PoliticalJson {
  const done = runAssess(["political", ...args, "--json", "--force"], REPO_ROOT, env);
  expect(done.status, done.stderr).toBe(status);
  return JSON.parse(done.stdout) as PoliticalJson;
}

interface LogJson {
  entries: { unit: string }[];
  rounds: {
    id: number;
    filedAt: string;
    action: string;
    unit: string;
    year: number;
    round: string;
    digest: string;
    rulesSha256: string;
    files: string[];
    packageFile: string | null;
    supersedes: number | null;
    reason: string | null;
    supersededBy: number | null;
  }[];
}

function archiveLog(db: string, args: readonly string[]): LogJson {
  const done = runAssess(["archive", "log", "--db", db, ...args, "--json"], REPO_ROOT, env);
  expect(done.status, done.stderr).toBe(0);
  return JSON.parse(done.stdout) as LogJson;
}

function person(db: string, id: string, out: string): PersonJson {
  const done = runAssess(["archive", "person", id, "--db", db, "--out", out, "--force", "--json"], REPO_ROOT, env);
  expect(done.status, done.stderr).toBe(0);
  return JSON.parse(done.stdout) as PersonJson;
}

/** What the 成长档案 shows of a round, from what `political --json` said of the cadre. */
function expectedRound(doc: PoliticalJson, unit: string, cadre: CadreJson): PersonJson["persons"][number]["political"][number] {
  return {
    year: doc.year,
    round: doc.round,
    unit,
    positive: cadre.positive,
    aspects: cadre.aspects,
    conclusion: cadre.conclusion,
    pending: cadre.pending,
    flagged: cadre.flagged,
    reasons: cadre.reasons,
  };
}

async function roundRows(db: string): Promise<{ rounds: number; current: number; cadres: number }> {
  const archive = await openArchive(resolveArchiveTarget(db));
  try {
    const [row] = await archive.read((q) =>
      q.query<{ rounds: number; current: number; cadres: number }>(
        `SELECT (SELECT count(*)::integer FROM political_round) AS rounds, (SELECT count(*)::integer FROM current_political_round) AS current,
                (SELECT count(*)::integer FROM political_cadre) AS cadres`,
      ),
    );
    return row!;
  } finally {
    await archive.close();
  }
}

describe.each(ARCHIVE_PLACES)("political --db, $name", (place) => {
  const fresh = archiveFactory(place, `political-${place.name}`);
  const dir = scratchFolder("assess-political-db-");

  it.runIf(place.runs)(`files the round beside the quarters; the cadre's 成长档案 shows it; refiled unchanged; other content refused; --replace keeps both${place.note}`, async () => {
    const db = await fresh();
    expect(runAssess(["archive", "add", QUARTER, "--db", db], REPO_ROOT, env).status).toBe(0);
    const quartersBefore = await currentContents(db);

    // Filed, with the same outputs as without --db.
    const plain = runAssess(["political", GOOD, "--out", join(dir, "plain"), "--json"], REPO_ROOT, env);
    expect(plain.status).toBe(0);
    const first = political([GOOD, "--db", db, "--out", join(dir, "first")], 0);
    const plainDoc = JSON.parse(plain.stdout) as PoliticalJson;
    expect(first.units).toEqual(plainDoc.units);
    expect(plainDoc.filings).toBeUndefined();
    const unit = first.units[0]!;
    expect(first.filings).toEqual([{ unit: unit.code, year: first.year, round: first.round, state: "filed", reason: null }]);
    expect(await roundRows(db)).toEqual({ rounds: 1, current: 1, cadres: unit.cadres.length });
    expect(await currentContents(db)).toEqual(quartersBefore);

    // Each cadre's 成长档案 shows the round as political --json reported it.
    for (const cadre of unit.cadres) {
      const record = person(db, cadre.id, join(dir, "person"));
      expect(record.persons[0]!.political).toEqual([expectedRound(first, unit.code, cadre)]);
    }
    const flaggedCadre = unit.cadres.find((c) => c.flagged.length > 0)!;
    const record = person(db, flaggedCadre.id, join(dir, "docx"));
    const docx = record.written.find((f) => f.endsWith(".docx"))!;
    const text = (await docxParagraphs(await readFile(docx))).join("\n");
    expect(text).toContain("政治素质测评");
    expect(text).toContain(first.round);
    expect(text).toContain(flaggedCadre.positive!.toFixed(2));
    expect(text).toContain(flaggedCadre.flagged[0]!.item);
    for (const reason of flaggedCadre.reasons) expect(text).toContain(reason);
    const xlsx = await readXlsx(await readFile(record.written.find((f) => f.endsWith(".xlsx"))!));
    const rows = xlsx.getWorksheet("政治素质测评");
    expect(rows).toBeDefined();
    const cells = (rows!.getRow(3).values as unknown[]).map((v) => (typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v));
    expect(cells).toContain(first.round);
    expect(cells).toContain(flaggedCadre.positive);

    // A person of the quarters, without a round, shows none.
    const other = person(db, "FG001", join(dir, "other"));
    expect(other.persons[0]!.political).toEqual([]);
    expect(other.persons[0]!.quarters.length).toBeGreaterThan(0);
    const otherText = (await docxParagraphs(await readFile(other.written.find((f) => f.endsWith(".docx"))!))).join("\n");
    expect(otherText).not.toContain("政治素质测评");
    expect((await readXlsx(await readFile(other.written.find((f) => f.endsWith(".xlsx"))!))).getWorksheet("政治素质测评")).toBeUndefined();

    // The same content again: unchanged, nothing added.
    const again = political([GOOD, "--db", db, "--out", join(dir, "again")], 0);
    expect(again.filings!.map((f) => f.state)).toEqual(["unchanged"]);
    expect(await roundRows(db)).toEqual({ rounds: 1, current: 1, cadres: unit.cadres.length });

    // Other content (a higher lowest P for 好): refused, exit 1, the filed round kept.
    const rules = join(dir, "rules.json");
    await writeFile(rules, JSON.stringify({ political: { bands: { 好: 99, 较好: 80, 一般: 60 } } }));
    const refused = political([GOOD, "--db", db, "--rules", rules, "--out", join(dir, "refused")], 1);
    expect(refused.filings!.map((f) => f.state)).toEqual(["refused"]);
    expect(refused.problems.map((p) => p.code)).toEqual(["E_ARCHIVE_POLITICAL_FILED"]);
    expect(refused.problems[0]!.message).toContain("--replace");
    expect(refused.units[0]!.cadres).not.toEqual(unit.cadres);
    expect(await roundRows(db)).toEqual({ rounds: 1, current: 1, cadres: unit.cadres.length });

    // --replace --reason: the new round supersedes the old; both stay; the record shows the new one.
    const replaced = political([GOOD, "--db", db, "--rules", rules, "--out", join(dir, "replaced"), "--replace", "--reason", "复核后更正分数档"], 0);
    expect(replaced.filings).toEqual([{ unit: unit.code, year: first.year, round: first.round, state: "replaced", reason: "复核后更正分数档" }]);
    expect(await roundRows(db)).toEqual({ rounds: 2, current: 1, cadres: 2 * unit.cadres.length });
    const newCadre = replaced.units[0]!.cadres[0]!;
    expect(person(db, newCadre.id, join(dir, "person")).persons[0]!.political).toEqual([expectedRound(replaced, unit.code, newCadre)]);
    expect(await currentContents(db)).toEqual(quartersBefore);

    // archive log: the round's filing and its supersession, beside the quarters' filings.
    const log = archiveLog(db, []);
    expect(log.entries.map((e) => e.unit)).toEqual(quartersBefore.map((f) => f.row.unit_code));
    const [old, now] = log.rounds;
    expect(log.rounds.map((r) => [r.action, r.unit, r.year, r.round, r.files, r.rulesSha256, r.supersedes, r.supersededBy, r.reason, r.packageFile])).toEqual([
      ["filed", unit.code, first.year, first.round, ["political.xlsx"], first.rulesSha256, null, now!.id, null, null],
      ["replaced", unit.code, first.year, first.round, ["political.xlsx"], replaced.rulesSha256, old!.id, null, "复核后更正分数档", null],
    ]);
    expect(old!.rulesSha256).not.toBe(now!.rulesSha256);
    expect(old!.digest).not.toBe(now!.digest);
    expect(Date.parse(old!.filedAt)).toBeLessThanOrEqual(Date.parse(now!.filedAt));
    // --person: the rounds the person is in; --unit: that unit's.
    expect(archiveLog(db, ["--person", newCadre.id]).rounds.map((r) => r.id)).toEqual([old!.id, now!.id]);
    expect(archiveLog(db, ["--person", "FG001"]).rounds).toEqual([]);
    expect(archiveLog(db, ["--unit", unit.code])).toMatchObject({ entries: [], rounds: log.rounds });
    // The text: the quarters first (filed first), then the round and its replacement with the reason.
    const logText = runAssess(["archive", "log", "--db", db], REPO_ROOT, env);
    expect(logText.status, logText.stderr).toBe(0);
    const lines = logText.stderr.trim().split("\n");
    expect(lines).toHaveLength(log.entries.length + 2);
    expect(lines[lines.length - 2]).toMatch(new RegExp(`^政治测评第 ${old!.id} 号 .*归档  ${first.year}年“${first.round}”  ${unit.code} .*已被政治测评第 ${now!.id} 号替代.*规则 ${first.rulesSha256.slice(0, 12)}`));
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^政治测评第 ${now!.id} 号 .*替代  .*现行，替代政治测评第 ${old!.id} 号（复核后更正分数档）  文件 political.xlsx  摘要 ${now!.digest.slice(0, 12)}`));
  });

  it.runIf(place.runs)(`a unit in error, or without forms, is not filed and is listed, the others are; exit 1${place.note}`, async () => {
    const db = await fresh();
    // A second township whose 问题线索 names an item the rules lack (as fixtures/bad/political-item-code.xlsx).
    let sheets = setCell(politicalBaseWorkbook(), "问题线索", "E2", "反18");
    sheets = replaceText(replaceText(sheets, "XZ01", "XZ02"), "某县城关镇", "某县城南镇");
    for (const n of ["1", "2", "3"]) sheets = replaceText(sheets, `GB0${n}`, `GB1${n}`);
    const bad = join(dir, "political-XZ02.xlsx");
    await writeFile(bad, await writeWorkbook(sheets));
    // A third whose workbook holds problem information only (no form): not evaluated, not filed.
    let clues = filterRows(politicalBaseWorkbook(), "双向测评", (_, i) => i === 0);
    clues = replaceText(replaceText(clues, "XZ01", "XZ03"), "某县城关镇", "某县城北镇");
    for (const n of ["1", "2", "3"]) clues = replaceText(clues, `GB0${n}`, `GB3${n}`);
    const informationOnly = join(dir, "political-XZ03.xlsx");
    await writeFile(informationOnly, await writeWorkbook(clues));
    const doc = political([GOOD, bad, informationOnly, "--db", db, "--out", join(dir, "errors")], 1);
    expect(doc.units.map((u) => [u.code, u.state])).toEqual([
      ["XZ01", "final"],
      ["XZ02", "error"],
      ["XZ03", "final"],
    ]);
    expect(doc.filings!.map((f) => [f.unit, f.state])).toEqual([
      ["XZ01", "filed"],
      ["XZ02", "not-final"],
      ["XZ03", "not-evaluated"],
    ]);
    expect(doc.filings![1]!.reason).toContain("有错误");
    expect(await roundRows(db)).toEqual({ rounds: 1, current: 1, cadres: doc.units[0]!.cadres.length });
    const unknown = runAssess(["archive", "person", "GB11", "--db", db, "--out", join(dir, "unknown"), "--json"], REPO_ROOT, env);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain("E_ARCHIVE_PERSON_UNKNOWN");
  });
});
