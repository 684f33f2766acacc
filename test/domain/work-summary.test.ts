import { describe, expect, it } from "vitest";
import type { WorkItem } from "../../src/domain/model.js";
import { rowsByPersonId } from "../../src/domain/model.js";
import { openItemText, summariseWork } from "../../src/domain/work-summary.js";

function item(personId: string, text: string, state: WorkItem["state"], reason: string | null): WorkItem {
  return { personId, item: text, state, reason, note: null, ref: { file: "q3.xlsx", sheet: "工作清单", cell: "C2", header: "工作事项" } };
}

const ITEMS = [
  item("P1", "起草季度工作总结", "done", null),
  item("P2", "项目验收", "unfinished", "系统未上线"),
  item("P1", "档案数字化", "inProgress", "等待上级批复经费"),
  item("P1", "信访件办理", "unfinished", "材料不全"),
  item("P1", "组织培训", "done", null),
];

describe("summariseWork: a person's 季度工作绩效清单 in numbers (workbook.md 工作清单)", () => {
  it.each([
    ["P1", 4, 2, 1, 1, ["档案数字化", "信访件办理"]],
    ["P2", 1, 0, 0, 1, ["项目验收"]],
    ["P3", 0, 0, 0, 0, []],
  ])("%s: %i items, %i done, %i in progress, %i unfinished", (id, total, done, inProgress, unfinished, open) => {
    const summary = summariseWork(rowsByPersonId(ITEMS).get(id) ?? []);
    expect([summary.total, summary.done, summary.inProgress, summary.unfinished]).toEqual([total, done, inProgress, unfinished]);
    expect(summary.open.map((i) => i.item)).toEqual(open);
  });

  it("writes an open item with its state and reason, as the sheet and the slip print it", () => {
    expect(openItemText(ITEMS[2]!)).toBe("【推进中】档案数字化：等待上级批复经费");
    expect(openItemText(item("P1", "调研报告", "unfinished", null))).toBe("【未完成】调研报告");
  });
});
