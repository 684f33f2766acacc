import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { textWidth, titleLines } from "../../src/build/title-lines.js";

describe("titleLines: a title broken where a reader pauses (issue 11)", () => {
  it.each([
    // title, characters per line, unit name, lines — worked by hand (digits count half)
    ["关于某局2026年第三季度公务员平时考核结果的公示", 30, "某局", ["关于某局2026年第三季度公务员平时考核结果的公示"]],
    ["关于某市某某局2026年第三季度公务员平时考核结果的公示", 20, "某市某某局", ["关于某市某某局2026年第三季度", "公务员平时考核结果的公示"]],
    ["关于某县发展和改革委员会2026年第三季度公务员平时考核结果的公示", 20, "某县发展和改革委员会", ["关于某县发展和改革委员会2026年第三季度", "公务员平时考核结果的公示"]],
    // 关于 + 16 characters + the quarter is 26.5 wide: the unit's name ends the first line.
    [
      "关于某某市某某区人力资源和社会保障局2026年第三季度公务员平时考核结果的公示",
      20,
      "某某市某某区人力资源和社会保障局",
      ["关于某某市某某区人力资源和社会保障局", "2026年第三季度公务员平时考核结果的公示"],
    ],
    ["关于某市某某局2026年第三季度公务员平时考核结果的公示（更正）", 20, "某市某某局", ["关于某市某某局2026年第三季度", "公务员平时考核结果的公示（更正）"]],
  ])("%s at %i a line", (title, perLine, unit, lines) => {
    expect(titleLines(title, perLine, [unit])).toEqual(lines);
  });

  it("never breaks inside 平时考核, 第三季度 or the year, and loses no character", () => {
    const units = ["某局", "某市某某局", "某县发展和改革委员会", "某某市某某区人力资源和社会保障局", "某某自治州某某县某某乡人民政府办公室"];
    for (const unit of units) {
      for (const perLine of [12, 16, 20, 24]) {
        const title = `关于${unit}2026年第三季度公务员平时考核结果的公示`;
        const lines = titleLines(title, perLine, [unit]);
        expect(lines.join("")).toBe(title);
        for (const [a, b] of lines.slice(0, -1).map((line, i) => [line, lines[i + 1] ?? ""])) {
          const joint = a.slice(-3) + "|" + b.slice(0, 3);
          for (const whole of ["平时|考核", "平|时考核", "平时考|核", "第|三季度", "第三|季度", "第三季|度", "2026|年", "年|第三"]) {
            expect(joint, `${title} at ${perLine}`).not.toContain(whole);
          }
        }
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(perLine);
      }
    }
  });
});

describe("textWidth", () => {
  // Any UTF-16 text, lone surrogates too: a character beyond U+FFFF counts once, as a full-width one.
  const units = fc.string({ unit: fc.constantFrom("a", "1", " ", "甲", "\u3000", "\ud840", "\udc00", "𠀀", "😀", "\u2e7f", "\u2e80"), maxLength: 24 });

  it("counts each character once, Latin ones half: as counting the string's characters one by one", () => {
    const byCharacter = (text: string): number => [...text].reduce((width, ch) => width + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
    fc.assert(fc.property(units, (text) => textWidth(text) === byCharacter(text)));
    expect(textWidth("𠀀甲a")).toBe(2.5);
  });
});
