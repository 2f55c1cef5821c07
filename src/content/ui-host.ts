import { RepairBudget } from "../shared/budget";
import { el } from "../shared/dom";
import { markAsOurs } from "./ours";
import styles from "./ui-host.css?inline";

/** A page that removes or hides Tidyread's element gets it back 10 times at once, then once every 500 ms. */
const REPAIR_BUDGET = 10;
const REPAIR_REFILL_MS = 500;

/**
 * Tidyread's one element in the page: a closed shadow root that holds its frames (the panel, the
 * reader view), the handle and the picker's outline. Page scripts cannot reach into it; what they
 * can do to the element itself (remove it, move it, close its popover) is undone within the repair
 * budget. It sits in the top layer (a manual popover), so the page cannot lay anything over it.
 */
export class PageUi {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly keeper: MutationObserver;
  private readonly repairs = new RepairBudget(REPAIR_BUDGET, REPAIR_REFILL_MS, () => this.repair());
  private ended = false;
  /** Something of Tidyread's is in the root (false again after clear()). */
  private inUse = false;

  constructor(
    private readonly doc: Document,
    signal: AbortSignal,
  ) {
    // A plain div: a custom element's name could be defined by the page first, and run its code on ours.
    this.host = doc.createElement("div");
    markAsOurs(this.host);
    this.root = this.host.attachShadow({ mode: "closed" });
    this.root.append(el(doc, "style", {}, styles));
    this.keeper = new MutationObserver(() => this.repair());
    // A page that closes the popover: it opens again.
    this.host.addEventListener("toggle", (e) => {
      if ((e as ToggleEvent).newState === "closed") this.repair();
    });
    signal.addEventListener("abort", () => this.end(), { once: true });
  }

  /** Adds an element of Tidyread's UI inside the closed root; the host joins the page on first use. */
  add<T extends Element>(element: T): T {
    this.root.append(element);
    this.inUse = true;
    this.attach();
    return element;
  }

  /** Takes everything out, host included, until the next add(): the page is left as it was. */
  clear(): void {
    this.inUse = false;
    this.keeper.disconnect();
    this.repairs.cancel();
    for (const child of [...this.root.children]) if (child.localName !== "style") child.remove();
    this.host.remove();
  }

  /** Whether an event's target is Tidyread's own UI: by identity, never by an attribute the page can copy. */
  owns(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  private attach(): void {
    if (this.ended) return;
    const html = this.doc.documentElement;
    if (this.host.parentNode !== html) html.append(this.host);
    this.showOnTop();
    // The host's parent and the document (a page may replace <html>).
    this.keeper.observe(this.doc, { childList: true });
    this.keeper.observe(html, { childList: true });
  }

  private showOnTop(): void {
    if (typeof this.host.showPopover !== "function") return;
    if (!this.host.popover) this.host.popover = "manual";
    if (!this.host.matches(":popover-open")) this.host.showPopover();
  }

  /** The page removed, moved or closed the host: put it back, within the repair budget. */
  private repair(): void {
    if (this.ended || !this.inUse || this.repairs.waiting) return;
    const intact = this.host.parentNode === this.doc.documentElement && (typeof this.host.showPopover !== "function" || this.host.matches(":popover-open"));
    if (intact) return;
    if (this.repairs.take()) this.attach();
  }

  private end(): void {
    this.ended = true;
    this.keeper.disconnect();
    this.repairs.cancel();
    this.host.remove();
  }
}
