// Issue 14 round trip: a template written by `assess template` for 2026 Q3, filled in month by
// month as fill-template.ts does (an item in 7月, 8月 and 九月 and one of the whole quarter for each
// graded person; the quarter's summary on each pre-filled 个人小结 row and one 8月 summary added),
// is read back with every month and summary where the clerk put it.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { makeTemplates } from "../../src/commands/template.js";
import { exact } from "../../src/domain/exact.js";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import { parseWorkbook } from "../../src/read/workbook.js";
import { fillIn } from "../support/fill-template.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/template/${name}`, import.meta.url));
const RULES = {
  raterWeights: { leader: exact("0.5"), colleague: exact("0.5"), recipient: exact(0) },
  windowRaterWeights: { leader: exact("0.4"), colleague: exact("0.3"), recipient: exact("0.3") },
  notice: { days: 5, list: "good" as const, showScores: false, reviewDays: 5 },
  calendar: { holidays: [], workdays: [] },
};

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

it("reads the months and summaries a clerk writes into a template", async () => {
  const outDir = await mkdtemp(path.join(tmpdir(), "assess-monthly-template-"));
  folders.push(outDir);
  const made = await makeTemplates({ unitsPath: fixture("units.csv"), rosterPath: fixture("roster.csv"), year: "2026", quarter: "3", outDir: path.join(outDir, "t"), force: false });
  const file = made.written[0]!;
  await fillIn(file);
  const read = await readWorkbookFile(file, "a01.xlsx", { maxInflatedBytes: 256 * 1024 * 1024 });
  if (read.value === null) throw new Error(read.problems[0]!.message);
  const parsed = parseWorkbook(read.value, RULES);
  expect(parsed.problems).toEqual([]);
  const workbook = parsed.workbook!;
  const graded = workbook.persons.filter((p) => p.kind === "staff" && p.status === "participating").map((p) => p.id);
  expect(graded.length).toBeGreaterThan(0);
  for (const id of graded) {
    expect(workbook.workItems.filter((w) => w.personId === id).map((w) => w.month)).toEqual([7, 8, 9, null]);
  }
  // every person of the roster has a pre-filled row, now with the quarter's summary; and one 8月 row
  expect(workbook.summaries.filter((s) => s.month === null).map((s) => s.personId)).toEqual(workbook.persons.map((p) => p.id));
  expect(workbook.summaries.filter((s) => s.month !== null).map((s) => [s.personId, s.month, s.text])).toEqual([[graded[0], 8, "八月重点修订内部管理制度。"]]);
});
