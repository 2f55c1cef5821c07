// Who a story is credited to: the outlet an aggregator republishes. Read from the lines around the
// story's title ("Source: Reuters", "来源：新京报", "Tech Insider on MSN", "Russia Today 16-05-2025")
// and from the page's metadata (JSON-LD or microdata `provider`, `sourceOrganization`, `publisher`).
// A name that may be a person, a time, an icon's text or a label is never offered: when unsure, none.
import { creditPatterns, type LanguageWords } from "../lang";
import { SOCIAL_HOSTS } from "../platforms";
import { looksLikeOutlet } from "./cards";
import { isHeadline, isProse, ownerOf, type Line } from "./structure";
import { findTimeIn, type TeaserContext } from "./teasers";
import { letters, NOT_PROSE, normalizeLabel, squash, visible } from "./text";
import { escapeRegExp } from "../shared/regexp";

/** How a credit was read: all but the last are the page saying so; the last is a reading of a byline (a person's, as often). */
export type CreditForm = "credit line" | "on this site" | "metadata" | "name linked to its own site" | "dateline" | "outlet by a time" | "its own stories in the story" | "name by a time";

export interface Credit {
  outlet: string;
  form: CreditForm;
}

/** Lines read after the title (the byline, the credit), and before it (a kicker, a provider logo). */
const LINES_AFTER = 10;
const LINES_BEFORE = 5;
/** A provider's logo above the headline is this near it (farther up, a logo is the site's network's). */
const LOGO_LINES_BEFORE = 4;
/** A line this long is the story's text (or the page's), not its credit. */
const MAX_CREDIT_LINE = 160;

/** The lines next to `title`, nearest first, in one direction. */
function linesFrom(title: Element, forward: boolean, max: number, withLong = false): Line[] {
  const doc = title.ownerDocument;
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = title;
  if (forward) {
    // Past the title's own text.
    let last: Node = title;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  }
  const lines: Line[] = [];
  let owner: Element | null = null;
  let parts: string[] = [];
  const flush = (): boolean => {
    const text = squash(visible((forward ? parts : [...parts].reverse()).join("")));
    if (owner && text) lines.push({ element: owner, text });
    parts = [];
    return lines.length >= max || text.length > MAX_CREDIT_LINE;
  };
  for (let n = forward ? walker.nextNode() : walker.previousNode(); n; n = forward ? walker.nextNode() : walker.previousNode()) {
    const parent = n.parentElement;
    if (!parent || NOT_PROSE.has(parent.tagName) || title.contains(n)) continue;
    const next = ownerOf(n, root);
    if (next !== owner) {
      if (flush()) break;
      owner = next;
    }
    parts.push(n.nodeValue ?? "");
  }
  if (lines.length < max) flush();
  return withLong ? lines : lines.filter((l) => l.text.length <= MAX_CREDIT_LINE);
}

const furnitureCache = new WeakMap<LanguageWords[], RegExp>();
/** The furniture words of the page's languages, at either end of a name ("原创 GameForce", "新京报 举报"). */
function furnitureOf(languages: LanguageWords[]): RegExp {
  let re = furnitureCache.get(languages);
  if (!re) {
    const words = [...new Set(languages.flatMap((l) => l.furniture ?? []))].sort((a, b) => b.length - a.length).map(escapeRegExp);
    re = words.length ? new RegExp(`^(?:(?:${words.join("|")})(?:[\\s:：]+|$))+|(?:(?:^|\\s+)(?:${words.join("|")})[\\s\\S]*)$`, "iu") : /(?!)/;
    furnitureCache.set(languages, re);
  }
  return re;
}

/** Does `name` name the site itself (its og:site_name, host, document title)? */
export const isSelf = (name: string, siteNames: string[]): boolean => {
  const s = letters(name);
  return !!s && siteNames.some((n) => s.includes(n) || n.includes(s));
};

/** An icon font's ligature ("access_time", "chat_bubble"): letters joined by underscores. */
const ICON_TEXT = /^[a-z]+(?:_[a-z]+)+$/;

/** A credited name made clean, or null when it may not be an outlet (a person, a time, a label, an icon). */
export function cleanOutlet(raw: string, languages: LanguageWords[], ctx: TeaserContext): string | null {
  const furniture = furnitureOf(languages);
  const name = squash(raw.replace(furniture, "").replace(/^[\s\-–—•·|:：,，、]+|[\s\-–—•·|:：,，、]+$/gu, ""));
  if (!looksLikeOutlet(name) || ICON_TEXT.test(name)) return null;
  if (creditPatterns(languages).byline.test(name) || findTimeIn(name, ctx)) return null;
  const label = normalizeLabel(name);
  if (languages.some((l) => (l.furniture ?? []).includes(label) || Object.values(l.labels).some((words) => words.includes(label)))) return null;
  return name;
}

const HAN_KANA_HANGUL = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
/** "AP", "UPI", "TNW中文站": an acronym, alone or before a name in Han (a longer word in capitals is a kicker: "BILAN"). */
const ACRONYM = /^[A-Z]{2,4}(?:\p{sc=Han}{1,6})?$/u;
/** "Unica.md", "FOX6Now.com": an outlet named by its address. */
const ADDRESS = /^(?:[\p{L}\p{N}-]+\.)+[a-z]{2,6}$/iu;

/**
 * Is `name` plainly an organisation's, never a person's: an acronym, an address, or a name with
 * one of the language's outlet words ("Fox Nation", "The Grayzone", "南方都市报", "参考消息")?
 */
export function isOrganisation(name: string, languages: LanguageWords[], acronyms = true): boolean {
  if ((acronyms && ACRONYM.test(name)) || ADDRESS.test(name)) return true;
  const lower = name.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
  return languages.some((l) =>
    (l.outletWords ?? []).some((w) =>
      // "the ": the name's first word only ("The Grayzone", not "From the section").
      w.endsWith(" ") ? words[0] === w.trim() && words.length > 1 : HAN_KANA_HANGUL.test(w) ? words.some((x) => x.endsWith(w)) : words.includes(w),
    ),
  );
}

/** "LONDON (AP) — …", "ST. LOUIS, MO (KTVI) – …": a wire dateline opening the story, naming its outlet. */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M}\s.,'’-]{1,40}\(([^()]{2,30})\)\s*[—–-]/u;

/** The outlet a line credits by its words: "Source: Reuters", "来源：新京报", "Tech Insider on MSN". */
function creditedBy(line: string, next: string | undefined, languages: LanguageWords[], siteNames: string[]): Credit | null {
  const credit = creditPatterns(languages).credit;
  const m = credit.exec(line) ?? (next !== undefined ? credit.exec(`${line} ${next}`) : null);
  if (m?.[1]) return { outlet: m[1], form: "credit line" };
  const onSite = /^(.{2,50}?)\s+on\s+(.{2,30})$/iu.exec(line);
  if (onSite?.[1] && onSite[2] && isSelf(onSite[2], siteNames)) return { outlet: onSite[1], form: "on this site" };
  return null;
}

/** The host of a link's address, lower case, or "" (a relative link leads nowhere else). */
const hostOf = (a: Element): string => /^(?:https?:)?\/\/([^/?#]+)/i.exec(a.getAttribute("href") ?? "")?.[1]?.toLowerCase() ?? "";

/**
 * A provider's logo and name by the title (an image linking reuters.com, and "Reuters"): the name's
 * letters in the host of a link holding an image, in the line's box; a host not the site's, nor a
 * social network's (a "Twitter" share button is no provider).
 */
function linkedToItsSite(line: Line, siteNames: string[]): boolean {
  const name = letters(line.text);
  if (name.length < 3 || !/^[a-z0-9]+$/.test(name)) return false;
  const box = line.element.closest("a")?.parentElement ?? line.element.parentElement;
  const links = [...(box?.getElementsByTagName("a") ?? [])];
  // A teaser card names its outlet the same way ("Gizmodo" over another story): not the story's credit.
  const story = (a: Element): boolean => isHeadline(squash(a.textContent ?? "")) || [...a.getElementsByTagName("img")].some((img) => isHeadline(squash(img.getAttribute("alt") ?? "")));
  if (links.some(story)) return false;
  return links.some((a) => {
    const host = hostOf(a);
    const hostLetters = letters(host);
    return (
      a.querySelector("img, svg, picture") !== null &&
      hostLetters.includes(name) &&
      !siteNames.some((n) => hostLetters.includes(n)) &&
      !SOCIAL_HOSTS.some((s) => host === s || host.endsWith(`.${s}`))
    );
  });
}

/** Names of an organization in JSON-LD or microdata, for `keys` (provider, publisher...). */
function metadataNames(doc: Document, keys: string[]): string[] {
  const names: string[] = [];
  const nameOf = (v: unknown): string | null => {
    if (typeof v === "string") return v;
    if (typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>)["name"] === "string") return (v as Record<string, string>)["name"] ?? null;
    return null;
  };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 5 || typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const record = value as Record<string, unknown>;
    for (const key of keys) {
      const found = record[key];
      for (const v of Array.isArray(found) ? found : [found]) {
        const name = nameOf(v);
        if (name) names.push(name);
      }
    }
    for (const v of Object.values(record)) if (typeof v === "object") visit(v, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? "";
    if (text.length > 100_000) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Broken JSON-LD credits no one.
    }
  }
  for (const el of doc.querySelectorAll(keys.map((k) => `[itemprop~="${k}"]`).join(", "))) {
    const named = el.querySelector('[itemprop~="name"]');
    const name = named?.getAttribute("content") ?? named?.textContent ?? el.querySelector("img[alt]")?.getAttribute("alt") ?? "";
    if (squash(name)) names.push(squash(name));
  }
  return names;
}

/**
 * The outlet the story is credited to, when that is another than the site. `sure`: only what the
 * page says in so many words (a credit line, "<outlet> on <site>", its metadata), for detection;
 * otherwise also a name run into the story's time ("Russia Today 16-05-2025"), for "Find the original".
 */
export function storyCredit(title: Element, languages: LanguageWords[], ctx: TeaserContext, siteNames: string[], sure: boolean): Credit | null {
  const accept = (c: Credit | null): Credit | null => {
    const outlet = c ? cleanOutlet(c.outlet, languages, ctx) : null;
    return c && outlet && !isSelf(outlet, siteNames) ? { ...c, outlet } : null;
  };
  const near = [linesFrom(title, true, LINES_AFTER), linesFrom(title, false, LINES_BEFORE)];
  const creditWords = new Set(languages.flatMap((l) => l.credit).map(normalizeLabel));
  for (const lines of near) {
    for (const [i, line] of lines.entries()) {
      // A credit word alone, linking the original at its outlet's site ("기사원문" → newstapa.org):
      // the site's address names the outlet (the words after it are the page's buttons).
      const link = creditWords.has(normalizeLabel(line.text)) ? line.element.closest("a") : null;
      const host = link ? hostOf(link).replace(/^www\./, "") : "";
      if (host && !isSelf(host, siteNames) && !SOCIAL_HOSTS.some((s) => host === s || host.endsWith(`.${s}`))) {
        const found = accept({ outlet: host, form: "credit line" });
        if (found) return found;
      }
      const found = accept(creditedBy(line.text, lines[i + 1]?.text, languages, siteNames));
      if (found) return found;
    }
  }
  // A provider's logo sits by the headline: the byline's lines after it, or the line just above it.
  for (const line of [...(near[0] ?? []), ...(near[1] ?? []).slice(0, LOGO_LINES_BEFORE)]) {
    const found = linkedToItsSite(line, siteNames) ? accept({ outlet: line.text, form: "name linked to its own site" }) : null;
    if (found) return found;
  }
  const doc = title.ownerDocument;
  // A page's `publisher` is the site itself, unless the site names itself apart (og:site_name "MSN",
  // publisher "Tech Insider"); a provider is the outlet whatever the site calls itself.
  const namesItself = !!doc.querySelector('meta[property="og:site_name"][content], meta[name="application-name"][content]');
  for (const name of metadataNames(doc, namesItself ? ["provider", "sourceOrganization", "publisher"] : ["provider", "sourceOrganization"])) {
    const found = accept({ outlet: name, form: "metadata" });
    if (found) return found;
  }
  // The story's first paragraph opens with a wire dateline: "LONDON (AP) — …".
  // (Its place may be a link of its own: "<a>ST. LOUIS, MO (KTVI)</a> – Amid …".)
  const ahead = linesFrom(title, true, LINES_AFTER, true);
  const at = ahead.findIndex((l) => isProse(l.text));
  const opening = at < 0 ? null : at > 0 && /^[—–-]/u.test(ahead[at]?.text ?? "") ? `${ahead[at - 1]?.text ?? ""} ${ahead[at]?.text ?? ""}` : (ahead[at]?.text ?? null);
  const dateline = opening ? DATELINE.exec(opening)?.[1] : undefined;
  const fromDateline = dateline ? accept({ outlet: dateline, form: "dateline" }) : null;
  if (sure) return fromDateline;
  // A name by the story's time: an organisation's name there is its outlet ("Fox Nation • October
  // 3, 2016"); any other name may be its author's, and is only offered for "Find the original".
  let byTime: Credit | null = null;
  // In page order, so that a name before a time is one (the lines above the title come nearest first).
  for (const lines of [near[0] ?? [], [...(near[1] ?? [])].reverse()]) {
    for (const [i, line] of lines.entries()) {
      const time = findTimeIn(line.text, ctx);
      // "Russia Today16-05-2025": a name run into the time; "Reuters" then "2h": a name beside it.
      const run = time && time.start > 0 ? line.text.slice(0, time.start) : null;
      // The next line that says something ("AP" – "1 hr ago": the dash says nothing).
      const next = lines.slice(i + 1).find((l) => /[\p{L}\p{N}]/u.test(l.text));
      const nextTime = next ? findTimeIn(next.text, ctx) : null;
      // Only punctuation before that time ("Unica.md" then ", 20 septembrie 2020 16:20").
      const beside = !time && next && nextTime && /^[\p{P}\s]*$/u.test(next.text.slice(0, nextTime.start)) ? line.text : null;
      // Or the line's box says both: "<span>Bloomberg</span> · <span>May 16, 2025</span>" (the line
      // itself before the time, not several lines run together).
      const box = squash(line.element.parentElement?.textContent ?? "");
      const boxTime = box.length <= 80 && box !== line.text ? findTimeIn(box, ctx) : null;
      const before = boxTime && boxTime.start > 0 ? box.slice(0, boxTime.start).replace(/[\s\-–—•·|:：,，]+$/u, "") : null;
      const inBox = before && before === line.text.replace(/[\s\-–—•·|:：,，]+$/u, "") ? before : null;
      // A time, then the outlet's name ("2019年09月07日 04:04 北京日报"): an organisation's only.
      // (Not an acronym there: "21 September 2020" then the tag "SQL".)
      const after = time && !run && next && !findTimeIn(next.text, ctx) && isOrganisation(next.text, languages, false) ? next.text : null;
      for (const name of [run || beside || inBox, after]) {
        const found = accept(name ? { outlet: name, form: "name by a time" } : null);
        if (!found) continue;
        if (isOrganisation(found.outlet, languages)) return { ...found, form: "outlet by a time" };
        byTime ??= found;
      }
    }
  }
  // The dateline's outlet after the byline's ("Associated Press" rather than "AP").
  return fromDateline ?? byTime;
}
