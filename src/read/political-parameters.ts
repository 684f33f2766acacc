// The evaluation workbook's 参数 sheet (political.md): 项目 and 内容, one setting a row: 年度 and
// 测评名称 (required), the unit when there is no 单位 sheet, the contact. Its rows are read by
// parameters.ts's readParameterRows, as the appraisal workbook's 参数 is (same problems).

import type { Problem } from "../domain/problem.js";
import { POLITICAL_PARAMETER_KEYS } from "../domain/political-sheets.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { isBlank, readText, readYear } from "./normalise-cell.js";
import { readParameterRows, readUnitRow, type Setting } from "./parameters.js";

export interface PoliticalParameters {
  year: Setting<number> | null;
  round: Setting<string> | null;
  unitCode: Setting<string> | null;
  unitName: Setting<string> | null;
  contact: string | null;
  phone: string | null;
  problems: Problem[];
}

const EXAMPLE = { year: "四位年份，如 2026", round: "测评名称，如 2026年度领导班子和领导干部考核" } as const;

export function parsePoliticalParameters(file: string, sheet: PlainSheet | null): PoliticalParameters {
  const result: PoliticalParameters = { year: null, round: null, unitCode: null, unitName: null, contact: null, phone: null, problems: [] };
  if (sheet === null) return result;
  const problems = readParameterRows(file, sheet, POLITICAL_PARAMETER_KEYS, EXAMPLE, ({ key, cell, ref, take, required }) => {
    switch (key) {
      case "year": {
        const year = take(readYear(cell));
        if (year !== null) result.year = { value: year, ref };
        else if (isBlank(cell)) required(EXAMPLE.year);
        break;
      }
      case "round": {
        const round = take(readText(cell));
        if (round !== null) result.round = { value: round, ref };
        else if (isBlank(cell)) required(EXAMPLE.round);
        break;
      }
      case "unitCode":
      case "unitName":
        readUnitRow({ key, cell, ref, take }, result);
        break;
      case "contact":
        result.contact = take(readText(cell));
        break;
      case "phone":
        result.phone = take(readText(cell));
        break;
    }
  });
  result.problems.push(...problems);
  return result;
}
