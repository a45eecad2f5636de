/**
 * Coalesces concurrent calls into batches: whatever is queued when the flusher is free goes in one
 * `flush` (up to `max`), so batches grow with load and a lone call waits for nobody. A failing
 * batch is retried item by item, so one bad item fails only its own caller.
 */
export function createCoalescer<I, O>(
  flush: (items: I[]) => Promise<O[]>,
  max = 500,
): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let isFlushing = false;
  const run = async (batch: Waiting[]) => {
    try {
      const out = await flush(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(out[i] as O);
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const w of batch) await run([w]);
    }
  };
  const drain = async () => {
    if (isFlushing) return;
    isFlushing = true;
    try {
      while (queue.length > 0) await run(queue.splice(0, max));
    } finally {
      isFlushing = false;
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      void drain();
    });
}
