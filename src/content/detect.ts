import type { LanguageWords } from "../lang";
import type { SiteProfile } from "../sites";
import type { Detection } from "../shared/types";
import { siteNamesOf } from "./cards";
import { findTitle, namedHeadlines } from "./classify";
import { storyCredit } from "./credit";
import { isHeadline, isProse } from "./structure";
import { NOT_PROSE, normalizeLabel, squash } from "./text";

/** The part of an address a profile's patterns read: path and query, e.g. `/hl?a=2017-cnetj`. */
export const addressOf = (url: URL): string => url.pathname + url.search;

/**
 * What kind of page this is, from the site profile's URL patterns. The page's
 * structure (markers, blocks) adds its signals once it has been read.
 */
export function detectPage(url: URL, site: SiteProfile | null, docLang: string | null): Detection {
  const langOf = (tag: string | null | undefined): string => (tag ?? "").toLowerCase().split("-")[0] ?? "";
  const lang = langOf(docLang) || langOf(site?.language) || "en";
  if (!site) return { kind: "none", verdict: "none", confidence: 0, signals: ["no site profile for this host"], lang, site: null };
  const address = addressOf(url);
  const host = url.hostname.toLowerCase();
  for (const page of site.pages) {
    if (page.on && !page.on.includes(host)) continue;
    const m = new RegExp(page.url).exec(address);
    if (!m) continue;
    return {
      kind: page.kind,
      verdict: page.kind,
      confidence: 0.9,
      signals: [`${site.name} ${page.kind} address (${address} matches ${page.url})`],
      lang: langOf(m.groups?.["lang"]) || lang,
      site: site.id,
    };
  }
  return {
    kind: "none",
    verdict: "none",
    confidence: 0.9,
    signals: [`${site.name} page that is neither an article nor a listing (${address})`],
    lang,
    site: site.id,
  };
}

/** Text lines read after a story's title for its prose, and the paragraphs that make it a story. */
const LINES_TO_PROSE = 40;
const STORY_PARAGRAPHS = 2;

/**
 * A story open at a listing's address (an article over the news stream, a listing that shows one
 * story): the heading that says the headline the page names (its document title, og:title or
 * JSON-LD), paragraphs under it, and a line or metadata crediting it to an outlet. Returns why, or
 * null. The address alone is not the page.
 */
export function storyAtListing(doc: Document, languages: LanguageWords[]): string | null {
  const title = doc.body ? findTitle(doc.body, doc) : null;
  const headline = title ? normalizeLabel(title.textContent ?? "") : "";
  // A headline says something ("Space ship breaks up over Siberia"); a listing's is a topic's name ("#Ukraine").
  if (!title || !isHeadline(squash(title.textContent ?? "")) || !namedHeadlines(doc).includes(headline)) return null;
  let paragraphs = 0;
  let lines = 0;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = title;
  for (let n = walker.nextNode(); n && lines < LINES_TO_PROSE && paragraphs < STORY_PARAGRAPHS; n = walker.nextNode()) {
    const parent = n.parentElement;
    const text = squash(n.nodeValue ?? "");
    if (!parent || !text || NOT_PROSE.has(parent.tagName) || title.contains(n)) continue;
    lines += 1;
    if (!parent.closest("a") && isProse(text)) paragraphs += 1;
  }
  if (paragraphs < STORY_PARAGRAPHS) return null;
  const ctx = { languages, order: "dmy" as const, now: new Date(), baseURI: doc.baseURI };
  const credit = storyCredit(title, languages, ctx, siteNamesOf(doc), false);
  if (!credit || credit.form === "name by a time") return null;
  return `a story at a listing's address: “${squash(title.textContent ?? "").slice(0, 80)}”, the page's named headline, with its paragraphs, credited to ${credit.outlet} (${credit.form})`;
}

/** A profile's listing verdict, read again once the page is parsed: a listing that shows a story is an article page. */
export function listingOrArticle(known: Detection, doc: Document, languages: LanguageWords[]): Detection {
  if (known.kind !== "listing") return known;
  const story = storyAtListing(doc, languages);
  return story ? { ...known, kind: "article", verdict: "article", signals: [...known.signals, story] } : known;
}
