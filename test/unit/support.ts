import type { PageSession } from "../../src/content/session";
import { createSession } from "../../src/content/start";
import { siteFor } from "../../src/sites";

export interface Run {
  doc: Document;
  /** Null when Tidyread does nothing on the page (as the content script would). */
  session: PageSession | null;
}

/**
 * Parses `html` as if served at `url` and starts Tidyread on it as the content script does,
 * after load: by site profile, or by the generic detector; `forced` as the toolbar button would.
 */
export function runSession(html: string, url: string, forced = false): Run {
  const withBase = html.includes("<base") ? html : html.replace(/<head>/i, `<head><base href="${url}">`);
  const doc = new DOMParser().parseFromString(withBase, "text/html");
  const u = new URL(url);
  const session = createSession(doc, u, { site: siteFor(u.hostname), forced, changed() {} });
  session?.start();
  return { doc, session };
}
/** The hidden category an element is under, if any. */
export function hiddenUnder(el: Element): string | null {
  return el.closest("[data-tidyread-hidden]")?.getAttribute("data-tidyread-hidden") ?? null;
}

/** A short path to an element, for failure messages. */
export function pathOf(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.tagName !== "HTML"; e = e.parentElement) {
    const index = e.parentElement ? [...e.parentElement.children].indexOf(e) + 1 : 1;
    parts.unshift(`${e.tagName.toLowerCase()}[${index}]`);
  }
  return parts.join(">");
}

/** runSession for pages Tidyread must act on. */
export function tidy(html: string, url: string, forced = false): { doc: Document; session: PageSession } {
  const { doc, session } = runSession(html, url, forced);
  if (!session || session.detection.kind === "none") throw new Error(`Tidyread did nothing on ${url}`);
  return { doc, session };
}
