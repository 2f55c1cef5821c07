import DOMPurify from "dompurify";
import {
  allowedAttr,
  articleAttrNames,
  articleTagNames,
  ARTICLE_TAGS,
  DROPPED_WITH_CONTENT,
  httpUrl,
  URL_ATTRS,
  type ArticleData,
  type ArticleNode,
} from "../shared/article";
import { el } from "../shared/dom";
import { t, uiDir, uiLang, type MessageKey } from "../shared/i18n";
import { READER_SIZE, READER_THEMES, READER_WIDTHS, type ReaderPrefs } from "../shared/settings";

const WIDTH_NAMES: Record<ReaderPrefs["width"], MessageKey> = { narrow: "readerWidthNarrow", medium: "readerWidthMedium", wide: "readerWidthWide" };
const THEME_NAMES: Record<ReaderPrefs["theme"], MessageKey> = { system: "themeSystem", light: "themeLight", dark: "themeDark", sepia: "themeSepia" };

/** What Tab can reach in the reader view. */
const TABBABLE = "a[href], button:not(:disabled), select:not(:disabled), summary, [tabindex]:not([tabindex='-1'])";

/** What the reader view's controls ask for; the reader page (main.ts) passes each on. */
export interface ReaderActions {
  /** Leave (the button or Escape). */
  onClose(): void;
  /** The reader changed size, width or colours: to be remembered. */
  onPrefs(prefs: ReaderPrefs): void;
}

function choice<T extends string>(doc: Document, part: string, values: readonly T[], names: Record<T, MessageKey>): HTMLSelectElement {
  const select = el(doc, "select", { "data-part": part });
  for (const v of values) select.append(el(doc, "option", { value: v }, t(names[v])));
  return select;
}

/**
 * The article's DOM, built again from the tree with createElement under the allowlist (never
 * from markup), then passed through DOMPurify once more with the same allowlist. Links open in a
 * new tab without an opener or a referrer.
 */
export function buildArticle(doc: Document, content: ArticleNode): DocumentFragment {
  const built = buildNode(doc, content);
  const purify = DOMPurify(doc.defaultView ?? window);
  purify.addHook("uponSanitizeAttribute", (_node, data) => {
    if (URL_ATTRS.has(data.attrName) && httpUrl(data.attrValue) !== data.attrValue) data.keepAttr = false;
  });
  const clean = doc.importNode(
    purify.sanitize(built, {
      RETURN_DOM_FRAGMENT: true,
      ALLOWED_TAGS: articleTagNames(),
      ALLOWED_ATTR: articleAttrNames(),
      ADD_FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
    }),
    true,
  );
  for (const link of clean.querySelectorAll("a[href]")) {
    link.setAttribute("target", "_blank");
    link.setAttribute("rel", "noopener noreferrer");
  }
  return clean;
}

/** Iterative, like the tree's making: depth is limited by the tree's check, not by the stack. */
function buildNode(doc: Document, root: ArticleNode): HTMLElement {
  const make = (node: ArticleNode): HTMLElement => {
    // An unknown tag (the check refuses it; this is a second line) becomes a plain <span>.
    const element = doc.createElement(Object.hasOwn(ARTICLE_TAGS, node.tag) ? node.tag : "span");
    for (const [name, value] of Object.entries(node.attrs)) if (allowedAttr(element.localName, name, value)) element.setAttribute(name, value);
    return element;
  };
  const top = make(root);
  const stack: { node: ArticleNode; element: HTMLElement }[] = [{ node: root, element: top }];
  while (stack.length) {
    const { node, element } = stack.pop() as { node: ArticleNode; element: HTMLElement };
    for (const child of node.children) {
      if (typeof child === "string") {
        element.append(doc.createTextNode(child));
        continue;
      }
      const made = make(child);
      element.append(made);
      stack.push({ node: child, element: made });
    }
  }
  return top;
}

/** A date the page gave, in the article's language; null if it does not read as one. */
function readableDate(value: string, lang: string | null): string | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, { dateStyle: "long" }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(date);
  }
}

/**
 * The reader view: Tidyread's extension page, shown in a frame over the page (content/reader.ts).
 * The page can neither read nor change it; the article arrives as data (ArticleData) and is built
 * again here. The toolbar speaks the browser's language; the article keeps the page's.
 */
export class ReaderView {
  private readonly article: HTMLElement;
  private readonly smaller: HTMLButtonElement;
  private readonly larger: HTMLButtonElement;
  private readonly width: HTMLSelectElement;
  private readonly theme: HTMLSelectElement;
  private heading: HTMLElement | null = null;
  private prefs: ReaderPrefs | null = null;

  constructor(
    private readonly doc: Document,
    container: HTMLElement,
    private readonly actions: ReaderActions,
  ) {
    const region = el(doc, "main", { class: "reader", "aria-label": t("readerViewName") });
    const toolbar = el(doc, "div", { class: "toolbar", role: "toolbar", "aria-label": t("readerSettings"), dir: uiDir(), lang: uiLang() });
    // The accessible name starts with the visible text (WCAG 2.5.3), then says what it does.
    this.smaller = el(doc, "button", { type: "button", "data-part": "smaller", "aria-label": `A− ${t("readerSmaller")}` }, "A−");
    this.larger = el(doc, "button", { type: "button", "data-part": "larger", "aria-label": `A+ ${t("readerLarger")}` }, "A+");
    this.width = choice(doc, "width", READER_WIDTHS, WIDTH_NAMES);
    this.theme = choice(doc, "theme", READER_THEMES, THEME_NAMES);
    const widthLabel = el(doc, "label", {}, `${t("readerWidth")} `);
    widthLabel.append(this.width);
    const themeLabel = el(doc, "label", {}, `${t("readerColours")} `);
    themeLabel.append(this.theme);
    const leave = el(doc, "button", { type: "button", "data-part": "close" }, t("readerLeave"));
    toolbar.append(this.smaller, this.larger, widthLabel, themeLabel, leave);
    this.article = el(doc, "article", { class: "article" });
    region.append(toolbar, this.article);
    container.append(region);

    const change = (next: Partial<ReaderPrefs>): void => {
      if (!this.prefs) return;
      this.apply({ ...this.prefs, ...next });
      if (this.prefs) this.actions.onPrefs(this.prefs);
    };
    this.smaller.addEventListener("click", () => change({ size: (this.prefs?.size ?? READER_SIZE.min) - 1 }));
    this.larger.addEventListener("click", () => change({ size: (this.prefs?.size ?? READER_SIZE.max) + 1 }));
    this.width.addEventListener("change", () => change({ width: READER_WIDTHS.find((w) => w === this.width.value) ?? "medium" }));
    this.theme.addEventListener("change", () => change({ theme: READER_THEMES.find((w) => w === this.theme.value) ?? "system" }));
    leave.addEventListener("click", () => this.actions.onClose());
    doc.addEventListener("keydown", (e) => {
      if (e.defaultPrevented) return;
      if (e.key === "Escape") {
        e.preventDefault();
        this.actions.onClose();
      } else if (e.key === "Tab") this.keepFocusInside(e);
    });
  }

  /**
   * Tab past the last control (or Shift+Tab before the first) comes round to the other end: the
   * view covers the page, whose elements would otherwise take the focus unseen underneath.
   */
  private keepFocusInside(e: KeyboardEvent): void {
    const tabbable = [...this.doc.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest("[hidden]"));
    const active = this.doc.activeElement ?? this.doc.body;
    const first = tabbable[0];
    const last = tabbable[tabbable.length - 1];
    if (!first || !last) return;
    // a.compareDocumentPosition(b) & FOLLOWING: b comes after a.
    const after = (a: Node, b: Node): boolean => a !== b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !b.contains(a);
    const leaving = e.shiftKey ? !tabbable.some((el) => after(el, active)) : !tabbable.some((el) => after(active, el));
    if (!leaving) return;
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }

  /** Size, width and colours, on the page's root so the whole frame follows. */
  apply(prefs: ReaderPrefs): void {
    const size = Math.min(READER_SIZE.max, Math.max(READER_SIZE.min, prefs.size));
    this.prefs = { ...prefs, size };
    const root = this.doc.documentElement;
    root.dataset["theme"] = prefs.theme;
    root.dataset["width"] = prefs.width;
    root.style.setProperty("--size", `${size}px`);
    this.smaller.disabled = size <= READER_SIZE.min;
    this.larger.disabled = size >= READER_SIZE.max;
    this.width.value = prefs.width;
    this.theme.value = prefs.theme;
  }

  /** Shows the article (or says there is none), replacing whatever was shown; `prefs` until the reader changes them here. */
  show(article: ArticleData | null, prefs: ReaderPrefs): void {
    this.apply(this.prefs ?? prefs);
    const doc = this.doc;
    const body = this.article;
    body.replaceChildren();
    body.removeAttribute("lang");
    body.setAttribute("dir", "auto");
    if (!article) {
      this.heading = el(doc, "h1", { tabindex: "-1" }, t("readerUnavailable"));
      body.append(this.heading);
      return;
    }
    if (article.lang) body.setAttribute("lang", article.lang);
    if (article.dir) body.setAttribute("dir", article.dir);
    this.heading = el(doc, "h1", { tabindex: "-1" }, article.title);
    body.append(this.heading);
    const credit = [article.byline, article.siteName].filter((s): s is string => Boolean(s)).join(" · ");
    const date = article.publishedTime ? readableDate(article.publishedTime, article.lang) : null;
    if (credit || date) {
      const byline = el(doc, "p", { class: "byline" }, credit);
      if (date && article.publishedTime) {
        if (credit) byline.append(" · ");
        byline.append(el(doc, "time", { datetime: article.publishedTime }, date));
      }
      body.append(byline);
    }
    body.append(buildArticle(doc, article.content));
    doc.title = `${article.title} – ${t("readerViewName")}`;
  }

  /** Moves focus to the article's heading (the view just opened). */
  focus(): void {
    this.heading?.focus();
  }
}
