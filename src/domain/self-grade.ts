// The person's own 自评等次 (人员) beside the grade (workbook.md 个人小结, outputs.md 结果): where
// the two differ, which way. Only one of the four grades compares; 待定, no grade, or no 自评
// says nothing.

import { GRADES, type Grade, type Outcome } from "./labels.js";

export type SelfComparison = "same" | "higher" | "lower";
/** 自评与等次 (outputs.md 结果): the self-evaluation 高于 or 低于 the grade. */
export const SELF_COMPARISON_LABEL: Record<SelfComparison, string> = { same: "一致", higher: "高于", lower: "低于" };

/** How the self-evaluation stands to the grade; null without both a 自评 and one of the four grades. */
export function compareSelfGrade(self: Grade | null, grade: Outcome | null): SelfComparison | null {
  if (self === null || grade === null || grade === "pending") return null;
  // GRADES runs from 好 down to 较差: a smaller index is a higher grade
  const difference = GRADES.indexOf(grade) - GRADES.indexOf(self);
  return difference === 0 ? "same" : difference > 0 ? "higher" : "lower";
}
