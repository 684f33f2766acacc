// `assess template` through the built CLI (npm test builds first: tsc && vitest run): exit codes
// and what the clerk reads on stderr.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssessRun, runAssess } from "../support/run-assess.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): string => path.join(repoRoot, "fixtures/template", name);

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), "assess-template-cli-"));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function assess(...args: string[]): AssessRun {
  return runAssess(args, cwd);
}

describe("assess template", () => {
  it("writes a blank workbook into {年度}Q{季度}_模板 of the current folder (exit 0)", () => {
    const run = assess("template", "--year", "2026", "--quarter", "3");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("已生成 1 份填报工作簿");
    expect(existsSync(path.join(cwd, "2026Q3_模板", "2026Q3_填报.xlsx"))).toBe(true);
  });

  it("refuses to replace it without --force (exit 2)", () => {
    const run = assess("template", "--year", "2026", "--quarter", "3");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("已存在");
    expect(assess("template", "--year", "2026", "--quarter", "3", "--force").status).toBe(0);
  });

  it("writes one workbook per unit from a GBK roster (exit 0)", () => {
    const run = assess("template", "--units", fixture("units.csv"), "--roster", fixture("roster-gbk.csv"), "--year", "2026", "--quarter", "Q3", "--out", "units");
    expect(run.status).toBe(0);
    for (const name of ["2026Q3_A01_县发展和改革局_填报.xlsx", "2026Q3_A0101_县价格认证中心_填报.xlsx", "2026Q3_B02_县司法局_填报.xlsx"]) {
      expect(existsSync(path.join(cwd, "units", name)), name).toBe(true);
      expect(run.stderr).toContain(path.join("units", name));
    }
  });

  it("prints each bad row with its cell and skips its unit (exit 1)", () => {
    const run = assess("template", "--units", fixture("units.csv"), "--roster", fixture("bad-roster.csv"), "--out", "bad");
    expect(run.status).toBe(1);
    // The table shows the cell in its own column, then the message without it (problem-table.ts).
    expect(run.stderr).toMatch(/人员!G4 +E_CHOICE +在岗 +「考核状态」填写了“在岗”，应为以下之一：参加、不确定等次、不参加。/);
    expect(run.stderr).toContain("单位 A01 县发展和改革局：有错误，未生成填报工作簿。");
    expect(run.stderr).toContain("共 4 个错误、0 个警告。");
    expect(existsSync(path.join(cwd, "bad", "A0101_县价格认证中心_填报.xlsx"))).toBe(true);
    expect(existsSync(path.join(cwd, "bad", "A01_县发展和改革局_填报.xlsx"))).toBe(false);
  });

  it.each([
    [["--year", "2026"], "--year 和 --quarter 须同时给出"],
    [["--year", "2026", "--quarter", "5"], "--quarter 填写了“5”"],
    [["--roster", "no-such.csv"], "no-such.csv"],
    [["--unknown-flag"], "不认识选项 --unknown-flag"],
  ])("%j cannot run (exit 2)", (flags, message) => {
    const run = assess("template", ...flags);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
