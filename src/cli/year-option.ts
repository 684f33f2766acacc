// --year (annual): the year whose quarters are summed, as workbook.md writes a 年度.
import { UsageError } from "../domain/usage-error.js";

/** --year as workbook.md's 年度: four digits, 2000-2100. */
export function parseYear(text: string): number {
  const trimmed = text.trim();
  const year = Number(trimmed);
  if (!/^\d{4}$/.test(trimmed) || year < 2000 || year > 2100) {
    throw new UsageError(`--year 应为 2000 至 2100 之间的四位年度，如 2026；现在是“${text}”。`);
  }
  return year;
}
