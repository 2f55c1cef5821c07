import { creditPatterns, LANGUAGES, type LanguageWords } from "../lang";
import { perCategory } from "../shared/categories";
import type { Category, Detection, PageKind, Teaser } from "../shared/types";
import { classify, type Block } from "./classify";
import { buildVocabulary, findMarkers } from "./markers";
import { siteNamesOf, teasersOfBlock } from "./cards";
import { findTimeIn, isOutletName, type TeaserContext } from "./teasers";
import { squash, visible } from "./text";

/** What the generic detector found, for the verdict and its explanation. */
interface Evidence {
  title: string | null;
  /** The outlet the story is credited to, when that is not the site itself. */
  source: string | null;
  blocks: Block[];
  teasers: Teaser[];
  /** Teaser sources, distinct. */
  outlets: string[];
}

/** A credit line ("Source: Reuters", "via AP", "来源：新京报") and a byline, which names a person, not an outlet: every language's words. */
const { credit: CREDIT, byline: BYLINE } = creditPatterns(Object.values(LANGUAGES));

/** "Russia Today", "Associated Press": short, a name, not a byline. */
const looksLikeOutlet = (name: string): boolean => isOutletName(name) && !BYLINE.test(name);

const letters = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

const isSelf = (source: string, site: string[]): boolean => {
  const s = letters(source);
  return site.some((n) => s.includes(n) || n.includes(s));
};

/** An outlet named in one short line: "Source: Reuters", or a name run into a time stamp. */
function outletIn(shown: string, ctx: TeaserContext): string | null {
  if (shown.length > 90) return null;
  const line = squash(visible(shown));
  const credit = CREDIT.exec(line)?.[1]?.trim();
  if (credit && looksLikeOutlet(credit)) return credit;
  const time = findTimeIn(line, ctx);
  const name = time ? line.slice(0, time.start).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "") : "";
  return looksLikeOutlet(name) ? name : null;
}

/** The first text node near the title that `read` makes something of: the lines just after it, then just before it (MSN, Yahoo). */
function nearTitle(title: Element, read: (node: Node, own: string) => string | null): string | null {
  const doc = title.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  for (const step of [() => walker.nextNode(), () => walker.previousNode()]) {
    walker.currentNode = title;
    let seen = 0;
    for (let n = step(); n && seen < 8; n = step()) {
      if (title.contains(n) || !/\S/.test(n.nodeValue ?? "")) continue;
      seen += 1;
      const own = squash(n.nodeValue ?? "");
      if (own.length > 160) break; // the story (or the page's other content) has started
      const found = read(n, own);
      if (found) return found;
    }
  }
  return null;
}

/** The outlet named in a credit line near the title: "Source: Reuters", "Russia Today16-05-2025". */
function creditedSource(title: Element, ctx: TeaserContext): string | null {
  return nearTitle(title, (n, own) => {
    for (const line of [own, squash(n.parentElement?.textContent ?? ""), squash(n.parentElement?.parentElement?.textContent ?? "")]) {
      const outlet = outletIn(line, ctx);
      if (outlet) return outlet;
    }
    return null;
  });
}

/** A time stamp alone in a text of `box` ("• 2h", a <time>): the box is a byline. */
function holdsStamp(box: Element, ctx: TeaserContext): boolean {
  if (box.getElementsByTagName("time").length) return true;
  const walker = box.ownerDocument.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const line = squash(visible(n.nodeValue ?? ""));
    const time = line ? findTimeIn(line, ctx) : null;
    if (time && !/\p{L}/u.test(line.slice(0, time.start))) return true;
  }
  return false;
}

/**
 * The outlet a story credits, for "Find the original": a credit line, or else a bare name
 * ("Reuters") in a short byline box that also holds a time stamp. The second reading is not
 * evidence for detection: on a publisher's own page it may be a section name.
 */
export function storyOutlet(title: Element, ctx: TeaserContext): string | null {
  return (
    creditedSource(title, ctx) ??
    nearTitle(title, (n, own) => {
      const box = n.parentElement?.parentElement;
      const name = visible(own);
      if (!box || box.contains(title) || squash(box.textContent ?? "").length > 120 || !looksLikeOutlet(name) || findTimeIn(name, ctx)) return null;
      return holdsStamp(box, ctx) ? name : null;
    })
  );
}

/** Reads the page once as if it were an aggregator article, and gathers the evidence. */
function gatherEvidence(doc: Document, languages: LanguageWords[], now = new Date()): Evidence {
  const vocab = buildVocabulary(languages, null);
  const labels = new Set(vocab.phrases.keys());
  const ctx: TeaserContext = { languages, order: "dmy", now, baseURI: doc.baseURI };
  const markers = doc.body ? findMarkers(doc.body, vocab) : [];
  const { blocks, title } = classify(doc, markers, { kind: "article", structural: true, teasers: ctx, labels });
  const site = siteNamesOf(doc);
  const teasers = blocks.filter((b) => b.category === "related").flatMap((b) => teasersOfBlock(b, ctx, labels, site));
  const credited = title ? creditedSource(title, ctx) : null;
  const outlets = [...new Set(teasers.map((t) => t.source).filter((s): s is string => !!s && !isSelf(s, site)))];
  return {
    title: title ? squash(title.textContent ?? "") : null,
    source: credited && !isSelf(credited, site) ? credited : null,
    blocks,
    teasers,
    outlets,
  };
}

/** Each category's name in the English signals, from the registry. */
const NAMES: Record<Category, string> = perCategory((c) => c.signalName);

/**
 * Is this an aggregator page? An aggregator republishes: its story is credited to another
 * outlet, or its teasers name several outlets; and it wraps the story in boilerplate.
 * A publisher's own article (its byline, its own related links) is not one.
 */
function judge(e: Evidence, lang: string): Detection {
  const signals: string[] = [];
  if (e.title) signals.push(`story titled “${e.title.slice(0, 80)}”`);
  if (e.source) signals.push(`story credited to another outlet: ${e.source}`);
  if (e.outlets.length >= 2) signals.push(`teasers from ${e.outlets.length} outlets: ${e.outlets.slice(0, 4).join(", ")}`);
  const categories = [...new Set(e.blocks.map((b) => b.category))];
  for (const c of categories) signals.push(`${NAMES[c]} (${e.blocks.find((b) => b.category === c)?.reason ?? ""})`);

  const republishes = !!e.source || e.outlets.length >= 2;
  const boilerplate = categories.length;
  let kind: PageKind = "none";
  // Credited to another outlet and surrounded by other outlets' teasers: one block is enough.
  const republishesBoth = !!e.source && e.outlets.length >= 2;
  if (e.title && republishes && (boilerplate >= 2 || (republishesBoth && boilerplate >= 1))) kind = "article";
  else if (!e.source && e.outlets.length >= 3 && e.teasers.length >= 6 && boilerplate >= 2) kind = "listing";
  const confidence = Math.min(1, (republishes ? 0.5 : 0) + 0.125 * boilerplate + (e.title ? 0.1 : 0));
  if (kind === "none") signals.push(republishes ? "too little boilerplate for an aggregator page" : "nothing republished from other outlets");
  return { kind, verdict: kind, confidence: Math.round(confidence * 100) / 100, signals, lang, site: null };
}

/** The generic detector: structure and text only, for pages no site profile knows. */
export function detectGeneric(doc: Document, languages: LanguageWords[], now = new Date()): Detection {
  return judge(gatherEvidence(doc, languages, now), languages[0]?.lang ?? "en");
}
