// political.md's worked example as data: 10 forms (上级领导 2, 班子成员 3, 干部职工 5) whose
// aspect scores are 94, 90, 88, 86.5 and 92 under 望江's default rules (worked out by hand below).

import type { Grade } from "../../../src/domain/labels.js";
import type { Cadre, PoliticalForm, ProblemClue } from "../../../src/domain/political-model.js";
import { DEFAULT_POLITICAL_RULES_FILE, toPoliticalRules } from "../../../src/domain/political-rules.js";

export const rules = () => toPoliticalRules(DEFAULT_POLITICAL_RULES_FILE);

const W: Record<string, Grade> = { 好: "good", 较好: "fairlyGood", 一般: "average", 较差: "poor" };
const GROUPS = ["上级领导", "上级领导", "班子成员", "班子成员", "班子成员", "干部职工", "干部职工", "干部职工", "干部职工", "干部职工"];

// Per aspect, the 10 forms' words in GROUPS order.
// 政治忠诚: 上级 好 好 → 100; 班子 好 好 较好 → 95; 职工 好 好 好 较好 一般 → 91; A = 20 + 28.5 + 45.5 = 94
// 政治定力: 100, 100, 职工 好 好 好 较差 较差 → 80; A = 20 + 30 + 40 = 90
// 政治担当: 100, 100, 职工 较好 较好 一般 一般 一般 → 76; A = 20 + 30 + 38 = 88
// 政治能力: 100, 100, 职工 较好 一般 一般 一般 一般 → 73; A = 20 + 30 + 36.5 = 86.5
// 政治自律: 100, 100, 职工 好 好 较好 较好 较差 → 84; A = 20 + 30 + 42 = 92
const WORDS: Record<string, string[]> = {
  政治忠诚: ["好", "好", "好", "好", "较好", "好", "好", "好", "较好", "一般"],
  政治定力: ["好", "好", "好", "好", "好", "好", "好", "好", "较差", "较差"],
  政治担当: ["好", "好", "好", "好", "好", "较好", "较好", "一般", "一般", "一般"],
  政治能力: ["好", "好", "好", "好", "好", "较好", "一般", "一般", "一般", "一般"],
  政治自律: ["好", "好", "好", "好", "好", "好", "好", "较好", "较好", "较差"],
};

/** The 10 forms; the first `marks9` of them mark 反9. */
export function exampleForms(marks9 = 0, cadreId = "GB001"): PoliticalForm[] {
  return GROUPS.map((group, i) => ({
    cadreId,
    group,
    raterId: null,
    ratings: Object.fromEntries(Object.entries(WORDS).map(([aspect, words]) => [aspect, W[words[i] ?? ""] ?? "good"])),
    marks: i < marks9 ? ["反9"] : [],
  }));
}

export const REF = { file: "测评.xlsx", sheet: "问题线索", cell: "A2", header: "" };

export function exampleCadre(id = "GB001", unitCode = "WJ01"): Cadre {
  return { id, name: "张三", post: "局长", unitCode, kind: "principal", note: null, ref: { ...REF, sheet: "干部" } };
}

export function clue(aspect: string, verification: ProblemClue["verification"], cadreId = "GB001"): ProblemClue {
  return { cadreId, source: "纪委监委", aspect, itemCode: null, content: "反映问题", verification, date: "2026-10-09", ref: REF };
}
