// The in-page half of the benchmark, built by bench/vite.config.ts into one IIFE that the runner
// injects into a freshly loaded page. Each function times one pass over `document` with
// performance.now() (5 µs resolution: the runner serves the pages cross-origin isolated).
import { Readability } from "@mozilla/readability";
import { ATTR } from "../src/content/hide";
import { toPanelTeaser } from "../src/content/panel-data";
import { PageUi } from "../src/content/ui-host";
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
 * what the page controller's render() does for an article page (kind attribute, the handle in
 * Tidyread's closed-shadow host). `later` times what the content script leaves for when the
 * page is idle or the panel opens (fillList: read the teaser cards and cut them into the data
 * the panel frame is sent). The panel itself is an extension page in a frame, outside this
 * pass; only the browser.* calls (storage, messages, the frame) are left out.
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
    const ui = new PageUi(document, new AbortController().signal);
    const handle = ui.add(document.createElement("button"));
    handle.className = "handle";
    handle.textContent = "Related";
    ms = performance.now() - start;
    // fillList(), at idle: read the cards and cut them into the panel's data (its message left out).
    const idle = performance.now();
    const teasers = session.teasers.map((t) => toPanelTeaser(t, false));
    handle.textContent = `Related (${teasers.length})`;
    items = [...new Set(session.teasers.map(teaserKey))].slice(0, 300).length;
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
