import type { PickerState } from "../shared/frame-protocol";
import type { Category } from "../shared/types";

export interface PickerHooks {
  /** An outline in Tidyread's closed shadow root, drawn over the block being picked. */
  outline: HTMLElement;
  /** Whether an event happened in Tidyread's own UI (by identity: see PageUi.owns). */
  owns(event: Event): boolean;
  /** The block holds words of the story: it cannot be hidden (the guard automatic hiding uses). */
  holdsStory(el: Element): boolean;
  /** Where picking stands, for the panel to say. */
  onState(state: PickerState): void;
  onChoose(el: Element, category: Category): void;
  onEnd(): void;
}

/** The element a click on `target` means: the nearest block-level box (not an inline word or link). */
function blockOf(target: Element): Element {
  let el = target;
  while (el.parentElement && el.parentElement !== el.ownerDocument.body) {
    const display = getComputedStyle(el).display;
    if (!display.startsWith("inline") && display !== "contents") break;
    el = el.parentElement;
  }
  return el;
}

/** A block a reader can see: laid out with a size (Tidyread's own element has none). */
function isWalkable(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/**
 * The keyboard walk: the next (or previous) block in reading order at the same level;
 * past the last sibling, the parent's next sibling. Null at either end of the body.
 */
export function stepBlock(from: Element, direction: "next" | "previous"): Element | null {
  const body = from.ownerDocument.body;
  for (let at: Element | null = from; at && at !== body; at = at.parentElement) {
    for (let s = direction === "next" ? at.nextElementSibling : at.previousElementSibling; s; s = direction === "next" ? s.nextElementSibling : s.previousElementSibling) {
      if (isWalkable(s)) return blockOf(s);
    }
  }
  return null;
}

/** The first block inside `el` (a narrower choice), or null when it has none. */
export function innerBlock(el: Element): Element | null {
  for (const child of el.children) if (isWalkable(child)) return child;
  return null;
}

const describe = (el: Element): string => {
  const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
  return `${el.localName}, “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
};

type WalkKey = "ArrowDown" | "ArrowUp" | "Enter";

/**
 * "Hide a block…": the reader points at a block and says what it is (in the panel). Nothing on
 * the page changes while picking; the page's own clicks are held back until the picker ends. Only
 * the reader's own input counts: events a page script makes (untrusted) are ignored.
 */
export class BlockPicker {
  private candidate: Element | null = null;
  private chosen: Element | null = null;
  private readonly controller = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly hooks: PickerHooks,
    /** The article's title: where the keyboard walk starts. */
    private readonly title: Element | null,
    signal: AbortSignal,
  ) {
    const capture = { capture: true, signal: AbortSignal.any([signal, this.controller.signal]) };
    doc.addEventListener("pointermove", (e) => this.point(e), capture);
    doc.addEventListener("click", (e) => this.click(e), capture);
    doc.addEventListener("keydown", (e) => this.key(e), capture);
    signal.addEventListener("abort", () => this.end(), { once: true, signal: this.controller.signal });
    hooks.onState({ stage: "pointing" });
  }

  private pageElementAt(e: MouseEvent): Element | null {
    if (!e.isTrusted || this.hooks.owns(e)) return null;
    const target = e.composedPath()[0];
    return target instanceof Element && target.getRootNode() === this.doc ? target : null;
  }

  private point(e: PointerEvent): void {
    if (this.chosen) return;
    const target = this.pageElementAt(e);
    this.candidate = target ? blockOf(target) : null;
    this.draw(this.candidate);
  }

  private click(e: MouseEvent): void {
    const target = this.pageElementAt(e);
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    if (!this.chosen) this.choose(blockOf(target));
  }

  /** Keys pressed in the page (focus there): the same walk as the panel's keys. */
  private key(e: KeyboardEvent): void {
    if (!e.isTrusted || this.hooks.owns(e)) return;
    if (e.key === "Escape") {
      this.end();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Enter") return;
    if (this.walkKey(e.key, e.shiftKey)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  /**
   * The keyboard path: Down and Up walk the page's blocks in reading order (from the story's
   * title), Shift+Up selects the enclosing block and Shift+Down the first inner one; Enter picks
   * the block walked to, or the block of a page element reached with Tab. True when it acted.
   */
  walkKey(key: WalkKey, shift: boolean): boolean {
    if (this.chosen) return false;
    if (key === "Enter") {
      const focused = this.doc.activeElement;
      const pageFocus = focused && focused !== this.doc.body && focused !== this.doc.documentElement ? blockOf(focused) : null;
      const target = this.candidate ?? pageFocus;
      if (!target) return false;
      this.choose(target);
      return true;
    }
    const next = this.walk(key, shift);
    if (!next) return true; // The walk's end: the current block stays.
    this.candidate = next;
    // Scrolled first: the outline is drawn where the block then is.
    next.scrollIntoView({ block: "nearest" });
    this.draw(next);
    this.hooks.onState({ stage: "walking", block: describe(next) });
    return true;
  }

  /** The block an arrow key moves to, null past either end. */
  private walk(key: "ArrowDown" | "ArrowUp", shift: boolean): Element | null {
    const from = this.candidate ?? (this.title ? blockOf(this.title) : null);
    if (!from) return this.doc.body ? innerBlock(this.doc.body) : null;
    if (!this.candidate) return from;
    if (shift) {
      const parent = from.parentElement;
      return key === "ArrowUp" ? (parent && parent !== this.doc.body ? parent : null) : innerBlock(from);
    }
    return stepBlock(from, key === "ArrowDown" ? "next" : "previous");
  }

  private draw(el: Element | null): void {
    const { outline } = this.hooks;
    const r = el?.getBoundingClientRect();
    outline.hidden = !r;
    if (!r) return;
    Object.assign(outline.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  private widerThan(el: Element): Element | null {
    const parent = el.parentElement;
    return parent && parent !== this.doc.body && parent !== this.doc.documentElement ? parent : null;
  }

  /** Shows the choices for `el` in the panel: a category, a larger block, or cancel. */
  choose(el: Element): void {
    this.chosen = el;
    this.draw(el);
    const block = describe(el);
    const canWiden = this.widerThan(el) !== null;
    this.hooks.onState(this.hooks.holdsStory(el) ? { stage: "refused", block, canWiden } : { stage: "chosen", block, canWiden });
  }

  /** "A larger block": the chosen block's parent. */
  widen(): void {
    const wider = this.chosen && this.widerThan(this.chosen);
    if (wider) this.choose(wider);
  }

  /** The reader said what the chosen block is; a block holding story words is refused again here. */
  file(category: Category): void {
    const el = this.chosen;
    if (!el || this.hooks.holdsStory(el)) return;
    this.hooks.onChoose(el, category);
    this.end();
  }

  end(): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    this.draw(null);
    this.hooks.onState({ stage: "off" });
    this.hooks.onEnd();
  }
}
