// A county's round end to end (issue 13 "Scale"): 65 unit workbooks, 406 cadres, about 12,000
// forms (test/support/political-county.mjs) evaluated by `assess political --json`; the written
// unit workbook read back agrees with the JSON; LibreOffice converts a unit's portraits (one A4
// page per cadre) and the analysis report. Without soffice on PATH the LibreOffice part is skipped
// and says so, except in CI (process.env.CI), where its absence is a failure.

import { execFile } from "node:child_process";
import { accessSync, constants, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import { cellText } from "../../src/read/normalise-cell.js";
import { writeCountyRound } from "../support/political-county.mjs";
import { runAssess, scratchFolder } from "../support/run-assess.js";

function onPath(command: string): string | null {
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) {
    try {
      accessSync(path.join(folder, command), constants.X_OK);
      return path.join(folder, command);
    } catch {
      // not here
    }
  }
  return null;
}
const soffice = onPath("soffice");
const inCi = Boolean(process.env.CI);
const skipNote = soffice ? "" : inCi ? "（CI：PATH 上没有 soffice）" : "（已跳过：PATH 上没有 soffice，安装 LibreOffice 后才能运行）";

const pageCount = (pdf: Buffer): number => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

interface CadreJson {
  id: string;
  name: string;
  positive: number;
  conclusion: string;
  pending: boolean;
}

describe("a county round: 65 units, 406 cadres", () => {
  const scratch = scratchFolder("assess-political-county-");
  const input = path.join(scratch, "county");
  const out = path.join(scratch, "out");
  let doc: { units: { code: string; name: string; state: string; cadres: CadreJson[] }[]; problems: unknown[] };
  let status: number | null = null;
  let generated = { units: 0, cadres: 0, forms: 0 };

  beforeAll(async () => {
    generated = await writeCountyRound(input);
    const run = runAssess(["political", input, "--out", out, "--json"], scratch);
    status = run.status;
    doc = JSON.parse(run.stdout);
  }, 240_000);

  it("evaluates every unit and cadre and writes every file", () => {
    expect(generated).toEqual({ units: 65, cadres: 406, forms: 406 * 30 });
    expect(status).toBe(0);
    expect(doc.problems).toEqual([]);
    expect(doc.units.length).toBe(65);
    expect(doc.units.flatMap((u) => u.cadres).length).toBe(406);
    // 65 workbooks and 65 portrait files, the report and the problem summary
    expect(readdirSync(out).length).toBe(65 * 2 + 2);
  });

  it("the unit's written workbook, read back, agrees with the JSON", async () => {
    const unit = doc.units.find((u) => u.code === "XZ01")!;
    const file = path.join(out, `2026_XZ01_${unit.name}_政治素质测评.xlsx`);
    const read = await readWorkbookFile(file, file, { maxInflatedBytes: 64 * 1024 * 1024 });
    if (read.value === null) throw new Error(read.problems[0]!.message);
    const sheet = read.value.sheets.find((s) => s.name === "结果")!;
    // titles in rows 1-2, the header in row 3: 人员编号 B, 姓名 C, 正向得分 G, 综合研判 (column 25), 待核实 (26)
    const header = Array.from({ length: sheet.columnCount }, (_, i) => cellText(sheet.cell(3, i + 1)));
    const col = (name: string): number => header.indexOf(name) + 1;
    const rows = unit.cadres.map((_, i) => 4 + i);
    expect(rows.map((r) => cellText(sheet.cell(r, col("人员编号"))))).toEqual(unit.cadres.map((c) => c.id));
    expect(rows.map((r) => Number(cellText(sheet.cell(r, col("正向得分")))))).toEqual(unit.cadres.map((c) => c.positive));
    expect(rows.map((r) => cellText(sheet.cell(r, col("综合研判"))))).toEqual(unit.cadres.map((c) => c.conclusion));
    expect(rows.map((r) => cellText(sheet.cell(r, col("待核实"))) === "待核实")).toEqual(unit.cadres.map((c) => c.pending));
  });

  it.skipIf(!soffice && !inCi)(`LibreOffice converts a unit's portraits (one page per cadre) and the report${skipNote}`, async () => {
    if (!soffice) throw new Error("CI 上必须安装 LibreOffice（soffice 不在 PATH 上），见 .ci/run。");
    const unit = doc.units.find((u) => u.code === "XZ01")!;
    const portraits = path.join(out, `2026_XZ01_${unit.name}_政治素质画像.docx`);
    const report = path.join(out, "2026_2026年度领导班子和领导干部考核_综合分析报告.docx");
    const pdfDir = path.join(scratch, "pdf");
    const profile = pathToFileURL(path.join(scratch, "profile")).href;
    await promisify(execFile)(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdfDir, portraits, report], {
      timeout: 180_000,
    });
    const pdf = (file: string) => readFile(path.join(pdfDir, path.basename(file).replace(/\.docx$/, ".pdf")));
    expect(pageCount(await pdf(portraits))).toBe(unit.cadres.length);
    const reportPages = pageCount(await pdf(report));
    expect(reportPages).toBeGreaterThan(2);
    expect(reportPages).toBeLessThan(20);
  }, 240_000);
});
