// `assess archive person | list | stats` (archive.md "Commands"): flags → one call of
// src/commands → the table or lines on stderr, or one JSON document on stdout → the exit code.
// Registered under `assess archive` by archive-command.ts.

// Each command's implementation, its --json document and the problem table (chalk) are imported
// in its action: registering them, as every run of assess does, loads none of them.

import type { Command } from "commander";
import { LIST_KINDS, LIST_LABEL, type ListKind } from "../domain/archive-lists.js";
import type { QuarterKey } from "../domain/archive-window.js";
import { parseQuarterKey, quarterKeyText } from "../domain/archive-window.js";
import { UsageError } from "../domain/usage-error.js";
import type { ArchiveTarget } from "../archive/target.js";
import { displayWidth } from "./display-width.js";
import { writeJson } from "./json-output.js";

const QUARTER_HELP = "季度，如 2026Q3";

/** --from / --to: `2026Q3`. */
export function parseQuarterFlag(flag: string, text: string | undefined): QuarterKey | null {
  if (text === undefined) return null;
  const key = parseQuarterKey(text);
  if (key === null) throw new UsageError(`${flag} 应为“年度Q季度”形式的季度，如 2026Q3；现在是“${text}”。`);
  return key;
}

function parseKind(text: string): ListKind {
  const kind = LIST_KINDS.find((k) => k === text.trim());
  if (kind === undefined) {
    throw new UsageError(`名单种类应为以下之一：${LIST_KINDS.map((k) => `${k}（${LIST_LABEL[k]}）`).join("、")}；现在是“${text}”。`);
  }
  return kind;
}

function parseMin(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) throw new UsageError(`--min 应为不小于 1 的整数；现在是“${text}”。`);
  return Number(trimmed);
}

/** Columns aligned by display width (Chinese characters take two), for stderr. */
export function textTable(headers: readonly string[], rows: readonly string[][]): string {
  // A list of a city's twenty quarters is some 29,000 rows of 30 cells (archive.md "Performance"):
  // each cell is measured once, its width kept in one flat array for its padding, and a text
  // with no character from U+1100 on (no wide one, no surrogate) is as wide as it is long.
  const columns = headers.length;
  const widthOf = (text: string): number => {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x1100) return displayWidth(text);
    return text.length;
  };
  const cellWidths = new Uint32Array(rows.length * columns);
  const widths = headers.map(widthOf);
  rows.forEach((r, k) => {
    for (let i = 0; i < columns; i++) {
      const w = widthOf(r[i] ?? "");
      cellWidths[k * columns + i] = w;
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  });
  const pads: string[] = [];
  const pad = (n: number): string => (n <= 0 ? "" : (pads[n] ??= " ".repeat(n)));
  const line = (cells: readonly string[], measured: (i: number) => number): string => {
    let text = "";
    for (let i = 0; i < cells.length; i++) text += `${i > 0 ? "  " : ""}${cells[i]}${pad((widths[i] ?? 0) - measured(i))}`;
    return `${text.trimEnd()}\n`;
  };
  const lines = [line(headers, (i) => widthOf(headers[i] ?? "")), line(widths.map((w) => "-".repeat(w)), (i) => widths[i] ?? 0)];
  rows.forEach((r, k) => lines.push(line(r, (i) => (i < columns ? (cellWidths[k * columns + i] ?? 0) : widthOf(r[i] ?? "")))));
  return lines.join("");
}

interface PersonFlags {
  db?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

interface WindowCliFlags {
  from?: string;
  to?: string;
  rules?: string;
  db?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

interface ListFlags extends WindowCliFlags {
  unit?: string;
  min?: string;
}

/** --db as archive-command.ts reads it (passed in, so that the two files do not import each other). */
export interface DbOption {
  target: (flag: string | undefined) => ArchiveTarget;
  help: string;
}

export function registerArchiveReadCommands(archive: Command, db: DbOption): void {
  const archiveTarget = db.target;
  const DB_OPTION_HELP = db.help;
  archive
    .command("person")
    .description("写出人员的成长档案（.xlsx 和 .docx）：历年各季度结果、加减分、审定记录、年度情况和得分走势图")
    .argument("<ids...>", "人员编号，可给多个")
    .option("--db <place>", DB_OPTION_HELP)
    .option("--out <dir>", "输出文件夹；默认当前文件夹")
    .option("--force", "覆盖已存在的输出文件")
    .option("--json", "在标准输出上打印一个 JSON 文档，不打印表格")
    .action(async (ids: string[], flags: PersonFlags) => {
      const { archivePerson } = await import("../commands/archive-person.js");
      const { personJson } = await import("./archive-read-json.js");
      const { renderProblemTable } = await import("./problem-table.js");
      const result = await archivePerson(archiveTarget(flags.db), ids, { outDir: flags.out ?? ".", force: flags.force === true });
      if (flags.json) writeJson(personJson(result), result.problems);
      else {
        for (const record of result.records) {
          process.stderr.write(`${record.id} ${record.name}：${filedSpan(record)}\n`);
          for (const year of record.years) {
            if (year.annual?.stale) process.stderr.write(`  注意：${year.year}年度结果形成后又有该年度的季度归档，年度结果可能已过时，请重新运行 assess annual --year ${year.year} --db\n`);
          }
        }
        process.stderr.write(renderProblemTable(result.problems));
        if (result.written.length > 0) process.stderr.write(`已写入 ${result.written.join("、")}\n`);
      }
      process.exitCode = result.exitCode;
    });

  archive
    .command("list")
    .description("名单：good 好等次较多人员，weak 提醒谈话人员，veto 否决和限好事项，missing 未备案单位；显示并写出工作簿")
    .argument("<kind>", "good、weak、veto 或 missing")
    .option("--from <quarter>", `起始${QUARTER_HELP}；默认为截止季度前共 archive.window（8）个季度`)
    .option("--to <quarter>", `截止${QUARTER_HELP}；默认为档案中最新归档的季度`)
    .option("--unit <code>", "只列最新所在单位为此单位或其下属单位的人员")
    .option("--min <K>", "好等次（good）或一般、较差（weak）季度数的下限；默认取规则 archive.goodMin（4）、archive.weakMin（2）")
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--db <place>", DB_OPTION_HELP)
    .option("--out <file>", "输出工作簿；默认当前文件夹下的“{起始}-{截止}_{名单名称}.xlsx”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--json", "在标准输出上打印一个 JSON 文档，不打印表格")
    .action(async (kindText: string, flags: ListFlags) => {
      const kind = parseKind(kindText);
      const { archiveList } = await import("../commands/archive-list.js");
      const { cellText } = await import("../build/archive-lists.js");
      const { listJson } = await import("./archive-read-json.js");
      const { renderProblemTable } = await import("./problem-table.js");
      const result = await archiveList(archiveTarget(flags.db), {
        kind,
        from: parseQuarterFlag("--from", flags.from),
        to: parseQuarterFlag("--to", flags.to),
        unit: flags.unit?.trim() || null,
        min: parseMin(flags.min),
        rulesPath: flags.rules,
        out: flags.out ?? null,
        force: flags.force === true,
      });
      if (flags.json) writeJson(listJson(kind, result), result.problems);
      else if (result.window !== null && result.list !== null && result.table !== null) {
        const table = result.table;
        // A line break in a cell (a veto list's events) would break the table's line.
        const screenText = (text: string): string => (text.includes("\n") ? text.replace(/\n/g, "；") : text);
        process.stderr.write(`${LIST_LABEL[kind]}（${quarterKeyText(result.window.from)}至${quarterKeyText(result.window.to)}）：${result.list.rows.length}${kind === "missing" ? "个单位" : "人"}\n`);
        if (table.rows.length > 0) process.stderr.write(textTable(table.columns.map((c) => c.header), table.rows.map((r) => r.map((cell) => screenText(cellText(cell))))));
        process.stderr.write(`已写入 ${result.written.join("、")}\n`);
      } else process.stderr.write(renderProblemTable(result.problems));
      process.exitCode = result.exitCode;
    });

  archive
    .command("stats")
    .description("统计：各单位各季度的定等人数、名额、各等次人数和好等次占比，附图表")
    .option("--from <quarter>", `起始${QUARTER_HELP}；默认为截止季度前共 archive.window（8）个季度`)
    .option("--to <quarter>", `截止${QUARTER_HELP}；默认为档案中最新归档的季度`)
    .option("--rules <file>", "规则文件（JSON）；不给时用内置的标准方案")
    .option("--db <place>", DB_OPTION_HELP)
    .option("--out <file>", "输出工作簿；默认当前文件夹下的“{起始}-{截止}_考核统计.xlsx”")
    .option("--force", "覆盖已存在的输出文件")
    .option("--json", "在标准输出上打印一个 JSON 文档，不打印表格")
    .action(async (flags: WindowCliFlags) => {
      const { archiveStatsCommand } = await import("../commands/archive-stats.js");
      const { fixed, mul, ratio } = await import("../domain/exact.js");
      const { statsJson } = await import("./archive-read-json.js");
      const { renderProblemTable } = await import("./problem-table.js");
      const result = await archiveStatsCommand(archiveTarget(flags.db), {
        from: parseQuarterFlag("--from", flags.from),
        to: parseQuarterFlag("--to", flags.to),
        rulesPath: flags.rules,
        out: flags.out ?? null,
        force: flags.force === true,
      });
      if (flags.json) writeJson(statsJson(result), result.problems);
      else if (result.window !== null) {
        const rows = result.quarters.map((q) => [
          quarterKeyText(q),
          String(q.units.length),
          String(q.n),
          String(q.quota),
          String(q.counts.good),
          q.goodShare === null ? "—" : `${fixed(mul(q.goodShare, ratio(100n)))}%`,
        ]);
        process.stderr.write(textTable(["季度", "归档单位", "N", "Q", "好", "好等次占比"], rows));
        process.stderr.write(`已写入 ${result.written.join("、")}\n`);
      } else process.stderr.write(renderProblemTable(result.problems));
      process.exitCode = result.exitCode;
    });
}

/** What is filed of a person, for the line `archive person` prints: the quarters' span, and the political rounds (a cadre may have rounds alone). */
export function filedSpan(record: { quarters: readonly QuarterKey[]; political: readonly unknown[] }): string {
  const first = record.quarters[0];
  const last = record.quarters[record.quarters.length - 1];
  const quarters = first && last ? `归档${record.quarters.length}个季度（${quarterKeyText(first)} 至 ${quarterKeyText(last)}）` : "未归档季度考核结果";
  return record.political.length > 0 ? `${quarters}，政治素质测评${record.political.length}次` : quarters;
}
