import { CATEGORY_REGISTRY } from "../shared/categories";
import { t } from "../shared/i18n";
import type { Category } from "../shared/types";
import { ATTR } from "./hide";

export interface PickerUi {
  /** A box in the panel's shadow root, drawn over the block under the pointer. */
  highlight: HTMLElement;
  /** The panel's area for instructions and choices. */
  pickerArea: HTMLElement;
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

/** A block a reader can see: laid out with a size, not one of Tidyread's own hosts. */
function isWalkable(el: Element): boolean {
  if (el.hasAttribute(ATTR.panel) || el.hasAttribute(ATTR.reader)) return false;
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

/** Keys the panel's own controls use while picking: typing in the filter, moving in the list. */
const isPanelControl = (target: EventTarget | undefined): boolean =>
  target instanceof Element && (/^(input|select|textarea)$/.test(target.localName) || !!target.closest('[data-part="teasers"]'));

const describe = (el: Element): string => {
  const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
  return `${el.localName}, “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
};

/**
 * "Hide a block…": the reader points at a block and says what it is. Nothing on the page
 * changes while picking; the page's own clicks are held back until the picker ends.
 */
export class BlockPicker {
  private candidate: Element | null = null;
  private chosen: Element | null = null;
  private readonly controller = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly ui: PickerUi,
    /** The article's title: a block holding it is refused. */
    private readonly title: Element | null,
    private readonly onChoose: (el: Element, category: Category) => void,
    private readonly onEnd: () => void,
  ) {
    const signal = this.controller.signal;
    const capture = { capture: true, signal };
    doc.addEventListener("pointermove", (e) => this.point(e), capture);
    doc.addEventListener("click", (e) => this.click(e), capture);
    doc.addEventListener("keydown", (e) => this.key(e), capture);
    ui.pickerArea.textContent = t("pickPointing");
  }

  private pageElementAt(e: MouseEvent): Element | null {
    const target = e.composedPath()[0];
    if (!(target instanceof Element) || target.closest(`[${ATTR.panel}]`)) return null;
    return target.getRootNode() === this.doc ? target : null;
  }

  private point(e: PointerEvent): void {
    if (this.chosen) return;
    const target = this.pageElementAt(e);
    this.candidate = target ? blockOf(target) : null;
    this.draw(this.candidate);
  }

  private click(e: MouseEvent): void {
    const target = this.pageElementAt(e);
    if (!target) return; // A click in the panel: its own buttons work.
    e.preventDefault();
    e.stopPropagation();
    if (!this.chosen) this.choose(blockOf(target));
  }

  /**
   * The keyboard path: Escape cancels; Down and Up walk the page's blocks in reading order
   * (from the story's title), Shift+Up selects the enclosing block and Shift+Down the first
   * inner one; Enter picks the block walked to, or the block of a page element reached with Tab.
   */
  private key(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      this.end();
      return;
    }
    if (this.chosen || isPanelControl(e.composedPath()[0])) return;
    const next = this.walk(e);
    if (next === undefined) {
      if (e.key !== "Enter") return;
      const focused = this.doc.activeElement;
      const pageFocus = focused && focused !== this.doc.body && !focused.hasAttribute(ATTR.panel) ? blockOf(focused) : null;
      const target = this.candidate ?? pageFocus;
      if (!target) return;
      e.preventDefault();
      e.stopPropagation();
      this.choose(target);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (!next) return; // The walk's end: the current block stays.
    this.candidate = next;
    // Scrolled first: the box is drawn where the block then is.
    next.scrollIntoView({ block: "nearest" });
    this.draw(next);
    // The status area is live: a screen reader hears which block is selected.
    this.ui.pickerArea.textContent = t("pickWalking", describe(next));
  }

  /** The block an arrow key moves to: undefined for any other key, null past either end. */
  private walk(e: KeyboardEvent): Element | null | undefined {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return undefined;
    const from = this.candidate ?? (this.title ? blockOf(this.title) : null);
    if (!from) return this.doc.body ? innerBlock(this.doc.body) : null;
    if (!this.candidate) return from;
    if (e.shiftKey) {
      const parent = from.parentElement;
      return e.key === "ArrowUp" ? (parent && parent !== this.doc.body ? parent : null) : innerBlock(from);
    }
    return stepBlock(from, e.key === "ArrowDown" ? "next" : "previous");
  }

  private draw(el: Element | null): void {
    const { highlight } = this.ui;
    const r = el?.getBoundingClientRect();
    highlight.hidden = !r;
    if (!r) return;
    Object.assign(highlight.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  /** Shows the choices for `el`: a category, a larger block, or cancel. */
  choose(el: Element): void {
    this.chosen = el;
    this.draw(el);
    const area = this.ui.pickerArea;
    const button = (text: string, part: string, onClick: () => void): HTMLButtonElement => {
      const b = this.doc.createElement("button");
      b.type = "button";
      b.dataset["part"] = part;
      b.textContent = text;
      b.addEventListener("click", onClick);
      return b;
    };
    const prompt = this.doc.createElement("p");
    const refused = this.title !== null && el.contains(this.title);
    prompt.textContent = refused ? t("pickRefused") : t("pickChosen", describe(el));
    const choices = refused
      ? []
      : CATEGORY_REGISTRY.map(({ id, nameKey }) =>
          button(t(nameKey), `pick-${id}`, () => {
            this.onChoose(el, id);
            this.end(false);
          }),
        );
    const parent = el.parentElement;
    const wider = parent && parent !== this.doc.body && parent !== this.doc.documentElement ? [button(t("pickWider"), "pick-wider", () => this.choose(parent))] : [];
    area.replaceChildren(prompt, ...choices, ...wider, button(t("pickCancel"), "pick-cancel", () => this.end()));
    (choices[0] ?? area.querySelector("button"))?.focus();
  }

  /** Stops picking; `clear` false keeps the panel's last message (the rule was saved). */
  end(clear = true): void {
    this.controller.abort();
    this.draw(null);
    if (clear) this.ui.pickerArea.replaceChildren();
    this.onEnd();
  }
}
