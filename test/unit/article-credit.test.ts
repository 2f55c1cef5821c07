// "Find this story's original": the outlet a story credits beside its title, read from the page.
import { describe, expect, it } from "vitest";
import { fixtureSlugs, loadFixture } from "../fixture-data";
import { runSession } from "./support";

/** What a reader sees beside each fixture's title (read from the markup by hand); null: no outlet named. */
const CREDITED: Record<string, string | null> = {
  "daily8-article-semantic": "Russia Today",
  "daily8-article-divsoup": "Russia Today",
  "daily8-article-flat": "Russia Today",
  "daily8-article-seed2": null,
  "daily8-late": "Al Arabiya",
  "daily8-trap-headings": "Al Arabiya",
  "daily8-trap-words": "Asharq Al-Awsat",
  "arabic-article": "العربية",
  "french-article": "Ouest-France",
  "yahoo-like-article": "Associated Press",
  "msn-like-article": "Reuters",
  // A person's byline is not an outlet.
  "newsbreak-like-article": null,
};

describe("the story's credited outlet", () => {
  it("covers every article fixture with a title", () => {
    expect(Object.keys(CREDITED).every((slug) => fixtureSlugs().includes(slug))).toBe(true);
  });

  it.each(Object.entries(CREDITED))("%s: %s", (slug, outlet) => {
    const { html, expected } = loadFixture(slug);
    const { session } = runSession(html, expected.url, true);
    expect(session?.articleTitle()).not.toBeNull();
    expect(session?.articleSource()).toBe(outlet);
  });
});
