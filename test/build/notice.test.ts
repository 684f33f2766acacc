import { describe, expect, it } from "vitest";
import type { NoticeInput } from "../../src/build/notice.js";
import { noticeContent, noticePeriod, schemeTitle, writeNotice } from "../../src/build/notice.js";
import type { NoticeWording } from "../../src/build/wording.js";
import { readNoticeWording } from "../../src/build/wording-templates.js";
import { IDS, REVIEW_CHANGE, UNIT, WORKBOOK, demoRules, demoUnit } from "../support/demo-unit.js";
import { docxParagraphs, zipEntryDates, zipPart } from "../support/read-office.js";

// The wording an office edits, as shipped in templates/notice.json.
const wording: NoticeWording = await readNoticeWording();

function input(overrides: Partial<NoticeInput> = {}): NoticeInput {
  return {
    graded: demoUnit(),
    period: WORKBOOK.period,
    settings: WORKBOOK.settings,
    rules: demoRules(),
    ...overrides,
  };
}

describe("noticeContent: what 公示.docx says (outputs.md Per unit 2)", () => {
  it("titles the notice after the unit and the period", () => {
    expect(noticeContent(input(), wording).title).toBe("关于某市某某局2026年第三季度公务员平时考核结果的公示");
  });

  it("breaks the title after the quarter, not inside 平时考核 or 第三季度", () => {
    expect(noticeContent(input(), wording).titleLines).toEqual(["关于某市某某局2026年第三季度", "公务员平时考核结果的公示"]);
  });

  it("ends the title with （更正） and says what was corrected only when a 复核 changes the list", () => {
    // 孙八 一般 → 较好 (REVIEW_CHANGE): not on a list of the 好 persons, on a list of everyone.
    const reviewed = demoUnit("final", { review: true });
    const goodList = noticeContent(input({ graded: reviewed }), wording);
    expect(goodList.title).not.toContain("更正");
    expect(goodList.correction).toBeNull();
    const all = demoRules({ notice: { days: 5, list: "all", showScores: false, reviewDays: 5 } });
    const allList = noticeContent(input({ graded: reviewed, rules: all }), wording);
    expect(allList.title).toBe("关于某市某某局2026年第三季度公务员平时考核结果的公示（更正）");
    expect(allList.correction).toBe("经复核，孙八的等次由“一般”改为“较好”，现对公示名单予以更正。");
    expect(noticeContent(input(), wording).title).not.toContain("更正");
  });

  it("a 复核 that makes a person 好 corrects the list of the 好 persons", () => {
    const base = demoUnit("final");
    const change = { ...REVIEW_CHANGE, personId: IDS.d, name: "赵六", from: "fairlyGood" as const, to: "good" as const };
    const graded = { ...base, changes: [...base.changes, change], persons: base.persons.map((p) => (p.person.id === IDS.d ? { ...p, grade: "good" as const } : p)) };
    const content = noticeContent(input({ graded }), wording);
    expect(content.title.endsWith("（更正）")).toBe(true);
    expect(content.correction).toBe("经复核，赵六的等次由“较好”改为“好”，现对公示名单予以更正。");
    expect(content.table?.rows.map((r) => r[1])).toEqual(["张三", "李四", "赵六"]);
  });

  it("names the scheme as a document, the steps, N and the number of 好", () => {
    const intro = noticeContent(input(), wording).intro;
    expect(intro).toContain("根据《某市某某局公务员平时考核方案》");
    expect(intro).toContain("确定指标、个人小结、审核评鉴、民主测评、考核委员会审定");
    expect(intro).toContain("确定等次7人，拟确定“好”等次2人。现将拟确定为“好”等次的人员名单公示如下：");
  });

  it.each([
    ["标准方案", "某市某某局公务员平时考核方案"],
    ["某县公务员平时考核实施方案", "某县公务员平时考核实施方案"],
    ["《某县公务员平时考核办法》", "某县公务员平时考核办法"],
    ["2026年度方案", "某市某某局公务员平时考核方案"],
  ])("schemeTitle(%s) → 《%s》", (name, title) => {
    expect(schemeTitle(name, "某市某某局")).toBe(title);
  });

  it("lists the 好 persons in roster order without 人员编号 or scores", () => {
    expect(noticeContent(input(), wording).table).toEqual({
      headers: ["序号", "姓名", "科室", "职务职级", "等次"],
      rows: [
        ["1", "张三", "办公室", "一级主任科员", "好"],
        ["2", "李四", "业务科", "二级主任科员", "好"],
      ],
    });
  });

  it("lists every graded person with notice.list = all, and totals with notice.showScores", () => {
    const rules = demoRules({ notice: { days: 5, list: "all", showScores: true, reviewDays: 5 } });
    const content = noticeContent(input({ rules }), wording);
    // 备注 says why a score in the 好 band is not 好 (王五 tied and decided, 赵六 限好, 钱七 名额).
    expect(content.table?.headers).toEqual(["序号", "姓名", "科室", "职务职级", "等次", "综合得分", "备注"]);
    expect(content.table?.rows).toEqual([
      ["1", "张三", "办公室", "一级主任科员", "好", "95.00", ""],
      ["2", "李四", "业务科", "二级主任科员", "好", "93.50", ""],
      ["3", "王五", "业务科", "一级科员", "较好", "93.50", "经考核委员会审定"],
      ["4", "赵六", "办公室", "一级科员", "较好", "90.50", "有限好情形"],
      ["5", "钱七", "综合科", "四级主任科员", "较好", "90.00", "超出好等次名额（2名）"],
      ["6", "孙八", "综合科", "一级科员", "一般", "75.00", ""],
      ["7", "周九", "业务科", "二级科员", "较差", "54.00", ""],
    ]);
    expect(content.intro).toContain("现将考核结果公示如下");
  });

  it("without 备注 when no listed score needs one, and without scores unless notice.showScores", () => {
    const rules = demoRules({ notice: { days: 5, list: "good", showScores: true, reviewDays: 5 } });
    expect(noticeContent(input({ rules }), wording).table?.headers).toEqual(["序号", "姓名", "科室", "职务职级", "等次", "综合得分"]);
    const hidden = demoRules({ notice: { days: 5, list: "all", showScores: false, reviewDays: 5 } });
    expect(noticeContent(input({ rules: hidden }), wording).table?.headers).toEqual(["序号", "姓名", "科室", "职务职级", "等次"]);
  });

  it("says in one sentence that no one is 好, with no list announced", () => {
    const graded = demoUnit();
    const none = { ...graded, persons: graded.persons.map((p) => (p.grade === "good" ? { ...p, grade: "fairlyGood" as const } : p)) };
    const content = noticeContent(input({ graded: none }), wording);
    expect(content.table).toBeNull();
    expect(content.intro).toMatch(/完成了2026年第三季度公务员平时考核工作。本单位参加平时考核确定等次7人，本季度无拟确定为“好”等次的人员，特此公示。$/);
    expect(content.intro).not.toContain("如下");
  });

  it("counts the notice period in working days on the rules' calendar (National Day and 调休)", () => {
    // Fri 10-09, Sat 10-10 (调休), Mon 12, Tue 13, Wed 14.
    const content = noticeContent(input(), wording);
    expect(content.period).toBe("公示时间：2026年10月9日至10月14日（5个工作日）。");
    expect(content.dateLine).toBe("2026年10月9日");
  });

  it("leaves blanks for the clerk when 公示开始日期 is not given", () => {
    const content = noticeContent(input({ settings: { ...WORKBOOK.settings, noticeStart: null } }), wording);
    expect(content.period).toBe("公示时间：____年__月__日至____年__月__日（5个工作日）。");
    expect(content.dateLine).toBe("____年__月__日");
  });

  it("gives the 复核 window in working days (notice.reviewDays)", () => {
    const rules = demoRules({ notice: { days: 5, list: "good", showScores: false, reviewDays: 7 } });
    expect(noticeContent(input({ rules }), wording).objection).toContain("7个工作日内");
  });

  it.each([
    ["the unit's own contact", UNIT, ["联系人：王敏", "联系电话：0556-5550123", "受理地址：某市某某路1号302室"]],
    ["the workbook's settings when the unit has none", { ...UNIT, contact: null, phone: null, address: null }, ["联系人：参数联系人", "联系电话：0556-0000000", "受理地址：参数地址"]],
  ])("prints %s", (_, unit, contacts) => {
    const graded = { ...demoUnit(), unit };
    expect(noticeContent(input({ graded }), wording).contacts).toEqual(contacts);
  });

  it("leaves a line to write on when neither gives a contact", () => {
    const graded = { ...demoUnit(), unit: { ...UNIT, contact: null, phone: null, address: null } };
    const settings = { contact: null, phone: null, address: null, noticeStart: null };
    expect(noticeContent(input({ graded, settings }), wording).contacts).toEqual(["联系人：__________", "联系电话：__________", "受理地址：__________"]);
  });

  it("is not written for a draft unit (rules.md §5)", () => {
    expect(() => noticeContent(input({ graded: demoUnit("draft") }), wording)).toThrow(/final/);
  });
});

describe("noticePeriod", () => {
  it.each([
    ["2026-10-12", 5, "2026年10月12日至10月16日（5个工作日）"],
    ["2026-09-30", 3, "2026年9月30日至10月9日（3个工作日）"],
    ["2025-12-29", 5, "2025年12月29日至2026年1月5日（5个工作日）"], // 元旦 1-01..03 off, Sunday 1-04 worked
    [null, 3, "____年__月__日至____年__月__日（3个工作日）"],
  ])("%s, %i days → %s", (start, days, text) => {
    expect(noticePeriod(start, days, demoRules().calendar)).toBe(text);
  });

  it("counts on the national schedule when the rules file adds nothing (issue 11: not 10月6日)", () => {
    expect(noticePeriod("2026-09-30", 5, { holidays: [], workdays: [] })).toBe("2026年9月30日至10月12日（5个工作日）");
  });
});

describe("writeNotice: 公示.docx", () => {
  const write = (i: NoticeInput = input()) => writeNotice(noticeContent(i, wording), wording);

  it("holds the title, the dates, the names and the contact, in that order", async () => {
    const text = await docxParagraphs(await write());
    const joined = text.join("\n");
    expect(text.slice(0, 2)).toEqual(["关于某市某某局2026年第三季度", "公务员平时考核结果的公示"]);
    for (const expected of ["张三", "李四", "2026年10月9日至10月14日（5个工作日）", "联系人：王敏　　联系电话：0556-5550123", "某市某某局", "2026年10月9日"]) {
      expect(joined).toContain(expected);
    }
    expect(joined.indexOf("张三")).toBeLessThan(joined.indexOf("公示时间"));
    expect(text.at(-2)).toBe("某市某某局");
    expect(text.at(-1)).toBe("2026年10月9日");
  });

  it("a correction says what changed before the opening paragraph, which still leads into the list", async () => {
    const rules = demoRules({ notice: { days: 5, list: "all", showScores: false, reviewDays: 5 } });
    const text = await docxParagraphs(await write(input({ graded: demoUnit("final", { review: true }), rules })));
    const correction = text.findIndex((t) => t.startsWith("经复核，孙八的等次由“一般”改为“较好”"));
    const intro = text.findIndex((t) => t.startsWith("根据《某市某某局公务员平时考核方案》"));
    expect(correction).toBeGreaterThan(1);
    expect(intro).toBe(correction + 1);
    expect(text[intro]?.endsWith("现将考核结果公示如下：")).toBe(true);
  });

  it("never shows an identity number, nor the names of persons not listed", async () => {
    const bytes = await write(input({ rules: demoRules({ notice: { days: 5, list: "all", showScores: true, reviewDays: 5 } }) }));
    const xml = await zipPart(bytes, "word/document.xml");
    for (const id of Object.values(IDS)) expect(xml).not.toContain(id);
    expect(xml).not.toMatch(/\d{17}[\dX]/);
    expect(xml).not.toContain("人员编号");
    const goodOnly = await zipPart(await write(), "word/document.xml");
    expect(goodOnly).not.toContain("王五");
    expect(goodOnly).not.toContain("吴十");
  });

  it("is A4 with Chinese fonts named for East Asian text", async () => {
    const bytes = await write();
    const xml = await zipPart(bytes, "word/document.xml");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // The fonts are in the notice's named styles, which its paragraphs name.
    const styles = await zipPart(bytes, "word/styles.xml");
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="zh-CN"');
    expect(xml).toContain("<w:tblHeader/>"); // the list's header row repeats on each page
    // Every row of the list is whole on a page, and the lines before the date keep with it.
    expect(xml.match(/<w:trPr>[^]*?<\/w:trPr>/g)?.every((props) => props.includes("<w:cantSplit/>"))).toBe(true);
    const paragraphs = xml.split("<w:p>").slice(1);
    expect(styles).toMatch(/w:styleId="NoticeSignature"><w:name w:val="落款"\/><w:qFormat\/><w:pPr>[^]*?<w:jc w:val="right"\/>/);
    const signatureAt = paragraphs.findIndex((p) => p.includes(">某市某某局</w:t>") && p.includes('<w:pStyle w:val="NoticeSignature"/>'));
    expect(signatureAt).toBeGreaterThan(4);
    for (const p of paragraphs.slice(signatureAt - 4, signatureAt + 1)) expect(p).toContain("<w:keepNext/>");
    const fonts = await zipPart(bytes, "word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
  });

  it("takes the look of its text from named styles: its runs carry no properties, the page number a character style", async () => {
    const styleOf = (styles: string, id: string): string => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`))?.[0] ?? "";
    for (const [rules, tableSize] of [
      [demoRules(), "28"],
      // With 备注 the table is set in 小四 (12 pt): its styles say so.
      [demoRules({ notice: { days: 5, list: "all", showScores: true, reviewDays: 5 } }), "24"],
    ] as const) {
      const bytes = await write(input({ rules }));
      const xml = await zipPart(bytes, "word/document.xml");
      expect(xml).not.toContain("<w:rPr>");
      expect(xml).not.toContain("<w:rFonts");
      const styles = await zipPart(bytes, "word/styles.xml");
      expect(styleOf(styles, "NoticeTableText")).toContain(`<w:sz w:val="${tableSize}"/>`);
      expect(styleOf(styles, "NoticeTableHeader")).toMatch(new RegExp(`<w:b/><w:bCs/><w:sz w:val="${tableSize}"/>`));
      expect(styleOf(styles, "NoticeBody")).toMatch(/<w:name w:val="公示正文"\/>.*<w:ind w:firstLine="640"\/><w:jc w:val="both"\/>.*<w:sz w:val="32"\/>/);
      for (const id of new Set([...xml.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]))) expect(styleOf(styles, id!), id).not.toBe("");
      expect(await zipPart(bytes, "word/footer1.xml")).toContain('<w:r><w:rPr><w:rStyle w:val="NoticePageNumber"/></w:rPr>');
      expect(styleOf(styles, "NoticePageNumber")).toMatch(/^<w:style w:type="character" .*<w:sz w:val="28"\/>/);
    }
  });

  it("has no clock in it: fixed core properties and the same bytes twice", async () => {
    const [first, second] = [await write(), await write()];
    expect(first.equals(second)).toBe(true);
    const core = await zipPart(first, "docProps/core.xml");
    expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>");
    expect(core).toContain("<dc:title>关于某市某某局2026年第三季度公务员平时考核结果的公示</dc:title>");
    expect(new Set(await zipEntryDates(first))).toEqual(new Set(["1980-01-01T00:00:00.000Z"]));
  });

  it("escapes text that looks like markup", async () => {
    const graded = { ...demoUnit(), unit: { ...UNIT, name: "某局<科&室>" } };
    const text = await docxParagraphs(await write(input({ graded })));
    expect(text.slice(0, 2)).toEqual(["关于某局<科&室>2026年第三季度", "公务员平时考核结果的公示"]);
  });
});
