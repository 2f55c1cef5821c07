import type { Runtime } from "webextension-polyfill";
import type { ArticleData } from "../../shared/article";
import { isFromReader, type FromReader, type ToReader } from "../../shared/frame-protocol";
import { t } from "../../shared/i18n";
import { ExtensionFrame } from "../frames";
import { ATTR } from "../../shared/attributes";
import { extractArticle } from "./extract";
import type { ReaderApi, ReaderHooks } from "./slot";

/**
 * The reader view for one page run: an extension page in a frame over the whole window. The
 * article is extracted here, in the content script's isolated world, and crosses to the frame as
 * data over its port. The page's DOM gains nothing but the frame inside Tidyread's closed host,
 * and an attribute on <html> that keeps the page from scrolling under the view.
 */
export class ReaderFrame implements ReaderApi {
  private frame: ExtensionFrame<FromReader, ToReader> | null = null;
  private article: ArticleData | null = null;
  private returnFocus: Element | null = null;

  constructor(private readonly hooks: ReaderHooks) {
    hooks.signal.addEventListener("abort", () => this.hide(), { once: true });
  }

  isOpen(): boolean {
    return this.frame !== null;
  }

  /** Takes the port of this run's reader frame (and no other). */
  accept(port: Runtime.Port): boolean {
    return this.frame?.accept(port) ?? false;
  }

  toggle(): boolean | null {
    if (this.frame) {
      this.close();
      return null;
    }
    const { doc, signal } = this.hooks;
    if (signal.aborted) return false;
    const article = extract(doc);
    if (!article) return false;
    this.article = article;
    this.returnFocus = deepActiveElement(doc);
    this.frame = new ExtensionFrame<FromReader, ToReader>(this.hooks.ui(), "reader", t("readerViewName"), isFromReader, (m) => this.fromFrame(m), () => undefined);
    // overflow:hidden keeps the page where it was scrolled, and still, under the view.
    doc.documentElement.setAttribute(ATTR.reading, "");
    this.frame.element.focus();
    this.hooks.onChange(true, false);
    return true;
  }

  /** The frame asks for the article once, when its page starts: it gets it, then the focus. */
  private fromFrame(message: FromReader): void {
    if (message.type === "close") return this.close();
    this.frame?.send({ type: "article", article: this.article });
    this.frame?.send({ type: "focus" });
  }

  /** Leaves the view: the frame goes, the page is as it was, focus goes back where it was. */
  private close(): void {
    if (!this.hide()) return;
    const back = this.returnFocus;
    this.returnFocus = null;
    // Without scrolling: the page stays where the reader left it.
    if (back instanceof HTMLElement || back instanceof SVGElement) back.focus({ preventScroll: true });
    this.hooks.onChange(false, back !== null && deepActiveElement(this.hooks.doc) === back);
  }

  /** Removes the frame and the page's attribute; false if the view was not open. */
  private hide(): boolean {
    const frame = this.frame;
    if (!frame) return false;
    this.frame = null;
    this.article = null;
    frame.remove();
    this.hooks.doc.documentElement.removeAttribute(ATTR.reading);
    return true;
  }
}

/** A page whose markup breaks Readability has no article, not an error. */
function extract(doc: Document): ArticleData | null {
  try {
    return extractArticle(doc);
  } catch {
    return null;
  }
}

/**
 * The page's focused element, looking into its open shadow roots; null for the page's body.
 * Focus inside Tidyread's closed host stops at the host, which takes no focus: the controller
 * then sends it back to the panel or the handle.
 */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === doc.body ? null : active;
}
