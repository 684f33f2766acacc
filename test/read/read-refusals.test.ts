import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardXlsxBytes } from "../../src/read/open-guard.js";
import { readWorkbookFile } from "../../src/read/read-xlsx.js";
import { runNode } from "../support/run-assess.js";
import { DEFAULT_LIMIT, MiB, type ZipPart, bombOf, deflatedZeros, tempDir, withPart, writeXlsx, zipOf } from "../support/read-fixtures.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

let dir: string;
let good: Buffer;
let zeros300: Buffer;

beforeAll(async () => {
  dir = await tempDir();
  good = await writeXlsx(join(dir, "good.xlsx"), (wb) => {
    const ws = wb.addWorksheet("人员");
    ws.getCell("A1").value = "人员编号";
    ws.getCell("B1").value = "姓名";
    for (let row = 2; row < 40; row++) {
      ws.getCell(`A${row}`).value = `P${row}`;
      ws.getCell(`B${row}`).value = `张${row}`;
    }
  });
  zeros300 = await deflatedZeros(300 * MiB);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of `bytes` with one byte changed, in the middle of the first deflated part's data. */
function flipped(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const nameLength = copy.readUInt16LE(26);
  const dataAt = 30 + nameLength + copy.readUInt16LE(28);
  const dataLength = copy.readUInt32LE(18);
  const at = dataAt + Math.floor(dataLength / 2);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

/** Deterministic bytes that are nothing in particular. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

type Case = [what: string, bytes: () => Buffer, code: string, says: string];

const cases: Case[] = [
  ["zero bytes", () => Buffer.alloc(0), "E_FILE_EMPTY", "空文件"],
  ["random bytes", () => noise(4096), "E_FILE_NOT_XLSX", "另存为 .xlsx"],
  ["a CSV renamed .xlsx", () => Buffer.from("人员编号,姓名\nP1,张三\n"), "E_FILE_NOT_XLSX", "另存为 .xlsx"],
  ["an old .xls (CFB without EncryptionInfo)", () => Buffer.concat([CFB, noise(4096)]), "E_FILE_XLS", "请用 Excel 或 WPS 另存为 .xlsx 工作簿"],
  [
    "a password-protected .xlsx (CFB with an EncryptionInfo stream)",
    () => Buffer.concat([CFB, noise(600), Buffer.from("EncryptionInfo", "utf16le"), noise(600)]),
    "E_FILE_ENCRYPTED",
    "取消密码后另存为 .xlsx",
  ],
  ["a download cut in half", () => good.subarray(0, Math.floor(good.length / 2)), "E_FILE_CORRUPT", "请重新下载"],
  ["the last bytes cut off", () => good.subarray(0, good.length - 10), "E_FILE_CORRUPT", "请重新下载"],
  ["a changed byte inside a part", () => flipped(good), "E_FILE_CORRUPT", "已损坏"],
  ["a Word document renamed", () => zipOf([{ name: "word/document.xml", content: Buffer.from("<w:document/>") }]), "E_FILE_NOT_XLSX", "Word"],
  ["an empty zip", () => Buffer.concat([Buffer.from("PK\x05\x06", "latin1"), Buffer.alloc(18)]), "E_FILE_NOT_XLSX", "xl/workbook.xml"],
  [
    "a zip bomb that declares its 300 MiB",
    () => bombOf(zeros300, 300 * MiB),
    "E_FILE_TOO_LARGE",
    "256 MiB",
  ],
  ["a zip bomb that declares 1,000 bytes but inflates to 300 MiB", () => bombOf(zeros300, 1000), "E_FILE_TOO_LARGE", "--max-size"],
  [
    "a part a little larger than it declares",
    () =>
      zipOf([
        { name: "xl/workbook.xml", content: Buffer.from("<workbook/>") },
        { name: "xl/worksheets/sheet1.xml", deflated: deflateRawSync(Buffer.alloc(5000)), size: 1000, crc: 0 },
      ]),
    "E_FILE_CORRUPT",
    "大小与目录不符",
  ],
  [
    "a workbook part that is not XML",
    () => withPart(good, "xl/workbook.xml", () => "<<<这不是 XML"),
    "E_FILE_CORRUPT",
    "已损坏",
  ],
  [
    "overlapping merged ranges (exceljs refuses them)",
    () =>
      withPart(good, "xl/worksheets/sheet1.xml", (xml) =>
        xml.replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'),
      ),
    "E_FILE_CORRUPT",
    "已损坏",
  ],
  [
    "a merged range over the whole sheet",
    () =>
      withPart(good, "xl/worksheets/sheet1.xml", (xml) =>
        xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
      ),
    "E_FILE_TOO_LARGE",
    "A1:XFD1048576",
  ],
  // The reader takes these spellings of a range too, so they are counted where it reads them.
  ...[
    ["in lower case", '<mergeCells count="1"><mergeCell ref="a1:xfd1048576"/></mergeCells>', "a1:xfd1048576"],
    ["in single quotes", "<mergeCells count='1'><mergeCell ref='A1:XFD1048576'/></mergeCells>", "A1:XFD1048576"],
    ["with a namespace prefix", '<x:mergeCells count="1"><x:mergeCell ref="A1:Z40000"/></x:mergeCells>', "A1:Z40000"],
  ].map(([how, merges, range]): Case => [
    `a merged range over the whole sheet, written ${how}`,
    () => withPart(good, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", `</sheetData>${merges}`)),
    "E_FILE_TOO_LARGE",
    range!,
  ]),
];

describe("readWorkbookFile: files that cannot be read (workbook.md)", () => {
  it.each(cases)("%s → %s", async (_what, bytes, code, says) => {
    const path = join(dir, "单位甲.xlsx");
    await writeFile(path, bytes());
    const started = Date.now();
    const result = await readWorkbookFile(path, "收件/单位甲.xlsx", DEFAULT_LIMIT);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.value).toBeNull();
        expect(result.problems[0]).toMatchObject({ severity: "error", code, file: "收件/单位甲.xlsx", sheet: "", cell: "", header: "" });
    expect(result.problems[0]?.message).toContain("“收件/单位甲.xlsx”");
    expect(result.problems[0]?.message).toContain(says);
    expect(result.problems[0]?.message).not.toMatch(/\n|at .*\.js/);
  });

  it("a file that is not there, or a folder, is unreadable and says why", async () => {
    const folder = join(dir, "文件夹.xlsx");
    await mkdir(folder, { recursive: true });
    for (const [path, why] of [
      [join(dir, "没有.xlsx"), "找不到该文件"],
      [folder, "这是一个文件夹"],
    ] as const) {
      const result = await readWorkbookFile(path, "x.xlsx", DEFAULT_LIMIT);
      expect(result).toMatchObject({ value: null, problems: [{ code: "E_FILE_UNREADABLE", file: "x.xlsx" }] });
      expect(result.problems[0]?.message).toContain(why);
    }
  });

  it("the limit comes from the caller (--max-size): below the file's own size, or below what it inflates to", async () => {
    const path = join(dir, "good.xlsx");
    const small = await readWorkbookFile(path, "good.xlsx", { maxInflatedBytes: 1024 });
    expect(small).toMatchObject({ value: null, problems: [{ code: "E_FILE_TOO_LARGE" }] });
    expect(small.problems[0]?.message).toContain("文件“good.xlsx”本身超过了上限（1024 字节）");

    const between = await readWorkbookFile(path, "good.xlsx", { maxInflatedBytes: good.length + 100 });
    expect(between).toMatchObject({ value: null, problems: [{ code: "E_FILE_TOO_LARGE" }] });
    expect(between.problems[0]?.message).toContain("解压后超过了上限");

    const bomb = join(dir, "bomb.xlsx");
    await writeFile(bomb, bombOf(zeros300, 1000));
    const raised = await readWorkbookFile(bomb, "bomb.xlsx", { maxInflatedBytes: 512 * MiB });
    // Within a raised limit the lie itself is what is wrong: the part is not the size it declares.
    expect(raised).toMatchObject({ value: null, problems: [{ code: "E_FILE_CORRUPT" }] });
  });

  it("a 300 MiB bomb is refused with a small peak memory, whether it declares its size or lies", () => {
    const module = resolve(repoRoot, "dist/read/read-xlsx.js");
    expect(existsSync(module), "build first: npx tsc -p tsconfig.json").toBe(true);
    const peak = (file: string): { code: string; maxRssMiB: number } => {
      const script = `
        const { readWorkbookFile } = await import(${JSON.stringify(pathToFileURL(module).href)});
        const result = await readWorkbookFile(${JSON.stringify(file)}, "x.xlsx", { maxInflatedBytes: ${256 * MiB} });
        process.stdout.write(JSON.stringify({ code: result.problems[0]?.code ?? "read", maxRssMiB: process.resourceUsage().maxRSS / 1024 }));`;
      const run = runNode(["--input-type=module", "-e", script]);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { code: string; maxRssMiB: number };
    };
    return (async () => {
      const honest = join(dir, "bomb-honest.xlsx");
      const lying = join(dir, "bomb-lying.xlsx");
      await writeFile(honest, bombOf(zeros300, 300 * MiB));
      await writeFile(lying, bombOf(zeros300, 1000));
      const baseline = peak(join(dir, "good.xlsx"));
      expect(baseline.code).toBe("read");
      for (const file of [honest, lying]) {
        const measured = peak(file);
        expect(measured.code).toBe("E_FILE_TOO_LARGE");
        // Inflating the bomb would take 300 MiB; refusing it takes a few.
        expect(measured.maxRssMiB - baseline.maxRssMiB).toBeLessThan(64);
      }
    })();
  });
});

describe("guardXlsxBytes never throws", () => {
  it("on any bytes, or any bytes after a zip or CFB signature: one problem with an E_FILE_ code", async () => {
    const prefixes = [Buffer.alloc(0), Buffer.from("PK\x03\x04", "latin1"), CFB];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 2048 }), async (prefix, tail) => {
        const bytes = Buffer.concat([prefix, Buffer.from(tail)]);
        const result = await guardXlsxBytes(bytes, "x.xlsx", DEFAULT_LIMIT);
        expect(result.value).toBeNull();
        expect(result.problems[0]?.code).toMatch(/^E_FILE_/);
      }),
      { numRuns: 200 },
    );
  });

  it("on a real workbook cut at any point: refused as damaged (or, uncut, accepted)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: good.length }), async (length) => {
        const result = await guardXlsxBytes(good.subarray(0, length), "x.xlsx", DEFAULT_LIMIT);
        if (length === good.length) expect(result.value).not.toBeNull();
        else expect(result).toMatchObject({ value: null, problems: [{ code: expect.stringMatching(/^E_FILE_(CORRUPT|NOT_XLSX)$/) }] });
      }),
      { numRuns: 100 },
    );
  });
});

describe("the parts a guarded workbook hands on", () => {
  it("inflate, when asked for, to the bytes that were checked: empty parts too, any case of name", async () => {
    const xml = Buffer.from(`<?xml version="1.0"?><workbook>${"考核".repeat(5000)}</workbook>`, "utf8");
    const bytes = zipOf([
      { name: "xl/workbook.xml", content: xml },
      { name: "xl/Empty.xml", content: Buffer.alloc(0) },
    ]);
    const result = await guardXlsxBytes(bytes, "x.xlsx", DEFAULT_LIMIT);
    if (result.value === null) throw new Error(result.problems[0]?.message);
    expect(result.value.get("xl/workbook.xml")?.equals(xml)).toBe(true);
    // A small part is handed on as the guard inflated it, not inflated again.
    expect(result.value.get("xl/workbook.xml")).toBe(result.value.get("xl/workbook.xml"));
    expect(result.value.get("xl/empty.xml")?.length).toBe(0);
    expect(result.value.get("xl/missing.xml")).toBeUndefined();
  });

  it("a part of more than 4 MiB is checked as it streams past and inflated afresh each time it is asked for", async () => {
    const sheet = Buffer.from(`<worksheet>${"<row><c><v>1</v></c></row>".repeat(200_000)}</worksheet>`);
    expect(sheet.length).toBeGreaterThan(4 * MiB);
    const bytes = zipOf([
      { name: "xl/workbook.xml", content: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", content: sheet },
    ]);
    const result = await guardXlsxBytes(bytes, "x.xlsx", DEFAULT_LIMIT);
    if (result.value === null) throw new Error(result.problems[0]?.message);
    const first = result.value.get("xl/worksheets/sheet1.xml");
    expect(first?.equals(sheet)).toBe(true);
    // Nothing the reader has let go of is held by the parts.
    // (compared as identities: vitest's not.toBe compares two equal 5 MB buffers byte by byte)
    expect(result.value.get("xl/worksheets/sheet1.xml") === first).toBe(false);
  });

  // The same refusal whether the part is kept (small) or checked as it streams (over 4 MiB).
  const damaged: [what: string, part: (content: Buffer) => ZipPart, says: string][] = [
    ["a wrong checksum", (content) => ({ name: "xl/worksheets/sheet1.xml", content, crc: 12345 }), "部件 xl/worksheets/sheet1.xml 的校验和不符"],
    ["a declared size too large", (content) => ({ name: "xl/worksheets/sheet1.xml", content, size: content.length + 1 }), "部件 xl/worksheets/sheet1.xml 的大小与目录不符"],
    ["a declared size too small", (content) => ({ name: "xl/worksheets/sheet1.xml", content, size: content.length - 1 }), "部件 xl/worksheets/sheet1.xml 的大小与目录不符"],
    [
      "deflate data cut short",
      (content) => {
        const deflated = deflateRawSync(content);
        return { name: "xl/worksheets/sheet1.xml", deflated: deflated.subarray(0, deflated.length - 8), size: content.length, crc: 0 };
      },
      "部件 xl/worksheets/sheet1.xml 的压缩数据损坏",
    ],
  ];
  for (const [what, part, says] of damaged) {
    for (const size of [1000, 5 * MiB]) {
      it(`a part of ${size} bytes with ${what} is refused as damaged, naming the part`, async () => {
        const content = Buffer.from("<worksheet/>".padEnd(size, " "));
        const bytes = zipOf([{ name: "xl/workbook.xml", content: Buffer.from("<workbook/>") }, part(content)]);
        const result = await guardXlsxBytes(bytes, "x.xlsx", DEFAULT_LIMIT);
        expect(result.value).toBeNull();
        expect(result.problems).toMatchObject([{ code: "E_FILE_CORRUPT" }]);
        expect(result.problems[0]?.message).toContain(says);
      });
    }
  }
});
