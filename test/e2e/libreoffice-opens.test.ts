// A real client opens what we write: LibreOffice converts 结果.xlsx, 公示.docx and 反馈单.docx to
// PDF. Without soffice on PATH the test is skipped and says so, except in CI (process.env.CI),
// where LibreOffice is installed (.ci/run) and its absence is a failure.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slipContents, writeFeedbackSlips } from "../../src/build/feedback-slips.js";
import { noticeContent, writeNotice } from "../../src/build/notice.js";
import { buildResultWorkbook } from "../../src/build/result-workbook.js";
import { readNoticeWording, readSlipWording } from "../../src/build/wording-templates.js";
import { writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { POOL, WORKBOOK, demoEffectiveRules, demoRules, demoUnit } from "../support/demo-unit.js";
import { hasSoffice, runSoffice } from "../support/run-assess.js";

const soffice = hasSoffice();
const inCi = Boolean(process.env.CI);
const skipNote = soffice ? "" : inCi ? "（CI：PATH 上没有 soffice）" : "（已跳过：PATH 上没有 soffice，安装 LibreOffice 后才能运行）";
if (!soffice && !inCi) {
  console.warn("libreoffice-opens: skipped, soffice is not on PATH (install LibreOffice to run it; in CI it must run).");
}

/** Pages of a PDF as LibreOffice writes it: one `/Type /Page` object per page. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe("LibreOffice opens the outputs and prints them to PDF", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-soffice-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!soffice && !inCi)(`结果.xlsx, 公示.docx and 反馈单.docx convert to PDF${skipNote}`, async () => {
    if (!soffice) throw new Error("CI 上必须安装 LibreOffice（soffice 不在 PATH 上），见 .ci/run。");
    const rules = demoEffectiveRules(demoRules());
    const noticeWording = await readNoticeWording();
    const slipWording = await readSlipWording();
    const graded = demoUnit();
    const files = {
      result: path.join(dir, "2026Q3_A01_某市某某局_结果.xlsx"),
      notice: path.join(dir, "2026Q3_A01_某市某某局_公示.docx"),
      slips: path.join(dir, "2026Q3_A01_某市某某局_反馈单.docx"),
    };
    await writeFile(
      files.result,
      await writeXlsx(
        buildResultWorkbook({ graded, pool: POOL, workbook: WORKBOOK, inputFiles: [WORKBOOK], rules, warnings: [], toolVersion: "0.1.0" }),
      ),
    );
    await writeFile(
      files.notice,
      await writeNotice(noticeContent({ graded, period: WORKBOOK.period, settings: WORKBOOK.settings, rules: rules.rules }, noticeWording), noticeWording),
    );
    const slips = slipContents({ graded, period: WORKBOOK.period, workbook: WORKBOOK, rules: rules.rules }, slipWording);
    await writeFile(files.slips, await writeFeedbackSlips(slips, slipWording));

    // A profile of its own, so that a LibreOffice already running (or another test) is not in the way.
    const converted = runSoffice(["--convert-to", "pdf", "--outdir", dir, ...Object.values(files)], path.join(dir, "profile"));
    expect(converted.status, converted.stderr).toBe(0);

    const pdf = async (file: string) => readFile(file.replace(/\.(xlsx|docx)$/, ".pdf"));
    for (const file of Object.values(files)) {
      const bytes = await pdf(file);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pageCount(bytes)).toBeGreaterThan(0);
    }
    // One page per graded person: every slip fits on its A4 page.
    expect(pageCount(await pdf(files.slips))).toBe(slips.length);
    expect(pageCount(await pdf(files.notice))).toBe(1);
  }, 240_000);
});
