// The controls a reader uses beyond the toggle: reader view, picked rules, panel side, Find the original.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BROWSERS, type TestPage } from "./harness/browsers";
import { FIXTURES_DIR } from "./harness/server";
import { closePanel, isTidyreadAt, openPanel, readHandle, readUi, waitForTidy } from "./harness/panel";
import { useBrowser } from "./harness/suite";

const SEMANTIC = readFileSync(path.join(FIXTURES_DIR, "daily8-article-semantic", "page.html"), "utf8");
/** The semantic fixture with one more block Tidyread has no reason to hide: the reader's to pick. */
const WITH_NEWSLETTER = SEMANTIC.replace(
  /<footer/,
  '<div><p data-newsletter>Get our newsletter every morning, with the day\'s top stories.</p></div>\n<footer',
);


describe.each(BROWSERS)("%s: the reader's controls", (name) => {
  const suite = useBrowser(name);

  /** Sets a select on the options page as a reader would, and waits until it is saved. */
  async function withOptions(run: (options: TestPage) => Promise<void>): Promise<void> {
    const options = await suite.browser.newPage();
    try {
      void options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
      await options.waitForFunction(() => (document.getElementById("panel-side") as HTMLSelectElement | null)?.value !== "");
      await run(options);
    } finally {
      await options.close();
    }
  }
  const choose = (options: TestPage, id: string, value: string): Promise<void> =>
    options.evaluate(
      (i: string, v: string) => {
        const select = document.getElementById(i) as HTMLSelectElement;
        select.value = v;
        select.dispatchEvent(new Event("change"));
      },
      id,
      value,
    );

  // The reader view (an extension page in its own frame) has its own file: reader.test.ts.

  it("a block the reader picks is hidden as they said, again after a reload, until the rule is removed on the options page", async () => {
    const url = suite.server.addPage("www.daily8.com", "/en/article/rule-1", WITH_NEWSLETTER);
    const page = await suite.browser.newPage();
    await page.goto(url);
    const newsletterHidden = (): Promise<string | null> =>
      page.evaluate(() => document.querySelector("[data-newsletter]")?.closest("[data-tidyread-hidden]")?.getAttribute("data-tidyread-hidden") ?? null);
    try {
      const panel = await openPanel(page);
      // The article is refused.
      await panel.click('[data-part="pick"]');
      await page.click("h1");
      await panel.waitForFunction(() => /never hides the article/.test(document.querySelector('[data-part="picker"]')?.textContent ?? ""));
      expect(await page.evaluate(() => document.querySelector("h1")?.closest("[data-tidyread-hidden]"))).toBeNull();
      await panel.click('[data-part="pick-cancel"]');

      await panel.click('[data-part="pick"]');
      await page.click("[data-newsletter]");
      await panel.click('[data-part="pick-ai-promo"]');
      await page.waitForFunction(() => !!document.querySelector("[data-newsletter]")?.closest("[data-tidyread-hidden]"));
      expect(await newsletterHidden()).toBe("ai-promo");
      expect(await page.evaluate(() => document.querySelector("[data-newsletter]")?.checkVisibility())).toBe(false);

      await page.goto(url);
      await page.waitForFunction(() => !!document.querySelector("[data-newsletter]")?.closest("[data-tidyread-hidden]"));
      expect(await newsletterHidden()).toBe("ai-promo");
      // The article stayed whole.
      expect(await page.evaluate(() => [...document.querySelectorAll("[data-expect=article]")].filter((el) => !el.checkVisibility()).length)).toBe(0);

      await withOptions(async (options) => {
        await options.waitForFunction(() => /www\.daily8\.com/.test(document.getElementById("rules")?.textContent ?? ""));
        await options.click("#rules button");
        await page.waitForFunction(() => !document.querySelector("[data-newsletter]")?.closest("[data-tidyread-hidden]"));
      });
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-kind"));
      expect(await newsletterHidden()).toBeNull();
      expect(await page.evaluate(() => document.querySelector("[data-newsletter]")?.checkVisibility())).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("the picker works from the keyboard: arrows walk the blocks, Enter picks, the status says which block", async () => {
    const url = suite.server.addPage("www.daily8.com", "/en/article/rule-keys", WITH_NEWSLETTER);
    const page = await suite.browser.newPage();
    await page.goto(url);
    try {
      const panel = await openPanel(page);
      const status = (): Promise<string> => panel.evaluate(() => document.querySelector('[data-part="picker"]')?.textContent ?? "");
      // A key goes from the panel to the page's script and the new status back, through ports: press, then wait for the status to change.
      const step = async (key: string): Promise<string> => {
        const was = await status();
        await page.press(key);
        await panel.waitForFunction((w: string) => (document.querySelector('[data-part="picker"]')?.textContent ?? "") !== w, { timeout: 5_000 }, was).catch(() => undefined);
        return status();
      };
      // Keys pressed in the panel walk the page's blocks: the focus stays in the panel.
      await panel.focus('[data-part="pick"]');
      await page.press("Enter");
      await panel.waitForFunction(() => /Escape/.test(document.querySelector('[data-part="picker"]')?.textContent ?? ""));
      // The walk starts at the story's title and goes down in reading order, past hidden blocks.
      expect(await step("ArrowDown")).toMatch(/^h1, “Moscow and Kiev/);
      const walked: string[] = [];
      for (let i = 0; i < 30 && !/newsletter/.test(walked.at(-1) ?? ""); i++) walked.push(await step("ArrowDown"));
      expect(walked.at(-1)).toMatch(/^div, “Get our newsletter/);
      // Every step was a block of the page that is on screen: none of the hidden ones.
      expect(walked.some((w) => /Related Articles|No comments yet|DOWNLOAD THE APP/.test(w))).toBe(false);
      // The box drawn over the selected block covers it.
      const outline = (await readUi(page))?.outline;
      const block = await page.evaluate(() => {
        const r = document.querySelector("[data-newsletter]")?.parentElement?.getBoundingClientRect();
        return r ? { top: r.top, height: r.height } : null;
      });
      expect(outline && block && Math.abs(outline.y - block.top) < 1 && Math.abs(outline.height - block.height) < 1, JSON.stringify({ outline, block })).toBe(true);
      // Shift+Down narrows to the block inside, Shift+Up widens back.
      expect(await step("Shift+ArrowDown")).toMatch(/^p, “Get our newsletter/);
      expect(await step("Shift+ArrowUp")).toMatch(/^div, “Get our newsletter/);
      await page.press("Enter");
      await panel.waitForFunction(() => !!document.querySelector('[data-part="pick-comments"]'));
      // Focus moved to the first category; Enter takes it.
      expect(await panel.evaluate(() => document.activeElement?.getAttribute("data-part"))).toBe("pick-comments");
      await page.press("Enter");
      await page.waitForFunction(() => document.querySelector("[data-newsletter]")?.closest("[data-tidyread-hidden]")?.getAttribute("data-tidyread-hidden") === "comments");
      expect(await page.evaluate(() => [...document.querySelectorAll("[data-expect=article]")].filter((el) => !el.checkVisibility()).length)).toBe(0);
      await withOptions(async (options) => {
        await options.waitForFunction(() => /rule-keys|www\.daily8\.com/.test(document.getElementById("rules")?.textContent ?? ""));
        await options.click("#rules button");
        await page.waitForFunction(() => !document.querySelector("[data-newsletter]")?.closest("[data-tidyread-hidden]"));
      });
    } finally {
      await page.close();
    }
  });

  it("puts the panel on the side the options say, in open tabs at once", async () => {
    const page = await suite.browser.newPage();
    await page.goto(suite.server.urlFor("daily8-article-flat"));
    try {
      await waitForTidy(page);
      await closePanel(page);
      const y = await page.evaluate(() => Math.round(innerHeight / 2));
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      const auto = await readHandle(page);
      expect(auto?.side).toBe("right");
      expect(auto?.box.x).toBeGreaterThan(width / 2);
      expect(await page.evaluate(isTidyreadAt, width - 8, y)).toBe(true);
      await withOptions(async (options) => {
        await choose(options, "panel-side", "left");
        // The handle moves to the left edge at once; the panel opens there.
        await page.waitForFunction(isTidyreadAt, {}, 8, y);
        const left = await readHandle(page);
        expect(left?.side).toBe("left");
        expect((left?.box.x ?? 0) + (left?.box.width ?? width)).toBeLessThan(width / 2);
        // The options page was opened last: the reader comes back to the article's tab to click.
        await page.bringToFront();
        const panel = await openPanel(page, { side: "left" });
        expect(await page.evaluate(() => document.documentElement.getAttribute("data-tidyread-open"))).toBe("left");
        expect((await panel.box("html"))?.x).toBe(0);
        await closePanel(page);
        await choose(options, "panel-side", "auto");
        await page.waitForFunction(isTidyreadAt, {}, width - 8, y);
        expect((await readHandle(page))?.side).toBe("right");
      });
    } finally {
      await page.close();
    }
  });

  if (name === "chromium") {
    // Chromium's harness sees every request of the browser context, the search tab's included;
    // Firefox's sees only the pages it opened, so there the query is checked by the unit test.
    it("Find the original hands the title and source to the browser's default search engine", async () => {
      const page = await suite.browser.newPage();
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      try {
        const panel = await openPanel(page);
        await panel.click('[data-part="teasers"] > li:first-child [data-part="find-original"]');
        const searched = (): string[] => suite.browser.requests.map((r) => decodeURIComponent(r.url.replace(/\+/g, " "))).filter((u) => u.includes('"US to cut Ukraine aid"'));
        for (let i = 0; i < 50 && searched().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        // Whichever engine the reader chose (Debian's Chromium defaults to DuckDuckGo).
        expect(searched()[0]).toMatch(/^https:\/\/[^?]+\?.*"US to cut Ukraine aid" Russia Today/);
      } finally {
        await page.close();
      }
    });

    it("Find this story's original searches for the article's own title at the outlet it credits", async () => {
      const page = await suite.browser.newPage();
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      try {
        const panel = await openPanel(page);
        const label = await panel.evaluate(() => document.querySelector('[data-part="find-article-original"]')?.textContent);
        expect(label).toBe("Find this story’s original at Russia Today");
        await panel.click('[data-part="find-article-original"]');
        const searched = (): string[] =>
          suite.browser.requests.map((r) => decodeURIComponent(r.url.replace(/\+/g, " "))).filter((u) => u.includes('"Moscow and Kiev exchange remains of fallen soldiers"'));
        for (let i = 0; i < 50 && searched().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(searched()[0]).toMatch(/^https:\/\/[^?]+\?.*"Moscow and Kiev exchange remains of fallen soldiers" Russia Today/);
      } finally {
        await page.close();
      }
    });
  }
});
