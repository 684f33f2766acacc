// `assess annual --db` (archive.md "Annual from the archive"): each unit's current filings of
// one year read back as the graded quarters the annual linkage takes from workbooks
// (domain/annual.ts AnnualQuarter): the same persons with the same kinds, statuses, totals and
// grades, and the 否决 events of each quarter. Units in code order, persons in roster order.

import type { FiledPerson } from "./filing-content.js";
import { type Period, periodText } from "../domain/model.js";
import type { AnnualQuarter } from "../domain/annual.js";
import type { Quarter } from "../domain/archive-window.js";
import type { Exact } from "../domain/exact.js";
import type { GradedPerson, GradedUnit } from "../domain/graded.js";
import type { Grade, Outcome } from "../domain/labels.js";
import { EVENT_KIND_LABEL, GRADE_LABEL, OUTCOME_LABEL, PERSON_KIND_LABEL, STATUS_LABEL, fromLabel } from "../domain/labels.js";
import { groupBy } from "../domain/model.js";
import type { Db } from "./connection.js";
import { fromNumeric } from "./numeric.js";

/** A filing the year is made of: its id (recorded with the annual result), unit and input files. */
export interface YearFiling {
  id: number;
  unitCode: string;
  quarter: Quarter;
  inputs: { file: string; sha256: string }[];
}

export interface FiledYear {
  quarters: AnnualQuarter[];
  filings: YearFiling[];
}

function label<K extends string>(table: Record<K, string>, value: string, column: string): K {
  const id = fromLabel(table, value);
  if (id === undefined) throw new Error(`archive column ${column} holds an unknown value: ${JSON.stringify(value)}`);
  return id;
}

function labelOrNull<K extends string>(table: Record<K, string>, value: string | null, column: string): K | null {
  return value === null ? null : label(table, value, column);
}

/** A score of a graded person: the tool files all five or none. */
function graded(text: string | null, column: string): Exact {
  const value = fromNumeric(text);
  if (value === null) throw new Error(`archive column filing_person.${column} is empty for a graded person`);
  return value;
}

/** A filed person as the year's linkage reads it: the columns of filing_person up to the rank. */
type PersonRow = Omit<FiledPerson, "seq" | "reasons" | "comment" | "goal" | "work"> & { filing_id: number };

export async function readFiledYear(db: Db, year: number): Promise<FiledYear> {
  const filings = await db.query<{
    id: number;
    unit_code: string;
    unit_name: string;
    parent_code: string | null;
    pool_code: string;
    quarter: number;
    inputs: { file: string; sha256: string }[];
  }>(
    `SELECT id, unit_code, unit_name, parent_code, pool_code, quarter, inputs FROM current_filing
      WHERE year = $1 ORDER BY quarter, unit_code`,
    [year],
  );
  const persons = await db.query<PersonRow>(
    `SELECT p.filing_id, p.person_id, p.name, p.department, p.post, p.kind, p.status, p.status_reason, p.window_post,
            p.self_grade, p.individual, p.common, p.bonus, p.deduction, p.score, p.band, p.computed, p.grade, p.rank
       FROM filing_person p JOIN current_filing f ON f.id = p.filing_id
      WHERE f.year = $1 ORDER BY p.filing_id, p.seq`,
    [year],
  );
  const vetoes = await db.query<{ quarter: number; person_id: string }>(
    `SELECT DISTINCT f.quarter, e.person_id FROM filing_event e JOIN current_filing f ON f.id = e.filing_id
      WHERE f.year = $1 AND e.kind = $2`,
    [year, EVENT_KIND_LABEL.veto],
  );
  const personsOf = groupBy(persons, (p) => p.filing_id);
  const quarters: AnnualQuarter[] = [];
  for (const [quarter, ofQuarter] of groupBy(filings, (f) => f.quarter as Quarter)) {
    const units = ofQuarter.map((filing): GradedUnit => {
      // Where a clerk is pointed in a message about this person: the filing, not a cell.
      const ref = { file: `档案 ${periodText({ year, quarter: quarter as Period["quarter"] })} ${filing.unit_name}`, sheet: "人员", cell: "", header: "人员编号" };
      return {
        unit: { code: filing.unit_code, name: filing.unit_name, parentCode: filing.parent_code, contact: null, phone: null, address: null, ref },
        poolCode: filing.pool_code,
        // Only final units are filed (archive.md "Filing").
        state: "final",
        persons: (personsOf.get(filing.id) ?? []).map((row): GradedPerson => {
          const score = fromNumeric(row.score);
          return {
            person: {
              unitCode: filing.unit_code,
              id: row.person_id,
              name: row.name,
              department: row.department,
              title: row.post,
              kind: label(PERSON_KIND_LABEL, row.kind, "filing_person.kind"),
              status: label(STATUS_LABEL, row.status, "filing_person.status"),
              statusReason: row.status_reason,
              window: row.window_post,
              selfGrade: labelOrNull<Grade>(GRADE_LABEL, row.self_grade, "filing_person.self_grade"),
              note: null,
              ref,
            },
            scores:
              score === null
                ? null
                : {
                    individual: graded(row.individual, "individual"),
                    common: graded(row.common, "common"),
                    bonus: graded(row.bonus, "bonus"),
                    deduction: graded(row.deduction, "deduction"),
                    total: score,
                  },
            band: labelOrNull<Grade>(GRADE_LABEL, row.band, "filing_person.band"),
            rank: row.rank,
            computed: labelOrNull<Outcome>(OUTCOME_LABEL, row.computed, "filing_person.computed"),
            grade: labelOrNull<Outcome>(OUTCOME_LABEL, row.grade, "filing_person.grade"),
            reasons: [],
          };
        }),
        changes: [],
      };
    });
    const vetoPersonIds = new Set(vetoes.filter((v) => v.quarter === quarter).map((v) => v.person_id));
    quarters.push({ quarter, units, vetoPersonIds });
  }
  return {
    quarters,
    filings: filings.map((f) => ({ id: f.id, unitCode: f.unit_code, quarter: f.quarter as Quarter, inputs: f.inputs })),
  };
}
