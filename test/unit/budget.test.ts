import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RepairBudget } from "../../src/shared/budget";

describe("RepairBudget", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("spends `size` repairs at once, then earns one per refill, and calls back once when one is due", () => {
    const later = vi.fn();
    const budget = new RepairBudget(3, 1_000, later);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, true]);
    expect(budget.take()).toBe(false);
    expect(budget.take()).toBe(false);
    expect(budget.waiting).toBe(true);
    vi.advanceTimersByTime(990);
    expect(later).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(later).toHaveBeenCalledTimes(1);
    expect(budget.waiting).toBe(false);
    // The token earned is there for the callback, and only one.
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    // A page that never stops: one repair per refill, however often it asks.
    let granted = 0;
    for (let ms = 0; ms < 10_000; ms += 10) {
      vi.advanceTimersByTime(10);
      if (budget.take()) granted += 1;
    }
    expect(granted).toBe(10);
  });

  it("is full again after a quiet spell, and a cancelled callback never runs", () => {
    const later = vi.fn();
    const budget = new RepairBudget(2, 500, later);
    budget.take();
    budget.take();
    expect(budget.take()).toBe(false);
    budget.cancel();
    vi.advanceTimersByTime(5_000);
    expect(later).not.toHaveBeenCalled();
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, false]);
  });
});
