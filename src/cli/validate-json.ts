// The --json document of validate (outputs.md "JSON"): what `assess validate --json` prints, made
// from the command's result; the tests read it through this same function.

import { TOOL_NAME, TOOL_VERSION } from "../build/tool-version.js";
import type { ValidateResult } from "../commands/validate.js";
import { type ProblemRecord, problemRecord } from "./problem-table.js";

export interface ValidateJson {
  tool: string;
  version: string;
  command: "validate";
  valid: boolean;
  year: number | null;
  quarter: number | null;
  rulesSha256: string | null;
  files: ValidateResult["files"];
  units: ValidateResult["units"];
  problems: ProblemRecord[];
}

export function validateJson(result: ValidateResult): ValidateJson {
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    command: "validate",
    valid: result.exitCode === 0,
    year: result.period?.year ?? null,
    quarter: result.period?.quarter ?? null,
    rulesSha256: result.rules?.sha256 ?? null,
    files: result.files,
    units: result.units,
    problems: result.problems.map(problemRecord),
  };
}
