// Showing a long run as it goes (a city's quarter end: a thousand workbooks). The commands call
// back with counts (run/run-progress.ts); this file decides how they are shown, on stderr:
// - live: on a terminal, one line that keeps changing (ora): files or units done of the total,
//   persons, errors so far and the time left;
// - plain: in CI, in a pipe and with --json, no spinner and no escape codes, at most one line per
//   unit (validate: a line per workbook read; grade: one line when reading is done, then each
//   unit's report line as soon as its files are written, not printed again); a run of one file
//   has no reading lines;
// - silent: with --quiet.
// Colour follows NO_COLOR and FORCE_COLOR (https://no-color.org; FORCE_COLOR wins, as in Node).

import type { ChalkInstance } from "chalk";
import ora, { type Ora } from "ora";
import type { GradedUnit } from "../domain/graded.js";
import type { CheckedProgress, OnProgress, ReadProgress, RunProgress, WriteProgress } from "../run/run-progress.js";

export type ProgressMode = "live" | "plain" | "silent";

interface Stream {
  isTTY?: boolean;
  write(text: string): boolean;
}

/** A live line only where a person watches a terminal: not in CI, not on a dumb terminal, not with --json. */
export function progressMode(options: { quiet: boolean; json: boolean; stream: Stream; env?: NodeJS.ProcessEnv }): ProgressMode {
  const env = options.env ?? process.env;
  if (options.quiet) return "silent";
  const interactive = options.stream.isTTY === true && env.TERM !== "dumb" && !("CI" in env);
  return interactive && !options.json ? "live" : "plain";
}

/** `1:05`, `45 秒`: rough on purpose, it is an estimate. */
export function durationText(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} 秒`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} 分 ${String(seconds % 60).padStart(2, "0")} 秒`;
}

/** The time left if the rest goes as fast as what is done; null until there is something to go by. */
export function timeLeft(elapsedMs: number, done: number, total: number): number | null {
  if (done <= 0 || done >= total) return null;
  return (elapsedMs / done) * (total - done);
}

const number = (n: number): string => n.toLocaleString("en-US");

export interface ProgressOptions {
  mode: ProgressMode;
  stream: Stream;
  color: ChalkInstance;
  /** The clock, for the time left (milliseconds). */
  now: () => number;
  /** validate: a plain line per workbook read; grade: one line when all are read. */
  readLines: "each" | "summary";
  /** grade: the report's line for a unit, printed (plain) as soon as the unit's files are written. */
  unitLine?: (unit: GradedUnit) => string;
}

export interface Progress {
  readonly onProgress: OnProgress;
  /** Units whose line was printed as progress, so that the report does not print it again. */
  readonly printedUnits: ReadonlySet<string>;
  /** Ends the live line (the report follows on a clean line). */
  stop(): void;
}

export function startProgress(options: ProgressOptions): Progress {
  const { mode, stream, color } = options;
  const printedUnits = new Set<string>();
  if (mode === "silent") return { onProgress: () => {}, printedUnits, stop: () => {} };

  const errorsText = (errors: number): string => (errors > 0 ? color.red(`错误 ${number(errors)}`) : `错误 ${errors}`);
  let phaseStart = options.now();
  let phase: RunProgress["phase"] = "read";
  let persons = 0;
  let errors = 0;
  const left = (done: number, total: number): string => {
    const ms = timeLeft(options.now() - phaseStart, done, total);
    return ms === null ? "" : ` · 还需约 ${durationText(ms)}`;
  };
  const nextPhase = (event: RunProgress): void => {
    if (event.phase === phase) return;
    phase = event.phase;
    phaseStart = options.now();
  };

  if (mode === "live") {
    const spinner: Ora = ora({ stream: stream as NodeJS.WritableStream, isEnabled: true, color: color.level > 0 ? "cyan" : false, discardStdin: false });
    spinner.start("正在读取工作簿…");
    const liveText = (event: RunProgress): string => {
      if (event.phase === "read") {
        persons = event.totalPersons;
        errors = event.totalErrors;
        return `读取工作簿 ${number(event.done)}/${number(event.total)} · ${number(persons)} 人 · ${errorsText(errors)}${left(event.done, event.total)}`;
      }
      if (event.phase === "checked") {
        // From here on the count is the final table's: the checks across files and grading included.
        errors = event.errors;
        return `检查完毕 · ${number(persons)} 人 · ${errorsText(errors)}`;
      }
      return `评定并写出 ${number(event.done)}/${number(event.total)} 个单位 · ${number(persons)} 人 · ${errorsText(errors)} · 已写 ${number(event.files)} 个文件${left(event.done, event.total)}`;
    };
    return {
      onProgress: (event) => {
        nextPhase(event);
        spinner.text = liveText(event);
      },
      printedUnits,
      stop: () => spinner.stop(),
    };
  }

  const readLine = (event: ReadProgress): string | null => {
    // One file has nothing to count: its report follows at once.
    if (event.total === 1) return null;
    if (options.readLines === "each") {
      const what = event.unreadable ? "无法读取" : event.evaluation === true ? "政治素质测评工作簿，随后单独检查" : `${event.units} 个单位，${number(event.persons)} 人，${errorsText(event.errors)}`;
      return `[${event.done}/${event.total}] ${event.file}：${what}\n`;
    }
    return null;
  };
  let lastRead: ReadProgress | null = null;
  // The run's count once it is checked across files and graded: the final table's (validate: after
  // the lines per workbook, whose counts are each file's own; grade: the one line for reading).
  const checkedLine = (event: CheckedProgress): string | null => {
    if (lastRead === null || lastRead.total === 1) return null;
    const counts = `${number(lastRead.totalPersons)} 人，${errorsText(event.errors)}${event.warnings > 0 ? `，警告 ${number(event.warnings)}` : ""}`;
    if (options.readLines === "each") return `检查完毕（含跨文件检查和评定）：${counts}\n`;
    return `已读取并检查 ${number(lastRead.total)} 个工作簿：${counts}\n`;
  };
  // The report's own line for the unit, printed as soon as its files are written, and not again.
  const writeLine = (event: WriteProgress): string | null => {
    if (!options.unitLine) return null;
    printedUnits.add(event.unit.unit.code);
    return options.unitLine(event.unit);
  };
  return {
    onProgress: (event) => {
      if (event.phase === "read") lastRead = event;
      const line = event.phase === "read" ? readLine(event) : event.phase === "checked" ? checkedLine(event) : writeLine(event);
      if (line !== null) stream.write(line);
    },
    printedUnits,
    stop: () => {},
  };
}

/**
 * `work` run with its progress on stderr as --quiet and --json ask (grade, validate, archive
 * add), the live line ended however the work ends; with the mode and the progress, for the
 * report that follows.
 */
export async function withStderrProgress<T>(
  flags: { quiet?: boolean; json?: boolean },
  options: Pick<ProgressOptions, "color" | "readLines" | "unitLine">,
  work: (onProgress: OnProgress) => Promise<T>,
): Promise<{ result: T; mode: ProgressMode; progress: Progress }> {
  const mode = progressMode({ quiet: flags.quiet === true, json: flags.json === true, stream: process.stderr });
  const progress = startProgress({ ...options, mode, stream: process.stderr, now: () => performance.now() });
  try {
    return { result: await work(progress.onProgress), mode, progress };
  } finally {
    progress.stop();
  }
}
