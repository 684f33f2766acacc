// `assess validate` end to end, through bin/assess.js (built by `npm test`): every fixture of
// fixtures/bad/ gives exactly its one problem (rule code, sheet, cell) and its exit code
// (fixtures/README.md holds the same table); the demo and the messy-but-valid workbook have none;
// the committed fixtures equal a fresh build of their generator.

import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { FIXTURES, fixtureBytes } from "../support/fixture-catalogue.mjs";

// Each run starts node and loads exceljs (about a second of CPU): generous limits for busy machines.
vi.setConfig({ testTimeout: 60_000 });

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "assess-validate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI from the repo root (asynchronously, so that table rows can run side by side). */
function assess(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/assess.js", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
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

async function validateJson(...paths: string[]): Promise<{ status: number | null; doc: JsonDocument }> {
  const run = await assess("validate", ...paths, "--json");
  try {
    return { status: run.status, doc: JSON.parse(run.stdout) as JsonDocument };
  } catch {
    throw new Error(`validate ${paths.join(" ")} printed no JSON (exit ${run.status}); stderr:\n${run.stderr}`);
  }
}

// file → [severity, rule code, sheet, cell, exit code]; one problem each (fixtures/README.md)
const BAD: [string, string, string, string, string, number][] = [
  ["score-chinese-numeral.xlsx", "错误", "E_NOT_NUMBER", "个性评分", "D3", 1],
  ["score-with-unit.xlsx", "错误", "E_NOT_NUMBER", "个性评分", "C2", 1],
  ["score-not-applicable.xlsx", "错误", "E_NOT_NUMBER", "个性评分", "E4", 1],
  ["score-above-max.xlsx", "错误", "E_SCORE_RANGE", "个性评分", "D2", 1],
  ["score-blank.xlsx", "错误", "E_BLANK_SCORE", "个性评分", "E3", 1],
  ["rating-blank.xlsx", "错误", "E_BLANK_SCORE", "共性测评", "G5", 1],
  ["rating-word.xlsx", "错误", "E_RATING_VALUE", "共性测评", "E2", 1],
  ["bad-choice.xlsx", "错误", "E_CHOICE", "人员", "F3", 1],
  ["duplicate-header.xlsx", "错误", "E_DUPLICATE_HEADER", "人员", "I1", 1],
  ["missing-header.xlsx", "错误", "E_MISSING_HEADER", "人员", "", 1],
  ["missing-sheet.xlsx", "错误", "E_MISSING_SHEET", "共性测评", "", 1],
  ["header-below-row-10.xlsx", "错误", "E_HEADER_TOO_LOW", "人员", "A12", 1],
  ["id-lost-digits.xlsx", "错误", "E_ID_PRECISION", "人员", "A5", 1],
  ["id-checksum.xlsx", "警告", "W_ID_CHECKSUM", "人员", "A3", 0],
  ["bad-date.xlsx", "错误", "E_DATE", "参数", "B8", 1],
  ["formula-error.xlsx", "错误", "E_FORMULA_ERROR", "个性评分", "C3", 1],
  ["formula-no-result.xlsx", "错误", "E_FORMULA_NO_RESULT", "个性评分", "E2", 1],
  ["unknown-person.xlsx", "错误", "E_UNKNOWN_PERSON", "共性测评", "A8", 1],
  ["name-mismatch.xlsx", "错误", "E_NAME_MISMATCH", "个性评分", "B3", 1],
  ["indicator-sums.xlsx", "错误", "E_INDICATOR_SUM", "指标", "", 1],
  ["both-score-layouts.xlsx", "错误", "E_SCORE_LAYOUT", "个性评分", "I1", 1],
  ["self-rating.xlsx", "错误", "E_SELF_RATING", "共性测评", "D3", 1],
  ["no-rating.xlsx", "错误", "E_NO_RATING", "共性测评", "", 1],
  ["duplicate-person.xlsx", "错误", "E_DUPLICATE_PERSON", "人员", "A6", 1],
  ["work-reason-missing.xlsx", "错误", "E_WORK_REASON", "工作清单", "E4", 1],
  ["status-reason-missing.xlsx", "错误", "E_STATUS_REASON", "人员", "G5", 1],
  ["event-points-on-bar.xlsx", "错误", "E_EVENT_POINTS", "加减分", "D2", 1],
  ["missing-individual-row.xlsx", "错误", "E_MISSING_INDIVIDUAL_SCORE", "个性评分", "", 1],
  ["decision-not-graded.xlsx", "错误", "E_DECISION_NOT_GRADED", "审定", "A2", 1],
  ["unknown-parent.xlsx", "错误", "E_UNKNOWN_PARENT", "参数", "B9", 1],
  ["unknown-header.xlsx", "警告", "W_UNKNOWN_HEADER", "人员", "I1", 0],
  ["not-graded-row.xlsx", "警告", "W_NOT_GRADED_ROW", "个性评分", "A5", 0],
  ["2026Q2_quarter-name.xlsx", "警告", "W_FILE_QUARTER", "参数", "B3", 0],
  ["zero-byte.xlsx", "错误", "E_FILE_EMPTY", "", "", 2],
  ["renamed-xls.xlsx", "错误", "E_FILE_XLS", "", "", 2],
  ["encrypted.xlsx", "错误", "E_FILE_ENCRYPTED", "", "", 2],
  ["truncated.xlsx", "错误", "E_FILE_CORRUPT", "", "", 2],
  ["not-a-workbook.xlsx", "错误", "E_FILE_NOT_XLSX", "", "", 2],
  // Evaluation workbooks (political.md), told apart by their sheets.
  ["political-blank-aspect.xlsx", "错误", "E_BLANK_SCORE", "双向测评", "E2", 1],
  ["political-rater-group.xlsx", "错误", "E_CHOICE", "双向测评", "C3", 1],
  ["political-item-code.xlsx", "错误", "E_ITEM_CODE", "问题线索", "E2", 1],
  ["political-self-rating.xlsx", "错误", "E_SELF_RATING", "双向测评", "D3", 1],
  ["political-no-forms.xlsx", "错误", "E_NO_FORMS", "干部", "B4", 1],
  ["political-source.xlsx", "错误", "E_CHOICE", "问题线索", "C2", 1],
  ["political-verification.xlsx", "错误", "E_CHOICE", "问题线索", "G2", 1],
  ["political-date.xlsx", "错误", "E_DATE", "问题线索", "H2", 1],
];

describe.concurrent("every fixture of fixtures/bad gives its one problem", () => {
  it("the table covers every file in fixtures/bad", () => {
    const files = readdirSync(join(root, "fixtures", "bad")).filter((f) => f.endsWith(".xlsx"));
    expect(files.sort()).toEqual(BAD.map(([file]) => file).sort());
  });

  it.each(BAD)("%s → %s %s %s!%s, exit %i", async (file, severity, code, sheet, cell, exit) => {
    const path = `fixtures/bad/${file}`;
    const { status, doc } = await validateJson(path);
    expect(status).toBe(exit);
    expect(doc.problems.map((p) => [p.severity, p.code, p.file, p.sheet, p.cell])).toEqual([[severity, code, path, sheet, cell]]);
    const [problem] = doc.problems;
    // The message names the file, or the sheet and cell, and is written for the clerk.
    expect(problem?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problem?.message).toContain(cell ? `${sheet}!${cell}` : sheet || file);
    expect(doc.valid).toBe(exit === 0);
  });
});

describe.concurrent("workbooks without errors", () => {
  it("the demo validates with no problem and both units ready", async () => {
    const { status, doc } = await validateJson("fixtures/demo/2026Q3.xlsx");
    expect(status).toBe(0);
    expect(doc.problems).toEqual([]);
    expect([doc.year, doc.quarter]).toEqual([2026, 3]);
    expect(doc.units).toEqual([
      { code: "FGW", name: "某县发展和改革委员会", file: "fixtures/demo/2026Q3.xlsx", state: "ok" },
      { code: "TJJ", name: "某县统计局", file: "fixtures/demo/2026Q3.xlsx", state: "ok" },
    ]);
  });

  it("a messy but valid workbook (title rows, full-width digits, merged cells, marks in headers) has no problem", async () => {
    const { status, doc } = await validateJson("fixtures/good/messy-but-valid.xlsx");
    expect(status).toBe(0);
    expect(doc.problems).toEqual([]);
  });

  it("an evaluation workbook (political.md) is told apart by its sheets and has no problem", async () => {
    const { status, doc } = await validateJson("fixtures/good/political.xlsx");
    expect(status).toBe(0);
    expect(doc.problems).toEqual([]);
    expect(doc.units).toEqual([{ code: "XZ01", name: "某县城关镇", file: "fixtures/good/political.xlsx", state: "ok" }]);
  });
});

describe.concurrent("workbooks that disagree with each other", () => {
  it("two periods in one folder", async () => {
    const { status, doc } = await validateJson("fixtures/bad/run-period-mismatch");
    expect(status).toBe(1);
    expect(doc.problems.map((p) => [p.code, p.file.replace(/^.*[\\/]/, ""), p.sheet, p.cell])).toEqual([["E_PERIOD_MISMATCH", "审计局.xlsx", "参数", "B3"]]);
    expect(doc.units.map((u) => `${u.code} ${u.state}`)).toEqual(["DAJ ok", "SJJ error"]);
    expect([doc.year, doc.quarter]).toEqual([null, null]);
  });

  it("one 人员编号 in two workbooks: an error at both places", async () => {
    const { status, doc } = await validateJson("fixtures/bad/run-duplicate-person");
    expect(status).toBe(1);
    expect(doc.problems.map((p) => [p.code, p.file.replace(/^.*[\\/]/, ""), p.sheet, p.cell])).toEqual([
      ["E_DUPLICATE_PERSON_RUN", "审计局.xlsx", "人员", "A3"],
      ["E_DUPLICATE_PERSON_RUN", "档案馆.xlsx", "人员", "A3"],
    ]);
  });

  it("an unreadable workbook among readable ones: exit 1, the others are checked", async () => {
    const { status, doc } = await validateJson("fixtures/bad/zero-byte.xlsx", "fixtures/demo/2026Q3.xlsx");
    expect(status).toBe(1);
    expect(doc.files).toEqual([
      { file: "fixtures/bad/zero-byte.xlsx", state: "unreadable" },
      { file: "fixtures/demo/2026Q3.xlsx", state: "read" },
    ]);
    expect(doc.units.map((u) => u.state)).toEqual(["ok", "ok"]);
  });
});

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
      "类别  文件                                     位置         说明",
      "错误  fixtures/bad/score-chinese-numeral.xlsx  个性评分!D3  个性评分!D3「工作质量」填写了“九十”，应为 0 至 40 之间的数字。",
      "共 1 个错误、0 个警告。",
      "",
    ]);
  });

  it("warnings alone: exit 0, and the table says 警告", async () => {
    const run = await assess("validate", "fixtures/bad/unknown-header.xlsx");
    expect(run.status).toBe(0);
    expect(run.stderr.split("\n").slice(-4)).toEqual([
      "类别  文件                              位置     说明",
      "警告  fixtures/bad/unknown-header.xlsx  人员!I1  人员!I1 列标题“联系电话”不是“人员”工作表的列，这一列不读取。",
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
    expect(doc.problems.map((p) => [p.code, p.message])).toEqual([["E_USAGE", "unknown option '--no-such-flag'"]]);
    expect(run.stderr).toContain("--no-such-flag");
  });

  it("a bad rules file: exit 2 with its problems", async () => {
    const rules = join(scratch, "rules.json");
    writeFileSync(rules, JSON.stringify({ goodRatio: 2 }));
    const { status, doc } = await validateJson("fixtures/demo/2026Q3.xlsx", "--rules", rules);
    expect(status).toBe(2);
    expect(doc.problems.length).toBeGreaterThan(0);
    expect(doc.problems.every((p) => p.severity === "错误" && p.file === rules)).toBe(true);
  });

  it("the rules say which rater groups count: with only 服务对象 weighted, no rating of the base workbook counts", async () => {
    const rules = join(scratch, "recipients-only.json");
    writeFileSync(rules, JSON.stringify({ raterWeights: { 领导: 0, 同事: 0, 服务对象: 1 } }));
    const { status, doc } = await validateJson("fixtures/bad/run-period-mismatch/2026Q3_档案馆.xlsx", "--rules", rules);
    expect(status).toBe(1);
    expect(doc.problems.map((p) => `${p.code} ${p.value}`)).toEqual(["E_NO_RATING DA01", "E_NO_RATING DA02", "E_NO_RATING DA03"]);
    expect(doc.problems[0]?.message).toBe(
      "“共性测评”工作表中钱芳（人员编号 DA01，人员!A2）只有权重为 0 的测评人类别（领导、同事）的测评。每位参加定等的人员至少要有一条服务对象的测评。",
    );
  });

  it.each([["0"], ["abc"], ["-5"]])("--max-size %s cannot run", async (size) => {
    const run = await assess("validate", "fixtures/demo/2026Q3.xlsx", "--max-size", size);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--max-size 应为大于 0 的数");
  });

  it("a --max-size below the workbook's size refuses it", async () => {
    const { status, doc } = await validateJson("fixtures/demo/2026Q3.xlsx", "--max-size", "0.01");
    expect(status).toBe(2);
    expect(doc.problems.map((p) => p.code)).toEqual(["E_FILE_TOO_LARGE"]);
  });
});

describe("the committed fixtures", () => {
  it.each(FIXTURES.map((f) => [f.path, f] as const))("%s equals a fresh build of its generator", async (path, fixture) => {
    const committed = readFileSync(join(root, path));
    expect((await fixtureBytes(fixture)).equals(committed)).toBe(true);
  });
});
