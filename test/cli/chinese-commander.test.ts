// The command line in Chinese (outputs.md, issue 11): commander's own messages, each of commander
// 14's fixed strings turned into a Chinese sentence; and the problem table's columns.

import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { chineseCommanderMessage } from "../../src/cli/chinese-commander.js";
import { messageBesidePlace, renderProblemTable } from "../../src/cli/problem-table.js";
import type { Problem } from "../../src/domain/problem.js";

describe("commander's messages in Chinese", () => {
  it.each<[string, string]>([
    ["error: unknown option '--nope'", "不认识选项 --nope。"],
    ["error: unknown option '--rulez'\n(Did you mean --rules?)", "不认识选项 --rulez（是否要用 --rules？）。"],
    ["error: unknown command 'valdate'\n(Did you mean validate?)", "不认识命令 valdate（是否要用 validate？）。"],
    ["error: missing required argument 'paths'", "缺少参数 PATH（工作簿或文件夹）。"],
    ["error: option '--jobs <N>' argument missing", "选项 --jobs <N> 后面缺少取值。"],
    ["error: required option '--year <年度>' not specified", "缺少必需的选项 --year <年度>。"],
    ["error: too many arguments for 'template'. Expected 0 arguments but got 1.", "命令 template 参数过多：应有 0 个，实际给了 1 个。"],
    ["error: option '--a' cannot be used with option '--b'", "选项 --a 不能与 选项 --b 同时使用。"],
    ["error: option '--jobs <N>' argument 'x' is invalid. 应为正整数", "选项 --jobs <N> 的取值“x”无效。应为正整数"],
  ])("%j", (english, chinese) => {
    expect(chineseCommanderMessage(english)).toBe(chinese);
  });

  it("a message it does not know is passed on as it came, without commander's prefix", () => {
    expect(chineseCommanderMessage("error: something new")).toBe("something new");
  });
});

const problem = (over: Partial<Problem>): Problem => ({
  severity: "error",
  code: "E_NOT_NUMBER",
  file: "单位.xlsx",
  sheet: "个性评分",
  cell: "D3",
  header: "工作质量",
  value: "九十",
  message: "个性评分!D3「工作质量」填写了“九十”，应为 0 至 40 之间的数字。",
  ...over,
});

describe("the problem table", () => {
  it.each<[string, Partial<Problem>, string]>([
    ["a message opening with its place does without it", {}, "「工作质量」填写了“九十”，应为 0 至 40 之间的数字。"],
    ["…and without the colon after it", { sheet: "审定", cell: "C2", message: "审定!C2：好等次超出名额。" }, "好等次超出名额。"],
    ["a message about a sheet keeps its words", { cell: "", message: "工作簿中没有“共性测评”工作表。" }, "工作簿中没有“共性测评”工作表。"],
    ["a message naming another place is kept whole", { message: "人员!A2 与 人员!A5 重复。" }, "人员!A2 与 人员!A5 重复。"],
  ])("%s", (_what, over, shown) => {
    expect(messageBesidePlace(problem(over))).toBe(shown);
  });

  it("shows the rule code and the value found as columns, and the cell once", () => {
    const table = renderProblemTable([problem({})], new Chalk({ level: 0 }));
    expect(table.split("\n")).toEqual([
      "类别  文件       位置         规则          所填内容  说明",
      "错误  单位.xlsx  个性评分!D3  E_NOT_NUMBER  九十      「工作质量」填写了“九十”，应为 0 至 40 之间的数字。",
      "共 1 个错误、0 个警告。",
      "",
    ]);
    expect(table.match(/D3/g)).toHaveLength(1);
  });
});
