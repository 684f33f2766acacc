// `assess grade FOLDER` when one workbook of the folder is broken (issue 5; outputs.md "Exit
// codes": 1 when some workbook cannot be read or some unit has an input error, "the others were
// written"). Through bin/assess.js (npm test builds first), with worker threads (--jobs 2) and
// without (--jobs 1).
//
// The folder holds 某县档案馆 (DAJ) and 某县审计局 (SJJ), both valid (test/support/workbook-data.mjs,
// the base workbook: 3 graded persons each), and between them, by name, a third workbook that is
// either cut off half way (a download that stopped: it cannot be read, so it has no unit) or
// valid but for one score written in words (its unit 某县卫生健康局, WSJ, has an input error).

import { writeFileSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import { grade as gradeRun } from "../../src/commands/grade.js";
import { readXlsx, sheet } from "../support/read-office.js";
import { runAssess, scratchFolder } from "../support/run-assess.js";
import { baseWorkbook, renamedUnit, setCell } from "../support/workbook-data.mjs";
import { writeWorkbook } from "../support/write-workbook.mjs";

vi.setConfig({ testTimeout: 120_000 });

const scratch = scratchFolder("assess-folder-run-");

type ThirdWorkbook = "cut off" | "score in words";

/** `季度/` (relative to the run's folder, as a clerk would type it) with the three workbooks. */
async function folder(name: string, third: ThirdWorkbook): Promise<string> {
  const dir = join(scratch, name, "季度");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "a-档案馆.xlsx"), await writeWorkbook(baseWorkbook()));
  const health = await writeWorkbook(renamedUnit("WSJ", "某县卫生健康局", "WS"));
  const broken =
    third === "cut off"
      ? health.subarray(0, Math.floor(health.length / 2))
      : await writeWorkbook(setCell(renamedUnit("WSJ", "某县卫生健康局", "WS"), "个性评分", "D3", "九十"));
  await writeFile(join(dir, "b-卫健局.xlsx"), broken);
  await writeFile(join(dir, "c-审计局.xlsx"), await writeWorkbook(renamedUnit("SJJ", "某县审计局", "SJ")));
  return join(scratch, name);
}

interface JsonDocument {
  units: { code: string; state: string }[];
  problems: { severity: string; code: string; file: string; sheet: string; cell: string; message: string }[];
  written: string[];
}

function grade(cwd: string, jobs: number): { status: number | null; json: JsonDocument; stderr: string } {
  const run = runAssess(["grade", "季度", "--out", "结果", "--json", "--jobs", String(jobs)], cwd, { ...process.env, FORCE_COLOR: "0" });
  return { status: run.status, json: JSON.parse(run.stdout) as JsonDocument, stderr: run.stderr };
}

const GOOD_FILES = [
  "2026Q3_DAJ_某县档案馆_公示.docx",
  "2026Q3_DAJ_某县档案馆_反馈单.docx",
  "2026Q3_DAJ_某县档案馆_结果.xlsx",
  "2026Q3_SJJ_某县审计局_公示.docx",
  "2026Q3_SJJ_某县审计局_反馈单.docx",
  "2026Q3_SJJ_某县审计局_结果.xlsx",
  "2026Q3_汇总.xlsx",
];

/** The run when 卫健局 (WSJ) is not graded: its state in the JSON, and the 汇总 rows. */
const HEALTH_IN_ERROR = {
  states: [
    ["DAJ", "final"],
    ["WSJ", "error"],
    ["SJJ", "final"],
  ],
  summary: [
    ["DAJ", "某县档案馆", "完成"],
    ["WSJ", "某县卫生健康局", "错误"],
    ["SJJ", "某县审计局", "完成"],
    ["合计", "3个单位", null],
  ],
};

/** The 汇总 sheet's rows below its title and header, to the 合计 row: code, name and 状态 (column 15). */
function summaryRows(workbook: ExcelJS.Workbook): [unknown, unknown, unknown][] {
  const rows: [unknown, unknown, unknown][] = [];
  let total = false;
  sheet(workbook, "汇总").eachRow((row, n) => {
    if (n <= 2 || total) return;
    rows.push([row.getCell(1).value, row.getCell(2).value, row.getCell(15).value]);
    total = row.getCell(1).value === "合计";
  });
  return rows;
}

/** The 问题 sheet's rows: 规则代码 and 文件. */
function problemRows(workbook: ExcelJS.Workbook): [unknown, unknown][] {
  const rows: [unknown, unknown][] = [];
  sheet(workbook, "问题").eachRow((row, n) => {
    if (n > 2) rows.push([row.getCell(2).value, row.getCell(3).value]);
  });
  return rows;
}

describe.each([2, 1])("a folder with one broken workbook and two good ones, --jobs %i", (jobs) => {
  it("a workbook cut off half way: the two good units are written, the file is reported, exit 1", async () => {
    const cwd = await folder(`cut-${jobs}`, "cut off");
    const run = grade(cwd, jobs);
    expect(run.status).toBe(1);
    // The cut-off file has no unit: it is not in the list, it is a problem of its own.
    expect(run.json.units.map((u) => [u.code, u.state])).toEqual([
      ["DAJ", "final"],
      ["SJJ", "final"],
    ]);
    expect(run.json.problems.map((p) => [p.severity, p.code, p.file, p.sheet])).toEqual([["错误", "E_FILE_CORRUPT", join("季度", "b-卫健局.xlsx"), ""]]);
    expect(run.json.problems[0]?.message).toContain("请重新下载");
    expect((await readdir(join(cwd, "结果"))).sort()).toEqual(GOOD_FILES);

    const summary = await readXlsx(await readFile(join(cwd, "结果", "2026Q3_汇总.xlsx")));
    expect(summaryRows(summary)).toEqual([
      ["DAJ", "某县档案馆", "完成"],
      ["SJJ", "某县审计局", "完成"],
      ["合计", "2个单位", null],
    ]);
    expect(problemRows(summary)).toEqual([["E_FILE_CORRUPT", join("季度", "b-卫健局.xlsx")]]);
  });

  it("a workbook with an input error: its unit is 错误 and not written, the others are, exit 1", async () => {
    const cwd = await folder(`error-${jobs}`, "score in words");
    const run = grade(cwd, jobs);
    expect(run.status).toBe(1);
    expect(run.json.units.map((u) => [u.code, u.state])).toEqual(HEALTH_IN_ERROR.states);
    expect(run.json.problems.map((p) => [p.code, p.file, `${p.sheet}!${p.cell}`])).toEqual([["E_NOT_NUMBER", join("季度", "b-卫健局.xlsx"), "个性评分!D3"]]);
    expect((await readdir(join(cwd, "结果"))).sort()).toEqual(GOOD_FILES);

    const summary = await readXlsx(await readFile(join(cwd, "结果", "2026Q3_汇总.xlsx")));
    expect(summaryRows(summary)).toEqual(HEALTH_IN_ERROR.summary);
    expect(problemRows(summary)).toEqual([["E_NOT_NUMBER", join("季度", "b-卫健局.xlsx")]]);
  });
});

describe("a readable workbook without its 年度", () => {
  it("is an input error (exit 1), as validate says, not a run that could not start (exit 2); nothing is written", async () => {
    const dir = join(scratch, "no-year");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "档案馆.xlsx"), await writeWorkbook(setCell(baseWorkbook(), "参数", "B2", null)));
    const run = (command: string): { status: number | null; json: JsonDocument } => {
      const out = runAssess([command, "档案馆.xlsx", "--json", ...(command === "grade" ? ["--out", "结果"] : [])], dir);
      return { status: out.status, json: JSON.parse(out.stdout) as JsonDocument };
    };
    const graded = run("grade");
    const validated = run("validate");
    expect([graded.status, validated.status]).toEqual([1, 1]);
    expect(graded.json.problems.map((p) => [p.code, p.sheet, p.cell])).toEqual(validated.json.problems.map((p) => [p.code, p.sheet, p.cell]));
    expect(graded.json.problems.some((p) => p.sheet === "参数" && p.severity === "错误")).toBe(true);
    await expect(readdir(join(dir, "结果"))).rejects.toThrow();
  });
});

describe.each([2, 1])("a workbook changed between its grading and its files, --jobs %i", (jobs) => {
  // Of several workbooks, a run keeps what grading needs and reads each file again for its units'
  // files (grade.ts). Should the clerk save a file in between, its units get no files and an
  // error, for what was graded is no longer what the file says; the others are written.
  it("its unit is 错误 and not written, with E_FILE_CHANGED; the others are written, exit 1", async () => {
    const cwd = await folder(`changed-${jobs}`, "score in words");
    const changed = join(cwd, "季度", "b-卫健局.xlsx");
    await writeFile(changed, await writeWorkbook(renamedUnit("WSJ", "某县卫生健康局", "WS")));
    const resaved = await writeWorkbook(setCell(renamedUnit("WSJ", "某县卫生健康局", "WS"), "个性评分", "D3", 1));
    const result = await gradeRun([join(cwd, "季度")], {
      outDir: join(cwd, "结果"),
      force: false,
      maxSizeMiB: 256,
      jobs,
      // Every file has been read (and graded from what was read) when the last one is counted.
      onProgress: (event) => {
        if (event.phase === "read" && event.done === event.total) writeFileSync(changed, resaved);
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.units.map((u) => [u.unit.code, u.state])).toEqual(HEALTH_IN_ERROR.states);
    expect(result.problems.map((p) => [p.severity, p.code, p.file])).toEqual([["error", "E_FILE_CHANGED", changed]]);
    expect(result.problems[0]?.message).toContain("重新运行");
    expect((await readdir(join(cwd, "结果"))).sort()).toEqual(GOOD_FILES);
    const summary = await readXlsx(await readFile(join(cwd, "结果", "2026Q3_汇总.xlsx")));
    expect(summaryRows(summary)).toEqual(HEALTH_IN_ERROR.summary);
    expect(problemRows(summary)).toEqual([["E_FILE_CHANGED", changed]]);
  });
});
