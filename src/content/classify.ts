import type { Category, PageKind } from "../shared/types";
import type { Marker } from "./markers";
import type { LanguageWords } from "../lang";
import { isAdLink } from "../platforms";
import { countHeadlines, findHeadlines, findStory, findTeaserLists, linesOf, linesOutside, type Headline, type Story, type TeaserList } from "./structure";
import { hasPosts, hasTeaser, type TeaserContext } from "./teasers";
import { byDocumentOrder, normalizeLabel, NOT_PROSE, squash } from "./text";

/** A block to hide: one or more sibling elements, with the reason it was chosen. */
export interface Block {
  category: Category;
  elements: Element[];
  reason: string;
  /** A list found by its structure: its cards, each with its headline (read for the panel), and whether it is an ad. */
  cards?: { card: Element; headline: Headline; ad: boolean }[];
  /** Proven by its structure alone (a list of teaser cards with no label of its own). */
  byStructure?: boolean;
  /** Lists found by structure inside this label's block (it reads their cards and its own stamped ones). */
  holds?: Block[];
}

export interface ClassifyOptions {
  kind: PageKind;
  teasers: TeaserContext;
  /** Labels that are not source names when teasers are read. */
  labels: Set<string>;
  /** While the page is still loading: every label counts, proof comes once the block is complete. */
  provisional?: boolean;
  /** Proofs already found, by block element and category: a related block's teasers are read once. */
  proofs?: WeakMap<Element, Proofs>;
  /** The title, when already known. */
  title?: Element | null;
  /** The page's structure from an earlier pass, kept by the session while its links and prose stay. */
  structure?: StructureCache;
  /**
   * The page is an aggregator's by its own signals: a list of teaser cards is proven by its
   * structure alone. Elsewhere (a page the reader asked to tidy) a list needs its label too.
   */
  structural?: boolean;
}

/** How many boxes up a list's heading may sit: in the list's wrapper, or beside a wrapper of it. */
const HEADING_LEVELS = 4;
/** A list's heading is a line, not a paragraph ("More from CNN", "为您推荐", "Before you go, we thought you'd like these..."). */
const MAX_HEADING = 80;
/** A heading that is a link (to the list's section) says no more than a section's name. */
const MAX_LINKED_HEADING = 30;
/** A heading box that starts or ends with its label ("Rekomendasi untuk anda", then "Powered by …" and its tooltip). */
const MAX_HEADING_BOX = 400;

const isHeadingTag = (el: Element): boolean => /^H[1-6]$/.test(el.tagName) || el.getAttribute("role") === "heading";

/** Says its text as a heading: a heading element, or a box whose first line is one. */
function headingLike(el: Element): boolean {
  if (isHeadingTag(el)) return true;
  // Only the first line: a list's whole text was read to find it.
  const first = linesOf(el, { limit: 1 })[0];
  for (let e: Element | null = first?.element ?? null; e && e !== el; e = e.parentElement) if (isHeadingTag(e)) return true;
  return false;
}

/** What a list's heading may be, beside being short and linking to no story. */
interface HeadingRules {
  counts: Map<Element, number>;
  /** Holds a related (or, as a heading or a phrase, sponsored) label. */
  isListLabel: (el: Element) => boolean;
  /** A heading that may say its list is ads: not one that heads it only by a sponsored phrase. */
  saysAds: (el: Element) => boolean;
  /** The story's title, prose or last line is in it: never taken, nor climbed to. */
  barred: (el: Element) => boolean;
  /** Another category's clue is in it (a comment box): not the list's heading. */
  another: (el: Element) => boolean;
  /** The story's body: a heading there without a list label may be the story's own sub-heading. */
  body: Element | null;
  /** The headline link in a lead card. */
  headlineIn: (el: Element) => Headline | null;
}

/**
 * A list's heading: the short line that comes right before it inside the smallest box holding both
 * ("More from CNN" just before the list, "为您推荐" in a box beside the list's wrapper), with no
 * other text between. It is a list label, or (outside the story's body) a heading element.
 */
function headingBefore(list: Element, rules: HeadingRules): { heading: Element | null; lead: Element | null; pagers: Element[] } {
  let el = list;
  let lead: Element | null = null;
  const pagers: Element[] = [];
  // Textless siblings (an icon, an empty ad slot, a script) and a carousel's pager ("1 - 6 of 15") stand between nothing.
  const skip = (n: ChildNode): boolean => {
    if (n.nodeType !== Node.ELEMENT_NODE) return !hasText(n);
    if (NOT_PROSE.has((n as Element).tagName) || !hasText(n)) return true;
    const pager = isPager(n as Element);
    if (pager) pagers.push(n as Element);
    return pager;
  };
  // A lead card with no heading before it may be the heading itself, linked to its section.
  const done = (heading: Element | null): { heading: Element | null; lead: Element | null; pagers: Element[] } =>
    !heading && lead && isListHeading(lead, rules) ? { heading: lead, lead: null, pagers } : { heading, lead, pagers };
  for (let level = 0; level < HEADING_LEVELS; level += 1) {
    let before: ChildNode | null = el.previousSibling;
    while (before && skip(before)) before = before.previousSibling;
    // A lead card set apart just before the list (a featured story) is the list's; its heading may come before it.
    if (!lead && before && before.nodeType === Node.ELEMENT_NODE && isLeadCard(before as Element, rules)) {
      lead = before as Element;
      before = before.previousSibling;
      while (before && skip(before)) before = before.previousSibling;
    }
    if (before) return done(before.nodeType === Node.ELEMENT_NODE && isListHeading(before as Element, rules) ? (before as Element) : null);
    const parent = el.parentElement;
    if (!parent || STOP_AT.has(parent.tagName) || rules.barred(parent)) return done(null);
    el = parent;
  }
  return done(null);
}

/** A carousel's pager: a short count with a word at most between its numbers ("1 - 6 of 15", "2 / 5"). */
function isPager(el: Element): boolean {
  const text = squash(el.textContent ?? "");
  return text.length <= 20 && /\d/.test(text) && text.replace(/[\d\s\p{P}\p{S}]/gu, "").length <= 3;
}

/** A list's lead card: one headline link in a card-sized box, outside the story's body. */
const MAX_LEAD_CARD = 400;
function isLeadCard(el: Element, rules: HeadingRules): boolean {
  if (rules.counts.get(el) !== 1 || rules.barred(el) || rules.another(el) || rules.body?.contains(el)) return false;
  return squash(el.textContent ?? "").length <= MAX_LEAD_CARD;
}

function isListHeading(el: Element, rules: HeadingRules): boolean {
  const links = rules.counts.get(el) ?? 0;
  if (links > 1 || rules.barred(el) || rules.another(el)) return false;
  const text = squash(el.textContent ?? "");
  if (!text) return false;
  // A heading may link to its section ("注目のビジネスニュース", read as a headline): then it is short.
  if (text.length > (links ? MAX_LINKED_HEADING : MAX_HEADING)) {
    // A heading box that starts or ends with the list's label may say more beside it (who chose the list, a tooltip, a disclosure).
    if (links || text.length > MAX_HEADING_BOX) return false;
    const lines = linesOf(el);
    return [lines[0], lines[lines.length - 1]].some((line) => !!line && rules.isListLabel(line.element));
  }
  // Only a list's own label, or a heading outside the story: a story's sub-heading may stand before a list too.
  return rules.isListLabel(el) || (headingLike(el) && !rules.body?.contains(el));
}

/** The sponsored wording of the page's languages ("Sponsored", "Ad", "广告"), as labels. */
const sponsoredCache = new WeakMap<LanguageWords[], Set<string>>();
function sponsoredWords(languages: LanguageWords[]): Set<string> {
  let words = sponsoredCache.get(languages);
  if (!words) {
    words = new Set(languages.flatMap((l) => [...(l.labels.sponsored ?? []), ...(l.evidence.sponsored ?? [])]).map(normalizeLabel));
    sponsoredCache.set(languages, words);
  }
  return words;
}

/** A paid card: its link says so (rel="sponsored", an ad platform's address), or a short line does ("Sponsored", "Ad"). */
const adCards = new WeakMap<Element, boolean>();
function isAdCard(card: Element, headline: Headline, sponsored: Set<string>): boolean {
  let ad = adCards.get(card);
  if (ad === undefined) {
    ad = readAsAd(card, headline, sponsored);
    adCards.set(card, ad);
  }
  return ad;
}
function readAsAd(card: Element, headline: Headline, sponsored: Set<string>): boolean {
  if (/\bsponsored\b/i.test(headline.link.getAttribute("rel") ?? "") || isAdLink(headline.link.getAttribute("href") ?? "")) return true;
  return linesOf(card).some((l) => l.text.length <= 40 && sponsored.has(normalizeLabel(l.text)));
}

/**
 * Lists of teaser cards as blocks: related stories (their cards are read for the panel), or a
 * sponsored list when its heading says so or most of its cards are ads.
 */
function listBlocks(
  lists: TeaserList[],
  isLabel: (text: string) => boolean,
  headings: HeadingRules,
  sponsored: Set<string>,
  title: Element | null,
): Block[] {
  return lists.map((list) => {
    const found = list.elements[0] ? headingBefore(list.elements[0], headings) : { heading: null, lead: null, pagers: [] };
    // The heading before a list is never the story's own title (nor its lead card).
    const isTitle = (el: Element | null): boolean => !!el && !!title && (el === title || el.contains(title) || title.contains(el));
    const heading = isTitle(found.heading) ? null : found.heading;
    const lead = isTitle(found.lead) ? null : found.lead;
    const leadHeadline = lead ? headings.headlineIn(lead) : null;
    const cards = [...(lead && leadHeadline ? [lead] : []), ...list.cards].flatMap((card) => {
      const headline = card === lead ? leadHeadline : list.headlines.get(card);
      return headline ? [{ card, headline, ad: isAdCard(card, headline, sponsored) }] : [];
    });
    // Its own lines, outside the cards: a heading, a disclosure ("by Taboola", "Sponsored Links").
    // A list headed as stories ("MORE FOR YOU") with a disclosure beside it mixes stories and ads.
    const own = linesOutside([heading && headings.saysAds(heading) ? heading : null, ...list.elements].filter((el): el is Element => !!el), list.cards);
    // A pager between the heading and the list is the list's too.
    const elements = [heading, ...(heading ? found.pagers : []), lead && leadHeadline ? lead : null, ...list.elements].filter((el): el is Element => !!el);
    const adLine = own.find((l) => sponsored.has(normalizeLabel(l.text)));
    const headedAsAds = !!adLine && !own.some((l) => isLabel(l.text) && !sponsored.has(normalizeLabel(l.text)));
    const ads = cards.filter((c) => c.ad).length;
    const paid = headedAsAds || ads * 2 >= cards.length;
    return {
      category: paid ? "sponsored" : "related",
      elements,
      reason: `${list.cards.length} repeated teaser cards, each a headline link${paid ? (headedAsAds ? `, under “${adLine?.text}”` : `, ${ads} of them ads`) : ""}`,
      cards: paid ? cards.map((c) => ({ ...c, ad: true })) : cards,
    };
  });
}

/** The structure a pass read (headlines, the story, teaser lists); the session empties it when links or prose arrive. */
export interface StructureCache {
  value: {
    title: Element | null;
    kind: PageKind;
    headlines: Headline[];
    counts: Map<Element, number>;
    story: Story;
    lists: TeaserList[];
  } | null;
}

/** What proved a block, per category ("" when its own marker did). */
export type Proofs = Partial<Record<Category, string>>;

export interface Classification {
  blocks: Block[];
  /** The story's title and its last text before the first block: nothing holding them is hidden. */
  title: Element | null;
  articleEnd: Element | null;
  /** The first proven block after the title: text added between it and `articleEnd` moves the article's end. */
  endBlock: Element | null;
  /** The story's body and prose, as its structure says (see structure.ts). */
  story: Story;
  /**
   * Where every block's climb stopped (the parent of its top): what the classification read.
   * Outside these, and outside the span from `articleEnd` to `endBlock`, a change without new
   * markers cannot change it.
   */
  regions: Set<Element>;
}

/** Climbing stops below these: hiding one of them would hide the page, not a block. */
const STOP_AT = new Set(["HTML", "BODY", "MAIN", "HEADER", "FOOTER", "NAV"]);
/** A label this long is a comment section's note, or a paragraph that opens like one. */
const NOTE_LENGTH = 60;
/** A comment section's control line: sort tabs ("Popular Now Newest Oldest Most Replied"), a pager. */
const CONTROL_LINE = 40;
/** Banners and promos are small; a climb from a store link stops where the text grows past this. */
const COMPACT = 600;

const isTitleHeading = (el: Element): boolean => el.tagName === "H1" && squash(el.textContent ?? "").length >= 8;
/** A masthead's h1 ("msn back to msn home news") links to the site's home; a story's title does not. */
const isMasthead = (el: Element): boolean =>
  [...el.getElementsByTagName("a")].some((a) => {
    const href = a.getAttribute("href") ?? "";
    return /^(?:https?:)?(?:\/\/[^/]+)?\/?(?:index\.\w+)?$/i.test(href.trim());
  });

/** JSON-LD blocks larger than this are not read for a headline (a page's whole data layer). */
const MAX_JSON_LD = 100_000;

/** `headline` values in the page's JSON-LD, first few. */
function jsonLdHeadlines(doc: Document): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (found.length >= 3 || depth > 6 || typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const record = value as Record<string, unknown>;
    if (typeof record["headline"] === "string") found.push(record["headline"]);
    for (const v of Object.values(record)) visit(v, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? "";
    if (text.length > MAX_JSON_LD) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // A page's broken JSON-LD names no headline.
    }
  }
  return found;
}

/** The story's headline as the page names it: JSON-LD `headline`, og:title, twitter:title, the document's title. */
export function namedHeadlines(doc: Document): string[] {
  const meta = (key: string): string => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? "";
  const docTitle = doc.title ?? "";
  const names = [...jsonLdHeadlines(doc), meta("og:title"), meta("twitter:title"), docTitle, docTitle.split(/\s[|–—-]\s|[_｜|]/)[0] ?? ""];
  return [...new Set(names.map(normalizeLabel).filter((n) => n.length >= 8))];
}

const HEADINGS = "h1, h2, h3, [itemprop=headline], [role=heading]";

/**
 * The story's title in `root`: the heading that says the headline the page names (JSON-LD, og:title,
 * the document's title), else the text that says it, else (once the page is `settled`, or when the
 * page names none) the first `h1` that is not the site's masthead.
 */
export function findTitle(root: Element, doc: Document, settled = true): Element | null {
  const named = namedHeadlines(doc);
  const says = (text: string): boolean => {
    const t = normalizeLabel(text);
    return t.length >= 8 && named.some((n) => n === t || (Math.min(n.length, t.length) >= 12 && (n.includes(t) || t.includes(n))));
  };
  const headings = [...(root.matches(HEADINGS) ? [root] : []), ...root.querySelectorAll(HEADINGS)];
  // The highest heading that says it: a story open over a stream of cards repeats its headline in
  // a card's h3 before its own h1.
  const saying = headings.filter((h) => says(h.textContent ?? ""));
  const heading = saying.find((h) => h.tagName === "H1") ?? saying[0];
  if (heading) return heading;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && !NOT_PROSE.has(parent.tagName) && (n.nodeValue ?? "").length < 400 && named.includes(normalizeLabel(n.nodeValue ?? ""))) return parent;
  }
  if (named.length && !settled) return null;
  return [...(root.tagName === "H1" ? [root] : []), ...root.querySelectorAll("h1")].find((h) => isTitleHeading(h) && !isMasthead(h)) ?? null;
}

function headingRank(el: Element): number {
  const m = /^H([1-6])$/.exec(el.tagName);
  if (m) return Number(m[1]);
  if (el.getAttribute("role") === "heading") return Number(el.getAttribute("aria-level") ?? 2);
  return 99;
}

/** The rank of the heading `el` opens with, through wrappers with no text before it (`<div><h2>…</h2>…</div>`), else 99. */
function leadingHeadingRank(el: Element): number {
  let e: Element | null = el;
  for (let depth = 0; e && depth < 4; depth += 1) {
    const rank = headingRank(e);
    if (rank < 99 || hasOwnTextBefore(e, e.firstElementChild)) return rank;
    e = e.firstElementChild;
  }
  return 99;
}

/** Text directly in `el` before `child` (all of its own text when `child` is null). */
function hasOwnTextBefore(el: Element, child: Element | null): boolean {
  for (let n = el.firstChild; n && n !== child; n = n.nextSibling) if (n.nodeType === Node.TEXT_NODE && /\S/.test(n.nodeValue ?? "")) return true;
  return false;
}

/** Text before `el` among its siblings (an icon or image before a heading is fine). */
function hasTextBefore(el: Element): boolean {
  for (let n = el.previousSibling; n; n = n.previousSibling) {
    if (/\S/.test(n.textContent ?? "")) return true;
  }
  return false;
}

/** Text in `node` (a text node, or anywhere under an element), found without reading it all. */
function hasText(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return /\S/.test(node.nodeValue ?? "");
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const walker = node.ownerDocument?.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let n = walker?.nextNode(); n; n = walker?.nextNode()) if (/\S/.test(n.nodeValue ?? "")) return true;
  return false;
}

/** Does `el`'s parent hold text besides `el`'s own? Then it is more than a wrapper around `el`. */
function parentAddsText(el: Element): boolean {
  for (let n = el.parentNode?.firstChild; n; n = n.nextSibling) if (n !== el && hasText(n)) return true;
  return false;
}

/** Text after `el` among its siblings, other than in the siblings `skip` accepts and a close button's "×". */
function hasTextAfter(el: Element, skip: (n: Element) => boolean): boolean {
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (hasText(n) && !(n.nodeType === Node.ELEMENT_NODE && skip(n as Element)) && /[\p{L}\p{N}]/u.test(n.textContent ?? "")) return true;
  }
  return false;
}

/** A letter normalizeLabel keeps (tatweel is the one letter it drops). */
const KEPT_LETTER = /(?!\u0640)\p{L}/u;

/**
 * Is `top`'s text, as a label, the text of `label` inside it? normalizeLabel() keeps every letter
 * but tatweel, so a letter outside `label` answers no without reading a big block's whole text
 * (which, done on every parser batch, made loading a long page quadratic).
 */
function standsAlone(top: Element, label: Element): boolean {
  if (top === label) return true;
  const walker = top.ownerDocument.createTreeWalker(top, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (KEPT_LETTER.test(n.nodeValue ?? "") && !label.contains(n)) return false;
  }
  return normalizeLabel(top.textContent ?? "") === normalizeLabel(label.textContent ?? "");
}

/** `el` and every element that holds it. */
function inclusiveAncestors(el: Element | null): Set<Element> {
  const set = new Set<Element>();
  for (let e = el; e; e = e.parentElement) set.add(e);
  return set;
}

/** The last element with text that comes before `el` in document order, outside it. */
function lastTextBefore(el: Element): Element | null {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = el;
  for (let n = walker.previousNode(); n; n = walker.previousNode()) {
    if (/\S/.test(n.nodeValue ?? "") && !el.contains(n) && n.parentElement?.tagName !== "SCRIPT") return n.parentElement;
  }
  return null;
}

/**
 * Classifies the blocks the markers introduce. The article comes first: its title and
 * everything from it to the first proven block are off limits, so a block never grows
 * into the story, whatever words the story uses.
 */
export function classify(doc: Document, found: Marker[], opts: ClassifyOptions): Classification {
  let markers = found
    .filter((m) => m.element.isConnected && !(opts.kind === "listing" && m.category === "related"))
    .sort((a, b) => byDocumentOrder(a.element, b.element));
  const title = opts.title ?? (doc.body ? findTitle(doc.body, doc) : null);
  let articleEnd: Element | null = null;
  const regions = new Set<Element>();

  // What holds the title, the article's end and each category's markers, by ancestor sets:
  // asking contains() at every step of every climb was quadratic in the page's depth.
  const holdingTitle = inclusiveAncestors(title);
  const isLabel = (text: string): boolean => opts.labels.has(normalizeLabel(text));
  // The page's structure, read again only when its links or prose may have changed (see StructureCache).
  const kept = opts.structure?.value;
  const reuse = !!kept && kept.title === title && kept.kind === opts.kind && kept.story.prose.every((p) => p.isConnected);
  // While the page loads, every label's block is held back until it is complete: the structure is
  // read once the page is parsed (reading it at every parser batch made a long page's load quadratic).
  const readStructure = !!doc.body && !opts.provisional;
  const headlines = reuse && kept ? kept.headlines : readStructure && doc.body ? findHeadlines(doc.body, isLabel) : [];
  const headlineCounts = reuse && kept ? kept.counts : readStructure && doc.body ? countHeadlines(headlines, doc.body) : new Map<Element, number>();
  // A listing page has no story of its own: its cards' summaries are not prose to keep.
  const story: Story =
    reuse && kept ? kept.story : readStructure && doc.body && opts.kind !== "listing" ? findStory(doc.body, title, headlineCounts) : { title, body: null, prose: [] };
  /** The story's prose up to its end (see below) and what holds it: no block may take it in, whatever its label says. */
  const holdingProse = new Set<Element>();
  /** The box the title sits in, with the story's first lines: what is set into it is set into the story. */
  const storyBox = title?.parentElement && !STOP_AT.has(title.parentElement.tagName) ? title.parentElement : null;
  let holdingEnd = new Set<Element>();
  const protects = (el: Element): boolean => holdingTitle.has(el) || holdingEnd.has(el) || holdingProse.has(el);
  // A paragraph of the story is the story's, whatever its opening says ("Comments are the views of
  // many, the minister said"): only a comment section's note is that long and still a label.
  const longMarkers = markers.filter((m) => m.from === "text" && (m.text?.length ?? 0) >= NOTE_LENGTH);
  if (longMarkers.length && story.prose.length) {
    const inStory = new Set(longMarkers.filter((m) => story.prose.some((p) => m.element.contains(p))));
    if (inStory.size) markers = markers.filter((m) => !inStory.has(m));
  }
  const categoriesWithin = new Map<Element, Set<Category>>();
  for (const m of markers) {
    // A follow link or an e-mail field proves a promo, but does not make a comment thread or a
    // list (which may hold them) a mix of categories.
    if (m.category === "app-banner" && !m.label) continue;
    for (let el: Element | null = m.element; el; el = el.parentElement) {
      const within = categoriesWithin.get(el) ?? new Set<Category>();
      if (within.has(m.category)) break; // and so do its ancestors
      within.add(m.category);
      categoriesWithin.set(el, within);
    }
  }
  const othersWithin = (el: Element, category: Category): boolean => {
    const within = categoriesWithin.get(el);
    return !!within && (within.size > 1 || !within.has(category));
  };
  // Another clue beside the label (store badges, a comment box): `top` is a whole block, not a
  // heading alone among the page's siblings. (A label's element may already hold such textless
  // clues: it grows over siblings that add no text.)
  const holdsOtherClue = (top: Element, marker: Marker): boolean =>
    markers.some((m) => m.element !== marker.element && top.contains(m.element));

  /** `top`, grown from `marker`, already holds what proves its block: the marker itself, evidence, teaser cards. */
  const complete = (marker: Marker, top: Element): boolean =>
    marker.evidence ||
    (marker.category === "related"
      ? hasTeaser([top], opts.teasers, opts.labels)
      : markers.some((m) => m.category === marker.category && m.evidence && top.contains(m.element)));

  /**
   * `top` is more than the marker alone: a badge already in a box of its own, or a label with
   * another clue beside it (a banner's heading and its badge). A lone heading is not: its block
   * is the box it heads.
   */
  const hasOwnBox = (top: Element, marker: Marker): boolean =>
    marker.from === "element" ? top !== marker.element : !standsAlone(top, marker.element) || holdsOtherClue(top, marker);

  /** A store badge of the banner (or a wrapper saying nothing more): the next badge after one. */
  const isBadge = (el: Element): boolean =>
    markers.some(
      (m) =>
        m.from === "element" &&
        m.category === "app-banner" &&
        (m.element === el || (el.contains(m.element) && normalizeLabel(el.textContent ?? "") === normalizeLabel(m.element.textContent ?? ""))),
    );

  /**
   * A small box whose links all go where a comments label's link goes: one discussion's card (the
   * story it is about, a reader's post, then "Join the Conversation"), the label's block. A post may
   * run long: twice a banner's size.
   */
  const oneDiscussion = (box: Element, marker: Marker): boolean => {
    const href = marker.category === "comments" ? marker.element.closest("a")?.getAttribute("href") : null;
    if (!href || squash(box.textContent ?? "").length > 2 * COMPACT) return false;
    return [...box.querySelectorAll("a")].every((a) => a.getAttribute("href") === href);
  };

  const blockFor = (marker: Marker): Element[] => {
    let top = marker.element;
    let boxed = false;
    // A promo that proves itself (a "Subscribe to …" link, a site's notice) is its own block: the
    // box around it, or the siblings after it, are a menu's other items or the page's next part.
    const selfProven = marker.from === "text" && marker.category === "app-banner" && marker.evidence;
    let card = false;
    for (;;) {
      const parent = top.parentElement;
      if (!parent || STOP_AT.has(parent.tagName) || protects(parent) || othersWithin(parent, marker.category)) break;
      if (selfProven && parentAddsText(top)) break;
      if (oneDiscussion(parent, marker)) {
        top = parent;
        card = true;
        continue;
      }
      // The discussion's card is its block: what holds other links beside it is not.
      if (card) break;
      // A label starts its block; a store link ends a small one (a banner's words come before its badges).
      if (marker.from === "text" ? hasTextBefore(top) : (parent.textContent ?? "").length > COMPACT || hasTextAfter(top, isBadge)) break;
      if (parentAddsText(top)) {
        // The first parent with more to say is the box the marker heads (or sits in). A box that
        // already proves its block does not take in what follows it: a box at the top of a
        // story's body is not the story. Inside the story's own box (a promo set into the story),
        // nor does any box that proves its block: the text around it is the story's.
        if ((boxed || (storyBox?.contains(parent) && hasOwnBox(top, marker))) && complete(marker, top)) break;
        boxed = true;
      }
      top = parent;
    }
    regions.add(top.parentElement ?? top);
    const elements = [top];
    // A counter that is a link or a button ("102 comments" under the byline) leads to the comments:
    // what follows it may be the story.
    const heads = !marker.counter || !marker.element.closest("a, button");
    if (marker.from === "text" && heads && !selfProven && standsAlone(top, marker.element) && !holdsOtherClue(top, marker)) {
      // A heading among siblings (a flat layout): the block is the heading and what follows it.
      const rank = Math.min(headingRank(top), 2);
      const compact = marker.category === "ai-promo" || marker.category === "app-banner";
      let length = (top.textContent ?? "").length;
      for (let s = top.nextElementSibling; s; s = s.nextElementSibling) {
        // The next heading ends it, bare or in a wrapper (a list's heading box after the comments).
        if (STOP_AT.has(s.tagName) || protects(s) || leadingHeadingRank(s) <= rank) break;
        if (othersWithin(s, marker.category)) break;
        length += (s.textContent ?? "").length;
        if (compact && length > COMPACT) break;
        elements.push(s);
      }
    }
    return elements;
  };

  const proven = (marker: Marker, elements: Element[]): string | null => {
    if (opts.provisional) return "";
    const first = elements[0];
    // Per category: the same box under another label ("Related Articles" rewritten to
    // "Comments") proves itself again.
    const known = first && opts.proofs?.get(first)?.[marker.category];
    if (known !== undefined) return known;
    const proof = prove(marker, elements);
    if (first && proof !== null && opts.proofs) opts.proofs.set(first, { ...opts.proofs.get(first), [marker.category]: proof });
    return proof;
  };
  const prove = (marker: Marker, elements: Element[]): string | null => {
    const inside = (m: Marker): boolean => elements.some((el) => el.contains(m.element));
    if (marker.category === "related") {
      // Only whether there is one: the cards' details are read when the panel needs them.
      return hasTeaser(elements, opts.teasers, opts.labels) ? "teaser cards" : null;
    }
    const evidence = markers.find((m) => m.category === marker.category && m.evidence && inside(m));
    if (evidence) return evidence === marker ? "" : evidence.reason;
    // Readers' posts under a comments label prove it, with no form or "No comments yet" beside them.
    return marker.category === "comments" && hasPosts(elements, opts.teasers, opts.labels) ? "readers' posts, each a name and a time" : null;
  };

  /**
   * What follows a comments block and is its section's too: a thread of readers' posts, the
   * section's own lines ("Post a comment"), boxes with no text. Looked for among the siblings of
   * the block, or of the box it ends (a section's header ends with its counter, the thread follows).
   */
  const threadAfter = (elements: Element[]): Element[] => {
    const more: Element[] = [];
    // A short line that is no label (sort tabs "Popular Now Newest Oldest", a pager's "More") stands
    // between a section's parts: it is the section's when more of it follows.
    const control = (el: Element): boolean =>
      squash(el.textContent ?? "").length <= CONTROL_LINE && !markers.some((m) => m.label && el.contains(m.element) && standsAlone(el, m.element));
    let end = elements[elements.length - 1];
    // Only where to look moves up: the boxes climbed are not hidden, so the story's end may be in them.
    while (end && !hasTextAfter(end, control) && end.parentElement && !STOP_AT.has(end.parentElement.tagName) && !holdingTitle.has(end.parentElement)) {
      end = end.parentElement;
    }
    const its = (s: Element): boolean => {
      const own = (m: Marker): boolean => m.category === "comments" && m.evidence && s.contains(m.element) && standsAlone(s, m.element);
      return markers.some(own) || hasPosts([s], opts.teasers, opts.labels);
    };
    for (let s = end?.nextElementSibling; s; s = s.nextElementSibling) {
      if (STOP_AT.has(s.tagName) || protects(s) || othersWithin(s, "comments") || NOT_PROSE.has(s.tagName)) break;
      const sibling = s;
      // A label there starts a block of its own.
      if (!control(s) && markers.some((m) => m.label && sibling.contains(m.element))) break;
      if (hasText(s) && !control(s) && !its(s)) break;
      more.push(s);
    }
    // Boxes with no text, or short lines, after the last of it are not its.
    for (let last = more[more.length - 1]; last && (!hasText(last) || !its(last)); last = more[more.length - 1]) more.pop();
    return more;
  };

  /**
   * A sign-up or follow box set into the story's body before its last prose line (a newsletter box
   * under the headline): readers' tools copy it as the story's, so it stays. After the story, or
   * outside its body, it is a promo like any other.
   */
  const lastProse = story.prose[story.prose.length - 1] ?? null;
  const setIntoStory = (marker: Marker, elements: Element[]): boolean => {
    const top = elements[0];
    if (marker.category !== "app-banner" || !top || !lastProse || !story.body?.contains(top)) return false;
    // An app's store badges are never the story's, wherever they sit.
    const badge = (m: Marker): boolean => m.category === "app-banner" && m.from === "element" && m.label && m.element.localName !== "form";
    if (markers.some((m) => badge(m) && elements.some((el) => el.contains(m.element)))) return false;
    // The story's prose goes on after it (a flat layout's promo paragraph is the block's own, not the story's).
    return byDocumentOrder(top, lastProse) < 0 && !elements.some((el) => el.contains(lastProse));
  };

  /** The first proven block after `start` (and outside it), or null. */
  const firstBlockAfter = (start: Element | null): Element[] | null => {
    for (const marker of markers) {
      if (!marker.label || (start && (byDocumentOrder(start, marker.element) > 0 || marker.element.contains(start)))) continue;
      const elements = blockFor(marker);
      if (proven(marker, elements) !== null && elements[0] && !setIntoStory(marker, elements)) return elements;
    }
    return null;
  };
  // The first proven block after the title ends the story.
  const first = firstBlockAfter(title);
  const endBlock = first?.[0] ?? null;
  if (endBlock) {
    articleEnd = lastTextBefore(endBlock);
    holdingEnd = inclusiveAncestors(articleEnd);
  }
  for (const p of story.prose) {
    if (endBlock && byDocumentOrder(endBlock, p) < 0) break;
    for (let e: Element | null = p; e && !holdingProse.has(e); e = e.parentElement) holdingProse.add(e);
  }

  // An "Advertisement" slot may stand before any list: a sponsored label heads one only as a heading,
  // or as a phrase no slot says ("The Latest from our Partners"); as a phrase it does not say the
  // list is ads (partners' stories are stories), its cards do.
  const heads = (m: Marker, el: Element, phrase: boolean): boolean =>
    m.category === "related" || (m.category === "sponsored" && (headingRank(el) < 99 || (phrase && (m.text ?? "").trim().split(/\s+/).length >= 3)));
  const labelHeads = (el: Element, phrase: boolean): boolean =>
    markers.some((m) => m.label && m.from === "text" && heads(m, el, phrase) && (m.element === el || el.contains(m.element)));
  // Teaser lists by their structure; on listing pages the lists are the page.
  const teaserLists =
    opts.provisional || opts.kind === "listing" || !doc.body
      ? []
      : reuse && kept
        ? kept.lists.filter((l) => l.elements.every((el) => el.isConnected))
        : findTeaserLists(doc.body, story, headlines, headlineCounts, (el) => othersWithin(el, "related"));
  if (opts.structure && !opts.provisional) opts.structure.value = { title, kind: opts.kind, headlines, counts: headlineCounts, story, lists: teaserLists };
  // The story's prose, past its end too: a list's heading is never a line of it.
  const holdingStory = new Set<Element>();
  for (const p of story.prose) for (let e: Element | null = p; e && !holdingStory.has(e); e = e.parentElement) holdingStory.add(e);
  const headings: HeadingRules = {
    counts: headlineCounts,
    isListLabel: (el) => labelHeads(el, true),
    saysAds: (el) => headingLike(el) || labelHeads(el, false) || !labelHeads(el, true),
    barred: (el) => protects(el) || holdingStory.has(el),
    another: (el) => [...(categoriesWithin.get(el) ?? [])].some((c) => c !== "related" && c !== "sponsored"),
    body: story.body,
    headlineIn: (el) => headlines.find((h) => el.contains(h.link)) ?? null,
  };
  const structuralLists = listBlocks(teaserLists, isLabel, headings, sponsoredWords(opts.teasers.languages), title);
  // A list in the story's own body may be the story's (a reference list, a roundup): only its label
  // ("More from Real Simple") says it is not. So does it where structure alone is not trusted.
  // A heading that heads its list only by a sponsored phrase labels it neither (partners' stories).
  const labelled = (b: Block): boolean => {
    const first = b.elements[0];
    const quiet = first && headings.isListLabel(first) && !headings.saysAds(first) ? first : null;
    return markers.some(
      (m) => m.label && (m.category === "related" || (m.category === "sponsored" && !quiet?.contains(m.element))) && b.elements.some((el) => el.contains(m.element)),
    );
  };
  const lists = structuralLists
    .map((b) => (labelled(b) ? b : { ...b, byStructure: true }))
    .filter((b) => !b.byStructure || (opts.structural && !b.elements.some((el) => story.body?.contains(el))));
  /**
   * The headline links in a label's block, each with its card (the highest box holding it alone),
   * when the block is after the title and outside the story's body: a story's own links are not a list.
   */
  const headlineCards = (elements: Element[]): NonNullable<Block["cards"]> => {
    const body = story.body;
    if (elements.some((el) => (body && (body.contains(el) || el.contains(body))) || (title && byDocumentOrder(title, el) > 0))) return [];
    const inside = (el: Element): boolean => elements.some((top) => top !== el && top.contains(el));
    return headlines
      .filter((h) => elements.some((top) => top.contains(h.link)))
      .map((headline) => {
        let card = headline.link;
        while (card.parentElement && inside(card.parentElement) && headlineCounts.get(card.parentElement) === 1) card = card.parentElement;
        return { card, headline, ad: false };
      });
  };
  const blocks: Block[] = [];
  const within = (b: Block, el: Element): boolean => b.elements.some((top) => top.contains(el));
  const overlaps = (b: Block, elements: Element[]): boolean => elements.some((el) => within(b, el) || b.elements.some((top) => el.contains(top)));
  for (const marker of markers) {
    if (!marker.label) continue;
    // Inside another category's block: part of it. Inside its own category's block: it may
    // still climb higher (a store link in a banner whose label is a button), so look.
    if (blocks.some((b) => b.category !== marker.category && within(b, marker.element))) continue;
    const elements = blockFor(marker);
    const first = elements[0];
    if (!first || blocks.some((b) => within(b, first)) || setIntoStory(marker, elements)) continue;
    // A list found by its structure reads its cards better than a label's climb does; a label's
    // block that holds lists and more (a lone card beside them) keeps them, and reads them too.
    // A related label's block that meets lists keeps its extent and reads its cards by their stamps
    // or as the lists' cards (teasersOfBlock); another category's label inside a list is the list's.
    const held = lists.filter((l) => overlaps(l, elements));
    if (held.length && marker.category !== "related") continue;
    let evidence = proven(marker, elements);
    // A related label over story links with no time ("Up Next" and one card) outside the story: its
    // cards are read by their headlines, or as the lists' it holds ("热新闻" over its tabs' lists).
    const linked = evidence === null && marker.category === "related" && !opts.provisional ? headlineCards(elements) : [];
    if (linked.length) evidence = held.length ? `${held.length} teaser list${held.length > 1 ? "s" : ""}` : `${linked.length} headline link${linked.length > 1 ? "s" : ""}`;
    if (evidence === null) continue;
    // This block holds earlier ones of its category: keep the outer.
    for (let i = blocks.length - 1; i >= 0; i -= 1) {
      const b = blocks[i];
      if (b && b.category === marker.category && b.elements.every((el) => elements.some((top) => top.contains(el)))) blocks.splice(i, 1);
    }
    if (marker.category === "comments") elements.push(...threadAfter(elements));
    const extent = elements.length > 1 ? ` and the ${elements.length - 1} element${elements.length > 2 ? "s" : ""} after it` : "";
    blocks.push({
      category: marker.category,
      elements,
      reason: `${marker.reason}${extent}${evidence ? `; ${evidence}` : ""}`,
      // Its cards beside the lists are read by their stamps, with the lists' (see teasersOfBlock).
      ...(held.length ? { holds: held } : {}),
      ...(linked.length && !held.length ? { cards: linked } : {}),
    });
  }
  // A list inside another category's block (a comment thread, a promo) is part of that block.
  for (const list of lists) if (!blocks.some((b) => overlaps(b, list.elements))) blocks.push(list);
  blocks.sort((a, b) => byDocumentOrder(a.elements[0] as Element, b.elements[0] as Element));
  for (const list of lists) regions.add(list.elements[0]?.parentElement ?? (list.elements[0] as Element));
  return { blocks, title, articleEnd, endBlock, regions, story };
}
