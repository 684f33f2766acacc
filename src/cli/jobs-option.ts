// --jobs (grade, validate): how many worker threads read workbooks and build units at once.
import { defaultJobs } from "../run/default-jobs.js";
import { UsageError } from "../domain/usage-error.js";

export const JOBS_DEFAULT = String(defaultJobs());
/** More threads than this only add memory: the work is bounded by the machine's cores. */
const MAX_JOBS = 64;

export function parseJobs(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_JOBS) {
    throw new UsageError(`--jobs 应为 1 至 ${MAX_JOBS} 之间的整数（1 表示不另开线程）；现在是“${text}”。`);
  }
  return value;
}
