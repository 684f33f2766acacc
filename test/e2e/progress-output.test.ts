// What a run prints as it goes, through bin/assess.js in a pipe (as in CI): plain lines, at most
// one per unit, no escape codes; nothing with --quiet; with --json, stdout holds the JSON
// document and nothing else; NO_COLOR and FORCE_COLOR are honoured (issue 5, outputs.md).

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { type AssessRun, runAssess, scratchFolder } from "../support/run-assess.js";
import { baseWorkbook, renamedUnit, replaceText, setCell } from "../support/workbook-data.mjs";
import { writeWorkbook } from "../support/write-workbook.mjs";

vi.setConfig({ testTimeout: 120_000 });

const scratch = scratchFolder("assess-progress-");
const ESCAPE = /\u001b\[/;

beforeAll(async () => {
  const good = join(scratch, "县");
  await mkdir(good, { recursive: true });
  await writeFile(join(good, "1-档案馆.xlsx"), await writeWorkbook(baseWorkbook()));
  await writeFile(join(good, "2-审计局.xlsx"), await writeWorkbook(renamedUnit("SJJ", "某县审计局", "SJ")));
  await writeFile(join(good, "3-卫健局.xlsx"), await writeWorkbook(renamedUnit("WSJ", "某县卫生健康局", "WS")));
  const bad = join(scratch, "有错");
  await mkdir(bad, { recursive: true });
  await writeFile(join(bad, "1-档案馆.xlsx"), await writeWorkbook(setCell(baseWorkbook(), "个性评分", "D3", "九十")));
  await writeFile(join(bad, "2-审计局.xlsx"), await writeWorkbook(renamedUnit("SJJ", "某县审计局", "SJ")));
  // Each alone without error; together one 人员编号 twice (an error in each file).
  const across = join(scratch, "跨文件");
  await mkdir(across, { recursive: true });
  await writeFile(join(across, "1-档案馆.xlsx"), await writeWorkbook(baseWorkbook()));
  await writeFile(join(across, "2-审计局.xlsx"), await writeWorkbook(replaceText(renamedUnit("SJJ", "某县审计局", "SJ"), "SJ02", "DA02")));
});

/** Runs in a pipe, with exactly the colour variables given (and no CI, no TTY). */
function assess(args: string[], colour: NodeJS.ProcessEnv = {}): AssessRun {
  const env = { ...process.env };
  for (const name of ["CI", "NO_COLOR", "FORCE_COLOR"]) delete env[name];
  return runAssess(args, scratch, { ...env, ...colour });
}

const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");

describe("in a pipe: plain lines, at most one per unit, no escape codes", () => {
  it("validate: a line per workbook as it is read, then the report", () => {
    const run = assess(["validate", "县"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(ESCAPE);
    expect(lines(run.stderr)).toEqual([
      `[1/3] ${join("县", "1-档案馆.xlsx")}：1 个单位，4 人，错误 0`,
      `[2/3] ${join("县", "2-审计局.xlsx")}：1 个单位，4 人，错误 0`,
      `[3/3] ${join("县", "3-卫健局.xlsx")}：1 个单位，4 人，错误 0`,
      "检查完毕（含跨文件检查和评定）：12 人，错误 0",
      `单位 DAJ 某县档案馆（${join("县", "1-档案馆.xlsx")}）：无错误，可以评定`,
      `单位 SJJ 某县审计局（${join("县", "2-审计局.xlsx")}）：无错误，可以评定`,
      `单位 WSJ 某县卫生健康局（${join("县", "3-卫健局.xlsx")}）：无错误，可以评定`,
      "未发现问题。",
    ]);
  });

  it("grade: one line when all is read, then each unit's line once, as its files are written", () => {
    const run = assess(["grade", "县", "--out", "out-plain"]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(ESCAPE);
    const printed = lines(run.stderr);
    expect(printed[0]).toBe("已读取并检查 3 个工作簿：12 人，错误 0");
    for (const code of ["DAJ", "SJJ", "WSJ"]) expect(printed.filter((line) => line.startsWith(`单位 ${code} `))).toHaveLength(1);
    expect(printed.slice(1, 4).map((line) => line.split(" ")[1])).toEqual(["DAJ", "SJJ", "WSJ"]);
    expect(printed.at(-1)).toBe(`已写入 10 个文件到 out-plain`);
  });
});

describe("the count of errors shown as progress agrees with the final table", () => {
  it.each([
    ["validate", ["validate", "跨文件"], "检查完毕（含跨文件检查和评定）：8 人，错误 2"],
    ["grade", ["grade", "跨文件", "--out", "out-across"], "已读取并检查 2 个工作簿：8 人，错误 2"],
  ])("%s: files fine alone, in error together", (_command, args, line) => {
    const run = assess(args);
    expect(run.status).toBe(1);
    const printed = lines(run.stderr);
    expect(printed).toContain(line);
    expect(printed).toContain("共 2 个错误、0 个警告。");
  });
});

describe("--quiet", () => {
  it.each([
    ["validate", ["validate", "县", "--quiet"], ["未发现问题。"]],
    ["grade", ["grade", "县", "--out", "out-quiet", "--quiet"], ["未发现问题。", "已写入 10 个文件到 out-quiet"]],
  ])("%s prints no progress and no unit lines: only the problems and the outcome", (_command, args, expected) => {
    const run = assess(args);
    expect(run.status).toBe(0);
    expect(lines(run.stderr)).toEqual(expected);
  });
});

describe("--json: stdout holds the document and nothing else", () => {
  it.each([
    ["validate", ["validate", "有错", "--json"]],
    ["grade", ["grade", "有错", "--out", "out-json", "--json"]],
  ])("%s", (_command, args) => {
    // Colour forced, to show that it never reaches stdout.
    const run = assess(args, { FORCE_COLOR: "1" });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(ESCAPE);
    const document = JSON.parse(run.stdout) as { problems: { code: string }[] };
    expect(document.problems.map((p) => p.code)).toEqual(["E_NOT_NUMBER"]);
    expect(run.stdout.trimEnd().endsWith("}")).toBe(true);
    expect(run.stderr).toContain("共 1 个错误、0 个警告。");
  });
});

describe("colour", () => {
  it.each<[string, NodeJS.ProcessEnv, boolean]>([
    ["none in a pipe", {}, false],
    ["FORCE_COLOR=1 asks for it", { FORCE_COLOR: "1" }, true],
    ["NO_COLOR=1 refuses it", { NO_COLOR: "1" }, false],
    ["FORCE_COLOR wins over NO_COLOR", { NO_COLOR: "1", FORCE_COLOR: "1" }, true],
  ])("%s", (_what, colour, coloured) => {
    const run = assess(["validate", "有错"], colour);
    expect(run.status).toBe(1);
    expect(ESCAPE.test(run.stderr)).toBe(coloured);
  });
});
