import { describe, expect, it } from "vitest";
import type { FeedbackSlipsInput, SlipContent, SlipRow } from "../../src/build/feedback-slips.js";
import { slipContents, writeFeedbackSlips } from "../../src/build/feedback-slips.js";
import type { SlipWording } from "../../src/build/wording.js";
import { readSlipWording } from "../../src/read/wording-templates.js";
import { IDS, WORKBOOK, demoRules, demoUnit } from "../support-outputs/demo-unit.js";
import { docxParagraphs, zipEntryDates, zipPart } from "../support-outputs/read-office.js";

const wording: SlipWording = await readSlipWording();

function input(overrides: Partial<FeedbackSlipsInput> = {}): FeedbackSlipsInput {
  return { graded: demoUnit(), period: WORKBOOK.period, workbook: WORKBOOK, rules: demoRules(), ...overrides };
}

function slipOf(id: string, i: FeedbackSlipsInput = input()): SlipContent {
  const slip = slipContents(i, wording).find((s) => s.personId === id);
  if (!slip) throw new Error(`no slip for ${id}`);
  return slip;
}

function wide(slip: SlipContent, label: string): string[] {
  const row = slip.rows.find((r): r is Extract<SlipRow, { kind: "wide" }> => r.kind === "wide" && r.label === label);
  return row?.lines ?? [];
}

function pairs(slip: SlipContent): Record<string, string> {
  return Object.fromEntries(slip.rows.flatMap((r) => (r.kind === "pair" ? [r.left, r.right] : [])));
}

describe("slipContents: 反馈单 of a unit (outputs.md Per unit 3)", () => {
  it("one slip per graded person, in roster order (not the leader, not 不确定等次)", () => {
    expect(slipContents(input(), wording).map((s) => s.personId)).toEqual([IDS.a, IDS.b, IDS.c, IDS.d, IDS.e, IDS.f, IDS.g]);
  });

  it("gives unit, period, name, department, grade, I, C, B, D, S and band", () => {
    const slip = slipOf(IDS.f);
    expect(slip.title).toBe("公务员平时考核结果反馈单");
    expect(slip.unitLine).toBe("某市某某局　2026年第三季度");
    expect(pairs(slip)).toEqual({
      姓名: "孙八",
      科室: "综合科",
      职务职级: "一级科员",
      考核等次: "一般",
      个性得分: "75.00",
      共性得分: "75.00",
      加分: "1.00",
      减分: "1.00",
      综合得分: "75.00",
      分数档: "一般",
    });
  });

  it("lists every reason", () => {
    expect(wide(slipOf(IDS.b), "等次说明")).toEqual([
      "2人并列，剩余1个名额，由考核委员会审定",
      "委员会审定：由待定改为好（牵头完成年度重点项目）",
    ]);
    expect(wide(slipOf(IDS.d), "等次说明")).toEqual(["限好：受到诫勉谈话"]);
    expect(wide(slipOf(IDS.a), "等次说明")).toEqual(["无"]);
  });

  it("summarises the work list with the open items and their reasons", () => {
    expect(wide(slipOf(IDS.a), "工作清单")).toEqual([
      "共3项：已完成2项，推进中1项，未完成0项。",
      "【推进中】档案数字化：等待上级批复经费",
    ]);
    expect(wide(slipOf(IDS.c), "工作清单")).toEqual(["未填写季度工作绩效清单。"]);
  });

  it("carries 评鉴意见 and 改进目标 from 个性评分", () => {
    expect(wide(slipOf(IDS.g), "评鉴意见")).toEqual(["多项工作未按时完成"]);
    expect(wide(slipOf(IDS.g), "改进目标")).toEqual(["按期完成季度重点任务"]);
    expect(wide(slipOf(IDS.e), "评鉴意见")).toEqual(["无"]);
  });

  it("gives the 复核 window in working days (notice.reviewDays)", () => {
    const rules = demoRules({ notice: { days: 5, list: "good", showScores: false, reviewDays: 3 } });
    expect(wide(slipOf(IDS.a, input({ rules })), "复核")).toEqual([
      "对本人考核结果有异议的，可自收到本反馈单之日起3个工作日内，向本单位考核委员会书面提出复核申请。",
    ]);
  });

  it.each([
    [IDS.a, null],
    [IDS.c, null],
    [IDS.f, "本季度考核等次为“一般”，请分管领导与本人进行谈心谈话，帮助分析原因、明确改进措施。"],
    [IDS.g, "本季度考核等次为“较差”，请分管领导与本人进行谈心谈话，帮助分析原因、明确改进措施。"],
  ])("asks for a 谈心谈话 only for 一般 and 较差: %s", (id, talk) => {
    expect(slipOf(id).talk).toBe(talk);
  });

  it("a 待定 person in a draft gets 待定 and no talk line", () => {
    const slip = slipOf(IDS.b, input({ graded: demoUnit("draft") }));
    expect(pairs(slip)["考核等次"]).toBe("待定");
    expect(slip.talk).toBeNull();
  });
});

describe("writeFeedbackSlips: 反馈单.docx", () => {
  it("puts each slip in its own A4 section, so each starts a new page", async () => {
    const bytes = await writeFeedbackSlips(slipContents(input(), wording), wording);
    const xml = await zipPart(bytes, "word/document.xml");
    expect(xml.match(/<w:sectPr/g)).toHaveLength(7);
    expect(xml.match(/<w:pgSz w:w="11906" w:h="16838"/g)).toHaveLength(7);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    const text = await docxParagraphs(bytes);
    expect(text.filter((t) => t === "公务员平时考核结果反馈单")).toHaveLength(7);
    expect(text).toContain("孙八");
    expect(text).toContain("本季度考核等次为“一般”，请分管领导与本人进行谈心谈话，帮助分析原因、明确改进措施。");
  });

  it("writes one page saying so when the unit has no graded person", async () => {
    const text = await docxParagraphs(await writeFeedbackSlips([], wording));
    expect(text).toEqual(["本单位本季度没有参加定等的人员，无反馈单。"]);
  });

  it("has no clock in it: the same bytes twice", async () => {
    const slips = slipContents(input(), wording);
    const [first, second] = [await writeFeedbackSlips(slips, wording), await writeFeedbackSlips(slips, wording)];
    expect(first.equals(second)).toBe(true);
    expect(new Set(await zipEntryDates(first))).toEqual(new Set(["1980-01-01T00:00:00.000Z"]));
  });
});
