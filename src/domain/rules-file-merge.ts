// A rules file merged over the defaults, and the canonical JSON of the merged file whose SHA-256
// every output records. Pure: the caller hashes (the domain has no crypto).

import { POLITICAL_REPLACED_WHOLE } from "./political-rules.js";

// ---------------------------------------------------------------------------------------------
// Merging a partial file over the defaults.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Keys whose value a file replaces whole, though it is an object (rules.md "The rules file"). */
const REPLACED_WHOLE = new Set<string>(["unitOverrides", ...POLITICAL_REPLACED_WHOLE]);

function mergeAt(key: string, base: unknown, given: unknown): unknown {
  if (given === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(given) || REPLACED_WHOLE.has(key)) return given;
  const keys = [...new Set([...Object.keys(base), ...Object.keys(given)])];
  // fromEntries defines own properties, so a "__proto__" key stays a key (and is then reported).
  return Object.fromEntries(
    keys.map((k) => [
      k,
      mergeAt(key === "" ? k : `${key}.${k}`, Object.hasOwn(base, k) ? base[k] : undefined, Object.hasOwn(given, k) ? given[k] : undefined),
    ]),
  );
}

/**
 * A rules file over the defaults: objects merged key by key (`{"notice": {"days": 3}}` keeps the
 * other notice settings); arrays and `unitOverrides` replace the default whole. Not checked here.
 */
export function mergeRulesFile(defaults: unknown, given: unknown): unknown {
  return mergeAt("", defaults, given);
}

// ---------------------------------------------------------------------------------------------
// Canonical JSON, for the SHA-256 every output records (rules.md; outputs.md 规则 sheet).

/** JSON with object keys sorted at every depth and no whitespace: equal rules, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
