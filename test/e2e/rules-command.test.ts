// `assess rules` through the built CLI (npm test builds first: tsc && vitest run).
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssessRun, runAssess } from "../support/run-assess.js";
import { DEFAULT_RULES_FILE } from "../../src/domain/rules-file-defaults.js";
import { canonicalJson, mergeRulesFile } from "../../src/domain/rules-file-merge.js";
import { sha256Hex } from "../../src/read/load-rules.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function assess(...args: string[]): AssessRun {
  return runAssess(args, repoRoot);
}

let dir: string;

beforeAll(async () => {
  expect(existsSync(join(repoRoot, "dist/cli/main.js")), "build first: npx tsc -p tsconfig.json").toBe(true);
  dir = await mkdtemp(join(tmpdir(), "assess-rules-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("assess rules --init", () => {
  it("prints the default rules file: JSON that parses and equals rules.md's, nothing on stderr, exit 0", () => {
    const run = assess("rules", "--init");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(DEFAULT_RULES_FILE);
    expect(run.stdout).toContain('"ratingPoints": { "好": 1, "较好": 0.85, "一般": 0.7, "较差": 0.5 }');
  });

  it("with --rules, prints the whole merged file to edit further", async () => {
    const path = join(dir, "partial.json");
    await writeFile(path, JSON.stringify({ goodRatio: 0.29, notice: { days: 3 } }));
    const run = assess("rules", "--rules", path, "--init");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(mergeRulesFile(DEFAULT_RULES_FILE, { goodRatio: 0.29, notice: { days: 3 } }));
  });
});

describe("assess rules", () => {
  it("prints the effective rules as a Chinese table with their SHA-256", () => {
    const run = assess("rules");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe("考核规则：标准方案（内置标准方案）");
    const row = (key: string): string[] =>
      (lines.find((line) => line.startsWith(`${key} `)) ?? "").split(/\s{2,}/);
    expect(row("参数")).toEqual(["参数", "含义", "值"]);
    expect(row("weights.individual")).toEqual(["weights.individual", "个性得分权重", "0.7"]);
    expect(row("raterWeights")).toEqual(["raterWeights", "测评权重（非窗口岗位）", "领导 0.5，同事 0.5，服务对象 0"]);
    expect(row("bands")).toEqual(["bands", "分数档下限（低于一般为较差）", "好 90，较好 80，一般 60"]);
    expect(row("deductionCap")).toEqual(["deductionCap", "减分上限", "不设上限"]);
    expect(row("indicators[7]")).toEqual(["indicators[7]", "模板指标：出勤情况", "共性，勤，满分 10"]);
    expect(row("annual.barGrades")).toEqual(["annual.barGrades", "有此等次的季度不能评优秀", "一般、较差"]);
    expect(row("archive.window")).toEqual(["archive.window", "档案名单默认统计的季度数", "8"]);
    expect(row("archive.goodMin")[2]).toBe("4");
    expect(row("archive.weakMin")[2]).toBe("2");
    expect(row("SHA-256")[2]).toBe(sha256Hex(canonicalJson(DEFAULT_RULES_FILE)));
  });

  it("of a rules file (UTF-8 with a BOM, as Notepad saves it): its values and its name", async () => {
    const path = join(dir, "县委组织部方案.json");
    await writeFile(path, `\uFEFF${JSON.stringify({ name: "县直方案", goodRatio: 0.3, unitOverrides: { A01: { goodRatio: 0.45 } } })}`);
    const run = assess("rules", "--rules", path);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`考核规则：县直方案（规则文件 ${path}）`);
    expect(run.stderr).toMatch(/^goodRatio\s+好等次比例上限\s+0\.3$/m);
    expect(run.stderr).toMatch(/^unitOverrides\s+单独规定好等次比例的单位\s+A01 0\.45$/m);
  });

  it.each<[string, string, string[]]>([
    [
      "weights that do not add up, and an unknown key",
      JSON.stringify({ weights: { individual: 0.8 }, notice: { dayz: 3 } }),
      ["错误 规则文件 {file}「weights」：", "0.8 + 0.3 = 1.1", "错误 规则文件 {file}「notice.dayz」："],
    ],
    ["not JSON", '{"goodRatio": 0.4,}', ["不是有效的 JSON（第 1 行第 19 列附近有错）"]],
    ["Chinese quotes", "{“goodRatio”: 0.4}", ["不是有效的 JSON", "中文标点"]],
    ["an empty file", "", ["文件是空的"]],
  ])("a bad rules file (%s): the problems in Chinese on stderr, exit 2", async (_what, content, says) => {
    const path = join(dir, "bad.json");
    await writeFile(path, content);
    const run = assess("rules", "--rules", path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    for (const text of says) expect(run.stderr).toContain(text.replace("{file}", path));
  });

  it("a rules file that is not there: exit 2, naming it", () => {
    const path = join(dir, "没有这个方案.json");
    const run = assess("rules", "--rules", path);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`找不到规则文件“${path}”`);
  });

  it("a rules file in GBK: exit 2, asking for UTF-8", async () => {
    const path = join(dir, "gbk.json");
    // {"name":"方案"} with 方案 in GBK (B7 BD B0 B8)
    await writeFile(path, Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xb7, 0xbd, 0xb0, 0xb8, 0x22, 0x7d]));
    const run = assess("rules", "--rules", path);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("不是 UTF-8 编码");
  });
});
