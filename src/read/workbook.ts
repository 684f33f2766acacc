// One workbook's plain cells → a checked AppraisalWorkbook (workbook.md, all of it): find the
// sheets, read 参数, 单位, 人员 and 指标 first (the other sheets are read against them), then the
// work list and the scoring sheets, then the checks across sheets. Every problem is collected;
// a row that cannot be read is left out of the workbook, and its problems say why.
//
// Decisions where the spec is silent:
// - The workbook is returned whenever its 年度 and 季度 could be read, errors or not, so that
//   `grade` can list its units as in error; without a period it is null (the problems remain).
// - An empty 单位 sheet counts as no 单位 sheet: the unit then comes from 参数.
// - When the 人员 sheet cannot be read, the other sheets' persons are not checked against it
//   (that would repeat one error on every row).

import { checkCoverage } from "../domain/check-coverage.js";
import { checkFilePeriod } from "../domain/check-file-period.js";
import { checkMonthlyRecords } from "../domain/check-monthly-records.js";
import { checkPersonReferences, isQuietReference, unitOfPerson } from "../domain/check-person-references.js";
import { checkUnitsHavePersons, type ParentLink } from "../domain/check-units.js";
import type { AppraisalWorkbook, Person, Unit } from "../domain/model.js";
import { isGraded } from "../domain/model.js";
import type { CellRef } from "../domain/model.js";
import type { Problem } from "../domain/problem.js";
import { problemAt } from "../domain/problem.js";
import type { Rules } from "../domain/rules.js";
import {
  COMMON_SHEET,
  DECISIONS_SHEET,
  EVENTS_SHEET,
  INDICATORS_SHEET,
  INDIVIDUAL_SHEET,
  PARAMETERS_SHEET,
  PERSONS_SHEET,
  SUMMARIES_SHEET,
  UNITS_SHEET,
  WORK_LIST_SHEET,
} from "../domain/sheets.js";
import { findSheets } from "./find-header-row.js";
import type { PlainSheet, PlainWorkbook } from "../ooxml/plain.js";
import { parseDecisionsSheet } from "./decisions.js";
import { parseEventsSheet } from "./events.js";
import { parseIndicatorsSheet, type ParsedIndicators } from "./indicators.js";
import { parseIndividualScoresSheet } from "./individual-scores.js";
import { type ParsedParameters, parseParameters } from "./parameters.js";
import { parseSummariesSheet } from "./personal-summaries.js";
import { checkNoticeCalendar } from "../domain/check-notice-calendar.js";
import { parsePersonsSheet } from "./persons.js";
import { parseRatingsSheet } from "./ratings.js";
import type { SheetContext } from "./rows.js";
import { noUnitProblems, unitsSheetIfAny } from "./units.js";
import { parseWorkListSheet } from "./work-list.js";
import { SharedValues } from "./share-values.js";

export interface ParsedWorkbook {
  file: string;
  /** Null when the period could not be read; otherwise every row that could be read. */
  workbook: AppraisalWorkbook | null;
  problems: Problem[];
  /** The 参数 cells of 年度 and 季度, for the checks across workbooks. */
  places: { year: CellRef | null; quarter: CellRef | null };
  /** Each unit's 主管单位代码, checked against the whole run. */
  parents: ParentLink[];
}

/** The units of a workbook: its 单位 sheet, or the one unit named in 参数 (workbook.md). */
function readUnits(
  file: string,
  sheet: PlainSheet | null,
  parameters: ParsedParameters,
): { units: Unit[]; parents: ParentLink[]; problems: Problem[] } {
  const parsed = unitsSheetIfAny(file, sheet);
  if (parsed) {
    const problems = [...parsed.problems];
    const named = parameters.unitCode;
    if (named && parsed.units.length > 0 && !parsed.units.some((u) => u.code === named.value)) {
      problems.push(
        problemAt(
          named.ref,
          "warning",
          "W_PARAMETER_UNIT",
          named.value,
          `${named.ref.sheet}!${named.ref.cell}「单位代码」“${named.value}”不在“单位”工作表中。有“单位”工作表时，单位以该表为准，参数表中的单位代码不读取。`,
        ),
      );
    }
    return { units: parsed.units, parents: parsed.parents, problems };
  }
  const { unitCode, unitName, parentCode, settings } = parameters;
  const problems = noUnitProblems(file, parameters);
  if (!unitCode) return { units: [], parents: [], problems };
  const unit: Unit = {
    code: unitCode.value,
    name: unitName?.value ?? "",
    parentCode: parentCode?.value ?? null,
    contact: settings.contact,
    phone: settings.phone,
    address: settings.address,
    ref: unitCode.ref,
  };
  const parents = parentCode ? [{ unitCode: unit.code, parentCode: parentCode.value, ref: parentCode.ref }] : [];
  return { units: [unit], parents, problems };
}

function sheetContext(file: string, persons: readonly Person[], units: readonly Unit[], personsReadable: boolean): SheetContext {
  const byId = new Map(persons.map((p) => [p.id, p]));
  return {
    file,
    unitOf: unitOfPerson(persons, units),
    // Without a readable roster nobody is known; rows are still looked at for their own cells.
    known: (id) => !personsReadable || byId.has(id),
    graded: (id) => {
      const person = byId.get(id);
      return person ? isGraded(person) : !personsReadable;
    },
    // Without a readable roster the references are not checked at all (parseWorkbook).
    quiet: (reference) => personsReadable && isQuietReference(byId.get(reference.personId), reference),
  };
}

const NO_INDICATORS: ParsedIndicators = { indicators: [], names: new Set(), complete: false, problems: [] };

/**
 * `afterSheet`, if given, is told how many rows each sheet of rows (工作清单 to 审定) had, once
 * the sheet is parsed: the caller may collect garbage between large sheets (run/memory.ts).
 */
export function parseWorkbook(
  plain: PlainWorkbook,
  rules: Pick<Rules, "raterWeights" | "windowRaterWeights" | "notice" | "calendar">,
  shared: SharedValues = new SharedValues(),
  afterSheet?: (rows: number) => void,
): ParsedWorkbook {
  const { file } = plain;
  const problems: Problem[] = [];
  const found = findSheets(plain, {
    parameters: PARAMETERS_SHEET,
    units: UNITS_SHEET,
    persons: PERSONS_SHEET,
    indicators: INDICATORS_SHEET,
    workList: WORK_LIST_SHEET,
    summaries: SUMMARIES_SHEET,
    individual: INDIVIDUAL_SHEET,
    common: COMMON_SHEET,
    events: EVENTS_SHEET,
    decisions: DECISIONS_SHEET,
  });
  const { sheets } = found;
  problems.push(...found.problems);

  const parameters = parseParameters(file, sheets.parameters);
  problems.push(...parameters.problems);
  const units = readUnits(file, sheets.units, parameters);
  problems.push(...units.problems);

  const persons = sheets.persons ? parsePersonsSheet(file, sheets.persons, units.units) : null;
  if (persons) problems.push(...persons.problems);
  const personList = persons?.persons ?? [];
  const personsReadable = persons?.readable ?? false;

  const indicators = sheets.indicators ? parseIndicatorsSheet(file, sheets.indicators) : NO_INDICATORS;
  problems.push(...indicators.problems);

  const context = sheetContext(file, personList, units.units, personsReadable);
  const parsedSheet = <T>(sheet: PlainSheet | null, parse: (sheet: PlainSheet) => T): T | null => {
    if (sheet === null) return null;
    const parsed = parse(sheet);
    afterSheet?.(sheet.rowCount);
    return parsed;
  };
  const workList = parsedSheet(sheets.workList, (sheet) => parseWorkListSheet(context, sheet, parameters.period));
  const summaries = parsedSheet(sheets.summaries, (sheet) => parseSummariesSheet(context, sheet, parameters.period));
  const individual = parsedSheet(sheets.individual, (sheet) => parseIndividualScoresSheet(context, sheet, indicators));
  const ratings = parsedSheet(sheets.common, (sheet) => parseRatingsSheet(context, sheet, indicators, shared));
  const events = parsedSheet(sheets.events, (sheet) => parseEventsSheet(context, sheet));
  const decisions = parsedSheet(sheets.decisions, (sheet) => parseDecisionsSheet(context, sheet));
  for (const parsed of [workList, summaries, individual, ratings, events, decisions]) if (parsed) problems.push(...parsed.problems);

  if (personsReadable) {
    const references = [workList, summaries, individual, ratings, events, decisions].flatMap((parsed) => parsed?.references ?? []);
    problems.push(...checkPersonReferences(personList, units.units, references));
    problems.push(
      ...checkCoverage(
        personList,
        { file, individual: individual?.presence ?? null, ratings: ratings?.presence ?? null, workItems: workList?.presence ?? null },
        rules,
      ),
    );
    if (workList && parameters.period) problems.push(...checkMonthlyRecords(file, parameters.period, personList, workList.items));
    // A person whose unit could not be read has an error already; "no person" would mislead.
    if (personList.every((p) => p.unitCode !== "")) problems.push(...checkUnitsHavePersons(units.units, personList));
  }

  const { period, places } = parameters;
  if (period && places.year && places.quarter) problems.push(...checkFilePeriod(file, period, { year: places.year, quarter: places.quarter }));
  const noticeStart = parameters.settings.noticeStart;
  if (noticeStart !== null && places.noticeStart) problems.push(...checkNoticeCalendar(noticeStart, places.noticeStart, rules));

  const known = new Set(personList.map((p) => p.id));
  const workbook: AppraisalWorkbook | null = period
    ? {
        file,
        sha256: plain.sha256,
        period,
        settings: parameters.settings,
        units: units.units,
        persons: personList,
        indicators: indicators.indicators,
        // Rows of persons not in 人员 are errors (check-person-references.ts) and are left out.
        workItems: (workList?.items ?? []).filter((item) => known.has(item.personId)),
        summaries: (summaries?.summaries ?? []).filter((summary) => known.has(summary.personId)),
        individualScores: (individual?.scores ?? []).filter((s) => known.has(s.personId)),
        ratings: (ratings?.ratings ?? []).filter((r) => known.has(r.personId)),
        events: (events?.events ?? []).filter((e) => known.has(e.personId)),
        decisions: (decisions?.decisions ?? []).filter((d) => known.has(d.personId)),
      }
    : null;
  return { file, workbook, problems, places, parents: units.parents };
}
