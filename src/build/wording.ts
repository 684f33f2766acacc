// The words of the notice and the feedback slip live in templates/*.json, which a clerk's office
// may edit (STYLE.md: templates/ holds texts an office may edit). This file checks such a file
// and fills its {占位符}. Pure: the pipeline reads the file and passes the JSON in.

import { z } from "zod";
import type { Checked, Problem } from "../domain/problem.js";

const text = z.string();

const FontsSchema = z.strictObject({
  /** East Asian font of titles (GB/T 9704: 方正小标宋简体). */
  title: text.min(1),
  /** East Asian font of body text (GB/T 9704: 仿宋_GB2312). */
  body: text.min(1),
  /** Font of Latin letters and digits. */
  latin: text.min(1),
});

export const NoticeWordingSchema = z.strictObject({
  说明: text.optional(),
  fonts: FontsSchema,
  title: text.min(1),
  correctedSuffix: text,
  intro: text.min(1),
  listIntro: text.min(1),
  listGood: text.min(1),
  listAll: text.min(1),
  emptyList: text.min(1),
  correction: text.min(1),
  period: text.min(1),
  objection: text.min(1),
  contact: text.min(1),
  phone: text.min(1),
  address: text.min(1),
  signature: text.min(1),
  dateLine: text.min(1),
});
export type NoticeWording = z.infer<typeof NoticeWordingSchema>;

export const SlipWordingSchema = z.strictObject({
  说明: text.optional(),
  fonts: FontsSchema,
  title: text.min(1),
  unitLine: text.min(1),
  workCounts: text.min(1),
  workOmitted: text.min(1),
  eventsOmitted: text.min(1),
  review: text.min(1),
  talk: text.min(1),
  pendingReason: text.min(1),
  draftHeader: text.min(1),
  draftNote: text.min(1),
  feedbackBy: text.min(1),
  unitSeal: text.min(1),
  receipt: text.min(1),
  noPersons: text.min(1),
});
export type SlipWording = z.infer<typeof SlipWordingSchema>;

/** The placeholders each template may use; anything else in braces is a mistake to report. */
export const NOTICE_PLACEHOLDERS = [
  "单位名称",
  "年度",
  "季度",
  "方案名称",
  "方案文件",
  "定等人数",
  "好等次人数",
  "名单",
  "公示期",
  "公示天数",
  "复核天数",
  "联系人",
  "联系电话",
  "受理地址",
  "公示日期",
  "更正说明",
] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];

export const SLIP_PLACEHOLDERS = [
  "单位名称",
  "年度",
  "季度",
  "事项数",
  "已完成",
  "推进中",
  "未完成",
  "未列出",
  "复核天数",
  "等次",
] as const;
export type SlipPlaceholder = (typeof SLIP_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

function templateProblem(file: string, key: string, value: string, message: string): Problem {
  return { severity: "error", code: "E_TEMPLATE", file, sheet: "", cell: "", header: key, value, message };
}

function parseWording<T extends Record<string, unknown>>(
  schema: z.ZodType<T>,
  allowed: readonly string[],
  json: unknown,
  file: string,
): Checked<T> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      value: null,
      problems: parsed.error.issues.map((issue) => {
        const key = issue.path.join(".");
        const what =
          issue.code === "unrecognized_keys"
            ? `有不认识的项目：${issue.keys.join("、")}，请删除或改正拼写。`
            : `项目「${key}」应为一段文字（不能缺少${issue.code === "too_small" ? "，也不能为空" : ""}）。`;
        return templateProblem(file, key, "", `文字模板 ${file} ${what}`);
      }),
    };
  }
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(parsed.data)) {
    if (typeof value !== "string" || key === "说明") continue;
    for (const m of value.matchAll(PLACEHOLDER)) {
      const name = m[1] ?? "";
      if (!allowed.includes(name)) {
        problems.push(
          templateProblem(
            file,
            key,
            m[0],
            `文字模板 ${file} 的「${key}」用了占位符“${m[0]}”，程序不认识；可用的占位符有：${allowed.map((a) => `{${a}}`).join("、")}。`,
          ),
        );
      }
    }
  }
  return { value: problems.length === 0 ? parsed.data : null, problems };
}

export function parseNoticeWording(json: unknown, file: string): Checked<NoticeWording> {
  return parseWording(NoticeWordingSchema, NOTICE_PLACEHOLDERS, json, file);
}

export function parseSlipWording(json: unknown, file: string): Checked<SlipWording> {
  return parseWording(SlipWordingSchema, SLIP_PLACEHOLDERS, json, file);
}

/** `关于{单位名称}…` with every placeholder replaced; the template was checked on reading. */
export function fill<K extends string>(template: string, values: Record<K, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name as K] : whole,
  );
}
