import type { LanguageWords } from "../lang";
import { findTime, isoFromAttribute, type DateOrder, type FoundTime, type TimeOptions } from "../shared/time";
import { teaserKey } from "../shared/teaser-key";
import type { Teaser } from "../shared/types";
import { isHeadline, linesOf } from "./structure";
import { NOT_PROSE, normalizeLabel, squash, trimEnd, visible } from "./text";

// Still exported here for the content script's own modules; the panel imports it from src/shared.
export { teaserKey };

export interface TeaserContext {
  /** The page's language first; times are read in the first language that knows them. */
  languages: LanguageWords[];
  order: DateOrder;
  now: Date;
  baseURI: string;
}

/** A time stamp inside a card, and a source name run into it ("Newsweek2 days ago"). */
interface Stamp {
  element: Element;
  time: FoundTime;
  prefix: string;
}

// Headings and links are found in script, not with selector lists: some DOMs (jsdom) take ten
// times longer on "h1,h2,…,[role=heading]" or "a[href]" than on a tag-name walk.
const isHeading = (el: Element): boolean => /^h[1-6]$/.test(el.localName) || el.getAttribute("role") === "heading";
function closestHeading(el: Element | null): Element | null {
  for (let e = el; e; e = e.parentElement) if (isHeading(e)) return e;
  return null;
}
/** The first heading in `root` that is not one of `labels` (a lone card's block heading, "Related Articles"). */
function firstHeading(root: Element, labels: Set<string>): Element | null {
  for (const el of root.getElementsByTagName("*")) if (isHeading(el) && !labels.has(normalizeLabel(el.textContent ?? ""))) return el;
  return null;
}
/** Elements with a tag and an attribute, in document order: `a[href]`, `img[alt]`. */
const tagged = (root: Element, tag: string, attr: string): Element[] => [...root.getElementsByTagName(tag)].filter((el) => el.hasAttribute(attr));
/** Longest source name Tidyread will read, alone or run into a time stamp. */
const MAX_SOURCE = 50;

/** "Russia Today", "Sky News Arabia", "NPR ·": a short name, not the start of a sentence. */
export const isOutletName = (text: string): boolean => {
  const name = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "");
  return name.length >= 2 && name.length <= 40 && name.split(/\s+/).length <= 4 && /\p{L}/u.test(name);
};

/** Absolute http(s) URL of a link, or null: page links reach our UI only when they are web links. */
function safeUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function textNodes(root: Element, visit: (text: string, parent: Element) => void): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    const text = squash(n.nodeValue ?? "");
    if (parent && text && !NOT_PROSE.has(parent.tagName)) visit(text, parent);
  }
}

/** A time stamp at the end of `text`, in the page's language or a fallback (`shown`: see findTime). */
export function findTimeIn(text: string, ctx: TeaserContext, shown = true, options: TimeOptions = {}): FoundTime | null {
  for (const words of ctx.languages) {
    const time = findTime(text, words, ctx.now, ctx.order, shown, options);
    if (time) return time;
  }
  return null;
}

/** The time stamp a text node (its text squashed, and its parent) is, or null. */
function stampOf(shown: string, parent: Element, ctx: TeaserContext, withText = true): Stamp | null {
  // Direction marks around a stamp ("منذ 3 ساعات\u200f") are not part of it.
  const text = squash(visible(shown));
  // A headline ending in a date ("…set for June 3, 2025") is a title, not the card's stamp.
  if (text.length > 80 || closestHeading(parent)) return null;
  const time = findTimeIn(text, ctx, withText);
  // A source name may run into the stamp ("Newsweek2 days ago"); a sentence that ends in a time may not.
  const before = time ? text.slice(0, time.start) : "";
  if (!time || (/\p{L}/u.test(before) && !isOutletName(before))) return null;
  const attr = parent.closest("time")?.getAttribute("datetime") ?? null;
  const iso = time.relative ? null : isoFromAttribute(attr);
  return { element: parent, time: iso ? { ...time, iso } : time, prefix: text.slice(0, time.start).trim() };
}

function stampsIn(roots: Element[], ctx: TeaserContext): Stamp[] {
  const stamps: Stamp[] = [];
  for (const root of roots) {
    textNodes(root, (shown, parent) => {
      const stamp = stampOf(shown, parent, ctx);
      if (stamp) stamps.push(stamp);
    });
  }
  return stamps;
}

/** The stamps in `roots`, in page order, found one at a time (a caller may stop early); a date's text is not written. */
function* eachStamp(roots: Element[], ctx: TeaserContext): Generator<Stamp> {
  for (const root of roots) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = squash(n.nodeValue ?? "");
      const stamp = parent && text && !NOT_PROSE.has(parent.tagName) ? stampOf(text, parent, ctx, false) : null;
      if (stamp) yield stamp;
    }
  }
}

/**
 * Cards are the largest subtrees that hold exactly one time stamp: climb from each
 * stamp while the parent holds no other stamp, and no block's label (a "Related Articles"
 * heading and the page's text beside it are not the card's).
 */
function cardsOf(roots: Element[], stamps: Stamp[], labelled: Element[] = []): Map<Element, Stamp> {
  const counts = new Map<Element, number>();
  // Each stamp counts for its ancestors up to the outermost root holding it. One climb per stamp
  // (asking every root whether it contains every ancestor was quadratic in the cards added at once).
  const isRoot = new Set(roots);
  const chain: Element[] = [];
  for (const { element } of stamps) {
    chain.length = 0;
    let top = -1;
    for (let el: Element | null = element; el; el = el.parentElement) {
      chain.push(el);
      if (isRoot.has(el)) top = chain.length - 1;
    }
    for (let i = 0; i <= top; i += 1) {
      const el = chain[i] as Element;
      counts.set(el, (counts.get(el) ?? 0) + 1);
    }
  }
  const holdsLabel = new Set<Element>();
  for (const label of labelled) for (let el: Element | null = label; el && !holdsLabel.has(el); el = el.parentElement) holdsLabel.add(el);
  const cards = new Map<Element, Stamp>();
  for (const stamp of stamps) {
    let card = stamp.element;
    while (card.parentElement && counts.get(card.parentElement) === 1 && (holdsLabel.has(card) || !holdsLabel.has(card.parentElement))) card = card.parentElement;
    if (!cards.has(card)) cards.set(card, stamp);
  }
  return cards;
}

/** A card's title, its link, and the element that shows it (none for an image's alt text). */
interface FoundTitle {
  title: string;
  link: Element | null;
  element: Element | null;
}

/** An element's words without its scripts or styles (a heading may hold a script). */
function proseOf(el: Element): string {
  if (!el.getElementsByTagName("script").length && !el.getElementsByTagName("style").length) return squash(el.textContent ?? "");
  const words: string[] = [];
  textNodes(el, (text) => words.push(text));
  return squash(words.join(" "));
}

/**
 * A link's text without a kind set before it ("Article: <title>", "Video: <title>") when the link
 * names the story itself (its `alt` or `title` attribute) and its text ends with that name.
 */
export function namedTitle(a: Element, text: string): string {
  for (const attr of ["alt", "title"]) {
    const name = squash(a.getAttribute(attr) ?? "");
    if (name.length >= 12 && name.length < text.length && text.endsWith(name)) return name;
  }
  return text;
}

function titleOf(card: Element, labels: Set<string>): FoundTitle | null {
  const heading = firstHeading(card, labels);
  const links = tagged(card, "a", "href");
  const headingText = heading ? proseOf(heading) : "";
  if (heading && headingText) {
    const link = heading.closest("a[href]") ?? tagged(heading, "a", "href")[0] ?? null;
    return { title: headingText, link: link ?? links.find((a) => proseOf(a) === headingText) ?? links[0] ?? null, element: heading };
  }
  const longest = links.map((a) => ({ a, text: proseOf(a) })).sort((x, y) => y.text.length - x.text.length)[0];
  if (longest && longest.text.length >= 12) return { title: namedTitle(longest.a, longest.text), link: longest.a, element: longest.a };
  const alt = tagged(card, "img", "alt")
    .map((img) => squash(img.getAttribute("alt") ?? ""))
    .sort((x, y) => y.length - x.length)[0];
  return alt && alt.length >= 12 ? { title: alt, link: links[0] ?? null, element: null } : null;
}

/**
 * The title closest to the card's stamp: a lone card's region is its whole block, and a heading
 * after the card in that block is not its title.
 */
function titleNear(stamp: Stamp, card: Element, labels: Set<string>): FoundTitle | null {
  for (let el: Element | null = stamp.element; el; el = el.parentElement) {
    const found = titleOf(el, labels);
    if (found || el === card) return found;
  }
  return null;
}

/**
 * Elements in `roots` whose whole text is a label ("Related <b>Articles</b>", "Read more"): a lone
 * card's region reaches its block's heading, which is neither its source nor its summary.
 */
function labelsIn(roots: Element[], labels: Set<string>): Element[] {
  const found: Element[] = [];
  if (labels.size === 0) return found;
  for (const root of roots) {
    textNodes(root, (text, parent) => {
      if (text.length > 80) return;
      if (labels.has(normalizeLabel(text)) || (parent.childNodes.length <= 4 && labels.has(normalizeLabel(parent.textContent ?? "")))) found.push(parent);
    });
  }
  return found;
}

/**
 * The source is the short text that is neither title nor time, preferring one the
 * card repeats (Daily8 prints it twice) and one run into the time stamp. A word set apart
 * inside the title ("rally" in "Markets <b>rally</b>") is the title's.
 */
function sourceOf(card: Element, { title, element }: FoundTitle, stamp: Stamp, exclude: Set<string>, labelled: Element[]): string | null {
  const score = new Map<string, number>();
  const firstSeen: string[] = [];
  const vote = (text: string, weight: number): void => {
    const name = trimEnd(visible(text).replace(/^[-–—•·\s]+/, ""), /[-–—•·|\s]/);
    if (name.length < 2 || name.length > MAX_SOURCE || name === title || exclude.has(normalizeLabel(name))) return;
    if (!score.has(name)) firstSeen.push(name);
    score.set(name, (score.get(name) ?? 0) + weight);
  };
  if (stamp.prefix) vote(stamp.prefix, 2);
  textNodes(card, (text, parent) => {
    if (parent === stamp.element || element?.contains(parent) || parent.closest("button") || labelled.some((l) => l.contains(parent))) return;
    vote(text, 1);
  });
  let best: string | null = null;
  for (const name of firstSeen) if (best === null || (score.get(name) ?? 0) > (score.get(best) ?? 0)) best = name;
  return best;
}

function summaryOf(card: Element, { title, element }: FoundTitle, labelled: Element[]): string | null {
  let best = "";
  textNodes(card, (text, parent) => {
    if (text.length > best.length && text !== title && !element?.contains(parent) && !parent.closest("button") && !labelled.some((l) => l.contains(parent))) best = text;
  });
  return best.length >= 40 ? best : null;
}

/**
 * Would readTeasers(roots) find a teaser? The same answer, from the first card with a title:
 * cards are runs of the page between stamps, so a stamp's card is the climb from it that takes in
 * neither the stamp before it nor the one after. Proving a block this way reads a card or two,
 * not every card's title, source and summary.
 */
export function hasTeaser(roots: Element[], ctx: TeaserContext, exclude: Set<string> = new Set()): boolean {
  const tried = new Set<Element>();
  for (const { stamp, card } of stampCards(roots, ctx)) {
    if (tried.has(card)) continue;
    tried.add(card);
    if (titleNear(stamp, card, exclude)) return true;
  }
  return false;
}

/**
 * Each stamp in `roots` with its card: the largest box around it, inside the outermost root that
 * holds it, that holds no stamp before or after it (as in cardsOf).
 */
function* stampCards(roots: Element[], ctx: TeaserContext): Generator<{ stamp: Stamp; card: Element; top: Element }> {
  const isRoot = new Set(roots);
  const stamps = eachStamp(roots, ctx);
  let before: Stamp | null = null;
  let stamp: Stamp | null = stamps.next().value ?? null;
  while (stamp) {
    const after: Stamp | null = stamps.next().value ?? null;
    let top: Element | null = null;
    for (let el: Element | null = stamp.element; el; el = el.parentElement) if (isRoot.has(el)) top = el;
    let card = stamp.element;
    const other = (el: Element): boolean => (!!before && el.contains(before.element)) || (!!after && el.contains(after.element));
    while (top && card !== top && card.parentElement && !other(card.parentElement)) card = card.parentElement;
    if (top) yield { stamp, card, top };
    before = stamp;
    stamp = after;
  }
}

/** A reader's name beside a post's time: short, a word or a few, no sentence. */
const MAX_NAME = 40;
/**
 * Is `card` a reader's post: a name, its time and what was said (three lines at least, one of them
 * a short name), and no link to a story? A teaser card has a headline link; a post does not.
 */
function isPost(card: Element, stamp: Stamp, labels: Set<string>): boolean {
  // A post links its reader's name, not a story's headline.
  if ([...card.getElementsByTagName("a")].some((a) => isHeadline(squash(a.textContent ?? "")))) return false;
  const lines = linesOf(card).filter((l) => l.element !== stamp.element && /\p{L}/u.test(l.text) && !labels.has(normalizeLabel(l.text)));
  const name = lines.find((l) => l.text.length <= MAX_NAME && l.text.split(/\s+/).length <= 4);
  return !!name && lines.some((l) => l !== name);
}

/**
 * Readers' posts in `roots`: two sibling cards at least, each a post (see isPost). A comment
 * section's label with a thread under it is proven by the thread, with no form or "No comments yet".
 */
export function hasPosts(roots: Element[], ctx: TeaserContext, labels: Set<string>): boolean {
  let last: Element | null = null;
  for (const { stamp, card, top } of stampCards(roots, ctx)) {
    if (card !== top && isPost(card, stamp, labels)) {
      if (last && last.parentElement === card.parentElement && last.tagName === card.tagName && last !== card) return true;
      last = card;
    } else last = null;
  }
  return false;
}

/** The panel shows a teaser, not a page: a card with a 5 MB text is cut to this. */
const MAX_TITLE = 300;
const MAX_SUMMARY = 1_000;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * Reads the teaser cards in `roots` (a related-articles block, or cards added to it
 * later) into plain data, in page order, duplicates merged.
 * `exclude` holds labels that are not source names (the block's own heading).
 */
export function readTeasers(roots: Element[], ctx: TeaserContext, exclude: Set<string> = new Set()): Teaser[] {
  const stamps = stampsIn(roots, ctx);
  const labelled = stamps.length ? labelsIn(roots, exclude) : [];
  const teasers: Teaser[] = [];
  const seen = new Set<string>();
  for (const [card, stamp] of cardsOf(roots, stamps, labelled)) {
    const found = titleNear(stamp, card, exclude);
    if (!found) continue;
    const summary = summaryOf(card, found, labelled);
    const teaser: Teaser = {
      title: clip(found.title, MAX_TITLE),
      url: safeUrl(found.link?.getAttribute("href") ?? null, ctx.baseURI),
      source: sourceOf(card, found, stamp, exclude, labelled),
      time: { text: stamp.time.text, iso: stamp.time.iso },
      summary: summary === null ? null : clip(summary, MAX_SUMMARY),
    };
    const key = teaserKey(teaser);
    if (seen.has(key)) continue;
    seen.add(key);
    teasers.push(teaser);
  }
  return teasers;
}
