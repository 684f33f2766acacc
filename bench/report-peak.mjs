// Preloaded by bench/run.js into every process it measures (`node --import`): at exit, the
// process's peak resident memory and the CPU time it took (worker threads included: they share
// the process) are written to the file named by BENCH_PEAK_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicroseconds: usage.userCPUTime + usage.systemCPUTime }));
  });
}
