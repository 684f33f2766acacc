import { describe, expect, it } from "vitest";
import { exact, fixed } from "../../src/domain/exact.js";
import type { GradedPerson, GradedUnit } from "../../src/domain/graded.js";
import { reasonText } from "../../src/domain/graded.js";
import { gradeRun, gradingWorkbook } from "../../src/domain/grade-run.js";
import { GRADE_LABEL, OUTCOME_LABEL } from "../../src/domain/labels.js";
import type { Rules } from "../../src/domain/rules.js";
import type { PersonRow, WorkbookRows } from "./support/build-workbook.js";
import { buildWorkbook } from "./support/build-workbook.js";
import { defaultRules, rulesWith } from "../support/default-rules.js";

/** The worked example of rules.md §4 (N = 7, Q = 2), with three persons who are not graded. */
const workedExample: PersonRow[] = [
  { id: "A", i: 97, c: "90.33" },
  { id: "B", i: 95, c: 90 },
  { id: "L", kind: "leadership" },
  { id: "C", i: 95, c: 90 },
  { id: "D", i: 95, c: 80, events: [["barGood", "受到诫勉"]] },
  { id: "E", i: 90, c: 90 },
  { id: "U", status: "undetermined", statusReason: "立案审查" },
  { id: "F", i: 75, c: 75 },
  { id: "G", i: 60, c: 40 },
  { id: "X", status: "excluded", statusReason: "病假超过半数工作日" },
];

function grade(rows: WorkbookRows | WorkbookRows[], rules: Rules = defaultRules(), inError: string[] = []) {
  const workbooks = (Array.isArray(rows) ? rows : [rows]).map(buildWorkbook);
  return gradeRun(workbooks.map((w) => gradingWorkbook(w, rules)), rules, new Set(inError));
}

/** "A 好" per person; "-" for no grade. */
function grades(unit: GradedUnit): string {
  return unit.persons.map((p) => `${p.person.id} ${p.grade ? OUTCOME_LABEL[p.grade] : "-"}`).join(", ");
}

function reasons(p: GradedPerson): string {
  return p.reasons.map(reasonText).join("；");
}

function person(unit: GradedUnit, id: string): GradedPerson {
  const found = unit.persons.find((p) => p.person.id === id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
}

describe("the worked example of rules.md §4 (N = 7, Q = 2)", () => {
  it("committee: A 好, B and C 待定, D 较好 (限好), E 较好 (quota), F 一般, G 较差", () => {
    const { units, pools, problems } = grade({ persons: workedExample });
    const unit = units[0]!;
    expect(problems).toEqual([]);
    expect(pools).toMatchObject([{ code: "U1", unitCodes: ["U1"], n: 7, quota: 2, departments: [] }]);
    expect(grades(unit)).toBe("A 好, B 待定, L -, C 待定, D 较好, E 较好, U -, F 一般, G 较差, X -");
    expect(unit.state).toBe("draft");

    const table = ["A", "B", "C", "D", "E", "F", "G"].map((id) => {
      const p = person(unit, id);
      return [id, fixed(p.scores!.total), p.band && GRADE_LABEL[p.band], p.rank, reasons(p)];
    });
    expect(table).toEqual([
      ["A", "95.00", "好", 1, ""],
      ["B", "93.50", "好", 2, "2人并列，剩余1个名额，由考核委员会审定"],
      ["C", "93.50", "好", 2, "2人并列，剩余1个名额，由考核委员会审定"],
      ["D", "90.50", "好", 4, "限好：受到诫勉"],
      ["E", "90.00", "好", 5, "超出好等次名额（2名）"],
      ["F", "75.00", "一般", 6, ""],
      ["G", "54.00", "较差", 7, ""],
    ]);
  });

  it("strict: B and C are 较好 and the pool has one 好", () => {
    const { units } = grade({ persons: workedExample }, rulesWith({ tiePolicy: "strict" }));
    const unit = units[0]!;
    expect(grades(unit)).toBe("A 好, B 较好, L -, C 较好, D 较好, E 较好, U -, F 一般, G 较差, X -");
    expect(unit.state).toBe("final");
    expect(reasons(person(unit, "B"))).toBe("2人并列，剩余1个名额，按方案均定为较好");
  });

  it("lists persons who are not graded with no scores and the reason they have no grade", () => {
    const unit = grade({ persons: workedExample }).units[0]!;
    expect(["L", "U", "X"].map((id) => {
      const p = person(unit, id);
      return [id, p.scores, p.band, p.rank, p.computed, p.grade, reasons(p)];
    })).toEqual([
      ["L", null, null, null, null, null, "由上级评定"],
      ["U", null, null, null, null, null, "不确定等次：立案审查"],
      ["X", null, null, null, null, null, "不参加：病假超过半数工作日"],
    ]);
  });

  it("grades 92.70 for the §2 example and 80.20 for the Arithmetic example", () => {
    const { units } = grade({
      persons: [
        {
          id: "S",
          i: 88,
          ratings: [["leader", 93], ["colleague", 90], ["colleague", 85], ["colleague", 100], ["colleague", 70], ["colleague", 88]],
          events: [["bonus", "市级表彰", 3], ["bonus", "信息录用", 4], ["deduction", "迟报", 1]],
        },
        { id: "R", i: 80, c: "80.65" },
      ],
    });
    expect(units[0]!.persons.map((p) => fixed(p.scores!.total))).toEqual(["92.70", "80.20"]);
  });
});

describe("decisions (rules.md §5)", () => {
  const withDecisions = (changes: Record<string, PersonRow["decisions"]>): PersonRow[] =>
    workedExample.map((p) => (changes[p.id] ? { ...p, decisions: changes[p.id] } : p));

  it("the committee settles the tie: the unit is final and every change is recorded", () => {
    const { units, problems } = grade({
      persons: withDecisions({ B: [["good", "committee", "牵头完成重点项目", "2026-10-15"]], C: [["fairlyGood", "committee", "综合比较", "2026-10-15"]] }),
    });
    const unit = units[0]!;
    expect(problems).toEqual([]);
    expect(unit.state).toBe("final");
    expect(grades(unit)).toBe("A 好, B 好, L -, C 较好, D 较好, E 较好, U -, F 一般, G 较差, X -");
    expect(person(unit, "B").computed).toBe("pending");
    expect(reasons(person(unit, "B"))).toBe("2人并列，剩余1个名额，由考核委员会审定；委员会审定：由待定改为好（牵头完成重点项目）");
    expect(unit.changes).toEqual([
      { personId: "B", name: "B", from: "pending", to: "good", kind: "committee", reason: "牵头完成重点项目", date: "2026-10-15" },
      { personId: "C", name: "C", from: "pending", to: "fairlyGood", kind: "committee", reason: "综合比较", date: "2026-10-15" },
    ]);
  });

  it("applies 复核 after 委员会审定, whatever the rows' order", () => {
    const { units } = grade({
      persons: withDecisions({
        B: [["good", "committee", "甲", "2026-10-15"]],
        C: [["fairlyGood", "review", "维持原等次", "2026-10-30"], ["average", "committee", "乙", "2026-10-15"]],
      }),
    });
    const unit = units[0]!;
    expect(person(unit, "C").grade).toBe("fairlyGood");
    expect(unit.changes.filter((c) => c.personId === "C").map((c) => [c.kind, c.from, c.to])).toEqual([
      ["committee", "pending", "average"],
      ["review", "average", "fairlyGood"],
    ]);
    expect(reasons(person(unit, "C"))).toContain("委员会审定：由待定改为一般（乙）；复核：由一般改为较好（维持原等次）");
  });

  it("a decision that keeps the grade is recorded as kept", () => {
    const { units } = grade({ persons: withDecisions({ E: [["fairlyGood", "review", "经复核维持", "2026-10-30"]] }) }, rulesWith({ tiePolicy: "strict" }));
    expect(reasons(person(units[0]!, "E"))).toBe("超出好等次名额（2名）；复核：维持较好（经复核维持）");
  });

  it("more 好 than Q after decisions puts the pool in error, at each decision that made someone 好", () => {
    const { units, problems } = grade({
      persons: withDecisions({ B: [["good", "committee", "甲"]], C: [["good", "committee", "乙"]] }),
    });
    expect(units[0]!.state).toBe("error");
    expect(units[0]!.persons).toEqual([]);
    expect(problems.map((p) => [p.code, p.sheet, p.cell, p.unit])).toEqual([
      ["E_DECISION_OVER_QUOTA", "审定", "C2", "U1"],
      ["E_DECISION_OVER_QUOTA", "审定", "C3", "U1"],
    ]);
    expect(problems[0]!.message).toBe("审定!C2「审定等次」：某县统计局的好等次名额为2名，审定后好等次有3人，超出名额；请减少审定为好的人数，使其不超过2人。");
  });

  it("lowering one 好 makes room for another", () => {
    const { units, problems } = grade({
      persons: withDecisions({ A: [["fairlyGood", "review", "复核改定"]], B: [["good", "committee", "甲"]], C: [["good", "committee", "乙"]] }),
    });
    expect(problems).toEqual([]);
    expect(grades(units[0]!)).toBe("A 较好, B 好, L -, C 好, D 较好, E 较好, U -, F 一般, G 较差, X -");
  });

  it("raising a person with a 否决 event above 较差 is an error", () => {
    const persons: PersonRow[] = [
      { id: "V", name: "王五", i: 95, c: 95, events: [["veto", "受到警告处分"]], decisions: [["average", "committee", "酌情"]] },
      { id: "W", i: 80, c: 80 },
    ];
    const { units, problems } = grade({ persons });
    expect(units[0]!.state).toBe("error");
    expect(problems).toEqual([
      {
        severity: "error",
        code: "E_DECISION_VETO",
        file: "2026Q3.xlsx",
        sheet: "审定",
        cell: "C2",
        header: "审定等次",
        value: "一般",
        message: "审定!C2「审定等次」把王五（V）定为“一般”，但此人有否决事项（受到警告处分），等次只能为较差；请改为较差或删去这一行。",
        unit: "U1",
      },
    ]);
  });

  it("a vetoed person may be confirmed 较差", () => {
    const persons: PersonRow[] = [{ id: "V", i: 95, c: 95, events: [["veto", "处分"]], decisions: [["poor", "committee", "确认"]] }];
    const { units, problems } = grade({ persons });
    expect(problems).toEqual([]);
    expect(reasons(person(units[0]!, "V"))).toBe("否决：处分；委员会审定：维持较差（确认）");
  });
});

describe("allocation by department (rules.md §4.4)", () => {
  // S = I when C = I. N = 10, Q = 4; 综合科 5, 业务科 3, 办公室 2 → shares 2, 1, 1.
  const s = (id: string, score: number, department: string): PersonRow => ({ id, i: score, c: score, department });
  const persons = [
    s("a1", 96, "综合科"),
    s("b1", 93, "业务科"),
    s("a2", 95, "综合科"),
    s("c1", 85, "办公室"),
    s("a3", 94, "综合科"),
    s("b2", 92, "业务科"),
    s("a4", 70, "综合科"),
    s("b3", 70, "业务科"),
    s("a5", 70, "综合科"),
    s("c2", 70, "办公室"),
  ];

  it("shares Q 2, 1, 1 and selects inside each department", () => {
    const { units, pools } = grade({ persons }, rulesWith({ allocation: "department" }));
    const unit = units[0]!;
    expect(grades(unit)).toBe("a1 好, b1 好, a2 好, c1 较好, a3 较好, b2 较好, a4 一般, b3 一般, a5 一般, c2 一般");
    expect(reasons(person(unit, "a3"))).toBe("超出综合科好等次名额（2名）");
    expect(reasons(person(unit, "b2"))).toBe("超出业务科好等次名额（1名）");
    expect(pools[0]!.departments).toEqual([
      { unitCode: "U1", department: "综合科", persons: 5, share: 2, used: 2 },
      { unitCode: "U1", department: "业务科", persons: 3, share: 1, used: 1 },
      { unitCode: "U1", department: "办公室", persons: 2, share: 1, used: 0 },
    ]);
  });

  it("counts the 好 used per department after decisions", () => {
    const decided = persons.map((p) => (p.id === "a1" ? { ...p, decisions: [["fairlyGood", "review", "复核改定"]] as PersonRow["decisions"] } : p));
    const { pools } = grade({ persons: decided }, rulesWith({ allocation: "department" }));
    expect(pools[0]!.departments.map((d) => [d.share, d.used])).toEqual([
      [2, 1],
      [1, 1],
      [1, 0],
    ]);
  });

  it("with reallocateUnused, 办公室's unused place goes to the best remaining candidate", () => {
    const { units, pools } = grade({ persons }, rulesWith({ allocation: "department", reallocateUnused: true }));
    const unit = units[0]!;
    expect(grades(unit)).toBe("a1 好, b1 好, a2 好, c1 较好, a3 好, b2 较好, a4 一般, b3 一般, a5 一般, c2 一般");
    expect(reasons(person(unit, "a3"))).toBe("");
    expect(pools[0]!.departments.map((d) => d.used)).toEqual([3, 1, 0]);
  });

  it("a reallocated place at a tie goes to the committee", () => {
    // 业务科: b1 95.5 takes its place; b2 94 is left equal to 综合科's a3 for the one place 办公室 left.
    const scores: Record<string, number> = { b1: 95.5, b2: 94 };
    const tied = persons.map((p) => (scores[p.id] ? { ...p, i: scores[p.id], c: scores[p.id] } : p));
    const { units } = grade({ persons: tied }, rulesWith({ allocation: "department", reallocateUnused: true }));
    const unit = units[0]!;
    expect(grades(unit)).toBe("a1 好, b1 好, a2 好, c1 较好, a3 待定, b2 待定, a4 一般, b3 一般, a5 一般, c2 一般");
    expect(reasons(person(unit, "a3"))).toBe("2人并列，剩余1个名额，由考核委员会审定");
  });

  it("departments of pooled units are never shared: a (unit, 科室) pair is one department", () => {
    const { pools } = grade(
      {
        units: [
          { code: "P", name: "某县发展和改革委员会" },
          { code: "X", name: "某县价格认证中心", parent: "P" },
        ],
        persons: [s("p1", 95, "综合科"), s("p2", 80, "综合科"), s("p3", 80, "综合科"), s("p4", 80, "规划科"), { ...s("x1", 96, "综合科"), unit: "X" }],
      },
      rulesWith({ allocation: "department", poolSmallUnitsBelow: 2 }),
    );
    // N = 5, Q = 2: P/综合科 3 → 1 r1, P/规划科 1 → 0 r2, X/综合科 1 → 0 r2; the tie of remainders
    // and sizes goes to 规划科, which appears first in 人员.
    expect(pools[0]!.departments.map((d) => [d.unitCode, d.department, d.persons, d.share])).toEqual([
      ["P", "综合科", 3, 1],
      ["P", "规划科", 1, 1],
      ["X", "综合科", 1, 0],
    ]);
  });
});

describe("pooling small units (rules.md §1.2)", () => {
  const s = (id: string, score: number, unit: string): PersonRow => ({ id, i: score, c: score, unit });
  const rows: WorkbookRows = {
    units: [
      { code: "P", name: "某县发展和改革委员会" },
      { code: "X", name: "某县价格认证中心", parent: "P" },
      { code: "Y", name: "某县统计局" },
    ],
    persons: [s("p1", 95, "P"), s("x1", 96, "X"), s("p2", 91, "P"), s("p3", 85, "P"), s("p4", 70, "P"), s("y1", 91, "Y"), s("y2", 92, "Y"), s("y3", 80, "Y")],
  };

  it("a unit with fewer graded persons than k joins its parent's pool", () => {
    const { units, pools } = grade(rows, rulesWith({ poolSmallUnitsBelow: 2 }));
    expect(pools.map((p) => [p.code, p.unitCodes, p.n, p.quota])).toEqual([
      ["P", ["P", "X"], 5, 2],
      ["Y", ["Y"], 3, 1],
    ]);
    expect(units.map((u) => [u.unit.code, u.poolCode, u.state, grades(u)])).toEqual([
      ["P", "P", "final", "p1 好, p2 较好, p3 较好, p4 一般"],
      ["X", "P", "final", "x1 好"],
      ["Y", "Y", "final", "y1 较好, y2 好, y3 较好"],
    ]);
    expect(reasons(person(units[1]!, "x1"))).toBe("与某县发展和改革委员会统筹");
    expect(reasons(person(units[0]!, "p2"))).toBe("超出好等次名额（2名）");
    // ranks are places in the pool: x1 first, p1 second
    expect(units[1]!.persons[0]!.rank).toBe(1);
    expect(units[0]!.persons.map((p) => p.rank)).toEqual([2, 3, 4, 5]);
  });

  it("without pooling, the small unit has a pool of its own", () => {
    const { units, pools } = grade(rows);
    expect(pools.map((p) => [p.code, p.n, p.quota])).toEqual([
      ["P", 4, 1],
      ["X", 1, 0],
      ["Y", 3, 1],
    ]);
    expect(grades(units[1]!)).toBe("x1 较好");
    expect(reasons(person(units[1]!, "x1"))).toBe("超出好等次名额（0名）");
  });

  it("an input error in one unit puts its whole pool in error, and only that pool", () => {
    const { units } = grade(rows, rulesWith({ poolSmallUnitsBelow: 2 }), ["X"]);
    expect(units.map((u) => [u.unit.code, u.state, u.persons.length])).toEqual([
      ["P", "error", 0],
      ["X", "error", 0],
      ["Y", "final", 3],
    ]);
  });

  it("the pool takes the parent's goodRatio, not the small unit's", () => {
    const overrides = { P: { goodRatio: exact("0.6") }, X: { goodRatio: exact("0.1") } };
    const { pools } = grade(rows, rulesWith({ poolSmallUnitsBelow: 2, unitOverrides: overrides }));
    // N = 5 × 0.6 = 3 places
    expect([pools[0]!.ratio, pools[0]!.quota]).toEqual([exact("0.6"), 3]);
  });
});

describe("a run of several workbooks", () => {
  it("keeps units in workbook order, then 单位 order, and pools across workbooks", () => {
    const { units, pools } = grade(
      [
        { file: "统计局.xlsx", units: [{ code: "X", name: "某县普查中心", parent: "P" }], persons: [{ id: "x1", i: 96, c: 96 }] },
        {
          file: "发改委.xlsx",
          units: [{ code: "P", name: "某县发展和改革委员会" }],
          persons: [{ id: "p1", i: 95, c: 95 }, { id: "p2", i: 91, c: 91 }, { id: "p3", i: 70, c: 70 }, { id: "p4", i: 70, c: 70 }],
        },
      ],
      rulesWith({ poolSmallUnitsBelow: 2 }),
    );
    expect(units.map((u) => u.unit.code)).toEqual(["X", "P"]);
    expect(pools.map((p) => [p.code, p.unitCodes])).toEqual([["P", ["X", "P"]]]);
    expect(units.map(grades)).toEqual(["x1 好", "p1 好, p2 较好, p3 一般, p4 一般"]);
  });
});

describe("scores the reader should have refused", () => {
  it("a graded person without a 个性评分 row or a weighted rating puts the pool in error", () => {
    const { units, problems } = grade({
      persons: [
        { id: "N", name: "张三", c: 90 },
        { id: "R", name: "李四", i: 90, ratings: [["recipient", 90]] },
        { id: "K", i: 90, c: 90 },
      ],
    });
    expect(units[0]!.state).toBe("error");
    expect(problems.map((p) => [p.code, p.sheet, p.cell, p.unit, p.message])).toEqual([
      ["E_NO_INDIVIDUAL_SCORE", "人员", "B2", "U1", "人员!B2：张三（N）参加定等，但“个性评分”表中没有此人的评分行；请补上一行。"],
      ["E_NO_RATING", "人员", "B3", "U1", "人员!B3：李四（R）参加定等，但“共性测评”表中没有此人在领导、同事中任一类别的测评；请补上测评。"],
    ]);
  });
});
