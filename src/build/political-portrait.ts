// Each unit's 政治素质画像.docx (political.md "Outputs" 2): one A4 page per cadre, headed with the
// confidentiality mark: who, the chart of the five aspects beside the unit's mean, the table of
// aspects, the flagged items, the problem information (不属实 only as a count), 延伸考察, talks,
// and the conclusion with its reasons and use. `portraitContent` decides the words (pure);
// `writePortraits` lays them out.

import { type Exact, fixed } from "../domain/exact.js";
import { GRADE_LABEL } from "../domain/labels.js";
import { percentText } from "../domain/political-conclusion.js";
import type { CadreResult, PoliticalUnitResult } from "../domain/political-evaluate.js";
import { CADRE_KIND_LABEL, SCENE_LABEL, TALK_MODE_LABEL, VERDICT_LABEL, VERIFICATION_LABEL } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { Document, Header, type Paragraph, type Table } from "../ooxml/docx-writer.js";
import { A4_PAGE, TEXT_WIDTH, packDocx } from "../ooxml/docx-package.js";
import { bodyLine, confidentialMark, politicalStyles, ruledTable, titleLine, widthsOf } from "./political-docx.js";
import type { PoliticalWording } from "./political-wording.js";

export interface PortraitContent {
  cadreId: string;
  name: string;
  facts: [string, string][];
  /** Aspect, the cadre's A_k, the unit's mean (2 decimals, "" when absent). */
  aspects: [string, string, string][];
  flagged: string[];
  clues: string[];
  observations: string[];
  talks: string[];
  conclusion: string;
  reasons: string[];
  use: string;
}

const two = (x: Exact | null): string => (x === null ? "" : fixed(x));

export function portraitContent(unit: PoliticalUnitResult, c: CadreResult, rules: PoliticalRules): PortraitContent {
  const shownClues = c.clues.filter((clue) => clue.verification !== "unfounded");
  const unfounded = c.clueCounts.unfounded;
  const conclusion = c.conclusion;
  return {
    cadreId: c.cadre.id,
    name: c.cadre.name,
    facts: [
      ["姓名", c.cadre.name],
      ["职务", c.cadre.post],
      ["单位", unit.unit.name],
      ["干部类别", CADRE_KIND_LABEL[c.cadre.kind]],
      ["测评表数", String(c.scores.forms)],
      ["正向得分", conclusion ? `${two(c.scores.positive)}（${GRADE_LABEL[conclusion.band]}）` : two(c.scores.positive)],
    ],
    aspects: rules.aspects.map((a, k) => [a.name, two(c.scores.aspects[k]?.score ?? null), two(unit.aspectMeans[k] ?? null)]),
    flagged: c.flagged.map((f) => `${f.code} ${f.text}：${f.marks}份测评表反映（${percentText(f.rate)}）`),
    clues: [
      ...shownClues.map((clue) => `${clue.date}　${clue.source}　${clue.aspect}：${clue.content}（${VERIFICATION_LABEL[clue.verification]}）`),
      ...(unfounded > 0 ? [`另有${unfounded}条经核实不属实，已澄清。`] : []),
    ],
    observations: c.observations.map((o) => `${o.date}　进${SCENE_LABEL[o.scene]}（${VERDICT_LABEL[o.verdict]}）：${o.content}`),
    talks: c.talks.map((t) => `${t.date}　${t.mode === null ? "谈心谈话" : TALK_MODE_LABEL[t.mode]}${t.points ? `：${t.points}` : ""}`),
    conclusion: conclusion === null ? "" : `${GRADE_LABEL[conclusion.conclusion]}${conclusion.pending ? "（待核实）" : ""}`,
    reasons: conclusion?.reasons ?? [],
    use: c.use ?? "",
  };
}

const BODY_PT = 10.5;

function portraitChildren(content: PortraitContent, round: string, wording: PoliticalWording, chart: Paragraph | null): Array<Paragraph | Table> {
  const factRows: string[][] = [];
  for (let i = 0; i < content.facts.length; i += 2) {
    const [a, b] = [content.facts[i], content.facts[i + 1]];
    factRows.push([a?.[0] ?? "", a?.[1] ?? "", b?.[0] ?? "", b?.[1] ?? ""]);
  }
  const lines = (items: readonly string[]): string => (items.length === 0 ? "无" : items.join("\n"));
  const aspectShares = [1.6, ...content.aspects.map(() => 1)];
  return [
    titleLine(wording.portraitTitle, 18, 40),
    titleLine(round, 12, 100),
    ruledTable(null, factRows, widthsOf(TEXT_WIDTH, [1.2, 3, 1.2, 3]), BODY_PT, [0, 2]),
    ...(chart ? [chart] : []),
    ruledTable(
      ["方面", ...content.aspects.map((a) => a[0])],
      [
        ["本人得分", ...content.aspects.map((a) => a[1])],
        ["本单位平均", ...content.aspects.map((a) => a[2])],
      ],
      widthsOf(TEXT_WIDTH, aspectShares),
      BODY_PT,
      [0],
    ),
    bodyLine("", 6),
    ruledTable(
      null,
      [
        ["集中反映的反向条目", lines(content.flagged)],
        ["问题线索", lines(content.clues)],
        ["延伸考察", lines(content.observations)],
        ["谈心谈话", lines(content.talks)],
        ["综合研判", content.conclusion],
        ["理由", lines(content.reasons)],
        ["结果运用", content.use],
      ],
      widthsOf(TEXT_WIDTH, [1.6, 6.4]),
      BODY_PT,
      [0],
    ),
  ];
}

/** 政治素质画像.docx bytes: a section, and so a new page, per cadre. `chart` draws a cadre's picture. */
export function writePortraits(
  contents: readonly PortraitContent[],
  round: string,
  wording: PoliticalWording,
  chart: (content: PortraitContent) => Paragraph | null = () => null,
): Buffer {
  const page = { page: A4_PAGE };
  // The mark heads every page (political.md: portraits carry 内部资料 注意保密).
  const headers = { default: new Header({ children: [confidentialMark(wording.confidential)] }) };
  const sections = contents.map((content) => ({ properties: page, headers, children: portraitChildren(content, round, wording, chart(content)) }));
  const title = `${wording.portraitTitle}（${wording.confidential}）`;
  return packDocx(new Document({ sections: sections.length > 0 ? sections : [{ properties: page, children: [bodyLine("无。")] }] }), {
    title,
    fonts: wording.fonts,
    styles: politicalStyles(wording.fonts),
  });
}
