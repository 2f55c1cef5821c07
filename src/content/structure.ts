// The page's structure, read without its class names: lines of text, headlines, the story's own
// prose, and lists of repeated teaser cards. Words play no part here: this is what holds in any
// language and any markup.
import { NOT_PROSE, squash, visible } from "./text";

/** Tags that only style words: their text belongs to the line of the element around them. */
const FORMATTING = new Set([
  "B", "I", "EM", "STRONG", "INS", "MARK", "U", "S", "SMALL", "SUB", "SUP", "FONT", "WBR", "BR", "ABBR", "Q", "CITE", "BDI",
  "BDO", "DEL", "CODE", "NOBR", "TT", "BIG", "SPAN",
]);
/** Of FORMATTING, those that can still be a line of their own when they stand apart (a <span> in a card). */
const OWN_LINE_WHEN_ALONE = "SPAN";

/** One line of text as the page shows it: an element's own words, with its formatting children's. */
export interface Line {
  element: Element;
  text: string;
}

/** The element a text node's words belong to: the nearest ancestor that is not formatting. */
export function ownerOf(text: Node, root: Element): Element | null {
  let el = text.parentElement;
  while (el && el !== root && FORMATTING.has(el.tagName)) {
    // A <span> with elements beside it (a card's "source" and "date" spans) is a line of its own.
    if (el.tagName === OWN_LINE_WHEN_ALONE && el.parentElement && el.parentElement.childElementCount > 1) return el;
    el = el.parentElement;
  }
  return el;
}

/** Which of `root`'s lines to read: the first `limit`, those of the elements `keep` accepts (the others' words are never put together). */
export interface LineOptions {
  limit?: number;
  keep?: (owner: Element) => boolean;
}

/** The lines of `root`, in page order; a script's or style's text is no line. */
export function linesOf(root: Element, { limit = Infinity, keep }: LineOptions = {}): Line[] {
  const lines: Line[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let owner: Element | null = null;
  let parts: string[] = [];
  const flush = (): void => {
    const text = owner && (!keep || keep(owner)) ? squash(visible(parts.join(""))) : "";
    if (owner && text) lines.push({ element: owner, text });
    parts = [];
  };
  for (let n = walker.nextNode(); n && lines.length < limit; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || NOT_PROSE.has(parent.tagName)) continue;
    const next = ownerOf(n, root);
    if (!next) continue;
    if (next !== owner) {
      flush();
      owner = next;
    }
    parts.push(n.nodeValue ?? "");
  }
  if (lines.length < limit) flush();
  return lines;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Characters of scripts written without spaces between words (Hangul is spaced, but dense). */
export const cjkCount = (text: string): number => text.match(CJK)?.length ?? 0;

/** A headline: a sentence-sized line ("Nintendo's mini NES is out today", "香港暴徒7日晚挑衅港警"), not a menu word. */
export function isHeadline(text: string): boolean {
  if (text.length > 250) return false;
  // A menu's words in Han or kana run to six or so ("国际新闻"); a headline says more.
  if (cjkCount(text) >= 10) return true;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words >= 3 && text.length >= 18;
}

/** A short title in a heading: three words and a dozen letters ("Death By Train"). */
const isShortHeadline = (text: string): boolean => text.length >= 12 && text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 3;

/** A paragraph of prose: long enough that it is read, not scanned. */
export function isProse(text: string): boolean {
  const cjk = cjkCount(text);
  return cjk >= 30 || (cjk < 10 && text.length >= 80);
}

/** A link's address without its fragment, or null for anything but a web link. */
export function webLink(a: Element): string | null {
  const href = a.getAttribute("href");
  if (!href || href.startsWith("#")) return null;
  try {
    const url = new URL(href, a.ownerDocument.baseURI);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** A link that reads as a story's headline, and the line that says it. */
export interface Headline {
  link: Element;
  /** The story's address; null when the link is not a web link (it is still a card, listed without a link). */
  url: string | null;
  /** What identifies the story on the page: its address, or its words. */
  key: string;
  line: Line;
}

/** Hidden by the page itself, between `el` and `root`: the `hidden` attribute or an inline display:none. */
function hiddenWithin(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (e.hasAttribute("hidden") || /display\s*:\s*none/i.test(e.getAttribute("style") ?? "")) return true;
  }
  return false;
}

function inHeading(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (/^H[1-6]$/.test(e.tagName)) return true;
  return false;
}

/** The longest line of a link, when it is a headline and not one of `labels`. */
export function headlineOf(a: Element, labels: (text: string) => boolean): Headline | null {
  // An in-page anchor ("#comments") leads to no story.
  if (!a.hasAttribute("href") || a.getAttribute("href")?.startsWith("#")) return null;
  // A heading inside the link says its title (beside a kicker and a summary); else its longest line,
  // but not one the page keeps hidden (a summary shown on hover).
  // Lengths count a Han, kana or Hangul character twice: "客室乗務員による「空の旅の知られざる真実」" says more than "BUSINESS INSIDER JAPAN".
  const weight = (line: Line): number => line.text.length + cjkCount(line.text);
  let best: Line | null = null;
  let headed: Line | null = null;
  for (const line of linesOf(a)) {
    if (hiddenWithin(line.element, a)) continue;
    if (!best || weight(line) > weight(best)) best = line;
    if ((!headed || weight(line) > weight(headed)) && inHeading(line.element, a) && isHeadline(line.text)) headed = line;
  }
  best = headed ?? best;
  // A title set as a heading may be short ("Death By Train"): the heading says it is one.
  if (!best || !(isHeadline(best.text) || (inHeading(best.element, a) || !!best.element.closest("h1, h2, h3, h4")) && isShortHeadline(best.text)) || labels(best.text)) return null;
  const url = webLink(a);
  return { link: a, url, key: url ?? `words:${best.text}`, line: best };
}

/** Headline links of `root`, in page order; a second link to the same story close by (its image's, its title's) is the same card's. */
export function findHeadlines(root: Element, labels: (text: string) => boolean): Headline[] {
  const headlines: Headline[] = [];
  const lastOfKey = new Map<string, Element>();
  for (const a of root.getElementsByTagName("a")) {
    // A menu's links are the site's sections, not stories.
    if (a.closest("nav")) continue;
    const headline = headlineOf(a, labels);
    if (!headline) continue;
    // The same story's link right after the last headline, both close to where they meet. A list
    // repeated further on (an inline "Related" box, the same stories in a box beside it) is another list.
    const previous = lastOfKey.get(headline.key);
    lastOfKey.set(headline.key, a);
    const common = previous ? commonAncestor(previous, a) : null;
    const adjacent = headlines[headlines.length - 1]?.key === headline.key;
    if (previous && common && adjacent && Math.max(depthBelow(a, common), depthBelow(previous, common)) <= SAME_CARD_LEVELS) continue;
    headlines.push(headline);
  }
  return headlines;
}

/** How many headlines each element holds (up to `root`, not counting it). */
export function countHeadlines(headlines: Headline[], root: Element): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const h of headlines) {
    for (let el: Element | null = h.link; el && el !== root; el = el.parentElement) counts.set(el, (counts.get(el) ?? 0) + 1);
  }
  return counts;
}

/** The story: its title, the element its prose sits in, and that prose (nothing may hide it). */
export interface Story {
  title: Element | null;
  body: Element | null;
  prose: Element[];
}

/** Climbing from a prose line gives its block and its container; scored as Readability does, simply. */
const PROSE_WEIGHTS = [1, 0.5];

/**
 * Is this prose line a teaser's summary: in a small box that holds one headline (not its own)?
 * A story's body may hold one headline link too, but it holds much more text than one card.
 */
function inCard(line: Line, counts: Map<Element, number>): boolean {
  for (let el = line.element.parentElement; el; el = el.parentElement) {
    const n = counts.get(el) ?? 0;
    if (n === 0) continue;
    return n === 1 && squash(el.textContent ?? "").length <= 2 * line.text.length + 300;
  }
  return false;
}

/**
 * Where the story's prose is: the element holding the most paragraph text, after the title (or
 * around it). Prose is a line of reading length outside links and outside teaser cards; a
 * comment is prose too, so only the lines in the story's body count as the story's.
 */
export function findStory(root: Element, title: Element | null, counts: Map<Element, number>): Story {
  const lines = linesOf(root).filter((l) => isProse(l.text) && !l.element.closest("a") && !inCard(l, counts));
  const scores = new Map<Element, number>();
  for (const line of lines) {
    let el: Element | null = line.element.parentElement;
    for (const weight of PROSE_WEIGHTS) {
      if (!el) break;
      scores.set(el, (scores.get(el) ?? 0) + weight * line.text.length);
      el = el.parentElement;
    }
  }
  const eligible = (el: Element): boolean =>
    !title || el.contains(title) || !!(title.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  let body: Element | null = null;
  let best = 0;
  for (const [el, score] of scores) {
    if (score > best && eligible(el)) {
      best = score;
      body = el;
    }
  }
  // The story starts at its title: a promo's text above it is not the story's.
  const inStory = (el: Element): boolean => !!body?.contains(el) && (!title || !!(title.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
  return { title, body, prose: lines.filter((l) => inStory(l.element)).map((l) => l.element) };
}

/** A run of repeated sibling cards, each a link with a headline. */
export interface TeaserList {
  /**
   * The list's elements: its box (grown over a heading or disclosure right around it), or, when the
   * cards sit in the page's own box (<body>, <main>), the cards themselves.
   */
  elements: Element[];
  cards: Element[];
  headlines: Map<Element, Headline>;
}

/** Lines of `elements` outside every one of `cards` (a list's heading, its disclosure): one climb per line, not a scan of the cards. */
export function linesOutside(elements: Element[], cards: Iterable<Element>): Line[] {
  const isCard = new Set(cards);
  const tops = new Set(elements);
  const outside = (owner: Element): boolean => {
    for (let el: Element | null = owner; el; el = el.parentElement) {
      if (isCard.has(el)) return false;
      if (tops.has(el)) return true;
    }
    return true;
  };
  // The cards' own lines are never put together: on a long list they were most of this.
  return elements.flatMap((el) => linesOf(el, { keep: outside }));
}

/** Climbing stops below these: they are the page, not a block. */
const PAGE_LEVEL = new Set(["HTML", "BODY", "MAIN"]);
/** A list's heading or disclosure ("More from CNN", "by Taboola") is short. */
const MAX_WRAPPER_TEXT = 120;
/** Links to the same story this close (in levels) are one card's (its image and its title). */
const SAME_CARD_LEVELS = 4;

function depthBelow(el: Element, ancestor: Element): number {
  let d = 0;
  for (let e: Element | null = el; e && e !== ancestor; e = e.parentElement) d += 1;
  return d;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const above = new Set<Element>();
  for (let e: Element | null = a; e; e = e.parentElement) above.add(e);
  for (let e: Element | null = b; e; e = e.parentElement) if (above.has(e)) return e;
  return null;
}

/**
 * Lists of teaser cards in `root`: an element with three or more children that each hold exactly
 * one headline link, of one tag, outside the story (holding neither its title nor its prose).
 * A heading is not needed; the element grows over a short heading or disclosure around it.
 */
export function findTeaserLists(
  root: Element,
  story: Story,
  headlines: Headline[],
  counts: Map<Element, number>,
  /** Elements that are another block's (a comment box): a list does not grow over them. */
  another: (el: Element) => boolean = () => false,
): TeaserList[] {
  // Each headline's card: the highest element holding it alone; its parent is a list candidate.
  const cardsOf = new Map<Element, Map<Element, Headline>>();
  for (const h of headlines) {
    let card = h.link;
    while (card.parentElement && card.parentElement !== root && counts.get(card.parentElement) === 1) card = card.parentElement;
    const list = card.parentElement;
    if (!list) continue;
    const cards = cardsOf.get(list) ?? new Map<Element, Headline>();
    cards.set(card, h);
    cardsOf.set(list, cards);
  }
  const protectedEls = new Set<Element>();
  for (const el of [story.title, ...story.prose]) for (let e = el; e; e = e.parentElement) protectedEls.add(e);
  const holdsStory = (el: Element): boolean => protectedEls.has(el);

  const lists: TeaserList[] = [];
  for (const [list, cards] of cardsOf) {
    if (cards.size < 3 || holdsStory(list) || list.closest("nav, header, footer")) continue;
    // Repeated: the cards' most common tag, three times at least.
    const byTag = new Map<string, Element[]>();
    for (const card of cards.keys()) byTag.set(card.tagName, [...(byTag.get(card.tagName) ?? []), card]);
    const same = [...byTag.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    if (same.length < 3) continue;
    // The run is repeated; a card of another tag among it (a <div> among <article>s) is its card too.
    const all = [...cards.keys()];
    // In the page's own box, or in a box that holds another block too, the list is its cards alone.
    // Clues only in its cards, repeated in most (each card's comment counter), are the cards' own, not
    // a block beside them; one card holding a clue ("Recent Comments" in a column of boxes) is another block.
    const cardsOwn = all.filter(another).length * 2 >= all.length && ![...list.children].some((c) => !cards.has(c) && another(c));
    const alone = PAGE_LEVEL.has(list.tagName) || (another(list) && !cardsOwn);
    lists.push({ elements: alone ? all : [grow(list, holdsStory, counts, another)], cards: all, headlines: cards });
  }
  return lists;
}

/** The list's element grows over a wrapper that adds only a short heading or disclosure and no other story. */
function grow(list: Element, holdsStory: (el: Element) => boolean, counts: Map<Element, number>, another: (el: Element) => boolean): Element {
  let el = list;
  let extra = 0;
  for (;;) {
    const parent = el.parentElement;
    if (!parent || PAGE_LEVEL.has(parent.tagName) || holdsStory(parent) || (counts.get(parent) ?? 0) !== (counts.get(el) ?? 0)) return el;
    for (const child of parent.childNodes) {
      if (child === el || NOT_PROSE.has((child as Element).tagName)) continue;
      if (child.nodeType === Node.ELEMENT_NODE && another(child as Element)) return el;
      extra += squash(child.textContent ?? "").length;
    }
    if (extra > MAX_WRAPPER_TEXT) return el;
    el = parent;
  }
}
