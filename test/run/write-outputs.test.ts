import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";

// rename can be made to fail once, to show what a crash between writing and renaming leaves.
const failRename = vi.hoisted(() => ({ on: null as string | null }));
vi.mock("node:fs", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs")>();
  return {
    ...original,
    renameSync: (from: string, to: string) => {
      if (failRename.on !== null && to.endsWith(failRename.on)) throw Object.assign(new Error("simulated crash"), { code: "EIO" });
      return original.renameSync(from, to);
    },
  };
});

const { resolveInside, writeAtomically, writeOutputs } = await import("../../src/run/write-outputs.js");
const { UNIT_OUTPUT, runSummaryName, safeNamePart, unitOutputName } = await import("../../src/build/output-names.js");
const { UsageError } = await import("../../src/domain/usage-error.js");

const PERIOD = { year: 2026, quarter: 3 as const };

describe("output names (outputs.md: {年度}Q{季度}_{单位代码}_{单位名称}_{kind})", () => {
  it.each([
    [{ code: "A01", name: "某市某某局" }, UNIT_OUTPUT.result, "2026Q3_A01_某市某某局_结果.xlsx"],
    [{ code: "A01", name: "某市某某局" }, UNIT_OUTPUT.notice, "2026Q3_A01_某市某某局_公示.docx"],
    [{ code: "A01", name: "某市某某局" }, UNIT_OUTPUT.slips, "2026Q3_A01_某市某某局_反馈单.docx"],
    [{ code: "../x", name: "a/b" }, UNIT_OUTPUT.result, "2026Q3___x_a_b_结果.xlsx"],
    [{ code: "CON", name: "NUL" }, UNIT_OUTPUT.result, "2026Q3__CON__NUL_结果.xlsx"],
    [{ code: "A:1", name: "办公室*?\"<>|" }, UNIT_OUTPUT.result, "2026Q3_A_1_办公室_______结果.xlsx"],
  ])("%j, %s → %s", (unit, kind, name) => {
    expect(unitOutputName(PERIOD, unit, kind)).toBe(name);
  });

  it("names the run summary 2026Q3_汇总.xlsx", () => {
    expect(runSummaryName(PERIOD)).toBe("2026Q3_汇总.xlsx");
  });

  it.each([
    ["..", "_"],
    ["../../etc/passwd", "____etc_passwd"],
    ["..\\..\\windows", "____windows"],
    [".hidden", "_hidden"],
    ["a..b", "a_b"],
    ["局.", "局_"],
    ["  某局  ", "某局"],
    ["con.txt", "_con.txt"],
    ["COM1", "_COM1"],
    ["lpt9", "_lpt9"],
    ["CONSOLE", "CONSOLE"],
    ["a\u0000b\nc\u007f", "a_b_c_"],
    ["\u202Excod.exe", "_xcod.exe"],
    ["", "_"],
    ["某".repeat(60), "某".repeat(40)],
  ])("safeNamePart(%j) → %j", (text, safe) => {
    expect(safeNamePart(text)).toBe(safe);
  });

  it("no unit code or name can lead outside --out (property)", () => {
    const root = path.join(os.tmpdir(), "assess-out");
    const piece = fc.string({ unit: fc.constantFrom(".", "/", "\\", ":", "a", "某", " ", "\u0000", "C", "O", "N"), maxLength: 12 });
    fc.assert(
      fc.property(piece, piece, (code, name) => {
        const file = unitOutputName(PERIOD, { code, name }, UNIT_OUTPUT.result);
        expect(path.dirname(resolveInside(root, file))).toBe(path.resolve(root));
        expect(file).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
        expect(file.includes("..")).toBe(false);
        expect(Buffer.byteLength(file)).toBeLessThan(255);
      }),
    );
  });

  it.each(["../x.xlsx", "a/b.xlsx", "/x.xlsx", "..", ""])("resolveInside refuses %j", (name) => {
    expect(() => resolveInside(path.join(os.tmpdir(), "assess-out"), name)).toThrow(/outside/);
  });
});

describe("writeOutputs: atomic writes, no overwrite without --force (outputs.md Safety of files)", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "assess-write-"));
    failRename.on = null;
  });
  afterEach(async () => {
    failRename.on = null;
    await rm(dir, { recursive: true, force: true });
  });

  const files = [
    { name: "2026Q3_A01_某局_结果.xlsx", bytes: Buffer.from("结果") },
    { name: "2026Q3_A01_某局_公示.docx", bytes: Buffer.from("公示") },
  ];

  it("creates --out and writes every file, leaving no temporary file", async () => {
    const out = path.join(dir, "2026Q3_结果");
    const written = await writeOutputs(out, files, { force: false });
    expect(written).toEqual(files.map((f) => path.join(out, f.name)));
    expect((await readdir(out)).sort()).toEqual(files.map((f) => f.name).sort());
    expect(await readFile(path.join(out, files[0]!.name), "utf8")).toBe("结果");
  });

  it("checks every planned file before writing any: one existing file stops all, naming it and --force", async () => {
    await writeFile(path.join(dir, files[1]!.name), "旧公示");
    const attempt = writeOutputs(dir, files, { force: false });
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(writeOutputs(dir, files, { force: false })).rejects.toThrow(
      new RegExp(`已存在，未写入任何文件：\\n  ${path.join(dir, files[1]!.name).replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}\\n如要覆盖，请加 --force`),
    );
    expect(await readdir(dir)).toEqual([files[1]!.name]); // the other file was not written
    expect(await readFile(path.join(dir, files[1]!.name), "utf8")).toBe("旧公示");
  });

  it("an --out holding other files: only a planned name is refused, and it is named", async () => {
    await writeFile(path.join(dir, "2026Q2_A01_某局_结果.xlsx"), "上季度");
    await writeFile(path.join(dir, "说明.txt"), "");
    await writeOutputs(dir, files, { force: false });
    expect((await readdir(dir)).sort()).toEqual([...files.map((f) => f.name), "2026Q2_A01_某局_结果.xlsx", "说明.txt"].sort());
    const next = [{ name: "2026Q4_A01_某局_结果.xlsx", bytes: Buffer.from("") }, ...files];
    await expect(writeOutputs(dir, next, { force: false })).rejects.toThrow(new RegExp(`${files[0]!.name}\\n  .*${files[1]!.name}\\n如要覆盖`));
    expect(await readdir(dir)).not.toContain("2026Q4_A01_某局_结果.xlsx");
  });

  it("replaces existing files with --force", async () => {
    await writeFile(path.join(dir, files[0]!.name), "旧结果");
    await writeOutputs(dir, files, { force: true });
    expect(await readFile(path.join(dir, files[0]!.name), "utf8")).toBe("结果");
    expect((await readdir(dir)).sort()).toEqual(files.map((f) => f.name).sort());
  });

  it("will not replace a folder even with --force", async () => {
    await mkdir(path.join(dir, files[0]!.name));
    await expect(writeOutputs(dir, files, { force: true })).rejects.toThrow(/已有同名文件夹/);
  });

  it("refuses an --out that is a file", async () => {
    const out = path.join(dir, "out.txt");
    await writeFile(out, "");
    await expect(writeOutputs(out, files, { force: false })).rejects.toThrow(/是一个文件，不是文件夹/);
  });

  it("a crash before the rename leaves the old file whole and no temporary file", async () => {
    await writeFile(path.join(dir, files[0]!.name), "旧结果");
    failRename.on = files[0]!.name;
    await expect(writeOutputs(dir, files, { force: true })).rejects.toThrow(/simulated crash/);
    expect(await readFile(path.join(dir, files[0]!.name), "utf8")).toBe("旧结果");
    expect(await readdir(dir)).toEqual([files[0]!.name]);
  });

  it("each write has its own temporary file: the same file written twice at once is written whole once", async () => {
    const target = path.join(dir, files[0]!.name);
    const contents = Array.from({ length: 8 }, (_, i) => `结果第${i}版`.repeat(1000));
    await Promise.all(contents.map((text) => writeAtomically(target, Buffer.from(text))));
    expect(contents).toContain(await readFile(target, "utf8"));
    expect(await readdir(dir)).toEqual([files[0]!.name]);
  });

  it("refuses two outputs with the same name (a bug upstream)", async () => {
    await expect(writeOutputs(dir, [files[0]!, files[0]!], { force: false })).rejects.toThrow(/both named/);
  });
});
