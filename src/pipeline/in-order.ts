// Results of parallel work in the order of the work, not of its finishing: the outputs of a run
// must not depend on which worker was quicker (worker-pool.ts).

/**
 * `run` over `items` with at most `capacity` in flight, the results yielded in the order of
 * `items`: a result that finishes early waits for those before it, so at most `capacity` are held.
 */
export async function* inOrder<I, O>(items: Iterable<I>, capacity: number, run: (item: I) => Promise<O>): AsyncGenerator<O> {
  const inFlight: Promise<O>[] = [];
  const iterator = items[Symbol.iterator]();
  const refill = (): void => {
    while (inFlight.length < Math.max(1, capacity)) {
      const next = iterator.next();
      if (next.done) return;
      const started = run(next.value);
      // Handled when its turn comes; until then, do not let an early failure go unobserved.
      started.catch(() => {});
      inFlight.push(started);
    }
  };
  refill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    refill();
    yield result;
  }
}
