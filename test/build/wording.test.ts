import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fill, parseNoticeWording, parseSlipWording } from "../../src/build/wording.js";
import { NOTICE_TEMPLATE, SLIP_TEMPLATE, TEMPLATES_DIR, readNoticeWording } from "../../src/build/wording-templates.js";
import { UsageError } from "../../src/domain/usage-error.js";

async function shipped(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(TEMPLATES_DIR, name), "utf8")) as Record<string, unknown>;
}

describe("the wording templates an office may edit (templates/)", () => {
  it("the shipped notice and slip templates are valid", async () => {
    expect(parseNoticeWording(await shipped(NOTICE_TEMPLATE), NOTICE_TEMPLATE).problems).toEqual([]);
    expect(parseSlipWording(await shipped(SLIP_TEMPLATE), SLIP_TEMPLATE).problems).toEqual([]);
  });

  it("the notice title is the one outputs.md fixes", async () => {
    expect((await shipped(NOTICE_TEMPLATE)).title).toBe("关于{单位名称}{年度}年第{季度}季度公务员平时考核结果的公示");
  });

  it("reports a placeholder the program does not know, naming the key and the allowed ones", async () => {
    const json = { ...(await shipped(NOTICE_TEMPLATE)), title: "关于{单位}的公示" };
    const { value, problems } = parseNoticeWording(json, NOTICE_TEMPLATE);
    expect(value).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "E_TEMPLATE", header: "title", value: "{单位}" });
    expect(problems[0]?.message).toContain("「title」用了占位符“{单位}”");
    expect(problems[0]?.message).toContain("{单位名称}");
  });

  it.each([
    ["an unknown key", { titel: "x" }, "有不认识的项目：titel"],
    ["a missing key", { title: undefined }, "项目「title」应为一段文字"],
    ["an empty text", { intro: "" }, "项目「intro」应为一段文字（不能缺少，也不能为空）"],
    ["a number", { period: 5 }, "项目「period」应为一段文字"],
  ])("reports %s", async (_, change, message) => {
    const json = { ...(await shipped(NOTICE_TEMPLATE)), ...change };
    const { value, problems } = parseNoticeWording(json, NOTICE_TEMPLATE);
    expect(value).toBeNull();
    expect(problems.map((p) => p.message).join("\n")).toContain(message);
  });

  it.each([
    ["关于{单位名称}的公示", { 单位名称: "某局" }, "关于某局的公示"],
    ["{年度}年第{季度}季度", { 年度: "2026", 季度: "3" }, "2026年第3季度"],
    ["{单位名称}{单位名称}", { 单位名称: "甲" }, "甲甲"],
    ["无占位符", {}, "无占位符"],
    ["{单位名称}", { 单位名称: "{年度}" }, "{年度}"], // a value is not filled again
  ])("fill(%j) → %j", (template, values, expected) => {
    expect(fill(template, values as Record<string, string>)).toBe(expected);
  });
});

describe("readNoticeWording: a broken template stops the run with what to fix (exit 2)", () => {
  let dir = "";
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ["missing", null, /读不到文字模板 notice.json/],
    ["not JSON", "{ title: 关于 }", /notice.json 不是有效的 JSON/],
    ["with a wrong key", JSON.stringify({ title: "x" }), /notice.json 有不认识的项目|项目「fonts」应为一段文字/],
  ])("%s", async (_, content, message) => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-wording-"));
    if (content !== null) await writeFile(path.join(dir, NOTICE_TEMPLATE), content);
    const read = readNoticeWording(dir);
    await expect(read).rejects.toBeInstanceOf(UsageError);
    await expect(readNoticeWording(dir)).rejects.toThrow(message);
  });

  it("accepts a file saved with a byte order mark (Windows Notepad)", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-wording-"));
    await writeFile(path.join(dir, NOTICE_TEMPLATE), `\uFEFF${JSON.stringify(await shipped(NOTICE_TEMPLATE))}`);
    expect((await readNoticeWording(dir)).title).toBe("关于{单位名称}{年度}年第{季度}季度公务员平时考核结果的公示");
  });
});
