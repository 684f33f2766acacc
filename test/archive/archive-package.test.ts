// 备案 packages in both places (archive.md "备案 packages"): export then import into an empty
// archive gives the same filings, digests and lists; importing again changes nothing; a filing
// edited by hand in Excel is refused whole while the others are imported; a workbook that is not
// a package is refused; another content for the same unit and quarter is a conflict unless
// replaced.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { ARCHIVE_PLACES, archiveFactory } from "./support/archive-places.js";
import { currentContents } from "./support/filed.js";
import { HOSTILE_NAMES, HOSTILE_UNIT_NAME, writeMultiUnitWorkbook } from "./support/generated-workbooks.js";

// Each case runs the tool several times, and an embedded archive takes seconds to open on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

const env = { ...process.env, ASSESS_DB: "" };

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runAssess(args, REPO_ROOT, env);
}

interface ImportDoc {
  filings: { unit: string; year: number; quarter: number; state: string; digest: string | null }[];
  problems: { code: string; sheet: string; message: string }[];
}

function importJson(files: string[], db: string, extra: string[] = []): { status: number | null; doc: ImportDoc } {
  const r = run(["archive", "import", ...files, "--db", db, "--json", ...extra]);
  expect(r.stdout, r.stderr).not.toBe("");
  return { status: r.status, doc: JSON.parse(r.stdout) as ImportDoc };
}

/** What a filing is, without where and when it was filed. */
async function filingsOf(db: string): Promise<unknown[]> {
  return (await currentContents(db)).map(({ row, content }) => ({ digest: row.digest, content }));
}

/** A list as `archive list KIND --json` prints it, without the file it wrote. */
function listJson(db: string, kind: string, out: string): unknown {
  const r = run(["archive", "list", kind, "--db", db, "--json", "--out", out, "--force"]);
  expect(r.status, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  return { list: doc.list, from: doc.from, to: doc.to, rows: doc.rows };
}

/** The package as Excel would save it after a clerk typed into one cell (exceljs reads and writes it again). */
async function editInExcel(file: string, out: string, sheet: string, header: string, row: number, value: string | number | null): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(file));
  const ws = workbook.getWorksheet(sheet)!;
  if (value !== null) {
    const headerRow = ws.getRow(2);
    let col = 0;
    headerRow.eachCell((cell, c) => {
      if (cell.value === header) col = c;
    });
    expect(col).toBeGreaterThan(0);
    ws.getCell(row, col).value = value;
  }
  await writeFile(out, Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe.each(ARCHIVE_PLACES)("备案 packages, $name", (place) => {
  const fresh = archiveFactory(place, `pkg-${place.name}`);
  const dir = scratchFolder("assess-pkg-");

  it.runIf(place.runs)(`export, import into an empty archive: the same filings, digests and lists; again: unchanged${place.note}`, async () => {
    const source = await fresh();
    for (const files of [["2026Q1.xlsx"], ["2026Q2.xlsx"], ["2026Q3.xlsx"]]) {
      expect(run(["archive", "add", ...files.map((f) => `fixtures/annual/${f}`), "--db", source]).status).toBe(0);
    }
    const multi = join(dir, `multi-${place.name}.xlsx`);
    await writeMultiUnitWorkbook(multi, [{ code: "SWX", name: HOSTILE_UNIT_NAME, persons: HOSTILE_NAMES.length }], { nameOf: (_u, i) => HOSTILE_NAMES[i - 1]! });
    expect(run(["archive", "add", multi, "--db", source]).status).toBe(0);
    // A replaced filing: only the current one is exported.
    expect(run(["archive", "add", "fixtures/annual/pending/2026Q3.xlsx", "--db", source, "--replace", "--reason", "第三季度复核"]).status).toBe(1);

    const pkg = join(dir, `全部-${place.name}.xlsx`);
    const exported = run(["archive", "export", "--db", source, "--out", pkg]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(run(["archive", "export", "--db", source, "--out", pkg]).status).toBe(2);

    const target = await fresh();
    const imported = importJson([pkg], target);
    expect(imported.status).toBe(0);
    const before = await filingsOf(source);
    expect(imported.doc.filings).toHaveLength(before.length);
    expect(imported.doc.filings.every((f) => f.state === "filed")).toBe(true);
    expect(await filingsOf(target)).toEqual(before);
    for (const kind of ["good", "weak", "veto", "missing"]) {
      expect(listJson(target, kind, join(dir, `t-${kind}.xlsx`)), kind).toEqual(listJson(source, kind, join(dir, `s-${kind}.xlsx`)));
    }

    const again = importJson([pkg], target);
    expect(again.status).toBe(0);
    expect(again.doc.filings.every((f) => f.state === "unchanged")).toBe(true);
    const logRun = run(["archive", "log", "--db", target, "--json"]);
    expect(logRun.status, logRun.stderr).toBe(0);
    const log = JSON.parse(logRun.stdout) as { entries: { action: string; packageFile: string }[] };
    expect(log.entries).toHaveLength(before.length);
    expect(log.entries.every((e) => e.action === "imported" && e.packageFile === `全部-${place.name}.xlsx`)).toBe(true);

    // --unit and --from/--to choose filings.
    const some = join(dir, `CZJ-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--unit", "CZJ", "--from", "2026Q2", "--to", "2026Q3", "--out", some]).status).toBe(0);
    const one = await fresh();
    expect(importJson([some], one).doc.filings.map((f) => [f.unit, f.quarter])).toEqual([
      ["CZJ", 2],
      ["CZJ", 3],
    ]);
  });

  it.runIf(place.runs)(`a filing edited by hand is refused whole, the others imported; a re-save without edits imports; not a package: refused${place.note}`, async () => {
    const source = await fresh();
    expect(run(["archive", "add", "fixtures/demo/2026Q3.xlsx", "--db", source]).status).toBe(0);
    const pkg = join(dir, `demo-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", source, "--out", pkg]).status).toBe(0);

    const resaved = join(dir, `resaved-${place.name}.xlsx`);
    await editInExcel(pkg, resaved, "人员结果", "综合得分", 3, null);
    const clean = await fresh();
    expect(importJson([resaved], clean).status).toBe(0);

    // Row 4 of 人员结果 is the second person of filing 1 (FGW): 94.10 typed over as 99.
    const edited = join(dir, `edited-${place.name}.xlsx`);
    await editInExcel(pkg, edited, "人员结果", "综合得分", 4, 99);
    const target = await fresh();
    const imported = importJson([edited], target);
    expect(imported.status).toBe(1);
    expect(imported.doc.filings.map((f) => [f.unit, f.state])).toEqual([
      ["FGW", "refused"],
      ["TJJ", "filed"],
    ]);
    expect(imported.doc.problems.map((p) => p.code)).toEqual(["E_PACKAGE_DIGEST"]);
    expect(imported.doc.problems[0]!.message).toContain("SHA-256 不符");
    expect((await currentContents(target)).map((f) => f.row.unit_code)).toEqual(["TJJ"]);

    // A cell that cannot be read as its column's kind refuses its filing too.
    const garbled = join(dir, `garbled-${place.name}.xlsx`);
    await editInExcel(pkg, garbled, "人员结果", "综合得分", 4, "九十四");
    const third = await fresh();
    const g = importJson([garbled], third);
    expect(g.doc.filings.map((f) => f.state)).toEqual(["refused", "filed"]);
    expect(g.doc.problems[0]).toMatchObject({ code: "E_PACKAGE_VALUE", sheet: "人员结果" });

    const notPackage = run(["archive", "import", "fixtures/demo/2026Q3.xlsx", "--db", target]);
    expect(notPackage.status).toBe(2);
    expect(notPackage.stderr).toContain("不是 assess 导出的备案包");
    const text = join(dir, "假的.xlsx");
    await writeFile(text, "这不是工作簿");
    expect(run(["archive", "import", text, "--db", target]).status).toBe(2);
    expect((await currentContents(target)).map((f) => f.row.unit_code)).toEqual(["TJJ"]);
  });

  it.runIf(place.runs)(`the same unit and quarter with another digest: refused unless --replace --reason${place.note}`, async () => {
    const unit = [{ code: "ZZB", name: "某县委组织部", persons: 4 }];
    const a = join(dir, `a-${place.name}.xlsx`);
    const b = join(dir, `b-${place.name}.xlsx`);
    await writeMultiUnitWorkbook(a, unit, { seed: 0 });
    await writeMultiUnitWorkbook(b, unit, { seed: 1 });
    const county = await fresh();
    const city = await fresh();
    expect(run(["archive", "add", a, "--db", county]).status).toBe(0);
    expect(run(["archive", "add", b, "--db", city]).status).toBe(0);
    const pkg = join(dir, `county-${place.name}.xlsx`);
    expect(run(["archive", "export", "--db", county, "--out", pkg]).status).toBe(0);

    const refused = importJson([pkg], city);
    expect(refused.status).toBe(1);
    expect(refused.doc.filings.map((f) => f.state)).toEqual(["refused"]);
    expect(refused.doc.problems.map((p) => p.code)).toEqual(["E_ARCHIVE_FILED"]);
    const replaced = importJson([pkg], city, ["--replace", "--reason", "以县级备案为准"]);
    expect(replaced.status).toBe(0);
    expect(replaced.doc.filings.map((f) => f.state)).toEqual(["replaced"]);
    const [current] = await currentContents(city);
    expect(current!.row.digest).toBe(replaced.doc.filings[0]!.digest);
    expect(current!.row.replace_reason).toBe("以县级备案为准");
  });
});
