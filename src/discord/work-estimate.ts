/**
 * How long answering each command has recently taken, so the reply can be deferred before work
 * that is expected to run past Discord's deadline (synchronous work cannot be interrupted by a
 * timer, so it has to be predicted).
 */
const KEPT = 20;

export class WorkEstimates {
  private readonly recent = new Map<string, number[]>();

  /** Records one measured duration (ms) for `key` (a command name). */
  record(key: string, ms: number): void {
    const times = this.recent.get(key) ?? [];
    times.push(ms);
    if (times.length > KEPT) times.shift();
    this.recent.set(key, times);
  }

  /**
   * The slowest of the recent durations for `key`: a cautious guess of the next one (0 if unknown).
   *
   * @example
   * estimates.record("ask", 12); estimates.expected("ask") // 12
   */
  expected(key: string): number {
    const times = this.recent.get(key);
    return times && times.length > 0 ? Math.max(...times) : 0;
  }
}
