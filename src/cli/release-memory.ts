// A full garbage collection between reading a run and writing its outputs. Parsing a workbook
// of a whole city (40,000 persons, 400,000 ratings) leaves some 700 MB of garbage that V8, seeing
// no pressure, keeps while the worker threads build the outputs: the run peaked over 1 GiB
// (issue 5's limit) for 130 MB of live data. Node gives no gc() without --expose-gc on the command
// line, which the `assess` launcher cannot pass; the flag is set here and gc() taken from a new
// context, as Node's own documentation of v8.setFlagsFromString shows for such flags.

import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | null | undefined;

/** Collects garbage now, if this Node lets it; otherwise does nothing (memory is only kept longer). */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      const gc: unknown = vm.runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
