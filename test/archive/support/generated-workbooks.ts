// Workbooks made for the archive's tests: several units in one workbook, as an organisation
// department merges a county's returns, with names a clerk might type and names an attacker
// might (quotes, semicolons, SQL). Everything is what a clerk would type; nothing is computed by
// the program under test.

import { writeFile } from "node:fs/promises";
import {
  COMMON_HEADER,
  DECISIONS_HEADER,
  EVENTS_HEADER,
  INDICATOR_ROWS,
  INDIVIDUAL_HEADER,
  PERSON_HEADER,
  UNIT_HEADER,
  WORK_HEADER,
} from "../../support/workbook-data.mjs";
import { writeWorkbook } from "../../support/write-workbook.mjs";

export interface GeneratedUnit {
  code: string;
  name: string;
  parent?: string;
  persons: number;
}

export interface GeneratedOptions {
  year?: number;
  quarter?: number;
  /** Changes every score a little, so that two seeds give two different contents. */
  seed?: number;
  /** The name of the unit's i-th person (1-based); plain Chinese names otherwise. */
  nameOf?: (unit: GeneratedUnit, i: number) => string;
  departmentOf?: (unit: GeneratedUnit, i: number) => string;
  /** The 事由 of the unit's 加分 event. */
  eventReason?: (unit: GeneratedUnit) => string;
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"];

export function personId(unit: GeneratedUnit, i: number): string {
  return `${unit.code}${String(i).padStart(3, "0")}`;
}

function plainName(unit: GeneratedUnit, i: number): string {
  const k = [...unit.code].reduce((a, c) => a + c.charCodeAt(0), 0) + i * 7;
  return `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 3) % GIVEN.length]}${GIVEN[(k * 5 + 1) % GIVEN.length]}`;
}

/** The sheets of one workbook holding every unit of `units`. */
export function multiUnitSheets(units: readonly GeneratedUnit[], options: GeneratedOptions = {}): { name: string; rows: unknown[][] }[] {
  const seed = options.seed ?? 0;
  const nameOf = options.nameOf ?? plainName;
  const departmentOf = options.departmentOf ?? ((_u: GeneratedUnit, i: number) => (i % 2 === 0 ? "综合科" : "业务科"));
  const persons: unknown[][] = [PERSON_HEADER];
  const individual: unknown[][] = [INDIVIDUAL_HEADER];
  const common: unknown[][] = [COMMON_HEADER];
  const work: unknown[][] = [WORK_HEADER];
  const events: unknown[][] = [EVENTS_HEADER];
  for (const unit of units) {
    for (let i = 1; i <= unit.persons; i++) {
      const id = personId(unit, i);
      const name = nameOf(unit, i);
      persons.push([unit.code, id, name, departmentOf(unit, i), "一级科员", "非领导成员", "参加", null, "否", null, null]);
      const v = (i * 7 + seed * 3) % 11;
      individual.push([id, name, 20 + v * 0.5, 28 + ((i * 5 + seed) % 12), 20 + ((i * 3 + seed) % 10), `${name}：工作认真。`, i % 3 === 0 ? "提高效率。" : null, "局长"]);
      const r = (i + seed) % 5;
      common.push([id, name, "领导", null, 24 + r, 16 + (r % 4), 16 + ((r + 1) % 4), 17 + (r % 3), 8 + (r % 2)]);
      common.push([id, name, "同事", null, 25 + (r % 4), 17 + (r % 3), 16 + (r % 4), 18, 9]);
      work.push([id, name, `完成${unit.name}第${i}项季度任务`, "已完成", null, null]);
      if (i === 2) work.push([id, name, "推进专项整治", "推进中", "等待上级批复", null]);
    }
    events.push([personId(unit, 1), nameOf(unit, 1), "加分", 1, options.eventReason?.(unit) ?? "获市级表彰", { date: "2026-09-10" }]);
    if (unit.persons >= 3) events.push([personId(unit, 3), nameOf(unit, 3), "减分", 0.5, "报表迟报一次", { date: "2026-08-05" }]);
  }
  return [
    {
      name: "参数",
      rows: [
        ["项目", "内容"],
        ["年度", options.year ?? 2026],
        ["季度", options.quarter ?? 3],
        ["联系人", "王丽"],
        ["联系电话", "0556-5551234"],
        ["公示开始日期", { date: "2026-10-12" }],
      ],
    },
    { name: "单位", rows: [UNIT_HEADER, ...units.map((u) => [u.code, u.name, u.parent ?? null, "李明", "0556-5552101", "县行政中心"])] },
    { name: "人员", rows: persons },
    { name: "指标", rows: INDICATOR_ROWS },
    { name: "工作清单", rows: work },
    { name: "个性评分", rows: individual },
    { name: "共性测评", rows: common },
    { name: "加减分", rows: events },
    { name: "审定", rows: [DECISIONS_HEADER] },
  ];
}

export async function writeMultiUnitWorkbook(file: string, units: readonly GeneratedUnit[], options: GeneratedOptions = {}): Promise<void> {
  await writeFile(file, await writeWorkbook(multiUnitSheets(units, options) as never));
}

/** Text that would break SQL pasted together from values, and spreadsheet formulas. */
export const HOSTILE_UNIT_NAME = `某县"财政'局; DROP TABLE filing; --`;
export const HOSTILE_NAMES = [`O'Brien`, `张"三`, `李四; DELETE FROM filing_person; --`, `王五') OR ('1'='1`, `=1+2`, `赵六\\'); SELECT pg_sleep(1); --`];
export const HOSTILE_DEPARTMENT = `办公室'; TRUNCATE filing; --`;
export const HOSTILE_REASON = `'); DROP TABLE filing_event; --`;
