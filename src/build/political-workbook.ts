// Each unit's 政治素质测评.xlsx (political.md "Outputs" 1): 结果, 方面得分, 反向条目, 问题线索,
// 延伸考察, 问题, 规则. Pure: evaluated data in, sheet descriptions out.
//
// Confidentiality (issue 13): the content of 不属实 problem information never leaves the
// department's own evaluation workbook, so the 问题线索 sheet lists those rows without their
// content; a 人员编号 that is a resident ID number is shown masked.

import { GRADE_LABEL } from "../domain/labels.js";
import { percentText } from "../domain/political-conclusion.js";
import type { CadreResult, PoliticalUnitResult } from "../domain/political-evaluate.js";
import { CADRE_KIND_LABEL, SCENE_LABEL, VERDICT_LABEL, VERIFICATION_LABEL, type ProblemClue } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import type { Problem } from "../domain/problem.js";
import type { EffectiveRules } from "../domain/rules.js";
import type { SheetCell, SheetColumn, SheetRow, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell } from "../ooxml/write-xlsx.js";
import { decimalCell, percentCell } from "./exact-cells.js";
import { buildProblemSheet } from "./problem-sheet.js";
import { buildRulesSheet, type InputDigest } from "./result-workbook.js";

/** One fill per conclusion, as the appraisal results colour grades. */
export const CONCLUSION_FILL = { good: "C6EFCE", fairlyGood: "DDEBF7", average: "FFF2CC", poor: "FFC7CE" } as const;

const RESIDENT_ID = /^\d{17}[\dX]$/;

/** A 人员编号 as a unit's output shows it: a resident ID number masked (`340827********0021`). */
export function shownPersonId(id: string): string {
  return RESIDENT_ID.test(id) ? `${id.slice(0, 6)}********${id.slice(14)}` : id;
}

/** Text with every resident ID number in it masked (a warning about an id names it). */
export function maskResidentIds(text: string): string {
  return text.replace(/(?<!\d)\d{17}[\dX](?![\dX])/g, shownPersonId);
}

/** What a clue's content may show outside the department's workbook (never a 不属实 one's). */
export function clueContent(clue: Pick<ProblemClue, "verification" | "content">): string {
  return clue.verification === "unfounded" ? "（已澄清，内容不列出）" : clue.content;
}

/** The columns that name a cadre in a unit's outputs: 人员编号 (masked, shownPersonId) and 姓名. */
export const CADRE_COLUMNS: readonly SheetColumn[] = [
  { header: "人员编号", width: 14 },
  { header: "姓名", width: 10 },
];

/** The cells under CADRE_COLUMNS. */
export function cadreCells(cadre: { id: string; name: string }): SheetCell[] {
  return [textCell(shownPersonId(cadre.id)), textCell(cadre.name)];
}

/** A sheet's rows, or one row saying 无。 when there are none. */
export function rowsOrNone(rows: SheetRow[]): SheetRow[] {
  return rows.length === 0 ? [{ cells: [textCell("无。")] }] : rows;
}

export function conclusionText(result: CadreResult): string {
  return result.conclusion === null ? "" : GRADE_LABEL[result.conclusion.conclusion];
}

export interface PoliticalWorkbookInput {
  unit: PoliticalUnitResult;
  year: number;
  round: string;
  rules: PoliticalRules;
  effective: EffectiveRules;
  inputFiles: readonly InputDigest[];
  warnings: readonly Problem[];
  toolVersion: string;
}

function title(input: PoliticalWorkbookInput, what: string): string {
  return `${input.unit.unit.name}${input.year}年度干部政治素质测评${what}`;
}

function resultSheet(input: PoliticalWorkbookInput): SheetSpec {
  const aspects = input.rules.aspects.map((a) => a.name);
  const rows: SheetRow[] = input.unit.cadres.map((c, i) => ({
    cells: [
      integerCell(i + 1),
      ...cadreCells(c.cadre),
      textCell(c.cadre.post),
      textCell(CADRE_KIND_LABEL[c.cadre.kind]),
      integerCell(c.scores.forms),
      decimalCell(c.scores.positive),
      ...c.scores.aspects.map((a) => decimalCell(a.score)),
      textCell(c.conclusion === null ? "" : GRADE_LABEL[c.conclusion.band]),
      textCell(c.flagged.map((f) => `${f.code} ${f.text}（${f.marks}份）`).join("；")),
      integerCell(c.clueCounts.confirmed),
      integerCell(c.clueCounts.partly),
      integerCell(c.clueCounts.checking),
      integerCell(c.clueCounts.unfounded),
      integerCell(c.observationCounts.positive),
      integerCell(c.observationCounts.negative),
      integerCell(c.talks.length),
      textCell(conclusionText(c)),
      textCell(c.conclusion?.pending ? "待核实" : ""),
      textCell(c.conclusion?.reasons.join("；") ?? ""),
      textCell(c.use ?? ""),
    ],
    ...(c.conclusion ? { fill: CONCLUSION_FILL[c.conclusion.conclusion] } : {}),
  }));
  return {
    name: "结果",
    titles: [title(input, "结果"), `测评：${input.round}`],
    orientation: "landscape",
    columns: [
      { header: "序号", width: 6 },
      ...CADRE_COLUMNS,
      { header: "职务", width: 20 },
      { header: "干部类别", width: 10 },
      { header: "测评表数", width: 8 },
      { header: "正向得分", width: 9 },
      ...aspects.map((a) => ({ header: a, width: 9 })),
      { header: "分数档", width: 7 },
      { header: "集中反映的反向条目", width: 30 },
      { header: "属实", width: 6 },
      { header: "部分属实", width: 8 },
      { header: "核实中", width: 7 },
      { header: "已澄清", width: 7 },
      { header: "延伸考察正面", width: 8 },
      { header: "延伸考察负面", width: 8 },
      { header: "谈心谈话", width: 8 },
      { header: "综合研判", width: 9 },
      { header: "待核实", width: 7 },
      { header: "理由", width: 44 },
      { header: "结果运用", width: 24 },
    ],
    rows,
  };
}

function aspectSheet(input: PoliticalWorkbookInput): SheetSpec {
  const rows: SheetRow[] = [];
  for (const c of input.unit.cadres) {
    for (const aspect of c.scores.aspects) {
      for (const g of aspect.groups) {
        rows.push({ cells: [...cadreCells(c.cadre), textCell(aspect.aspect), textCell(g.group), integerCell(g.forms), decimalCell(g.score)] });
      }
      rows.push({
        cells: [...cadreCells(c.cadre), textCell(aspect.aspect), textCell("方面得分（加权）"), integerCell(c.scores.forms), decimalCell(aspect.score)],
        bold: true,
      });
    }
  }
  return {
    name: "方面得分",
    titles: [title(input, "方面得分")],
    orientation: "portrait",
    columns: [
      ...CADRE_COLUMNS,
      { header: "方面", width: 10 },
      { header: "测评人类别", width: 16 },
      { header: "测评表数", width: 8 },
      { header: "得分", width: 9 },
    ],
    rows,
  };
}

function itemSheet(input: PoliticalWorkbookInput): SheetSpec {
  const rows: SheetRow[] = input.unit.cadres.flatMap((c) =>
    c.scores.items.map(
      (item): SheetRow => ({
        cells: [
          ...cadreCells(c.cadre),
          textCell(item.code),
          textCell(item.text),
          textCell(item.aspect),
          integerCell(item.marks),
          percentCell(item.rate),
          textCell(item.flagged ? "是" : ""),
        ],
        ...(item.flagged ? { fill: CONCLUSION_FILL.average } : {}),
      }),
    ),
  );
  return {
    name: "反向条目",
    titles: [title(input, "反向条目"), `集中反映：${input.rules.flagMinForms}份及以上且比例不低于${percentText(input.rules.flagRate)}`],
    orientation: "landscape",
    columns: [
      ...CADRE_COLUMNS,
      { header: "代码", width: 7 },
      { header: "反向条目", width: 36 },
      { header: "方面", width: 10 },
      { header: "反映份数", width: 8 },
      { header: "比例", width: 9 },
      { header: "集中反映", width: 8 },
    ],
    rows,
  };
}

function clueSheet(input: PoliticalWorkbookInput): SheetSpec {
  const rows: SheetRow[] = input.unit.cadres.flatMap((c) =>
    c.clues.map(
      (clue): SheetRow => ({
        cells: [
          textCell(c.cadre.name),
          textCell(clue.source),
          textCell(clue.aspect),
          textCell(clue.itemCode),
          textCell(clueContent(clue)),
          textCell(VERIFICATION_LABEL[clue.verification]),
          textCell(clue.date),
        ],
      }),
    ),
  );
  return {
    name: "问题线索",
    titles: [title(input, "问题线索"), "不属实的问题线索只计数（已澄清），不列内容。"],
    orientation: "landscape",
    columns: [
      { header: "姓名", width: 10 },
      { header: "来源单位", width: 16 },
      { header: "方面", width: 10 },
      { header: "反向条目", width: 8 },
      { header: "内容", width: 50 },
      { header: "核实情况", width: 10 },
      { header: "日期", width: 12 },
    ],
    rows: rowsOrNone(rows),
  };
}

function observationSheet(input: PoliticalWorkbookInput): SheetSpec {
  const rows: SheetRow[] = input.unit.cadres.flatMap((c) => [
    ...c.observations.map(
      (o): SheetRow => ({
        cells: [textCell(c.cadre.name), textCell("延伸考察"), textCell(SCENE_LABEL[o.scene]), textCell(VERDICT_LABEL[o.verdict]), textCell(o.content), textCell(o.date)],
      }),
    ),
    ...c.talks.map(
      (t): SheetRow => ({
        cells: [textCell(c.cadre.name), textCell("谈心谈话"), textCell(t.mode === null ? "" : t.mode === "appointment" ? "预约谈" : "点名谈"), textCell(""), textCell(t.points), textCell(t.date)],
      }),
    ),
  ]);
  return {
    name: "延伸考察",
    titles: [title(input, "延伸考察和谈心谈话")],
    orientation: "landscape",
    columns: [
      { header: "姓名", width: 10 },
      { header: "类别", width: 10 },
      { header: "场景或方式", width: 10 },
      { header: "评价", width: 6 },
      { header: "内容或要点", width: 56 },
      { header: "日期", width: 12 },
    ],
    rows: rowsOrNone(rows),
  };
}

export function buildPoliticalWorkbook(input: PoliticalWorkbookInput): WorkbookSpec {
  if (input.unit.state === "error") throw new Error(`unit ${input.unit.unit.code} has errors and no workbook`);
  return {
    draft: false,
    sheets: [
      resultSheet(input),
      aspectSheet(input),
      itemSheet(input),
      clueSheet(input),
      observationSheet(input),
      buildProblemSheet(
        title(input, "问题（警告）"),
        input.warnings.map((p) => ({ ...p, value: maskResidentIds(p.value), message: maskResidentIds(p.message) })),
        "无。",
      ),
      buildRulesSheet(title(input, "所用规则"), input.effective, input.inputFiles, input.toolVersion),
    ],
  };
}
