// The reader view's article as data: extracted from a hostile page into a tree under the
// allowlist (content/article/extract.ts), checked on arrival (isArticleData), and built again in
// the reader page (reader/view.ts) with the same text and nothing the allowlist does not name.
import { describe, expect, it, vi } from "vitest";
import { ARTICLE_LIMITS, ARTICLE_TAGS, isArticleData, type ArticleData, type ArticleNode } from "../../src/shared/article";

vi.mock("webextension-polyfill", () => ({ default: {} }));
const { extractArticle, toArticleTree } = await import("../../src/content/article/extract");
const { buildArticle, ReaderView } = await import("../../src/reader/view");
const { DEFAULTS } = await import("../../src/shared/settings");

const PROSE =
  "The council voted on Tuesday to extend the tram line to the northern districts, after a debate that lasted most of the afternoon and drew residents from every ward.";

/** A story page whose article carries everything a page could use against the reader view. */
const HOSTILE = `<!doctype html><html lang="en"><head><base href="https://news.example/city/">
<title>Tram line to reach the north</title><meta property="article:published_time" content="2026-11-20T08:30:00Z"></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main><article>
  <h1>Tram line to reach the north</h1>
  <p class="byline">By Dana Reporter</p>
  <p dir="rtl" lang="ar">${PROSE} <bdo dir="ltr">قطار</bdo></p>
  <p>${PROSE} <script>window.stolen = document.cookie</script><a href="javascript:alert(1)">a bad link</a>
     <a href="  JaVaScRiPt:alert(2)">a disguised link</a> <a href="/city/plan" onclick="alert(3)" style="color:red">the plan</a>
     <a href="data:text/html,<script>alert(4)</script>">a data link</a>.</p>
  <p>${PROSE} <img src="https://img.example/tram.jpg" width="640" height="360" alt="A tram" onerror="alert(5)" srcset="https://evil.example/x 2x">
     <img src="data:image/png;base64,iVBORw0KGgo=" alt="tracking pixel"> <time datetime="2026-11-20T08:30:00Z">Thursday</time>.</p>
  <iframe src="https://evil.example/frame"></iframe>
  <style>p { display: none }</style>
  <svg><script>alert(6)</script><a href="https://evil.example/svg"><text>svg text</text></a></svg>
  <form action="https://evil.example/"><input name="q" value="form value"><button>Subscribe now</button></form>
  <p>${PROSE} <span style="background:url(javascript:alert(7))">styled</span> <del datetime="2026-11-19">old plan</del> <ins datetime="2026-11-20">new plan</ins></p>
  <p>${PROSE} <math><mi>x</mi></math><object data="https://evil.example/o"></object><embed src="https://evil.example/e"></p>
  <table><tr><th colspan="2" scope="col">Stops</th></tr><tr><td rowspan="1">North</td><td onmouseover="alert(8)">Centre</td></tr></table>
</article></main>
<aside><h2>Related</h2><a href="/other">Other story</a></aside></body></html>`;

const parse = (html: string): Document => new DOMParser().parseFromString(html, "text/html");

/** Every element of the tree, depth first. */
function* nodes(root: ArticleNode): Generator<ArticleNode> {
  yield root;
  for (const child of root.children) if (typeof child !== "string") yield* nodes(child);
}
const textOf = (root: ArticleNode): string => root.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("the article as data", () => {
  const article = extractArticle(parse(HOSTILE)) as ArticleData;

  it("comes out of a hostile page clean: allowed tags and attributes only, http(s) addresses only", () => {
    expect(article).not.toBeNull();
    expect(isArticleData(article)).toBe(true);
    for (const node of nodes(article.content)) {
      expect(Object.keys(ARTICLE_TAGS), node.tag).toContain(node.tag);
      for (const [name, value] of Object.entries(node.attrs)) {
        expect(name).not.toMatch(/^on|^style$|^srcset$|^class$|^id$/);
        if (name === "href" || name === "src") expect(value).toMatch(/^https?:\/\//);
      }
    }
    const json = JSON.stringify(article);
    for (const bad of ["javascript", "data:", "alert", "cookie", "evil.example", "form value", "Subscribe now", "svg text", "display: none"]) {
      expect(json, bad).not.toContain(bad);
    }
    const tags = new Set([...nodes(article.content)].map((n) => n.tag));
    for (const gone of ["script", "style", "iframe", "svg", "math", "form", "input", "button", "object", "embed"]) expect(tags).not.toContain(gone);
  });

  it("keeps dir, lang, datetime and image sizes (a regexp for addresses no longer strips them)", () => {
    const all = [...nodes(article.content)];
    const rtl = all.find((n) => n.tag === "p" && n.attrs["dir"] === "rtl");
    expect(rtl?.attrs).toMatchObject({ dir: "rtl", lang: "ar" });
    expect(all.find((n) => n.tag === "bdo")?.attrs).toEqual({ dir: "ltr" });
    expect(all.find((n) => n.tag === "time")?.attrs).toEqual({ datetime: "2026-11-20T08:30:00Z" });
    expect(all.find((n) => n.tag === "del")?.attrs).toEqual({ datetime: "2026-11-19" });
    expect(all.filter((n) => n.tag === "img").map((n) => n.attrs)).toEqual([{ src: "https://img.example/tram.jpg", width: "640", height: "360", alt: "A tram" }]);
    expect(all.find((n) => n.tag === "th")?.attrs).toEqual({ colspan: "2", scope: "col" });
  });

  it("makes relative links absolute at the page's address, drops the others but keeps their words", () => {
    const links = [...nodes(article.content)].filter((n) => n.tag === "a");
    expect(links.map((a) => a.attrs["href"])).toContain("https://news.example/city/plan");
    for (const a of links) expect(a.attrs["href"] ?? "").toMatch(/^https:\/\//);
    const text = squash(textOf(article.content));
    for (const words of ["the plan", "a bad link", "a disguised link", "a data link"]) expect(text).toContain(words);
    expect(text).toContain(PROSE);
  });

  it("carries the page's title, byline and date as text", () => {
    expect(article.title).toBe("Tram line to reach the north");
    expect(article.byline).toMatch(/Dana Reporter/);
    expect(article.publishedTime).toBe("2026-11-20T08:30:00Z");
    expect(article.lang).toBe("en");
  });

  it("is built again in the reader page with the same text, links opening in a new tab without opener or referrer", () => {
    const built = buildArticle(document, article.content);
    const holder = document.createElement("div");
    holder.append(built);
    expect(squash(holder.textContent ?? "")).toBe(squash(textOf(article.content)));
    expect(holder.querySelectorAll("script, style, iframe, svg, math, form, object, embed, [style], [onclick], [onerror], [srcset]")).toHaveLength(0);
    const links = [...holder.querySelectorAll("a")];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect([a.getAttribute("target"), a.getAttribute("rel"), a.protocol]).toEqual(["_blank", "noopener noreferrer", "https:"]);
    expect(holder.querySelector("img")?.getAttribute("width")).toBe("640");
    expect(holder.querySelector("p[dir=rtl][lang=ar]")).not.toBeNull();
    expect(holder.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-20T08:30:00Z");
  });

  it("is shown by the reader view under its title, in the article's language", () => {
    const container = document.createElement("div");
    document.body.append(container);
    const onClose = vi.fn();
    const view = new ReaderView(document, container, { onClose, onPrefs: vi.fn() });
    view.show(article, { ...DEFAULTS.reader, size: 22 });
    view.focus();
    expect(document.activeElement?.textContent).toBe("Tram line to reach the north");
    expect(container.querySelector("article")?.getAttribute("lang")).toBe("en");
    expect(container.querySelector(".byline time")?.getAttribute("datetime")).toBe("2026-11-20T08:30:00Z");
    expect(document.documentElement.style.getPropertyValue("--size")).toBe("22px");
    // Tab comes round inside the view: the page underneath never takes the focus unseen.
    const links = container.querySelectorAll("article a");
    const lastLink = links[links.length - 1] as HTMLElement;
    const tab = (shiftKey: boolean): boolean => (document.activeElement ?? document).dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", shiftKey, bubbles: true, cancelable: true }));
    lastLink.focus();
    expect(tab(false)).toBe(false);
    expect(document.activeElement?.getAttribute("data-part")).toBe("smaller");
    expect(tab(true)).toBe(false);
    expect(document.activeElement).toBe(lastLink);
    // Inside, Tab is the browser's own.
    (container.querySelector('[data-part="larger"]') as HTMLElement).focus();
    expect(tab(false)).toBe(true);
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(onClose).toHaveBeenCalledTimes(1);
    container.remove();
  });
});

describe("the tree's bounds", () => {
  it("unwraps elements past the depth limit and keeps their text", () => {
    const depth = 1_000;
    const doc = parse(`<div id="root">${"<div>".repeat(depth)}deep words${"</div>".repeat(depth)}</div>`);
    const tree = toArticleTree(doc.getElementById("root") as Element, "https://news.example/");
    expect(textOf(tree)).toBe("deep words");
    expect(isArticleData({ title: "", byline: null, siteName: null, lang: null, dir: null, publishedTime: null, content: tree })).toBe(true);
  });

  it("stops at the node limit", { timeout: 20_000 }, () => {
    // Each <b> and its text are two nodes.
    const doc = parse(`<div id="root">${"<b>x</b>".repeat(ARTICLE_LIMITS.nodes / 2 + 10)}</div>`);
    const tree = toArticleTree(doc.getElementById("root") as Element, "https://news.example/");
    // The root, then elements and their texts up to the limit: the last ten elements are left out.
    expect(tree.children.length).toBe(ARTICLE_LIMITS.nodes / 2);
    expect(isArticleData({ title: "", byline: null, siteName: null, lang: null, dir: null, publishedTime: null, content: tree })).toBe(true);
  });
});

describe("isArticleData", () => {
  const good: ArticleData = {
    title: "A story",
    byline: null,
    siteName: "News",
    lang: "en",
    dir: "ltr",
    publishedTime: null,
    content: { tag: "div", attrs: {}, children: ["text ", { tag: "a", attrs: { href: "https://news.example/" }, children: ["link"] }] },
  };
  const withContent = (content: unknown): unknown => ({ ...good, content });
  const deep = (levels: number): ArticleNode => {
    let node: ArticleNode = { tag: "span", attrs: {}, children: ["x"] };
    for (let i = 1; i < levels; i++) node = { tag: i === levels - 1 ? "div" : "span", attrs: {}, children: [node] };
    return node;
  };

  it("takes well-formed data", () => {
    expect(isArticleData(good)).toBe(true);
    expect(isArticleData(withContent(deep(ARTICLE_LIMITS.depth)))).toBe(true);
  });

  it.each([
    ["not an object", "<p>markup</p>"],
    ["null", null],
    ["no title", { ...good, title: undefined }],
    ["a title that is not text", { ...good, title: 5 }],
    ["a direction that is not one", { ...good, dir: "sideways" }],
    ["a byline as markup object", { ...good, byline: { tag: "b" } }],
    ["a root that is not a div", withContent({ tag: "p", attrs: {}, children: [] })],
    ["a script", withContent({ tag: "div", attrs: {}, children: [{ tag: "script", attrs: {}, children: ["alert(1)"] }] })],
    ["an iframe", withContent({ tag: "div", attrs: {}, children: [{ tag: "iframe", attrs: { src: "https://evil.example/" }, children: [] }] })],
    ["an svg", withContent({ tag: "div", attrs: {}, children: [{ tag: "svg", attrs: {}, children: [] }] })],
    ["an event handler", withContent({ tag: "div", attrs: { onclick: "alert(1)" }, children: [] })],
    ["a style", withContent({ tag: "div", attrs: { style: "color:red" }, children: [] })],
    ["a javascript: link", withContent({ tag: "div", attrs: {}, children: [{ tag: "a", attrs: { href: "javascript:alert(1)" }, children: [] }] })],
    ["a relative link", withContent({ tag: "div", attrs: {}, children: [{ tag: "a", attrs: { href: "/path" }, children: [] }] })],
    ["a data: image", withContent({ tag: "div", attrs: {}, children: [{ tag: "img", attrs: { src: "data:image/png;base64,AAAA" }, children: [] }] })],
    ["a src on a link", withContent({ tag: "div", attrs: {}, children: [{ tag: "a", attrs: { src: "https://news.example/" }, children: [] }] })],
    ["an image size that is not a number", withContent({ tag: "div", attrs: {}, children: [{ tag: "img", attrs: { src: "https://i.example/a.png", width: "100%;x" }, children: [] }] })],
    ["a number as text", withContent({ tag: "div", attrs: {}, children: [5] })],
    ["an attribute that is not text", withContent({ tag: "div", attrs: { title: 5 }, children: [] })],
    ["children that are not a list", withContent({ tag: "div", attrs: {}, children: "text" })],
    ["a prototype's key as tag", withContent({ tag: "div", attrs: {}, children: [{ tag: "constructor", attrs: {}, children: [] }] })],
    ["a tree deeper than the limit", withContent(deep(ARTICLE_LIMITS.depth + 1))],
  ])("refuses %s", (_what, data) => {
    expect(isArticleData(data)).toBe(false);
  });
});
