// "Find this story's original": the outlet a story credits beside its title, read from the page.
import { describe, expect, it } from "vitest";
import { fixtureSlugs, loadFixture } from "../fixture-data";
import { detectGeneric } from "../../src/content/generic";
import { languagesFor, pageLanguage } from "../../src/lang";
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

// The generic detector on pages no profile knows: whose story is it? Hand-written pages of each
// pattern, a publisher's own page beside each.
describe("the generic detector reads who a story is credited to", () => {
  const para = (n: number): string =>
    `<p>Paragraph ${n} of the story tells what happened, where it happened and who said what about it, at a length a reader reads.</p>`;
  const related = `<section><h2>What to Read Next</h2><ul>${[1, 2, 3]
    .map((i) => `<li><a href="/story-${i}">Another headline number ${i} about the news of the day</a></li>`)
    .join("")}</ul></section>`;
  const page = (byline: string, opts: { lang?: string; head?: string; after?: string; url?: string } = {}): Document => {
    const html = `<html lang="${opts.lang ?? "en"}"><head><base href="${opts.url ?? "https://portal.example/news/1"}">${opts.head ?? ""}<title>Portal</title></head><body>
      <article><h1>The headline of the story on this page</h1>${byline}${para(1)}${para(2)}${para(3)}${opts.after ?? ""}</article>${related}</body></html>`;
    return new DOMParser().parseFromString(html, "text/html");
  };
  const detect = (doc: Document) => detectGeneric(doc, languagesFor(pageLanguage(doc)));

  it("an organisation's name by the story's time is its outlet; a person's is not", () => {
    const outlet = detect(page(`<div><span>Fox Nation</span> • <time>October 3, 2016</time></div>`));
    expect(outlet.kind, outlet.signals.join("\n")).toBe("article");
    expect(outlet.signals.join("\n")).toContain("Fox Nation (outlet by a time)");
    expect(detect(page(`<div><span>Jane Doe</span> • <time>October 3, 2016</time></div>`)).kind).toBe("none");
    expect(detect(page(`<div><span>The Grayzone</span><div>Thu, 14 May 2020 17:55 UTC</div></div>`)).kind).toBe("article");
    // "From the section" is a label, not "The …".
    expect(detect(page(`<div><span>From the section</span> • <time>October 3, 2016</time></div>`)).kind).toBe("none");
  });

  it("an outlet's name after the time, not a tag's", () => {
    const zh = (line: string): Document =>
      page(`<div><span>2019年09月07日 04:04</span> <a href="http://paper.example.cn/">${line}</a></div>`, { lang: "zh-CN" });
    expect(detect(zh("北京日报")).kind).toBe("article");
    expect(detect(page(`<ul><li><time>21 September 2020</time></li><li><a href="/tag/sql">SQL</a></li></ul>`)).kind).toBe("none");
  });

  it("a wire dateline opening the story names its outlet", () => {
    const doc = page(`<p><a href="http://fox2now.example/x">ST. LOUIS, MO (KTVI)</a> – Amid unimaginable grief, the widow of a police officer is using her page to help her son, and many wrote to her.</p>`);
    const d = detect(doc);
    expect(d.kind, d.signals.join("\n")).toBe("article");
    expect(d.signals.join("\n")).toContain("KTVI (dateline)");
  });

  it("a box of one outlet's own stories inside the story credits it", () => {
    const box = `<h3>More from Real Simple</h3><ul>${[1, 2, 3, 4]
      .map((i) => `<li><a href="http://www.realsimple.com/money/${i}">Real Simple's headline number ${i} on saving money</a></li>`)
      .join("")}</ul>`;
    const d = detect(page("", { after: box }));
    expect(d.kind, d.signals.join("\n")).toBe("article");
    expect(d.signals.join("\n")).toContain("Real Simple (its own stories in the story)");
  });

  it("a credit on a platform that says it only hosts its accounts' posts", () => {
    const credited = `<div>2023-11-02 20:13 <span>来源:</span> <a>某某政务</a></div>`;
    const notice = `<p>平台声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。</p>`;
    const bare = (byline: string, after: string): Document =>
      new DOMParser().parseFromString(
        `<html lang="zh-CN"><head><base href="https://platform.example/a/1"><title>平台</title></head><body><article><h1>李某某同志出席会议并发表重要讲话全文</h1>${byline}<p>${"会议在北京举行，代表们就有关问题进行了讨论。".repeat(4)}</p><p>${"与会人员表示将认真贯彻落实会议精神。".repeat(4)}</p>${after}</article></body></html>`,
        "text/html",
      );
    expect(detect(bare(credited, notice)).kind).toBe("article");
    expect(detect(bare(credited, "")).kind).toBe("none");
    expect(detect(bare("", notice)).kind).toBe("none");
  });

  const cards = (lines: string[]): string =>
    `<section><ul>${lines.map((line, i) => `<li><a href="/s/${i}">Teaser headline number ${i} about what happened today</a><div>${line}</div></li>`).join("")}</ul></section>`;

  it("teaser cards naming many organisations, however often each recurs; a few wires are a publisher's", () => {
    const wires = ["EFE", "Reuters", "AFP", "EFE", "DW", "RFI", "Reuters", "BBC News Brasil", "EFE", "AFP", "Reuters", "Deutsche Welle"];
    const many = detect(page("", { after: "", head: "" }));
    expect(many.kind).toBe("none");
    const portal = new DOMParser().parseFromString(page("").documentElement.outerHTML.replace("</body>", `${cards(wires)}</body>`), "text/html");
    expect(detect(portal).kind, detect(portal).signals.join("\n")).toBe("article");
    const publisher = new DOMParser().parseFromString(page("").documentElement.outerHTML.replace("</body>", `${cards(["Reuters", "AP", "Reuters", "AP"])}</body>`), "text/html");
    expect(detect(publisher).kind).toBe("none");
  });

  it("a count between a card's outlet and its time leaves the outlet plain (\"新京报 ⋅ 80评论 ⋅ 2分钟前\")", () => {
    const outlets = ["新京报", "中国经济网", "文汇网", "环球时报", "长安观察"];
    const list = `<ul>${outlets
      .map((o, i) => `<li><a href="/a/${i}">第${i}条新闻标题写得足够长可以算作一条标题了</a><div><span>社会</span><span>${o} ⋅</span><span>${i + 3}评论 ⋅</span><span>${i + 2}分钟前</span></div></li>`)
      .join("")}</ul>`;
    const doc = new DOMParser().parseFromString(
      `<html lang="zh-CN"><head><base href="https://portal.example/a/1"><title>门户</title></head><body><article><h1>英国独立游戏，经典游戏规则与冒险元素结合体验</h1><div><span>原创</span> <span>某游戏号</span> <span>2019-09-04 22:18:34</span></div><p>${"这是一款以经典纸牌游戏为核心玩法的休闲策略游戏，玩家可以体验故事的乐趣。".repeat(3)}</p></article><h2>为您推荐</h2>${list}</body></html>`,
      "text/html",
    );
    const d = detect(doc);
    expect(d.kind, d.signals.join("\n")).toBe("article");
    expect(d.signals.join("\n")).toContain("teasers from 5 outlets");
  });

  it("a credit word alone linking the original at another site credits that site, not the button after it", () => {
    const doc = new DOMParser().parseFromString(
      `<html lang="ko"><head><base href="https://n.portal.example/article/607/1"><title>포털</title></head><body><article><h1>부모를 빼앗긴 아기들, 해외 입양 비즈니스의 그늘</h1>
        <div><em>입력</em> <span>2023.11.02. 오후 8:06</span> <a href="https://newstapa.org/article/r8G4m">기사원문</a></div><div><span>추천</span> <span>쏠쏠정보</span></div>
        <p>${"기사 본문 문단입니다. 사건의 경위와 관계자의 발언을 전합니다. ".repeat(3)}</p><p>${"두 번째 문단입니다. 입양 기관의 설명과 피해자의 증언을 전합니다. ".repeat(3)}</p></article>${related}</body></html>`,
      "text/html",
    );
    const d = detect(doc);
    expect(d.signals.join("\n")).toContain("newstapa.org (credit line)");
    expect(d.kind).toBe("article");
  });
});
