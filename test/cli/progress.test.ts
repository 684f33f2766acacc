// How a long run is shown (src/cli/progress.ts, issue 5): which mode where, the plain lines word
// for word, the live line's counts and time left, and NO_COLOR / FORCE_COLOR.

import { Chalk, chalkStderr } from "chalk";
import { describe, expect, it } from "vitest";
import { stderrColor } from "../../src/cli/problem-table.js";
import { durationText, progressMode, startProgress, timeLeft, type ProgressMode } from "../../src/cli/progress.js";
import type { GradedUnit } from "../../src/domain/graded.js";
import type { CheckedProgress, ReadProgress, RunProgress, WriteProgress } from "../../src/run/run-progress.js";

const ESCAPE = /\u001b\[/;

/** A stream that keeps what is written; a terminal when `isTTY`. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    isTTY,
    columns: 100,
    write(text: string) {
      written.push(text);
      return true;
    },
    cursorTo() {
      return true;
    },
    clearLine() {
      return true;
    },
    moveCursor() {
      return true;
    },
    on() {
      return this;
    },
    once() {
      return this;
    },
    removeListener() {
      return this;
    },
  };
}

function read(done: number, total: number, extra: Partial<ReadProgress> = {}): ReadProgress {
  return { phase: "read", done, total, file: `季度/C000${done}.xlsx`, unreadable: false, units: 1, persons: 40, errors: 0, totalPersons: 40 * done, totalErrors: 0, ...extra };
}

function checked(errors: number, warnings = 0): CheckedProgress {
  return { phase: "checked", errors, warnings };
}

function unit(code: string): GradedUnit {
  return { unit: { code, name: `单位${code}` }, poolCode: code, state: "final", persons: [], changes: [] } as unknown as GradedUnit;
}

function write(done: number, total: number, code: string): WriteProgress {
  return { phase: "write", done, total, unit: unit(code), files: done * 3 };
}

const plain = new Chalk({ level: 0 });

describe("progressMode: a live line only where a person watches a terminal", () => {
  it.each<[string, { quiet: boolean; json: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }, ProgressMode]>([
    ["a terminal", { quiet: false, json: false, isTTY: true, env: {} }, "live"],
    ["a pipe", { quiet: false, json: false, isTTY: false, env: {} }, "plain"],
    ["CI on a terminal", { quiet: false, json: false, isTTY: true, env: { CI: "true" } }, "plain"],
    ["CI set to anything", { quiet: false, json: false, isTTY: true, env: { CI: "" } }, "plain"],
    ["a dumb terminal", { quiet: false, json: false, isTTY: true, env: { TERM: "dumb" } }, "plain"],
    ["--json on a terminal", { quiet: false, json: true, isTTY: true, env: {} }, "plain"],
    ["--quiet on a terminal", { quiet: true, json: false, isTTY: true, env: {} }, "silent"],
    ["--quiet in a pipe with --json", { quiet: true, json: true, isTTY: false, env: {} }, "silent"],
  ])("%s → %s", (_what, { quiet, json, isTTY, env }, mode) => {
    expect(progressMode({ quiet, json, stream: stream(isTTY), env })).toBe(mode);
  });
});

describe("stderrColor: NO_COLOR and FORCE_COLOR", () => {
  it.each<[string, NodeJS.ProcessEnv, number]>([
    ["NO_COLOR set: no colour", { NO_COLOR: "1" }, 0],
    ["NO_COLOR empty: as if unset", { NO_COLOR: "" }, chalkStderr.level],
    ["neither: what the terminal takes", {}, chalkStderr.level],
    ["FORCE_COLOR wins over NO_COLOR", { NO_COLOR: "1", FORCE_COLOR: "1" }, chalkStderr.level],
  ])("%s", (_what, env, level) => {
    expect(stderrColor(env).level).toBe(level);
  });
});

describe("time left", () => {
  it.each<[number, string]>([
    [400, "1 秒"],
    [44_600, "45 秒"],
    [59_400, "59 秒"],
    [65_000, "1 分 05 秒"],
    [3_600_000, "60 分 00 秒"],
  ])("%i ms reads %j", (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });

  it.each<[number, number, number, number | null]>([
    [10_000, 25, 100, 30_000], // 25 in 10 s: the other 75 take 30 s
    [10_000, 1, 3, 20_000],
    [5_000, 0, 100, null], // nothing done: nothing to go by
    [5_000, 100, 100, null], // all done
  ])("%i ms for %i of %i leaves %s ms", (elapsed, done, total, left) => {
    expect(timeLeft(elapsed, done, total)).toBe(left);
  });
});

function run(mode: ProgressMode, readLines: "each" | "summary", events: RunProgress[], options: { tty?: boolean; unitLines?: boolean } = {}) {
  const out = stream(options.tty ?? false);
  const progress = startProgress({
    mode,
    stream: out,
    color: plain,
    now: () => 0,
    readLines,
    ...(options.unitLines ? { unitLine: (u: GradedUnit) => `单位 ${u.unit.code} ${u.unit.name}：完成\n` } : {}),
  });
  for (const event of events) progress.onProgress(event);
  progress.stop();
  return { text: out.written.join(""), printed: [...progress.printedUnits] };
}

describe("plain lines (CI, pipes, --json): at most one per unit, no escape codes", () => {
  it("validate: a line per workbook read, with its units, persons and errors", () => {
    const { text } = run("plain", "each", [read(1, 3), read(2, 3, { errors: 2, totalErrors: 2 }), read(3, 3, { unreadable: true, units: 0, persons: 0 })]);
    expect(text).toBe(
      "[1/3] 季度/C0001.xlsx：1 个单位，40 人，错误 0\n" +
        "[2/3] 季度/C0002.xlsx：1 个单位，40 人，错误 2\n" +
        "[3/3] 季度/C0003.xlsx：无法读取\n",
    );
  });

  it("validate: an evaluation workbook among the files is named as such, to be checked on its own", () => {
    const { text } = run("plain", "each", [read(1, 2), read(2, 2, { evaluation: true, units: 0, persons: 0, totalPersons: 40 })]);
    expect(text).toBe("[1/2] 季度/C0001.xlsx：1 个单位，40 人，错误 0\n[2/2] 季度/C0002.xlsx：政治素质测评工作簿，随后单独检查\n");
  });

  it("grade: one line when every workbook is read, then each unit's report line as it is written", () => {
    const { text, printed } = run("plain", "summary", [read(1, 2), read(2, 2), checked(0), write(1, 2, "C0001"), write(2, 2, "C0002")], { unitLines: true });
    expect(text).toBe("已读取并检查 2 个工作簿：80 人，错误 0\n单位 C0001 单位C0001：完成\n单位 C0002 单位C0002：完成\n");
    // The report does not print these units again.
    expect(printed).toEqual(["C0001", "C0002"]);
  });

  it("a run of one workbook has no reading line: its report follows at once", () => {
    expect(run("plain", "each", [read(1, 1), checked(1)]).text).toBe("");
    expect(run("plain", "summary", [read(1, 1), checked(1)]).text).toBe("");
  });

  it("the count once checked across files and graded is the final table's, not the sum of the files'", () => {
    // Each file alone has no error; together they have two (one 人员编号 in both) and a warning.
    const events = [read(1, 2), read(2, 2), checked(2, 1)];
    expect(run("plain", "each", events).text).toBe(
      "[1/2] 季度/C0001.xlsx：1 个单位，40 人，错误 0\n" +
        "[2/2] 季度/C0002.xlsx：1 个单位，40 人，错误 0\n" +
        "检查完毕（含跨文件检查和评定）：80 人，错误 2，警告 1\n",
    );
    expect(run("plain", "summary", events).text).toBe("已读取并检查 2 个工作簿：80 人，错误 2，警告 1\n");
  });

  it("a thousand workbooks give a thousand lines, never more, and no escape code", () => {
    const events = Array.from({ length: 1000 }, (_, i) => read(i + 1, 1000));
    const { text } = run("plain", "each", events);
    expect(text.split("\n").filter(Boolean)).toHaveLength(1000);
    expect(text).not.toMatch(ESCAPE);
  });

  it("--quiet: nothing at all", () => {
    const { text, printed } = run("silent", "summary", [read(1, 2), read(2, 2), write(1, 1, "C0001")], { unitLines: true });
    expect(text).toBe("");
    expect(printed).toEqual([]);
  });
});

describe("the live line (a terminal)", () => {
  it("shows files done of the total, persons, errors and the time left, then clears", async () => {
    const out = stream(true);
    let clock = 0;
    const progress = startProgress({ mode: "live", stream: out, color: plain, now: () => clock, readLines: "summary" });
    clock = 2_000;
    progress.onProgress(read(1, 4, { totalPersons: 40, totalErrors: 3 }));
    await new Promise((resolve) => setTimeout(resolve, 250)); // ora draws a frame every 80 ms
    const shown = out.written.join("");
    progress.stop();
    // 1 of 4 in 2 s: the other 3 take 6 s.
    expect(shown).toContain("读取工作簿 1/4 · 40 人 · 错误 3 · 还需约 6 秒");
    expect(shown).not.toContain("\n读取工作簿"); // one line, redrawn in place
  });

  it("once checked, shows the run's count of errors, the checks across files included", async () => {
    const out = stream(true);
    const progress = startProgress({ mode: "live", stream: out, color: plain, now: () => 0, readLines: "summary" });
    progress.onProgress(read(2, 2, { totalPersons: 80, totalErrors: 0 }));
    progress.onProgress(checked(2));
    await new Promise((resolve) => setTimeout(resolve, 250));
    const shown = out.written.join("");
    progress.stop();
    expect(shown).toContain("检查完毕 · 80 人 · 错误 2");
  });
});
