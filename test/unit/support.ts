import { wordsFor } from "../../src/lang";
import { detectPage } from "../../src/content/detect";
import { PageSession } from "../../src/content/session";
import { siteFor } from "../../src/sites";

export interface Run {
  doc: Document;
  session: PageSession;
}

/** Parses `html` as if served at `url` and runs the content script's session on it, as after load. */
export function runSession(html: string, url: string): Run {
  const withBase = html.includes("<base") ? html : html.replace(/<head>/i, `<head><base href="${url}">`);
  const doc = new DOMParser().parseFromString(withBase, "text/html");
  const site = siteFor(new URL(url).hostname);
  const detection = detectPage(new URL(url), site, doc.documentElement.lang);
  const session = new PageSession(doc, detection, site, wordsFor(detection.lang), { changed() {} });
  if (detection.kind !== "none") session.start();
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
