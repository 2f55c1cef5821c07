import { ATTR } from "../shared/attributes";
import type { Category } from "../shared/types";
import { CATEGORIES } from "../shared/types";
import type { Block } from "./classify";

// Still exported here for the content script's own modules; the panel and the reader import it from src/shared.
export { ATTR };

export type Counts = Record<Category, number>;

export const zeroCounts = (): Counts =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Counts;

/** Keeps the page's attributes equal to a list of blocks, touching only what changed. */
export class Marks {
  private readonly hidden = new Map<Element, Category>();
  private readonly pending = new Set<Element>();
  private blocks: Block[] = [];

  /** Makes exactly these blocks hidden. Returns whether anything changed. */
  setBlocks(blocks: Block[]): boolean {
    this.blocks = blocks;
    const next = new Map<Element, Category>();
    for (const b of blocks) for (const el of b.elements) next.set(el, b.category);
    let changed = false;
    for (const [el, category] of this.hidden) {
      if (next.get(el) !== category) {
        el.removeAttribute(ATTR.hidden);
        this.hidden.delete(el);
        changed = true;
      }
    }
    for (const [el, category] of next) {
      if (this.hidden.get(el) === category) continue;
      el.setAttribute(ATTR.hidden, category);
      this.hidden.set(el, category);
      changed = true;
    }
    return changed;
  }

  /** Makes exactly these elements held back (while loading). */
  setPending(elements: Iterable<Element>): void {
    const next = new Set(elements);
    for (const el of this.pending) if (!next.has(el)) el.removeAttribute(ATTR.pending);
    for (const el of next) if (!this.pending.has(el)) el.setAttribute(ATTR.pending, "");
    this.pending.clear();
    for (const el of next) this.pending.add(el);
  }

  /** Hidden blocks per category. */
  counts(): Counts {
    const counts = zeroCounts();
    for (const b of this.blocks) counts[b.category] += 1;
    return counts;
  }

  currentBlocks(): readonly Block[] {
    return this.blocks;
  }

  /** Removes every attribute Tidyread set on page elements. */
  clear(): void {
    this.setBlocks([]);
    this.setPending([]);
  }

  /** Do `el`'s attributes differ from what Tidyread set (the page stripped, changed or copied one)? */
  differs(el: Element): boolean {
    return el.getAttribute(ATTR.hidden) !== (this.hidden.get(el) ?? null) || el.hasAttribute(ATTR.pending) !== this.pending.has(el);
  }

  /** Sets `el`'s attributes back to what Tidyread set. */
  repair(el: Element): void {
    const category = this.hidden.get(el);
    if (category) el.setAttribute(ATTR.hidden, category);
    else el.removeAttribute(ATTR.hidden);
    if (this.pending.has(el)) el.setAttribute(ATTR.pending, "");
    else el.removeAttribute(ATTR.pending);
  }

  /** Sets back every mark the page changed; returns how many elements it touched. */
  repairAll(): number {
    let n = 0;
    for (const el of [...this.hidden.keys(), ...this.pending]) {
      if (el.isConnected && this.differs(el)) {
        this.repair(el);
        n += 1;
      }
    }
    return n;
  }

  /** Is `node`, or something inside it, hidden by Tidyread? */
  holds(node: Node): boolean {
    for (const el of this.hidden.keys()) if (node === el || node.contains(el)) return true;
    return false;
  }
}
