// Every 人员编号 used in a sheet other than 人员 must be in 人员, with the same 姓名 where one is
// given (workbook.md "Checks across sheets"); rows of the scoring sheets for persons who are not
// graded are ignored with a warning, and a 审定 row for one is an error (workbook.md 审定: the
// person must be graded).

import { STATUS_LABEL } from "./labels.js";
import type { Person, Unit } from "./model.js";
import { isGraded } from "./model.js";
import type { CellRef } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";

/** Which sheet a reference comes from, which says what happens to a person who is not graded. */
export type ReferenceUse = "workItem" | "summary" | "individual" | "rating" | "event" | "decision";

export interface PersonReference {
  use: ReferenceUse;
  personId: string;
  /** The 姓名 given beside the 人员编号, or null. */
  name: string | null;
  idRef: CellRef;
  nameRef: CellRef | null;
}

/**
 * The unit a person's rows belong to, for `Problem.unit`: the person's unit, or the only unit of
 * the workbook; undefined when it cannot be told (the problem then holds back the whole file).
 */
export function unitOfPerson(persons: readonly Person[], units: readonly Unit[]): (personId: string | null) => string | undefined {
  const byId = new Map(persons.map((p) => [p.id, p.unitCode]));
  const only = units.length === 1 ? units[0]?.code : undefined;
  return (personId) => {
    const code = personId === null ? undefined : byId.get(personId);
    return code !== undefined && code !== "" ? code : only;
  };
}

/** Person names are compared with all whitespace removed (workbook.md "Cell values"): 张 三 is 张三. */
export function sameName(a: string, b: string): boolean {
  const compact = (name: string): string => name.replace(/[\s\u200B\u200C\u200D\u2060\uFEFF]+/g, "");
  return compact(a) === compact(b);
}

/**
 * Whether checking the reference finds nothing to say of it: its person is in 人员, under the same
 * name where one is given, and may have this kind of row. The sheet parsers leave such references
 * out (read/rows.ts `addReference`).
 */
export function isQuietReference(person: Person | undefined, reference: PersonReference): boolean {
  if (person === undefined) return false;
  if (reference.name !== null && reference.nameRef !== null && !sameName(reference.name, person.name)) return false;
  return isGraded(person) || reference.use === "workItem" || reference.use === "summary";
}

function notGradedText(person: Person): string {
  return person.kind === "leadership" ? "是领导成员（由上级评定）" : `考核状态为“${STATUS_LABEL[person.status]}”`;
}

export function checkPersonReferences(
  persons: readonly Person[],
  units: readonly Unit[],
  references: readonly PersonReference[],
): Problem[] {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const unitOf = unitOfPerson(persons, units);
  const problems: Problem[] = [];
  const push = (problem: Problem, personId: string | null): void => {
    const unit = unitOf(personId);
    problems.push(unit === undefined ? problem : { ...problem, unit });
  };

  for (const reference of references) {
    const person = byId.get(reference.personId);
    if (isQuietReference(person, reference)) continue;
    const at = `${reference.idRef.sheet}!${reference.idRef.cell}「${reference.idRef.header}」`;
    if (!person) {
      push(
        problemAt(
          reference.idRef,
          "error",
          "E_UNKNOWN_PERSON",
          reference.personId,
          `${at}“${reference.personId}”不在“人员”工作表中。请核对编号，或先把此人加入“人员”工作表。`,
        ),
        null,
      );
      continue;
    }
    if (reference.name !== null && reference.nameRef !== null && !sameName(reference.name, person.name)) {
      push(
        problemAt(
          reference.nameRef,
          "error",
          "E_NAME_MISMATCH",
          reference.name,
          `${reference.nameRef.sheet}!${reference.nameRef.cell}「${reference.nameRef.header}」填写了“${reference.name}”，` +
            `但人员编号 ${person.id} 在“人员”工作表（${person.ref.sheet}!${person.ref.cell}）中是“${person.name}”。请核对编号和姓名。`,
        ),
        person.id,
      );
    }
    // Anyone may keep a work list and write a summary; only scoring rows need a graded person.
    if (isGraded(person) || reference.use === "workItem" || reference.use === "summary") continue;
    if (reference.use === "decision") {
      push(
        problemAt(
          reference.idRef,
          "error",
          "E_DECISION_NOT_GRADED",
          reference.personId,
          `${at}：${person.name}${notGradedText(person)}，不参加本季度定等，不能审定等次。请删除这一行，或改正“人员”工作表中的人员类别、考核状态。`,
        ),
        person.id,
      );
      continue;
    }
    // 否决 events stay in the workbook for the annual appraisal (rules.md §6); they score nothing here.
    const effect = reference.use === "event" ? "这一行不计入本季度得分" : "这一行不读取";
    push(
      problemAt(
        reference.idRef,
        "warning",
        "W_NOT_GRADED_ROW",
        reference.personId,
        `${at}：${person.name}${notGradedText(person)}，不参加本季度定等，${effect}。`,
      ),
      person.id,
    );
  }
  return problems;
}
