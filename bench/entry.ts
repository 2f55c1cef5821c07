// The in-page half of the benchmark, built by bench/vite.config.ts into one IIFE that the runner
// injects into a freshly loaded page. Each function times one pass over `document` with
// performance.now() (5 µs resolution: the runner serves the pages cross-origin isolated).
import { Readability } from "@mozilla/readability";
import { SidePanel } from "../src/panel/panel";
import { ATTR } from "../src/content/hide";
import { createSession } from "../src/content/start";
import { buildVocabulary, findMarkers } from "../src/content/markers";
import { teaserKey } from "../src/content/teasers";
import { languagesFor } from "../src/lang";
import { siteFor } from "../src/sites";

export interface Timing {
  ms: number;
  /** Tidyread only: the work it leaves for later (the panel's list: read the cards, fill it). */
  later?: number;
  /** Tidyread only: one markers pass over the page (warm, after the cleaning pass), the floor of any pass that finds blocks by their words. */
  markers?: number;
  /** What the pass found, so that nothing is optimised away and the runner can check the work. */
  detail: Record<string, number | string>;
}

/**
 * Tidyread's cleaning pass on the loaded page, as the content script runs it when it starts
 * on a parsed page: the session (detect by the site profile, markers, classify, hide) and then
 * what content/index.ts's render() does for an article page (kind attribute, the panel in its
 * shadow root with the report, attached to the page, closed as on a first visit). `later` times
 * what the content script leaves for when the page is idle or the panel opens (fillList: read
 * the teaser cards, fill the panel's list). Only the browser.* calls (storage, messages) are
 * left out.
 */
export function tidyread(address?: string): Timing {
  const start = performance.now();
  // A real page served from the bench's origin is read as at its own address (its site profile).
  const url = new URL(address ?? location.href);
  const site = siteFor(url.hostname);
  const session = createSession(document, url, { site, forced: false, changed: () => undefined });
  if (!session) throw new Error(`Tidyread does nothing on ${url.href}`);
  session.start();
  const root = document.documentElement;
  if (session.detection.kind !== "none") root.setAttribute(ATTR.kind, session.detection.kind);
  let items = 0;
  let ms: number;
  let later = 0;
  if (session.detection.kind === "article") {
    // panelSide() with the options' "auto": the page's end side.
    const side = root.dir === "rtl" || getComputedStyle(root).direction === "rtl" ? "left" : "right";
    const panel = new SidePanel(document, {
      side,
      lang: session.detection.lang,
      open: false,
      onToggle: () => undefined,
      onReader: () => undefined,
      onFindOriginal: () => undefined,
      onPick: () => undefined,
      onRestore: () => undefined,
      onCategory: () => undefined,
      onSiteOff: () => undefined,
    });
    panel.setTheme("system");
    const counts = session.marks.counts();
    panel.setReport({ kind: session.detection.kind, signals: session.detection.signals, counts, shown: new Set() });
    panel.attach();
    // markPanelOpen()
    if (panel.isOpen()) root.setAttribute(ATTR.open, side);
    else root.removeAttribute(ATTR.open);
    ms = performance.now() - start;
    // fillList(), at idle: read the cards, fill the list, rememberSeen() (its storage call left out).
    const idle = performance.now();
    const teasers = session.teasers;
    panel.setContent(teasers, Object.values(counts).reduce((a, b) => a + b, 0), null);
    items = [...new Set(teasers.map(teaserKey))].slice(0, 300).length;
    later = performance.now() - idle;
  } else ms = performance.now() - start;
  // The floor: find the clues (every text node against the vocabulary, store links, text boxes) and nothing else.
  const floor = performance.now();
  const markers = findMarkers(document, buildVocabulary(languagesFor(session.detection.lang), site)).length;
  const markersMs = performance.now() - floor;
  const counts = session.marks.counts();
  return {
    ms,
    later,
    markers: markersMs,
    detail: {
      markers,
      kind: session.detection.kind,
      blocks: Object.values(counts).reduce((a, b) => a + b, 0),
      teasers: session.teasers.length,
      remembered: items,
      hidden: document.querySelectorAll(`[${ATTR.hidden}]`).length,
    },
  };
}

/** The peer: Mozilla Readability on a clone of the page (the clone is made outside the timing). */
export function readability(): Timing {
  const clone = document.cloneNode(true) as Document;
  const start = performance.now();
  const article = new Readability(clone).parse();
  const ms = performance.now() - start;
  return { ms, detail: { textLength: article?.textContent?.length ?? 0, title: article?.title ?? "" } };
}

/** The limit: one TreeWalker pass that reads each element's tag and the length of its own text. */
export function walk(): Timing {
  const start = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  let elements = 0;
  let tags = 0;
  let text = 0;
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    const el = node as Element;
    elements += 1;
    tags += el.tagName.length;
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === Node.TEXT_NODE) text += (c as Text).length;
  }
  const ms = performance.now() - start;
  return { ms, detail: { elements, tags, text } };
}

export const contenders = { tidyread, readability, walk };
export type Contender = keyof typeof contenders;
