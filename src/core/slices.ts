/**
 * Long computations written as generators that `yield` now and then, so the same code can run to
 * the end at once (tests, first build) or in time slices that leave the event loop free (reload
 * while the bot is answering). A `yield` is only a chance to pause; slicing decides by the clock.
 *
 * @example
 * function* sum(xs: number[]): Steps<number> {
 *   let total = 0;
 *   for (let i = 0; i < xs.length; i++) { total += xs[i]; if ((i & 1023) === 0) yield; }
 *   return total;
 * }
 * runToEnd(sum(xs));            // synchronous
 * await runInSlices(sum(xs));   // never blocks the event loop for more than ~10 ms at a time
 */
import { setImmediate as nextTurn } from "node:timers/promises";

/** A computation that pauses at `yield` and finally returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs a computation to the end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  let result = steps.next();
  while (!result.done) result = steps.next();
  return result.value;
}

/** Default time slice: well under the 50 ms stall that would delay heartbeats and interactions. */
export const SLICE_MS = 10;

/** Runs a computation in slices of about `sliceMs`, giving the event loop a turn between slices. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  let result = steps.next();
  while (!result.done) {
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
    result = steps.next();
  }
  return result.value;
}

/** How long a loop may run before it offers to pause, whatever its iteration count says. */
const PAUSE_AFTER_MS = 4;

/**
 * True every `every` calls, and also whenever more than a few milliseconds have passed since the last
 * true (the clock is read every 16 calls): a loop whose iterations are slow (a timeline report scanning
 * hundreds of candidates) still offers to pause often enough for {@link runInSlices} to keep slices short.
 */
export function pauseEvery(every = 256): () => boolean {
  let count = 0;
  let since = performance.now();
  const mask = every - 1;
  return () => {
    count++;
    if ((count & mask) !== 0 && (count & 15) !== 0) return false;
    const now = performance.now();
    if ((count & mask) !== 0 && now - since < PAUSE_AFTER_MS) return false;
    since = now;
    return true;
  };
}
