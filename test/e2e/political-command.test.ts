// `assess political` end to end on fixtures/good/political.xlsx (three cadres of one township):
// the JSON document with the scores worked out by hand, the four files written, the 不属实
// content in none of them, and no overwrite without --force.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_POLITICAL_USE } from "../../src/domain/political-conclusion.js";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { politicalBaseWorkbook } from "../support/political-workbook-data.mjs";
import { filterRows, replaceText } from "../support/workbook-data.mjs";
import { writeWorkbook } from "../support/write-workbook.mjs";
import { writeFileSync } from "node:fs";

vi.setConfig({ testTimeout: 60_000 });

const scratch = scratchFolder("assess-political-");
const FIXTURE = join(REPO_ROOT, "fixtures", "good", "political.xlsx");

async function textOf(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith(".xml")).map((f) => f.async("string")));
  return parts.join("\n");
}

describe("assess political", () => {
  const out = join(scratch, "out");
  const run = runAssess(["political", FIXTURE, "--out", out, "--json"], scratch);
  const doc = JSON.parse(run.stdout) as {
    year: number;
    round: string;
    units: { code: string; state: string; cadres: { id: string; aspects: Record<string, number>; positive: number; band: string; flagged: unknown[]; problems: Record<string, number>; conclusion: string; pending: boolean; reasons: string[]; use: string }[] }[];
    problems: unknown[];
  };

  it("exit 0, only JSON on stdout, the run's year and round", () => {
    expect(run.status).toBe(0);
    expect([doc.year, doc.round, doc.problems]).toEqual([2026, "2026年度领导班子和领导干部考核", []]);
  });

  it("scores and conclusions as worked out by hand", () => {
    const [wang, li, zhao] = doc.units[0]!.cadres;
    // 王强: 定力 上级 100, 班子 100, 职工 (85+100)/2 → 96.25; 担当 班子 92.5 → 97.75; 自律 班子 92.5 → 97.75.
    expect(wang!.aspects).toEqual({ 政治忠诚: 100, 政治定力: 96.25, 政治担当: 97.75, 政治能力: 100, 政治自律: 97.75 });
    expect([wang!.positive, wang!.band, wang!.conclusion, wang!.pending, wang!.reasons, wang!.use]).toEqual([98.35, "好", "好", false, ["正向得分98.35，属好档"], DEFAULT_POLITICAL_USE.good]);
    // 李敏: 94, 89.5, 84.25, 87.25, 100 → P 91.00, band 好, a 核实中 problem → 较好, 待核实.
    expect([li!.positive, li!.band, li!.conclusion, li!.pending]).toEqual([91, "好", "较好", true]);
    expect(li!.reasons).toEqual(["正向得分91.00，属好档", "有问题线索正在核实"]);
    expect(li!.problems).toEqual({ 属实: 0, 部分属实: 0, 核实中: 1, 不属实: 0 });
    // 赵刚: 反11 marked on 3 of 5 forms (60 %): flagged → 一般; his 不属实 problem only counted.
    expect(zhao!.flagged).toEqual([{ item: "反11", forms: 3, rate: 0.6 }]);
    expect([zhao!.conclusion, zhao!.reasons]).toEqual(["一般", ["反向条目“决策部署落实不力，成效不明显”有3人反映（60%）"]]);
    expect(zhao!.problems).toEqual({ 属实: 0, 部分属实: 0, 核实中: 0, 不属实: 1 });
  });

  it("writes the unit's workbook and portraits, the report and the problem summary; no 不属实 content in any", async () => {
    expect(readdirSync(out).sort()).toEqual([
      "2026_2026年度领导班子和领导干部考核_综合分析报告.docx",
      "2026_2026年度领导班子和领导干部考核_问题线索汇总.xlsx",
      "2026_XZ01_某县城关镇_政治素质测评.xlsx",
      "2026_XZ01_某县城关镇_政治素质画像.docx",
    ]);
    for (const file of readdirSync(out)) {
      const text = await textOf(join(out, file));
      expect(text, file).not.toContain("反映接受管理服务对象宴请");
    }
    const portraits = await textOf(join(out, "2026_XZ01_某县城关镇_政治素质画像.docx"));
    expect(portraits).toContain("内部资料 注意保密");
    expect(portraits).toContain("群众反映办理事项拖延"); // 核实中: shown, with its state
    expect(portraits).toContain("另有1条经核实不属实，已澄清。");
  });

  it("does not overwrite without --force (exit 2), and does with it", () => {
    const again = runAssess(["political", FIXTURE, "--out", out], scratch);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(runAssess(["political", FIXTURE, "--out", out, "--force"], scratch).status).toBe(0);
  });

  it("a unit with an error is not evaluated: exit 1, its files not written", () => {
    const bad = join(REPO_ROOT, "fixtures", "bad", "political-self-rating.xlsx");
    const result = runAssess(["political", bad, "--out", join(scratch, "bad"), "--json"], scratch);
    expect(result.status).toBe(1);
    const parsed = JSON.parse(result.stdout) as { units: { state: string; cadres: unknown[] }[] };
    expect(parsed.units.map((u) => [u.state, u.cadres.length])).toEqual([["error", 0]]);
    expect(existsSync(join(scratch, "bad")) ? readdirSync(join(scratch, "bad")) : []).toEqual([]);
  });

  it("a round without forms is a problem-information round: only the 问题线索汇总 is written", async () => {
    const file = join(scratch, "clues-only.xlsx");
    writeFileSync(file, await writeWorkbook(filterRows(politicalBaseWorkbook(), "双向测评", (_, i) => i === 0)));
    const result = runAssess(["political", file, "--out", join(scratch, "clues-only"), "--json"], scratch);
    expect(result.status).toBe(0);
    expect(readdirSync(join(scratch, "clues-only"))).toEqual(["2026_2026年度领导班子和领导干部考核_问题线索汇总.xlsx"]);
    const parsed = JSON.parse(result.stdout) as { units: { cadres: { conclusion: string | null; pending: boolean }[] }[] };
    expect(parsed.units[0]!.cadres.map((c) => [c.conclusion, c.pending])).toEqual([
      [null, false],
      [null, true],
      [null, false],
    ]);
  });

  it("a 人员编号 that is a resident ID number is in no output, masked where an id is shown", async () => {
    const id = "340827198503120016";
    const file = join(scratch, "resident-id.xlsx");
    writeFileSync(file, await writeWorkbook(replaceText(politicalBaseWorkbook(), "GB02", id)));
    const target = join(scratch, "resident-id");
    const result = runAssess(["political", file, "--out", target], scratch);
    expect(result.status).toBe(0);
    for (const name of readdirSync(target)) {
      const text = await textOf(join(target, name));
      expect(text, name).not.toContain(id);
    }
    expect(await textOf(join(target, "2026_XZ01_某县城关镇_政治素质测评.xlsx"))).toContain("340827********0016");
  });

  it("assess rules prints the political section; --init writes it", () => {
    const table = runAssess(["rules"], scratch);
    expect(table.stderr).toMatch(/political\.flagRate\s+反向条目集中反映的最低比例\s+0\.2/);
    expect(table.stderr).toMatch(/political\.raterWeights\s+\S+\s+上级领导 0\.2，班子成员 0\.3，干部职工 0\.5/);
    const init = JSON.parse(runAssess(["rules", "--init"], scratch).stdout) as { political: { aspects: { negative: { code: string }[] }[]; sources: string[] } };
    expect(init.political.aspects.flatMap((a) => a.negative.map((n) => n.code))).toHaveLength(17);
    expect(init.political.sources).toHaveLength(14);
  });

  it("a quarterly appraisal workbook is named as such (E_NOT_POLITICAL), not read as a bad evaluation workbook", () => {
    const result = runAssess(["political", join(REPO_ROOT, "fixtures", "demo", "2026Q3.xlsx"), "--out", join(scratch, "demo"), "--json"], scratch);
    expect(result.status).toBe(2);
    const parsed = JSON.parse(result.stdout) as { problems: { code: string; message: string }[] };
    expect(parsed.problems.map((p) => p.code)).toEqual(["E_NOT_POLITICAL"]);
    expect(parsed.problems[0]!.message).toContain("assess grade");
  });

  it("--db: --replace only with --db and --reason; an archive that cannot be used stops the run before any output (exit 2)", () => {
    const env = { ...process.env, ASSESS_DB: "" };
    const noDb = runAssess(["political", FIXTURE, "--out", join(scratch, "no-db"), "--replace", "--reason", "更正"], scratch, env);
    expect([noDb.status, noDb.stderr]).toEqual([2, expect.stringContaining("--replace 只和 --db 一起用")]);
    const noReason = runAssess(["political", FIXTURE, "--out", join(scratch, "no-reason"), "--db", join(scratch, "a"), "--replace"], scratch, env);
    expect([noReason.status, noReason.stderr]).toEqual([2, expect.stringContaining("须同时用 --reason")]);
    const missing = runAssess(["political", FIXTURE, "--out", join(scratch, "missing"), "--db", join(scratch, "no-archive")], scratch, env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("找不到档案");
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(scratch, "missing"))).toBe(false);
  });

  it("--db: one line per unit filed on stderr, then 内容未变 on a second run", () => {
    const env = { ...process.env, ASSESS_DB: "" };
    const db = join(scratch, "archive");
    expect(runAssess(["archive", "init", "--db", db], scratch, env).status).toBe(0);
    const first = runAssess(["political", FIXTURE, "--out", join(scratch, "db-1"), "--db", db], scratch, env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain("归档 单位 XZ01 2026年“2026年度领导班子和领导干部考核”：已归档\n");
    expect(readdirSync(join(scratch, "db-1"))).toHaveLength(4);
    const second = runAssess(["political", FIXTURE, "--out", join(scratch, "db-2"), "--db", db], scratch, env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain("：已归档，内容未变\n");
  });
});
