import { Readability } from "@mozilla/readability";
import DOMPurify from "dompurify";
import {
  allowedAttr,
  articleAttrNames,
  ARTICLE_LIMITS,
  articleTagNames,
  ARTICLE_TAGS,
  DROPPED_WITH_CONTENT,
  httpUrl,
  URL_ATTRS,
  type ArticleData,
  type ArticleNode,
} from "../../shared/article";
import { ATTR } from "../../shared/attributes";

/** The blocks Tidyread hid (or holds back) and what never reads: not part of the article. */
const NOT_ARTICLE = `[${ATTR.hidden}], [${ATTR.pending}], script, noscript, template`;

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const meta = (s: string | null | undefined): string | null => (s?.trim() ? cut(s.trim(), ARTICLE_LIMITS.meta) : null);

/**
 * Runs Readability on a clone (the page itself is never touched), sanitizes the result with
 * DOMPurify and turns it into data: the article's text and its reading markup as a tree of tag
 * names and attribute values under the allowlist of shared/article.ts. No markup leaves here.
 */
export function extractArticle(doc: Document): ArticleData | null {
  const clone = doc.cloneNode(true) as Document;
  for (const el of clone.querySelectorAll(NOT_ARTICLE)) el.remove();
  // The serializer hands back the element itself: the article never becomes a string.
  const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  if (!article?.content) return null;
  const base = doc.baseURI;
  const clean = sanitize(doc, article.content, base);
  // Nothing to read (an empty page, or only images and forms): no article.
  if (!clean.textContent?.trim()) return null;
  const content = toArticleTree(clean, base);
  const dir = article.dir === "rtl" || article.dir === "ltr" ? article.dir : null;
  return {
    title: meta(article.title) ?? meta(doc.title) ?? "",
    byline: meta(article.byline),
    siteName: meta(article.siteName),
    lang: meta(article.lang),
    dir,
    publishedTime: meta(article.publishedTime),
    content,
  };
}

/**
 * DOMPurify with the article allowlist. Only `href` and `src` are addresses, checked for http(s)
 * here: a regexp for every attribute (ALLOWED_URI_REGEXP) would strip `dir`, `lang`, `datetime`
 * and image sizes, whose values are not addresses.
 */
function sanitize(doc: Document, content: Node, base: string): DocumentFragment {
  const purify = DOMPurify(doc.defaultView ?? window);
  purify.addHook("uponSanitizeAttribute", (_node, data) => {
    if (URL_ATTRS.has(data.attrName) && !httpUrl(data.attrValue, base)) data.keepAttr = false;
  });
  return purify.sanitize(content, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_TAGS: articleTagNames(),
    ALLOWED_ATTR: articleAttrNames(),
    ADD_FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  });
}

/**
 * The sanitized article as a tree of data, under the allowlist again (a second opinion, and the
 * only one that decides what crosses): unknown elements give their text to their parent,
 * addresses become absolute http(s) or are dropped, elements deeper than the depth limit are
 * unwrapped and nodes past the count limit left out. Iterative: a deep page cannot overflow it.
 */
export function toArticleTree(root: ParentNode, base: string): ArticleNode {
  const tree: ArticleNode = { tag: "div", attrs: {}, children: [] };
  let count = 1;
  type Pending = { node: Node; into: ArticleNode; depth: number };
  const stack: Pending[] = [];
  const pushChildren = (node: ParentNode, into: ArticleNode, depth: number): void => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, into, depth });
  };
  pushChildren(root, tree, 1);
  while (stack.length && count < ARTICLE_LIMITS.nodes) {
    const { node, into, depth } = stack.pop() as Pending;
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      const text = node.nodeValue ?? "";
      const last = into.children.length - 1;
      const previous = into.children[last];
      // Adjacent text (around an unwrapped element) is one string.
      if (typeof previous === "string") into.children[last] = previous + text;
      else {
        into.children.push(text);
        count++;
      }
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.localName;
    if (DROPPED_WITH_CONTENT.has(tag) || element.namespaceURI !== "http://www.w3.org/1999/xhtml") continue;
    if (!Object.hasOwn(ARTICLE_TAGS, tag) || depth >= ARTICLE_LIMITS.depth) {
      pushChildren(element, into, depth);
      continue;
    }
    const attrs = attributesOf(element, tag, base);
    // A link whose address was dropped is its words; an image without one is nothing.
    if (tag === "a" && !attrs["href"]) {
      pushChildren(element, into, depth);
      continue;
    }
    if (tag === "img" && !attrs["src"]) continue;
    const child: ArticleNode = { tag, attrs, children: [] };
    into.children.push(child);
    count++;
    pushChildren(element, child, depth + 1);
  }
  return tree;
}

function attributesOf(element: Element, tag: string, base: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const { name, value } of element.attributes) {
    const kept = URL_ATTRS.has(name) ? httpUrl(value.trim(), base) : value;
    if (kept !== null && allowedAttr(tag, name, kept)) attrs[name] = kept;
  }
  return attrs;
}
