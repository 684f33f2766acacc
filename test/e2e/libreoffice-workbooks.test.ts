// LibreOffice prints what a clerk files from `assess grade` (issue 11): the run's 汇总.xlsx with its
// 合计 row, sign-off lines and the chart of grades per unit drawn (its title is in the PDF's text,
// which only a drawn chart puts there), and a unit's 结果.xlsx whose 汇总 and 结果 sheets end with
// the sign-off lines. Skipped, saying so, without soffice and pdftotext, except in CI.

import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((folder) => {
    try {
      accessSync(path.join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const tools = onPath("soffice") && onPath("pdftotext");
const inCi = Boolean(process.env.CI);
const note = tools ? "" : "（已跳过：需要 LibreOffice 的 soffice 和 poppler 的 pdftotext）";
const scratch = scratchFolder("assess-lo-workbooks-");
const run = promisify(execFile);

/** The PDF's text, page by page, as LibreOffice prints the workbook. */
async function printed(xlsx: string): Promise<string[]> {
  const profile = pathToFileURL(path.join(scratch, "profile")).href;
  await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", scratch, xlsx], { timeout: 180_000 });
  const pdf = path.join(scratch, `${path.basename(xlsx, ".xlsx")}.pdf`);
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"]);
  return stdout.split("\f").filter((page) => page.trim() !== "");
}

describe("LibreOffice prints the workbooks a clerk files", () => {
  it.skipIf(!tools && !inCi)(`汇总.xlsx and 结果.xlsx of the demo${note}`, async () => {
    const out = path.join(scratch, "out");
    expect(runAssess(["grade", "fixtures/demo/2026Q3.xlsx", "--out", out, "--quiet"], REPO_ROOT).status).toBe(0);

    const [summary] = await printed(path.join(out, "2026Q3_汇总.xlsx"));
    expect(summary).toMatch(/合计\s+2个单位\s+16\s+6\s/); // 16 graded, Q 4 + 2
    expect(summary).toContain("制表人");
    expect(summary).toContain("单位（盖章）");
    expect(summary).toContain("各单位等次人数");

    const pages = await printed(path.join(out, "2026Q3_FGW_某县发展和改革委员会_结果.xlsx"));
    const resultPage = pages[0]!;
    const summaryPage = pages.find((page) => page.includes("本单位参加定等人数"))!;
    for (const page of [resultPage, summaryPage]) {
      expect(page).toContain("制表人");
      expect(page).toContain("日期");
    }
    expect(summaryPage).toContain("某县发展和改革委员会");
  }, 300_000);
});
