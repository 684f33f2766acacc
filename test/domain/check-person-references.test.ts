// A reference the check would say nothing of may be left out where it is read (a city's 400,000
// rating rows): isQuietReference must be true exactly when checkPersonReferences finds nothing.

import { describe, expect, it } from "vitest";
import { checkPersonReferences, isQuietReference, type PersonReference, type ReferenceUse } from "../../src/domain/check-person-references.js";
import type { CellRef, Person, Unit } from "../../src/domain/model.js";

const ref = (cell: string, header: string): CellRef => ({ file: "a.xlsx", sheet: "共性测评", cell, header });

const staff: Person = {
  unitCode: "U1",
  id: "P1",
  name: "张三",
  department: "办公室",
  title: null,
  kind: "staff",
  status: "participating",
  statusReason: null,
  window: false,
  selfGrade: null,
  note: null,
  ref: ref("A2", "人员编号"),
};
const leader: Person = { ...staff, id: "P2", name: "李四", kind: "leadership" };
const unit: Unit = { code: "U1", name: "甲局", parentCode: null, contact: null, phone: null, address: null, ref: ref("A2", "单位代码") } as Unit;

function reference(use: ReferenceUse, personId: string, name: string | null): PersonReference {
  return { use, personId, name, idRef: ref("B5", "被测评人编号"), nameRef: name === null ? null : ref("C5", "被测评人姓名") };
}

describe("isQuietReference", () => {
  it.each([
    ["a graded person's rating, same name", reference("rating", "P1", "张三"), true],
    ["the same name written with a space", reference("rating", "P1", "张 三"), true],
    ["no name given", reference("rating", "P1", null), true],
    ["another name", reference("rating", "P1", "张四"), false],
    ["a person not in 人员", reference("rating", "P9", "王五"), false],
    ["a leader's rating (not graded)", reference("rating", "P2", "李四"), false],
    ["a leader's work item (anyone may keep one)", reference("workItem", "P2", "李四"), true],
    ["a leader's summary", reference("summary", "P2", "李四"), true],
    ["a leader's decision", reference("decision", "P2", "李四"), false],
    ["a leader's event", reference("event", "P2", "李四"), false],
  ])("%s: %s", (_what, given, quiet) => {
    const person = [staff, leader].find((p) => p.id === given.personId);
    expect(isQuietReference(person, given)).toBe(quiet);
    // Quiet exactly when the check says nothing of it.
    expect(checkPersonReferences([staff, leader], [unit], [given]).length === 0).toBe(quiet);
  });
});
