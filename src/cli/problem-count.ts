// The line that ends the problem table and follows a --json document on stderr (outputs.md
// "Problems"): apart from the table so that json-output.ts, loaded for every command, does without
// chalk.
import type { Problem } from "../domain/problem.js";

/** `共 2 个错误、1 个警告。` or `未发现问题。` */
export function problemCountLine(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return "未发现问题。";
  return `共 ${errors} 个错误、${warnings} 个警告。`;
}
