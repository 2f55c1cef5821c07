// What the reader sees, checked in the page: article content marked `[data-expect="article"]` must
// be visible, clutter marked `[data-expect-hidden="<category>"]` must not be.
//
// Visible = checkVisibility({visibilityProperty: true}) (no display:none / content-visibility
// hidden ancestor, not visibility:hidden) and at least one client rect with an area.
import type { TestPage } from "./browsers";

export interface Snippet {
  /** Tag name, plus the data-expect-hidden category if any, e.g. `section[comments]`. */
  what: string;
  /** The start of the element's text. */
  text: string;
}

export interface VisibilityReport {
  /** `[data-expect="article"]` elements the reader cannot see. */
  hiddenArticle: Snippet[];
  /** `[data-expect-hidden]` elements the reader can see. */
  shownClutter: Snippet[];
  /** How many of each were checked. */
  articleCount: number;
  clutterCount: number;
}

/**
 * What a reader can see: rendered (no display:none or visibility:hidden on the way up) and with
 * area. Runs in the page; the probe and the report both embed this one definition as source.
 */
export function isShown(el: Element): boolean {
  if (typeof el.checkVisibility === "function") {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
  } else {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (getComputedStyle(e).display === "none") return false;
    }
    if (getComputedStyle(el).visibility !== "visible") return false;
  }
  for (const r of el.getClientRects()) if (r.width > 0 && r.height > 0) return true;
  return false;
}

/** Runs in the page, given `isShown`. Self-contained: it is stringified. */
export function visibilityReport(isShown: (el: Element) => boolean): VisibilityReport {
  const snip = (el: Element): Snippet => {
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    const category = el.getAttribute("data-expect-hidden");
    return {
      what: el.tagName.toLowerCase() + (category ? `[${category}]` : ""),
      text: text.length > 60 ? `${text.slice(0, 60)}…` : text,
    };
  };
  const article = [...document.querySelectorAll('[data-expect="article"]')];
  const clutter = [...document.querySelectorAll("[data-expect-hidden]")];
  return {
    hiddenArticle: article.filter((el) => !isShown(el)).map(snip),
    shownClutter: clutter.filter((el) => isShown(el)).map(snip),
    articleCount: article.length,
    clutterCount: clutter.length,
  };
}

export async function checkVisibility(page: TestPage): Promise<VisibilityReport> {
  return page.evaluate<VisibilityReport>(`(${visibilityReport.toString()})(${isShown.toString()})`);
}

/** `[data-expect="article"]` elements that are not visible. */
export async function hiddenArticle(page: TestPage): Promise<Snippet[]> {
  return (await checkVisibility(page)).hiddenArticle;
}

/** `[data-expect-hidden]` elements that are visible. */
export async function shownClutter(page: TestPage): Promise<Snippet[]> {
  return (await checkVisibility(page)).shownClutter;
}

/** For assertion messages: `section[comments]: "Join the conversation…"`, one a line. */
export const formatSnippets = (items: Snippet[]): string => items.map((s) => `${s.what}: "${s.text}"`).join("\n");
