import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ratio } from "../../src/domain/exact.js";
import { DEFAULT_RULES_FILE } from "../../src/domain/rules-file-defaults.js";
import { canonicalJson } from "../../src/domain/rules-file-merge.js";
import { loadRules, sha256Hex } from "../../src/read/load-rules.js";
import { UsageError } from "../../src/domain/usage-error.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "assess-load-rules-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadRules", () => {
  it("without a path: the built-in 标准方案, source null, hashed from its canonical JSON", async () => {
    const { value, problems } = await loadRules(undefined);
    expect(problems).toEqual([]);
    expect(value?.source).toBeNull();
    expect(value?.sha256).toBe(sha256Hex(canonicalJson(DEFAULT_RULES_FILE)));
    // A known vector, so that a change to the canonical form or the defaults cannot pass unseen.
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("a partial file: merged over the defaults, named as given", async () => {
    const path = join(dir, "partial.json");
    await writeFile(path, '{ "goodRatio": 0.25, "notice": { "showScores": true } }');
    const { value } = await loadRules(path);
    expect(value?.source).toBe(path);
    expect(value?.rules.goodRatio).toEqual(ratio(1n, 4n));
    expect(value?.rules.notice).toEqual({ days: 5, list: "good", showScores: true, reviewDays: 5 });
  });

  it("a file that breaks the rules: no value, problems naming the file and key", async () => {
    const path = join(dir, "bad.json");
    await writeFile(path, '{ "bands": { "好": 70 } }');
    const { value, problems } = await loadRules(path);
    expect(value).toBeNull();
    expect(problems.map((p) => [p.code, p.file, p.header])).toEqual([["E_RULES", path, "bands"]]);
  });

  it.each<[string, string | Buffer, string]>([
    ["not JSON", "goodRatio: 0.4", "不是有效的 JSON（第 1 行第 1 列附近有错）"],
    ["cut off", '{ "goodRatio": 0.4', "不是有效的 JSON（第 1 行第 19 列附近有错）"],
    ["not UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), "不是 UTF-8 编码"],
  ])("a file that cannot be read as JSON (%s): UsageError, exit 2", async (_what, content, says) => {
    const path = join(dir, "unreadable.json");
    await writeFile(path, content);
    const loading = loadRules(path);
    await expect(loading).rejects.toBeInstanceOf(UsageError);
    await expect(loading).rejects.toThrow(says);
  });

  it("a folder or a missing file: UsageError naming it", async () => {
    await expect(loadRules(dir)).rejects.toThrow(`规则文件“${dir}”是一个文件夹`);
    await expect(loadRules(join(dir, "无.json"))).rejects.toThrow("找不到规则文件");
  });
});
