// Reading teaser cards: what in a card is its title, source and summary.
import { describe, expect, it } from "vitest";
import { en } from "../../src/lang/en";
import { readTeasers, type TeaserContext } from "../../src/content/teasers";

const ctx: TeaserContext = { languages: [en], order: "dmy", now: new Date("2026-11-22T12:00:00Z"), baseURI: "https://www.daily8.com/" };
const read = (cards: string) =>
  readTeasers([new DOMParser().parseFromString(`<section>${cards}</section>`, "text/html").body.firstElementChild as Element], ctx, new Set(["related articles"]));

describe("teaser cards", () => {
  it("a word set apart inside the title is the title's, not the source or the summary", () => {
    const [card] = read(
      `<article><h3><a href="/en/article/1">Markets <b>rally</b> again on rate hopes after the central bank's <i>surprise</i> statement</a></h3>
        <span>Reuters</span> <span>2 hours ago</span></article>`,
    );
    expect(card).toMatchObject({ title: "Markets rally again on rate hopes after the central bank's surprise statement", source: "Reuters", summary: null });
  });

  it("a script inside a title heading is not read as its words", () => {
    const [card] = read(`<article><h3><a href="/en/article/2">Ports reopen<script>window.x = "not a title"</script> after the storm</a></h3><span>AP</span> <span>3 hours ago</span></article>`);
    expect(card?.title).toBe("Ports reopen after the storm");
    expect(card?.source).toBe("AP");
  });

  it("a kind set before the title ('Article: ') is not the title's when the link names the story itself", () => {
    const [card] = read(`<li><a href="/en/article/4" alt="Steve Jobs' letter to the board">Article: Steve Jobs' letter to the board</a><p><em>AP - 53 mins ago</em></p></li>`);
    expect(card).toMatchObject({ title: "Steve Jobs' letter to the board", source: "AP" });
    const [kept] = read(`<li><a href="/en/article/5" title="Trump tests negative">Coronavirus: Trump tests negative, doctor says</a><p><em>AP - 5 mins ago</em></p></li>`);
    expect(kept?.title).toBe("Coronavirus: Trump tests negative, doctor says");
  });
});

describe("teaser sizes", () => {
  it("a huge title or summary reaches the panel cut to a teaser's length", () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    const [card] = read(`<article><h3><a href="/en/article/3">${words(20_000)}</a></h3><span>AP</span> <span>3 hours ago</span><p>${words(200_000)}</p></article>`);
    expect(card?.title.length).toBeLessThanOrEqual(300);
    expect(card?.title.endsWith("…")).toBe(true);
    expect(card?.summary?.length).toBeLessThanOrEqual(1_000);
    expect(card?.summary?.startsWith("word0 word1")).toBe(true);
  });
});
