// The evaluation workbook's 参数 sheet (political.md): 项目 and 内容, one setting a row: 年度 and
// 测评名称 (required), the unit when there is no 单位 sheet, the contact. Read as parameters.ts
// reads the appraisal workbook's 参数 (same header finding, same cell reads, same problems).

import type { CellRef } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { POLITICAL_PARAMETER_KEYS } from "../domain/political-sheets.js";
import { PARAMETERS_SHEET } from "../domain/sheets.js";
import type { PlainSheet } from "../ooxml/plain.js";
import { cellAddress } from "../ooxml/plain.js";
import { dataRows, findHeaderRow, sheetProblem } from "./find-header-row.js";
import type { CellRead } from "./normalise-cell.js";
import { cellText, isBlank, normaliseHeader, readId, readText, readYear } from "./normalise-cell.js";
import { faultProblem } from "./rows.js";
import type { Setting } from "./parameters.js";

type Key = keyof typeof POLITICAL_PARAMETER_KEYS;

export interface PoliticalParameters {
  year: Setting<number> | null;
  round: Setting<string> | null;
  unitCode: Setting<string> | null;
  unitName: Setting<string> | null;
  contact: string | null;
  phone: string | null;
  problems: Problem[];
}

const SHEET = PARAMETERS_SHEET.name;
const KEY_BY_LABEL = new Map<string, Key>((Object.entries(POLITICAL_PARAMETER_KEYS) as [Key, string][]).map(([k, label]) => [label, k]));
const EXAMPLE = { year: "四位年份，如 2026", round: "测评名称，如 2026年度领导班子和领导干部考核" } as const;

export function parsePoliticalParameters(file: string, sheet: PlainSheet | null): PoliticalParameters {
  const result: PoliticalParameters = { year: null, round: null, unitCode: null, unitName: null, contact: null, phone: null, problems: [] };
  if (sheet === null) return result;
  const found = findHeaderRow(file, SHEET, sheet, { required: ["项目", "内容"], isKnown: (h) => h === "项目" || h === "内容" });
  result.problems.push(...found.problems);
  const layout = found.value;
  if (!layout) return result;
  const itemColumn = layout.columns.get("项目") ?? 0;
  const contentColumn = layout.columns.get("内容") ?? 0;
  const seen = new Map<Key, string>();

  for (const row of dataRows(layout)) {
    const label = cellText(sheet.cell(row, itemColumn));
    const itemCell = cellAddress(row, itemColumn);
    if (label === "") continue;
    const key = KEY_BY_LABEL.get(normaliseHeader(label));
    if (key === undefined) {
      result.problems.push(
        sheetProblem(
          file,
          SHEET,
          "W_UNKNOWN_PARAMETER",
          `${SHEET}!${itemCell}「项目」“${label}”不是参数表的项目，这一行不读取。可用的项目：${Object.values(POLITICAL_PARAMETER_KEYS).join("、")}。`,
          { cell: itemCell, header: "项目", value: label },
        ),
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      result.problems.push(
        sheetProblem(file, SHEET, "E_DUPLICATE_PARAMETER", `${SHEET}!${itemCell}：项目“${POLITICAL_PARAMETER_KEYS[key]}”已在 ${first} 填写过，每个项目只能有一行。请删除多余的一行。`, {
          cell: itemCell,
          header: "项目",
          value: label,
        }),
      );
      continue;
    }
    seen.set(key, itemCell);
    const ref: CellRef = { file, sheet: SHEET, cell: cellAddress(row, contentColumn), header: POLITICAL_PARAMETER_KEYS[key] };
    const cell = sheet.cell(row, contentColumn);
    const take = <T>(read: CellRead<T | null>): T | null => {
      if (read.ok) return read.value;
      result.problems.push(faultProblem(ref, read.fault));
      return null;
    };
    const required = (what: string): void => {
      result.problems.push(sheetProblem(file, SHEET, "E_REQUIRED", `${SHEET}!${ref.cell}「${ref.header}」没有填写，请填写${what}。`, { cell: ref.cell, header: ref.header }));
    };
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
      case "unitCode": {
        const value = take(readId(cell));
        if (value !== null) result.unitCode = { value, ref };
        break;
      }
      case "unitName": {
        const value = take(readText(cell));
        if (value !== null) result.unitName = { value, ref };
        break;
      }
      case "contact":
        result.contact = take(readText(cell));
        break;
      case "phone":
        result.phone = take(readText(cell));
        break;
    }
  }
  for (const key of ["year", "round"] as const) {
    if (seen.has(key)) continue;
    result.problems.push(
      sheetProblem(
        file,
        SHEET,
        "E_REQUIRED",
        `“${SHEET}”工作表中没有“${POLITICAL_PARAMETER_KEYS[key]}”一行。请添加一行：项目填“${POLITICAL_PARAMETER_KEYS[key]}”，内容填${EXAMPLE[key]}。`,
        { header: POLITICAL_PARAMETER_KEYS[key] },
      ),
    );
  }
  return result;
}
