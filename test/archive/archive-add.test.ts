// `assess archive add` in both places (archive.md "Filing"): what is filed is what `grade --json`
// reports for the same inputs and rules, field by field (the demo, the annual fixtures, a
// generated multi-unit workbook with hostile names); the same content again changes nothing;
// other content is refused unless replaced, and replacing keeps both; names that changed warn;
// units not final are not filed.

import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { ARCHIVE_PLACES, archiveFactory } from "./support/archive-places.js";
import { countRows, currentContents, type Filed } from "./support/filed.js";
import type { GradeDocument } from "./support/grade-document.js";
import {
  HOSTILE_DEPARTMENT,
  HOSTILE_NAMES,
  HOSTILE_REASON,
  HOSTILE_UNIT_NAME,
  writeMultiUnitWorkbook,
  type GeneratedUnit,
} from "./support/generated-workbooks.js";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };

function gradeJson(paths: string[], out: string, extra: string[] = []): GradeDocument {
  const run = runAssess(["grade", ...paths, "--out", out, "--json", "--force", ...extra], REPO_ROOT, env);
  expect(run.status, run.stderr).not.toBe(2);
  return JSON.parse(run.stdout) as GradeDocument;
}

function addJson(paths: string[], db: string, extra: string[] = []): { status: number | null; doc: { filings: { unit: string; state: string; reason: string | null; digest: string | null }[]; problems: { code: string; message: string; severity: string }[] } } {
  const run = runAssess(["archive", "add", ...paths, "--db", db, "--json", ...extra], REPO_ROOT, env);
  expect(run.status, run.stderr).not.toBe(2);
  return { status: run.status, doc: JSON.parse(run.stdout) };
}

/** A filed numeric column as grade --json prints it: exactly two decimals, the same number. */
function filedNumber(text: string | null): number | null {
  if (text === null) return null;
  expect(text).toMatch(/^-?\d+\.\d\d$/);
  return Number(text);
}

/** Every field grade --json reports, of every final unit, against what the archive holds. */
function expectFiledAsGraded(graded: GradeDocument, filed: readonly Filed[]): void {
  const finals = graded.units.filter((u) => u.state === "final");
  expect(finals.length).toBeGreaterThan(0);
  for (const unit of finals) {
    const match = filed.filter((f) => f.row.unit_code === unit.code && f.row.year === graded.year && f.row.quarter === graded.quarter);
    expect(match, `${unit.code} filed once`).toHaveLength(1);
    const { content } = match[0]!;
    expect({ name: content.unit_name, pool: content.pool_code, n: content.n, quota: content.quota, counts: content.counts, rules: content.rules_sha256 }).toEqual({
      name: unit.name,
      pool: unit.pool,
      n: unit.n,
      quota: unit.quota,
      counts: unit.counts,
      rules: graded.rulesSha256,
    });
    expect(content.persons.map((p) => p.person_id)).toEqual(unit.persons.map((p) => p.id));
    content.persons.forEach((p, i) => {
      const g = unit.persons[i]!;
      expect({
        id: p.person_id,
        name: p.name,
        department: p.department,
        status: p.kind === "领导成员" ? p.kind : p.status,
        individual: filedNumber(p.individual),
        common: filedNumber(p.common),
        bonus: filedNumber(p.bonus),
        deduction: filedNumber(p.deduction),
        score: filedNumber(p.score),
        band: p.band,
        grade: p.grade,
        reasons: p.reasons,
      }).toEqual(g);
    });
  }
}

const MULTI: GeneratedUnit[] = [
  { code: "CZJ", name: "某县财政局", persons: 7 },
  { code: "CZS", name: "某县财政局乡镇所", parent: "CZJ", persons: 3 },
  { code: "SWJ", name: HOSTILE_UNIT_NAME, persons: HOSTILE_NAMES.length },
  { code: "ZZB", name: "某县委组织部", persons: 5 },
];
const hostile = {
  nameOf: (u: GeneratedUnit, i: number) => (u.code === "SWJ" ? HOSTILE_NAMES[i - 1]! : `人员${u.code}${i}`),
  departmentOf: (u: GeneratedUnit, i: number) => (u.code === "SWJ" && i === 2 ? HOSTILE_DEPARTMENT : "综合科"),
  eventReason: (u: GeneratedUnit) => (u.code === "SWJ" ? HOSTILE_REASON : "获市级表彰"),
};

describe.each(ARCHIVE_PLACES)("archive add, $name", (place) => {
  const fresh = archiveFactory(place, `add-${place.name}`);
  const dir = scratchFolder("assess-add-");

  it.runIf(place.runs)(`the demo is filed as grade --json reports it; again: 已归档，内容未变${place.note}`, async () => {
    const db = await fresh();
    const demo = "fixtures/demo/2026Q3.xlsx";
    const graded = gradeJson([demo], join(dir, "demo-out"));
    const added = addJson([demo], db);
    expect(added.status).toBe(0);
    expect(added.doc.filings.map((f) => [f.unit, f.state])).toEqual([
      ["FGW", "filed"],
      ["TJJ", "filed"],
    ]);
    const filed = await currentContents(db);
    expectFiledAsGraded(graded, filed);
    // Events, changes and work summaries are filed with the persons (the demo has 4 events).
    expect(filed.flatMap((f) => f.content.events.map((e) => [e.person_id, e.kind, e.points, e.event_date]))).toEqual([
      ["FG004", "加分", "1.00", "2026-09-05"],
      ["FG009", "限好", null, "2026-08-25"],
      ["FG010", "加分", "2.00", "2026-09-18"],
      ["TJ007", "减分", "1.00", "2026-07-10"],
    ]);
    const liu = filed[0]!.content.persons.find((p) => p.person_id === "FG002")!;
    // The demo's 刘洋 now has four work items (the monthly demo adds a 9月 one): three done, one in progress.
    expect(liu.work).toEqual({ total: 4, done: 3, inProgress: 1, unfinished: 0, open: [{ item: "推进机关档案数字化整理", state: "推进中", reason: "档案扫描服务合同9月下旬才签订，预计11月完成" }] });
    expect([liu.comment, liu.goal]).toEqual(["统筹协调有力，办文办会规范高效。", "加快机关档案数字化进度。"]);
    expect(filed[0]!.row.inputs).toEqual([{ file: "2026Q3.xlsx", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const again = runAssess(["archive", "add", demo, "--db", db], REPO_ROOT, env);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain("已归档，内容未变");
    expect(await countRows(db, "filing")).toBe(2);
  });

  it.runIf(place.runs)(`the annual fixtures' quarters are filed as grade --json reports each${place.note}`, async () => {
    const db = await fresh();
    const quarters = [["2026Q1.xlsx"], ["2026Q2.xlsx"], ["2026Q3.xlsx"], ["2026Q4_商务局.xlsx", "2026Q4_财政局.xlsx"]].map((files) => files.map((f) => `fixtures/annual/${f}`));
    for (const [i, files] of quarters.entries()) {
      const graded = gradeJson(files, join(dir, `annual-${i}`));
      expect(addJson(files, db).status).toBe(0);
      expectFiledAsGraded(graded, await currentContents(db));
    }
    expect(await countRows(db, "filing")).toBe(8);
  });

  it.runIf(place.runs)(`a generated multi-unit workbook with quotes, semicolons and SQL in its names round-trips unchanged${place.note}`, async () => {
    const db = await fresh();
    const file = join(dir, `多单位-${place.name}.xlsx`);
    await writeMultiUnitWorkbook(file, MULTI, hostile);
    const graded = gradeJson([file], join(dir, "multi-out"));
    expect(addJson([file], db).status).toBe(0);
    const filed = await currentContents(db);
    expectFiledAsGraded(graded, filed);
    const swj = filed.find((f) => f.row.unit_code === "SWJ")!;
    expect(swj.content.unit_name).toBe(HOSTILE_UNIT_NAME);
    expect(swj.content.persons.map((p) => p.name)).toEqual(HOSTILE_NAMES);
    expect(swj.content.persons[1]!.department).toBe(HOSTILE_DEPARTMENT);
    expect(swj.content.events[0]!.reason).toBe(HOSTILE_REASON);
    expect(await countRows(db, "filing_event")).toBe(MULTI.length * 2);
    // The log reads the names back unchanged too.
    const log = runAssess(["archive", "log", "--unit", "SWJ", "--db", db, "--json"], REPO_ROOT, env);
    expect(JSON.parse(log.stdout).entries.map((e: { name: string }) => e.name)).toEqual([HOSTILE_UNIT_NAME]);
    const byPerson = runAssess(["archive", "log", "--person", "SWJ003", "--db", db, "--json"], REPO_ROOT, env);
    expect(JSON.parse(byPerson.stdout).entries.map((e: { unit: string }) => e.unit)).toEqual(["SWJ"]);
  });

  it.runIf(place.runs)(`other content is refused (E_ARCHIVE_FILED) unless --replace --reason, which keeps both${place.note}`, async () => {
    const db = await fresh();
    const units = [MULTI[0]!, MULTI[3]!];
    const first = join(dir, `first-${place.name}.xlsx`);
    const second = join(dir, `second-${place.name}.xlsx`);
    await writeMultiUnitWorkbook(first, units, { seed: 0 });
    await writeMultiUnitWorkbook(second, units, { seed: 1 });
    expect(addJson([first], db).status).toBe(0);
    const before = await currentContents(db);

    const refused = addJson([second], db);
    expect(refused.status).toBe(1);
    expect(refused.doc.filings.map((f) => [f.unit, f.state])).toEqual([
      ["CZJ", "refused"],
      ["ZZB", "refused"],
    ]);
    const problem = refused.doc.problems.find((p) => p.code === "E_ARCHIVE_FILED")!;
    expect(problem.message).toContain(before[0]!.row.filed_at);
    expect(problem.message).toContain(`first-${place.name}.xlsx`);
    expect(problem.message).toContain(before[0]!.row.rules_sha256);
    expect(problem.message).toContain("--replace --reason");
    expect(await currentContents(db)).toEqual(before);

    const usage = runAssess(["archive", "add", second, "--db", db, "--replace"], REPO_ROOT, env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--reason");

    const replaced = addJson([second], db, ["--replace", "--reason", "复核后更正'分数'; --"]);
    expect(replaced.status).toBe(0);
    expect(replaced.doc.filings.map((f) => [f.unit, f.state])).toEqual([
      ["CZJ", "replaced"],
      ["ZZB", "replaced"],
    ]);
    const after = await currentContents(db);
    expect(after.map((f) => f.row.supersedes)).toEqual(before.map((f) => f.row.id));
    expect(after.map((f) => f.row.replace_reason)).toEqual(["复核后更正'分数'; --", "复核后更正'分数'; --"]);
    expect(after[0]!.row.inputs[0]!.file).toBe(`second-${place.name}.xlsx`);

    const log = JSON.parse(runAssess(["archive", "log", "--unit", "CZJ", "--db", db, "--json"], REPO_ROOT, env).stdout);
    expect(log.entries.map((e: { action: string; supersededBy: number | null; supersedes: number | null }) => [e.action, e.supersedes, e.supersededBy])).toEqual([
      ["filed", null, after[0]!.row.id],
      ["replaced", before[0]!.row.id, null],
    ]);
    // Filing the replaced content again is the same content: unchanged.
    const same = addJson([second], db);
    expect(same.doc.filings.every((f) => f.state === "unchanged")).toBe(true);
  });

  it.runIf(place.runs)(`a 人员编号 filed before under another 姓名 warns (W_ARCHIVE_NAME); numbers are the identity${place.note}`, async () => {
    const db = await fresh();
    const q2 = join(dir, `q2-${place.name}.xlsx`);
    const q3 = join(dir, `q3-${place.name}.xlsx`);
    const unit = [{ code: "ZZB", name: "某县委组织部", persons: 4 }];
    await writeMultiUnitWorkbook(q2, unit, { quarter: 2, nameOf: (u, i) => `人员${u.code}${i}` });
    await writeMultiUnitWorkbook(q3, unit, { quarter: 3, nameOf: (u, i) => (i === 2 ? "改名后" : `人员${u.code}${i}`) });
    expect(addJson([q2], db).status).toBe(0);
    const added = addJson([q3], db);
    expect(added.status).toBe(0);
    const warnings = added.doc.problems.filter((p) => p.code === "W_ARCHIVE_NAME");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe("警告");
    expect(warnings[0]!.message).toContain("ZZB002");
    expect(warnings[0]!.message).toContain("人员ZZB2");
    expect(warnings[0]!.message).toContain("改名后");
  });

  it.runIf(place.runs)(`units in draft or in error are not filed, with why; the others are (exit 1)${place.note}`, async () => {
    const db = await fresh();
    const draft = addJson(["fixtures/annual/pending/2026Q3.xlsx"], db);
    expect(draft.status).toBe(1);
    const states = Object.fromEntries(draft.doc.filings.map((f) => [f.unit, [f.state, f.reason]]));
    expect(states.SWJ).toEqual(["not-final", expect.stringContaining("待定")]);
    expect(states.CZJ?.[0]).toBe("filed");
    const bad = join(dir, `bad-${place.name}.xlsx`);
    await copyFile(join(REPO_ROOT, "fixtures/bad/score-blank.xlsx"), bad);
    const error = addJson([bad], db);
    expect(error.status).toBe(1);
    expect(error.doc.filings.map((f) => [f.state, f.reason])).toEqual([["not-final", expect.stringContaining("有错误")]]);
    expect((await currentContents(db)).map((f) => f.row.unit_code)).toEqual(["CZJ"]);
  });
});
