// Reading teaser cards: what in a card is its title, source and summary.
import { describe, expect, it } from "vitest";
import { en } from "../../src/lang/en";
import { readTeasers, type TeaserContext } from "../../src/content/teasers";
import { looksLikeOutlet, readBlock } from "../../src/content/cards";
import { ko } from "../../src/lang/ko";
import { tidy } from "./support";

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

describe("a bare clock as a card's time", () => {
  const story = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the story says what happened and who said it, at a length that a reader reads through.</p>`).join("");
  const page = (clocks: (string | null)[]): string =>
    `<html lang="en"><head><title>Portal</title></head><body><article><h1>The headline of the story on this page</h1>${story}</article>
      <h2>Related articles</h2><div>${clocks
        .map((c, i) => `<div class="row">${c === null ? "" : `<div>${c}</div>`}<div><a href="/s/${i}">Teaser headline number ${i} about the news of the day</a> <a href="/b/unica">Unica.md</a></div></div>`)
        .join("")}</div></body></html>`;
  const times = (clocks: (string | null)[]): (string | null)[] => {
    const { session } = tidy(page(clocks), "https://portal.example/ro/story/1", true);
    return [...session.teasers].map((t) => t.time?.text ?? null);
  };

  it("is today's time where the list's cards each stamp one on a line of its own", () => {
    expect(times(["15:50", "15:10", "09:00", "08:40"]).every((t) => t !== null)).toBe(true);
  });

  it("is no time in a list where one card has a clock, nor inside a line", () => {
    expect(times(["15:50", null, null, null])).toEqual([null, null, null, null]);
    expect(times(["John 3:16", "Luke 2:10", "Mark 1:15", "Acts 2:38"])).toEqual([null, null, null, null]);
  });
});

describe("a card's outlet", () => {
  it("a name spelt out in katakana is an outlet's; a headline with its particles is not", () => {
    expect(looksLikeOutlet("ナショナル ジオグラフィック日本版")).toBe(true);
    expect(looksLikeOutlet("＜発覚＞巣立ち後も親のすねをかじるペンギン")).toBe(false);
    expect(looksLikeOutlet("香港警方拘捕多人涉刑毁非法集结等罪名案件")).toBe(false);
  });

  it("stamped cards of a label's block under a heading naming an outlet ('뉴스타파 헤드라인') take it", () => {
    const items = [1, 2, 3].map((n) => `<li><a href="/article/607/${n}"><p>검찰 특활비 부정 사건 관련 보도 제${n}편의 제목입니다</p><div>${n}일전</div></a></li>`).join("");
    const doc = new DOMParser().parseFromString(`<div><div><strong><em>뉴스타파</em> 헤드라인</strong></div><ul>${items}</ul></div>`, "text/html");
    const block = { category: "related" as const, elements: [doc.body.firstElementChild as Element], reason: "text “뉴스타파 헤드라인”" };
    const koCtx: TeaserContext = { ...ctx, languages: [ko, en], baseURI: "https://n.portal.example/" };
    const read = readBlock(block, koCtx, new Set(), ["portal"]);
    expect(read.length).toBe(3);
    expect(read.map((r) => r.teaser.source)).toEqual(["뉴스타파", "뉴스타파", "뉴스타파"]);
  });
});
