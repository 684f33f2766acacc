// The 人员 sheet, the roster (workbook.md): one person a row, with the defaults of the spec for
// blank cells. Also the roster that `assess template --roster` reads (.xlsx or .csv).

import { STATUS_LABEL, GRADE_LABEL, PERSON_KIND_LABEL, YES_NO_LABEL } from "../domain/labels.js";
import type { Person, Unit } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { PERSONS_SHEET } from "../domain/sheets.js";
import { dataRows, findHeaderRow, headerSpecOf, sheetProblem } from "./find-header-row.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { RowReader } from "./rows.js";

export interface ParsedPersons {
  /** In roster order; a row whose 人员编号 is unreadable or repeated is left out. */
  persons: Person[];
  problems: Problem[];
  readable: boolean;
}


/**
 * `units`: the units a 单位代码 may name (a blank one means the only unit); null when no unit list
 * is known (a roster read on its own): then any code is taken and a blank one is an error. An
 * empty list (a workbook whose unit could not be read, which is an error of its own) checks nothing.
 */
export function parsePersonsSheet(file: string, sheet: PlainSheet, units: readonly Unit[] | null, sheetName = PERSONS_SHEET.name): ParsedPersons {
  const found = findHeaderRow(file, sheetName, sheet, headerSpecOf(PERSONS_SHEET));
  const result: ParsedPersons = { persons: [], problems: [...found.problems], readable: found.value !== null };
  if (!found.value) return result;
  const layout = found.value;
  const unitsUnknown = units !== null && units.length === 0;
  const unitCodes = units === null ? null : new Set(units.map((u) => u.code));
  const onlyUnit = units !== null && units.length === 1 ? (units[0]?.code ?? null) : null;
  const firstRow = new Map<string, string>();
  if (onlyUnit === null && !unitsUnknown && !layout.columns.has("单位代码")) {
    const count = unitCodes === null ? "" : `，而工作簿中有 ${unitCodes.size} 个单位`;
    result.problems.push(
      sheetProblem(file, sheetName, "E_MISSING_HEADER", `“${sheetName}”工作表没有“单位代码”列${count}。请加上“单位代码”列，为每人填写所在单位的代码。`, {
        header: "单位代码",
      }),
    );
  }

  for (const row of dataRows(layout)) {
    const r = new RowReader(file, layout, row);
    const id = r.personId("人员编号");
    const name = r.text("姓名", true);
    const department = r.text("科室", true);
    const title = r.text("职务职级");
    const kind = r.choice("人员类别", PERSON_KIND_LABEL) ?? "staff";
    const status = r.choice("考核状态", STATUS_LABEL) ?? "participating";
    const statusReason = r.text("状态原因");
    const window = r.choice("窗口岗位", YES_NO_LABEL) === "yes";
    const selfGrade = r.choice("自评等次", GRADE_LABEL);
    const note = r.text("备注");

    // 单位代码: required when there is more than one unit; blank means the only unit (workbook.md).
    let unitCode = r.id("单位代码");
    if (unitCode === null) {
      if (onlyUnit !== null) unitCode = onlyUnit;
      else if (r.has("单位代码") && !unitsUnknown) {
        r.report("单位代码", "E_REQUIRED", "", `${r.place("单位代码")}没有填写。工作簿中有多个单位时，请为每人填写所在单位的代码。`);
      }
    } else if (unitCodes !== null && !unitsUnknown && !unitCodes.has(unitCode)) {
      r.report(
        "单位代码",
        "E_UNKNOWN_UNIT",
        unitCode,
        `${r.place("单位代码")}填写了“${unitCode}”，但本工作簿中没有这个单位（${[...unitCodes].join("、") || "无"}）。` +
          `请核对代码；一个工作簿含多个单位时，每个单位都要列在“单位”工作表中。`,
      );
      unitCode = null;
    }

    if (status !== "participating" && statusReason === null) {
      r.report("状态原因", "E_STATUS_REASON", "", `${r.place("状态原因")}没有填写。考核状态为“${STATUS_LABEL[status]}”时须写明原因，如试用期、立案审查、病假超过半数工作日。`);
    }

    if (id !== null && isFirstRowOf(r, id, firstRow)) {
      result.persons.push({
        unitCode: unitCode ?? "",
        id,
        name: name ?? "",
        department: department ?? "",
        title,
        kind,
        status,
        statusReason,
        window,
        selfGrade,
        note,
        ref: r.ref("人员编号"),
      });
    }
    result.problems.push(...r.finish(unitCode ?? onlyUnit ?? undefined));
  }
  return result;
}

/**
 * True on the first row of a 人员编号; a later row of it is E_DUPLICATE_PERSON naming the first
 * (`firstRow`: each id's 人员编号 cell so far). Ids are unique in 人员 and in 干部 alike.
 */
export function isFirstRowOf(r: RowReader, id: string, firstRow: Map<string, string>): boolean {
  const first = firstRow.get(id);
  if (first !== undefined) {
    r.report("人员编号", "E_DUPLICATE_PERSON", id, `${r.place("人员编号")}“${id}”与 ${first} 重复。人员编号不能重复：请核对编号，同一人只保留一行。`);
    return false;
  }
  firstRow.set(id, r.ref("人员编号").cell);
  return true;
}
