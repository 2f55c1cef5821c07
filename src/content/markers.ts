import { outletListPatterns, promoPatterns, type LanguageWords } from "../lang";
import { CONTAINER_SELECTOR, platformOf, SOCIAL_HOSTS } from "../platforms";
import type { SiteProfile } from "../sites";
import type { Category } from "../shared/types";
import { hasOwnText, NOT_PROSE, normalizeLabel, squash, textUpTo, visible } from "./text";
import { escapeRegExp } from "../shared/regexp";

/** A clue found in the page: a label such as "Related Articles", a store link, a comment box. */
export interface Marker {
  element: Element;
  category: Category;
  /** Introduces a block: the block is found by climbing from here. */
  label: boolean;
  /** Proves that a block is what its label says. */
  evidence: boolean;
  /** Found by its text (a label a block starts with) or by what it is (a store link, a text box). */
  from: "text" | "element";
  /** Why, in words: `text “Comments”`. */
  reason: string;
  /** For a marker found by its text: the element's text then (a page may rewrite it). */
  text: string | null;
  /** A count with the word ("102 comments"): it proves itself, and stands for a section it links to. */
  counter?: boolean;
}

interface Entry {
  category: Category;
  label: boolean;
  evidence: boolean;
}

/** Phrases to look for on one page: the language's words plus the site's own. */
export interface Vocabulary {
  phrases: Map<string, Entry[]>;
  badges: Set<string>;
  longest: number;
  /** Texts already looked up (see entriesFor), null where no phrase matched. */
  lookups: Map<string, Entry[] | null>;
  /** Headings of one outlet's list ("More from CNN"): related labels whatever the outlet. */
  outletLists: RegExp[];
  /** Openings of a comment section's notes (see LanguageWords.commentNotes), null when none. */
  notes: RegExp | null;
  /** The site's own channels in a promo ("Subscribe to {}", "{}公众号"): app-banner labels. */
  promos: RegExp[];
}

/** Phrases of the page's language, then of each fallback (English UI on other-language pages is common). */
export function buildVocabulary(languages: LanguageWords[], site: SiteProfile | null): Vocabulary {
  const phrases = new Map<string, Entry[]>();
  const add = (phrase: string, entry: Entry): void => {
    const key = normalizeLabel(phrase);
    const list = phrases.get(key) ?? [];
    const same = list.find((e) => e.category === entry.category);
    if (same) {
      same.label ||= entry.label;
      same.evidence ||= entry.evidence;
    } else phrases.set(key, [...list, entry]);
  };
  for (const words of languages) {
    for (const [category, list] of Object.entries(words.labels) as [Category, string[]][]) {
      for (const phrase of list) add(phrase, { category, label: true, evidence: false });
    }
    for (const [category, list] of Object.entries(words.evidence) as [Category, string[]][]) {
      for (const phrase of list) add(phrase, { category, label: false, evidence: true });
    }
    const siteWords = site?.words?.[words.lang] ?? {};
    for (const [category, list] of Object.entries(siteWords) as [Category, string[]][]) {
      for (const phrase of list) add(phrase, { category, label: true, evidence: true });
    }
  }
  const longest = Math.max(...[...phrases.keys()].map((k) => k.length)) + 12;
  const badges = new Set(languages.flatMap((w) => w.storeBadges).map(normalizeLabel));
  const notes = languages.flatMap((w) => w.commentNotes ?? []).map((n) => escapeRegExp(normalizeLabel(n)));
  const notesRe = notes.length ? new RegExp(`^(?:${notes.join("|")})`, "u") : null;
  return { phrases, badges, longest, lookups: new Map(), outletLists: outletListPatterns(languages), notes: notesRe, promos: promoPatterns(languages) };
}

/** App-store and extension-store addresses a link's href may hold. */
const STORES = [
  "apps.apple.com", "itunes.apple.com", "play.google.com/store", "appgallery.huawei.com",
  "chrome.google.com/webstore", "chromewebstore.google.com", "addons.mozilla.org", "microsoftedge.microsoft.com/addons",
];
const isStoreLink = (a: Element): boolean => {
  const href = a.getAttribute("href");
  return !!href && STORES.some((store) => href.includes(store));
};
/** An installer's address ("QQBrowser_Setup.exe", "app.apk"): a link to one is a download banner's button. */
const INSTALLER = /^(?:https?:)?\/\/[^?#]+\.(?:exe|msi|dmg|pkg|apk)(?:[?#]|$)/i;
/** A sign-up box's e-mail field (type="email", or a text field named for e-mail); never a comment or log-in form's. */
const isEmailBox = (input: Element): boolean => {
  const type = (input.getAttribute("type") ?? "text").toLowerCase();
  const named = `${input.getAttribute("name") ?? ""} ${input.id} ${input.getAttribute("placeholder") ?? ""}`;
  if (type !== "email" && !(type === "text" && /e-?mail/i.test(named))) return false;
  const form = input.closest("form");
  return !form || !form.querySelector("textarea, input[type=password]");
};
/** A link to a social network's page of the site (a follow link), not a share button's address. */
const isFollowLink = (el: Element): boolean => {
  const href = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
  const m = /^(?:https?:)?\/\/(?:[\w-]+\.)*?([\w-]+\.\w+)(?=[/:?#]|$)(\/[^?#]*)?/i.exec(href);
  if (!m || !SOCIAL_HOSTS.includes((m[1] ?? "").toLowerCase())) return false;
  // A like or follow widget (facebook.com/plugins/like.php) follows; a share address shares.
  return !/share|sharer|intent|send|dialog/i.test(m[2] ?? "") || /\/plugins\/(?:like|page|follow)/i.test(m[2] ?? "");
};
const isTextBox = (el: Element): boolean => {
  const editable = el.getAttribute("contenteditable");
  return el.localName === "textarea" || editable === "" || editable === "true";
};

/**
 * The element a matched text stands for: grow from the text's parent while the
 * parent says nothing more (`<h2><span>Comments</span></h2>` → the h2).
 */
function labelElement(start: Element, key: string): Element {
  // A parent that says the label has about its length (spaces, a count, marks aside): a longer one
  // says more, and is not read whole (normalizing a big block's text at every label was most of a page's pass).
  const max = key.length * 4 + 400;
  let el = start;
  while (el.parentElement && el.parentElement !== el.ownerDocument.body) {
    const text = textUpTo(el.parentElement, max);
    if (text === null || normalizeLabel(text) !== key) break;
    el = el.parentElement;
  }
  return el;
}

/** A phrase or link inside a sentence ("he said <b>No comments yet</b>.") is prose, not a block. */
const inRunningText = (el: Element): boolean => !!el.parentElement && hasOwnText(el.parentElement);

/**
 * A link a platform appends to a paragraph after its last sentence ("…前往送别。<a>返回搜狐，查看更多</a>"):
 * the paragraph's last text, after a sentence's end. (Only a phrase that proves itself, a site's own words.)
 */
function appendedLink(el: Element): boolean {
  if (el.localName !== "a" || hasTextAfterIn(el)) return false;
  let before = "";
  for (let n = el.previousSibling; n && !/\S/.test(before); n = n.previousSibling) before = n.textContent ?? "";
  return /[.!?。！？]\s*$/.test(before);
}
const hasTextAfterIn = (el: Element): boolean => {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (/\S/.test(n.textContent ?? "")) return true;
  return false;
};

/**
 * The vocabulary's entries for a text, by its label form. Pages repeat their short texts (source
 * names, "2 hours ago", "Reply"), so the answers are kept: normalizing every short text node was
 * most of the markers pass.
 */
const OUTLET_LIST: Entry[] = [{ category: "related", label: true, evidence: false }];
const PROMO: Entry[] = [{ category: "app-banner", label: true, evidence: false }];
/** Longest promo line looked at ("Sign up for Breaking News by AOL to get … straight to your inbox."). */
const MAX_PROMO = 160;
/** Longest "More from <outlet>" heading looked at. */
const MAX_OUTLET_LIST = 80;
const COMMENT_NOTE: Entry[] = [{ category: "comments", label: true, evidence: true }];
/** Longest comment note looked at (a disclaimer naming the site's editors runs to a few lines). */
const MAX_NOTE = 300;
/** A note is known by its opening: only so much of a text is normalized to look for one. */
const NOTE_OPENING = 60;

function entriesFor(vocab: Vocabulary, text: string): Entry[] | undefined {
  let known = vocab.lookups.get(text);
  if (known === undefined) {
    // Longer than any phrase: only a note's opening may match.
    known = text.length <= vocab.longest * 2 ? (vocab.phrases.get(normalizeLabel(text)) ?? null) : null;
    if (!known && text.length <= MAX_OUTLET_LIST && vocab.outletLists.length) {
      const heading = squash(visible(text));
      if (vocab.outletLists.some((p) => p.test(heading))) known = OUTLET_LIST;
    }
    if (!known && text.length <= MAX_PROMO) {
      const line = squash(visible(text));
      if (vocab.promos.some((p) => p.test(line))) known = PROMO;
    }
    // A note's opening, after a mark such as "※" or "*".
    if (!known && vocab.notes && text.length <= MAX_NOTE && vocab.notes.test(normalizeLabel(squash(text).slice(0, NOTE_OPENING)).replace(/^[^\p{L}]+/u, ""))) {
      known = COMMENT_NOTE;
    }
    if (vocab.lookups.size >= 20_000) vocab.lookups.clear();
    vocab.lookups.set(text, known);
  }
  return known ?? undefined;
}

function textMarkers(text: Text, vocab: Vocabulary, out: Marker[]): void {
  const raw = text.nodeValue ?? "";
  // A promo line or a comment note may be longer than any phrase ("Sign up for <b>Breaking News by AOL</b> to get …").
  const reach = Math.max(vocab.longest, vocab.promos.length ? MAX_PROMO : 0, vocab.notes ? MAX_NOTE / 2 : 0);
  if (raw.length > reach * 2 || !/\S/.test(raw)) return;
  const parent = text.parentElement;
  if (!parent || NOT_PROSE.has(parent.tagName)) return;
  // Past the phrases' reach only a promo line or a comment note counts (a longer text matching a phrase is left as it was).
  const within = (text: string, limit: number): Entry[] | undefined => {
    const found = entriesFor(vocab, text);
    return text.length <= limit || found === PROMO || found === COMMENT_NOTE ? found : undefined;
  };
  let entries = within(raw, vocab.longest * 2);
  // A label split over nodes: "Related <b>Articles</b>" (a lone text node's parent says nothing more).
  if (!entries && parent.childNodes.length <= 4 && parent.childNodes.length > 1) {
    const whole = parent.textContent ?? "";
    if (whole.length <= reach) entries = within(whole, vocab.longest);
  }
  if (!entries) return;
  const element = labelElement(parent, normalizeLabel(parent.textContent ?? ""));
  if (inRunningText(element) && !(entries.every((e) => e.label && e.evidence) && appendedLink(element))) return;
  const said = element.textContent ?? "";
  // A link or button naming the site's channel ("Subscribe to our newsletters", "SmartNewsで読む") is
  // the promo's own call. (A bare "Newsletter" link is a menu's item: it needs evidence.)
  const call = entries === PROMO && !!parent.closest("a[href], button");
  for (const e of entries) {
    // A count with the word ("102 comments", "评论(15)", "跟贴31") is a comment counter: it proves itself.
    const counter = e.category === "comments" && e.label && !e.evidence && /\d/.test(said);
    const promo = e.category === "app-banner" && e.label && call;
    const why = counter ? " (a comment counter)" : promo && !e.evidence ? " (a call to action)" : "";
    out.push({ element, ...e, evidence: e.evidence || counter || promo, from: "text", reason: `text “${squash(said)}”${why}`, text: said, ...(counter ? { counter } : {}) });
  }
}

/** Markers in `root` and its subtree (root may be a text node the parser just added). */
export function findMarkers(root: Node, vocab: Vocabulary): Marker[] {
  const out: Marker[] = [];
  if (root.nodeType === Node.TEXT_NODE) {
    textMarkers(root as Text, vocab, out);
    return out;
  }
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return out;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) textMarkers(n as Text, vocab, out);

  const scope = root as Element | Document;
  // Elements by tag name, tested in script: attribute-substring selectors are slow in some DOMs
  // (jsdom: 50 times slower than this), and findMarkers runs on every batch the parser adds.
  const withRoot = (found: Element[], keep: (el: Element) => boolean, tag?: string): Element[] => {
    const self = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
    return self && (!tag || self.localName === tag) && keep(self) ? [self, ...found] : found;
  };
  const byTag = (tag: string, keep: (el: Element) => boolean): Element[] =>
    withRoot([...scope.getElementsByTagName(tag)].filter(keep), keep, tag);
  const banner = (element: Element, reason: string): void => {
    if (inRunningText(element)) return;
    out.push({ element, category: "app-banner", label: true, evidence: true, from: "element", reason, text: null });
  };
  // A badge ("Google Play", an image), not an app's name in a story or a table about apps.
  const isBadge = (a: Element): boolean =>
    ["img", "svg", "picture"].some((tag) => a.getElementsByTagName(tag).length > 0) || vocab.badges.has(normalizeLabel(a.textContent ?? ""));
  // The page's links once (three tests read them): collecting them was a good part of a long page's pass.
  const links = withRoot([...scope.getElementsByTagName("a")], () => true, "a");
  for (const a of links.filter(isStoreLink)) if (isBadge(a)) banner(a, "app-store badge link");
  // An image map's store regions (a badge picture with the stores' areas over it).
  const maps = new Set(byTag("area", isStoreLink).map((area) => (area.parentElement?.localName === "map" ? area.parentElement : area)));
  for (const map of maps) banner(map, "app-store badge area");
  for (const a of links.filter((el) => INSTALLER.test(el.getAttribute("href") ?? ""))) banner(a, "an installer's download link");
  for (const img of byTag("img", (el) => el.hasAttribute("alt"))) {
    const alt = img.getAttribute("alt") ?? "";
    // A badge, or a picture named for the promo ("新浪新闻公众号", "客户端下载": a QR code, a download badge).
    const promo = alt.length <= MAX_PROMO && !!entriesFor(vocab, alt)?.some((e) => e.category === "app-banner" && e.label);
    if (vocab.badges.has(normalizeLabel(alt)) || promo) banner(img.closest("a") ?? img, `store badge “${alt}”`);
  }
  // A sign-up box's e-mail field: its small form is the promo's block (a banner's label), a field alone only proves one.
  for (const input of byTag("input", isEmailBox)) {
    const form = input.closest("form");
    if (form && squash(form.textContent ?? "").length <= 200) banner(form, "an e-mail sign-up form");
    else out.push({ element: input, category: "app-banner", label: false, evidence: true, from: "element", reason: "an e-mail sign-up field", text: null });
  }
  // Follow links and like widgets of social networks: they prove a "Follow us" block, never start one.
  for (const el of [...links.filter(isFollowLink), ...byTag("iframe", isFollowLink)]) {
    out.push({ element: el, category: "app-banner", label: false, evidence: true, from: "element", reason: "a follow link to a social network", text: null });
  }
  for (const box of withRoot([...scope.querySelectorAll("textarea, [contenteditable]")].filter(isTextBox), isTextBox)) {
    out.push({ element: box, category: "comments", label: false, evidence: true, from: "element", reason: "a text box to write in", text: null });
  }
  // A comment platform's container (Disqus's #disqus_thread): the block is the platform's.
  const isContainer = (el: Element): boolean => platformOf(el)?.category === "comments";
  for (const box of withRoot([...scope.querySelectorAll(CONTAINER_SELECTOR)].filter(isContainer), isContainer)) {
    if (inRunningText(box)) continue;
    out.push({ element: box, category: "comments", label: true, evidence: true, from: "element", reason: `${platformOf(box)?.name ?? "a comment platform"}'s container`, text: null });
  }
  return out;
}
