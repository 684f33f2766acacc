// How many worker threads a run takes unless told (--jobs): apart from the pool itself, so that
// the command line can show it in --help without loading the workers and what they run.
import os from "node:os";

/** Two workers by default (issue 5: both cores of a department's machine), one on a one-core machine. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}
