// Results of parallel work in the order of the work, not of its finishing: the outputs of a run
// must not depend on which worker was quicker (worker-pool.ts).

/**
 * `run` over `items` with at most `capacity` in flight, the results yielded in the order of
 * `items`: a result that finishes early waits for those before it, so at most `capacity` are held.
 * `items` may come one by one as they are ready (an async iterable: another `inOrder`, say).
 */
export async function* inOrder<I, O>(
  items: Iterable<I> | AsyncIterable<I>,
  capacity: number,
  run: (item: I) => Promise<O>,
): AsyncGenerator<O> {
  const inFlight: Promise<O>[] = [];
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let ended = false;
  const refill = async (): Promise<void> => {
    while (!ended && inFlight.length < Math.max(1, capacity)) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        return;
      }
      const started = run(next.value);
      // Handled when its turn comes; until then, do not let an early failure go unobserved.
      started.catch(() => {});
      inFlight.push(started);
    }
  };
  await refill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    await refill();
    yield result;
  }
}
