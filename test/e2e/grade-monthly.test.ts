// Issue 14 end to end: `assess grade` on the demo, whose 发改委 keeps its work list month by month
// and whose persons wrote 个人小结 (test/support/workbook-data.mjs), alone and in a folder with a
// second workbook (then the rows a unit prints are read again when its files are built). The
// 结果 and 工作清单 sheets are read back; expected cells are taken by hand from the demo's data.

import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sheetValues } from "../support/sheet-values.mjs";
import { REPO_ROOT, runAssess, scratchFolder } from "../support/run-assess.js";
import { docxParagraphs } from "../support/read-office.js";

const scratch = scratchFolder("assess-grade-monthly-");
const FGW = "2026Q3_FGW_某县发展和改革委员会_结果.xlsx";
const TJJ = "2026Q3_TJJ_某县统计局_结果.xlsx";
const FGW_SLIPS = "2026Q3_FGW_某县发展和改革委员会_反馈单.docx";
const CUT_MARK = "……（全文见结果表）";

/** The data rows under the header row that starts with 序号, as objects by header. */
function records(rows: unknown[][]): Record<string, unknown>[] {
  const at = rows.findIndex((row) => row[1] === "序号");
  const header = rows[at]!;
  return rows.slice(at + 1).map((row) => Object.fromEntries(header.slice(1).map((h, i) => [String(h), row[i + 1] ?? null])));
}

const FG002_SUMMARY =
  "本季度主要做了四方面工作：一是统筹委机关公文办理和督办，三季度办文312件，督办事项按期办结率100%。二是牵头开展机关作风建设专项检查，查找问题9个，已全部整改。三是推进机关档案数字化整理，完成扫描服务采购，因合同签订较晚，扫描工作顺延至11月完成。四是做好节前安全检查和后勤保障。存在的不足：统筹谋划还不够超前，档案数字化进度滞后于计划。下一步将倒排工期，确保年底前完成档案数字化，并进一步规范办文流程。";

for (const [setting, inputs] of [
  ["the demo alone", ["2026Q3.xlsx"]],
  ["the demo in a folder with another unit's workbook", ["folder"]],
] as const) {
  describe(`assess grade with 月份 and 个人小结: ${setting}`, () => {
    const dir = join(scratch, setting === "the demo alone" ? "alone" : "folder");
    let status: number | null = null;
    let stderr = "";
    let fgw: Record<string, unknown[][]> = {};
    let tjj: Record<string, unknown[][]> = {};
    let slips: string[] = [];

    beforeAll(async () => {
      mkdirSync(join(dir, "folder"), { recursive: true });
      copyFileSync(join(REPO_ROOT, "fixtures/demo/2026Q3.xlsx"), join(dir, "2026Q3.xlsx"));
      copyFileSync(join(REPO_ROOT, "fixtures/demo/2026Q3.xlsx"), join(dir, "folder", "1-演示.xlsx"));
      copyFileSync(join(REPO_ROOT, "fixtures/good/messy-but-valid.xlsx"), join(dir, "folder", "2-档案馆.xlsx"));
      const run = runAssess(["grade", ...inputs, "--out", "out"], dir);
      status = run.status;
      stderr = run.stderr;
      fgw = await sheetValues(readFileSync(join(dir, "out", FGW)));
      tjj = await sheetValues(readFileSync(join(dir, "out", TJJ)));
      slips = await docxParagraphs(readFileSync(join(dir, "out", FGW_SLIPS)));
    });

    it("grades with exit 0", () => {
      expect(status, stderr).toBe(0);
    });

    it("结果 shows 自评等次 beside 等次 and where the two differ", () => {
      const rows = records(fgw["结果"]!).map((r) => [r["人员编号"], r["等次"], r["自评等次"], r["自评与等次"]]);
      expect(rows.filter((r) => ["FG002", "FG003", "FG012"].includes(r[0] as string))).toEqual([
        ["FG002", "好", "好", "一致"],
        ["FG003", "较好", null, null],
        ["FG012", "一般", "较好", "高于"],
      ]);
      const tj004 = records(tjj["结果"]!).find((r) => r["人员编号"] === "TJ004")!;
      expect([tj004["等次"], tj004["自评等次"], tj004["自评与等次"]]).toEqual(["好", "好", "一致"]);
    });

    it("工作清单 of a unit that keeps months: a row per month, then the whole quarter's, with the summaries in full", () => {
      const rows = records(fgw["工作清单"]!);
      const cells = (id: string) =>
        rows.filter((r) => r["人员编号"] === id).map((r) => [r["月份"], r["事项数"], r["已完成"], r["推进中"], r["未完成"], r["未完成事项及原因"], r["个人小结"]]);
      expect(cells("FG002")).toEqual([
        ["7月", 1, 1, 0, 0, null, null],
        ["8月", 1, 0, 1, 0, "【推进中】推进机关档案数字化整理：档案扫描服务合同9月下旬才签订，预计11月完成", null],
        ["9月", 1, 1, 0, 0, null, null],
        ["全季度", 1, 1, 0, 0, null, FG002_SUMMARY],
      ]);
      // 张敏 wrote a summary each month (月份 as 7月, 八月 and 9) and no item without a month
      expect(cells("FG003")).toEqual([
        ["7月", 1, 1, 0, 0, null, "保障委务会等会议6次，报送政务信息15条。"],
        ["8月", 1, 1, 0, 0, null, "完成政务公开年度自查，整改栏目更新不及时问题2个。"],
        ["9月", 1, 1, 0, 0, null, "编写三季度政务信息简报，被县委办采用2篇。"],
      ]);
      expect(cells("FG012")).toEqual([
        ["7月", 1, 1, 0, 0, null, null],
        ["8月", 1, 0, 0, 1, "【未完成】开展涉企收费专项检查：检查方案调整，部分企业尚未反馈自查表", null],
        ["9月", 1, 0, 1, 0, "【推进中】收集涉企收费自查表：部分企业尚未反馈自查表", null],
        ["全季度", 0, 0, 0, 0, null, "完成价格认定案卷整理。涉企收费专项检查因方案调整未能按期完成，自评较好。"],
      ]);
    });

    /** The paragraphs of a person's slip from the 工作清单 label to the 评鉴意见 label. */
    const slipWork = (name: string): string[] => {
      const from = slips.indexOf("工作清单", slips.indexOf(name));
      return slips.slice(from, slips.indexOf("评鉴意见", from));
    };

    it("反馈单 of a unit that keeps months: the work list a line per month, then the 个人小结", () => {
      expect(slipWork("张敏")).toEqual([
        "工作清单",
        "7月：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
        "8月：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
        "9月：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
        "个人小结",
        "7月：保障委务会等会议6次，报送政务信息15条。",
        "8月：完成政务公开年度自查，整改栏目更新不及时问题2个。",
        "9月：编写三季度政务信息简报，被县委办采用2篇。",
      ]);
      const liu = slipWork("刘洋");
      expect(liu.slice(0, 7)).toEqual([
        "工作清单",
        "7月：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
        "8月：共 1 项，已完成 0 项，推进中 1 项，未完成 0 项",
        "9月：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
        "全季度：共 1 项，已完成 1 项，推进中 0 项，未完成 0 项",
        "【推进中】推进机关档案数字化整理：档案扫描服务合同9月下旬才签订，预计11月完成",
        "个人小结",
      ]);
      // 刘洋's long summary: whole, or cut after a sentence with the mark
      const summary = liu[7]!;
      expect(liu).toHaveLength(8);
      if (summary !== FG002_SUMMARY) {
        expect(summary.endsWith(CUT_MARK)).toBe(true);
        const kept = summary.slice(0, -CUT_MARK.length);
        expect(kept.endsWith("。")).toBe(true);
        expect(FG002_SUMMARY.startsWith(kept)).toBe(true);
      }
    });

    it("工作清单 of a unit without months: one row a person as before, with the 个人小结 column", () => {
      const header = tjj["工作清单"]!.find((row) => row[1] === "序号")!.slice(1);
      expect(header).toEqual(["序号", "人员编号", "姓名", "科室", "事项数", "已完成", "推进中", "未完成", "未完成事项及原因", "个人小结"]);
      const rows = records(tjj["工作清单"]!);
      expect(rows.map((r) => r["人员编号"])).toEqual(["TJ002", "TJ004", "TJ005", "TJ006", "TJ007", "TJ008"]);
      expect(rows.find((r) => r["人员编号"] === "TJ004")).toMatchObject({ 事项数: 2, 已完成: 2, 个人小结: "按时完成三季度地区生产总值统一核算和数据上报，编印统计月报3期。" });
    });
  });
}
