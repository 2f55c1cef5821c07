import { describe, expect, it } from "vitest";
import { originalQuery } from "../../src/background/original";
import { ruleBlocks, structuralSelector } from "../../src/content/rules";

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

  it("become blocks for the engine, but never one holding the title, one inside a block already marked, or a broken selector", () => {
    const doc = page(html);
    const title = doc.querySelector("h1");
    const sidebar = doc.querySelector("#sidebar");
    if (!sidebar) throw new Error("fixture");
    const blocks = ruleBlocks(
      doc,
      [
        { category: "ai-promo", selector: "body > main:nth-of-type(1) > div:nth-of-type(1)" },
        { category: "comments", selector: "body > main:nth-of-type(1)" },
        { category: "related", selector: "#sidebar > section:nth-of-type(2)" },
        { category: "related", selector: "div[[[" },
      ],
      title,
      [{ category: "app-banner", elements: [sidebar], reason: "store badges" }],
    );
    expect(blocks.map((b) => [b.category, b.elements[0]?.textContent])).toEqual([["ai-promo", "Subscribe"]]);
  });
});

describe("Find the original", () => {
  it("asks the reader's search engine for the exact title at its source, quotes removed from the title", () => {
    expect(originalQuery('  US  to cut "Ukraine" aid ', "Russia Today")).toBe('"US to cut Ukraine aid" Russia Today');
    expect(originalQuery("Only a title", null)).toBe('"Only a title"');
  });
});
