// The house rules of src/ (README "代码地图"), checked by `npm test` before the tests run:
//
// 1. No import cycles, type imports included: every module can be read knowing only what it
//    imports.
// 2. Folders import one way only, each from the folders below it:
//      domain  ← nothing of ours (pure rules: no fs, no clock)
//      ooxml   ← nothing of ours (zip, xlsx and docx bytes: no domain)
//      read    ← domain, ooxml
//      build   ← domain, ooxml, read
//      run     ← domain, ooxml, read, build
//      archive ← domain, ooxml, read, build, run (the growth archive, issue 12)
//      commands← domain, ooxml, read, build, run, archive
//      cli     ← all of them
//    New evaluations (the political one, issue 13) live in these rooms under a prefix of their
//    own (domain/political-*, read/political-*, build/political-*), not in a folder of their own.
// 3. `process`, `console`, chalk and ora are touched in src/cli only (the commands return what
//    happened; the CLI decides how to show it).
//
// Plain JavaScript on the TypeScript sources, so that it needs no build and no dependency:
// `import … from "…"`, `export … from "…"` and `import("…")` with a relative path are the edges.
// Prints every breach and exits 1, or prints one line and exits 0.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(root, "src");

/** Folder → the folders of ours it may import from (besides itself). */
export const MAY_IMPORT = {
  domain: [],
  ooxml: [],
  read: ["domain", "ooxml"],
  build: ["domain", "ooxml", "read"],
  run: ["domain", "ooxml", "read", "build"],
  archive: ["domain", "ooxml", "read", "build", "run"],
  commands: ["domain", "ooxml", "read", "build", "run", "archive"],
  cli: ["domain", "ooxml", "read", "build", "run", "archive", "commands"],
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
const GLOBALS = /(?<![\w.$])(process|console)\s*\.|from\s+["'](node:process|chalk|ora)["']/g;

/**
 * The one module outside src/cli that may ask `process` (never console, chalk or ora), and why:
 * an embedded archive's lock file names the process holding it (process.pid), and a lock whose
 * process is gone (process.kill(pid, 0)) is stale and taken over (archive.md).
 */
const PROCESS_ALLOWED = new Set(["src/archive/folder-lock.ts"]);

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** A file's text without its comments, so that a comment naming `process.exit` is no breach. */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

export function checkImports() {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const edges = new Map();
  const breaches = [];
  const folderOf = (file) => relative(SRC, file).split(sep)[0];
  for (const file of files) {
    const text = code(readFileSync(file, "utf8"));
    const targets = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      const name = relative(root, file);
      if (!known.has(target)) {
        breaches.push(`${name}: imports ${spec}, which is not a module of src/`);
        continue;
      }
      targets.push(target);
      const from = folderOf(file);
      const to = folderOf(target);
      const allowed = MAY_IMPORT[from];
      if (allowed === undefined) breaches.push(`${name}: src/${from}/ is not a folder of the house rules (scripts/check-imports.mjs)`);
      else if (from !== to && !allowed.includes(to)) breaches.push(`${name}: src/${from}/ may not import src/${to}/ (${spec})`);
    }
    edges.set(file, targets);
    if (folderOf(file) !== "cli") {
      for (const match of text.matchAll(GLOBALS)) {
        if (match[1] === "process" && PROCESS_ALLOWED.has(relative(root, file))) continue;
        breaches.push(`${relative(root, file)}: uses ${match[1] ?? match[2]} outside src/cli`);
      }
    }
  }
  // Cycles: a depth-first walk; a module met again while still on the path closes a cycle.
  const state = new Map();
  const path = [];
  const seenCycles = new Set();
  const visit = (file) => {
    state.set(file, "open");
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === "open") {
        const cycle = path.slice(path.indexOf(next)).map((f) => relative(SRC, f));
        const key = [...cycle].sort().join(" ");
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          breaches.push(`import cycle: ${[...cycle, relative(SRC, next)].join(" → ")}`);
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return { files: files.length, edges: [...edges.values()].reduce((n, list) => n + list.length, 0), breaches };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, edges, breaches } = checkImports();
  if (breaches.length > 0) {
    for (const breach of breaches) console.error(breach);
    console.error(`check-imports: ${breaches.length} breach(es) of the house rules in src/ (scripts/check-imports.mjs)`);
    process.exit(1);
  }
  console.log(`check-imports: ${files} modules, ${edges} imports, no cycle, every folder imports only from those below it`);
}
