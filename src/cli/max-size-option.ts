// --max-size (workbook.md "Files that cannot be read"): the most a workbook's parts may inflate to.
import { UsageError } from "../domain/usage-error.js";

export const MAX_SIZE_DEFAULT_MIB = "256";

export function parseMaxSize(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--max-size 应为大于 0 的数（单位 MiB），如 512；现在是“${text}”。`);
  }
  return value;
}
