// The joint meeting's quarterly summary of problem information, 问题线索汇总.xlsx (political.md
// "Outputs" 4): counts by source unit × aspect × 核实情况, by unit, and by cadre. Counts only:
// no content, so nothing of a 不属实 row leaves the department's workbook.

import type { PoliticalUnitResult } from "../domain/political-evaluate.js";
import { VERIFICATIONS, VERIFICATION_LABEL, type ProblemClue, type Verification } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import type { SheetRow, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell } from "../ooxml/write-xlsx.js";
import { CADRE_COLUMNS, cadreCells, rowsOrNone } from "./political-workbook.js";

const STATUS_COLUMNS = [...VERIFICATIONS.map((v) => ({ header: v === "unfounded" ? "不属实（已澄清）" : VERIFICATION_LABEL[v], width: 10 })), { header: "合计", width: 8 }];

function countRow(clues: readonly ProblemClue[]): ReturnType<typeof integerCell>[] {
  const counts: Record<Verification, number> = { confirmed: 0, partly: 0, checking: 0, unfounded: 0 };
  for (const c of clues) counts[c.verification]++;
  return [...VERIFICATIONS.map((v) => integerCell(counts[v])), integerCell(clues.length)];
}

export function buildClueSummary(input: { year: number; round: string; units: readonly PoliticalUnitResult[]; rules: PoliticalRules }): WorkbookSpec {
  const all = input.units.flatMap((u) => u.cadres.flatMap((c) => c.clues));
  const heading = (what: string): string => `${input.year}年度问题线索汇总（${what}）`;
  const bySource: SheetRow[] = [];
  for (const source of input.rules.sources) {
    for (const aspect of input.rules.aspects.map((a) => a.name)) {
      const clues = all.filter((c) => c.source === source && c.aspect === aspect);
      if (clues.length > 0) bySource.push({ cells: [textCell(source), textCell(aspect), ...countRow(clues)] });
    }
  }
  bySource.push({ cells: [textCell("合计"), textCell(""), ...countRow(all)], bold: true });
  const byUnit: SheetRow[] = input.units.map((u) => ({
    cells: [textCell(u.unit.code), textCell(u.unit.name), integerCell(u.cadres.filter((c) => c.clues.length > 0).length), ...countRow(u.cadres.flatMap((c) => c.clues))],
  }));
  byUnit.push({ cells: [textCell("合计"), textCell(""), integerCell(input.units.reduce((n, u) => n + u.cadres.filter((c) => c.clues.length > 0).length, 0)), ...countRow(all)], bold: true });
  const byCadre: SheetRow[] = input.units.flatMap((u) =>
    u.cadres
      .filter((c) => c.clues.length > 0)
      .map((c): SheetRow => ({
        cells: [textCell(u.unit.name), ...cadreCells(c.cadre), textCell(c.cadre.post), ...countRow(c.clues)],
        ...(c.clueCounts.checking > 0 ? { fill: "FCE4D6" } : {}),
      })),
  );
  const sheet = (name: string, what: string, columns: SheetSpec["columns"], rows: SheetRow[]): SheetSpec => ({
    name,
    titles: [heading(what), `测评：${input.round}；不属实的线索只计数，不列内容`],
    orientation: "landscape",
    columns,
    rows,
  });
  return {
    draft: false,
    sheets: [
      sheet("按来源单位", "按来源单位、方面和核实情况", [{ header: "来源单位", width: 18 }, { header: "方面", width: 10 }, ...STATUS_COLUMNS], bySource),
      sheet("按单位", "按单位", [{ header: "单位代码", width: 10 }, { header: "单位名称", width: 24 }, { header: "涉及干部", width: 8 }, ...STATUS_COLUMNS], byUnit),
      sheet(
        "按干部",
        "按干部",
        [{ header: "单位", width: 22 }, ...CADRE_COLUMNS, { header: "职务", width: 20 }, ...STATUS_COLUMNS],
        rowsOrNone(byCadre),
      ),
    ],
  };
}
