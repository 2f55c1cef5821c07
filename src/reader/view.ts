import { ATTR } from "../shared/attributes";
import { el } from "../shared/dom";
import { t, uiDir, uiLang, type MessageKey } from "../shared/i18n";
import type { ReaderApi, ReaderOpenOptions } from "../shared/reader-api";
import { READER_SIZE, READER_THEMES, READER_WIDTHS, type ReaderPrefs } from "../shared/settings";
import { extractArticle } from "./extract";
import styles from "./reader.css?inline";


const WIDTH_NAMES: Record<ReaderPrefs["width"], MessageKey> = { narrow: "readerWidthNarrow", medium: "readerWidthMedium", wide: "readerWidthWide" };
const THEME_NAMES: Record<ReaderPrefs["theme"], MessageKey> = { system: "themeSystem", light: "themeLight", dark: "themeDark", sepia: "themeSepia" };

function choice<T extends string>(doc: Document, part: string, label: string, values: readonly T[], names: Record<T, MessageKey>, current: T): HTMLLabelElement {
  const wrap = el(doc, "label", {}, `${label} `);
  const select = el(doc, "select", { "data-part": part });
  for (const v of values) select.append(el(doc, "option", { value: v }, t(names[v])));
  select.value = current;
  wrap.append(select);
  return wrap;
}

/**
 * A reading view over the page: the article from Readability (run on a clone), sanitized, in
 * an open shadow root. The page's body is only hidden by an attribute on <html>, so leaving
 * restores it exactly, scroll position included.
 */
export class ReaderView implements ReaderApi {
  private host: HTMLElement | null = null;
  private options: ReaderOpenOptions | null = null;
  private returnFocus: Element | null = null;
  private scroll = { x: 0, y: 0 };

  constructor(private readonly doc: Document) {}

  isOpen(): boolean {
    return this.host !== null;
  }

  open(options: ReaderOpenOptions): boolean {
    if (this.host) return true;
    const article = extractArticle(this.doc);
    if (!article) return false;
    const doc = this.doc;
    this.options = options;
    this.returnFocus = deepActiveElement(doc);
    this.scroll = { x: scrollX, y: scrollY };
    const host = el(doc, "div", { [ATTR.reader]: "" });
    const root = host.attachShadow({ mode: "open" });
    const region = el(doc, "section", { class: "reader", "aria-label": t("readerViewName") });
    // The toolbar speaks the browser's language and mirrors with it; the article keeps the page's.
    const toolbar = el(doc, "div", { class: "toolbar", role: "toolbar", "aria-label": t("readerSettings"), dir: uiDir(), lang: uiLang() });
    // The accessible name starts with the visible text (WCAG 2.5.3), then says what it does.
    const smaller = el(doc, "button", { type: "button", "data-part": "smaller", "aria-label": `A− ${t("readerSmaller")}` }, "A−");
    const larger = el(doc, "button", { type: "button", "data-part": "larger", "aria-label": `A+ ${t("readerLarger")}` }, "A+");
    const width = choice(doc, "width", t("readerWidth"), READER_WIDTHS, WIDTH_NAMES, options.prefs.width);
    const theme = choice(doc, "theme", t("readerColours"), READER_THEMES, THEME_NAMES, options.prefs.theme);
    const close = el(doc, "button", { type: "button", "data-part": "close" }, t("readerLeave"));
    toolbar.append(smaller, larger, width, theme, close);

    const body = el(doc, "article", { class: "article" });
    if (article.lang) body.setAttribute("lang", article.lang);
    body.setAttribute("dir", article.dir ?? (doc.documentElement.dir === "rtl" ? "rtl" : "auto"));
    const heading = el(doc, "h1", { tabindex: "-1" }, article.title);
    body.append(heading);
    const byline = [article.byline, article.siteName].filter((s): s is string => Boolean(s)).join(" · ");
    if (byline) body.append(el(doc, "p", { class: "byline" }, byline));
    body.append(article.content);
    region.append(toolbar, body);
    root.append(el(doc, "style", {}, styles), region);

    let prefs = { ...options.prefs };
    const apply = (next: ReaderPrefs, remember: boolean): void => {
      prefs = next;
      region.dataset["theme"] = next.theme;
      region.dataset["width"] = next.width;
      region.style.setProperty("--size", `${next.size}px`);
      smaller.disabled = next.size <= READER_SIZE.min;
      larger.disabled = next.size >= READER_SIZE.max;
      if (remember) options.onPrefs(next);
    };
    apply(prefs, false);
    smaller.addEventListener("click", () => apply({ ...prefs, size: prefs.size - 1 }, true));
    larger.addEventListener("click", () => apply({ ...prefs, size: prefs.size + 1 }, true));
    width.querySelector("select")?.addEventListener("change", (e) => {
      const value = READER_WIDTHS.find((w) => w === (e.target as HTMLSelectElement).value);
      if (value) apply({ ...prefs, width: value }, true);
    });
    theme.querySelector("select")?.addEventListener("change", (e) => {
      const value = READER_THEMES.find((w) => w === (e.target as HTMLSelectElement).value);
      if (value) apply({ ...prefs, theme: value }, true);
    });
    close.addEventListener("click", () => this.close());
    region.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        this.close();
      }
    });

    this.host = host;
    doc.documentElement.setAttribute(ATTR.reading, "");
    doc.documentElement.append(host);
    heading.focus();
    return true;
  }

  close(): void {
    if (!this.host) return;
    this.host.remove();
    this.host = null;
    this.doc.documentElement.removeAttribute(ATTR.reading);
    scrollTo(this.scroll.x, this.scroll.y);
    if (this.returnFocus instanceof HTMLElement || this.returnFocus instanceof SVGElement) this.returnFocus.focus();
    const options = this.options;
    this.options = null;
    options?.onClose();
  }
}

/** The focused element, looking into open shadow roots (the panel's button is in one). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
