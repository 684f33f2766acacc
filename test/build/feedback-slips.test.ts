import { describe, expect, it } from "vitest";
import type { FeedbackSlipsInput, SlipContent, SlipRow } from "../../src/build/slip-content.js";
import { SLIP_PAGE_BUDGET, fitSlip, slipHeight, writeFeedbackSlips } from "../../src/build/feedback-slips.js";
import fc from "fast-check";
import { exact } from "../../src/domain/exact.js";
import { slipContents } from "../../src/build/slip-content.js";
import type { SlipWording } from "../../src/build/wording.js";
import { readSlipWording } from "../../src/build/wording-templates.js";
import { IDS, WORKBOOK, demoRules, demoUnit, ref } from "../support/demo-unit.js";
import { docxParagraphs, zipEntryDates, zipPart } from "../support/read-office.js";
import type { PersonalSummary, WorkItem } from "../../src/domain/model.js";
import { CUT_MARK } from "../../src/build/work-by-month.js";
import { Header, Paragraph, Table, TableCell, TableRow, TextRun, Document, writeDocx } from "../../src/ooxml/docx-writer.js";
import { A4_PAGE, TEXT_WIDTH } from "../../src/ooxml/docx-package.js";

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

  it("gives unit, period, name, department, grade and 自评等次, I, C, B, D, S and band", () => {
    const slip = slipOf(IDS.f);
    expect(slip.title).toBe("公务员平时考核结果反馈单");
    expect(slip.unitLine).toBe("某市某某局　2026年第三季度");
    expect(pairs(slip)).toEqual({
      姓名: "孙八",
      科室: "综合科",
      职务职级: "一级科员",
      综合得分: "75.00",
      个性得分: "75.00",
      共性得分: "75.00",
      加分: "1.00",
      减分: "1.00",
      分数档: "一般",
      考核等次: "一般",
      自评等次: "",
      自评与等次: "",
    });
  });

  it.each([
    ["good", "一般", "一致", "好", "高于"],
    ["average", "一般", "一致", "一般", "一致"],
    ["poor", "一般", "一致", "较差", "低于"],
  ] as const)("自评等次 %s against 一般 (孙八)", (self, _grade, _same, label, comparison) => {
    const graded = demoUnit();
    const withSelf = { ...graded, persons: graded.persons.map((p) => (p.person.id === IDS.f ? { ...p, person: { ...p.person, selfGrade: self } } : p)) };
    const slip = slipOf(IDS.f, input({ graded: withSelf }));
    expect([pairs(slip)["自评等次"], pairs(slip)["自评与等次"]]).toEqual([label, comparison]);
  });

  it("lists every reason, and leaves the field blank when there is none (not 无)", () => {
    expect(wide(slipOf(IDS.b), "等次说明")).toEqual([
      "2人并列，剩余1个名额，由考核委员会审定",
      "委员会审定：由待定改为好（牵头完成年度重点项目）",
    ]);
    expect(wide(slipOf(IDS.d), "等次说明")).toEqual(["限好：受到诫勉谈话"]);
    expect(wide(slipOf(IDS.a), "等次说明")).toEqual([]);
  });

  it("gives each 加分/减分/否决/限好 event with its 事由 (issue 11: not 等次说明：无)", () => {
    const events = [
      { personId: IDS.f, kind: "bonus" as const, points: exact(1), reason: "获评市级优秀调研报告", date: "2026-09-15", ref: ref("加减分", "C2") },
      { personId: IDS.f, kind: "deduction" as const, points: exact("1.5"), reason: "未按时报送季度统计报表", date: null, ref: ref("加减分", "C3") },
      { personId: IDS.g, kind: "veto" as const, points: null, reason: "受到党内警告处分", date: null, ref: ref("加减分", "C4") },
      { personId: IDS.d, kind: "barGood" as const, points: null, reason: "受到诫勉谈话", date: "2026-08-20", ref: ref("加减分", "C5") },
    ];
    const i = input({ workbook: { ...WORKBOOK, events } });
    expect(wide(slipOf(IDS.f, i), "加减分事项")).toEqual(["加分 1.00：获评市级优秀调研报告（2026年9月15日）", "减分 1.50：未按时报送季度统计报表"]);
    expect(wide(slipOf(IDS.g, i), "加减分事项")).toEqual(["否决：受到党内警告处分"]);
    expect(wide(slipOf(IDS.d, i), "加减分事项")).toEqual(["限好：受到诫勉谈话（2026年8月20日）"]);
    expect(wide(slipOf(IDS.a, i), "加减分事项")).toEqual([]);
  });

  it("summarises the work list with the open items and their reasons; blank without one", () => {
    expect(wide(slipOf(IDS.a), "工作清单")).toEqual([
      "共3项：已完成2项，推进中1项，未完成0项。",
      "【推进中】档案数字化：等待上级批复经费",
    ]);
    expect(wide(slipOf(IDS.c), "工作清单")).toEqual([]);
  });

  it("carries 评鉴意见 and 改进目标 from 个性评分, blank when not given", () => {
    expect(wide(slipOf(IDS.g), "评鉴意见")).toEqual(["多项工作未按时完成"]);
    expect(wide(slipOf(IDS.g), "改进目标")).toEqual(["按期完成季度重点任务"]);
    expect(wide(slipOf(IDS.e), "评鉴意见")).toEqual([]);
  });

  it("gives the 复核 window in working days (notice.reviewDays)", () => {
    const rules = demoRules({ notice: { days: 5, list: "good", showScores: false, reviewDays: 3 } });
    expect(wide(slipOf(IDS.a, input({ rules })), "复核")).toEqual([
      "对本人考核结果有异议的，可自收到本反馈单之日起3个工作日内，向本单位考核委员会书面提出复核申请。",
    ]);
  });

  it("ends with the lines a slip handed over needs: 反馈人, 反馈日期, 单位（盖章）, 本人签收", () => {
    const signatures = slipOf(IDS.a).signatures.join("\n");
    for (const words of ["反馈人：", "反馈日期：", "单位（盖章）", "本人签收："]) expect(signatures).toContain(words);
    expect(slipOf(IDS.a).draft).toBeNull();
  });

  it.each([
    [IDS.a, []],
    [IDS.c, []],
    [IDS.f, ["本季度考核等次为“一般”，请分管领导与本人进行谈心谈话，帮助分析原因、明确改进措施。"]],
    [IDS.g, ["本季度考核等次为“较差”，请分管领导与本人进行谈心谈话，帮助分析原因、明确改进措施。"]],
  ])("asks for a 谈心谈话 only for 一般 and 较差: %s", (id, notes) => {
    expect(slipOf(id).notes).toEqual(notes);
  });

  it("fills an office's template with each person's own values, even where the default wording names only the unit's", () => {
    const worded = { ...wording, title: "{单位名称}反馈单（{等次}）", unitSeal: "{单位名称}（盖章）" };
    const slips = slipContents(input(), worded);
    expect(slips.find((s) => s.personId === IDS.f)?.title).toBe("某市某某局反馈单（一般）");
    expect(new Set(slips.map((s) => s.title)).size).toBeGreaterThan(1);
    expect(slips.map((s) => s.signatures[1])).toEqual(slips.map(() => "某市某某局（盖章）"));
  });

  it("a draft's slips say 草稿, name no tie and no colleague, and have no 复核 window, talk or signature lines", () => {
    const draft = input({ graded: demoUnit("draft") });
    for (const slip of slipContents(draft, wording)) {
      expect(slip.draft).toBe("草稿");
      expect(slip.signatures).toEqual([]);
      expect(slip.rows.some((r) => r.kind === "wide" && r.label === "复核")).toBe(false);
      expect(slip.notes).toEqual(["本反馈单为草稿，考核等次经考核委员会审定后生效，不作为正式反馈。"]);
    }
    const pending = slipOf(IDS.b, draft);
    expect(pairs(pending)["考核等次"]).toBe("待定");
    expect(wide(pending, "等次说明")).toEqual(["等次待考核委员会审定"]);
    const text = JSON.stringify(pending);
    expect(text).not.toMatch(/并列|剩余/);
    for (const colleague of ["王五", "张三"]) expect(text).not.toContain(colleague);
  });
});

describe("slipContents: 月纪实 and 个人小结 (issue 14; workbook.md 工作清单 月份, 个人小结)", () => {
  const work = (personId: string, month: number | null, text: string, state: WorkItem["state"], reason: string | null, line: number): WorkItem => ({
    personId,
    month,
    item: text,
    state,
    reason,
    note: null,
    ref: ref("工作清单", `C${line}`, "工作事项"),
  });
  const summary = (personId: string, month: number | null, text: string, line: number): PersonalSummary => ({
    personId,
    month,
    text,
    ref: ref("个人小结", `D${line}`, "小结"),
  });
  const monthly = (workItems: WorkItem[], summaries: PersonalSummary[] = []) => input({ workbook: { ...WORKBOOK, workItems, summaries } });

  it.each([
    [
      "items in two months and the whole quarter: every month of the quarter, 全季度 last, open items month by month",
      [
        work(IDS.a, 8, "八月调研", "unfinished", "调研对象未确定", 2),
        work(IDS.a, null, "全季度督办", "inProgress", "尚有2件未办结", 3),
        work(IDS.a, 7, "七月总结", "done", null, 4),
        work(IDS.a, 7, "七月培训", "inProgress", "场地未落实", 5),
      ],
      [
        "7月：共 2 项，已完成 1 项，推进中 1 项，未完成 0 项",
        "8月：共 1 项，已完成 0 项，推进中 0 项，未完成 1 项",
        "9月：共 0 项，已完成 0 项，推进中 0 项，未完成 0 项",
        "全季度：共 1 项，已完成 0 项，推进中 1 项，未完成 0 项",
        "【推进中】七月培训：场地未落实",
        "【未完成】八月调研：调研对象未确定",
        "【推进中】全季度督办：尚有2件未办结",
      ],
    ],
    [
      "all items in months: no 全季度 line",
      [work(IDS.a, 9, "九月报表", "done", null, 2)],
      ["7月：共 0 项，已完成 0 项，推进中 0 项，未完成 0 项", "8月：共 0 项，已完成 0 项，推进中 0 项，未完成 0 项", "9月：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项"],
    ],
    [
      "no month on any item: the quarter's line as before",
      [work(IDS.a, null, "档案数字化", "inProgress", "等待上级批复经费", 2), work(IDS.a, null, "起草总结", "done", null, 3)],
      ["共2项：已完成1项，推进中1项，未完成0项。", "【推进中】档案数字化：等待上级批复经费"],
    ],
  ])("工作清单 by month: %s", (_case, items, lines) => {
    expect(wide(slipOf(IDS.a, monthly(items)), "工作清单")).toEqual(lines);
  });

  it("keeps the month lines when the list is shortened: only open items are left out", () => {
    const row = slipOf(IDS.a, monthly([work(IDS.a, 7, "七月", "unfinished", "原因", 2)])).rows.find((r) => r.kind === "wide" && r.label === "工作清单");
    expect(row?.kind === "wide" && row.fit).toMatchObject({ kind: "list", keep: 3 });
  });

  it("a month's 个人小结 alone makes the work list by month, even for items without a month", () => {
    const i = monthly([work(IDS.a, null, "档案数字化", "done", null, 2)], [summary(IDS.a, 8, "八月小结。", 2)]);
    expect(wide(slipOf(IDS.a, i), "工作清单")).toEqual([
      "7月：共 0 项，已完成 0 项，推进中 0 项，未完成 0 项",
      "8月：共 0 项，已完成 0 项，推进中 0 项，未完成 0 项",
      "9月：共 0 项，已完成 0 项，推进中 0 项，未完成 0 项",
      "全季度：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
    ]);
  });

  it.each([
    ["the quarter's summary, though months' are given", [summary(IDS.a, 7, "七月小结。", 2), summary(IDS.a, null, "季度小结。", 3)], ["季度小结。"]],
    ["without it, the months' in month order, each headed, one a line", [summary(IDS.a, 9, "九月小结。", 2), summary(IDS.a, 7, "七月小结。", 3)], ["7月：七月小结。", "9月：九月小结。"]],
    ["a line break in the text starts a new line", [summary(IDS.a, null, "一是办文。\n二是督办。", 2)], ["一是办文。", "二是督办。"]],
  ])("个人小结: %s", (_case, summaries, lines) => {
    const slip = slipOf(IDS.a, monthly(WORKBOOK.workItems, summaries));
    expect(wide(slip, "个人小结")).toEqual(lines);
    // after 工作清单, before 评鉴意见
    const labels = slip.rows.flatMap((r) => (r.kind === "wide" ? [r.label] : []));
    expect(labels.slice(labels.indexOf("工作清单"), labels.indexOf("工作清单") + 3)).toEqual(["工作清单", "个人小结", "评鉴意见"]);
  });

  it("a person without months and without a summary has the slip of before: no 个人小结 row, the quarter's counts", () => {
    const i = monthly(WORKBOOK.workItems.concat(work(IDS.b, 7, "七月", "done", null, 9)), [summary(IDS.b, null, "小结。", 2)]);
    expect(slipOf(IDS.a, i)).toEqual(slipOf(IDS.a));
    expect(slipOf(IDS.a, i).rows.some((r) => r.kind === "wide" && r.label === "个人小结")).toBe(false);
  });

  it("a long 个人小结 is cut at a sentence to fit the page, ending ……（全文见结果表）", () => {
    const sentence = "本季度统筹办文三百余件，督办事项按期办结。";
    const text = sentence.repeat(150);
    const fitted = fitSlip(slipOf(IDS.a, monthly(WORKBOOK.workItems, [summary(IDS.a, null, text, 2)])));
    const shown = wide(fitted, "个人小结");
    expect(shown).toHaveLength(1);
    const line = shown[0]!;
    expect(line.endsWith(CUT_MARK)).toBe(true);
    const kept = line.slice(0, -CUT_MARK.length);
    // whole sentences only, at least one, and fewer than all
    expect(kept.length % sentence.length).toBe(0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(text.length);
    expect(kept).toBe(sentence.repeat(kept.length / sentence.length));
    expect(slipHeight(fitted)).toBeLessThanOrEqual(SLIP_PAGE_BUDGET);
  });

  it("a 个人小结 that fits is printed whole, without the mark", () => {
    const text = "本季度统筹办文三百余件，督办事项按期办结。".repeat(5);
    const slip = slipOf(IDS.a, monthly(WORKBOOK.workItems, [summary(IDS.a, null, text, 2)]));
    expect(fitSlip(slip)).toBe(slip);
    expect(wide(slip, "个人小结")).toEqual([text]);
  });
});

describe("fitSlip: one A4 page per person, always", () => {
  const many = Array.from({ length: 30 }, (_, i) => ({
    personId: IDS.a,
    month: null,
    item: `第${i + 1}项重点工作：推进某某专项整治行动并形成阶段性报告`,
    state: (["done", "inProgress", "unfinished"] as const)[i % 3]!,
    reason: i % 3 === 0 ? null : "因上级部署调整、配套经费尚未到位，工作推迟至下季度继续推进",
    note: null,
    ref: ref("工作清单", `C${i + 10}`),
  }));
  const long = "工作认真负责，能按时完成各项任务。".repeat(30);
  const crowded = input({
    workbook: { ...WORKBOOK, workItems: many, individualScores: WORKBOOK.individualScores.map((r) => ({ ...r, comment: long, goal: long })) },
  });

  it("leaves a slip that fits as it is", () => {
    const slip = slipOf(IDS.a);
    expect(fitSlip(slip)).toBe(slip);
  });

  it("summarises 30 work items: the counts, the first open items, and how many are left out and where", () => {
    const fitted = fitSlip(slipOf(IDS.a, crowded));
    const work = wide(fitted, "工作清单");
    // 30 items: 10 done, 10 推进中, 10 未完成 (i % 3); 20 open items in all.
    expect(work[0]).toBe("共30项：已完成10项，推进中10项，未完成10项。");
    const shown = work.filter((line) => line.startsWith("【")).length;
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThan(20);
    expect(work.at(-1)).toBe(`另有${20 - shown}项推进中或未完成的事项未列出，详见本单位考核结果工作簿（结果.xlsx）的“工作清单”工作表。`);
    expect(slipHeight(fitted)).toBeLessThanOrEqual(SLIP_PAGE_BUDGET);
    // The long texts are cut, not dropped, and end in ……
    expect(wide(fitted, "评鉴意见")[0]?.endsWith("……")).toBe(true);
    expect(wide(fitted, "评鉴意见")[0]?.startsWith("工作认真负责")).toBe(true);
  });

  it("fits the page it estimates, whatever the lengths (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 12 }), (items, textLength, events) => {
        const workbook = {
          ...WORKBOOK,
          workItems: many.concat(many).slice(0, items),
          individualScores: WORKBOOK.individualScores.map((r) => ({ ...r, comment: "评".repeat(textLength), goal: "目".repeat(textLength) })),
          events: Array.from({ length: events }, (_, i) => ({ personId: IDS.a, kind: "bonus" as const, points: exact(1), reason: `事由${i}`.repeat(8), date: null, ref: ref("加减分", `C${i + 2}`) })),
        };
        const fitted = fitSlip(slipOf(IDS.a, input({ workbook })));
        expect(slipHeight(fitted)).toBeLessThanOrEqual(SLIP_PAGE_BUDGET);
      }),
      { numRuns: 60 },
    );
  });

  it("fits with months, many items and a long 个人小结, which is cut at a sentence and never dropped (property)", () => {
    const sentence = fc.string({ unit: fc.constantFrom("办", "文", "督", "查", "a", "1", "，", "、"), minLength: 1, maxLength: 80 }).map((s) => `${s}。`);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.array(sentence, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 400 }),
        (items, sentences, byMonths, reviewLength) => {
          const text = sentences.join("");
          const workItems = many.concat(many).slice(0, items).map((item, i) => ({ ...item, month: i % 4 === 3 ? null : 7 + (i % 4) }));
          const summaries = byMonths
            ? [7, 8, 9].map((month, i) => ({ personId: IDS.a, month, text, ref: ref("个人小结", `D${i + 2}`) }))
            : [{ personId: IDS.a, month: null, text, ref: ref("个人小结", "D2") }];
          const workbook = {
            ...WORKBOOK,
            workItems,
            summaries,
            individualScores: WORKBOOK.individualScores.map((r) => ({ ...r, comment: "评".repeat(reviewLength), goal: "目".repeat(reviewLength) })),
          };
          const fitted = fitSlip(slipOf(IDS.a, input({ workbook })));
          expect(slipHeight(fitted)).toBeLessThanOrEqual(SLIP_PAGE_BUDGET);
          // the month lines are never left out
          expect(wide(fitted, "工作清单").filter((line) => /^[789]月：共/.test(line))).toHaveLength(items > 0 || byMonths ? 3 : 0);
          const shown = wide(fitted, "个人小结").join("\n");
          const full = byMonths ? ["7月：", "8月：", "9月："].map((head) => head + text).join("\n") : text;
          if (shown === full) return;
          // cut: a beginning of the text, then the mark
          expect(shown.endsWith(CUT_MARK)).toBe(true);
          const kept = shown.slice(0, -CUT_MARK.length);
          expect(full.startsWith(kept)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("writeFeedbackSlips: 反馈单.docx", () => {
  it("puts each slip in its own A4 section, so each starts a new page", async () => {
    const bytes = await writeFeedbackSlips(slipContents(input(), wording), wording);
    const xml = await zipPart(bytes, "word/document.xml");
    expect(xml.match(/<w:sectPr/g)).toHaveLength(7);
    expect(xml.match(/<w:pgSz w:w="11906" w:h="16838"/g)).toHaveLength(7);
    // The fonts are in the slip's named styles (styles.xml), which its paragraphs name.
    expect(await zipPart(bytes, "word/styles.xml")).toContain('w:eastAsia="仿宋_GB2312"');
    const text = await docxParagraphs(bytes);
    expect(text.filter((t) => t === "公务员平时考核结果反馈单")).toHaveLength(7);
    expect(text).toContain("孙八");
    expect(text).toContain("本季度考核等次为“一般”，请分管领导与本人进行谈心谈话，帮助分析原因、明确改进措施。");
  });

  it("a draft's slips carry 草稿 in the header of every page; a final unit's have no header", async () => {
    const draft = await writeFeedbackSlips(slipContents(input({ graded: demoUnit("draft") }), wording), wording);
    const xml = await zipPart(draft, "word/document.xml");
    expect(xml.match(/<w:headerReference w:type="default" r:id="rId\d+"\/>/g)).toHaveLength(7);
    expect(await zipPart(draft, "word/header1.xml")).toContain(">草稿</w:t>");
    const final = await zipPart(await writeFeedbackSlips(slipContents(input(), wording), wording), "word/document.xml");
    expect(final).not.toContain("headerReference");
    expect(final).not.toContain("草稿");
  });

  // A city's quarter end prints thousands of slips: their text takes its look from named styles,
  // which a clerk also finds in Word's or WPS's style list, instead of repeating it on every run.
  it("takes the look of its text from named styles: no run of a slip carries properties of its own", async () => {
    const bytes = await writeFeedbackSlips(slipContents(input(), wording), wording);
    const xml = await zipPart(bytes, "word/document.xml");
    expect(xml).not.toContain("<w:rPr>");
    expect(xml).not.toContain("<w:rFonts");
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
    // Every paragraph with text names its style; the empty ones only end a section.
    for (const p of paragraphs.filter((p) => p.includes("<w:r>"))) expect(p).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Slip\w+"\/>/);
    const styles = await zipPart(bytes, "word/styles.xml");
    const named = [...styles.matchAll(/<w:style w:type="paragraph" w:customStyle="1" w:styleId="(\w+)"><w:name w:val="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(named).toContainEqual(["SlipTableText", "表格文字"]);
    expect(named).toContainEqual(["SlipTitle", "反馈单标题"]);
    for (const id of new Set([...xml.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]))) expect(named.map(([i]) => i)).toContain(id);
    // The table's labels are bold 小四 in the body font, by their style.
    expect(styles).toMatch(/w:styleId="SlipTableLabel">.*?<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:b\/><w:bCs\/><w:sz w:val="24"\/>/);
    // The table's borders, its cells' margins and their vertical centring are its style's, said
    // once in styles.xml; each slip's table names the style, and no cell repeats it.
    expect(xml).not.toContain("<w:tcMar>");
    expect(xml).not.toContain("<w:tblBorders>");
    expect(xml).not.toContain("<w:tblCellMar>");
    expect(xml).not.toContain("<w:vAlign");
    expect(xml.match(/<w:tbl><w:tblPr><w:tblStyle w:val="SlipTable"\/>/g)).toHaveLength(xml.match(/<w:tbl>/g)!.length);
    expect(styles).toContain(
      '<w:style w:type="table" w:customStyle="1" w:styleId="SlipTable"><w:name w:val="反馈单表格"/><w:qFormat/><w:tblPr><w:tblBorders>' +
        ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`).join("") +
        '</w:tblBorders><w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar>' +
        '</w:tblPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>',
    );
    // Rows keep their own cantSplit: LibreOffice does not take it from a table style.
    expect(xml).toContain("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    // A person's slip, written out, stays under 9 KB of WordprocessingML (27 KB with every run's
    // properties and every cell's margins inline; 10 KB with the table's look in every table).
    expect(Buffer.byteLength(xml) / 7).toBeLessThan(9_000);
  });

  // The slips are written from XML templates (a city prints thousands): the templates must write
  // what docx-writer.ts's elements write for the same slip, as the slips were built before.
  it("writes each slip as docx-writer.ts's Paragraph, Table, TableRow, TableCell and TextRun would", async () => {
    const label = Math.floor(TEXT_WIDTH * 0.16);
    const value = Math.floor(TEXT_WIDTH * 0.34);
    const rowHeight = (slip: SlipContent, row: SlipRow): number => slipHeight({ ...slip, rows: [row] }) - slipHeight({ ...slip, rows: [] });
    const cell = (lines: string[], width: number, options: { label?: boolean; span?: number } = {}): TableCell =>
      new TableCell({
        width: { size: width, type: "dxa" },
        ...(options.span ? { columnSpan: options.span } : {}),
        children: (lines.length > 0 ? lines : [""]).map((line) => new Paragraph({ style: options.label ? "SlipTableLabel" : "SlipTableText", children: [new TextRun({ text: line })] })),
      });
    const elements = (slip: SlipContent): Array<Paragraph | Table> => [
      new Paragraph({ style: "SlipTitle", children: [new TextRun({ text: slip.title })] }),
      new Paragraph({ style: "SlipSubtitle", children: [new TextRun({ text: slip.unitLine })] }),
      new Table({
        style: "SlipTable",
        width: { size: 2 * (label + value), type: "dxa" },
        columnWidths: [label, value, label, value],
        rows: slip.rows.map(
          (row) =>
            new TableRow({
              cantSplit: rowHeight(slip, row) < SLIP_PAGE_BUDGET,
              children:
                row.kind === "pair"
                  ? [cell([row.left[0]], label, { label: true }), cell([row.left[1]], value), cell([row.right[0]], label, { label: true }), cell([row.right[1]], value)]
                  : [cell([row.label], label, { label: true }), cell(row.lines, label + 2 * value, { span: 3 })],
            }),
        ),
      }),
      ...slip.notes.map((text) => new Paragraph({ style: "SlipNote", children: [new TextRun({ text })] })),
      ...slip.signatures.map((text, i) => new Paragraph({ style: "SlipSignature", ...(i === 1 ? { alignment: "right" as const } : {}), children: [new TextRun({ text })] })),
    ];
    const odd = "张&<三>\"\u0001";
    const final = slipContents(input(), wording);
    const strange: SlipContent = {
      ...final[0]!,
      rows: [{ kind: "pair", left: ["姓名", odd], right: ["科室", ""] }, { kind: "wide", label: "等次说明", lines: [] }, { kind: "wide", label: odd, lines: ["一", odd] }],
    };
    // A row taller than a page may break across pages (no cantSplit).
    const tall: SlipContent = { ...final[1]!, rows: [{ kind: "wide", label: "复核", lines: Array.from({ length: 60 }, (_, i) => `第${i}行`) }] };
    // Too tall as it is, fitted to its page by a shorter list.
    const long: SlipContent = {
      ...final[2]!,
      rows: [...final[2]!.rows, { kind: "wide", label: "加减分事项", lines: Array.from({ length: 60 }, (_, i) => `加分 1.00：第${i}项`), fit: { kind: "list", keep: 0, omitted: "另有{未列出}项未列出" } }],
    };
    expect(slipHeight(long)).toBeGreaterThan(SLIP_PAGE_BUDGET);
    for (const slips of [final, slipContents(input({ graded: demoUnit("draft") }), wording), [strange, tall, long]]) {
      const header = new Header({ children: [new Paragraph({ style: "SlipDraftMark", children: [new TextRun({ text: "草稿" })] })] });
      const expected = writeDocx(
        new Document({
          sections: slips.map((slip) => ({ properties: { page: A4_PAGE }, ...(slip.draft ? { headers: { default: header } } : {}), children: elements(fitSlip(slip)) })),
        }),
        { title: "", fonts: [] },
      );
      const written = await zipPart(await writeFeedbackSlips(slips, wording), "word/document.xml");
      expect(written).toBe(await zipPart(expected, "word/document.xml"));
    }
    expect(rowHeight(tall, tall.rows[0]!)).toBeGreaterThan(SLIP_PAGE_BUDGET);
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
