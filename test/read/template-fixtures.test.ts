// The committed template fixtures are what their recipes make (fixtures/template/README.md).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// a plain .mjs script (it imports dist/: npm test builds first)
import { rosterXlsxBytes } from "../../fixtures/template/make-roster-xlsx.mjs";
import { decodeCsvBytes } from "../../src/read/read-csv.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/template/${name}`, import.meta.url));

describe("fixtures/template", () => {
  it("roster.xlsx equals a fresh build from roster.csv", async () => {
    const fresh = (await rosterXlsxBytes()) as Buffer;
    expect(fresh.equals(await readFile(fixture("roster.xlsx")))).toBe(true);
  });

  it.each([
    ["roster-bom.csv", "utf-8-bom"],
    ["roster-gbk.csv", "gb18030"],
  ])("%s holds the text of roster.csv in its own encoding (%s)", async (name, encoding) => {
    const plain = (await readFile(fixture("roster.csv"), "utf8")).split(/\r?\n/);
    const decoded = decodeCsvBytes(await readFile(fixture(name)));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.split(/\r?\n/)).toEqual(plain);
  });
});
