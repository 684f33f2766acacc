// The output writer (write-xlsx.ts) and the input reader (read-xlsx.ts) agree: whatever a sheet
// description holds is read back as written, by the reader and by exceljs; and every part the
// writer makes is well-formed and wired (relationships point at parts that are there).

import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/ooxml/plain.js";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import type { SheetCell, WorkbookSpec } from "../../src/ooxml/write-xlsx.js";
import { textCell, writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { XmlScanner } from "../../src/ooxml/xml-scanner.js";
import { readXlsx, sheet } from "../support/read-office.js";
import { DEFAULT_LIMIT, tempDir } from "../support/read-fixtures.js";

let dir = "";
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function spec(rows: SheetCell[][]): WorkbookSpec {
  return {
    draft: false,
    sheets: [{ name: "问题", titles: ["标题"], orientation: "portrait", columns: [{ header: "甲", width: 10 }, { header: "乙", width: 10 }, { header: "丙", width: 10 }], rows: rows.map((cells) => ({ cells })) }],
  };
}

/** What the reader should find for a written cell. */
function expected(cell: SheetCell): CellValue {
  switch (cell.kind) {
    case "blank":
      return { kind: "blank" };
    case "text":
      return { kind: "text", text: cell.text };
    default:
      return { kind: "number", value: cell.value };
  }
}

const text = fc.string({ unit: fc.constantFrom(..."甲乙 =+-@_x0041Fa&<>\"'\t\n\u3000"), minLength: 1, maxLength: 16 });
const cell: fc.Arbitrary<SheetCell> = fc.oneof(
  fc.constant<SheetCell>({ kind: "blank" }),
  text.map((t) => textCell(t)),
  fc.integer({ min: -1000, max: 1000 }).map((value): SheetCell => ({ kind: "integer", value })),
  fc.integer({ min: 0, max: 10000 }).map((n): SheetCell => ({ kind: "decimal", value: n / 100 })),
  fc.integer({ min: 0, max: 10000 }).map((n): SheetCell => ({ kind: "percent", value: n / 10000 })),
);

describe("written, then read back", () => {
  it("every cell reads as written, by the reader and by exceljs (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const bytes = await writeXlsx(spec(rows));
        const path = join(dir, "out.xlsx");
        await writeFile(path, bytes);
        const read = await readWorkbookFile(path, "out.xlsx", DEFAULT_LIMIT);
        if (read.value === null) throw new Error(read.problems[0]?.message);
        const written = read.value.sheets[0]!;
        const viaExceljs = sheet(await readXlsx(bytes), "问题");
        rows.forEach((cells, r) => {
          cells.forEach((c, column) => {
            // Row 1 is the title, row 2 the header.
            expect(written.cell(r + 3, column + 1)).toEqual(expected(c));
            const value = viaExceljs.getCell(r + 3, column + 1).value;
            expect(value ?? null).toEqual(c.kind === "blank" ? null : c.kind === "text" ? c.text : c.value);
          });
        });
      }),
      { numRuns: 40 },
    );
  });

  it("text that looks like Excel's own escape stays text: _x0041_ is not A", async () => {
    const bytes = await writeXlsx(spec([[textCell("_x0041_"), textCell("a_x005F_b"), textCell("_x41_")]]));
    const path = join(dir, "escape.xlsx");
    await writeFile(path, bytes);
    const read = await readWorkbookFile(path, "escape.xlsx", DEFAULT_LIMIT);
    if (read.value === null) throw new Error(read.problems[0]?.message);
    const values = [1, 2, 3].map((c) => read.value.sheets[0]!.cell(3, c));
    expect(values).toEqual([
      { kind: "text", text: "_x0041_" },
      { kind: "text", text: "a_x005F_b" },
      { kind: "text", text: "_x41_" },
    ]);
  });

  it("every part is well-formed XML and every relationship points at a part that is there", async () => {
    const zip = await JSZip.loadAsync(await writeXlsx(spec([[textCell("甲"), { kind: "decimal", value: 80.2 }, { kind: "blank" }]])));
    const names = Object.keys(zip.files);
    for (const name of names) {
      const xml = await zip.file(name)!.async("nodebuffer");
      const scanner = new XmlScanner(xml);
      while (scanner.next() !== "end");
      if (!name.endsWith(".rels")) continue;
      const base = name.replace(/_rels\/[^/]*\.rels$/, "");
      for (const [, target] of xml.toString("utf8").matchAll(/Target="([^"]+)"/g)) expect(names, `${name} → ${target}`).toContain(`${base}${target}`);
    }
  });
});
