// `assess validate` in this process, through the functions the CLI calls (commands/validate.ts
// and cli/validate-json.ts): every fixture of fixtures/bad/ gives exactly its one problem (rule
// code, sheet, cell) and its exit code (fixtures/README.md holds the same table); the demo and the
// messy-but-valid workbook have none; the committed fixtures equal a fresh build of their
// generator. test/cli/validate-command.test.ts runs the built CLI itself for what only it does.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type ValidateJson, validateJson as jsonOf } from "../../src/cli/validate-json.js";
import { validate } from "../../src/commands/validate.js";
import { FIXTURES, fixtureBytes } from "../support/fixture-catalogue.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "assess-validate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * `assess validate ARGS... --json` as the CLI runs it, here: PATHs from the repository's root,
 * `--rules F` and `--max-size MiB` as flags.
 */
async function validateJson(...args: string[]): Promise<{ status: number; doc: ValidateJson }> {
  const paths: string[] = [];
  let rulesPath: string | undefined;
  let maxSizeMiB = 256;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--rules") rulesPath = args[++i];
    else if (arg === "--max-size") maxSizeMiB = Number(args[++i]);
    else paths.push(join(root, arg));
  }
  const result = await validate(paths, { rulesPath, maxSizeMiB });
  // Files are named as given, from the repository's root, as a clerk in it names them.
  const doc = JSON.parse(JSON.stringify(jsonOf(result)).replaceAll(`${root}/`, "")) as ValidateJson;
  return { status: result.exitCode, doc };
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
  ["month-outside-quarter.xlsx", "错误", "E_MONTH_QUARTER", "工作清单", "G3", 1],
  ["summary-duplicate.xlsx", "错误", "E_DUPLICATE_SUMMARY", "个人小结", "C4", 1],
  ["status-reason-missing.xlsx", "错误", "E_STATUS_REASON", "人员", "G5", 1],
  ["event-points-on-bar.xlsx", "错误", "E_EVENT_POINTS", "加减分", "D2", 1],
  ["missing-individual-row.xlsx", "错误", "E_MISSING_INDIVIDUAL_SCORE", "个性评分", "", 1],
  ["decision-not-graded.xlsx", "错误", "E_DECISION_NOT_GRADED", "审定", "A2", 1],
  ["decision-raises-veto.xlsx", "错误", "E_DECISION_VETO", "审定", "C2", 1],
  ["decision-over-quota.xlsx", "错误", "E_DECISION_OVER_QUOTA", "审定", "C2", 1],
  ["unknown-parent.xlsx", "警告", "W_UNKNOWN_PARENT", "参数", "B9", 0],
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

  it("appraisal and evaluation workbooks and bad files in one run: the same with worker threads as in this thread", async () => {
    const paths = ["fixtures/good", "fixtures/bad/political-date.xlsx", "fixtures/bad/zero-byte.xlsx", "fixtures/demo/2026Q3.xlsx"].map((p) => join(root, p));
    const inThread = await validate(paths, { maxSizeMiB: 256, jobs: 1 });
    const inWorkers = await validate(paths, { maxSizeMiB: 256, jobs: 2 });
    expect(inWorkers).toEqual(inThread);
    expect(inThread.exitCode).toBe(1);
    // The evaluation workbooks were checked as such (both are of 某县城关镇, XZ01): their units
    // listed after the appraisal workbooks', the bad one's error found.
    expect(inThread.units.map((u) => `${u.code} ${u.state}`)).toEqual(["DAJ ok", "FGW ok", "TJJ ok", "XZ01 error", "XZ01 error"]);
    expect(inThread.problems.some((p) => p.code === "E_DATE" && p.sheet === "问题线索" && p.cell === "H2")).toBe(true);
    expect(inThread.files.map((f) => `${f.file.replace(`${root}/`, "")} ${f.state}`)).toEqual([
      "fixtures/good/messy-but-valid.xlsx read",
      "fixtures/bad/zero-byte.xlsx unreadable",
      "fixtures/demo/2026Q3.xlsx read",
      "fixtures/good/political.xlsx read",
      "fixtures/bad/political-date.xlsx read",
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

describe.concurrent("rules files and limits", () => {
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
