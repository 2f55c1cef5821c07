import { describe, expect, it } from "vitest";
import { findTitle } from "../../src/content/classify";
import { hiddenUnder, runSession, tidy } from "./support";

const URL_ARTICLE = "https://www.daily8.com/en/article/1";

const page = (body: string, title = "A long enough story title"): string =>
  `<!doctype html><html lang="en"><head><title>${title} | Daily8</title></head><body>${body}</body></html>`;

const card = (n: number, href = `/en/article/${n}`): string =>
  `<div><a href="${href}"><h3>Teaser number ${n} has a title</h3></a><span>Source ${n}</span><span>${n} hours ago</span>` +
  `<p>A summary that is long enough to count as one, about teaser ${n} and what happened.</p></div>`;

const story = `<h1>A long enough story title</h1><p>Russia Today</p>
  <p>First paragraph of the story, which says what happened and why it matters to readers.</p>
  <p>Second paragraph of the story with more detail about the exchange.</p>`;

const attr = (doc: Document, category: string): Element[] => [...doc.querySelectorAll(`[data-tidyread-hidden="${category}"]`)];

describe("classification", () => {
  it("hides each boilerplate section whole, and nothing of the story", () => {
    const { doc, session } = tidy(
      page(`<main><article>${story}</article>
        <section><img alt="Orange background"><h2>Try Our AI Features</h2><p>Explore what Daily8 AI can do for you:</p></section>
        <section><h2>Comments</h2><p>No comments yet...</p><form><textarea></textarea><button>Post</button></form></section>
        <section><h2>Related Articles</h2>${card(1)}${card(2)}</section>
        <section><h2>DOWNLOAD THE APP</h2><a href="https://apps.apple.com/app/x"><img alt="app-store"></a></section></main>`),
      URL_ARTICLE,
    );
    expect(session.marks.counts()).toEqual({ comments: 1, "ai-promo": 1, "app-banner": 1, sponsored: 0, related: 1 });
    for (const el of attr(doc, "comments")) expect(el.tagName).toBe("SECTION");
    for (const p of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(p)).toBeNull();
    expect(session.teasers.map((t) => t.title)).toEqual(["Teaser number 1 has a title", "Teaser number 2 has a title"]);
  });

  it("in a flat layout hides the heading and the siblings that follow it, up to the next heading", () => {
    const { doc, session } = tidy(
      page(`<div>${story}<h2>Comments</h2><p>No comments yet...</p><h2>Related Articles</h2>${card(1)}${card(2)}<p>© Daily8</p></div>`),
      URL_ARTICLE,
    );
    expect(session.marks.counts()).toMatchObject({ comments: 1, related: 1 });
    expect(attr(doc, "comments").map((e) => e.textContent)).toEqual(["Comments", "No comments yet..."]);
    expect(attr(doc, "related")).toHaveLength(4);
    expect(hiddenUnder(doc.querySelector("p:last-child") as Element)).toBe("related");
  });

  it("in a flat layout ends the block at the next heading in a wrapper too (a list's heading box)", () => {
    const { doc, session } = tidy(
      page(`<article>${story}</article><h2>Comments</h2><p>No comments yet...</p><div id="head"><h2>Around the site</h2></div>
        <div><h2>Related Articles</h2>${card(1)}${card(2)}${card(3)}</div>`),
      URL_ARTICLE,
    );
    expect(attr(doc, "comments").map((e) => e.textContent)).toEqual(["Comments", "No comments yet..."]);
    expect(hiddenUnder(doc.getElementById("head") as Element)).not.toBe("comments");
    expect(session.teasers).toHaveLength(3);
  });

  it("does not merge neighbouring blocks that share a wrapper", () => {
    const { doc, session } = tidy(
      page(`<div>${story}</div><div class="w"><div><div>Try Our AI Features</div><div>Explore what Daily8 AI can do for you:</div></div>
        <div><div>Comments</div><div>No comments yet...</div></div></div>`),
      URL_ARTICLE,
    );
    expect(session.marks.counts()).toMatchObject({ comments: 1, "ai-promo": 1 });
    expect(doc.querySelector(".w")?.hasAttribute("data-tidyread-hidden")).toBe(false);
  });

  it("needs evidence: a sub-heading 'Comments' or 'Related articles' in the story hides nothing", () => {
    const { doc, session } = tidy(
      page(`<article>${story}<h2>Comments</h2><p>The minister's comments drew criticism from every side.</p>
        <h3>Related articles</h3><p>Earlier reporting, <a href="/x">linked here</a>, covered the talks.</p>
        <h2>Download the app</h2><p>The ministry asked citizens to download the app before Friday.</p></article>`),
      URL_ARTICLE,
    );
    expect(session.marks.counts()).toEqual({ comments: 0, "ai-promo": 0, "app-banner": 0, sponsored: 0, related: 0 });
    expect(doc.querySelectorAll("[data-tidyread-hidden]")).toHaveLength(0);
  });

  it("does not take a table of apps linked to their store pages for an app banner", () => {
    const { doc } = tidy(
      page(`<article>${story}<div><table><tr><th>Application</th><th>Size</th></tr>
        <tr><td><a href="https://play.google.com/store/apps/details?id=a">Farm Heroes Super Saga</a></td><td>71.1 MB</td></tr>
        <tr><td><a href="https://play.google.com/store/apps/details?id=b">Google Maps</a></td><td>9 MB</td></tr></table></div>
        <p>The last paragraph of the story.</p></article>`),
      URL_ARTICLE,
    );
    expect(doc.querySelectorAll("[data-tidyread-hidden]")).toHaveLength(0);
  });

  it("ignores labels and store links inside running text", () => {
    const { doc } = tidy(
      page(`<article>${story}<p>He said <b>No comments yet</b> and left.</p>
        <p>It is on the <a href="https://apps.apple.com/app/x">App Store</a> now.</p></article>`),
      URL_ARTICLE,
    );
    expect(doc.querySelectorAll("[data-tidyread-hidden]")).toHaveLength(0);
  });

  it("never climbs into the element that holds the title, even from a promo before it", () => {
    const { doc } = tidy(
      page(`<div id="app"><div><h3>Try Our AI Features</h3><p>Explore what Daily8 AI can do for you:</p></div>${story}</div>`),
      URL_ARTICLE,
    );
    expect(doc.getElementById("app")?.hasAttribute("data-tidyread-hidden")).toBe(false);
    expect(hiddenUnder(doc.querySelector("h3") as Element)).toBe("ai-promo");
  });

  it("leaves related lists alone on listing pages but hides the boilerplate", () => {
    const { doc, session } = tidy(
      page(`<h1>#Ukraine stories</h1><section><h2>Related Articles</h2>${card(1)}${card(2)}</section>
        <section><h2>Comments</h2><p>No comments yet...</p></section>`),
      "https://www.daily8.com/en/hashtag/Ukraine",
    );
    expect(session.detection.kind).toBe("listing");
    expect(session.marks.counts()).toMatchObject({ comments: 1, related: 0 });
    expect(hiddenUnder(doc.querySelector("h3") as Element)).toBeNull();
  });

  it("explains every block", () => {
    const { session } = tidy(page(`${story}<section><h2>Comments</h2><p>No comments yet...</p></section>`), URL_ARTICLE);
    expect(session.marks.currentBlocks()[0]?.reason).toBe("text “Comments”; text “No comments yet...”");
  });

  it("restores the page exactly when stopped", () => {
    const html = page(`${story}<section><h2>Comments</h2><p>No comments yet...</p></section>
      <section><h2>Related Articles</h2>${card(1)}${card(2)}</section>`);
    const { doc, session } = tidy(html, URL_ARTICLE);
    const before = new DOMParser().parseFromString(html.replace("<head>", `<head><base href="${URL_ARTICLE}">`), "text/html");
    expect(doc.querySelectorAll("[data-tidyread-hidden]").length).toBeGreaterThan(0);
    session.stop();
    expect(doc.documentElement.outerHTML).toBe(before.documentElement.outerHTML);
  });

  it("follows a label the page rewrites: a block it no longer names is shown, one it still names stays hidden", async () => {
    const { doc, session } = tidy(
      page(`<header><p id="tk">DOW 40000</p></header><main><article>${story}</article>
        <section><h2>Comments <span id="n">(3)</span></h2><p>No comments yet...</p><form><textarea></textarea></form></section></main>`),
      URL_ARTICLE,
    );
    const tk = doc.getElementById("tk") as HTMLElement;
    tk.innerHTML = "<span>Download the app</span> <a href='https://apps.apple.com/app/x'><img alt='App Store'></a>";
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hiddenUnder(tk)).toBe("app-banner");
    tk.textContent = "DOW 40010";
    (doc.getElementById("n") as HTMLElement).textContent = "(4)";
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hiddenUnder(tk)).toBeNull();
    expect(session.marks.counts()).toMatchObject({ "app-banner": 0, comments: 1 });
    expect(hiddenUnder(doc.querySelector("textarea") as Element)).toBe("comments");
  });

  it("proves a box again when its label changes category: related cards under a heading rewritten to 'Comments' are not comments", async () => {
    const { doc, session } = tidy(
      page(`<main><article>${story}</article>
        <section id="box"><h2 id="label">Related Articles</h2>${card(1)}${card(2)}</section>
        <section><h2>Comments</h2><p>No comments yet...</p><form><textarea></textarea></form></section></main>`),
      URL_ARTICLE,
    );
    const box = doc.getElementById("box") as HTMLElement;
    expect(hiddenUnder(box)).toBe("related");
    (doc.getElementById("label") as HTMLElement).textContent = "Comments";
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(hiddenUnder(box)).toBeNull();
    expect(session.marks.counts()).toMatchObject({ related: 0, comments: 1 });
  });

  it("a discussion card (the story it is about, a reader's post, 'Join the conversation', all one link) is hidden whole", () => {
    const href = "/en/article/77?src=discussion";
    const post = "I read this twice and I still think the council got it wrong, because nobody asked the people who live there. ".repeat(5);
    const { doc } = tidy(
      page(`<main><article>${story}</article><aside><div id="disc"><div><h3><a href="${href}">Council votes to close the old library</a></h3></div>
        <div><a href="${href}"><p><b id="who">reader42: </b><span>${post}</span></p></a></div>
        <div><a href="${href}">Join the conversation</a><span>1 / 5</span></div></div>
        <div id="other"><a href="/en/about">About the weather in the city today</a></div></aside></main>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.getElementById("who") as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("disc") as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("other") as Element)).toBeNull();
    for (const el of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(el)).toBeNull();
  });

  it("hides a comment counter under the byline alone, not the story after it in a flat layout", () => {
    const { doc } = tidy(
      page(`<div>${story}<a href="#c">102 comments</a><p>Third paragraph of the story, which goes on after the counter at length.</p>
        <div id="c"><h2>Comments</h2><form><textarea></textarea></form></div></div>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.querySelector('a[href="#c"]') as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("c") as Element)).toBe("comments");
    for (const p of doc.querySelectorAll("p")) expect(hiddenUnder(p)).toBeNull();
  });

  it("hides a comment section's note (a disclaimer naming the site) and the posts after it, and a 'view more comments' link", () => {
    const post = (n: number): string => `<div><a href="/u/${n}">reader${n}</a> <span>${n} hours ago</span><p>What reader ${n} thinks of it.</p></div>`;
    const { doc } = tidy(
      page(`<article>${story}<p>Comments are the sole responsibility of those who make them, the minister said, and he would answer for his own.</p></article>
        <div id="c"><div><a href="/login">Log in</a></div><p>※ Reader comments do not necessarily reflect the views of Daily8 or its editors.</p>
        ${post(1)}${post(2)}${post(3)}<a id="more" href="/c?page=2">View more comments</a></div>`),
      URL_ARTICLE,
    );
    for (const el of doc.querySelectorAll("#c > div:not(:first-child), #c > p, #more")) expect(hiddenUnder(el)).toBe("comments");
    for (const p of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(p)).toBeNull();
  });

  it("takes readers' posts (a name, a time, what was said) under a comments heading as its proof, not a story's quotes", () => {
    const post = (n: number): string =>
      `<div class="c"><a href="/user/${n}">Reader ${n}</a> · <span>${n} hours ago</span><div>What reader ${n} thinks of it all.</div></div>`;
    const { doc } = tidy(
      page(`<article>${story}<h2>Comments</h2><p>Jane Doe, a teacher, said: “It was a long day.” 2 hours ago she left.</p>
        <p>John Roe said: “We will see.” He spoke on Monday.</p></article>
        <aside><p>Footer words that sit beside the comments and are long enough to be a box.</p><div id="c"><h2>Reader Comments</h2>${post(1)}${post(2)}</div></aside>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.getElementById("c") as Element)).toBe("comments");
    for (const p of doc.querySelectorAll("article p, article h2")) expect(hiddenUnder(p)).toBeNull();
  });

  it("takes the thread after a comment section's header, and its 'Post a comment' line, into its block", () => {
    const post = (n: number): string =>
      `<li><cite><a href="/user/${n}"><strong>Reader ${n}</strong></a> <span>${n} minutes ago</span></cite><blockquote>What reader ${n} thinks of it all.</blockquote></li>`;
    const { doc } = tidy(
      page(`<article>${story}</article><div id="s"><div class="head"><p>Sort by newest or oldest, as you like it best.</p>
        <div class="count"><h3>102 comments</h3></div></div><ul>${post(1)}${post(2)}${post(3)}</ul><div><a href="#f">Post a comment</a></div></div>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.querySelector("ul") as Element)).toBe("comments");
    expect(hiddenUnder(doc.querySelector('a[href="#f"]') as Element)).toBe("comments");
    for (const p of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(p)).toBeNull();
  });

  it("takes the thread past the header's sort tabs (one of them a label) and a pager's 'More' line, but no short line after the thread's end", () => {
    const post = (n: number): string =>
      `<li><cite><a href="/user/${n}"><strong>Reader ${n}</strong></a> <span>${n} minutes ago</span></cite><blockquote>What reader ${n} thinks of it all.</blockquote></li>`;
    const { doc } = tidy(
      page(`<article>${story}</article><div id="s"><div class="head"><p>Sort by newest or oldest, as you like it best.</p>
        <div><div class="count"><h3>102 comments</h3></div><ul><li>Popular now</li><li><a href="?newest">Newest</a></li><li><a href="?oldest">Oldest</a></li></ul></div></div>
        <ul id="thread">${post(1)}${post(2)}${post(3)}</ul><div id="more"><a href="?page=2">More</a></div><div><a href="#f">Post a comment</a></div>
        <div id="after"><a href="/en/about">About us</a></div></div>`),
      URL_ARTICLE,
    );
    for (const id of ["thread", "more"]) expect(hiddenUnder(doc.getElementById(id) as Element), id).toBe("comments");
    expect(hiddenUnder(doc.querySelector('a[href="#f"]') as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("after") as Element)).toBeNull();
    for (const p of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(p)).toBeNull();
  });

  it("does nothing on a Daily8 page that is neither article nor listing", () => {
    const { doc, session } = runSession(page(`<h1>About Daily8</h1><h2>Comments</h2><p>No comments yet...</p>`), "https://www.daily8.com/en/about");
    expect(session).toBeNull();
    expect(doc.querySelectorAll("[data-tidyread-hidden]")).toHaveLength(0);
  });
});

describe("teaser lists by structure", () => {
  const items = (from: number): string =>
    [0, 1, 2].map((i) => `<li><a href="/en/article/${from + i}">Teaser number ${from + i} has a title</a></li>`).join("");
  const more = "<p>Third paragraph of the story, which goes on about the exchange and what came of it later, and then some more.</p>".repeat(3);
  const note = "<p>A note beside the list, long enough that the list's box does not grow over it: what the list is, who chose it, and when it was made.</p>";

  it("hides a list's heading that sits in a box above the list's own, and a heading element right before it, never the story's lines", () => {
    const { doc } = tidy(
      page(`<main><article>${story}<h2 id="sub">What happened next</h2>
        <p>Third paragraph of the story, which goes on about the exchange and what came of it later.</p></article>
        <div><div id="head"><div>Recommended for you</div><ul><li><span>All</span></li><li><span>Sports</span></li></ul></div>
          <div><div id="first"><ul>${items(1)}</ul></div>${note}</div></div>
        <section><div><h3 id="h3">This week</h3><div><ul>${items(4)}</ul></div></div>${note}</section></main>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.getElementById("first") as Element)).toBe("related");
    expect(hiddenUnder(doc.getElementById("head") as Element)).toBe("related");
    expect(hiddenUnder(doc.getElementById("h3") as Element)).toBe("related");
    for (const el of doc.querySelectorAll("article p, article h2, h1")) expect(hiddenUnder(el)).toBeNull();
  });

  it("takes a heading that links to its section, and reads a card's title from its heading, not its kicker or its hidden summary", () => {
    const summary = "A summary of the teaser that runs on for a while, longer than its title, as summaries do";
    const kicked = (n: number): string =>
      `<div><a href="/en/article/${n}"><span>Kicker ${n}</span><h3>Teaser number ${n} has a title</h3><p>${summary}.</p></a></div>`;
    const hover = (n: number): string =>
      `<div><a href="/en/article/${n}"><div>Teaser number ${n} has a title</div><div style="display: none">${summary}.</div></a></div>`;
    const { doc, session } = tidy(
      page(`<main><article>${story}${more}</article>
        <section><div id="head"><h3><a href="/en/business">Business news this week</a></h3></div><div>${kicked(1)}${kicked(2)}${kicked(3)}</div>${note}</section>
        <section><div>${hover(4)}${hover(5)}${hover(6)}</div>${note}</section></main>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.getElementById("head") as Element)).toBe("related");
    expect(session.teasers.map((t) => t.title)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Teaser number ${n} has a title`));
  });

  it("takes a featured card set just before a list, with the heading before it, and short titles set as headings", () => {
    const short = (n: number, words: string): string => `<article><a href="/en/article/${n}"><img alt=""></a><h2><a href="/en/article/${n}">${words}</a></h2><span>Inquirer</span></article>`;
    const { doc, session } = tidy(
      page(`<main><article>${story}${more}</article>
        <section><div><h3 id="h3">Everyone is reading</h3><div id="lead"><a href="/en/article/20"><h2>A featured story set apart above the others</h2></a></div>
        <div>${short(21, "Death By Train")}${short(22, "Reindeer Games Tonight")}${short(23, "The Dash Cam Crash")}</div></div>${note}</section></main>`),
      URL_ARTICLE,
    );
    for (const id of ["h3", "lead"]) expect(hiddenUnder(doc.getElementById(id) as Element), id).toBe("related");
    expect(session.teasers.map((t) => t.title)).toEqual(["A featured story set apart above the others", "Death By Train", "Reindeer Games Tonight", "The Dash Cam Crash"]);
  });

  it("a ranked card's title in Han and kana is its title, not the longer Latin outlet name beside it", () => {
    const ranked = (n: number, title: string): string =>
      `<li><a href="/en/article/${n}"><span>${n}</span><span><span>${title}</span><span>BUSINESS INSIDER JAPAN</span><span>3/4(土) 20:10</span></span></a></li>`;
    const { session } = tidy(
      page(`<main><article>${story}${more}</article><section><ol>${ranked(1, "客室乗務員による「空の旅の真実」")}${ranked(2, "稚内のスーパーがケーキを誤発注")}${ranked(3, "就活生のヒール、気になる？")}</ol>${note}</section></main>`),
      URL_ARTICLE,
    );
    expect(session.teasers.map((t) => [t.title, t.source])).toEqual([
      ["客室乗務員による「空の旅の真実」", "BUSINESS INSIDER JAPAN"],
      ["稚内のスーパーがケーキを誤発注", "BUSINESS INSIDER JAPAN"],
      ["就活生のヒール、気になる？", "BUSINESS INSIDER JAPAN"],
    ]);
  });

  it("a related label over one story link outside the story is a list of one; inside the story's body it is the story's", () => {
    const { doc, session } = tidy(
      page(`<main><article>${story}${more}<div id="inside"><h3>Read more</h3><ul><li><a href="/en/article/8">Another story the writer points to here</a></li></ul></div>${more}</article>
        <aside><div id="next"><h2><span>Up Next</span></h2><ul><li><a href="/en/article/9"><h4>How many drinks a week is too many?</h4>
        <span><img alt="Logo"> U.S. News &amp; World Report - Health</span></a></li></ul></div></aside></main>`),
      URL_ARTICLE,
    );
    expect(hiddenUnder(doc.getElementById("next") as Element)).toBe("related");
    expect(hiddenUnder(doc.getElementById("inside") as Element)).toBeNull();
    expect(session.teasers.map((t) => [t.title, t.source])).toEqual([["How many drinks a week is too many?", "U.S. News & World Report - Health"]]);
  });

  it("a labelled heading over its tabs' lists (no times) is hidden with them, here and on a page the reader asked to tidy", () => {
    const html = page(`<main><article>${story}${more}</article><div><div><script>var ad = 1;</script></div><h3 id="hot">Most read</h3><div id="tabs">Today Week</div>
        <ul id="today">${items(1)}</ul><ul>${items(4)}</ul><h3>About us</h3><p>Who we are.</p></div></main>`);
    const { doc } = tidy(html, URL_ARTICLE);
    for (const id of ["hot", "tabs", "today"]) expect(hiddenUnder(doc.getElementById(id) as Element), id).toBe("related");
    const forced = runSession(html, "https://publisher.example/story/1", true).doc;
    for (const id of ["hot", "tabs", "today"]) expect(hiddenUnder(forced.getElementById(id) as Element), id).toBe("related");
  });

  it("a story listed twice says, once, what either copy says: the time from the second copy", () => {
    const plain = (n: number): string => `<li><a href="/en/article/${n}">Teaser number ${n} has a title</a></li>`;
    const timed = (n: number): string => `<li><a href="/en/article/${n}">Teaser number ${n} has a title</a><span>${n} hours ago</span></li>`;
    const { session } = tidy(
      page(`<main><article>${story}${more}</article><section><h2>Related</h2><ul>${plain(1)}${plain(2)}${plain(3)}</ul></section>
        <section><h2>Related</h2><ul>${timed(1)}${timed(2)}${timed(3)}</ul></section></main>`),
      URL_ARTICLE,
    );
    expect(session.teasers.map((t) => [t.title, t.time?.text])).toEqual([1, 2, 3].map((n) => [`Teaser number ${n} has a title`, `${n} hours ago`]));
  });

  it("a feed whose cards each show a comment counter grows over its status line and heading, and its 'you read up to here' line", () => {
    const counted = (n: number): string =>
      `<li><div><a href="/en/article/${n}">Teaser number ${n} has a title</a></div><div><a href="/en/news">News</a> <a href="/en/article/${n}#comments">${n * 7} comments</a> <span>${n} hours ago</span></div></li>`;
    const { doc } = tidy(
      page(`<main><article>${story}${more}</article>
        <div><div id="head">Related stories</div><div><div id="status"><span>We picked 10 stories for you</span></div>
          <ul>${counted(1)}${counted(2)}${counted(3)}${counted(4)}<li id="here"><span>2 minutes ago you read up to here</span> Refresh</li></ul></div></div>${note}</main>`),
      URL_ARTICLE,
    );
    for (const id of ["head", "status", "here"]) expect(hiddenUnder(doc.getElementById(id) as Element), id).toBe("related");
    for (const el of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(el)).toBeNull();
  });

  it("a sponsored phrase heads its list past a carousel's pager, and its partners' stories stay listed; a bare 'Advertisement' line heads none", () => {
    const partner = (n: number): string => `<li><a href="https://partner${n}.example/story/${n}">Partner story number ${n} has a title</a><span>Partner ${n}</span></li>`;
    const { doc, session } = tidy(
      page(`<main><article>${story}${more}</article>
        <div><div id="head"><span>The latest from our partners</span></div><div id="pager"><span>1 - 3 of 9</span><a href="#prev"></a></div>
          <div><div><a href="#x"></a><ul>${partner(1)}${partner(2)}${partner(3)}</ul></div></div></div>
        <div><div id="slot">Advertisement</div><div><ul>${items(4)}</ul></div>${note}</div></main>`),
      URL_ARTICLE,
    );
    for (const id of ["head", "pager"]) expect(hiddenUnder(doc.getElementById(id) as Element), id).toBe("related");
    expect(hiddenUnder(doc.getElementById("slot") as Element)).toBeNull();
    expect(session.teasers.map((t) => t.title)).toContain("Partner story number 2 has a title");
  });

  it("on a page the reader asked to tidy: a list under a heading box that starts or ends with its label, and the same stories listed again under a label", () => {
    const tooltip = "Powered by a recommender, which looks for stories close to what you read and shows them here as the stories you may want next.";
    const links = (from: number): string =>
      [0, 1, 2].map((i) => `<h4><a href="/en/article/${from + i}">Teaser number ${from + i} has a title</a></h4>`).join("");
    const { doc } = runSession(
      page(`<main><article>${story}${more}</article>
        <div><div id="head"><div>Recommended for you</div><div><span>${tooltip}</span></div></div><div id="picks"><ul>${items(1)}</ul></div></div>
        <div><div id="head2"><span>Chosen by a recommender from what readers like you read, today and every day, and shown here beside the story you are reading</span><span>More for you</span></div>
          <div id="picks2"><ul>${items(7)}</ul></div></div>
        <div id="plain"><ul>${items(4)}</ul></div><div id="again"><h3>Related</h3>${links(4)}</div></main>`),
      "https://publisher.example/story/1",
      true,
    );
    for (const id of ["head", "picks", "head2", "picks2", "again"]) expect(hiddenUnder(doc.getElementById(id) as Element), id).toBe("related");
    // An unlabelled list is the publisher's own: it stays.
    expect(hiddenUnder(doc.getElementById("plain") as Element)).toBeNull();
    for (const el of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(el)).toBeNull();
  });
});

describe("the site's own promos (app, newsletter, follow us)", () => {
  const hidden = (doc: Document): string[] => attr(doc, "app-banner").map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim());

  it("hides a newsletter box by its e-mail sign-up form, and keeps the story's sentence about the newsletter", () => {
    const { doc } = tidy(
      page(`<article>${story}<p>Readers of our newsletter asked about the talks last week.</p></article>
        <div class="cta"><div><h3>Want more stories like this?</h3><p>Every day we send an email with the top stories.</p>
        <form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div></div>`),
      URL_ARTICLE,
    );
    expect(hidden(doc)).toEqual(["Want more stories like this?Every day we send an email with the top stories. Subscribe"]);
    expect(hiddenUnder(doc.querySelector("article p:last-child") as Element)).toBeNull();
  });

  it("proves a promo line ('Sign up for … to get …') by the box's own call to subscribe, not by its wording alone", () => {
    const box = (call: string): string =>
      `<div><div><img alt="logo"><p>Sign up for <b>Breaking News by Daily8</b> to get the latest alerts delivered straight to your inbox.</p></div>${call}</div>`;
    const { doc } = tidy(page(`<article>${story}</article>${box(`<p><a href="/newsletter">Subscribe to our other newsletters</a></p>`)}`), URL_ARTICLE);
    expect(hidden(doc)).toHaveLength(1);
    expect(hidden(doc)[0]).toContain("Sign up for Breaking News by Daily8");
    const plain = tidy(page(`<article>${story}</article>${box(`<p>Terms apply.</p>`)}`), URL_ARTICLE);
    expect(hidden(plain.doc)).toEqual([]);
  });

  it("hides a 'Follow us' box by its links to the site's social accounts, but not by share buttons", () => {
    const follow = (href: string): string =>
      `<div><span>FOLLOW US ON SOCIAL MEDIA</span><ul><li><a href="${href}"><svg></svg></a></li></ul></div>`;
    const { doc } = tidy(page(`<article>${story}</article>${follow("https://www.facebook.com/daily8")}`), URL_ARTICLE);
    expect(hidden(doc)).toEqual(["FOLLOW US ON SOCIAL MEDIA"]);
    const share = tidy(page(`<article>${story}</article>${follow("https://www.facebook.com/sharer/sharer.php?u=x")}`), URL_ARTICLE);
    expect(hidden(share.doc)).toEqual([]);
  });

  it("keeps a sign-up box set into the story before its prose (readers' tools keep it as the story's)", () => {
    const { doc } = tidy(
      page(`<article><h1>A long enough story title</h1><div class="body">
        <div><p><span>SIGN UP</span> FOR OUR NEWSLETTER</p><form><input type="text" name="email" placeholder="email address"><input type="submit" value="Submit"></form></div>
        <p>First paragraph of the story, which says what happened and why it matters to readers.</p>
        <p>Second paragraph of the story with more detail about the exchange and what comes next.</p></div></article>`),
      URL_ARTICLE,
    );
    expect(hidden(doc)).toEqual([]);
  });

  it("hides a platform's link appended to the story's last paragraph (site words), never the paragraph", () => {
    const { doc } = tidy(
      `<!doctype html><html lang="zh"><head><title>一个足够长的新闻标题在这里</title></head><body><article><h1>一个足够长的新闻标题在这里</h1>
        <p>第一段正文，讲述发生了什么以及为什么对读者重要，内容足够长。</p>
        <p>最后一段正文也足够长，说明了后续的安排。<a href="//www.sohu.com/"><span>返回搜狐，查看更多</span></a></p>
        <p>他说，想了解更多可以<a href="//www.sohu.com/">返回搜狐，查看更多</a>的内容。</p></article></body></html>`,
      "https://www.sohu.com/a/733320600_429139",
    );
    const links = [...doc.querySelectorAll("article a")];
    expect(links.map((a) => hiddenUnder(a))).toEqual(["app-banner", null]);
    for (const p of doc.querySelectorAll("article p, h1")) expect(hiddenUnder(p)).toBeNull();
  });

  it("takes a menu's 'Newsletter' link for an item, and hides a 'Subscribe to …' link alone, not the items after it", () => {
    const menu = (first: string): string =>
      `<div class="menu"><ul><li><a href="/newsletter">${first}</a></li><li><a href="/about">About us</a></li><li><a href="/jobs">Jobs</a></li></ul></div>`;
    const { doc } = tidy(page(`<article>${story}</article>${menu("Newsletter")}`), URL_ARTICLE);
    expect(hidden(doc)).toEqual([]);
    const cta = tidy(page(`<article>${story}</article>${menu("Subscribe to Daily8 Plus")}`), URL_ARTICLE);
    expect(hidden(cta.doc)).toEqual(["Subscribe to Daily8 Plus"]);
  });

  it("hides a download banner by its installer link, past its close button, and an image map's store regions", () => {
    const { doc } = tidy(
      page(`<div><strong>Browser update</strong><span>Log in faster, browse five times quicker</span>
        <a href="https://dl.example.com/Browser_Setup.exe">Update now</a><em>×</em></div>
        <article>${story}</article>
        <aside><div><p>Daily8 app</p><img src="/badges.png" usemap="#m"><map name="m">
        <area shape="rect" coords="0,0,9,9" href="https://itunes.apple.com/cn/app/id1"></map></div><ul>${"<li><a href='/section'>A section</a></li>".repeat(40)}</ul></aside>`),
      URL_ARTICLE,
    );
    expect(hidden(doc)).toEqual(["Browser updateLog in faster, browse five times quicker Update now×", "Daily8 app"]);
  });
});

describe("teasers", () => {
  it("reads title, absolute link, source, time and summary; drops non-web links; merges duplicates", () => {
    const { session } = tidy(
      page(`${story}<section><h2>Related Articles</h2>${card(1)}${card(2, "javascript:alert(1)")}${card(1)}
        <div><a href="/en/article/9">A teaser whose source runs into its time</a><div>Newsweek2 days ago</div></div></section>`),
      URL_ARTICLE,
    );
    const [first, second, third] = session.teasers;
    expect(session.teasers).toHaveLength(3);
    expect(first).toMatchObject({
      title: "Teaser number 1 has a title",
      url: "https://www.daily8.com/en/article/1",
      source: "Source 1",
      time: { text: "1 hours ago" },
      summary: expect.stringMatching(/^A summary that is long enough/),
    });
    expect(second?.url).toBeNull();
    expect(third).toMatchObject({ source: "Newsweek", time: { text: "2 days ago" } });
    const dated = tidy(
      page(`${story}<section><h2>Related Articles</h2>
        <div><a href="/a"><h3>Budget hearing set for June 3, 2025</h3></a><span>WTOP</span><span>3 hours ago</span></div>
        <div><a href="/b"><h3>Second teaser with a plain title</h3></a><span>NPR</span><span>1 hour ago</span></div></section>`),
      URL_ARTICLE,
    ).session.teasers;
    expect(dated.map((t) => [t.title, t.source, t.time?.text])).toEqual([
      ["Budget hearing set for June 3, 2025", "WTOP", "3 hours ago"],
      ["Second teaser with a plain title", "NPR", "1 hour ago"],
    ]);
    const age = Date.now() - Date.parse(first?.time?.iso ?? "");
    expect(Math.abs(age - 3_600_000)).toBeLessThan(60_000);
  });
});

describe("findTitle", () => {
  it("takes the h1 that says the page's headline over a stream card's h3 saying it first", () => {
    const doc = new DOMParser().parseFromString(
      "<html><head><title>Space ship malfunctions over Siberia</title></head><body><ul><li><a href='/x'><h3>Space ship malfunctions over Siberia</h3></a></li></ul><div><h1>Space ship malfunctions over Siberia</h1><p>Text.</p></div></body></html>",
      "text/html",
    );
    expect(findTitle(doc.body, doc)?.tagName).toBe("H1");
  });
});
