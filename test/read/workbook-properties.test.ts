// What a clerk may do to a workbook without changing what it says (workbook.md): reorder columns,
// add title rows above the header (within the first 10 rows), type letters and digits full-width.
// None of it may change what is read: the parsed workbook is the same apart from cell addresses.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWorkbook } from "../../src/read/workbook.js";
import { exact } from "../../src/domain/exact.js";
import { plainWorkbook, type CellData, type SheetData } from "../support/plain-workbook.js";
import { baseWorkbook, demoWorkbook } from "../support/workbook-data.mjs";

const RULES = {
  raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact(0) },
  windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
  // The notice period's check against the national schedule (check-notice-calendar.ts).
  notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
};

/** Headers that start the header row of each sheet's table. */
const FIRST_HEADERS = new Set(["项目", "单位代码", "人员编号", "指标名称", "被测评人编号"]);

/** Merged ranges written out: every cell holds the range's top-left value, as the reader gives it. */
function unmerged(sheet: SheetData): SheetData {
  const rows = sheet.rows.map((r) => [...r]);
  for (const range of sheet.merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const [top, bottom, left, right] = [Number(m[2]), Number(m[4]), col(m[1] ?? "A"), col(m[3] ?? "A")];
    const value = rows[top - 1]?.[left - 1] ?? null;
    for (let r = top; r <= bottom; r++) {
      const row = rows[r - 1] ?? [];
      while (row.length < right) row.push(null);
      for (let c = left; c <= right; c++) row[c - 1] = value;
      rows[r - 1] = row;
    }
  }
  return { name: sheet.name, rows };
}

function headerRow(sheet: SheetData): number {
  const index = sheet.rows.findIndex((row) => row.some((c) => typeof c === "string" && FIRST_HEADERS.has(c)));
  return index < 0 ? 10 : index + 1;
}

function width(sheet: SheetData): number {
  return Math.max(0, ...sheet.rows.map((r) => r.length));
}

const toFullWidth = (text: string): string => text.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

interface SheetChange {
  /** Sort keys of the columns: the new order is the columns sorted by key. */
  order: number[];
  titleRows: CellData[][];
  fullWidth: boolean;
}

function apply(sheet: SheetData, change: SheetChange): SheetData {
  const columns = Array.from({ length: width(sheet) }, (_, i) => i).sort((a, b) => (change.order[a] ?? 0) - (change.order[b] ?? 0) || a - b);
  const rows = sheet.rows.map((row) =>
    columns.map((c) => {
      const cell = row[c] ?? null;
      return change.fullWidth && typeof cell === "string" ? toFullWidth(cell) : cell;
    }),
  );
  const room = Math.max(0, 10 - headerRow(sheet));
  return { name: sheet.name, rows: [...change.titleRows.slice(0, room), ...rows] };
}

const titleRow: fc.Arbitrary<CellData[]> = fc.constantFrom<CellData[]>(
  [],
  ["某县2026年第三季度公务员平时考核"],
  ["填表说明：带*的列必须填写", null, "单位：（盖章）"],
  [null, null, "制表日期：2026年10月9日"],
);

function changes(sheets: readonly SheetData[]): fc.Arbitrary<SheetChange[]> {
  return fc.tuple(
    ...sheets.map((sheet) =>
      fc.record({
        order: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: width(sheet), maxLength: width(sheet) }),
        titleRows: fc.array(titleRow, { maxLength: 9 }),
        fullWidth: fc.boolean(),
      }),
    ),
  );
}

/** The parsed model without cell addresses (which the changes move on purpose). */
function withoutRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "ref").map(([key, v]) => [key, withoutRefs(v)]));
  }
  return value;
}

function read(sheets: readonly SheetData[]) {
  const parsed = parseWorkbook(plainWorkbook("2026Q3.xlsx", sheets), RULES);
  return { workbook: withoutRefs(parsed.workbook), problems: parsed.problems.map((p) => `${p.code} ${p.value}`) };
}

describe("what a clerk may change without changing what is read", () => {
  for (const [name, make] of [
    ["the demo workbook", demoWorkbook],
    ["the base workbook of the fixtures", baseWorkbook],
  ] as const) {
    const sheets = (make() as SheetData[]).map(unmerged);
    const expected = read(sheets);

    it(`${name} reads without problems, so that the property compares real content`, () => {
      expect(expected.problems).toEqual([]);
      expect(expected.workbook).not.toBeNull();
    });

    it(`${name}: shuffled columns, title rows, full-width letters and digits`, () => {
      fc.assert(
        fc.property(changes(sheets), (all) => {
          const changed = sheets.map((sheet, i) => apply(sheet, all[i] ?? { order: [], titleRows: [], fullWidth: false }));
          expect(read(changed)).toEqual(expected);
        }),
        { numRuns: 60 },
      );
    });
  }
});
