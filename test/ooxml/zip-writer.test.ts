// The zip writer (zip-writer.ts): each part's bytes come back as given, whether text encoded in
// the buffer reused from part to part, text too large for it, or bytes; the zip is one buffer of
// its own, so that a worker thread can move it.

import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, entryData, inflatedParts, isDamage, readZipDirectory } from "../../src/ooxml/zip-directory.js";
import { zipParts } from "../../src/ooxml/zip-writer.js";

function unzip(zip: Buffer): { name: string; data: Buffer; crc: number; size: number }[] {
  const directory = readZipDirectory(zip);
  if (isDamage(directory)) throw new Error(directory.damage);
  return directory.entries.map((entry) => {
    const raw = entryData(zip, entry);
    if (isDamage(raw)) throw new Error(raw.damage);
    return { name: entry.name, data: inflateRawSync(raw), crc: entry.crc32, size: entry.size };
  });
}

describe("zipParts", () => {
  it("gives back every part as given: short and long text, Chinese and other planes, and bytes", () => {
    const long = "<w:p><w:t>第一季度考核结果 😀</w:t></w:p>".repeat(20_000);
    // More than the reused buffer holds (16 MiB at three bytes a UTF-16 unit): a buffer of its own.
    const huge = "<row>某市第1区发展和改革委员会</row>".repeat(200_000);
    const picture = new Uint8Array([137, 80, 78, 71, 0, 255, 1, 2]);
    const parts = [
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: long },
      { name: "word/媒体/图.png", data: picture.subarray(1, 7) },
      { name: "xl/worksheets/sheet1.xml", data: huge },
      { name: "docProps/app.xml", data: "<Properties>短</Properties>" },
    ];
    const entries = unzip(zipParts(parts));
    expect(entries.map((entry) => entry.name)).toEqual(parts.map((part) => part.name));
    expect(entries.map((entry) => entry.data.toString("latin1"))).toEqual(
      parts.map((part) => (typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data)).toString("latin1")),
    );
    for (const entry of entries) {
      expect(entry.size).toBe(entry.data.length);
      expect(entry.crc).toBe(crc32(entry.data));
    }
  });

  it("gives the same bytes for the same parts, whatever was zipped before (the reused buffer keeps nothing)", () => {
    const parts = [
      { name: "a.xml", data: "<a>甲</a>" },
      { name: "b.xml", data: "<b>乙乙乙</b>".repeat(1000) },
    ];
    const first = zipParts(parts);
    zipParts([{ name: "c.xml", data: "<c>丙</c>".repeat(50_000) }]);
    expect(zipParts(parts).equals(first)).toBe(true);
  });

  it("gives a small part kept from an earlier zip the same bytes, before and after the kept parts are emptied", () => {
    const parts = [
      { name: "word/styles.xml", data: `<w:styles>${"<w:style>宋体</w:style>".repeat(40)}</w:styles>` },
      { name: "docProps/core.xml", data: "<dc:title>某县统计局</dc:title>" },
    ];
    const first = zipParts(parts);
    expect(zipParts(parts).equals(first)).toBe(true);
    // More different small parts than are kept: the store is emptied and filled again.
    for (let i = 0; i < 600; i++) zipParts([{ name: "a.xml", data: `<a>${i}</a>` }]);
    expect(zipParts(parts).equals(first)).toBe(true);
    expect(unzip(first).map((entry) => entry.data.toString("utf8"))).toEqual(parts.map((part) => part.data));
  });

  it("writes text given in pieces as the same bytes as the pieces joined, in the reused buffer or not", () => {
    const pieces = ["<w:body>", "<w:t>第一季度😀</w:t>", "", "<w:t>A&amp;B</w:t>".repeat(1000), "</w:body>"];
    const huge = Array.from({ length: 200_000 }, (_, i) => `<row>某市第${i}区</row>`);
    for (const part of [pieces, huge]) {
      const [whole] = unzip(zipParts([{ name: "a.xml", data: part.join("") }]));
      const [inPieces] = unzip(zipParts([{ name: "a.xml", data: part }]));
      expect(inPieces?.data.toString("utf8")).toBe(part.join(""));
      // Buffers of megabytes compared by Buffer.equals: a deep comparison walks them byte by byte.
      expect(inPieces?.name).toBe(whole?.name);
      expect(whole !== undefined && inPieces?.data.equals(whole.data)).toBe(true);
    }
    expect(zipParts([{ name: "a.xml", data: pieces }]).equals(zipParts([{ name: "a.xml", data: pieces.join("") }]))).toBe(true);
  });

  it("copies pieces given already encoded between the text pieces, in the reused buffer or not", () => {
    const encoded = Buffer.from("<w:tc><w:t>姓名</w:t>", "utf8");
    const pieces = ["<w:tbl>", encoded, "张三😀", encoded.subarray(0, 6), "A&amp;B", "</w:tbl>"];
    const text = "<w:tbl><w:tc><w:t>姓名</w:t>张三😀<w:tc>A&amp;B</w:tbl>";
    // More than the reused buffer holds: a buffer of its own.
    const huge = Array.from({ length: 800_000 }, (_, i) => (i % 2 === 0 ? encoded : `某市第${i}区`));
    for (const [part, whole] of [
      [pieces, text],
      [huge, huge.map((piece) => (typeof piece === "string" ? piece : piece.toString("utf8"))).join("")],
    ] as const) {
      expect(zipParts([{ name: "a.xml", data: part }]).equals(zipParts([{ name: "a.xml", data: whole }]))).toBe(true);
    }
  });

  it("is one buffer of its own, not a slice of Node's shared pool, even for a tiny zip", () => {
    const zip = zipParts([{ name: "a.xml", data: "<a/>" }]);
    expect(zip.byteOffset).toBe(0);
    expect(zip.buffer.byteLength).toBe(zip.length);
  });
});

describe("inflatedParts", () => {
  it("gives back every part of a zip, in order, by name, inflated", () => {
    const parts = [
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/worksheets/sheet1.xml", data: "<row>某市第1区发展和改革委员会</row>".repeat(1000) },
    ];
    const read = inflatedParts(zipParts(parts));
    if (isDamage(read)) throw new Error(read.damage);
    expect(read.map((part) => ({ name: part.name, data: part.data.toString("utf8") }))).toEqual(parts);
  });

  it("says what is wrong with a zip cut short, instead of a part", () => {
    const zip = zipParts([{ name: "word/document.xml", data: "<w:p/>".repeat(1000) }]);
    expect(isDamage(inflatedParts(zip.subarray(0, zip.length - 30)))).toBe(true);
  });
});
