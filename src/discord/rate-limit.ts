/**
 * Per-user rate limit: at most `limit` commands per sliding window for each user, kept apart so one
 * busy user never slows anyone else. Memory stays bounded: idle users are forgotten.
 */
export interface RateDecision {
  allowed: boolean;
  /** When not allowed: seconds until the user may ask again. */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records one command by `userId` if allowed.
   *
   * @example
   * const limiter = new RateLimiter(5, 10_000);
   * limiter.take("123").allowed // true for the first 5 in 10 s, then false
   */
  take(userId: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const since = now - this.windowMs;
    const times = (this.recent.get(userId) ?? []).filter((time) => time > since);
    if (times.length >= this.limit) {
      this.recent.set(userId, times);
      const oldest = times[0] ?? now;
      return { allowed: false, retryAfterSeconds: (oldest + this.windowMs - now) / 1000 };
    }
    times.push(now);
    this.recent.set(userId, times);
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Users tracked right now (for tests and logs). */
  get size(): number {
    return this.recent.size;
  }

  /** Drops users with no command inside the window, at most once per window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const since = now - this.windowMs;
    for (const [user, times] of this.recent) {
      if ((times[times.length - 1] ?? 0) <= since) this.recent.delete(user);
    }
  }
}
