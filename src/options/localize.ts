import { t, uiDir, uiLang, type MessageKey } from "../shared/i18n";

/**
 * Puts the UI language's strings into the page: `data-i18n="key"` sets an element's text, where a
 * `$1`, `$2` in the message stands for the element's first, second child element (kept, ids and
 * all); `data-i18n-attr="aria-label:key placeholder:key"` sets attributes. The page mirrors in
 * right-to-left languages.
 */
export function localize(doc: Document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDir();
  for (const el of doc.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = el.dataset["i18n"] as MessageKey;
    const children = [...el.children];
    // "$1" for $1: the browser puts the substitution in as it is, and it is split on below.
    const message = t(key, ...children.map((_, i) => `$${i + 1}`));
    if (message === key) continue; // no such string: the page's English stays
    el.replaceChildren(
      ...message.split(/(\$\d)/).map((part) => (/^\$\d$/.test(part) ? (children[Number(part.slice(1)) - 1] ?? "") : part)),
    );
  }
  for (const el of doc.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    for (const pair of (el.dataset["i18nAttr"] ?? "").split(/\s+/).filter(Boolean)) {
      const [attr, key] = pair.split(":");
      const message = key && t(key as MessageKey);
      if (attr && message && message !== key) el.setAttribute(attr, message);
    }
  }
}
