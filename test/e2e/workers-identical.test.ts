// Worker threads change how fast a run is, never what it writes (issue 5: "results merged in a
// stable order so output does not depend on timing"). The same inputs graded with --jobs 1 (all
// in one thread), --jobs 2 and --jobs 3 (files read and units built by workers, finishing in
// whatever order) give the same files, byte for byte (the writers are deterministic: fixed dates,
// no clock), and the same JSON document. Through bin/assess.js (npm test builds first).

import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readXlsx, sheet, zipPart } from "../support/read-office.js";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { baseWorkbook, renamedUnit } from "../support/workbook-data.mjs";
import { writeWorkbook } from "../support/write-workbook.mjs";

vi.setConfig({ testTimeout: 120_000 });

const scratch = scratchFolder("assess-workers-");

interface Graded {
  status: number | null;
  /** The JSON document without `written`, which names the output folder. */
  document: unknown;
  /** Every output file by name. */
  files: Map<string, Buffer>;
}

async function grade(input: string, jobs: number, label = ""): Promise<Graded> {
  const out = join(scratch, `out-${input}-${jobs}${label}`);
  const run = runAssess(["grade", input, "--out", out, "--json", "--jobs", String(jobs)], scratch, { ...process.env, FORCE_COLOR: "0" });
  const { written: _written, ...document } = JSON.parse(run.stdout) as { written: string[] };
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(out)).sort()) files.set(name, await readFile(join(out, name)));
  return { status: run.status, document, files };
}

beforeAll(async () => {
  // A folder of four workbooks, five units: the demo (发改委 and 统计局 in one workbook) and three
  // county offices of one workbook each.
  const folder = join(scratch, "县");
  await mkdir(folder, { recursive: true });
  await copyFile(join(REPO_ROOT, "fixtures", "demo", "2026Q3.xlsx"), join(folder, "1-演示.xlsx"));
  await writeFile(join(folder, "2-档案馆.xlsx"), await writeWorkbook(baseWorkbook()));
  await writeFile(join(folder, "3-审计局.xlsx"), await writeWorkbook(renamedUnit("SJJ", "某县审计局", "SJ")));
  await writeFile(join(folder, "4-卫健局.xlsx"), await writeWorkbook(renamedUnit("WSJ", "某县卫生健康局", "WS")));
  await copyFile(join(REPO_ROOT, "fixtures", "demo", "2026Q3.xlsx"), join(scratch, "演示.xlsx"));
});

describe.each([
  ["a folder of four workbooks", "县", 5],
  ["one workbook of two units", "演示.xlsx", 2],
])("%s: --jobs 2 and 3 write what --jobs 1 writes", (_what, input, units) => {
  it("the same files, byte for byte, and the same JSON document", async () => {
    const alone = await grade(input, 1);
    expect(alone.status).toBe(0);
    // Each unit has its 结果, 公示 and 反馈单 (all final), and the run its 汇总.
    expect(alone.files.size).toBe(3 * units + 1);
    for (const jobs of [2, 3]) {
      const parallel = await grade(input, jobs);
      expect(parallel.status).toBe(0);
      expect(parallel.document).toEqual(alone.document);
      expect([...parallel.files.keys()]).toEqual([...alone.files.keys()]);
      for (const [name, bytes] of alone.files) expect(parallel.files.get(name)?.equals(bytes), name).toBe(true);
    }
  });

  it("and the 结果 sheets are the units' own: their persons, in roster order", async () => {
    const alone = await grade(input, 2);
    const results = [...alone.files].filter(([name]) => name.endsWith("_结果.xlsx"));
    expect(results).toHaveLength(units);
    for (const [name, bytes] of results) {
      const code = name.split("_")[1];
      const ids: unknown[] = [];
      // Below the header, the persons' rows (a 序号 each), not the sign-off lines under them.
      sheet(await readXlsx(bytes), "结果").eachRow((row, n) => {
        if (n > 3 && typeof row.getCell(1).value === "number") ids.push(row.getCell(2).value);
      });
      expect(ids.length, name).toBeGreaterThan(0);
      const prefix = { FGW: "FG", TJJ: "TJ", DAJ: "DA", SJJ: "SJ", WSJ: "WS" }[code ?? ""];
      expect(ids.every((id) => String(id).startsWith(prefix ?? "?")), name).toBe(true);
      expect(ids).toEqual([...ids].sort());
      expect(await zipPart(bytes, "xl/worksheets/sheet1.xml")).toContain("<sheetData>");
    }
  });
});

describe("a workbook among several is read again for its units' files", () => {
  it("and they print what they print when the workbook is graded alone and kept whole", async () => {
    // Alone, the demo is read once and kept; in the folder, it is kept for grading only and read
    // again when 发改委's and 统计局's files are built. Their notices and slips name no input file,
    // so they are the same bytes; the 结果 workbooks hold the same 结果 sheet.
    const alone = await grade("演示.xlsx", 2, "-alone");
    const inFolder = await grade("县", 2, "-again");
    expect(alone.status).toBe(0);
    expect(inFolder.status).toBe(0);
    const compared = [...alone.files.keys()].filter((name) => /_(FGW|TJJ)_.*_(公示|反馈单)\.docx$/.test(name));
    expect(compared).toHaveLength(4);
    for (const name of compared) expect(inFolder.files.get(name)?.equals(alone.files.get(name)!), name).toBe(true);
    for (const name of [...alone.files.keys()].filter((n) => /_(FGW|TJJ)_.*_结果\.xlsx$/.test(n))) {
      const rows = async (bytes: Buffer): Promise<unknown[]> => {
        const values: unknown[] = [];
        sheet(await readXlsx(bytes), "结果").eachRow((row) => values.push(row.values));
        return values;
      };
      expect(await rows(inFolder.files.get(name)!), name).toEqual(await rows(alone.files.get(name)!));
    }
  });
});
