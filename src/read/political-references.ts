// Every 人员编号 used in the evaluation workbook's other sheets is in 干部 with the same 姓名
// (political.md "Every 人员编号 used is in 干部 with the same 姓名"), and, when 双向测评 has
// rows, every cadre has a form counted in a group weighing above zero.

import { sameName } from "../domain/check-person-references.js";
import { compare, ZERO } from "../domain/exact.js";
import type { Cadre, PoliticalForm } from "../domain/political-model.js";
import type { PoliticalRules } from "../domain/political-rules.js";
import { FORMS_SHEET } from "../domain/political-sheets.js";
import type { CellRef } from "../domain/model.js";
import { type Problem, problemAt } from "../domain/problem.js";

export interface CadreReference {
  cadreId: string;
  name: string | null;
  idRef: CellRef;
  nameRef: CellRef | null;
}

const at = (ref: CellRef): string => `${ref.sheet}!${ref.cell}「${ref.header}」`;

export function checkCadreReferences(
  cadres: readonly Cadre[],
  references: readonly CadreReference[],
  unitOf: (cadreId: string | null) => string | undefined,
): Problem[] {
  const byId = new Map(cadres.map((c) => [c.id, c]));
  const problems: Problem[] = [];
  const push = (problem: Problem, cadreId: string | null): void => {
    const unit = unitOf(cadreId);
    problems.push(unit === undefined ? problem : { ...problem, unit });
  };
  for (const ref of references) {
    const cadre = byId.get(ref.cadreId);
    if (!cadre) {
      push(
        problemAt(ref.idRef, "error", "E_UNKNOWN_PERSON", ref.cadreId, `${at(ref.idRef)}“${ref.cadreId}”不在“干部”工作表中。请核对编号，或先把这位干部加入“干部”工作表。`),
        null,
      );
      continue;
    }
    if (ref.name !== null && ref.nameRef !== null && !sameName(ref.name, cadre.name)) {
      push(
        problemAt(
          ref.nameRef,
          "error",
          "E_NAME_MISMATCH",
          ref.name,
          `${at(ref.nameRef)}填写了“${ref.name}”，但人员编号 ${cadre.id} 在“干部”工作表（${cadre.ref.sheet}!${cadre.ref.cell}）中是“${cadre.name}”。请核对编号和姓名。`,
        ),
        cadre.id,
      );
    }
  }
  return problems;
}

/**
 * With rows in 双向测评, a cadre without a form is an error at their 干部 row, and so is one whose
 * forms are all in groups weighing 0 (no aspect score could be had). `formRows`: the cadres named
 * by any row of the sheet, read or not (a row with an error is not a missing form).
 */
export function checkCadresHaveForms(
  cadres: readonly Cadre[],
  forms: readonly PoliticalForm[],
  formRows: ReadonlySet<string>,
  rules: Pick<PoliticalRules, "raterGroups">,
): Problem[] {
  const weighted = new Set(rules.raterGroups.filter((g) => compare(g.weight, ZERO) > 0).map((g) => g.name));
  const counted = new Set(forms.filter((f) => weighted.has(f.group)).map((f) => f.cadreId));
  const problems: Problem[] = [];
  for (const cadre of cadres) {
    if (!formRows.has(cadre.id)) {
      problems.push({
        ...problemAt(
          cadre.ref,
          "error",
          "E_NO_FORMS",
          cadre.id,
          `${at(cadre.ref)}：${cadre.name}在“${FORMS_SHEET.name}”工作表中没有测评表。请补上对其的测评表，或从“干部”工作表中删除这一行。`,
        ),
        unit: cadre.unitCode || undefined,
      } as Problem);
    } else if (!counted.has(cadre.id) && forms.some((f) => f.cadreId === cadre.id)) {
      problems.push({
        ...problemAt(
          cadre.ref,
          "error",
          "E_NO_WEIGHTED_FORM",
          cadre.id,
          `${at(cadre.ref)}：${cadre.name}的测评表都来自权重为 0 的测评人类别，算不出得分。请补上${[...weighted].join("、")}的测评表。`,
        ),
        unit: cadre.unitCode || undefined,
      } as Problem);
    }
  }
  return problems;
}
