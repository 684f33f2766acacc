// What the bytes of grade's outputs cost at the least, whatever builds them: every part of every
// file in an output folder taken out once (untimed), then, in this one thread, each part deflated
// at zlib's level 1 (the fastest level that compresses, the one the tool uses:
// ooxml/zip-writer.ts) and given its CRC-32, as a zip needs; then every file's bytes written anew
// by grade's own writer (run/write-outputs.ts `writeAtomically`: a temporary file opened only if
// new, written, flushed to disk, closed and renamed), into a new folder beside FOLDER for each run
// (kept: the bench's folder goes at its end). No XML is made: the cost of the outputs' size and number alone,
// for bench/run.js to print beside grade's time over validate's (issue 15). Beside it, what
// encoding each part's text as UTF-8 in one piece costs: not part of the floor, for the builders
// encode the markup once and only the text piece by piece.
//
//   node bench/output-floor.mjs FOLDER [--runs R]
//
// Prints JSON: files, parts, the parts' bytes, the seconds of deflating and of checksumming them
// all and their sum (`seconds`, the floor without writing), of encoding them (median of the runs,
// each step over every part), and the CPU seconds (this process's, the kernel's work for it
// included) of writing the files (`write`, median of the runs).

import { mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { deflateRawSync } from "node:zlib";

// The zip reading, the CRC-32 and the writing of the tool itself (compiled: npm run bench builds it first).
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tool = (path) => import(pathToFileURL(join(root, "dist", ...path.split("/"))).href);
const { crc32, inflatedParts, isDamage } = await tool("ooxml/zip-directory.js");
const { writeAtomically } = await tool("run/write-outputs.js");

const { values: args, positionals } = parseArgs({ options: { runs: { type: "string", default: "3" } }, allowPositionals: true });
const [folder] = positionals;
const runs = Number(args.runs);
if (!folder || !Number.isInteger(runs) || runs < 1) throw new Error("usage: node bench/output-floor.mjs FOLDER [--runs R]");

/** Every part of a zip, inflated; `name` for the message should the zip be damaged. */
function zipParts(zip, name) {
  const parts = inflatedParts(zip);
  if (isDamage(parts)) throw new Error(`${name}: ${parts.damage}`);
  return parts.map((part) => part.data);
}

const names = (await readdir(folder)).filter((name) => name.endsWith(".xlsx") || name.endsWith(".docx")).sort();
const files = [];
const parts = [];
for (const name of names) {
  const zip = await readFile(join(folder, name));
  files.push({ name, zip });
  parts.push(...zipParts(zip, name));
}
// The text as the builders hold it, to be encoded (a picture's bytes would be taken as they are;
// these outputs have none).
const texts = parts.map((part) => part.toString("utf8"));
const bytes = parts.reduce((total, part) => total + part.length, 0);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function seconds(step) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    step();
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return median(times);
}

const encode = seconds(() => {
  for (const text of texts) Buffer.from(text, "utf8");
});
const deflate = seconds(() => {
  for (const part of parts) deflateRawSync(part, { level: 1 });
});
const checksum = seconds(() => {
  for (const part of parts) crc32(part);
});
/**
 * Every file written into `into` by the tool's own writeAtomically, one after another: the CPU
 * seconds of the whole process (libuv's threads that flush included), the kernel's included.
 */
async function writeAll(into) {
  await mkdir(into);
  const before = process.cpuUsage();
  for (const { name, zip } of files) await writeAtomically(join(into, name), zip);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}
const writes = [];
for (let run = 0; run < runs; run++) writes.push(await writeAll(`${resolve(folder)}.floor-${run + 1}`));
const write = median(writes);
console.log(JSON.stringify({ files: names.length, parts: parts.length, bytes, deflate, checksum, seconds: deflate + checksum, encode, write }));
