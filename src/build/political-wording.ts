// The editable words of the political documents (templates/political.json): fonts, the
// confidentiality mark, titles, and the 结果运用 of each conclusion (political.md: "from
// templates/ wording a department may edit"). Checked here; read by read/wording-templates.ts.

import { z } from "zod";
import type { Grade } from "../domain/labels.js";
import type { Problem } from "../domain/problem.js";

const text = z.string().min(1);

export const PoliticalWordingSchema = z.strictObject({
  说明: z.string().optional(),
  fonts: z.strictObject({ title: text, body: text, latin: text }),
  confidential: text,
  portraitTitle: text,
  reportTitle: text,
  use: z.strictObject({ 好: text, 较好: text, 一般: text, 较差: text }),
});
export type PoliticalWording = z.infer<typeof PoliticalWordingSchema>;

export function parsePoliticalWording(json: unknown, file: string): { value: PoliticalWording | null; problems: Problem[] } {
  const parsed = PoliticalWordingSchema.safeParse(json);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return {
    value: null,
    problems: parsed.error.issues.map((issue) => ({
      severity: "error",
      code: "E_TEMPLATE",
      file,
      sheet: "",
      cell: "",
      header: issue.path.join("."),
      value: "",
      message: `文字模板 ${file} 的「${issue.path.join(".") || "（整个文件）"}」有误（${issue.message}）。请对照安装包中的原文件改正。`,
    })),
  };
}

/** 结果运用 by conclusion, in the domain's terms. */
export function useByGrade(wording: PoliticalWording): Record<Grade, string> {
  return { good: wording.use.好, fairlyGood: wording.use.较好, average: wording.use.一般, poor: wording.use.较差 };
}
