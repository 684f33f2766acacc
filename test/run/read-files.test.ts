// Reading the workbooks of a run (outputs.md "Commands": files or folders, not descending, `~$`
// lock files skipped) and the checks across them (workbook.md "Checks across sheets").

import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exact } from "../../src/domain/exact.js";
import { periodInFileName } from "../../src/domain/check-file-period.js";
import type { Problem } from "../../src/domain/problem.js";
import type { Rules } from "../../src/domain/rules.js";
import { gradeRun, personBases } from "../../src/domain/grade-run.js";
import { unitsInError } from "../../src/domain/problem.js";
import { expandPaths } from "../../src/run/input-files.js";
import { gradingWorkbooks, type ReadOptions, readOneFile, sharesSource, type UnitShares, unitShares, withShare } from "../../src/run/memory.js";
import type { UnitShare } from "../../src/build/unit-files.js";
import { checkRun, readFiles } from "../../src/run/read-files.js";
import { UsageError } from "../../src/domain/usage-error.js";
import { appendRows, baseWorkbook, renamedUnit, replaceText, setCell } from "../support/workbook-data.mjs";
import { defaultRules } from "../support/default-rules.js";
import { writeWorkbook } from "../support/write-workbook.mjs";

const RULES = {
  raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact(0) },
  windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
  // The notice period's check against the national schedule (check-notice-calendar.ts).
  notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
} as Rules;
const LIMITS = { maxInflatedBytes: 256 * 1024 * 1024 };

/** The files of PATH... read here, one after another, and checked together, as validate reads them. */
async function readWorkbooks(paths: readonly string[], rules: Rules, options: ReadOptions) {
  const read = (input: Parameters<typeof readOneFile>[0]) => readOneFile(input, rules, options);
  return checkRun(await readFiles(await expandPaths(paths), { read, capacity: 1, copies: false }), rules);
}

let folder = "";

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "assess-read-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A second unit, 某县审计局, with codes of its own. */
const auditOffice = () => renamedUnit("SJJ", "某县审计局", "SJ");

async function write(dir: string, name: string, sheets: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, await writeWorkbook(sheets as never));
  return path;
}

const brief = (problems: readonly Problem[]): string[] =>
  problems.map((p) => `${p.code} ${p.file.replace(/^.*[\\/]/, "")} ${p.sheet}${p.cell ? `!${p.cell}` : ""}${p.unit ? ` @${p.unit}` : ""}`);

describe("expanding PATH...", () => {
  it("takes a folder's .xlsx files sorted by name, skipping lock files, other files and subfolders", async () => {
    const dir = join(folder, "expand");
    for (const name of ["b.xlsx", "a.xlsx", "~$a.xlsx", "C.XLSX", "说明.txt", "旧.xls"]) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, name), "");
    }
    await mkdir(join(dir, "子文件夹"), { recursive: true });
    await writeFile(join(dir, "子文件夹", "d.xlsx"), "");
    const files = await expandPaths([dir]);
    expect(files.map((f) => f.file.replace(/^.*[\\/]/, ""))).toEqual(["C.XLSX", "a.xlsx", "b.xlsx"]);
    expect(files[1]?.file).toBe(join(dir, "a.xlsx"));
  });

  it("takes a file as given, whatever its extension, and once only", async () => {
    const path = join(folder, "expand", "旧.xls");
    expect((await expandPaths([path, path])).map((f) => f.file)).toEqual([path]);
  });

  it.each([
    ["a path that does not exist", ["不存在.xlsx"], /^找不到“.*不存在\.xlsx”。请检查文件或文件夹的路径和名称是否正确。$/],
    ["a folder without workbooks", ["EMPTY"], /中没有 .xlsx 工作簿/],
  ])("%s cannot run", async (_, given, message) => {
    await mkdir(join(folder, "EMPTY"), { recursive: true });
    const paths = given.map((g) => (g === "EMPTY" ? join(folder, "EMPTY") : join(folder, g)));
    await expect(expandPaths(paths)).rejects.toThrow(UsageError);
    await expect(expandPaths(paths)).rejects.toThrow(message);
  });
});

describe("a run of several workbooks", () => {
  it("of one period, with a 主管单位 in another workbook, has no problem", async () => {
    const dir = join(folder, "fine");
    await write(dir, "档案馆.xlsx", baseWorkbook());
    await write(dir, "审计局.xlsx", appendRows(auditOffice(), "参数", [["主管单位代码", "DAJ"]]));
    const read = await readWorkbooks([dir], RULES, LIMITS);
    expect(brief(read.problems)).toEqual([]);
    expect(read.workbooks.map((w) => w.units[0]?.code)).toEqual(["SJJ", "DAJ"]);
    expect(read.unreadable).toEqual([]);
  });

  it("of two periods: the workbook of the other period has the error, at its 季度", async () => {
    const dir = join(folder, "periods");
    await write(dir, "1档案馆.xlsx", baseWorkbook());
    await write(dir, "2审计局.xlsx", setCell(auditOffice(), "参数", "B3", 2));
    await write(dir, "3方志办.xlsx", renamedUnit("FZB", "某县审计局", "FZ"));
    const read = await readWorkbooks([dir], RULES, LIMITS);
    expect(brief(read.problems)).toEqual(["E_PERIOD_MISMATCH 2审计局.xlsx 参数!B3"]);
    expect(read.problems[0]?.message).toBe(
      "参数!B3：本工作簿是2026年第二季度，而一同处理的“1档案馆.xlsx”等 2 个工作簿是2026年第三季度。一次只能处理同一年度、同一季度的工作簿：请改正年度、季度，或分开处理。",
    );
    expect([...unitsInError(read.workbooks.flatMap((w) => w.units), read.problems)]).toEqual(["SJJ"]);
  });

  it("a 人员编号 or 单位代码 in two workbooks is an error at both places", async () => {
    const dir = join(folder, "twice");
    await write(dir, "a.xlsx", baseWorkbook());
    await write(dir, "b.xlsx", replaceText(replaceText(auditOffice(), "SJ02", "DA02"), "SJJ", "DAJ"));
    const read = await readWorkbooks([dir], RULES, LIMITS);
    expect(brief(read.problems)).toEqual([
      "E_DUPLICATE_PERSON_RUN a.xlsx 人员!A3 @DAJ",
      "E_DUPLICATE_PERSON_RUN b.xlsx 人员!A3 @DAJ",
      "E_DUPLICATE_UNIT_RUN a.xlsx 参数!B4 @DAJ",
      "E_DUPLICATE_UNIT_RUN b.xlsx 参数!B4 @DAJ",
    ]);
  });

  it("a 主管单位代码 naming no unit of the run is a warning when the unit is graded on its own", async () => {
    const dir = join(folder, "parent");
    await write(dir, "审计局.xlsx", appendRows(auditOffice(), "参数", [["主管单位代码", "DAJ"]]));
    const read = await readWorkbooks([dir], { ...RULES, poolSmallUnitsBelow: 0 }, LIMITS);
    expect(brief(read.problems)).toEqual(["W_UNKNOWN_PARENT 审计局.xlsx 参数!B9 @SJJ"]);
    expect(read.problems[0]!.severity).toBe("warning");
  });

  it("…and an error of that unit where pooling would join it to that parent (rules.md §1.2)", async () => {
    const dir = join(folder, "parent-pooled");
    await write(dir, "审计局.xlsx", appendRows(auditOffice(), "参数", [["主管单位代码", "DAJ"]]));
    // Three graded persons (SJ04 不参加): fewer than k = 4 joins the parent, k = 3 does not.
    const small = await readWorkbooks([dir], { ...RULES, poolSmallUnitsBelow: 4 }, LIMITS);
    expect(brief(small.problems)).toEqual(["E_UNKNOWN_PARENT 审计局.xlsx 参数!B9 @SJJ"]);
    const big = await readWorkbooks([dir], { ...RULES, poolSmallUnitsBelow: 3 }, LIMITS);
    expect(brief(big.problems)).toEqual(["W_UNKNOWN_PARENT 审计局.xlsx 参数!B9 @SJJ"]);
  });

  it("an unreadable file among others is listed and the others are read", async () => {
    const dir = join(folder, "unreadable");
    await write(dir, "档案馆.xlsx", baseWorkbook());
    await writeFile(join(dir, "空.xlsx"), "");
    const read = await readWorkbooks([dir], RULES, LIMITS);
    expect(read.unreadable).toEqual([join(dir, "空.xlsx")]);
    expect(read.workbooks.map((w) => w.file)).toEqual([join(dir, "档案馆.xlsx")]);
    expect(brief(read.problems)).toEqual(["E_FILE_EMPTY 空.xlsx "]);
  });

  it("the SHA-256 of each workbook is that of its bytes", async () => {
    const path = await write(join(folder, "hash"), "档案馆.xlsx", baseWorkbook());
    const { createHash } = await import("node:crypto");
    const { readFile } = await import("node:fs/promises");
    const read = await readWorkbooks([path], RULES, LIMITS);
    expect(read.workbooks[0]?.sha256).toBe(createHash("sha256").update(await readFile(path)).digest("hex"));
  });
});

describe("telling an evaluation workbook (political.md) where the file is read (validate)", () => {
  const at = (file: string) => ({ path: file, file });
  const rules = defaultRules();

  it("comes back unparsed as an evaluation workbook, and is read as an appraisal workbook when not asked", async () => {
    const told = await readOneFile(at("fixtures/good/political.xlsx"), rules, { ...LIMITS, keep: "grading", tellEvaluations: true });
    expect(told).toMatchObject({ file: "fixtures/good/political.xlsx", evaluation: true, unreadable: false, member: null, problems: [] });
    const asAppraisal = await readOneFile(at("fixtures/good/political.xlsx"), rules, { ...LIMITS, keep: "grading" });
    expect(asAppraisal.evaluation).toBeUndefined();
    // Read as an appraisal workbook, it lacks that workbook's sheets.
    expect(asAppraisal.problems.map((p) => p.code)).toContain("E_MISSING_SHEET");
  });

  it("an appraisal workbook, an unreadable file and a file that is no workbook come back as they do when not asked", async () => {
    for (const file of ["fixtures/demo/2026Q3.xlsx", "fixtures/bad/zero-byte.xlsx", "fixtures/bad/renamed-xls.xlsx", "fixtures/bad/truncated.xlsx", "fixtures/bad/missing-sheet.xlsx"]) {
      const told = await readOneFile(at(file), rules, { ...LIMITS, keep: "grading", tellEvaluations: true });
      const plain = await readOneFile(at(file), rules, { ...LIMITS, keep: "grading" });
      expect(told.evaluation).toBeUndefined();
      expect(told).toEqual(plain);
    }
  });
});

describe("a quarter in the file name", () => {
  it.each<[string, { year: number | null; quarter: number } | null]>([
    ["q3.xlsx", { year: null, quarter: 3 }],
    ["Q4_档案馆.xlsx", { year: null, quarter: 4 }],
    ["2026Q3_发改委.xlsx", { year: 2026, quarter: 3 }],
    ["2026-q2.xlsx", { year: 2026, quarter: 2 }],
    ["fixtures/2025Q1/档案馆.xlsx", null],
    ["2026年第三季度考核.xlsx", { year: 2026, quarter: 3 }],
    ["第二季度.xlsx", { year: null, quarter: 2 }],
    ["档案馆.xlsx", null],
    ["faq3.xlsx", null],
    ["q31.xlsx", null],
  ])("%s → %j", (file, expected) => {
    expect(periodInFileName(file)).toEqual(expected);
  });

  it("another quarter in 参数 is a warning at its cell, a year as well", async () => {
    const dir = join(folder, "named");
    await write(dir, "2025Q2_档案馆.xlsx", baseWorkbook());
    const read = await readWorkbooks([dir], RULES, LIMITS);
    expect(brief(read.problems)).toEqual(["W_FILE_QUARTER 2025Q2_档案馆.xlsx 参数!B2", "W_FILE_QUARTER 2025Q2_档案馆.xlsx 参数!B3"]);
    expect(read.problems.map((p) => p.message)).toEqual([
      "文件名“2025Q2_档案馆.xlsx”是2025年，但参数!B2的年度是2026年。请核对年度是否填错，或改正文件名。",
      "文件名“2025Q2_档案馆.xlsx”是第二季度，但参数!B3的季度是第三季度。请核对季度是否填错，或改正文件名。",
    ]);
  });
});

describe("what a run keeps of a workbook (keep `grading`, `printing`, `building`) and reads again", () => {
  // The demo: two units, 16 persons, every sheet filled in.
  const demo = { path: join("fixtures", "demo", "2026Q3.xlsx"), file: "2026Q3.xlsx" };
  const rules = defaultRules();

  it("keeps no rows of 指标, 工作清单, 个性评分 or 共性测评, and the bases worked out from them", async () => {
    const whole = await readOneFile(demo, rules, { ...LIMITS, keep: "all" });
    const kept = await readOneFile(demo, rules, { ...LIMITS, keep: "grading" });
    const full = whole.member!.workbook;
    const lean = kept.member!.workbook;
    expect(full.ratings.length).toBe(80);
    expect(full.workItems.length).toBeGreaterThan(0);
    expect([lean.indicators, lean.workItems, lean.individualScores, lean.ratings]).toEqual([[], [], [], []]);
    expect([lean.units, lean.persons, lean.events, lean.decisions]).toEqual([full.units, full.persons, full.events, full.decisions]);
    expect(kept.problems).toEqual(whole.problems);
    expect(whole.bases).toBeNull();
    expect(kept.bases).toEqual(personBases(full, rules));
    expect(kept.bases!.size).toBe(16);
  });

  it("keeps, for a run of one workbook (keep `building`), the rows its units print as well, but not the ratings", async () => {
    const whole = (await readOneFile(demo, rules, { ...LIMITS, keep: "all" })).member!.workbook;
    const kept = await readOneFile(demo, rules, { ...LIMITS, keep: "building" });
    const lean = kept.member!.workbook;
    expect([lean.indicators, lean.ratings]).toEqual([[], []]);
    expect([lean.workItems, lean.individualScores, lean.events]).toEqual([whole.workItems, whole.individualScores, whole.events]);
    expect(unitShares(lean)).toEqual(unitShares(whole));
    expect(kept.bases).toEqual(personBases(whole, rules));
  });

  it("grades from the bases as from the rows", async () => {
    const graded = async (keep: "all" | "building" | "printing" | "grading") => {
      const read = checkRun([await readOneFile(demo, rules, { ...LIMITS, keep })], rules);
      return gradeRun(gradingWorkbooks(read, rules), rules, unitsInError(read.workbooks.flatMap((w) => w.units), read.problems));
    };
    const fromRows = await graded("all");
    expect(fromRows.units.flatMap((u) => u.persons.filter((p) => p.grade === "good"))).toHaveLength(6);
    expect(await graded("grading")).toEqual(fromRows);
    expect(await graded("printing")).toEqual(fromRows);
    expect(await graded("building")).toEqual(fromRows);
  });

  /** The shares as the build tasks take them apart (`withShare`). */
  const taken = (shares: UnitShares): Map<string, UnitShare> | null =>
    shares && new Map([...shares].map(([code, workbook]) => [code, withShare({ workbook }).workbook]));

  it("keeps each unit's share where the file is read (keep `printing`), and gives it only while the file is the one graded", async () => {
    const whole = (await readOneFile(demo, rules, { ...LIMITS, keep: "all" })).member!.workbook;
    const kept = await readOneFile(demo, rules, { ...LIMITS, keep: "printing" });
    expect(kept.printed).not.toBeNull();
    expect((await readOneFile(demo, rules, { ...LIMITS, keep: "building" })).printed).toBeNull();
    // A run that builds nothing (validate, annual) keeps what grading needs and nothing it would print.
    const graded = await readOneFile(demo, rules, { ...LIMITS, keep: "grading" });
    expect(graded.printed).toBeNull();
    expect(graded.member!.workbook).toEqual(kept.member!.workbook);
    expect(graded.bases).toEqual(kept.bases);
    const read = checkRun([kept], rules);
    const lean = read.workbooks[0]!;
    const shares = await sharesSource("printing", [demo], read.printed)(lean);
    // Each unit's share goes serialized on its own to the task that builds the unit, which takes it apart.
    expect([...shares!.values()].every((share) => share instanceof Uint8Array)).toBe(true);
    // Deflated, each in a buffer of its own size (what is sent between threads is the whole buffer).
    for (const [code, share] of shares!) {
      const bytes = share as Uint8Array;
      expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
      expect(bytes.byteLength).toBeLessThan(v8.serialize(unitShares(whole).get(code)).byteLength / 2);
    }
    expect(taken(shares)).toEqual(unitShares(whole));
    expect([...shares!.keys()]).toEqual(["FGW", "TJJ"]);
    expect(taken(shares)!.get("TJJ")!.workItems.length).toBeGreaterThan(0);
    // Taken once: the run lets each workbook's shares go when its units are built.
    expect(read.printed.size).toBe(0);

    // A copy of the file changed after grading, or gone: its units get no shares.
    const copy = { path: join(folder, "changed-after-grading.xlsx"), file: "changed-after-grading.xlsx" };
    await writeFile(copy.path, await readFile(demo.path));
    const copyRead = checkRun([await readOneFile(copy, rules, { ...LIMITS, keep: "printing" })], rules);
    const source = sharesSource("printing", [copy], new Map(copyRead.printed));
    const copyWhole = (await readOneFile(copy, rules, { ...LIMITS, keep: "all" })).member!.workbook;
    expect(taken(await source(copyRead.workbooks[0]!))).toEqual(unitShares(copyWhole));
    await writeFile(copy.path, Buffer.concat([await readFile(demo.path), Buffer.from([0])]));
    expect(await sharesSource("printing", [copy], new Map(copyRead.printed))(copyRead.workbooks[0]!)).toBeNull();
    await rm(copy.path);
    expect(await sharesSource("printing", [copy], new Map(copyRead.printed))(copyRead.workbooks[0]!)).toBeNull();
  });
});
