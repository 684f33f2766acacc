// A template opened by LibreOffice (what many offices use besides Excel and WPS): every sheet
// converted to CSV must show the headers of sheets.ts, identity numbers must stay text, and a
// filled template saved again by LibreOffice must still validate.
// Skipped with a message when soffice is missing; under CI a missing soffice is a failure.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { toRules } from "../../src/domain/rules-file.js";
import { DEFAULT_RULES_FILE } from "../../src/domain/rules-file-defaults.js";
import { makeTemplates } from "../../src/commands/template.js";
import { validate } from "../../src/commands/validate.js";
import { writeTemplate, type TemplatePerson } from "../../src/build/template-workbook.js";
import { fillIn } from "../support/fill-template.js";
import { hasSoffice, runSoffice } from "../support/run-assess.js";

const fixture = (name: string): string => path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/template", name);

const sofficeHere = hasSoffice();

function person(id: string, name: string): TemplatePerson {
  return {
    unitCode: "A01", id, name, department: "办公室", title: null, kind: "staff", status: "participating",
    statusReason: null, window: false, selfGrade: null, note: null,
  };
}

const EXPECTED_HEADERS: Record<string, string> = {
  参数: "项目,内容",
  人员: "单位代码,人员编号,姓名,科室,职务职级,人员类别,考核状态,状态原因,窗口岗位,自评等次,备注",
  指标: "指标名称,类别,维度,满分,说明",
  工作清单: "人员编号,姓名,月份,工作事项,完成情况,未完成原因,备注",
  个人小结: "人员编号,姓名,月份,小结",
  个性评分: "人员编号,姓名,工作数量,工作质量,工作效率,评鉴意见,改进目标,评鉴人",
  共性测评: "被测评人编号,被测评人姓名,测评人类别,测评人,政治素质,职业道德,工作作风,廉洁自律,出勤情况",
  加减分: "人员编号,姓名,类型,分值,事由,日期",
  审定: "人员编号,姓名,审定等次,类型,理由,日期",
};

describe("a template opened by LibreOffice", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  if (!sofficeHere) {
    if (process.env.CI) {
      it("needs soffice (LibreOffice) under CI", () => {
        throw new Error("soffice 未安装：CI 中必须安装 LibreOffice（libreoffice-calc-nogui）才能运行此测试。");
      });
    } else {
      it.skip("soffice（LibreOffice）未安装，跳过 LibreOffice 转换比对", () => {});
    }
    return;
  }

  it("shows every sheet's headers and keeps 人员编号 as text", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "assess-template-lo-"));
    folders.push(folder);
    const file = path.join(folder, "t.xlsx");
    const persons = [person("0001", "刘晓燕"), person("340803198503120029", "孙伟")];
    const bytes = await writeTemplate({
      period: { year: 2026, quarter: 3 },
      unit: { code: "001", name: "县发展和改革局", parentCode: null, contact: null, phone: null, address: null },
      persons,
      indicators: toRules(DEFAULT_RULES_FILE).indicators,
      instructions: "# 说明",
    });
    await writeFile(file, bytes);
    // one CSV per sheet (the last token, -1), UTF-8 (76), comma (44), quote (34)
    const result = runSoffice(
      ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", folder, file],
      path.join(folder, "profile"),
      120_000,
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = async (sheet: string): Promise<string[]> =>
      (await readFile(path.join(folder, `t-${sheet}.csv`), "utf8")).replace(/^\uFEFF/, "").split(/\r?\n/);
    for (const [sheet, header] of Object.entries(EXPECTED_HEADERS)) {
      expect((await lines(sheet))[0], sheet).toBe(header);
    }
    expect((await lines("人员")).slice(1, 3)).toEqual([
      "A01,0001,刘晓燕,办公室,,非领导成员,参加,,否,,",
      "A01,340803198503120029,孙伟,办公室,,非领导成员,参加,,否,,",
    ]);
    expect((await lines("参数")).slice(1, 5)).toEqual(["年度,2026", "季度,3", "单位代码,001", "单位名称,县发展和改革局"]);
  });

  it("a filled template saved again by LibreOffice still validates with no problem", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "assess-template-lo-"));
    folders.push(folder);
    const made = await makeTemplates({
      unitsPath: fixture("units.csv"),
      rosterPath: fixture("roster.csv"),
      year: "2026",
      quarter: "3",
      outDir: path.join(folder, "made"),
      force: false,
    });
    for (const file of made.written) await fillIn(file);
    const saved = path.join(folder, "saved");
    const result = runSoffice(["--convert-to", "xlsx", "--outdir", saved, ...made.written], path.join(folder, "profile"));
    expect(result.status, result.stderr).toBe(0);
    const validated = await validate([saved], { maxSizeMiB: 256 });
    expect(validated.problems).toEqual([]);
    // a folder is read in file-name order: 2026Q3_A0101_… sorts before 2026Q3_A01_…
    expect(validated.units.map((u) => [u.code, u.state])).toEqual([
      ["A0101", "ok"],
      ["A01", "ok"],
      ["B02", "ok"],
    ]);
  });
});
