// The command line a clerk reads is Chinese (outputs.md, issue 11): `--help` of the program and of
// every command, and usage errors, through bin/assess.js. Commander's English words must not show.

import { describe, expect, it, vi } from "vitest";
import { REPO_ROOT, runAssess } from "../support/run-assess.js";

vi.setConfig({ testTimeout: 60_000 });

const COMMANDS = ["template", "validate", "grade", "annual", "rules"];
/** What commander writes in English when left alone. */
const ENGLISH = /Usage:|Options:|Arguments:|Commands:|\(default:|\[options\]|\[command\]|display help|error:|unknown option|not specified|missing required|Did you mean/;

describe("--help", () => {
  it.each([[[] as string[]], ...COMMANDS.map((c) => [[c]])])("assess %j --help is Chinese, exit 0", (command) => {
    const run = runAssess([...command, "--help"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(ENGLISH);
    expect(run.stderr).toMatch(/^用法：/);
    expect(run.stderr).toContain("选项：");
    expect(run.stderr).toContain("-h, --help");
    expect(run.stderr).toContain("显示帮助");
  });

  it("defaults are said in Chinese", () => {
    expect(runAssess(["grade", "--help"], REPO_ROOT).stderr).toMatch(/--max-size <MiB> +.*（默认：256）/);
  });
});

describe("usage errors: Chinese, with the command's help named, exit 2", () => {
  it.each<[string[], string]>([
    [["validate", "fixtures/demo/2026Q3.xlsx", "--no-such-flag"], "错误：不认识选项 --no-such-flag。"],
    [["annual", "fixtures/annual"], "错误：缺少必需的选项 --year <年度>。"],
    [["grade"], "错误：缺少参数 PATH（工作簿或文件夹）。"],
    [["grade", "fixtures/demo/2026Q3.xlsx", "--out"], "错误：选项 --out <dir> 后面缺少取值。"],
    [["valdate", "x.xlsx"], "错误：不认识命令 valdate（是否要用 validate？）。"],
  ])("%j", (args, line) => {
    const run = runAssess(args, REPO_ROOT);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(ENGLISH);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(line);
    const command = args[0] === "valdate" ? "assess" : `assess ${args[0]}`;
    expect(lines.at(-1)).toBe(`（运行 ${command} --help 查看用法）`);
  });
});
