// Cells of an output sheet that show an exact number (domain/exact.ts), rounded half up once,
// where the sheet is built: the xlsx writer itself knows nothing of our numbers.

import type { Exact } from "../domain/exact.js";
import { toNumber } from "../domain/exact.js";
import { BLANK, type SheetCell } from "../ooxml/write-xlsx.js";

/** A score: rounded half up to 2 decimals exactly (rules.md "Arithmetic"), shown as 0.00. */
export function decimalCell(value: Exact | null | undefined): SheetCell {
  return value ? { kind: "decimal", value: toNumber(value, 2) } : BLANK;
}

/** A share, rounded half up to 0.01 % (4 decimals of the fraction). */
export function percentCell(value: Exact | null | undefined): SheetCell {
  return value ? { kind: "percent", value: toNumber(value, 4) } : BLANK;
}
