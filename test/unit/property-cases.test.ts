// Pages the property tests (properties.test.ts) found mishandled, shrunk to their smallest form.
import { describe, expect, it } from "vitest";
import { hiddenUnder, tidy } from "./support";

const URL_ARTICLE = "https://www.daily8.com/en/article/1";
const page = (body: string, lang = "en"): string =>
  `<!doctype html><html lang="${lang}"${lang === "ar" ? ' dir="rtl"' : ""}><head><title>A long enough story title | Daily8</title></head><body>${body}</body></html>`;
const title = "<h1>A long enough story title</h1>";
const credit = "<p><span>Russia Today</span> <time>3 hours ago</time></p>";
const paragraph = "<p>The story's paragraph, which says what happened and why it matters.</p>";

/** The hidden category of each element marked data-t, by its mark. */
function verdicts(doc: Document): Record<string, string | null> {
  return Object.fromEntries([...doc.querySelectorAll("[data-t]")].map((el) => [el.getAttribute("data-t"), hiddenUnder(el)]));
}

describe("cases found by the property tests", () => {
  it("a wrapped banner (heading over image badges) before a credit line keeps to its wrapper", () => {
    // Its text was the heading's alone, so it was taken for a heading in a flat layout and ran on
    // over the credit line after it.
    const { doc } = tidy(
      page(`<article><div data-t="banner"><h2>Download the app</h2><a href="https://apps.apple.com/app/x"><img alt="app-store"></a></div>
        <p data-t="credit"><span>Sky News</span> <time>3 hours ago</time></p>${title}${paragraph}</article>`),
      URL_ARTICLE,
    );
    expect(verdicts(doc)).toEqual({ banner: "app-banner", credit: null });
  });

  it("a box at the top of the story's body is the box, not the body", () => {
    // The comments box was the first thing in the body's wrapper, so its label climbed into the
    // wrapper (no text before it) and hid every paragraph after it.
    const { doc } = tidy(
      page(`<article>${title}${credit}<div><section data-t="box"><h2>Comments</h2><p>No comments yet...</p></section>
        <p data-t="story">${paragraph}</p></div></article>`),
      URL_ARTICLE,
    );
    expect(verdicts(doc)).toEqual({ box: "comments", story: null });
    const promo = tidy(
      page(`<article>${title}${credit}<div><div data-t="box"><h3>Try Our AI Features</h3><p>Summaries and answers</p></div>
        <p data-t="story">${paragraph}</p></div></article>`),
      URL_ARTICLE,
    ).doc;
    expect(verdicts(promo)).toEqual({ box: "ai-promo", story: null });
  });

  it("a lone store badge at the top of the story's body does not take the story with it", () => {
    const { doc } = tidy(
      page(`<article>${title}${credit}<div><div data-t="badge"><a href="https://apps.apple.com/app/x">App Store</a></div>
        <p data-t="story">A short story.</p></div></article>`),
      URL_ARTICLE,
    );
    expect(verdicts(doc)).toEqual({ badge: "app-banner", story: null });
  });

  it("a banner set into the story keeps to its own box: the story's words before and after it stay", () => {
    // The banner's box (heading and badge) had nothing more to say, so it climbed into the
    // story's wrapper and hid the paragraph after it (seed 873105193).
    const after = tidy(
      page(`<article>${title}${credit}<div><div data-t="banner"><h2>Download the app</h2><a href="https://apps.apple.com/app/x"><img alt="app-store"></a></div>
        <p data-t="story">aa àà</p></div></article>`),
      URL_ARTICLE,
    ).doc;
    expect(verdicts(after)).toEqual({ banner: "app-banner", story: null });
    // A badge alone in a box took in the story's short paragraph before it as "the banner's
    // words" (seed 6).
    const before = tidy(
      page(`<article>${title}${credit}<div><p data-t="story">àà aa</p><section data-t="banner"><a href="https://apps.apple.com/app/x"><img alt="app-store"></a></section></div></article>`),
      URL_ARTICLE,
    ).doc;
    expect(verdicts(before)).toEqual({ banner: "app-banner", story: null });
    // Outside the story's box, a banner's words before its badge are still the banner's.
    const outside = tidy(
      page(`<article>${title}${credit}${paragraph}</article><aside data-t="banner"><p data-t="words">aa àà àà aa</p><a href="https://apps.apple.com/app/x">App Store</a></aside>`),
      URL_ARTICLE,
    ).doc;
    expect(verdicts(outside)).toEqual({ banner: "app-banner", words: "app-banner" });
  });

  it("a card next to another block's label is read without the page's text beside that label", () => {
    // The second card's region climbed into a wrapper holding a paragraph and the second
    // "Related Articles" heading; the paragraph's words tied with the outlet and came first (seed 106).
    const card = (id: number, title: string): string =>
      `<div><h3><a href="/en/article/${id}">${title}</a></h3><span>Russia Today</span><span><time datetime="2025-05-16">16-05-2025</time></span></div>`;
    const { session } = tidy(
      page(`<article>${title}${credit}${paragraph}</article><h2>Related Articles</h2>${card(1, "The first related story")}
        <div><p>Words of the page itself</p><h2>Related Articles</h2>${card(2, "The second related story")}</div>`),
      URL_ARTICLE,
    );
    expect(session.teasers.map((t) => [t.title, t.source])).toEqual([
      ["The first related story", "Russia Today"],
      ["The second related story", "Russia Today"],
    ]);
  });

  it("a banner whose badges are store names in text is hidden whole", () => {
    // The first badge has text after it (the second badge); that is still the banner's.
    const { doc } = tidy(
      page(`<article>${title}${credit}<aside data-t="banner"><p>Breaking news on your phone</p>
        <a href="https://apps.apple.com/app/x">App Store</a><a href="https://play.google.com/store/apps/details?id=x">Google Play</a></aside>
        <p data-t="story">${paragraph}</p></article>`),
      URL_ARTICLE,
    );
    expect(verdicts(doc)).toEqual({ banner: "app-banner", story: null });
  });

  it("a lone card's title is the one by its time stamp, not a heading after it in the block", () => {
    // With one stamp, the card's region is the whole block: its first heading was an unrelated
    // one after the card.
    const { session } = tidy(
      page(`<article>${title}${credit}${paragraph}</article>
        <div><h2>Related Articles</h2><div><a href="/en/article/2">The teaser's own title</a><div>Reuters · 2 hours ago</div></div>
        <h2>Something else</h2></div>`),
      URL_ARTICLE,
    );
    expect(session.teasers.map((t) => [t.title, t.source, t.time?.text])).toEqual([["The teaser's own title", "Reuters", "2 hours ago"]]);
  });

  it("reads labels, evidence and time stamps through invisible direction marks and zero-width spaces", () => {
    const { doc, session } = tidy(
      page(`<article>${title}${credit}${paragraph}</article>
        <section data-t="comments"><h2>\u200fComments</h2><p>\u061cNo comments yet...\u200b</p></section>
        <section data-t="related"><h2>Related Articles\u200e</h2>
          <div><a href="/en/article/2"><h3>A teaser with a title</h3></a><span>\u200fRT</span><span>3 hours ago\u200f</span></div></section>`),
      URL_ARTICLE,
    );
    expect(verdicts(doc)).toEqual({ comments: "comments", related: "related" });
    expect(session.teasers.map((t) => [t.title, t.source, t.time?.text])).toEqual([["A teaser with a title", "RT", "3 hours ago"]]);
    const arabic = tidy(
      page(
        `<article>${title}${credit}${paragraph}</article><section data-t="related"><h2>مقالات ذات صلة</h2>
          <div><a href="/ar/article/2"><h3>عنوان المقال الآخر</h3></a><span>رويترز</span><span>منذ 3 ساعات\u200f</span></div></section>`,
        "ar",
      ),
      "https://www.daily8.com/ar/article/1",
    );
    expect(verdicts(arabic.doc)).toEqual({ related: "related" });
  });
});
