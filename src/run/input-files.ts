// PATH... → the input files of one run (outputs.md "Commands": a PATH is a workbook or a folder of
// .xlsx files, not descending, `~$` lock files skipped).

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../domain/usage-error.js";

export interface InputFile {
  /** Where to read it. */
  path: string;
  /** The file as the clerk named it: as given, or the folder as given joined with the file's name. */
  file: string;
}

const LOCK_FILE = /^~\$/;
const WORKBOOK_FILE = /\.xlsx$/i;

/**
 * The files named by PATH...: a file as it is (whatever its extension: the reader says what it
 * is), a folder's `.xlsx` files sorted by name. A PATH that does not exist cannot run (exit 2).
 */
export async function expandPaths(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, file: path });
  };
  for (const given of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(given)).isDirectory();
    } catch {
      throw new UsageError(`找不到“${given}”。请检查文件或文件夹的路径和名称是否正确。`);
    }
    if (!isFolder) {
      add(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && WORKBOOK_FILE.test(e.name) && !LOCK_FILE.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) {
      throw new UsageError(`文件夹“${given}”中没有 .xlsx 工作簿（不读取子文件夹）。请检查路径，或把工作簿放入该文件夹。`);
    }
    for (const name of names) add(join(given, name));
  }
  if (files.length === 0) throw new UsageError("没有给出要读取的工作簿。");
  return files;
}
