/**
 * Long computations in slices (src/core/slices.ts): the same result at once or in slices, and a
 * slow loop still offers to pause, so a reload never holds the event loop for long.
 */
import { describe, expect, it } from "vitest";
import { pauseEvery, runInSlices, runToEnd, type Steps } from "../../src/core/slices.js";

/** Spins for at least `ms` milliseconds (a slow iteration). */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

function* slowSum(count: number, msEach: number, pauses: number[]): Steps<number> {
  const pause = pauseEvery(1024);
  let total = 0;
  for (let i = 1; i <= count; i++) {
    spin(msEach);
    total += i;
    if (pause()) {
      pauses.push(i);
      yield;
    }
  }
  return total;
}

describe("slices", () => {
  it("offers to pause every `every` calls when iterations are fast", () => {
    const pause = pauseEvery(8);
    const answers = Array.from({ length: 32 }, () => pause());
    expect(answers.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(answers[7]).toBe(true);
  });

  it("offers to pause by the clock when iterations are slow, long before `every` calls", () => {
    const pauses: number[] = [];
    expect(runToEnd(slowSum(40, 1, pauses))).toBe(820);
    // 16 iterations of at least 1 ms each pass the 4 ms mark: the first clock check says pause.
    expect(pauses[0]).toBe(16);
  });

  it("gives the event loop a turn while a slow computation runs in slices, with the same result", async () => {
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const pauses: number[] = [];
    const seen: boolean[] = [];
    const steps = slowSum(60, 1, pauses);
    const watched = (function* (): Steps<number> {
      let result = steps.next();
      while (!result.done) {
        seen.push(turned);
        yield;
        result = steps.next();
      }
      return result.value;
    })();
    expect(await runInSlices(watched)).toBe(1830);
    // Other work ran before the computation ended.
    expect(seen.at(-1)).toBe(true);
  });
});
