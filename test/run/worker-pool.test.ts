// The worker pool's side of a task that fails in a worker: the failure arrives as an Error whose
// message is the worker's message alone (what cli/main.ts shows a clerk), its stack the worker's
// (shown only with ASSESS_DEBUG); and a unit's share serialized where its file was read is moved
// to the worker, not copied. Runs the compiled worker (npm test builds first).

import { describe, expect, it } from "vitest";
import { withRunner } from "../../src/run/worker-pool.js";
import type { TaskSetup } from "../../src/run/worker-tasks.js";
import { loadRules } from "../../src/read/load-rules.js";
import type { UnitBuildTask } from "../../src/build/unit-files.js";

async function setup(): Promise<TaskSetup> {
  const loaded = await loadRules(undefined);
  if (loaded.value === null) throw new Error("the default rules did not load");
  // No wording: a build task in such a run is a bug, and fails in the worker.
  return { rules: loaded.value, maxInflatedBytes: 1 << 20, wording: null };
}

describe("worker pool", () => {
  it("a task that fails in a worker rejects with the worker's message, without its stack in it", async () => {
    const share = new Uint8Array([1, 2, 3]);
    const unit = { workbook: share } as unknown as UnitBuildTask;
    const failure = await withRunner(2, await setup(), (runner) => runner.run({ kind: "build", unit, targets: {} }).then(
      () => null,
      (error: unknown) => error,
    ));
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe("a build task needs the wording of the notice and the slips");
    expect((failure as Error).stack).toMatch(/worker-tasks\.js/);
    // The share went to the worker: nothing of it is left here.
    expect(share.byteLength).toBe(0);
  });

  it("a share that is part of a larger buffer is copied, leaving the buffer whole", async () => {
    const whole = new Uint8Array(16);
    const share = whole.subarray(4, 8);
    const unit = { workbook: share } as unknown as UnitBuildTask;
    await withRunner(2, await setup(), (runner) => runner.run({ kind: "build", unit, targets: {} }).catch(() => null));
    expect(whole.byteLength).toBe(16);
    expect(share.byteLength).toBe(4);
  });
});
