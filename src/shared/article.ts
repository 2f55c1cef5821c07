// The article the reader view shows, as data: the content script extracts it from the page
// (src/content/article) and the reader page (src/reader) builds its DOM again from this tree.
// Markup never travels: only tag names, attribute values and text, each checked against the
// one allowlist below on both sides.

/** An element of the article: an allowed tag, its allowed attributes, and its children. */
export interface ArticleNode {
  tag: string;
  attrs: Record<string, string>;
  children: (ArticleNode | string)[];
}

export interface ArticleData {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The article's language and direction, as the page gave them. */
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  /** As the page's metadata wrote it (usually ISO 8601); shown only if it parses as a date. */
  publishedTime: string | null;
  /** The article's body: a `div` holding the reading markup. */
  content: ArticleNode;
}

/** Attributes any allowed element may keep. */
const GLOBAL_ATTRS = ["dir", "lang", "title"] as const;

/**
 * Reading markup, and the attributes each tag keeps besides GLOBAL_ATTRS. Everything else (scripts,
 * styles, frames, forms, SVG, MathML, event handlers, classes, ids, srcset) is left out: an element
 * not listed is unwrapped (its text stays) unless it is in DROPPED_WITH_CONTENT.
 */
export const ARTICLE_TAGS: Readonly<Record<string, readonly string[]>> = {
  // No main or aside: the reader page's <main> holds the article; the article's would compete with it.
  div: [], span: [], p: [], br: [], hr: [], section: [], article: [], header: [], footer: [], address: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  figure: [], figcaption: [], picture: [],
  em: [], strong: [], b: [], i: [], u: [], s: [], small: [], sub: [], sup: [], mark: [], q: [], cite: [], abbr: [], dfn: [],
  code: [], pre: [], kbd: [], samp: [], var: [], bdi: [], bdo: [], wbr: [], ruby: [], rt: [], rp: [],
  time: ["datetime"], del: ["datetime"], ins: ["datetime"], data: ["value"],
  blockquote: [], ul: [], ol: ["start", "reversed", "type"], li: ["value"], dl: [], dt: [], dd: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], colgroup: ["span"], col: ["span"],
  th: ["colspan", "rowspan", "scope"], td: ["colspan", "rowspan"],
  details: [], summary: [],
};

/** Not reading matter: an element of these tags goes with everything inside it. */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
  "form", "input", "button", "select", "textarea", "option", "datalist", "canvas", "audio", "video", "source", "track",
  "link", "meta", "base", "head", "title", "dialog", "portal",
]);

/** Every allowed tag and attribute name, for DOMPurify's ALLOWED_TAGS and ALLOWED_ATTR (functions: the content script drops what it does not call). */
export const articleTagNames = (): string[] => Object.keys(ARTICLE_TAGS);
export const articleAttrNames = (): string[] => [...new Set([...GLOBAL_ATTRS, ...Object.values(ARTICLE_TAGS).flat()])];

/** Attributes holding an address: only absolute http(s) ones are kept. */
export const URL_ATTRS: ReadonlySet<string> = new Set(["href", "src"]);

/** Limits on what crosses to the reader page: deeper elements are unwrapped, later nodes dropped. */
export const ARTICLE_LIMITS = { depth: 64, nodes: 100_000, attr: 2_000, url: 8_000, meta: 1_000 } as const;

/** An absolute http(s) address as the URL parser reads it, or null (javascript:, data:, relative, malformed). */
export function httpUrl(value: string, base?: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const ATTR_VALUE: Readonly<Record<string, RegExp>> = {
  dir: /^(ltr|rtl|auto)$/i,
  width: /^\d{1,5}$/,
  height: /^\d{1,5}$/,
  colspan: /^\d{1,4}$/,
  rowspan: /^\d{1,4}$/,
  span: /^\d{1,4}$/,
  start: /^-?\d{1,9}$/,
  value: /^[^\n]*$/,
  type: /^[1aAiI]$/,
  scope: /^(row|col|rowgroup|colgroup)$/i,
};

/**
 * Whether `tag` may keep the attribute `name` with this value. Addresses must be absolute
 * http(s), already resolved: the reader page has another base than the article's page.
 */
export function allowedAttr(tag: string, name: string, value: string): boolean {
  const allowed = ARTICLE_TAGS[tag];
  if (!allowed || !((GLOBAL_ATTRS as readonly string[]).includes(name) || allowed.includes(name))) return false;
  if (URL_ATTRS.has(name)) return value.length <= ARTICLE_LIMITS.url && httpUrl(value) === value;
  if (value.length > ARTICLE_LIMITS.attr) return false;
  return ATTR_VALUE[name]?.test(value) ?? true;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isShortStringOrNull = (x: unknown): boolean => x === null || (typeof x === "string" && x.length <= ARTICLE_LIMITS.meta);

/** Whether a node and everything under it keeps to the allowlist and the limits (iterative: any depth is refused, not overflowed). */
function isArticleTree(root: unknown): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  let count = 0;
  while (stack.length) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (++count > ARTICLE_LIMITS.nodes) return false;
    if (typeof node === "string") continue;
    if (!isRecord(node) || depth > ARTICLE_LIMITS.depth) return false;
    const { tag, attrs, children } = node;
    if (typeof tag !== "string" || !Object.hasOwn(ARTICLE_TAGS, tag) || !isRecord(attrs) || !Array.isArray(children)) return false;
    for (const [name, value] of Object.entries(attrs)) if (typeof value !== "string" || !allowedAttr(tag, name, value)) return false;
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}

/** Narrows what the reader page receives: the shape, the allowlist and the limits, all checked. */
export function isArticleData(x: unknown): x is ArticleData {
  if (!isRecord(x)) return false;
  const { title, byline, siteName, lang, dir, publishedTime, content } = x;
  return (
    typeof title === "string" &&
    title.length <= ARTICLE_LIMITS.meta &&
    [byline, siteName, lang, publishedTime].every(isShortStringOrNull) &&
    (dir === null || dir === "ltr" || dir === "rtl") &&
    isRecord(content) &&
    content["tag"] === "div" &&
    isArticleTree(content)
  );
}
