// One evaluation workbook's plain cells → a checked PoliticalWorkbook (political.md "The input
// workbook"), read exactly as workbook.ts reads an appraisal workbook: sheets by name, 参数 and
// the units first, then 干部, then the sheets that name cadres, then the checks across sheets.
// Every problem is collected; a row that cannot be read is left out, and its problems say why.
//
// Decisions where the spec is silent:
// - The workbook is returned whenever its 年度 and 测评名称 could be read, errors or not, so
//   that `political` can list its units as in error.
// - Problems of a cadre's row name the cadre's unit, so that one unit's error does not hold back
//   the others of the workbook (outputs.md "a unit with an error is not evaluated; others go on").

import type { PoliticalUnit, PoliticalWorkbook } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { CADRES_SHEET, CLUES_SHEET, FORMS_SHEET, OBSERVATIONS_SHEET, TALKS_SHEET } from "../domain/political-sheets.js";
import type { CellRef } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { PARAMETERS_SHEET, UNITS_SHEET } from "../domain/sheets.js";
import type { PlainSheet, PlainWorkbook } from "../ooxml/plain.js";
import { findSheets } from "./find-header-row.js";
import { parseCadresSheet } from "./political-cadres.js";
import { parseFormsSheet } from "./political-forms.js";
import { parsePoliticalParameters, type PoliticalParameters } from "./political-parameters.js";
import { parseCluesSheet, parseObservationsSheet, parseTalksSheet } from "./political-records.js";
import { checkCadreReferences, checkCadresHaveForms } from "./political-references.js";
import { noUnitProblems, unitsSheetIfAny } from "./units.js";

export interface ParsedPoliticalWorkbook {
  file: string;
  workbook: PoliticalWorkbook | null;
  problems: Problem[];
  /** The 参数 cells of 年度 and 测评名称, for the checks across workbooks. */
  places: { year: CellRef | null; round: CellRef | null };
}

function readUnits(file: string, sheet: PlainSheet | null, parameters: PoliticalParameters): { units: PoliticalUnit[]; problems: Problem[] } {
  const parsed = unitsSheetIfAny(file, sheet);
  if (parsed) {
    return {
      units: parsed.units.map((u) => ({ code: u.code, name: u.name, contact: u.contact ?? parameters.contact, phone: u.phone ?? parameters.phone, ref: u.ref })),
      problems: parsed.problems,
    };
  }
  const { unitCode, unitName } = parameters;
  const problems = noUnitProblems(file, parameters);
  if (!unitCode) return { units: [], problems };
  return { units: [{ code: unitCode.value, name: unitName?.value ?? "", contact: parameters.contact, phone: parameters.phone, ref: unitCode.ref }], problems };
}

export function parsePoliticalWorkbook(plain: PlainWorkbook, rules: PoliticalRules): ParsedPoliticalWorkbook {
  const { file } = plain;
  const problems: Problem[] = [];
  const found = findSheets(plain, {
    parameters: PARAMETERS_SHEET,
    units: UNITS_SHEET,
    cadres: CADRES_SHEET,
    forms: FORMS_SHEET,
    clues: CLUES_SHEET,
    observations: OBSERVATIONS_SHEET,
    talks: TALKS_SHEET,
  });
  const { sheets } = found;
  problems.push(...found.problems);
  const parameters = parsePoliticalParameters(file, sheets.parameters);
  problems.push(...parameters.problems);
  const units = readUnits(file, sheets.units, parameters);
  problems.push(...units.problems);

  const cadres = sheets.cadres ? parseCadresSheet(file, sheets.cadres, units.units) : null;
  if (cadres) problems.push(...cadres.problems);
  const cadreList = cadres?.cadres ?? [];
  const unitById = new Map(cadreList.map((c) => [c.id, c.unitCode]));
  const only = units.units.length === 1 ? units.units[0]?.code : undefined;
  const unitOf = (id: string | null): string | undefined => {
    const code = id === null ? undefined : unitById.get(id);
    return code !== undefined && code !== "" ? code : only;
  };

  const forms = sheets.forms ? parseFormsSheet(file, sheets.forms, rules, unitOf) : null;
  const clues = sheets.clues ? parseCluesSheet(file, sheets.clues, rules, unitOf) : null;
  const observations = sheets.observations ? parseObservationsSheet(file, sheets.observations, unitOf) : null;
  const talks = sheets.talks ? parseTalksSheet(file, sheets.talks, unitOf) : null;
  for (const parsed of [forms, clues, observations, talks]) if (parsed) problems.push(...parsed.problems);

  if (cadres?.readable) {
    const references = [...(forms?.references ?? []), ...(clues?.references ?? []), ...(observations?.references ?? []), ...(talks?.references ?? [])];
    problems.push(...checkCadreReferences(cadreList, references, unitOf));
    if (forms && forms.rows > 0) {
      const named = new Set(forms.references.map((r) => r.cadreId));
      problems.push(...checkCadresHaveForms(cadreList, forms.forms, named, rules));
    }
  }

  const known = new Set(cadreList.map((c) => c.id));
  const year = parameters.year;
  const round = parameters.round;
  const workbook: PoliticalWorkbook | null =
    year && round
      ? {
          file,
          sha256: plain.sha256,
          year: year.value,
          round: round.value,
          contact: parameters.contact,
          phone: parameters.phone,
          units: units.units,
          cadres: cadreList,
          forms: (forms?.forms ?? []).filter((f) => known.has(f.cadreId)),
          clues: (clues?.records ?? []).filter((c) => known.has(c.cadreId)),
          observations: (observations?.records ?? []).filter((o) => known.has(o.cadreId)),
          talks: (talks?.records ?? []).filter((t) => known.has(t.cadreId)),
        }
      : null;
  return { file, workbook, problems, places: { year: year?.ref ?? null, round: round?.ref ?? null } };
}
