// Preloaded by bench/run.js into every process it measures (`node --import`): at exit, the
// process's peak resident memory (worker threads included: they share the process) is written
// to the file named by BENCH_PEAK_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
