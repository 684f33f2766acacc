// The run's 综合分析报告.docx (political.md "Outputs" 3): cadres and units evaluated, the
// conclusions overall and per unit, the mean of each aspect (with a chart), the negative items
// most often flagged, problem information by source unit, aspect and 核实情况, and the list of
// cadres 一般, 较差 or 待核实 with their reasons. `reportContent` works out the figures (pure,
// exact means); `writeReport` lays them out. Counts only for problem information: no content.

import { type Exact, compare, fixed } from "../domain/exact.js";
import { GRADES, GRADE_LABEL, type Grade } from "../domain/labels.js";
import type { CadreResult, PoliticalUnitResult } from "../domain/political-evaluate.js";
import { VERIFICATIONS, VERIFICATION_LABEL, type ProblemClue } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { meanOf } from "../domain/political-score.js";
import { Document, Header, type Paragraph, type Table } from "../ooxml/docx-writer.js";
import { A4_PAGE, TEXT_WIDTH, packDocx } from "../ooxml/docx-package.js";
import { bodyLine, confidentialMark, heading, politicalStyles, ruledTable, titleLine, widthsOf } from "./political-docx.js";
import type { PoliticalWording } from "./political-wording.js";

export interface ReportContent {
  title: string;
  round: string;
  units: number;
  cadres: number;
  forms: number;
  counts: Record<Grade, number> & { pending: number };
  perUnit: { name: string; cadres: number; counts: Record<Grade, number> & { pending: number } }[];
  /** Aspect name and the mean of A_k over every cadre (exact). */
  aspectMeans: { aspect: string; mean: Exact | null }[];
  /** Items flagged for at least one cadre, most cadres first. */
  items: { code: string; text: string; cadres: number; marks: number }[];
  cluesBySource: { source: string; counts: number[] }[];
  cluesByAspect: { aspect: string; counts: number[] }[];
  attention: { unit: string; name: string; post: string; conclusion: string; reasons: string }[];
}

function countConclusions(cadres: readonly CadreResult[]): Record<Grade, number> & { pending: number } {
  const counts = { good: 0, fairlyGood: 0, average: 0, poor: 0, pending: 0 };
  for (const c of cadres) {
    if (!c.conclusion) continue;
    counts[c.conclusion.conclusion]++;
    if (c.conclusion.pending) counts.pending++;
  }
  return counts;
}

function clueCounts(clues: readonly ProblemClue[]): number[] {
  return [...VERIFICATIONS.map((v) => clues.filter((c) => c.verification === v).length), clues.length];
}

export function reportContent(input: { year: number; round: string; units: readonly PoliticalUnitResult[]; rules: PoliticalRules; wording: PoliticalWording }): ReportContent {
  const units = input.units.filter((u) => u.state === "final");
  const cadres = units.flatMap((u) => u.cadres);
  const clues = cadres.flatMap((c) => c.clues);
  const items = new Map<string, { code: string; text: string; cadres: number; marks: number }>();
  for (const c of cadres) {
    for (const f of c.flagged) {
      const entry = items.get(f.code) ?? { code: f.code, text: f.text, cadres: 0, marks: 0 };
      entry.cadres++;
      entry.marks += f.marks;
      items.set(f.code, entry);
    }
  }
  const codeOrder = input.rules.aspects.flatMap((a) => a.negative.map((n) => n.code));
  return {
    title: `${input.year}年度${input.wording.reportTitle}`,
    round: input.round,
    units: units.length,
    cadres: cadres.length,
    forms: cadres.reduce((n, c) => n + c.scores.forms, 0),
    counts: countConclusions(cadres),
    perUnit: units.map((u) => ({ name: u.unit.name, cadres: u.cadres.length, counts: countConclusions(u.cadres) })),
    aspectMeans: input.rules.aspects.map((a, k) => ({ aspect: a.name, mean: meanOf(cadres.map((c) => c.scores.aspects[k]?.score ?? null)) })),
    items: [...items.values()].sort((a, b) => b.cadres - a.cadres || b.marks - a.marks || codeOrder.indexOf(a.code) - codeOrder.indexOf(b.code)),
    cluesBySource: input.rules.sources.map((source) => ({ source, counts: clueCounts(clues.filter((c) => c.source === source)) })).filter((s) => s.counts[4]! > 0),
    cluesByAspect: input.rules.aspects.map((a) => ({ aspect: a.name, counts: clueCounts(clues.filter((c) => c.aspect === a.name)) })),
    attention: units.flatMap((u) =>
      u.cadres
        .filter((c) => c.conclusion && (c.conclusion.conclusion === "average" || c.conclusion.conclusion === "poor" || c.conclusion.pending))
        .map((c) => ({
          unit: u.unit.name,
          name: c.cadre.name,
          post: c.cadre.post,
          conclusion: `${GRADE_LABEL[c.conclusion!.conclusion]}${c.conclusion!.pending ? "\n待核实" : ""}`,
          reasons: c.conclusion!.reasons.join("；"),
        })),
    ),
  };
}

const PT = 12;
const TABLE_PT = 10.5;
const share = (n: number, total: number): string => (total === 0 ? "0%" : `${((n * 100) / total).toFixed(1)}%`);

function reportChildren(content: ReportContent, wording: PoliticalWording, chart: Paragraph | null): Array<Paragraph | Table> {
  const c = content.counts;
  const gradeHeaders = GRADES.map((g) => GRADE_LABEL[g]);
  const statusHeaders = [...VERIFICATIONS.map((v) => VERIFICATION_LABEL[v]), "合计"];
  const lowest = content.aspectMeans.filter((a) => a.mean !== null).sort((a, b) => compare(a.mean!, b.mean!))[0];
  return [
    titleLine(content.title, 20, 80),
    titleLine(content.round, 14, 240),
    heading("一、基本情况"),
    bodyLine(
      `本次测评共涉及${content.units}个单位、${content.cadres}名领导干部，收回双向测评表${content.forms}份。` +
        `综合正向测评、反向条目、问题线索、延伸考察和谈心谈话情况研判：好${c.good}人（${share(c.good, content.cadres)}），` +
        `较好${c.fairlyGood}人，一般${c.average}人，较差${c.poor}人；其中${c.pending}人有问题线索正在核实（待核实）。`,
      PT,
      { indent: true },
    ),
    heading("二、研判结论分布"),
    ruledTable(["范围", "人数", ...gradeHeaders, "待核实"], [["全部", String(content.cadres), ...GRADES.map((g) => String(c[g])), String(c.pending)]], widthsOf(TEXT_WIDTH, [3, 1, 1, 1, 1, 1, 1.2]), TABLE_PT),
    bodyLine("各单位情况：", PT),
    ruledTable(
      ["单位", "人数", ...gradeHeaders, "待核实"],
      content.perUnit.map((u) => [u.name, String(u.cadres), ...GRADES.map((g) => String(u.counts[g])), String(u.counts.pending)]),
      widthsOf(TEXT_WIDTH, [3, 1, 1, 1, 1, 1, 1.2]),
      TABLE_PT,
    ),
    heading("三、各方面得分"),
    bodyLine(
      `五个方面的平均得分如下${lowest ? `，其中“${lowest.aspect}”最低（${fixed(lowest.mean!)}分），应作为下一步教育管理的重点` : ""}。`,
      PT,
      { indent: true },
    ),
    ...(chart ? [chart] : []),
    ruledTable(["方面", "平均得分"], content.aspectMeans.map((a) => [a.aspect, a.mean === null ? "" : fixed(a.mean)]), widthsOf(TEXT_WIDTH, [2, 1]), TABLE_PT),
    heading("四、反向条目集中反映情况"),
    ...(content.items.length === 0
      ? [bodyLine("没有反向条目被集中反映。", PT, { indent: true })]
      : [
          ruledTable(
            ["代码", "反向条目", "集中反映人数", "反映份数"],
            content.items.slice(0, 10).map((i) => [i.code, i.text, String(i.cadres), String(i.marks)]),
            widthsOf(TEXT_WIDTH, [1, 5, 1.5, 1.5]),
            TABLE_PT,
          ),
        ]),
    heading("五、问题线索情况"),
    bodyLine("按来源单位（不属实的线索只计数，已澄清）：", PT),
    ...(content.cluesBySource.length === 0
      ? [bodyLine("本次没有问题线索。", PT, { indent: true })]
      : [ruledTable(["来源单位", ...statusHeaders], content.cluesBySource.map((s) => [s.source, ...s.counts.map(String)]), widthsOf(TEXT_WIDTH, [3, 1, 1.2, 1, 1, 1]), TABLE_PT)]),
    bodyLine("按方面：", PT),
    ruledTable(["方面", ...statusHeaders], content.cluesByAspect.map((s) => [s.aspect, ...s.counts.map(String)]), widthsOf(TEXT_WIDTH, [3, 1, 1.2, 1, 1, 1]), TABLE_PT),
    heading("六、需关注的干部"),
    ...(content.attention.length === 0
      ? [bodyLine("没有研判为一般、较差或待核实的干部。", PT, { indent: true })]
      : [
          ruledTable(
            ["单位", "姓名", "职务", "结论", "理由"],
            content.attention.map((a) => [a.unit, a.name, a.post, a.conclusion, a.reasons]),
            widthsOf(TEXT_WIDTH, [2, 1, 1.6, 1.1, 5.3]),
            TABLE_PT,
          ),
        ]),
  ];
}

export function writeReport(content: ReportContent, wording: PoliticalWording, chart: Paragraph | null = null): Buffer {
  const headers = { default: new Header({ children: [confidentialMark(wording.confidential)] }) };
  return packDocx(new Document({ sections: [{ properties: { page: A4_PAGE }, headers, children: reportChildren(content, wording, chart) }] }), {
    title: content.title,
    fonts: wording.fonts,
    styles: politicalStyles(wording.fonts),
  });
}
