// 结果.xlsx with 月纪实 and 自评 (issue 14; outputs.md 结果 and 工作清单): the 自评等次 and 自评与等次
// columns, the 工作清单 sheet by month with the personal summaries in full, and a workbook without
// months or summaries printing its 工作清单 as before. Built on the hand-made unit of
// demo-unit.ts (grades: A 好, B 好, C 较好, D 较好, E 较好, F 一般, G 较差, H 不确定等次).

import { describe, expect, it } from "vitest";
import type { ResultWorkbookInput } from "../../src/build/result-workbook.js";
import { buildResultWorkbook } from "../../src/build/result-workbook.js";
import type { Grade } from "../../src/domain/labels.js";
import type { GradedUnit } from "../../src/domain/graded.js";
import type { PersonalSummary, WorkItem } from "../../src/domain/model.js";
import type { SheetCell, SheetSpec } from "../../src/ooxml/write-xlsx.js";
import { writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { IDS, POOL, WORKBOOK, demoEffectiveRules, demoUnit, ref } from "../support/demo-unit.js";
import { readXlsx, sheet } from "../support/read-office.js";

function withSelfGrades(unit: GradedUnit, self: Record<string, Grade>): GradedUnit {
  return { ...unit, persons: unit.persons.map((p) => ({ ...p, person: { ...p.person, selfGrade: self[p.person.id] ?? null } })) };
}

function input(overrides: Partial<ResultWorkbookInput> = {}): ResultWorkbookInput {
  return {
    graded: demoUnit(),
    pool: POOL,
    workbook: WORKBOOK,
    inputFiles: [{ file: WORKBOOK.file, sha256: WORKBOOK.sha256 }],
    rules: demoEffectiveRules(),
    warnings: [],
    toolVersion: "0.1.0",
    ...overrides,
  };
}

function named(spec: { sheets: SheetSpec[] }, name: string): SheetSpec {
  const found = spec.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function show(cell: SheetCell | undefined): string | number | null {
  if (!cell || cell.kind === "blank") return null;
  return cell.kind === "text" ? cell.text : cell.value;
}

function table(s: SheetSpec): Array<Array<string | number | null>> {
  return s.rows.map((row) => row.cells.map(show));
}

describe("结果: 自评等次 and 自评与等次", () => {
  const self: Record<string, Grade> = {
    [IDS.leader]: "good", // no grade of the unit's: blank
    [IDS.a]: "good", // 好 / 好
    [IDS.c]: "good", // 好 / 较好: higher
    [IDS.d]: "average", // 一般 / 较好: lower
    [IDS.f]: "fairlyGood", // 较好 / 一般: higher
    [IDS.g]: "poor", // 较差 / 较差
    [IDS.h]: "fairlyGood", // 不确定等次: blank
  };

  it("shows the 自评 beside the grade and says where the two differ", () => {
    const s = named(buildResultWorkbook(input({ graded: withSelfGrades(demoUnit(), self) })), "结果");
    const headers = s.columns.map((c) => c.header);
    expect(headers.slice(12)).toEqual(["等次", "自评等次", "自评与等次", "说明"]);
    expect(table(s).map((r) => [r[2], r[12], r[13], r[14]])).toEqual([
      ["李局长", "由上级评定", "好", null],
      ["张三", "好", "好", "一致"],
      ["李四", "好", null, null],
      ["王五", "较好", "好", "高于"],
      ["赵六", "较好", "一般", "低于"],
      ["钱七", "较好", null, null],
      ["孙八", "一般", "较好", "高于"],
      ["周九", "较差", "较差", "一致"],
      ["吴十", "不确定等次", "较好", null],
    ]);
  });

  it("a 待定 person's 自评 is shown, not compared", () => {
    const s = named(buildResultWorkbook(input({ graded: withSelfGrades(demoUnit("draft"), { [IDS.b]: "good" }) })), "结果");
    expect(table(s)[2]?.slice(12, 15)).toEqual(["待定", "好", null]);
  });
});

function item(personId: string, month: number | null, text: string, state: WorkItem["state"], reason: string | null, line: number): WorkItem {
  return { personId, month, item: text, state, reason, note: null, ref: ref("工作清单", `D${line}`, "工作事项") };
}

function summary(personId: string, month: number | null, text: string, line: number): PersonalSummary {
  return { personId, month, text, ref: ref("个人小结", `D${line}`, "小结") };
}

const LONG_SUMMARY = `${"本季度认真履行岗位职责，按时完成各项任务。".repeat(30)}下季度继续努力。`;

const MONTHLY = {
  ...WORKBOOK,
  workItems: [
    item(IDS.a, 7, "起草七月工作简报", "done", null, 2),
    item(IDS.a, 8, "组织全局业务培训", "done", null, 3),
    item(IDS.a, 8, "档案数字化", "inProgress", "等待上级批复经费", 4),
    item(IDS.a, 9, "起草季度工作总结", "done", null, 5),
    item(IDS.a, null, "全季度值班安排", "done", null, 6),
    item(IDS.b, 7, "项目验收", "unfinished", "系统未上线", 7),
    // 王五 keeps a list without months; 周九 has no item at all
    item(IDS.c, null, "信访件办理", "done", null, 8),
  ],
  summaries: [summary(IDS.a, null, LONG_SUMMARY, 2), summary(IDS.a, 8, "八月重点是培训。", 3), summary(IDS.b, 7, "七月验收未完成。", 4)],
};

describe("工作清单 by month, with the summaries in full", () => {
  const s = named(buildResultWorkbook(input({ workbook: MONTHLY })), "工作清单");

  it("gains a 月份 and a 个人小结 column", () => {
    expect(s.columns.map((c) => c.header)).toEqual(["序号", "人员编号", "姓名", "科室", "月份", "事项数", "已完成", "推进中", "未完成", "未完成事项及原因", "个人小结"]);
  });

  it("gives a person who keeps months a row per month of the quarter, then the whole quarter's", () => {
    const rows = table(s);
    expect(rows.filter((r) => r[1] === IDS.a)).toEqual([
      [1, IDS.a, "张三", "办公室", "7月", 1, 1, 0, 0, null, null],
      [1, IDS.a, "张三", "办公室", "8月", 2, 1, 1, 0, "【推进中】档案数字化：等待上级批复经费", "八月重点是培训。"],
      [1, IDS.a, "张三", "办公室", "9月", 1, 1, 0, 0, null, null],
      [1, IDS.a, "张三", "办公室", "全季度", 1, 1, 0, 0, null, LONG_SUMMARY],
    ]);
    // 李四: items in 7月 only: 8月 and 9月 say that nothing was written
    expect(rows.filter((r) => r[1] === IDS.b).map((r) => [r[4], r[5], r[9], r[10]])).toEqual([
      ["7月", 1, "【未完成】项目验收：系统未上线", "七月验收未完成。"],
      ["8月", 0, "本月未填写工作事项", null],
      ["9月", 0, "本月未填写工作事项", null],
    ]);
  });

  it("gives a person without months one row of the whole quarter, as before", () => {
    const rows = table(s);
    expect(rows.filter((r) => r[1] === IDS.c)).toEqual([[3, IDS.c, "王五", "业务科", "全季度", 1, 1, 0, 0, null, null]]);
    expect(rows.filter((r) => r[1] === IDS.g)).toEqual([[7, IDS.g, "周九", "业务科", "全季度", 0, 0, 0, 0, "未填写工作清单", null]]);
  });

  it("keeps the whole summary, however long, in its cell", async () => {
    const wb = await readXlsx(await writeXlsx(buildResultWorkbook(input({ workbook: MONTHLY }))));
    const ws = sheet(wb, "工作清单");
    const cells: string[] = [];
    ws.eachRow((row) => cells.push(String((row.values as unknown[])[11] ?? "")));
    expect(cells).toContain(LONG_SUMMARY);
    // Excel refuses rows taller than 409 points
    ws.eachRow((row) => expect(row.height ?? 15).toBeLessThanOrEqual(409));
  });

  it("summaries without months add the 个人小结 column only", () => {
    const quarterOnly = { ...WORKBOOK, summaries: [summary(IDS.b, null, "季度小结。", 2)] };
    const t = named(buildResultWorkbook(input({ workbook: quarterOnly })), "工作清单");
    expect(t.columns.map((c) => c.header)).toEqual(["序号", "人员编号", "姓名", "科室", "事项数", "已完成", "推进中", "未完成", "未完成事项及原因", "个人小结"]);
    expect(table(t)[1]).toEqual([2, IDS.b, "李四", "业务科", 1, 0, 0, 1, "【未完成】项目验收：系统未上线", "季度小结。"]);
  });

  it("a workbook without months or summaries prints the sheet exactly as before", () => {
    const before = named(buildResultWorkbook(input()), "工作清单");
    expect(before.columns.map((c) => [c.header, c.width])).toEqual([
      ["序号", 6], ["人员编号", 20], ["姓名", 10], ["科室", 14], ["事项数", 8], ["已完成", 8], ["推进中", 8], ["未完成", 8], ["未完成事项及原因", 60],
    ]);
    expect(table(before).map((r) => r.length)).toEqual(Array(7).fill(9));
  });
});
