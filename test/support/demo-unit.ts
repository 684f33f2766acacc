// Hand-made graded data for the output tests: the worked example of rules.md §4 (N = 7, Q = 2)
// in one unit, plus a leadership member and a person 不确定等次. Scores are written out by hand;
// totals are rules.md's S (e.g. A: 0.7 × 97 + 0.3 × 90.33 = 94.999 → 95.00).

import { DEFAULT_POLITICAL_RULES_FILE } from "../../src/domain/political-rules.js";
import { defaultRules } from "./default-rules.js";
import { exact } from "../../src/domain/exact.js";
import type { ChangeRecord, GradedPerson, GradedPool, GradedUnit, Reason } from "../../src/domain/graded.js";
import type { Grade, Outcome, PersonKind, Status } from "../../src/domain/labels.js";
import type { AppraisalWorkbook, Person, Unit, WorkItem, IndividualScore } from "../../src/domain/model.js";
import type { CellRef } from "../../src/domain/model.js";
import type { EffectiveRules, Rules } from "../../src/domain/rules.js";

export const FILE = "某某局2026Q3.xlsx";

export function ref(sheet: string, cell: string, header = ""): CellRef {
  return { file: FILE, sheet, cell, header };
}

export const UNIT: Unit = {
  code: "A01",
  name: "某市某某局",
  parentCode: null,
  contact: "王敏",
  phone: "0556-5550123",
  address: "某市某某路1号302室",
  ref: ref("参数", "B3"),
};

interface PersonRow {
  id: string;
  name: string;
  department: string;
  title: string | null;
  kind?: PersonKind;
  status?: Status;
  statusReason?: string;
}

function person(row: PersonRow, line: number): Person {
  return {
    unitCode: UNIT.code,
    id: row.id,
    name: row.name,
    department: row.department,
    title: row.title,
    kind: row.kind ?? "staff",
    status: row.status ?? "participating",
    statusReason: row.statusReason ?? null,
    window: false,
    selfGrade: null,
    note: null,
    ref: ref("人员", `B${line}`, "人员编号"),
  };
}

/** Scores as decimal text: I, C, B, D, S (S already rounded, as the engine gives it). */
type ScoreText = [string, string, string, string, string];

function graded(
  p: Person,
  scores: ScoreText | null,
  band: Grade | null,
  rank: number | null,
  computed: Outcome | null,
  grade: Outcome | null,
  reasons: Reason[],
): GradedPerson {
  return {
    person: p,
    scores: scores
      ? {
          individual: exact(scores[0]),
          common: exact(scores[1]),
          bonus: exact(scores[2]),
          deduction: exact(scores[3]),
          total: exact(scores[4]),
        }
      : null,
    band,
    rank,
    computed,
    grade,
    reasons,
  };
}

// 人员编号 that look like resident ID numbers: a notice must never show one.
export const IDS = {
  leader: "340811197001010012",
  a: "340811199001011234",
  b: "340811199102022345",
  c: "340811199203033456",
  d: "340811199304044567",
  e: "340811199405055678",
  f: "340811199506066789",
  g: "340811199607077890",
  h: "34081119970808890X",
} as const;

export const PERSONS = {
  leader: person({ id: IDS.leader, name: "李局长", department: "局领导", title: "局长", kind: "leadership" }, 3),
  a: person({ id: IDS.a, name: "张三", department: "办公室", title: "一级主任科员" }, 4),
  b: person({ id: IDS.b, name: "李四", department: "业务科", title: "二级主任科员" }, 5),
  c: person({ id: IDS.c, name: "王五", department: "业务科", title: "一级科员" }, 6),
  d: person({ id: IDS.d, name: "赵六", department: "办公室", title: "一级科员" }, 7),
  e: person({ id: IDS.e, name: "钱七", department: "综合科", title: "四级主任科员" }, 8),
  f: person({ id: IDS.f, name: "孙八", department: "综合科", title: "一级科员" }, 9),
  g: person({ id: IDS.g, name: "周九", department: "业务科", title: "二级科员" }, 10),
  h: person({ id: IDS.h, name: "吴十", department: "综合科", title: "一级科员", status: "undetermined", statusReason: "立案审查" }, 11),
};

const TIE: Reason = { kind: "tie", tied: 2, left: 1, policy: "committee" };

export const COMMITTEE_CHANGES: ChangeRecord[] = [
  { personId: IDS.b, name: "李四", from: "pending", to: "good", kind: "committee", reason: "牵头完成年度重点项目", date: "2026-10-09" },
  { personId: IDS.c, name: "王五", from: "pending", to: "fairlyGood", kind: "committee", reason: "按得分相同时个性得分比较", date: "2026-10-09" },
];

export const REVIEW_CHANGE: ChangeRecord = {
  personId: IDS.f,
  name: "孙八",
  from: "average",
  to: "fairlyGood",
  kind: "review",
  reason: "复核发现工作数量漏计一项",
  date: "2026-10-20",
};

/** The unit after the committee decided the tie (final), or before (draft: B and C 待定). */
export function demoUnit(state: "final" | "draft" = "final", options: { review?: boolean } = {}): GradedUnit {
  const { leader, a, b, c, d, e, f, g, h } = PERSONS;
  const decided = state === "final";
  const review = options.review === true;
  const decision = (change: ChangeRecord): Reason => ({
    kind: "decision",
    decision: change.kind,
    from: change.from,
    to: change.to,
    text: change.reason,
  });
  const [toGood, toFairlyGood] = COMMITTEE_CHANGES as [ChangeRecord, ChangeRecord];
  const persons: GradedPerson[] = [
    graded(leader, null, null, null, null, null, [{ kind: "leadership" }]),
    graded(a, ["97", "90.33", "0", "0", "95"], "good", 1, "good", "good", []),
    graded(b, ["95", "90", "0", "0", "93.5"], "good", 2, "pending", decided ? "good" : "pending", decided ? [TIE, decision(toGood)] : [TIE]),
    graded(c, ["95", "90", "0", "0", "93.5"], "good", 2, "pending", decided ? "fairlyGood" : "pending", decided ? [TIE, decision(toFairlyGood)] : [TIE]),
    graded(d, ["95", "80", "0", "0", "90.5"], "good", 4, "fairlyGood", "fairlyGood", [{ kind: "barGood", text: "受到诫勉谈话" }]),
    graded(e, ["90", "90", "0", "0", "90"], "good", 5, "fairlyGood", "fairlyGood", [{ kind: "quota", quota: 2 }]),
    graded(f, ["75", "75", "1", "1", "75"], "average", 6, "average", review ? "fairlyGood" : "average", review ? [decision(REVIEW_CHANGE)] : []),
    graded(g, ["60", "40", "0", "0", "54"], "poor", 7, "poor", "poor", []),
    graded(h, null, null, null, null, null, [{ kind: "status", status: "undetermined", text: "立案审查" }]),
  ];
  return {
    unit: UNIT,
    poolCode: UNIT.code,
    state,
    persons,
    changes: [...(decided ? COMMITTEE_CHANGES : []), ...(review ? [REVIEW_CHANGE] : [])],
  };
}

export const POOL: GradedPool = {
  code: UNIT.code,
  unitCodes: [UNIT.code],
  n: 7,
  quota: 2,
  ratio: exact("0.4"),
  departments: [],
};

/** rules.md §4.4 for the demo: 业务科 3, 办公室 2, 综合科 2 of N = 7, Q = 2 → 1, 1, 0. */
export const DEPARTMENT_POOL: GradedPool = {
  ...POOL,
  departments: [
    { unitCode: UNIT.code, department: "办公室", persons: 2, share: 1, used: 1 },
    { unitCode: UNIT.code, department: "业务科", persons: 3, share: 1, used: 1 },
    { unitCode: UNIT.code, department: "综合科", persons: 2, share: 0, used: 0 },
  ],
};

function item(personId: string, text: string, state: WorkItem["state"], reason: string | null, line: number): WorkItem {
  return { personId, month: null, item: text, state, reason, note: null, ref: ref("工作清单", `C${line}`, "工作事项") };
}

function review(personId: string, comment: string | null, goal: string | null, line: number): IndividualScore {
  return { personId, individual: exact(0), comment, goal, reviewer: "李局长", ref: ref("个性评分", `A${line}`) };
}

export const WORKBOOK: AppraisalWorkbook = {
  file: FILE,
  sha256: "5f0c6ab1b8e3e0f2d4c1a9b7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2",
  period: { year: 2026, quarter: 3 },
  settings: { contact: "参数联系人", phone: "0556-0000000", address: "参数地址", noticeStart: "2026-10-09" },
  units: [UNIT],
  persons: Object.values(PERSONS),
  indicators: [],
  workItems: [
    item(IDS.a, "起草季度工作总结", "done", null, 2),
    item(IDS.a, "组织全局业务培训", "done", null, 3),
    item(IDS.a, "档案数字化", "inProgress", "等待上级批复经费", 4),
    item(IDS.b, "项目验收", "unfinished", "系统未上线", 5),
    item(IDS.g, "信访件办理", "unfinished", "材料不全，未按期办结", 6),
  ],
  summaries: [],
  individualScores: [
    review(IDS.a, "工作扎实，材料质量高", "提升统筹协调能力", 2),
    review(IDS.g, "多项工作未按时完成", "按期完成季度重点任务", 8),
  ],
  ratings: [],
  events: [],
  decisions: [],
};

/** rules.md's defaults (标准方案), with the 2026 National Day holidays and 调休 days. */
export function demoRules(overrides: Partial<Rules> = {}): Rules {
  return {
    ...defaultRules(),
    indicators: [],
    calendar: {
      holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
      workdays: ["2026-09-20", "2026-10-10"],
    },
    ...overrides,
  };
}

export function demoEffectiveRules(rules: Rules = demoRules()): EffectiveRules {
  return {
    rules,
    json: {
      name: rules.name,
      weights: { individual: 0.7, common: 0.3 },
      bands: { 好: 90, 较好: 80, 一般: 60 },
      deductionCap: null,
      tieKeys: ["individual", "common"],
      unitOverrides: {},
      indicators: [{ name: "工作数量", category: "个性", dimension: "绩", max: 30 }],
      notice: { days: rules.notice.days, list: rules.notice.list, showScores: rules.notice.showScores, reviewDays: rules.notice.reviewDays },
      calendar: { holidays: [...rules.calendar.holidays], workdays: [...rules.calendar.workdays] },
      political: DEFAULT_POLITICAL_RULES_FILE,
    },
    sha256: "9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9",
    source: null,
  };
}
