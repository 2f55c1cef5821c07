// Reading a teaser card found by structure (structure.ts) into plain data: its title and link from
// its headline, its time from a stamp line, its outlet from what the card shows ("Reuters",
// "AP - 53 mins ago", "[ Engadget ]", "engadget.com", "Business Insider on MSN") or, failing that,
// from the list's heading ("More from CNN").
import { outletListPatterns, type LanguageWords } from "../lang";
import { isoFromAttribute } from "../shared/time";
import type { Teaser } from "../shared/types";
import { cjkCount, isProse, linesOf, linesOutside, ownerOf, type Headline, type Line } from "./structure";
import type { Block } from "./classify";
import { findTimeIn, namedTitle, readTeasers, teaserKey, type TeaserContext } from "./teasers";
import { letters, normalizeLabel, NOT_PROSE, squash } from "./text";

/** The panel shows a teaser, not a page: a card with a 5 MB text is cut to this. */
const MAX_TITLE = 300;
const MAX_SUMMARY = 1_000;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Longest outlet name read from a card ("U.S. News & World Report - Health"). */
const MAX_OUTLET = 50;
/** Longest name in katakana (and a few Han) read as an outlet. */
const MAX_KATAKANA_NAME = 20;
/** An outlet's name: short, with letters, a few words. */
export function looksLikeOutlet(text: string): boolean {
  // Names in Han or kana are short ("新京报", "ロイター"); a longer run is a headline, unless it is a
  // name spelt out in katakana, with no particle in hiragana ("ナショナル ジオグラフィック日本版").
  // Words are counted by their letters: "&" and "-" of "U.S. News & World Report - Health" are not words.
  const cjk = cjkCount(text);
  const spelt = cjk <= MAX_KATAKANA_NAME && !/\p{sc=Hiragana}/u.test(text) && (text.match(/\p{sc=Han}/gu)?.length ?? 0) <= 6;
  return text.length >= 2 && text.length <= MAX_OUTLET && /\p{L}/u.test(text) && text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 6 && (cjk <= 12 || spelt);
}

const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s\d]*$/u;
/** "80评论 ⋅", "12 comments": a number and its one word. */
const COUNT = /^[\d,.]+\s?\p{L}{1,12}[\s\p{P}\p{S}]*$/u;
/** "engadget.com", "news.163.com": an outlet named by its address. */
const DOMAIN = /^(?:www\.)?([a-z0-9-]+\.)+[a-z]{2,}$/i;

/** What the list and the page around the cards say, for every card's reading. */
export interface CardContext extends TeaserContext {
  /** The outlet the list's heading names ("More from CNN"), if any. */
  listOutlet: string | null;
  /** The site's own names (og:site_name, host parts), lower case letters only: "<outlet> on MSN". */
  siteNames: string[];
  /** Texts that are labels of the page's language (not outlets). */
  isLabel(text: string): boolean;
  /** The list's cards each stamp a bare clock on its own line ("15:50"): today's time. */
  bareClocks?: boolean;
}

/** A clock standing alone as a line: "15:50", "9:05". */
const CLOCK_LINE = /^\d{1,2}:\d{2}$/;
/** Of a list's cards, the share that must stamp a bare clock for a clock to be read as their time. */
const CLOCK_CARDS = 0.5;


/** The outlet a single line names by its form, or null. */
function outletByForm(text: string, ctx: CardContext): string | null {
  const bracketed = /^[[【(（]\s*(.{2,50}?)\s*[\]】)）]$/u.exec(text);
  if (bracketed?.[1] && looksLikeOutlet(bracketed[1])) return bracketed[1];
  // "Business Insider on MSN": the outlet, on this site.
  const onSite = /^(.{2,50}?)\s+on\s+(.{2,30})$/iu.exec(text);
  if (onSite?.[1] && onSite[2] && ctx.siteNames.includes(letters(onSite[2]))) return onSite[1];
  if (DOMAIN.test(text)) return text;
  return null;
}

interface Stamp {
  line: Line;
  iso: string;
  text: string;
  /** The words run into the stamp ("AP" of "AP - 53 mins ago"). */
  prefix: string;
}

function stampOf(line: Line, ctx: CardContext): Stamp | null {
  if (line.text.length > 80) return null;
  const time = findTimeIn(line.text, ctx) ?? (ctx.bareClocks && CLOCK_LINE.test(line.text) ? findTimeIn(line.text, ctx, true, { bareClock: true }) : null);
  if (!time) return null;
  const prefix = line.text.slice(0, time.start).replace(/[\s\-–—•·|:：]+$/u, "").trim();
  if (prefix && !looksLikeOutlet(prefix)) return null;
  const attr = line.element.closest("time")?.getAttribute("datetime") ?? null;
  const iso = (!time.relative && isoFromAttribute(attr)) || time.iso;
  return { line, iso, text: time.text, prefix };
}

/** Could this line be the card's outlet: short, a name, not a time, a label, a count or punctuation? */
function outletCandidate(line: Line, title: string, ctx: CardContext): boolean {
  const text = line.text;
  const furniture = ctx.languages.some((l) => (l.furniture ?? []).includes(normalizeLabel(text)));
  return text !== title && looksLikeOutlet(text) && !PUNCTUATION_ONLY.test(text) && !ctx.isLabel(text) && !furniture && !findTimeIn(text, ctx) && !isProse(text);
}

/** A card's outlet, and whether the card says so plainly (by its form, its stamp, its list) or it is the likeliest of its short lines. */
interface Outlet {
  name: string;
  sure: boolean;
}

/** Bullets and separators around a name ("都市条形码 ⋅", "| Reuters"). */
const cleanName = (text: string): string => text.replace(/^[\s\-–—•·⋅|:：]+|[\s\-–—•·⋅|:：]+$/gu, "");

/** The card's outlet: by its form anywhere, run into the stamp, or the name nearest the stamp. */
function outletOf(lines: Line[], title: string, stamp: Stamp | null, ctx: CardContext): Outlet | null {
  const listed = ctx.listOutlet ? { name: ctx.listOutlet, sure: true } : null;
  for (const line of lines) {
    const byForm = line.text !== title ? outletByForm(line.text, ctx) : null;
    if (byForm) return { name: byForm, sure: true };
  }
  if (stamp?.prefix) return { name: cleanName(stamp.prefix), sure: true };
  const candidates = lines.map((line, i) => ({ line, i })).filter(({ line }) => outletCandidate(line, title, ctx));
  if (candidates.length === 0) return listed;
  // Nearest the stamp (before it first on a tie); without a stamp, the first name after the title.
  const anchor = stamp ? lines.indexOf(stamp.line) : lines.findIndex((l) => l.text === title);
  const distance = (i: number): number => Math.abs(i - anchor) + (i > anchor ? 0.5 : 0) + (!stamp && i < anchor ? 100 : 0);
  const best = candidates.sort((a, b) => distance(a.i) - distance(b.i))[0];
  if (!best) return listed;
  // Right beside the stamp, only separators between: the card names it as the stamp's outlet.
  const between = lines.slice(Math.min(best.i, anchor) + 1, Math.max(best.i, anchor));
  // (A count between says nothing either: "新京报 ⋅ 80评论 ⋅ 2分钟前".)
  const beside = !!stamp && between.every((l) => PUNCTUATION_ONLY.test(l.text) || COUNT.test(l.text));
  return { name: cleanName(best.line.text), sure: beside };
}

/** Reads one card; `sure`: the card names its outlet plainly (see Outlet). */
export function readCard(card: Element, headline: Headline, ctx: CardContext, lines: Line[] = linesOf(card)): { teaser: Teaser; sure: boolean } {
  const title = headline.line.text;
  let stamp: Stamp | null = null;
  for (const line of lines) {
    if (line.text === title) continue;
    stamp = stampOf(line, ctx);
    if (stamp) break;
  }
  const summary = lines
    .filter((l) => l.text !== title && l !== stamp?.line && l.text.length >= 40)
    .sort((a, b) => b.text.length - a.text.length)[0]?.text;
  const outlet = outletOf(lines, title, stamp, ctx);
  const teaser: Teaser = {
    title: clip(namedTitle(headline.link, title), MAX_TITLE),
    url: headline.url,
    source: outlet?.name || null,
    time: stamp ? { text: stamp.text, iso: stamp.iso } : null,
    summary: summary ? clip(summary, MAX_SUMMARY) : null,
  };
  return { teaser, sure: !!outlet?.sure };
}

/** The outlet a list's own heading names ("More from CNN", "뉴스타파 헤드라인": text outside its cards), or null. */
export function listOutletOf(elements: Element[], cards: Element[], siteNames: string[], languages: LanguageWords[]): string | null {
  const patterns = outletListPatterns(languages);
  for (const line of linesOutside(elements, cards)) {
    for (const pattern of patterns) {
      const name = pattern.exec(squash(line.text))?.[1]?.trim();
      if (name && looksLikeOutlet(name) && !siteNames.includes(letters(name))) return name;
    }
  }
  return null;
}

/** Lines read at the top of a label's block for the outlet its heading names. */
const HEADING_LINES = 4;

/**
 * The outlet a label's block names in its heading, at its top ("<strong><em>뉴스타파</em> 헤드라인</strong>"):
 * its first few lines only (a block may hold thousands of cards).
 */
function headingOutletOf(elements: Element[], siteNames: string[], languages: LanguageWords[]): string | null {
  const patterns = outletListPatterns(languages);
  for (const root of elements) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const lines: string[] = [];
    let owner: Element | null = null;
    for (let n = walker.nextNode(); n && lines.length <= HEADING_LINES; n = walker.nextNode()) {
      const text = n.nodeValue ?? "";
      if (!text.trim() || !n.parentElement || NOT_PROSE.has(n.parentElement.tagName)) continue;
      const next = ownerOf(n, root);
      if (next !== owner || lines.length === 0) lines.push("");
      owner = next;
      lines[lines.length - 1] += text;
    }
    for (const line of lines.slice(0, HEADING_LINES)) {
      for (const pattern of patterns) {
        const name = pattern.exec(squash(line))?.[1]?.trim();
        if (name && looksLikeOutlet(name) && !siteNames.includes(letters(name))) return name;
      }
    }
  }
  return null;
}

/** Teasers a card's own lines left without an outlet take the one their block's heading names. */
function withHeadingOutlet(read: { teaser: Teaser; sure: boolean }[], elements: Element[], siteNames: string[], languages: LanguageWords[]): { teaser: Teaser; sure: boolean }[] {
  if (!read.some((r) => !r.teaser.source)) return read;
  const outlet = headingOutletOf(elements, siteNames, languages);
  return outlet ? read.map((r) => (r.teaser.source ? r : { teaser: { ...r.teaser, source: outlet }, sure: true })) : read;
}

/** Second-level labels under a country's domain that name no one ("com" of uol.com.br, "ne" of biglobe.ne.jp). */
const GENERIC_SECOND_LEVEL = new Set(["com", "co", "net", "org", "ne", "or", "ac", "go", "gov", "edu"]);

/** The site's own names, as it calls itself (og:site_name) and as its host says, in `letters` form. */
export function siteNamesOf(doc: Document): string[] {
  const meta = (selector: string): string => doc.querySelector(selector)?.getAttribute("content") ?? "";
  // The document's title ends in the site's name ("…_网易新闻", "… | Daily8"); a one-part title names none.
  const parts = (doc.title ?? "").split(/\s[|–—-]\s|[_｜|]/).map((p) => p.trim()).filter(Boolean);
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? "") : "";
  const names = [meta('meta[property="og:site_name"]'), meta('meta[name="application-name"]'), last.length <= 30 ? last : ""];
  // A parsed copy of a page (the reader view, tests) has no location; its base address says the host.
  const host = doc.location?.hostname ?? (URL.canParse(doc.baseURI) ? new URL(doc.baseURI).hostname : "");
  names.push(...host.split(".").filter((p) => p.length > 3 && !["www", "news", "test"].includes(p)));
  // The host's main name even when short ("msn" of www.msn.com, "qq", "aol"; "uol" of uol.com.br).
  const labels = host.split(".");
  if (labels.length > 2 && (labels[labels.length - 1] ?? "").length === 2 && GENERIC_SECOND_LEVEL.has(labels[labels.length - 2] ?? "")) labels.pop();
  const main = labels.slice(-2, -1)[0];
  if (main) names.push(main);
  return [...new Set(names.map(letters).filter(Boolean))];
}

/** The stories of a related block: its cards read one by one, or, for a label's block, its stamped cards. */
export function teasersOfBlock(block: Block, ctx: TeaserContext, labels: Set<string>, siteNames: string[]): Teaser[] {
  return readBlock(block, ctx, labels, siteNames).map((r) => r.teaser);
}

/** As teasersOfBlock, with whether each card names its outlet plainly (a stamp's card always does). */
export function readBlock(block: Block, ctx: TeaserContext, labels: Set<string>, siteNames: string[]): { teaser: Teaser; sure: boolean }[] {
  if (block.holds) {
    // A label's block around lists: the lists' cards and its stamped cards (a stamped card with a
    // short title is no headline; a list's card may have no stamp), each story once, in page order.
    const listed = block.holds.flatMap((list) => readBlock(list, ctx, labels, siteNames));
    const keys = new Set(listed.map((r) => teaserKey(r.teaser)));
    const stamped = readTeasers(block.elements, ctx, labels)
      .filter((teaser) => !keys.has(teaserKey(teaser)))
      .map((teaser) => ({ teaser, sure: true }));
    // Where each story's link is, by address and by words, looked up once (10,000 cards: no scan per card).
    // Links come in page order: a story's place is its link's index.
    const byUrl = new Map<string, number>();
    const byWords = new Map<string, number>();
    let index = 0;
    for (const el of block.elements) {
      for (const a of el.getElementsByTagName("a")) {
        index += 1;
        const href = (a as HTMLAnchorElement).href;
        if (href && !byUrl.has(href)) byUrl.set(href, index);
        const words = squash(a.textContent ?? "");
        if (words.length <= 300 && !byWords.has(words)) byWords.set(words, index);
      }
    }
    const at = (t: Teaser): number => (t.url !== null ? byUrl.get(t.url) : undefined) ?? byWords.get(t.title) ?? Number.MAX_SAFE_INTEGER;
    return withHeadingOutlet([...listed, ...stamped], block.elements, siteNames, ctx.languages)
      .map((r) => ({ r, at: at(r.teaser) }))
      .sort((a, b) => a.at - b.at)
      .map(({ r }) => r);
  }
  if (!block.cards) return withHeadingOutlet(readTeasers(block.elements, ctx, labels).map((teaser) => ({ teaser, sure: true })), block.elements, siteNames, ctx.languages);
  const cards = block.cards.map((c) => c.card);
  // A bare clock is a time only in a list whose cards each stamp one on a line of its own (a
  // list of today's items); a clock inside a line ("John 3:16", a score) never is.
  const read = block.cards.filter((c) => !c.ad).map((c) => ({ ...c, lines: linesOf(c.card) }));
  const clocked = read.filter((c) => c.lines.some((l) => CLOCK_LINE.test(l.text))).length;
  const cardCtx: CardContext = {
    ...ctx,
    siteNames,
    listOutlet: listOutletOf(block.elements, cards, siteNames, ctx.languages),
    isLabel: (text) => labels.has(normalizeLabel(text)),
    bareClocks: clocked >= 2 && clocked >= read.length * CLOCK_CARDS,
  };
  // A paid card is not a related story.
  return read.map(({ card, headline, lines }) => readCard(card, headline, cardCtx, lines));
}
