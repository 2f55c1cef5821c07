/** At most `count` requests per key in any `ms` window. */
export interface Allowance {
  count: number;
  ms: number;
}

/**
 * Counts requests per key (a tab) and drops what exceeds any allowance. Pure: the caller says
 * what time it is. Only accepted requests count, so a flood does not push a later one out.
 */
export class RateLimiter<Key> {
  private readonly accepted = new Map<Key, number[]>();
  private readonly longest: number;

  constructor(private readonly allowances: readonly Allowance[]) {
    this.longest = Math.max(0, ...allowances.map((a) => a.ms));
  }

  /** Whether a request for `key` at `now` (ms) may go ahead; if so, it is counted. */
  take(key: Key, now: number): boolean {
    const recent = (this.accepted.get(key) ?? []).filter((t) => now - t < this.longest);
    const allowed = this.allowances.every(({ count, ms }) => recent.filter((t) => now - t < ms).length < count);
    if (allowed) recent.push(now);
    if (recent.length) this.accepted.set(key, recent);
    else this.accepted.delete(key);
    return allowed;
  }

  /** Forgets a key (a closed tab). */
  forget(key: Key): void {
    this.accepted.delete(key);
  }
}
