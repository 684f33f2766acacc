// Grading a run (rules.md §1-5): the units of every workbook, pooled, scored, banded, given their
// 好 places and then the decisions of 审定. Pure: workbooks and rules in, graded units out.
//
// A person's I and C come from the rows of 个性评分 and 共性测评, the bulk of a workbook; they are
// worked out where the workbook is read (`personBases`), so that a city's run need not keep the
// rows of a thousand workbooks to grade them.

import type { GradedPerson, GradedPool, GradedUnit, PersonScores, UnitState } from "./graded.js";
import { RATER_GROUP_LABEL } from "./labels.js";
import type { Exact } from "./exact.js";
import type { AppraisalWorkbook, Decision, Person, ScoreEvent, Unit } from "./model.js";
import { groupBy, isGraded, rowsByPersonId } from "./model.js";
import type { Checked, Problem } from "./problem.js";
import { problemAt } from "./problem.js";
import type { Rules } from "./rules.js";
import type { DecidedPerson } from "./apply-decisions.js";
import { applyDecisions, checkPoolQuota } from "./apply-decisions.js";
import type { PoolMember } from "./grade-pool.js";
import { departmentKey, gradePool } from "./grade-pool.js";
import type { PoolPlan } from "./pools.js";
import { formPools, notGradedReason } from "./pools.js";
import { goodQuota } from "./quota.js";
import { commonScore, type RaterScores, scorePerson, weightedGroups } from "./score-person.js";

/** What a graded person's 个性评分 and 共性测评 rows give grading (rules.md §2). */
export interface PersonBase {
  /** I from the person's first 个性评分 row; null without one. */
  individual: Exact | null;
  /** C; null without a rating in a group whose weight is above zero. */
  common: Exact | null;
}

/** A workbook as grading takes it: the bases by 人员编号 instead of the rows they come from. */
export interface GradingWorkbook extends Pick<AppraisalWorkbook, "units" | "persons" | "events" | "decisions"> {
  bases: ReadonlyMap<string, PersonBase>;
}

/** The base of each graded person of the workbook, by 人员编号. */
export function personBases(
  workbook: Pick<AppraisalWorkbook, "persons" | "individualScores" | "ratings">,
  rules: Rules,
): Map<string, PersonBase> {
  const individual = new Map<string, Exact>();
  for (const row of workbook.individualScores) if (!individual.has(row.personId)) individual.set(row.personId, row.individual);
  const ratings = rowsByPersonId(workbook.ratings);
  const bases = new Map<string, PersonBase>();
  const raterScores: RaterScores = new Map();
  for (const person of workbook.persons) {
    if (!isGraded(person) || bases.has(person.id)) continue;
    bases.set(person.id, {
      individual: individual.get(person.id) ?? null,
      common: commonScore(ratings.get(person.id) ?? [], person.window, rules, raterScores),
    });
  }
  return bases;
}

/** The workbook as grading takes it, its bases worked out from its rows. */
export function gradingWorkbook(workbook: AppraisalWorkbook, rules: Rules): GradingWorkbook {
  return { ...workbook, bases: personBases(workbook, rules) };
}

export interface RunGrades {
  /** In the order the units appear: workbook order, then 单位 order. */
  units: GradedUnit[];
  /** In the order of the units that own them. */
  pools: GradedPool[];
  /** What grading found wrong (decisions, missing scores); the reader's problems are not repeated. */
  problems: Problem[];
}

/** A person's base and rows in the other sheets of their workbook. */
interface PersonRows {
  base: PersonBase | undefined;
  events: ScoreEvent[];
  decisions: Decision[];
}

interface RunUnit {
  unit: Unit;
  /** The unit's own persons in roster order. */
  persons: { person: Person; rows: PersonRows }[];
}

/** The outcome of grading one pool that has no error. */
interface PoolOutcome {
  graded: Map<Person, GradedPerson>;
  decided: Map<Person, DecidedPerson>;
  departments: GradedPool["departments"];
}

/**
 * `unitsInError` holds the codes of units with an input error found by the reader: they, and
 * every unit of their pool, are not graded (§1.3). A unit code used by two workbooks (itself an
 * input error) is taken from the first.
 */
export function gradeRun(workbooks: readonly GradingWorkbook[], rules: Rules, unitsInError: ReadonlySet<string>): RunGrades {
  const runUnits = collectUnits(workbooks);
  const byCode = new Map(runUnits.map((u) => [u.unit.code, u]));
  const plans = formPools(
    runUnits.map((u) => ({ unit: u.unit, graded: u.persons.filter((p) => isGraded(p.person)).length })),
    rules,
  );

  const problems: Problem[] = [];
  const pools: GradedPool[] = [];
  const outcomes = new Map<string, PoolOutcome | null>();
  for (const plan of plans.pools) {
    const poolUnits = plan.unitCodes.map((code) => byCode.get(code)!);
    const members = poolUnits.flatMap((u) => u.persons.filter((p) => isGraded(p.person)));
    const quota = goodQuota(members.length, plan.ratio, rules);
    pools.push({ code: plan.code, unitCodes: plan.unitCodes, n: members.length, quota, ratio: plan.ratio, departments: [] });
    if (plan.unitCodes.some((code) => unitsInError.has(code))) {
      outcomes.set(plan.code, null);
      continue;
    }
    const result = gradePlannedPool(plan, poolUnits, members, quota, rules, byCode);
    problems.push(...result.problems);
    outcomes.set(plan.code, result.value);
    if (result.value) pools[pools.length - 1]!.departments = result.value.departments;
  }

  const units = runUnits.map((u): GradedUnit => {
    const poolCode = plans.poolOf.get(u.unit.code)!;
    const outcome = outcomes.get(poolCode) ?? null;
    if (outcome === null) return { unit: u.unit, poolCode, state: "error", persons: [], changes: [] };
    const persons = u.persons.map(({ person }) => outcome.graded.get(person) ?? notGraded(person));
    const changes = u.persons.flatMap(({ person }) => outcome.decided.get(person)?.changes ?? []);
    // A 待定 person without a decision leaves the unit unfinished (§5).
    const state: UnitState = persons.some((p) => p.grade === "pending") ? "draft" : "final";
    return { unit: u.unit, poolCode, state, persons, changes };
  });
  return { units, pools, problems };
}

function gradePlannedPool(
  plan: PoolPlan,
  poolUnits: readonly RunUnit[],
  members: readonly { person: Person; rows: PersonRows }[],
  quota: number,
  rules: Rules,
  byCode: ReadonlyMap<string, RunUnit>,
): Checked<PoolOutcome> {
  const problems: Problem[] = [];
  const scored: (PoolMember & { person: Person; rows: PersonRows })[] = [];
  for (const member of members) {
    const scores = scoresOf(member.person, member.rows, rules, problems);
    if (scores) scored.push({ person: member.person, rows: member.rows, scores, events: member.rows.events });
  }
  if (problems.length > 0) return { value: null, problems };

  const grades = gradePool(scored, quota, rules);
  const graded = new Map<Person, GradedPerson>();
  const decided = new Map<Person, DecidedPerson>();
  const owner = byCode.get(plan.code)!.unit;
  scored.forEach((member, i) => {
    const grade = grades.members[i]!;
    const result = applyDecisions({ person: member.person, computed: grade.computed, events: member.events, decisions: member.rows.decisions });
    problems.push(...result.problems);
    decided.set(member.person, result.value);
    const pooled = member.person.unitCode !== plan.code ? [{ kind: "pooled" as const, parentName: owner.name }] : [];
    graded.set(member.person, {
      person: member.person,
      scores: member.scores,
      band: grade.band,
      rank: grade.rank,
      computed: grade.computed,
      grade: result.value.grade,
      reasons: [...pooled, ...grade.reasons, ...result.value.reasons],
    });
  });
  const poolName = plan.unitCodes.length > 1 ? `${owner.name}（统筹${poolUnits.length}个单位）` : owner.name;
  problems.push(...checkPoolQuota(poolName, quota, scored.map((m) => ({ person: m.person, decided: decided.get(m.person)! }))));
  if (problems.length > 0) return { value: null, problems };

  // 好 used per department, after decisions (DepartmentShare.used).
  const goodByDepartment = groupBy(
    scored.filter((m) => graded.get(m.person)!.grade === "good"),
    (m) => departmentKey(m.person),
  );
  const departments = grades.departments.map((d) => ({ ...d, used: goodByDepartment.get(departmentKey(d))?.length ?? 0 }));
  return { value: { graded, decided, departments }, problems };
}

/**
 * The reader makes sure every graded person has a 个性评分 row and a rating in a group whose
 * weight is above zero; should one slip through, the pool is not graded rather than guessed
 * (workbook.md: a score is never guessed).
 */
function scoresOf(person: Person, rows: PersonRows, rules: Rules, problems: Problem[]): PersonScores | null {
  const where = `${person.ref.sheet}!${person.ref.cell}`;
  const individual = rows.base?.individual ?? null;
  if (individual === null) {
    problems.push({
      ...problemAt(person.ref, "error", "E_NO_INDIVIDUAL_SCORE", person.id, `${where}：${person.name}（${person.id}）参加定等，但“个性评分”表中没有此人的评分行；请补上一行。`),
      unit: person.unitCode,
    });
    return null;
  }
  const common = rows.base?.common ?? null;
  if (common === null) {
    const groups = weightedGroups(person.window, rules).map((g) => RATER_GROUP_LABEL[g]);
    problems.push({
      ...problemAt(
        person.ref,
        "error",
        "E_NO_RATING",
        person.id,
        `${where}：${person.name}（${person.id}）参加定等，但“共性测评”表中没有此人在${groups.join("、")}中任一类别的测评；请补上测评。`,
      ),
      unit: person.unitCode,
    });
    return null;
  }
  return scorePerson(individual, common, rows.events, rules);
}

function notGraded(person: Person): GradedPerson {
  const reason = notGradedReason(person);
  return { person, scores: null, band: null, rank: null, computed: null, grade: null, reasons: reason ? [reason] : [] };
}

/** Units in workbook order, then 单位 order; each with its own persons in 人员 order. */
function collectUnits(workbooks: readonly GradingWorkbook[]): RunUnit[] {
  const units: RunUnit[] = [];
  const seen = new Set<string>();
  for (const workbook of workbooks) {
    const rows = rowsByPerson(workbook);
    const own = new Map<string, RunUnit>();
    for (const unit of workbook.units) {
      if (seen.has(unit.code)) continue;
      seen.add(unit.code);
      const runUnit: RunUnit = { unit, persons: [] };
      own.set(unit.code, runUnit);
      units.push(runUnit);
    }
    for (const person of workbook.persons) {
      // A person whose 单位代码 names no unit of the workbook is an input error the reader reports.
      own.get(person.unitCode)?.persons.push({ person, rows: rows(person.id) });
    }
  }
  return units;
}

function rowsByPerson(workbook: GradingWorkbook): (personId: string) => PersonRows {
  const events = rowsByPersonId(workbook.events);
  const decisions = rowsByPersonId(workbook.decisions);
  return (id) => ({
    base: workbook.bases.get(id),
    events: events.get(id) ?? [],
    decisions: decisions.get(id) ?? [],
  });
}

