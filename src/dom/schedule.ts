/** Work-slice length: well under the 50 ms that makes a task "long". */
export const SLICE_MS = 8;

/** Gives the main thread back to the page before the next slice. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A deadline-driven loop: runs step over items, yielding every SLICE_MS. */
export async function inSlices<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    step(item);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}
