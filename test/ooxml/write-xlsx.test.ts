import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exact } from "../../src/domain/exact.js";
import type { WorkbookSpec } from "../../src/ooxml/write-xlsx.js";
import { decimalCell, percentCell } from "../../src/build/exact-cells.js";
import { integerCell, linesNeeded, textCell, textWidth, writeXlsx } from "../../src/ooxml/write-xlsx.js";
import { fixZipTimestamps } from "../../src/ooxml/fix-zip-timestamps.js";
import { readXlsx, sheet, zipEntryDates, zipPart } from "../support/read-office.js";

const FORMULA_LIKE = ["=1+1", "@SUM(A1)", "-5", "+86 139 0000 0000", "=HYPERLINK(\"http://x\",\"点我\")", "=cmd|' /C calc'!A0"];

function spec(draft = false): WorkbookSpec {
  return {
    draft,
    sheets: [
      {
        name: "结果",
        titles: ["某市某某局2026年第三季度公务员平时考核结果", "方案：标准方案"],
        orientation: "landscape",
        columns: [
          { header: "姓名", width: 10 },
          { header: "综合得分", width: 12 },
          { header: "排名", width: 6 },
          { header: "占比", width: 10 },
        ],
        rows: [
          { cells: [textCell("张三"), decimalCell(exact("80.195")), integerCell(1), percentCell(exact("0.28571"))], fill: "C6EFCE" },
          { cells: [textCell("李四"), decimalCell(exact("93.5")), integerCell(2)] },
          ...FORMULA_LIKE.map((text) => ({ cells: [textCell(text)] })),
        ],
      },
      {
        name: "规则",
        titles: [],
        orientation: "portrait",
        columns: [{ header: "项目", width: 20 }],
        rows: [{ cells: [textCell("方案名称")], bold: true }],
      },
    ],
  };
}

describe("writeXlsx: a sheet description becomes an .xlsx (outputs.md 结果.xlsx)", () => {
  it("writes titles, header and typed cells with their number formats", async () => {
    const ws = sheet(await readXlsx(await writeXlsx(spec())), "结果");
    expect(ws.getCell("A1").value).toBe("某市某某局2026年第三季度公务员平时考核结果");
    expect(ws.getCell("A2").value).toBe("方案：标准方案");
    expect([1, 2, 3, 4].map((c) => ws.getRow(3).getCell(c).value)).toEqual(["姓名", "综合得分", "排名", "占比"]);
    // 80.195 rounds half up to 80.20 (rules.md "Arithmetic"), a number shown as 0.00.
    expect(ws.getCell("B4").value).toBe(80.2);
    expect(ws.getCell("B4").numFmt).toBe("0.00");
    expect(ws.getCell("C4").value).toBe(1);
    expect(ws.getCell("C4").numFmt).toBe("0");
    expect(ws.getCell("D4").value).toBe(0.2857);
    expect(ws.getCell("D4").numFmt).toBe("0.00%");
    expect(ws.getCell("B5").value).toBe(93.5);
    expect(ws.getCell("D5").value).toBeNull();
  });

  it("merges each title row across the columns", async () => {
    const ws = sheet(await readXlsx(await writeXlsx(spec())), "结果");
    expect(ws.getCell("D1").isMerged).toBe(true);
    expect(ws.getCell("D2").isMerged).toBe(true);
    expect(ws.getCell("D3").isMerged).toBe(false);
  });

  it("fills a row with its colour, and only that row", async () => {
    const ws = sheet(await readXlsx(await writeXlsx(spec())), "结果");
    const fill = (cell: string) => {
      const f = ws.getCell(cell).fill;
      return f?.type === "pattern" ? f.fgColor?.argb : undefined;
    };
    expect(fill("A4")).toBe("FFC6EFCE");
    expect(fill("D4")).toBe("FFC6EFCE");
    expect(fill("A5")).toBeUndefined();
    expect(fill("A3")).toBe("FFD9D9D9"); // the header
  });

  it("sets column widths, a frozen header, A4 and the orientation", async () => {
    const wb = await readXlsx(await writeXlsx(spec()));
    const ws = sheet(wb, "结果");
    expect(ws.getColumn(1).width).toBe(10);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(sheet(wb, "规则").pageSetup.orientation).toBe("portrait");
    expect(sheet(wb, "规则").views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("repeats the header row on every printed page (print titles)", async () => {
    const workbookXml = await zipPart(await writeXlsx(spec()), "xl/workbook.xml");
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;结果&apos;!$3:$3</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;规则&apos;!$1:$1</definedName>`);
  });

  it.each(FORMULA_LIKE)("writes %j as text, never as a formula (outputs.md Safety of files)", async (text) => {
    const bytes = await writeXlsx(spec());
    const ws = sheet(await readXlsx(bytes), "结果");
    const row = 6 + FORMULA_LIKE.indexOf(text);
    const cell = ws.getCell(`A${row}`);
    expect(cell.value).toBe(text);
    expect(cell.formula).toBeUndefined();
    expect(typeof cell.value).toBe("string");
    // And in the file itself: a shared string (t="s"), and no <f> anywhere in the sheet.
    const sheetXml = await zipPart(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect(sheetXml).toMatch(new RegExp(`<c r="A${row}"[^>]* t="s"`));
  });

  it("marks every sheet's title （草稿） in a draft, adding a title row where a sheet has none", async () => {
    const wb = await readXlsx(await writeXlsx(spec(true)));
    expect(sheet(wb, "结果").getCell("A1").value).toBe("某市某某局2026年第三季度公务员平时考核结果（草稿）");
    expect(sheet(wb, "结果").getCell("A2").value).toBe("方案：标准方案");
    expect(sheet(wb, "规则").getCell("A1").value).toBe("（草稿）");
    expect(sheet(wb, "规则").getCell("A2").value).toBe("项目");
  });

  it("drops characters XML cannot hold instead of writing a broken file", async () => {
    const bytes = await writeXlsx({
      draft: false,
      sheets: [{ name: "问题", titles: [], orientation: "portrait", columns: [{ header: "说明", width: 10 }], rows: [{ cells: [textCell("甲\u0001乙\u000B丙")] }] }],
    });
    expect(sheet(await readXlsx(bytes), "问题").getCell("A2").value).toBe("甲乙丙");
  });

  it.each(["", "a".repeat(32), "结果/汇总", "问题?"])("refuses the sheet name %j", async (name) => {
    await expect(writeXlsx({ draft: false, sheets: [{ name, titles: [], orientation: "portrait", columns: [], rows: [] }] })).rejects.toThrow(/sheet name/);
  });

  it("has no clock in it: fixed author and dates, and the same bytes twice", async () => {
    const first = await writeXlsx(spec());
    const second = await writeXlsx(spec());
    expect(createHash("sha256").update(first).digest("hex")).toBe(createHash("sha256").update(second).digest("hex"));
    const core = await zipPart(first, "docProps/core.xml");
    expect(core).toContain("<dc:creator>assess</dc:creator>");
    expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>");
    expect(core).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:modified>");
    // Every zip entry is dated 1980-01-01 00:00, whenever it was written.
    const dates = await zipEntryDates(first);
    expect(dates.length).toBeGreaterThan(5);
    expect(new Set(dates)).toEqual(new Set(["1980-01-01T00:00:00.000Z"]));
  });

  it("any text survives the round trip unchanged (property)", async () => {
    const printable = fc.string({ unit: fc.constantFrom(..."=+-@好较差一般 ,.;:'\"()[]{}<>&%#!$^*/\\|?~`0123456789abcXYZ\u3000\t\n") , minLength: 1, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(printable, async (text) => {
        const bytes = await writeXlsx({
          draft: false,
          sheets: [{ name: "问题", titles: [], orientation: "portrait", columns: [{ header: "说明", width: 10 }], rows: [{ cells: [textCell(text)] }] }],
        });
        const cell = sheet(await readXlsx(bytes), "问题").getCell("A2");
        expect(cell.value).toBe(text);
        expect(cell.formula).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });
});

describe("linesNeeded: rows grow for wrapped text (no client does it for a written file)", () => {
  it.each([
    ["张三", 10, 1],
    ["", 10, 1],
    ["一二三四五", 11, 1], // 10 units in 10 usable
    ["一二三四五六", 11, 2],
    ["abcdefghij", 11, 1],
    ["abcdefghijk", 11, 2],
    ["第一行\n第二行", 44, 2],
    ["【推进中】档案数字化：等待上级批复经费\n【未完成】项目验收：系统未上线", 20, 4], // 19 full-width characters = 38 units / 19 usable → 2 lines; 15 → 30 units → 2 lines
  ])("%j in a column %i wide needs %i lines", (text, width, lines) => {
    expect(linesNeeded(text, width)).toBe(lines);
  });

  it("sets the height of a row from its tallest cell, and leaves one-line rows alone", async () => {
    const bytes = await writeXlsx({
      draft: false,
      sheets: [
        {
          name: "结果",
          titles: [],
          orientation: "portrait",
          columns: [{ header: "姓名", width: 10 }, { header: "说明", width: 11 }],
          rows: [{ cells: [textCell("张三"), textCell("一二三四五六七八九十一")] }, { cells: [textCell("李四"), textCell("好")] }],
        },
      ],
    });
    const ws = sheet(await readXlsx(bytes), "结果");
    expect(ws.getRow(2).height).toBe(48); // 22 units / 10 usable → 3 lines × 15 + 3
    expect(ws.getRow(3).height).toBeUndefined();
  });
});

describe("titles, autofilter and closing lines (issue 11)", () => {
  const narrow = (over: Partial<WorkbookSpec["sheets"][number]> = {}): WorkbookSpec => ({
    draft: false,
    sheets: [
      {
        name: "汇总",
        titles: ["某县发展和改革委员会2026年第三季度公务员平时考核汇总"],
        orientation: "portrait",
        columns: [{ header: "项目", width: 20 }, { header: "数值", width: 14 }],
        rows: [{ cells: [textCell("单位代码"), textCell("FGW")] }, { cells: [textCell("好"), integerCell(4)] }],
        ...over,
      },
    ],
  });

  it("a title longer than the sheet is wide gets the rows of its wrapped lines, not clipped", async () => {
    // 24 full-width characters and 4 digits (52 units) at 14 pt over 34 units (26 at 11 pt): 52 / 25 → 3 lines of 20 pt + 8.
    const ws = sheet(await readXlsx(await writeXlsx(narrow())), "汇总");
    expect(ws.getRow(1).height).toBe(68);
    const short = sheet(await readXlsx(await writeXlsx(narrow({ titles: ["汇总"] }))), "汇总");
    expect(short.getRow(1).height).toBe(28);
  });

  it("an autofilter over the header and the rows of the table, and its hidden name", async () => {
    const bytes = await writeXlsx(narrow({ autoFilter: true, closingLines: ["制表人："] }));
    const xml = await zipPart(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toContain('<autoFilter ref="A2:B4"/>');
    expect(xml.indexOf("<autoFilter")).toBeLessThan(xml.indexOf("<mergeCells"));
    expect(await zipPart(bytes, "xl/workbook.xml")).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;汇总&apos;!$A$2:$B$4</definedName>`);
    expect(await zipPart(await writeXlsx(narrow()), "xl/worksheets/sheet1.xml")).not.toContain("autoFilter");
  });

  it("closing lines under the table, a row apart, merged across and without borders", async () => {
    const wb = await readXlsx(await writeXlsx(narrow({ closingLines: ["制表人：＿＿　审核人：＿＿", "单位（盖章）：　日期：　年　月　日"] })));
    const ws = sheet(wb, "汇总");
    expect(ws.getCell("A5").value).toBeNull();
    expect(ws.getCell("A6").value).toBe("制表人：＿＿　审核人：＿＿");
    expect(ws.getCell("A7").value).toBe("单位（盖章）：　日期：　年　月　日");
    expect(ws.getCell("A6").border?.top).toBeUndefined();
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A6:B6", "A7:B7"]));
  });
});

describe("fixZipTimestamps", () => {
  it("refuses bytes that are not a zip (a bug: it only ever sees what exceljs or docx wrote)", () => {
    expect(() => fixZipTimestamps(Buffer.from("不是压缩包"))).toThrow(/not a zip/);
  });

  it("changes nothing but the dates: the archive still reads, with the same parts", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("a.txt", "甲", { date: new Date(Date.UTC(2026, 9, 9, 10, 30)) });
    zip.file("dir/b.txt", "乙", { date: new Date(Date.UTC(2026, 9, 9, 10, 30)) });
    const before = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const after = fixZipTimestamps(before);
    expect(after.length).toBe(before.length);
    expect(await zipPart(after, "dir/b.txt")).toBe("乙");
    expect(new Set(await zipEntryDates(after))).toEqual(new Set(["1980-01-01T00:00:00.000Z"]));
    expect(new Set(await zipEntryDates(before))).not.toEqual(new Set(["1980-01-01T00:00:00.000Z"]));
  });
});

describe("textWidth (columns of a cell)", () => {
  it("counts a character beyond U+FFFF once, as two columns, and a lone surrogate as a character of its own", () => {
    const byCharacter = (text: string): number => [...text].reduce((width, ch) => width + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
    const units = fc.string({ unit: fc.constantFrom("a", "1", " ", "甲", "\ud840", "\udc00", "𠀀", "😀", "\u2e80", "\u2e81"), maxLength: 24 });
    fc.assert(fc.property(units, (text) => textWidth(text) === byCharacter(text)));
    expect(textWidth("𠀀甲a")).toBe(5);
  });
});
