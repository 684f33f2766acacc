// README's file map ("代码地图") lists exactly the files of src/, each under its folder, so that a
// newcomer who looks a step up there finds the file where it happens.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/run-assess.js";

/** The src/ files the README's map names: `src/read/` then `  workbook.ts   ...` lines. */
function filesInMap(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const map = readme.slice(readme.indexOf("## 代码地图"));
  const block = map.slice(map.indexOf("```\n") + 4, map.indexOf("\n```", map.indexOf("```\n") + 4));
  const files: string[] = [];
  let folder: string | null = null;
  for (const line of block.split("\n")) {
    const top = /^(\S+)\s/.exec(line)?.[1];
    if (top !== undefined) {
      folder = top.startsWith("src/") && top.endsWith("/") ? top : null;
      continue;
    }
    const names = /^ {2}(\S.*?)\s{2,}/.exec(line)?.[1];
    if (folder && names) for (const name of names.split(", ")) files.push(`${folder}${name}`);
  }
  return files.sort();
}

function filesInSrc(): string[] {
  const src = join(REPO_ROOT, "src");
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

describe("README's file map", () => {
  it("names every file of src/ under its folder, and no other", () => {
    expect(filesInMap()).toEqual(filesInSrc());
  });
});
