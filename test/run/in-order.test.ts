// Results of parallel work come out in the order of the work, whatever order they finish in,
// with never more than `capacity` under way (src/run/in-order.ts).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inOrder } from "../../src/run/in-order.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T>(source: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe("inOrder", () => {
  it("yields in input order and keeps at most `capacity` under way, whatever the delays (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 25 }), fc.integer({ min: 1, max: 5 }), async (delays, capacity) => {
        let running = 0;
        let most = 0;
        const out = await collect(
          inOrder(delays.keys(), capacity, async (i) => {
            running += 1;
            most = Math.max(most, running);
            await sleep(delays[i]!);
            running -= 1;
            return i;
          }),
        );
        expect(out).toEqual([...delays.keys()]);
        expect(most).toBeLessThanOrEqual(capacity);
      }),
      { numRuns: 30 },
    );
  });

  it("a task that fails is reported in its turn, after the results before it", async () => {
    const seen: number[] = [];
    const run = collect(
      inOrder([0, 1, 2, 3], 3, async (i) => {
        if (i === 2) throw new Error("第 2 项失败");
        await sleep(5);
        seen.push(i);
        return i;
      }),
    );
    await expect(run).rejects.toThrow("第 2 项失败");
    expect(seen.slice(0, 2)).toEqual([0, 1]);
  });

  it("takes items lazily: an item is made only when there is room for it", async () => {
    const made: number[] = [];
    function* items() {
      for (let i = 0; i < 6; i++) {
        made.push(i);
        yield i;
      }
    }
    const source = inOrder(items(), 2, async (i) => i);
    const first = await source.next();
    expect(first.value).toBe(0);
    expect(made.length).toBeLessThanOrEqual(3);
    await collect(source);
    expect(made).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
