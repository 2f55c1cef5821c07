// The story guard: a picked block or a stored rule never hides the story's title or prose.
import { describe, expect, it } from "vitest";
import { structuralSelector } from "../../src/content/rules";
import { createSession } from "../../src/content/start";
import { daily8 } from "../../src/sites/daily8";
import type { UserRule } from "../../src/shared/settings";
import { hiddenUnder, tidy } from "./support";

const URL_ARTICLE = "https://www.daily8.com/en/article/1";
const LISTING = "https://www.daily8.com/en/";
const TITLE = "Rivers rise across the valley as the spring thaw arrives early";

const paragraph = (n: number): string =>
  `<p id="p${n}">Paragraph ${n} of the story tells the reader what the engineers measured at the dam this week, ` +
  `and why the towns downstream are <span id="s${n}">watching the gauges</span> closely before the weekend.</p>`;

const ARTICLE = `<!doctype html><html lang="en"><head><title>${TITLE} | Daily8</title></head><body>
  <header><a href="/">Daily8</a></header>
  <main>
    <article id="story">
      <h1 id="title">${TITLE}</h1>
      <p class="byline"><span>Reuters</span> <time>3 hours ago</time></p>
      <div id="body">
        <div id="pair">${paragraph(1)}${paragraph(2)}</div>
        ${paragraph(3)}
        ${paragraph(4)}
        ${paragraph(5)}
      </div>
    </article>
    <section id="teasers"><h2>Read more</h2><ul>
      <li><a href="/en/article/2"><h3>Teaser number two has a long title</h3></a><span>NPR</span> <span>2 hours ago</span></li>
      <li><a href="/en/article/3"><h3>Teaser number three has a long title</h3></a><span>AP</span> <span>4 hours ago</span></li>
      <li><a href="/en/article/4"><h3>Teaser number four has a long title</h3></a><span>BBC</span> <span>6 hours ago</span></li>
    </ul></section>
    <section id="comments"><h2>Reader discussion</h2>
      <div class="post"><b>Ann</b> <time>1 hour ago</time><p>I live downstream and the water has never come up this fast in March, we moved the car already.</p></div>
      <div class="post"><b>Bob</b> <time>2 hours ago</time><p>The dam was inspected last year and the report said the spillway needs work before any big thaw.</p></div>
    </section>
  </main>
</body></html>`;

const byId = (doc: Document, id: string): Element => {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`fixture: #${id}`);
  return el;
};

describe("the story guard", () => {
  it("says a picked block holds the story when it is, holds or sits inside the title or a prose line", () => {
    const { doc, session } = tidy(ARTICLE, URL_ARTICLE);
    const holds = (id: string): boolean => session.holdsStory(byId(doc, id));
    // A story paragraph, a box of two, a span inside one, the body, the title and the article.
    expect(["p3", "pair", "s1", "body", "title", "story"].map(holds)).toEqual(Array(6).fill(true));
    expect(session.holdsStory(doc.body)).toBe(true);
    // The comments box, one of its posts, the teaser list and one of its cards do not.
    expect(["comments", "teasers"].map(holds)).toEqual([false, false]);
    expect(session.holdsStory(doc.querySelector("#comments .post") as Element)).toBe(false);
    expect(session.holdsStory(doc.querySelector("#teasers li") as Element)).toBe(false);
    expect(session.holdsStory(doc.querySelector("header") as Element)).toBe(false);
  });

  it("on a listing page (no story) answers true only for the title", () => {
    const card = (n: number): string =>
      `<li id="card${n}"><a href="/en/article/${n}"><h3>Story number ${n} has a headline long enough</h3></a>` +
      `<p id="summary${n}">A summary of story ${n} that runs long enough to read like a paragraph of prose, about the thaw.</p>` +
      `<span>Reuters</span> <span>${n} hours ago</span></li>`;
    const page = `<!doctype html><html lang="en"><head><title>Daily8 news</title></head><body>
      <main><h1 id="title">Top stories</h1><ul id="cards">${[1, 2, 3, 4, 5, 6].map(card).join("")}</ul></main></body></html>`;
    const { doc, session } = tidy(page, LISTING);
    expect(session.detection.kind).toBe("listing");
    const title = session.articleTitle();
    expect(title?.id).toBe("title");
    expect(session.holdsStory(title as Element)).toBe(true);
    expect(["cards", "card2", "summary3"].map((id) => session.holdsStory(byId(doc, id)))).toEqual([false, false, false]);
  });

  it("refuses a stored rule that would hide the story's text, and still applies one on the comments box", () => {
    const { doc, session } = tidy(ARTICLE, URL_ARTICLE);
    const rule = (id: string, category: UserRule["category"] = "ai-promo"): UserRule => ({ category, selector: structuralSelector(byId(doc, id)) });
    const onParagraph = rule("p3");
    const onPair = rule("pair");
    const onSpan = { category: "ai-promo", selector: "#s4" } as const;
    const onComments = rule("comments", "comments");
    session.setRules([onParagraph, onPair, onSpan, onComments]);

    for (const id of ["title", "p1", "p2", "p3", "p4", "p5", "s4"]) expect(hiddenUnder(byId(doc, id)), id).toBeNull();
    expect(hiddenUnder(byId(doc, "comments"))).toBe("comments");
    expect(session.refusedRules()).toEqual([onParagraph, onPair, onSpan]);

    // The rules taken back: nothing refused any more.
    session.setRules([onComments]);
    expect(session.refusedRules()).toEqual([]);
    expect(hiddenUnder(byId(doc, "comments"))).toBe("comments");
    session.stop();
  });

  it("tells the page when the refused rules change, so the panel can say so", () => {
    let changes = 0;
    const doc = new DOMParser().parseFromString(ARTICLE, "text/html");
    const session = createSession(doc, new URL(URL_ARTICLE), { site: daily8, forced: false, changed: () => (changes += 1) });
    if (!session) throw new Error("no session");
    session.start();
    const before = changes;
    session.setRules([{ category: "ai-promo", selector: "#p3" }]);
    expect(session.refusedRules()).toHaveLength(1);
    expect(changes).toBe(before + 1);
    session.stop();
  });
});
