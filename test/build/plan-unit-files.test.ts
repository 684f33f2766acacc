// planUnitFiles: a graded run → which units get which files, grouped by workbook, before any is
// built (outputs.md "Per unit", "Per run"). Pure, so a table of runs.

import { describe, expect, it } from "vitest";
import { planUnitFiles, unitBuild } from "../../src/build/plan-unit-files.js";
import type { GradedPool, GradedUnit } from "../../src/domain/graded.js";
import type { AppraisalWorkbook, Unit } from "../../src/domain/model.js";
import type { Problem } from "../../src/domain/problem.js";
import { POOL, UNIT, WORKBOOK, demoUnit } from "../support/demo-unit.js";

const PERIOD = WORKBOOK.period;
const OTHER_FILE = "某某办2026Q3.xlsx";

function unitNamed(code: string, name: string, file = WORKBOOK.file, parentCode: string | null = null): Unit {
  return { ...UNIT, code, name, parentCode, ref: { ...UNIT.ref, file } };
}

/** A graded unit like the demo's, as `code`, in `state`; graded persons unless `leadersOnly`. */
function gradedAs(unit: Unit, state: GradedUnit["state"], poolCode = unit.code, leadersOnly = false): GradedUnit {
  const demo = demoUnit(state === "draft" ? "draft" : "final");
  if (state === "error") return { unit, poolCode, state, persons: [], changes: [] };
  return { ...demo, unit, poolCode, state, persons: leadersOnly ? demo.persons.slice(0, 1) : demo.persons };
}

const A01 = UNIT;
const A02 = unitNamed("A02", "某某局下属中心", WORKBOOK.file, "A01");
const B01 = unitNamed("B01", "某某办", OTHER_FILE);
const C01 = unitNamed("C01", "某某所", OTHER_FILE);

const FIRST: AppraisalWorkbook = { ...WORKBOOK, units: [A01, A02] };
const SECOND: AppraisalWorkbook = { ...WORKBOOK, file: OTHER_FILE, sha256: "b".repeat(64), units: [B01, C01] };

const pool = (code: string, unitCodes: string[]): GradedPool => ({ ...POOL, code, unitCodes });

function warning(unit: string): Problem {
  return { severity: "warning", code: "W_NO_WORK_ITEMS", file: WORKBOOK.file, sheet: "工作清单", cell: "", header: "", value: "", message: "…", unit };
}

const names = (...parts: string[]): string[] => parts.map((part) => `2026Q3_${part}`);

describe("planUnitFiles", () => {
  it.each([
    {
      run: "one final unit: 结果, 公示, 反馈单, no 汇总",
      units: [gradedAs(A01, "final")],
      pools: [pool("A01", ["A01"])],
      names: names("A01_某市某某局_结果.xlsx", "A01_某市某某局_公示.docx", "A01_某市某某局_反馈单.docx"),
      groups: [[FIRST.file, ["A01"]]],
    },
    {
      run: "a draft gets no 公示; a unit of leaders only no 反馈单; several units a 汇总",
      units: [gradedAs(A01, "draft"), gradedAs(A02, "final", "A02", true)],
      pools: [pool("A01", ["A01"]), pool("A02", ["A02"])],
      names: [
        ...names("A01_某市某某局_结果.xlsx", "A01_某市某某局_反馈单.docx"),
        ...names("A02_某某局下属中心_结果.xlsx", "A02_某某局下属中心_公示.docx", "汇总.xlsx"),
      ],
      groups: [[FIRST.file, ["A01", "A02"]]],
    },
    {
      run: "a unit in error gets nothing but still counts for the 汇总; units grouped by workbook in run order",
      units: [gradedAs(A01, "final"), gradedAs(B01, "error"), gradedAs(C01, "final")],
      pools: [pool("A01", ["A01"]), pool("C01", ["C01"])],
      names: [
        ...names("A01_某市某某局_结果.xlsx", "A01_某市某某局_公示.docx", "A01_某市某某局_反馈单.docx"),
        ...names("C01_某某所_结果.xlsx", "C01_某某所_公示.docx", "C01_某某所_反馈单.docx", "汇总.xlsx"),
      ],
      groups: [
        [FIRST.file, ["A01"]],
        [SECOND.file, ["C01"]],
      ],
    },
    {
      run: "every unit in error: nothing to build, the 汇总 alone",
      units: [gradedAs(A01, "error"), gradedAs(B01, "error")],
      pools: [],
      names: names("汇总.xlsx"),
      groups: [],
    },
  ])("$run", ({ units, pools, names: expected, groups }) => {
    const plan = planUnitFiles(PERIOD, { units, pools, problems: [] }, [FIRST, SECOND], []);
    expect(plan.names).toEqual(expected);
    expect(plan.summarised).toBe(units.length > 1);
    expect(plan.workbooks.map((w) => [w.workbook.file, w.units.map((u) => u.graded.unit.code)])).toEqual(groups);
    expect(plan.unitCount).toBe(units.filter((u) => u.state !== "error").length);
  });

  it("a pooled unit's 规则 sheet lists the files of its whole pool, each once; its own warnings go with it", () => {
    const units = [gradedAs(A01, "final"), gradedAs(A02, "final", "A01"), gradedAs(C01, "final", "A01")];
    const plan = planUnitFiles(PERIOD, { units, pools: [pool("A01", ["A01", "A02", "C01"])], problems: [] }, [FIRST, SECOND], [warning("A02")]);
    const planned = plan.workbooks.flatMap((w) => w.units);
    expect(planned.map((u) => u.inputFiles)).toEqual(
      Array(3).fill([
        { file: FIRST.file, sha256: FIRST.sha256 },
        { file: SECOND.file, sha256: SECOND.sha256 },
      ]),
    );
    expect(planned.map((u) => u.warnings.map((p) => p.unit))).toEqual([[], ["A02"], []]);
  });

  it("a unit without rows in its workbook's shares is built with none", () => {
    const plan = planUnitFiles(PERIOD, { units: [gradedAs(A01, "final")], pools: [pool("A01", ["A01"])], problems: [] }, [FIRST], []);
    const [planned] = plan.workbooks[0]!.units;
    expect(unitBuild(planned!, FIRST, undefined).workbook).toEqual({ period: PERIOD, settings: FIRST.settings, workItems: [], summaries: [], individualScores: [], events: [] });
  });
});
