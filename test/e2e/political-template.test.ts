// `assess template --political`: one workbook per unit of the unit list, its 干部 sheet from the
// roster of leading cadres, dropdowns for every closed set (the aspect words, the rater groups,
// the negative items, the sources, 核实情况), 说明 and 清单 sheets; it validates clean as written.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import { runAssess, scratchFolder } from "../support/run-assess.js";

vi.setConfig({ testTimeout: 60_000 });
const scratch = scratchFolder("assess-political-template-");

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
  const map = new Map<string, string>();
  for (const [i, name] of names.entries()) map.set(name, await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async("string"));
  map.set("sharedStrings", (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "");
  return map;
}

describe("assess template --political", () => {
  writeFileSync(join(scratch, "units.csv"), "单位代码,单位名称,联系人,联系电话\nXZ01,某县城关镇,周红,0556-1\nCZJ,某县财政局,吴刚,0556-2\n");
  writeFileSync(join(scratch, "roster.csv"), "单位代码,人员编号,姓名,职务,干部类别\nXZ01,GB01,王强,党委书记,主要负责人\nXZ01,GB02,李敏,镇长,\nCZJ,GB11,陈军,局长,主要负责人\n");
  const out = join(scratch, "out");
  const run = runAssess(
    ["template", "--political", "--units", "units.csv", "--roster", "roster.csv", "--year", "2026", "--round", "2026年度领导班子和领导干部考核", "--out", out],
    scratch,
  );
  const file = join(out, "2026_XZ01_某县城关镇_政治素质测评填报.xlsx");

  it("writes one workbook per unit", () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("2026_CZJ_某县财政局_政治素质测评填报.xlsx");
  });

  it("has the sheets in order, the unit's cadres, and dropdowns for every closed set", async () => {
    const sheets = await parts(file);
    expect([...sheets.keys()].slice(0, -1)).toEqual(["说明", "清单", "参数", "干部", "双向测评", "问题线索", "延伸考察", "谈心谈话"]);
    const strings = sheets.get("sharedStrings")!;
    for (const text of ["王强", "李敏", "为官不为、慢作为，庸懒散拖", "2026年度领导班子和领导干部考核"]) expect(strings).toContain(text);
    expect(strings).not.toContain("陈军"); // another unit's cadre
    const forms = sheets.get("双向测评")!;
    expect(forms).toContain("&quot;上级领导,班子成员,干部职工&quot;");
    expect(forms).toContain("&quot;好,较好,一般,较差&quot;");
    expect(forms).toContain("&quot;√,是,1,否&quot;");
    const clues = sheets.get("问题线索")!;
    expect(clues).toContain("纪委监委,巡察办,信访局");
    expect(clues).toContain("&quot;属实,部分属实,核实中,不属实&quot;");
    expect(sheets.get("延伸考察")).toContain("&quot;支部,社区,家庭,一线&quot;");
  });

  it("notes are signed by the tool, not exceljs's `Author`, as in the appraisal template", async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const comments = Object.keys(zip.files).filter((name) => /^xl\/comments\d*\.xml$/.test(name));
    expect(comments.length).toBeGreaterThan(0);
    for (const name of comments) {
      const xml = await zip.file(name)!.async("string");
      expect(xml).toContain("<authors><author>assess</author></authors>");
      expect(xml).not.toContain("Author");
    }
  });

  it("validates clean as written (a round without forms yet)", () => {
    const check = runAssess(["validate", out], scratch);
    expect(check.status).toBe(0);
    expect(check.stderr).toContain("未发现问题");
  });
});
