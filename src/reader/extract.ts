import { Readability } from "@mozilla/readability";
import DOMPurify from "dompurify";
import { ATTR } from "../shared/attributes";

/** What the reader view shows: plain strings, and article markup that passed the sanitizer. */
export interface ReaderArticle {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  content: DocumentFragment;
}

/** Tidyread's own nodes and the blocks it hid do not belong in a reading view. */
const NOT_ARTICLE = `[${ATTR.panel}], [${ATTR.reader}], [${ATTR.hidden}], script, noscript, template`;

/**
 * Runs Readability on a clone (the page itself is never touched), then keeps only reading
 * markup: no scripts, forms, frames, styles or event handlers, and only http(s) links and images.
 */
export function extractArticle(doc: Document): ReaderArticle | null {
  const clone = doc.cloneNode(true) as Document;
  for (const el of clone.querySelectorAll(NOT_ARTICLE)) el.remove();
  // The serializer hands back the element itself: the article never becomes a string.
  const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  if (!article?.content) return null;
  const purify = DOMPurify(doc.defaultView ?? window);
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName === "A" && node.hasAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });
  const content = purify.sanitize(article.content, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_URI_REGEXP: /^https?:/i,
    FORBID_TAGS: ["style", "form", "input", "button", "select", "textarea", "iframe", "object", "embed", "svg", "math"],
    FORBID_ATTR: ["style", "class", "id", "srcset", "sizes"],
  });
  const dir = article.dir === "rtl" || article.dir === "ltr" ? article.dir : null;
  return {
    title: (article.title ?? "").trim() || doc.title,
    byline: article.byline?.trim() || null,
    siteName: article.siteName?.trim() || null,
    lang: article.lang?.trim() || null,
    dir,
    content: doc.importNode(content, true),
  };
}
