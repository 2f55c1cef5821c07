/**
 * How often Tidyread puts back what a page undoes (strips a mark, removes the panel): `size`
 * times at once, then once more every `refillMs`. A page that undoes every repair at once would
 * otherwise loop with Tidyread, and the tab would hang. Past the budget, `later` runs once, when
 * the next repair is due: a page that stops undoing is repaired within `refillMs`, one that never
 * stops costs one repair per `refillMs`.
 */
export class RepairBudget {
  private tokens: number;
  /** When the last token was earned (or the bucket was last full). */
  private clock = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly size: number,
    private readonly refillMs: number,
    private readonly later: () => void,
  ) {
    this.tokens = size;
  }

  /** Spends one repair if there is one to spend; if not, `later` is set to run when one is due. */
  take(): boolean {
    const now = Date.now();
    if (this.tokens >= this.size) this.clock = now;
    const earned = Math.floor((now - this.clock) / this.refillMs);
    if (earned > 0) {
      this.tokens = Math.min(this.size, this.tokens + earned);
      this.clock += earned * this.refillMs;
    }
    if (this.tokens > 0) {
      this.tokens -= 1;
      return true;
    }
    // A little past the moment, so that the token is there when `later` asks for it.
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.later();
    }, this.clock + this.refillMs - now + 20);
    return false;
  }

  /** Spent, and `later` is still to run. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
