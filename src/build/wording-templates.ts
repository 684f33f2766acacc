// Reads the wording of the notice and the feedback slips from templates/ (STYLE.md: texts a
// clerk's office may edit). A template that cannot be read or is wrong stops the run (exit 2)
// with what to fix, before any grading output is written.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NoticeWording, SlipWording } from "./wording.js";
import { parseNoticeWording, parseSlipWording } from "./wording.js";
import type { Checked } from "../domain/problem.js";
import { UsageError } from "../domain/usage-error.js";

/** templates/ of the installed tool: from dist/read (or src/read in tests), two levels up. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
export const NOTICE_TEMPLATE = "notice.json";
export const SLIP_TEMPLATE = "feedback-slip.json";

export async function readTemplate<T>(
  dir: string,
  name: string,
  parse: (json: unknown, file: string) => Checked<T>,
): Promise<T> {
  let text: string;
  try {
    text = await readFile(path.join(dir, name), "utf8");
  } catch (error) {
    throw new UsageError(`读不到文字模板 ${name}（${(error as NodeJS.ErrnoException).code ?? "读取失败"}）；请从安装包恢复 templates/${name}。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`文字模板 ${name} 不是有效的 JSON：${(error as Error).message}。请检查引号、逗号和括号。`);
  }
  const { value, problems } = parse(json, name);
  if (value === null) throw new UsageError(problems.map((p) => p.message).join("\n"));
  return value;
}

export function readNoticeWording(dir: string = TEMPLATES_DIR): Promise<NoticeWording> {
  return readTemplate(dir, NOTICE_TEMPLATE, parseNoticeWording);
}

export function readSlipWording(dir: string = TEMPLATES_DIR): Promise<SlipWording> {
  return readTemplate(dir, SLIP_TEMPLATE, parseSlipWording);
}
