import { describe, expect, it } from "vitest";
import { bandOf, eligibleBand } from "../../src/domain/band.js";
import { exact } from "../../src/domain/exact.js";
import { reasonText } from "../../src/domain/graded.js";
import type { EventKind, Grade } from "../../src/domain/labels.js";
import { defaultRules } from "../support/default-rules.js";

const bands = defaultRules().bands;

describe("the band of S (rules.md §3, bands 90 / 80 / 60)", () => {
  it.each([
    ["100", "good"],
    ["90", "good"],
    ["89.99", "fairlyGood"],
    ["80", "fairlyGood"],
    ["79.99", "average"],
    ["60", "average"],
    ["59.99", "poor"],
    ["0", "poor"],
  ] as [string, Grade][])("S = %s → %s", (total, expected) => {
    expect(bandOf(exact(total), bands)).toBe(expected);
  });
});

describe("the eligible band E (rules.md §3)", () => {
  it.each([
    // S, events, 分数档, E, reasons
    ["95", [], "good", "good", []],
    ["95", [["veto", "违反工作纪律受处分"]], "good", "poor", ["否决：违反工作纪律受处分"]],
    ["50", [["veto", "旷工"]], "poor", "poor", ["否决：旷工"]],
    ["95", [["barGood", "被约谈提醒"]], "good", "fairlyGood", ["限好：被约谈提醒"]],
    ["85", [["barGood", "被约谈提醒"]], "fairlyGood", "fairlyGood", []], // 限好 changes nothing below 好
    ["95", [["barGood", "约谈"], ["veto", "处分"]], "good", "poor", ["否决：处分"]], // veto outranks bar
    ["70", [["veto", "甲"], ["veto", "乙"]], "average", "poor", ["否决：甲", "否决：乙"]],
    ["95", [["bonus", "表彰"]], "good", "good", []],
  ] as [string, [EventKind, string][], Grade, Grade, string[]][])("S %s with %j → band %s, E %s", (total, events, band, eligible, reasons) => {
    const result = eligibleBand(exact(total), events.map(([kind, reason]) => ({ kind, reason })), bands);
    expect(result.band).toBe(band);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.map(reasonText)).toEqual(reasons);
  });
});
