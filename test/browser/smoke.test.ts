// Smoke test: the built extension loads in Chromium and Firefox, marks a Daily8 article, and
// leaves the same page alone where it does not belong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, launch, type TestBrowser, type TestPage } from "./harness/browsers";
import { readUi, tidyreadSeenByPage } from "./harness/panel";
import { startFixtureServer, type FixtureServer } from "./harness/server";

const FIXTURE = "daily8-article-semantic";
const NOT_ARTICLE = "daily8-not-aggregator";
const PLAIN_ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves new tram line</title></head>
<body><main><article>
<h1>Council approves new tram line</h1>
<p>The city council voted on Tuesday to build a tram line linking the station to the university.</p>
<p>Construction is due to start next spring and take about three years, officials said.</p>
<p>Residents along the route will be consulted on the position of the stops.</p>
</article></main></body></html>`;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

/** The article under test: the fixture once it exists, else a plain page at a Daily8 article path. */
function articleUrl(opts: { host?: string } = {}): string {
  if (server.fixtures().has(FIXTURE)) return server.urlFor(FIXTURE, opts);
  return server.addPage(opts.host ?? "www.daily8.com", "/en/article/1", PLAIN_ARTICLE);
}

/** Every trace Tidyread could leave in a page's DOM: its attributes anywhere (its UI is checked with readUi). */
function tidyreadTraces(): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith("data-tidyread")) found.push(`${el.tagName.toLowerCase()}[${attr}]`);
    }
  }
  return found;
}

describe.each(BROWSERS)("%s with the extension", (name) => {
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    browser = await launch(name, { server });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("marks a Daily8 article page as an article", async () => {
    await page.goto(articleUrl());
    const kind = await page.waitForFunction(() => document.documentElement.getAttribute("data-tidyread-kind"));
    expect(kind).toBe("article");
    // The harness reaches the content script the way the background does.
    const state = await browser.sendToActiveTab({ type: "page:get-state" });
    expect(state).toMatchObject({ detection: { kind: "article" }, enabled: true });
    // Its handle is in a closed shadow root: the page's own scripts find nothing of it.
    expect((await readUi(page))?.handle).toBeTruthy();
    expect(await page.evaluate(tidyreadSeenByPage)).toEqual([]);
  });

  it("leaves the same page alone on another site", async () => {
    await page.goto(articleUrl({ host: "www.example-news.test" }));
    // After load, a document_start content script would be there: none answers.
    await expect(browser.sendToActiveTab({ type: "page:get-state" })).rejects.toThrow(/Receiving end does not exist/);
    expect(await page.evaluate(tidyreadTraces)).toEqual([]);
    expect(await readUi(page)).toBeNull();
  });

  it("leaves a Daily8 page that is neither article nor listing alone", async () => {
    const about = server.fixtures().has(NOT_ARTICLE)
      ? server.urlFor(NOT_ARTICLE)
      : server.addPage("www.daily8.com", "/en/about", PLAIN_ARTICLE);
    await page.goto(about);
    const state = await browser.sendToActiveTab({ type: "page:get-state" });
    expect(state).toMatchObject({ detection: { kind: "none" } });
    expect(await page.evaluate(tidyreadTraces)).toEqual([]);
    expect(await readUi(page)).toBeNull();
  });
});
