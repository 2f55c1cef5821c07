import { describe, expect, it } from "vitest";
import { originalQuery } from "../../src/background/original";
import { ruleBlocks, storyGuard, structuralSelector } from "../../src/content/rules";

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, "text/html");
}

describe("the reader's rules", () => {
  const html = `<header class="x1"><p>Logo</p></header>
    <main><h1>Title</h1><p>Body</p><div class="promo-7f3"><p>Subscribe</p></div><div><p>Other</p></div></main>
    <div id="sidebar"><section><p>Poll</p></section><section><p>Newsletter</p></section></div>
    <div id="ad-123456"><p>Generated id</p></div>`;

  it("finds a block again by tag names and positions, or a stable id, never by class names", () => {
    const doc = page(html);
    const promo = doc.querySelector(".promo-7f3");
    const newsletter = doc.querySelectorAll("#sidebar section")[1];
    const generated = doc.querySelector("#ad-123456 p");
    if (!promo || !newsletter || !generated) throw new Error("fixture");
    expect(structuralSelector(promo)).toBe("body > main:nth-of-type(1) > div:nth-of-type(1)");
    expect(structuralSelector(newsletter)).toBe("#sidebar > section:nth-of-type(2)");
    expect(structuralSelector(generated)).toBe("body > div:nth-of-type(2) > p:nth-of-type(1)");
    for (const el of [promo, newsletter, generated]) expect(doc.querySelector(structuralSelector(el))).toBe(el);
    // The same structure after a redesign of class names still matches.
    const renamed = page(html.replace("promo-7f3", "box-9zz"));
    expect(renamed.querySelector(structuralSelector(promo))?.textContent).toBe("Subscribe");
  });

  it("become blocks for the engine, but never one holding the story, one inside a block already marked, or a broken selector", () => {
    const doc = page(html);
    const title = doc.querySelector("h1");
    const body = doc.querySelector("main > p");
    const sidebar = doc.querySelector("#sidebar");
    if (!sidebar || !body) throw new Error("fixture");
    const holdingTitle = { category: "comments", selector: "body > main:nth-of-type(1)" } as const;
    const prose = { category: "comments", selector: "body > main:nth-of-type(1) > p:nth-of-type(1)" } as const;
    const { blocks, refused } = ruleBlocks(
      doc,
      [
        { category: "ai-promo", selector: "body > main:nth-of-type(1) > div:nth-of-type(1)" },
        holdingTitle,
        prose,
        { category: "related", selector: "#sidebar > section:nth-of-type(2)" },
        { category: "related", selector: "div[[[" },
      ],
      storyGuard({ title, prose: [body] }),
      [{ category: "app-banner", elements: [sidebar], reason: "store badges" }],
    );
    expect(blocks.map((b) => [b.category, b.elements[0]?.textContent])).toEqual([["ai-promo", "Subscribe"]]);
    expect(refused).toEqual([holdingTitle, prose]);
  });

  it("guard the story: what is, holds or sits inside its title or a prose line", () => {
    const doc = page(`<main><article><h1>Title <em>here</em></h1><div><p>One</p><p>Two <b>bold</b></p></div><aside><p>Aside</p></aside></article></main><footer>x</footer>`);
    const [title, one, two] = ["h1", "p", "p:nth-of-type(2)"].map((s) => doc.querySelector(`article ${s}`));
    if (!title || !one || !two) throw new Error("fixture");
    const holds = storyGuard({ title, prose: [one, two] });
    const at = (selector: string): boolean => holds(doc.querySelector(selector) as Element);
    expect(["h1", "h1 em", "article", "main", "body", "html", "article > div", "b"].map(at)).toEqual(Array(8).fill(true));
    expect(["aside", "aside p", "footer"].map(at)).toEqual([false, false, false]);
    // No story (a listing page): only the title.
    const listing = storyGuard({ title, prose: [] });
    expect([listing(title), listing(one), listing(doc.querySelector("footer") as Element)]).toEqual([true, false, false]);
    expect(storyGuard({ title: null, prose: [] })(doc.body)).toBe(false);
  });
});

describe("Find the original", () => {
  it("asks the reader's search engine for the exact title at its source, quotes removed from the title", () => {
    expect(originalQuery('  US  to cut "Ukraine" aid ', "Russia Today")).toBe('"US to cut Ukraine aid" Russia Today');
    expect(originalQuery("Only a title", null)).toBe('"Only a title"');
  });
});
