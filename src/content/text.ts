/**
 * Whitespace collapsed and trimmed. Single spaces are left alone rather than replaced by
 * themselves: on a text with millions of them (". . .") that was most of a page's cleaning time.
 */
export const squash = (s: string): string => s.replace(/\s{2,}|[^\S ]/g, " ").trim();

/**
 * Without the invisible characters pages put around short texts: direction marks (LRM, RLM, the
 * Arabic letter mark), bidi embeddings and isolates, zero-width spaces, word joiners, soft hyphens
 * and byte-order marks. ("\u061CNo comments yet" is still "No comments yet".) Joiners (ZWJ, ZWNJ)
 * stay: they shape letters and emoji.
 */
export const visible = (s: string): string => s.replace(/[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, "");

/**
 * A label as compared against the language data: lower case, no trailing
 * punctuation or ellipsis, no count ("Comments (3)", "3 Comments", "4,060 条评论", "跟贴31").
 */
export function normalizeLabel(s: string): string {
  const label = squash(visible(s))
    .toLowerCase()
    // Arabic is written with or without diacritics and tatweel, and alef with or without hamza.
    .replace(/[\u064B-\u0652\u0640]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/[’`]/g, "'")
    .replace(/^\d[\d,]*\s+/, "")
    .replace(/\s*[(（]\s*\d[\d,]*\s*[)）]$/, "")
    // CJK pages run the count into the word: "6条评论", "跟贴31", "댓글12".
    .replace(/^\d[\d,]*(?=[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Hiragana}])/u, "")
    .replace(/(?<=[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Hiragana}])\s*\d[\d,]*$/u, "");
  return trimEnd(label, LABEL_END).trim();
}

/** What may trail a label: "Comments:", "Read more »", "Related ›". */
const LABEL_END = /[\s.…:!·•⋅|>»›«‹،؟。：！？-]/;

/**
 * `s` without the characters `strip` matches (one at a time) at its end. A loop, not `/[…]+$/`:
 * that regex backtracks over a long run of such characters quadratically (a page's 5 MB of
 * ". . ." took minutes).
 */
export function trimEnd(s: string, strip: RegExp): string {
  let end = s.length;
  while (end > 0 && strip.test(s.charAt(end - 1))) end -= 1;
  return s.slice(0, end);
}

/** A name's letters and digits alone, lower case: "Tech Insider" and "techinsider.io" compare by these. */
export const letters = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** `node`'s text when it has at most `max` characters, else null: found without reading a big block's whole text. */
export function textUpTo(node: Node, max: number): string | null {
  if (node.nodeType === Node.TEXT_NODE) return (node.nodeValue ?? "").length <= max ? (node.nodeValue ?? "") : null;
  const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    text += n.nodeValue ?? "";
    if (text.length > max) return null;
  }
  return text;
}

/** Elements whose text is never page prose. */
export const NOT_PROSE = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE", "OPTION", "TEXTAREA"]);

/** True when some text node directly inside `el` (not in a child element) has visible characters. */
export function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === Node.TEXT_NODE && /\S/.test(n.nodeValue ?? "")) return true;
  }
  return false;
}

/** Document order, for sorting. */
export function byDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
