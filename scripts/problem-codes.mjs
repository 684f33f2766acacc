// docs/problem-codes.md, made from the catalogue of rule codes (src/domain/problem-codes.ts):
// a clerk who sees `E_SCORE_RANGE` in a problem table looks it up there.
//
//   npm run problem-codes            writes docs/problem-codes.md (after `tsc`)
//   node scripts/problem-codes.mjs --check   exits 1 when the file is not what the catalogue makes
//
// test/domain/problem-codes.test.ts checks the same, so the reference cannot fall behind.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REFERENCE = join(root, "docs", "problem-codes.md");

const SEVERITY = { error: "错误", warning: "警告" };

/** The reference as Markdown, in the catalogue's order (grouped as a clerk meets them). */
export function problemCodesMarkdown(codes) {
  const rows = Object.entries(codes).map(([code, { severity, meaning }]) => `| \`${code}\` | ${SEVERITY[severity]} | ${meaning} |`);
  return [
    "# 问题代码一览（problem codes）",
    "",
    "`assess validate`、`grade`、`annual` 列出的每个问题都带一个代码（JSON 中的 `code`）。以 `E_` 开头的是**错误**：",
    "有错误的单位不评定（文件级的错误涉及文件中的全部单位，方案或用法的错误使命令无法运行）；以 `W_` 开头的是**警告**：",
    "照常评定，只提醒核对。每条问题的说明会指出文件、工作表和单元格，并说明该怎么改。",
    "",
    "本表由 `src/domain/problem-codes.ts` 生成（`npm run problem-codes`），请勿手改。",
    "",
    "| 代码 | 类别 | 含义 |",
    "| --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { PROBLEM_CODES } = await import(pathToFileURL(join(root, "dist", "domain", "problem-codes.js")).href);
  const text = problemCodesMarkdown(PROBLEM_CODES);
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(REFERENCE, "utf8");
    } catch {
      // missing: not the same
    }
    if (current !== text) {
      console.error("docs/problem-codes.md is not what src/domain/problem-codes.ts makes: run npm run problem-codes");
      process.exit(1);
    }
  } else {
    writeFileSync(REFERENCE, text);
    console.log(`wrote docs/problem-codes.md (${Object.keys(PROBLEM_CODES).length} codes)`);
  }
}
