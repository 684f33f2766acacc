// `assess template --political [--units F] [--roster F] [--year Y] [--round NAME] [--rules F]
// [--out DIR] [--force]` (political.md): the evaluation workbooks units fill in. Without a unit
// list or a roster, one blank workbook; with them, one per unit, its 干部 sheet pre-filled from a
// roster of leading cadres (columns as the 干部 sheet), read and checked by the parsers of
// `political`, so that a bad row gets the same cell-precise problem. Returns; never prints.
//
// Decisions where the spec is silent:
// - Files are named `{年度}_{单位代码}_{单位名称}_政治素质测评填报.xlsx`; unknown parts left out.
// - --out defaults to `{年度}_政治素质测评模板` (or `政治素质测评模板`) in the current folder.
// - --round fills 测评名称; without it the clerk writes it.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Problem, hasErrors, sortProblems } from "../domain/problem.js";
import type { Cadre, PoliticalUnit } from "../domain/political-model.js";
import { politicalRulesOf } from "../domain/political-rules.js";
import { CADRES_SHEET } from "../domain/political-sheets.js";
import { UNITS_SHEET } from "../domain/sheets.js";
import { writePoliticalTemplate } from "../build/political-template.js";
import { loadRules } from "../read/load-rules.js";
import { readYear } from "../read/normalise-cell.js";
import { parseCadresSheet } from "../read/political-cadres.js";
import { parseUnitsSheet } from "../read/units.js";
import { TEMPLATES_DIR } from "../build/wording-templates.js";
import { UsageError } from "../domain/usage-error.js";
import { safeNamePart } from "../build/output-names.js";
import { openOutputs } from "../run/write-outputs.js";
import { type InputSheet, type TemplateResult, readInputSheet } from "./template.js";

export const POLITICAL_INSTRUCTIONS = "political-instructions.txt";

export interface PoliticalTemplateOptions {
  unitsPath?: string;
  rosterPath?: string;
  year?: string;
  round?: string;
  rulesPath?: string;
  outDir?: string;
  force: boolean;
  templatesDir?: string;
}

export function politicalTemplateName(year: number | null, unit: { code: string; name: string } | null): string {
  const parts: string[] = [];
  if (year !== null) parts.push(String(year));
  if (unit && unit.code !== "") parts.push(safeNamePart(unit.code));
  if (unit && unit.name !== "") parts.push(safeNamePart(unit.name));
  parts.push("政治素质测评填报.xlsx");
  return parts.join("_");
}

function yearOf(flag: string | undefined): number | null {
  if (flag === undefined) return null;
  const read = readYear({ kind: "text", text: flag });
  if (!read.ok || read.value === null) throw new UsageError(`--year 应为四位数的年度，如 2026，现为“${flag}”。`);
  return read.value;
}

async function sheetOrProblems(file: string | undefined, name: string): Promise<InputSheet | Problem[] | null> {
  if (file === undefined) return null;
  const read = await readInputSheet(file, name);
  return "unreadable" in read ? read.unreadable : read;
}

export async function makePoliticalTemplates(options: PoliticalTemplateOptions): Promise<TemplateResult> {
  const year = yearOf(options.year);
  const round = options.round?.trim() || null;
  const loaded = await loadRules(options.rulesPath);
  if (loaded.value === null) return { exitCode: 2, outDir: null, written: [], units: [], problems: sortProblems(loaded.problems) };
  const rules = politicalRulesOf(loaded.value.json);
  const dir = options.templatesDir ?? TEMPLATES_DIR;
  let instructions: string;
  try {
    instructions = (await readFile(path.join(dir, POLITICAL_INSTRUCTIONS), "utf8")).replace(/^\uFEFF/, "");
  } catch {
    throw new UsageError(`读不到填写说明模板 ${POLITICAL_INSTRUCTIONS}；请从安装包恢复 templates/${POLITICAL_INSTRUCTIONS}。`);
  }
  const outDir = options.outDir ?? (year === null ? "政治素质测评模板" : `${year}_政治素质测评模板`);

  const unitsSheet = await sheetOrProblems(options.unitsPath, UNITS_SHEET.name);
  const rosterSheet = await sheetOrProblems(options.rosterPath, CADRES_SHEET.name);
  const unreadable = [unitsSheet, rosterSheet].flatMap((s) => (Array.isArray(s) ? s : []));
  if (unreadable.length > 0) return { exitCode: 2, outDir: null, written: [], units: [], problems: sortProblems(unreadable) };

  const problems: Problem[] = [];
  let units: PoliticalUnit[] = [];
  const units_ = unitsSheet as InputSheet | null;
  const roster = rosterSheet as InputSheet | null;
  if (units_) {
    problems.push(...units_.problems);
    if (units_.sheet) {
      const parsed = parseUnitsSheet(units_.file, units_.sheet, units_.sheetName);
      problems.push(...parsed.problems);
      units = parsed.units.map((u) => ({ code: u.code, name: u.name, contact: u.contact, phone: u.phone, ref: u.ref }));
    }
  }
  let cadres: Cadre[] = [];
  if (roster) {
    problems.push(...roster.problems);
    if (roster.sheet) {
      const parsed = parseCadresSheet(roster.file, roster.sheet, units);
      problems.push(...parsed.problems);
      cadres = parsed.cadres;
      if (!units_) {
        const codes = [...new Set(cadres.map((c) => c.unitCode))];
        units = codes.map((code) => ({ code, name: "", contact: null, phone: null, ref: { file: "", sheet: "", cell: "", header: "" } }));
      }
    }
  }
  const sorted = sortProblems(problems);
  const blank = units.length === 0;
  const planned = blank ? [{ unit: null, name: politicalTemplateName(year, null) }] : units.map((u) => ({ unit: u, name: politicalTemplateName(year, u) }));
  if (hasErrors(sorted)) return { exitCode: 1, outDir: null, written: [], units: units.map((u) => ({ code: u.code, name: u.name, file: null })), problems: sorted };
  const writer = await openOutputs(outDir, planned.map((p) => p.name), { force: options.force });
  const written: string[] = [];
  for (const { unit, name } of planned) {
    const own = unit === null ? [] : cadres.filter((c) => c.unitCode === unit.code);
    const bytes = await writePoliticalTemplate({ year, round, unit: unit && unit.code !== "" ? unit : null, cadres: own, rules, instructions });
    written.push(await writer.write({ name, bytes }));
  }
  await writer.finish();
  return {
    exitCode: 0,
    outDir,
    written,
    units: planned.flatMap((p, i) => (p.unit ? [{ code: p.unit.code, name: p.unit.name, file: written[i] ?? null }] : [])),
    problems: sorted,
  };
}
