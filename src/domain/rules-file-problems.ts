// A rules file's problems, from zod's issues: each names the key (`weights.common`), what it
// should hold and what was found, in the words of the person who edits the file (E_RULES).

import type * as z from "zod";
import type { Problem } from "./problem.js";
import { DEFAULT_RULES_FILE } from "./rules-file-defaults.js";
import { isPlainObject } from "./rules-file-merge.js";
import { EXPECT } from "./rules-file-blocks.js";

// ---------------------------------------------------------------------------------------------
// Problems from zod's issues.

/** `weights.common`, `indicators[2].max`: a key path as the editor of the file sees it. */
export function keyPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (!/^[^.\s[\]"]+$/.test(String(part))) text += `[${JSON.stringify(String(part))}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** The keys the defaults allow where a path points, for the message about an unknown key. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  // unitOverrides is empty by default; each of its entries allows goodRatio only.
  if (path[0] === "unitOverrides" && path.length === 2) return ["goodRatio"];
  let node: unknown = DEFAULT_RULES_FILE;
  for (const part of path) {
    if (Array.isArray(node)) node = node[0];
    else node = isPlainObject(node) && Object.hasOwn(node, String(part)) ? node[String(part)] : undefined;
  }
  return isPlainObject(node) ? Object.keys(node) : [];
}

function rulesProblem(source: string | null, path: readonly PropertyKey[], value: string, message: string): Problem {
  return {
    severity: "error",
    code: "E_RULES",
    file: source ?? "",
    sheet: "",
    cell: "",
    header: keyPath(path),
    value,
    message,
  };
}

export function issueProblems(issue: z.core.$ZodIssue, source: string | null): Problem[] {
  const key = keyPath(issue.path);
  const where = key === "" ? "规则文件" : `规则文件「${key}」`;
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeys(issue.path);
    return issue.keys.map((unknownKey) => {
      const path = [...issue.path, unknownKey];
      return rulesProblem(
        source,
        path,
        "",
        `规则文件中没有「${keyPath(path)}」这一项，请删去或改正拼写` +
          (allowed.length > 0 ? `（此处可用：${allowed.join("、")}）。` : "。"),
      );
    });
  }
  if (issue.code === "custom" && issue.params?.sentence === true) {
    return [rulesProblem(source, issue.path, shown(issue.input), `${where}${issue.message}`)];
  }
  if (issue.code === "invalid_key") {
    return [rulesProblem(source, issue.path, shown(issue.input), `${where}的键${EXPECT.unitCode}，现为 ${shown(issue.input)}。`)];
  }
  if (issue.input === undefined) {
    return [rulesProblem(source, issue.path, "", `规则文件缺少「${key}」，${issue.message}。`)];
  }
  // "0.7" in quotes is text to JSON: the commonest slip when a number is typed by hand.
  const quoted =
    issue.code === "invalid_type" && typeof issue.input === "string" && (issue.expected === "number" || issue.expected === "int")
      ? "（数字不要加引号）"
      : "";
  return [
    rulesProblem(source, issue.path, shown(issue.input), `${where}${issue.message}，现为 ${shown(issue.input)}${quoted}。`),
  ];
}
