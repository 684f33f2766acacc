// Units of a run (workbook.md 单位 and "Checks across sheets"): a unit with no person gets a
// warning; a 主管单位代码 names another unit of the same run (workbook or folder) or is blank.
// A person's 单位代码 is checked where the 人员 row is read (parse-persons.ts), which knows its cell.

import type { Person, Unit } from "./model.js";
import type { CellRef } from "./model.js";
import type { Problem } from "./problem.js";
import { problemAt } from "./problem.js";

/** A unit's 主管单位代码 and its cell, kept by the reader for checks across workbooks. */
export interface ParentLink {
  unitCode: string;
  parentCode: string;
  ref: CellRef;
}

export function checkUnitsHavePersons(units: readonly Unit[], persons: readonly Person[]): Problem[] {
  const withPersons = new Set(persons.map((p) => p.unitCode));
  return units
    .filter((unit) => !withPersons.has(unit.code))
    .map((unit) => ({
      ...problemAt(
        unit.ref,
        "warning",
        "W_UNIT_WITHOUT_PERSONS",
        unit.code,
        `${unit.ref.sheet}!${unit.ref.cell}：单位“${unit.name}”（${unit.code}）在“人员”工作表中没有人员，不作评定。` +
          `如有人员，请在“人员”工作表的单位代码列填写 ${unit.code}。`,
      ),
      unit: unit.code,
    }));
}

/**
 * `runUnits`: every unit code of the run (all workbooks). A 主管单位代码 that names no unit of the
 * run is a warning (a unit's clerk checks the unit's own workbook without its parent's), and an
 * error only where pooling would join the unit to that parent's pool (workbook.md 单位, rules.md
 * §1.2): `joinsParent` says which units those are. Its own code is always an error.
 */
export function checkParentLinks(
  links: readonly ParentLink[],
  runUnits: ReadonlySet<string>,
  joinsParent: (unitCode: string) => boolean = () => true,
): Problem[] {
  const problems: Problem[] = [];
  for (const link of links) {
    const at = `${link.ref.sheet}!${link.ref.cell}「${link.ref.header}」`;
    if (link.parentCode === link.unitCode) {
      problems.push({
        ...problemAt(link.ref, "error", "E_UNKNOWN_PARENT", link.parentCode, `${at}填写了本单位自己的代码“${link.parentCode}”。请填写主管单位的单位代码，没有主管单位时留空。`),
        unit: link.unitCode,
      });
    } else if (!runUnits.has(link.parentCode) && joinsParent(link.unitCode)) {
      problems.push({
        ...problemAt(
          link.ref,
          "error",
          "E_UNKNOWN_PARENT",
          link.parentCode,
          `${at}填写了“${link.parentCode}”，但本次处理的工作簿中没有这个单位；本单位参加定等的人数少，按方案要与主管单位统筹定等，缺了主管单位无法评定。` +
            `请核对代码，把主管单位的工作簿一并处理。`,
        ),
        unit: link.unitCode,
      });
    } else if (!runUnits.has(link.parentCode)) {
      problems.push({
        ...problemAt(
          link.ref,
          "warning",
          "W_UNKNOWN_PARENT",
          link.parentCode,
          `${at}填写了“${link.parentCode}”，本次处理的工作簿中没有这个单位。本单位单独定等，不受影响；如代码有误，请改正。`,
        ),
        unit: link.unitCode,
      });
    }
  }
  return problems;
}

/**
 * The units that pooling would join to their 主管单位 (rules.md §1.2): 1 to k−1 graded persons,
 * with k = poolSmallUnitsBelow > 0. `graded`: each unit's graded persons, by unit code.
 */
export function joinsParentPool(graded: ReadonlyMap<string, number>, poolSmallUnitsBelow: number): (unitCode: string) => boolean {
  return (unitCode) => {
    const n = graded.get(unitCode) ?? 0;
    return poolSmallUnitsBelow > 0 && n >= 1 && n < poolSmallUnitsBelow;
  };
}
