// `assess validate` as a clerk runs it, through bin/assess.js (built by `npm test`): what only the
// command line does, the problem table on stderr, the one JSON document on stdout, exit codes and
// flags it refuses. The checks themselves run in this process (test/commands/validate.test.ts).

import { describe, expect, it } from "vitest";
import { startAssess } from "../support/run-assess.js";

/** `assess ...args` from the repository's root, without colour. */
function assess(...args: string[]) {
  return startAssess(args, undefined, { ...process.env, FORCE_COLOR: "0" });
}

interface JsonProblem {
  severity: string;
  code: string;
  file: string;
  sheet: string;
  cell: string;
  header: string;
  value: string;
  message: string;
}

interface JsonDocument {
  valid: boolean;
  year: number | null;
  quarter: number | null;
  files: { file: string; state: string }[];
  units: { code: string; name: string; file: string; state: string }[];
  problems: JsonProblem[];
}

describe.concurrent("output and exit codes", () => {
  it("--json puts exactly one JSON document on stdout, with the problem fields of outputs.md", async () => {
    const run = await assess("validate", "fixtures/bad/score-chinese-numeral.xlsx", "--json");
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["tool", "version", "command", "valid", "year", "quarter", "rulesSha256", "files", "units", "problems"]);
    expect(doc.tool).toBe("assess");
    expect(doc.rulesSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.problems).toEqual([
      {
        severity: "错误",
        code: "E_NOT_NUMBER",
        file: "fixtures/bad/score-chinese-numeral.xlsx",
        sheet: "个性评分",
        cell: "D3",
        header: "工作质量",
        value: "九十",
        message: "个性评分!D3「工作质量」填写了“九十”，应为 0 至 40 之间的数字。",
      },
    ]);
  });

  it("without --json, stdout is empty and stderr holds the units, the table and the count", async () => {
    const run = await assess("validate", "fixtures/bad/score-chinese-numeral.xlsx");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toEqual([
      "单位 DAJ 某县档案馆（fixtures/bad/score-chinese-numeral.xlsx）：有错误，改正前不能评定",
      "类别  文件                                     位置         规则          所填内容  说明",
      "错误  fixtures/bad/score-chinese-numeral.xlsx  个性评分!D3  E_NOT_NUMBER  九十      「工作质量」填写了“九十”，应为 0 至 40 之间的数字。",
      "共 1 个错误、0 个警告。",
      "",
    ]);
  });

  it("warnings alone: exit 0, and the table says 警告", async () => {
    const run = await assess("validate", "fixtures/bad/unknown-header.xlsx");
    expect(run.status).toBe(0);
    expect(run.stderr.split("\n").slice(-4)).toEqual([
      "类别  文件                              位置     规则              所填内容  说明",
      "警告  fixtures/bad/unknown-header.xlsx  人员!I1  W_UNKNOWN_HEADER  联系电话  列标题“联系电话”不是“人员”工作表的列，这一列不读取。",
      "共 0 个错误、1 个警告。",
      "",
    ]);
  });

  it("a PATH that does not exist: exit 2, with --json a document naming it", async () => {
    const run = await assess("validate", "fixtures/没有这个文件.xlsx", "--json");
    expect(run.status).toBe(2);
    const doc = JSON.parse(run.stdout) as JsonDocument;
    expect(doc.problems.map((p) => [p.code, p.message])).toEqual([
      ["E_USAGE", "找不到“fixtures/没有这个文件.xlsx”。请检查文件或文件夹的路径和名称是否正确。"],
    ]);
    expect((await assess("validate", "fixtures/没有这个文件.xlsx")).stderr).toContain("找不到“fixtures/没有这个文件.xlsx”");
  });

  it.each([["validate"], ["grade"], ["annual", "--year", "2026"]])("%s with a flag it does not know: exit 2, and with --json still one document", async (...command) => {
    const run = await assess(...command, "fixtures/demo/2026Q3.xlsx", "--json", "--no-such-flag");
    expect(run.status).toBe(2);
    const doc = JSON.parse(run.stdout) as JsonDocument;
    expect(doc.problems.map((p) => [p.code, p.message])).toEqual([["E_USAGE", "不认识选项 --no-such-flag。"]]);
    expect(run.stderr).toContain("--no-such-flag");
  });

  it.each([["0"], ["abc"], ["-5"]])("--max-size %s cannot run", async (size) => {
    const run = await assess("validate", "fixtures/demo/2026Q3.xlsx", "--max-size", size);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--max-size 应为大于 0 的数");
  });
});
