// A person's 成长档案 (archive.md "The growth record") as the words and sheets a clerk reads:
// `{人员编号}_{姓名}_成长档案.xlsx` (the resident ID whole) and the lines the .docx lays out
// (archive-record-docx.ts; the ID masked there). Pure: the record in, descriptions out.

import { periodText } from "../domain/model.js";
import type { FiledAnnual, FiledPersonQuarter, FiledPoliticalRound, GrowthRecord, RecordYear } from "../domain/archive-record.js";
import { percentText } from "../domain/political-conclusion.js";
import { fixed } from "../domain/exact.js";
import {
  ANNUAL_RESULT_LABEL,
  DECISION_KIND_LABEL,
  EVENT_KIND_LABEL,
  GRADE_LABEL,
  OUTCOME_LABEL,
  STATUS_LABEL,
} from "../domain/labels.js";
import type { SheetRow, SheetSpec, WorkbookSpec } from "../ooxml/write-xlsx.js";
import { integerCell, textCell } from "../ooxml/write-xlsx.js";
import { decimalCell } from "./exact-cells.js";
import { safeNamePart } from "./output-names.js";
import { scoreChart } from "./archive-charts.js";
import { GRADE_FILL } from "./result-workbook.js";

/** The charts of a workbook in its body font (write-xlsx.ts writes cells in 宋体). */
const CHART_FONT = { eastAsia: "宋体", latin: "Times New Roman" };


/** `{人员编号}_{姓名}_成长档案.xlsx` / `.docx` (archive.md). */
export function recordFileName(record: Pick<GrowthRecord, "id" | "name">, extension: "xlsx" | "docx"): string {
  return `${safeNamePart(record.id)}_${safeNamePart(record.name)}_成长档案.${extension}`;
}

/** The 等次 column: the grade, or why there is none (由上级评定, 不参加, 不确定等次). */
export function quarterGradeText(row: Pick<FiledPersonQuarter, "grade" | "kind" | "status">): string {
  if (row.grade !== null) return OUTCOME_LABEL[row.grade];
  if (row.kind === "leadership") return "由上级评定";
  return row.status === "participating" ? "" : STATUS_LABEL[row.status];
}

/** The year's annual line in words: 推荐优秀 / 待定 / why not, reserve and reminder. */
export function annualText(annual: FiledAnnual | null): string {
  if (annual === null) return "";
  const parts: string[] = [];
  if (annual.result !== null) parts.push(ANNUAL_RESULT_LABEL[annual.result]);
  else parts.push(annual.eligible ? "具备优秀资格，未进入推荐名额" : `不具备优秀资格（${annual.reason ?? ""}）`);
  if (annual.reserve) parts.push("列入后备人选");
  if (annual.reminder) parts.push("须提醒谈话");
  if (annual.state === "draft") parts.push("年度结果为草稿");
  return parts.join("；");
}

/** Said when quarters were filed after the annual record was made (archive.md: `archive person` says so). */
export function staleText(year: RecordYear): string {
  if (!year.annual?.stale) return "";
  return `年度结果形成后又有${year.year}年的季度归档或被替代，结果可能已过时，请重新运行 assess annual --year ${year.year} --db`;
}

function yearGradeCounts(year: RecordYear): string {
  return (Object.keys(GRADE_LABEL) as (keyof typeof GRADE_LABEL)[]).map((g) => `${GRADE_LABEL[g]}${year.counts[g]}`).join("，");
}

function quarterSheet(record: GrowthRecord): SheetSpec {
  const latest = record.quarters[record.quarters.length - 1];
  return {
    name: "成长档案",
    titles: [
      `干部成长档案：${record.name}（${record.id}）`,
      `单位：${record.unitName}（${record.unitCode}）；科室：${record.department}；职务职级：${record.post ?? ""}` +
        (latest ? `（据${periodText(latest)}归档）` : ""),
    ],
    orientation: "landscape",
    columns: [
      { header: "季度", width: 18 },
      { header: "单位", width: 18 },
      { header: "科室", width: 12 },
      { header: "职务职级", width: 12 },
      { header: "个性得分", width: 10 },
      { header: "共性得分", width: 10 },
      { header: "加分", width: 8 },
      { header: "减分", width: 8 },
      { header: "综合得分", width: 10 },
      { header: "分数档", width: 8 },
      { header: "等次", width: 10 },
      { header: "说明", width: 36 },
      { header: "评鉴意见", width: 30 },
      { header: "改进目标", width: 30 },
    ],
    rows: record.quarters.map(
      (q): SheetRow => ({
        cells: [
          textCell(periodText(q)),
          textCell(q.unitName),
          textCell(q.department),
          textCell(q.post),
          decimalCell(q.individual),
          decimalCell(q.common),
          decimalCell(q.bonus),
          decimalCell(q.deduction),
          decimalCell(q.score),
          textCell(q.band === null ? null : GRADE_LABEL[q.band]),
          textCell(quarterGradeText(q)),
          textCell(q.reasons.join("；")),
          textCell(q.comment),
          textCell(q.goal),
        ],
        fill: GRADE_FILL[q.grade ?? "none"],
      }),
    ),
    // Below the rows: two title rows, the header, the rows, a blank row.
    // A cadre filed only by political rounds has no quarter to chart.
    charts:
      record.quarters.length === 0 ? [] : [{ chart: scoreChart(record, CHART_FONT), fromCell: `A${record.quarters.length + 5}`, widthPx: 760, heightPx: 360 }],
  };
}

function yearSheet(record: GrowthRecord): SheetSpec {
  return {
    name: "年度",
    titles: [`${record.name}各年度考核情况`],
    orientation: "landscape",
    columns: [
      { header: "年度", width: 8 },
      { header: "定等季度数", width: 10 },
      { header: "好", width: 6 },
      { header: "较好", width: 6 },
      { header: "一般", width: 6 },
      { header: "较差", width: 6 },
      { header: "平均综合得分", width: 12 },
      { header: "年度考核", width: 40 },
      { header: "说明", width: 50 },
    ],
    rows: record.years.map((y) => ({
      cells: [
        integerCell(y.year),
        integerCell(y.graded),
        integerCell(y.counts.good),
        integerCell(y.counts.fairlyGood),
        integerCell(y.counts.average),
        integerCell(y.counts.poor),
        decimalCell(y.meanScore),
        textCell(y.annual === null ? "尚未形成年度结果" : annualText(y.annual)),
        textCell(staleText(y)),
      ],
    })),
  };
}

function eventSheet(record: GrowthRecord): SheetSpec {
  return {
    name: "加减分",
    titles: [`${record.name}的加减分、否决和限好事项`],
    orientation: "landscape",
    columns: [
      { header: "季度", width: 18 },
      { header: "类型", width: 8 },
      { header: "分值", width: 8 },
      { header: "事由", width: 50 },
      { header: "日期", width: 12 },
    ],
    rows: record.events.map((e) => ({
      cells: [textCell(periodText(e)), textCell(EVENT_KIND_LABEL[e.kind]), decimalCell(e.points), textCell(e.reason), textCell(e.date)],
    })),
  };
}

function changeSheet(record: GrowthRecord): SheetSpec {
  return {
    name: "审定记录",
    titles: [`${record.name}的审定、复核记录`],
    orientation: "landscape",
    columns: [
      { header: "季度", width: 18 },
      { header: "类型", width: 12 },
      { header: "原等次", width: 8 },
      { header: "审定等次", width: 8 },
      { header: "理由", width: 50 },
      { header: "日期", width: 12 },
    ],
    rows: record.changes.map((c) => ({
      cells: [
        textCell(periodText(c)),
        textCell(DECISION_KIND_LABEL[c.kind]),
        textCell(OUTCOME_LABEL[c.from]),
        textCell(GRADE_LABEL[c.to]),
        textCell(c.reason),
        textCell(c.date),
      ],
    })),
  };
}

/** The conclusion in words: `较好`, `较好（待核实）`. */
export function politicalConclusionText(round: FiledPoliticalRound): string {
  return `${round.conclusion ?? ""}${round.pending ? "（待核实）" : ""}`;
}

/** The flagged items in words: `F03 反向条目文字 4人（40%）；…`, or 无. */
export function politicalFlagsText(round: FiledPoliticalRound): string {
  return round.flagged.length === 0 ? "无" : round.flagged.map((f) => `${f.code} ${f.text} ${f.forms}人（${percentText(f.rate)}）`).join("；");
}

/** Each A_k in words: `政治忠诚 94.00；政治定力 …`. */
export function politicalAspectsText(round: FiledPoliticalRound): string {
  return round.aspects.map((a) => `${a.aspect} ${a.score === null ? "—" : fixed(a.score)}`).join("；");
}

function politicalSheet(record: GrowthRecord): SheetSpec {
  return {
    name: "政治素质测评",
    titles: [`${record.name}的政治素质测评`],
    orientation: "landscape",
    columns: [
      { header: "年度", width: 8 },
      { header: "测评名称", width: 24 },
      { header: "单位", width: 16 },
      { header: "有效测评表", width: 10 },
      { header: "正向得分P", width: 10 },
      { header: "各方面得分", width: 48 },
      { header: "分数档", width: 8 },
      { header: "研判结论", width: 14 },
      { header: "反向条目", width: 40 },
      { header: "问题线索（属实/部分属实/核实中）", width: 18 },
      { header: "说明", width: 50 },
      { header: "结果运用", width: 30 },
    ],
    rows: record.political.map((r) => ({
      cells: [
        integerCell(r.year),
        textCell(r.round),
        textCell(r.unitName),
        integerCell(r.forms),
        decimalCell(r.positive),
        textCell(politicalAspectsText(r)),
        textCell(r.band),
        textCell(politicalConclusionText(r)),
        textCell(politicalFlagsText(r)),
        textCell(`${r.problems.confirmed}/${r.problems.partly}/${r.problems.checking}`),
        textCell(r.reasons.join("；")),
        textCell(r.use),
      ],
    })),
  };
}

/** The .xlsx of the record: the quarters (with the chart), the years, the events, the changes, and the political rounds when there are any. */
export function buildRecordWorkbook(record: GrowthRecord): WorkbookSpec {
  const political = record.political.length > 0 ? [politicalSheet(record)] : [];
  return { draft: false, sheets: [quarterSheet(record), yearSheet(record), eventSheet(record), changeSheet(record), ...political] };
}

/** The words of one year for the .docx: `好2，较好1，一般0，较差0；平均综合得分 91.25`. */
export function yearSummaryText(year: RecordYear): string {
  return `${yearGradeCounts(year)}；平均综合得分 ${year.meanScore === null ? "—" : fixed(year.meanScore)}`;
}
