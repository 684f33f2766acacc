// The slip's and the 工作清单 sheet's view of 月纪实 (work-by-month.ts): items by month, the line a
// month prints, the summary chosen for the slip, and the cut at a sentence. Expected texts and
// lengths are counted by hand.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersonalSummary, WorkItem } from "../../src/domain/model.js";
import { CUT_MARK, cutAtSentence, keptByMonth, monthWorkLine, slipSummaryText, workByMonth } from "../../src/build/work-by-month.js";

const REF = { file: "q3.xlsx", sheet: "工作清单", cell: "D2", header: "工作事项" };

function item(month: number | null, text: string, state: WorkItem["state"] = "done", reason: string | null = null): WorkItem {
  return { personId: "P1", month, item: text, state, reason, note: null, ref: REF };
}

function summary(month: number | null, text: string): PersonalSummary {
  return { personId: "P1", month, text, ref: { ...REF, sheet: "个人小结", header: "小结" } };
}

describe("workByMonth", () => {
  const items = [
    item(8, "八月一"),
    item(null, "全季度一"),
    item(7, "七月一", "inProgress", "待批复"),
    item(8, "八月二", "unfinished", "未上线"),
    item(7, "七月二"),
  ];

  it("groups by month in calendar order, the whole quarter last, items in sheet order", () => {
    expect(workByMonth(items).map((m) => [m.month, m.items.map((i) => i.item)])).toEqual([
      [7, ["七月一", "七月二"]],
      [8, ["八月一", "八月二"]],
      [null, ["全季度一"]],
    ]);
  });

  it("counts each month as summariseWork does", () => {
    expect(workByMonth(items).map(monthWorkLine)).toEqual([
      "7月：共 2 项，已完成 1 项，推进中 1 项，未完成 0 项",
      "8月：共 2 项，已完成 1 项，推进中 0 项，未完成 1 项",
      "全季度：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
    ]);
    expect(workByMonth(items)[1]?.summary.open.map((i) => i.item)).toEqual(["八月二"]);
  });

  it("a list without months is one group of the whole quarter; no items, no group", () => {
    expect(workByMonth([item(null, "一"), item(null, "二")]).map((m) => [m.month, m.items.length])).toEqual([[null, 2]]);
    expect(workByMonth([])).toEqual([]);
  });

  it.each<[string, WorkItem[], PersonalSummary[], boolean]>([
    ["no month anywhere", [item(null, "一")], [summary(null, "小结。")], false],
    ["an item with a month", [item(null, "一"), item(9, "二")], [], true],
    ["a summary with a month", [item(null, "一")], [summary(7, "七月。")], true],
    ["nothing", [], [], false],
  ])("keptByMonth: %s", (_name, its, sums, expected) => {
    expect(keptByMonth(its, sums)).toBe(expected);
  });
});

describe("slipSummaryText", () => {
  it("is the quarter's summary when there is one", () => {
    expect(slipSummaryText([summary(7, "七月。"), summary(null, "季度小结。"), summary(8, "八月。")])).toBe("季度小结。");
  });

  it("is the months' summaries in order, each headed by its month, without one", () => {
    expect(slipSummaryText([summary(9, "九月。"), summary(7, "七月。")])).toBe("7月：七月。\n9月：九月。");
  });

  it("is null when the person wrote none", () => {
    expect(slipSummaryText([])).toBeNull();
  });
});

describe("cutAtSentence", () => {
  // 10 + 10 + 10 characters: three sentences
  const text = "一二三四五六七八九。甲乙丙丁戊己庚辛壬！子丑寅卯辰巳午未申？";

  it("keeps a text that fits whole, trimmed", () => {
    expect(cutAtSentence(`  ${text} `, 30)).toEqual({ text, cut: false });
  });

  it("cuts after the last sentence that fits, the mark counted in the limit", () => {
    // CUT_MARK is 10 characters: 29 leaves 19, so only the first sentence (10) fits
    expect(Array.from(CUT_MARK)).toHaveLength(10);
    expect(cutAtSentence(text, 29)).toEqual({ text: `一二三四五六七八九。${CUT_MARK}`, cut: true });
    // 20 leaves 10: the first sentence just fits
    expect(cutAtSentence(text, 20)).toEqual({ text: `一二三四五六七八九。${CUT_MARK}`, cut: true });
  });

  it("takes whole clauses when the first sentence is already too long, and the mark replaces the comma", () => {
    const long = "今年第三季度完成了公文办理，组织了作风建设检查，推进了档案数字化整理工作。";
    // room = 25 - 10 = 15: up to 「今年第三季度完成了公文办理，」 (14)
    expect(cutAtSentence(long, 25)).toEqual({ text: `今年第三季度完成了公文办理${CUT_MARK}`, cut: true });
  });

  it("cuts a single over-long clause at the limit", () => {
    const clause = "一".repeat(40);
    expect(cutAtSentence(clause, 25)).toEqual({ text: `${"一".repeat(15)}${CUT_MARK}`, cut: true });
  });

  it("a line break is a boundary (the months' summaries of a slip)", () => {
    const months = "7月：整理档案\n8月：完成验收工作并总结经验";
    expect(cutAtSentence(months, 20)).toEqual({ text: `7月：整理档案${CUT_MARK}`, cut: true });
  });

  it("never exceeds the limit, and a cut text is a prefix of the original plus the mark (property)", () => {
    const piece = fc.constantFrom("一", "二", "三", "。", "，", "！", "𠀀", "a", "\n");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 10, max: 100 }), (pieces, limit) => {
        const source = pieces.join("");
        const { text: out, cut } = cutAtSentence(source, limit);
        expect(Array.from(out).length).toBeLessThanOrEqual(limit);
        if (cut) {
          expect(out.endsWith(CUT_MARK)).toBe(true);
          expect(source.trim().startsWith(out.slice(0, out.length - CUT_MARK.length))).toBe(true);
        } else {
          expect(out).toBe(source.trim());
        }
      }),
    );
  });
});
