// The `问题` sheet, shared by 结果.xlsx (the unit's warnings) and 汇总.xlsx (every problem of the
// run): one row per problem, in the order of the report on screen (outputs.md "Problems").

import type { Problem } from "../domain/problem.js";
import { SEVERITY_LABEL, sortProblems } from "../domain/problem.js";
import type { SheetSpec } from "../ooxml/write-xlsx.js";
import { textCell } from "../ooxml/write-xlsx.js";

export function buildProblemSheet(title: string, problems: readonly Problem[], none: string): SheetSpec {
  const sorted = sortProblems(problems);
  return {
    name: "问题",
    titles: [title],
    orientation: "landscape",
    columns: [
      { header: "类别", width: 8 },
      { header: "规则代码", width: 20 },
      { header: "文件", width: 24 },
      { header: "工作表", width: 12 },
      { header: "单元格", width: 9 },
      { header: "列", width: 14 },
      { header: "填写内容", width: 18 },
      { header: "说明", width: 70 },
    ],
    rows:
      sorted.length === 0
        ? [{ cells: [textCell(none)] }]
        : sorted.map((p) => ({
            cells: [
              textCell(SEVERITY_LABEL[p.severity]),
              textCell(p.code),
              textCell(p.file),
              textCell(p.sheet),
              textCell(p.cell),
              textCell(p.header),
              textCell(p.value),
              textCell(p.message),
            ],
            ...(p.severity === "error" ? { fill: "FFC7CE" } : {}),
          })),
  };
}
