/**
 * Coalesces concurrent calls into batches: whatever is queued when a flusher is free goes in one
 * `flush` (up to `max`), so batches grow with load and a lone call waits for nobody. Up to
 * `parallel` flushes run at once (two commits in flight overlap their fsyncs). A failing batch is
 * retried item by item, so one bad item fails only its own caller.
 * @example const load = createCoalescer((ids: string[]) => readMany(ids)); await load('cus_1')
 */
export function createCoalescer<I, O>(
  flush: (items: I[]) => Promise<O[]>,
  opts: { max?: number; parallel?: number } = {},
): (item: I) => Promise<O> {
  const max = opts.max ?? 500;
  const parallel = opts.parallel ?? 1;
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let flushing = 0;
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
    if (flushing >= parallel) return;
    flushing += 1;
    try {
      while (queue.length > 0) await run(queue.splice(0, max));
    } finally {
      flushing -= 1;
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      void drain();
    });
}
