// The cleaning pass's work, counted: what must happen once happens once, and what a busy page
// does that concerns no block costs (almost) nothing.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as teasers from "../../src/content/teasers";
import { tidy } from "./support";

// Every reading of teaser cards, with the roots it read.
const reads: Element[][] = [];
vi.mock("../../src/content/teasers", async (importOriginal) => {
  const real = await importOriginal<typeof teasers>();
  return {
    ...real,
    readTeasers: (roots: Element[], ...rest: [teasers.TeaserContext, Set<string>?]) => {
      reads.push([...roots]);
      return real.readTeasers(roots, ...rest);
    },
  };
});

const URL_ARTICLE = "https://www.daily8.com/en/article/1";
const card = (n: number): string =>
  `<div class="card"><a href="/en/article/${n}"><h3>Teaser number ${n} has a title</h3></a><span>Source ${n}</span><span>${n} hours ago</span></div>`;
const page = (cards: number): string =>
  `<!doctype html><html lang="en"><head><title>A long enough story title | Daily8</title></head><body><main>
  <article><h1>A long enough story title</h1><p>First paragraph of the story, which says what happened and why.</p></article>
  <section><h2>Comments</h2><p>No comments yet...</p><form><textarea></textarea></form></section>
  <section id="related"><h2>Related Articles</h2>${Array.from({ length: cards }, (_, i) => card(i + 1)).join("")}</section>
  </main></body></html>`;

const readsOf = (el: Element): number => reads.filter((roots) => roots.some((r) => r.contains(el))).length;

afterEach(() => {
  reads.length = 0;
});

describe("teaser cards", () => {
  it("are read once: the reading that proves the related block is the one the panel lists", () => {
    const { doc, session } = tidy(page(5), URL_ARTICLE);
    expect(session.teasers).toHaveLength(5);
    for (const c of doc.querySelectorAll(".card")) expect(readsOf(c)).toBe(1);
  });
});
