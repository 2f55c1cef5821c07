import { CATEGORY_NAMES, t } from "../shared/i18n";
import { CATEGORIES, type Category } from "../shared/types";
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

  /** Escape cancels; Enter on a focused page element (Tab to it) picks its block, for keyboard users. */
  private key(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      this.end();
      return;
    }
    const focused = this.doc.activeElement;
    if (e.key !== "Enter" || this.chosen || !focused || focused === this.doc.body || focused.hasAttribute(ATTR.panel)) return;
    e.preventDefault();
    e.stopPropagation();
    this.choose(blockOf(focused));
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
      : CATEGORIES.map((c) =>
          button(t(CATEGORY_NAMES[c]), `pick-${c}`, () => {
            this.onChoose(el, c);
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
