// Scores are filed as PostgreSQL `numeric` with their exact 2-decimal values (archive.md
// "Filing"): written from an Exact as fixed-point text, read back as text into an Exact. Never a
// binary float on the way, in either client (both return numeric as text: connection.ts).

import type { Exact } from "../domain/exact.js";
import { fixed, parseDecimal } from "../domain/exact.js";

/** `80.20` for the exact value 80.195 after rules.md's one rounding (fixed rounds half up). */
export function toNumeric(value: Exact): string {
  return fixed(value, 2);
}

export function toNumericOrNull(value: Exact | null | undefined): string | null {
  return value === null || value === undefined ? null : toNumeric(value);
}

/** The Exact of a numeric column's text; null for SQL NULL. */
export function fromNumeric(text: string | null): Exact | null {
  if (text === null) return null;
  const value = parseDecimal(text);
  if (value === null) throw new Error(`not a numeric value: ${text}`);
  return value;
}
