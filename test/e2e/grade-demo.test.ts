// `assess grade` as a clerk runs it, on the bundled demo (the README's main command): the exit
// code, the JSON, every file written read back, no overwrite without --force, the same bytes on a
// second run, a draft unit without a notice, and LibreOffice opening every written file.

import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxParagraphs, readXlsx, sheet } from "../support/read-office.js";
import { type AssessRun, hasSoffice, runAssess, runSoffice } from "../support/run-assess.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const demo = path.join(root, "fixtures/demo/2026Q3.xlsx");
const pendingQuarter = path.join(root, "fixtures/annual/pending/2026Q3.xlsx");

function assess(...args: string[]): AssessRun {
  return runAssess(args, root);
}

interface PersonJson {
  id: string;
  name: string;
  status: string;
  individual: number | null;
  common: number | null;
  bonus: number | null;
  deduction: number | null;
  score: number | null;
  band: string | null;
  grade: string | null;
  reasons: string[];
}
interface UnitJson {
  code: string;
  name: string;
  state: string;
  pool: string;
  n: number;
  quota: number;
  counts: Record<string, number>;
  persons: PersonJson[];
}

const EXPECTED_FILES = [
  "2026Q3_FGW_某县发展和改革委员会_公示.docx",
  "2026Q3_FGW_某县发展和改革委员会_反馈单.docx",
  "2026Q3_FGW_某县发展和改革委员会_结果.xlsx",
  "2026Q3_TJJ_某县统计局_公示.docx",
  "2026Q3_TJJ_某县统计局_反馈单.docx",
  "2026Q3_TJJ_某县统计局_结果.xlsx",
  "2026Q3_汇总.xlsx",
];

describe("assess grade fixtures/demo/2026Q3.xlsx", () => {
  let dir = "";
  let out = "";
  let units: UnitJson[] = [];
  let first = { status: null as number | null, stdout: "", stderr: "" };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-grade-demo-"));
    out = path.join(dir, "结果");
    first = assess("grade", demo, "--out", out, "--json");
    units = (JSON.parse(first.stdout) as { units: UnitJson[] }).units;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("exits 0 with both units final and writes the seven files of outputs.md", async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(units.map((u) => [u.code, u.state, u.pool])).toEqual([
      ["FGW", "final", "FGW"],
      ["TJJ", "final", "TJJ"],
    ]);
    expect((await readdir(out)).sort()).toEqual([...EXPECTED_FILES].sort());
  });

  it("scores as rules.md §2 works them out by hand, and Q = floor(0.4 × N)", () => {
    const fgw = units.find((u) => u.code === "FGW")!;
    expect([fgw.n, fgw.quota]).toEqual([10, 4]);
    const person = (id: string): PersonJson => fgw.persons.find((p) => p.id === id)!;
    // 0.7 × 92 + 0.3 × 99 = 94.10
    expect(person("FG002")).toMatchObject({ individual: 92, common: 99, bonus: 0, deduction: 0, score: 94.1, band: "好", grade: "好" });
    // 0.7 × 95 + 0.3 × 99.5 + 1 = 97.35
    expect(person("FG004")).toMatchObject({ individual: 95, common: 99.5, bonus: 1, score: 97.35, grade: "好" });
    // 0.7 × 85 + 0.3 × 95 = 88.00: band 较好
    expect(person("FG003")).toMatchObject({ score: 88, band: "较好", grade: "较好" });
    // 领导成员 and 不确定等次 are listed without scores or grades and count in no quota
    expect(person("FG001")).toMatchObject({ status: "领导成员", score: null, grade: null, reasons: ["由上级评定"] });
    expect(person("FG011")).toMatchObject({ status: "不确定等次", score: null, grade: null });
    // never more 好 than Q, and every 好-band candidate beyond Q is 较好 with the quota reason
    const good = fgw.persons.filter((p) => p.grade === "好");
    expect(good).toHaveLength(fgw.counts["好"]!);
    expect(good.length).toBeLessThanOrEqual(fgw.quota);
    for (const p of fgw.persons.filter((p) => p.band === "好" && p.grade === "较好")) {
      expect(p.reasons.some((r) => r === "超出好等次名额（4名）" || r.startsWith("限好："))).toBe(true);
    }
  });

  it("结果.xlsx holds the six sheets, the persons' rows, and the SHA-256 of the rules and the input", async () => {
    const workbook = await readXlsx(await readFile(path.join(out, "2026Q3_FGW_某县发展和改革委员会_结果.xlsx")));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["结果", "汇总", "工作清单", "变更记录", "问题", "规则"]);
    const result = sheet(workbook, "结果");
    const rows: unknown[][] = [];
    result.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows[header]).toEqual(["序号", "人员编号", "姓名", "科室", "职务职级", "个性得分", "共性得分", "加分", "减分", "综合得分", "排名", "分数档", "等次", "自评等次", "自评与等次", "说明"]);
    const fg004 = rows.find((r) => r[1] === "FG004")!;
    expect(fg004.slice(5, 10)).toEqual([95, 99.5, 1, 0, 97.35]);
    expect(fg004[12]).toBe("好");
    const persons = units.find((u) => u.code === "FGW")!.persons;
    expect(rows.slice(header + 1, header + 1 + persons.length).map((r) => r[1])).toEqual(persons.map((p) => p.id));
    // Then the sign-off lines (issue 11).
    expect(rows.slice(header + 1 + persons.length).map((r) => String(r[0]))).toEqual([expect.stringContaining("制表人"), expect.stringContaining("单位（盖章）")]);

    const rulesText: string[] = [];
    sheet(workbook, "规则").eachRow((row) => rulesText.push((row.values as unknown[]).slice(1).join(" ")));
    const inputSha = createHash("sha256").update(await readFile(demo)).digest("hex");
    expect(rulesText.join("\n")).toContain(inputSha);
    expect(rulesText.join("\n")).toContain((JSON.parse(first.stdout) as { rulesSha256: string }).rulesSha256);
  });

  it("公示.docx lists the 好 persons by name, never an identity number, with the notice period", async () => {
    const fgw = units.find((u) => u.code === "FGW")!;
    const text = (await docxParagraphs(await readFile(path.join(out, "2026Q3_FGW_某县发展和改革委员会_公示.docx")))).join("\n");
    expect(text).toContain("关于某县发展和改革委员会2026年第三季度\n公务员平时考核结果的公示");
    // 公示开始日期 2026-10-12 (a Monday) + 5 working days → 2026-10-16
    expect(text).toContain("2026年10月12日至10月16日（5个工作日）");
    for (const p of fgw.persons) {
      if (p.grade === "好") expect(text).toContain(p.name);
      else if (p.grade !== null) expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.id);
    }
  });

  it("反馈单.docx has a slip for every graded person, and a talk line only for 一般 and 较差", async () => {
    const fgw = units.find((u) => u.code === "FGW")!;
    const text = (await docxParagraphs(await readFile(path.join(out, "2026Q3_FGW_某县发展和改革委员会_反馈单.docx")))).join("\n");
    const graded = fgw.persons.filter((p) => p.grade !== null);
    for (const p of graded) expect(text).toContain(p.name);
    const weak = graded.filter((p) => p.grade === "一般" || p.grade === "较差").length;
    expect(weak).toBeGreaterThan(0);
    expect(text.match(/谈心谈话/g) ?? []).toHaveLength(weak);
  });

  it("a second run without --force writes nothing and exits 2; with --force it writes the same bytes", async () => {
    const before = await Promise.all(EXPECTED_FILES.map(async (f) => [await readFile(path.join(out, f)), (await stat(path.join(out, f))).mtimeMs] as const));
    const refused = assess("grade", demo, "--out", out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--force");
    for (const [i, f] of EXPECTED_FILES.entries()) expect((await stat(path.join(out, f))).mtimeMs).toBe(before[i]![1]);

    const forced = assess("grade", demo, "--out", out, "--force");
    expect(forced.status, forced.stderr).toBe(0);
    for (const [i, f] of EXPECTED_FILES.entries()) expect((await readFile(path.join(out, f))).equals(before[i]![0]), f).toBe(true);
  });

  it("the input workbook is never written", async () => {
    const sha = createHash("sha256").update(await readFile(demo)).digest("hex");
    assess("grade", demo, "--out", path.join(dir, "again"));
    expect(createHash("sha256").update(await readFile(demo)).digest("hex")).toBe(sha);
  });
});

describe("assess grade on a quarter with a tie at the quota line (committee)", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-grade-draft-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("marks the unit 草稿, writes no notice for it, and exits 1", async () => {
    const run = assess("grade", pendingQuarter, "--out", dir, "--json");
    expect(run.status, run.stderr).toBe(1);
    const doc = JSON.parse(run.stdout) as { units: UnitJson[] };
    const drafts = doc.units.filter((u) => u.state === "draft");
    expect(drafts.length).toBeGreaterThan(0);
    const written = await readdir(dir);
    for (const unit of drafts) {
      expect(unit.persons.some((p) => p.grade === "待定" && p.reasons.some((r) => r.endsWith("由考核委员会审定")))).toBe(true);
      expect(written.some((f) => f.includes(`_${unit.code}_`) && f.endsWith("公示.docx"))).toBe(false);
      const result = written.find((f) => f.includes(`_${unit.code}_`) && f.endsWith("结果.xlsx"))!;
      const workbook = await readXlsx(await readFile(path.join(dir, result)));
      for (const ws of workbook.worksheets) expect(String(ws.getCell("A1").value)).toContain("（草稿）");
    }
  });
});

const soffice = hasSoffice();
const inCi = Boolean(process.env.CI);
if (!soffice && !inCi) console.warn("grade-demo: LibreOffice test skipped, soffice is not on PATH (in CI it must run).");

describe("LibreOffice, a client we did not write, opens every file grade writes", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-grade-soffice-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!soffice && !inCi)("converts each written .xlsx and .docx of the demo to PDF", async () => {
    if (!soffice) throw new Error("CI 上必须安装 LibreOffice（soffice 不在 PATH 上），见 .ci/run。");
    const out = path.join(dir, "out");
    const run = assess("grade", demo, "--out", out);
    expect(run.status, run.stderr).toBe(0);
    const files = (await readdir(out)).map((f) => path.join(out, f));
    expect(files).toHaveLength(EXPECTED_FILES.length);
    const pdfDir = path.join(dir, "pdf");
    const converted = runSoffice(["--convert-to", "pdf", "--outdir", pdfDir, ...files], path.join(dir, "profile"), 240_000);
    expect(converted.status, converted.stderr).toBe(0);
    for (const file of files) {
      const pdf = await readFile(path.join(pdfDir, path.basename(file).replace(/\.(xlsx|docx)$/, ".pdf")));
      expect(pdf.subarray(0, 5).toString("latin1"), file).toBe("%PDF-");
    }
  }, 300_000);
});
