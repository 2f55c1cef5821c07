// The reader view as an extension page in a frame over the page: opened from the panel, it shows
// the article in its own document, which the page cannot reach; the page's DOM, text and scroll
// stay as they were, and Escape, Leave or the panel's button bring the reader back where they were.
import { describe, expect, it } from "vitest";
import { BROWSERS, type TestFrame, type TestPage } from "./harness/browsers";
import { openPanel, READER_PATH } from "./harness/panel";
import { useBrowser } from "./harness/suite";

const FIRST = "Moscow and Kiev have exchanged the remains of fallen servicemen";
const LAST = "Russia's chief negotiator Vladimir Medinsky confirmed an exchange is being prepared.";

/** The page's own script, from before anything else: it listens for keys and watches for nodes with text. */
const PAGE_LISTENS = `(() => {
  const heard = (window.__heard = []);
  addEventListener("keydown", (e) => heard.push("key " + e.key), true);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if ((n.textContent || "").trim()) heard.push("node " + n.textContent.slice(0, 60));
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** Runs in the page's own world: what a page script can see of the DOM. */
function pageView(): { text: string; elements: number; html: string; scroll: number; overflow: string; hostChildren: number; hostOpenRoot: boolean } {
  // Tidyread's host is the page's only element outside <head> and <body>.
  const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body);
  return {
    text: document.body.innerText,
    elements: document.querySelectorAll("*").length,
    html: document.documentElement.outerHTML.replace(/ data-tidyread-reading=""/, ""),
    scroll: scrollY,
    overflow: getComputedStyle(document.documentElement).overflowY,
    hostChildren: host?.childNodes.length ?? -1,
    hostOpenRoot: !!host?.shadowRoot,
  };
}

interface ReaderState {
  title: string;
  text: string;
  focused: string;
  hasFocus: boolean;
  links: string[];
  unsafe: number;
  size: number;
}

/** Runs in the reader frame: what it shows, and where its focus is. */
function readerState(): ReaderState {
  const article = document.querySelector("article");
  return {
    title: article?.querySelector("h1")?.textContent ?? "",
    text: (article?.innerText ?? "").replace(/\s+/g, " "),
    focused: document.activeElement?.tagName ?? "",
    hasFocus: document.hasFocus(),
    links: [...document.querySelectorAll("article a")].map((a) => [(a as HTMLAnchorElement).target, (a as HTMLAnchorElement).rel, (a as HTMLAnchorElement).protocol].join(" ")),
    unsafe: document.querySelectorAll("article script, article style, article iframe, article form, article [style], article [onclick]").length,
    size: parseFloat(getComputedStyle(article ?? document.body).fontSize),
  };
}

/** The reader frame, once it shows the whole article. */
async function readerShown(page: TestPage): Promise<{ frame: TestFrame; state: ReaderState }> {
  const frame = await page.extensionFrame(READER_PATH);
  await frame.waitForFunction((last: string) => document.querySelector("article")?.textContent?.includes(last), {}, LAST);
  return { frame, state: await frame.evaluate(readerState) };
}

/** The content script took the frame away (it drops the page's attribute in the same step). */
const readerGone = (page: TestPage): Promise<unknown> => page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-reading"));

/**
 * Escape, pressed in the focused reader frame. Chromium: only its effect is awaited: the DevTools
 * call that sends the key can wait for good for the answer of the frame the key removed.
 */
async function pressEscape(page: TestPage): Promise<void> {
  const native = page.native;
  if (native.kind === "playwright") void native.page.keyboard.press("Escape").catch(() => undefined);
  else await page.press("Escape");
  await readerGone(page);
}

describe.each(BROWSERS)("%s: reader view frame", (name) => {
  const suite = useBrowser(name);

  it("opens from the panel in its own frame, shows the article there and nowhere the page can see, and leaves the page as it was", async () => {
    const page = await suite.browser.newPage();
    try {
      await page.addInitScript(PAGE_LISTENS);
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      await page.evaluate(() => scrollTo(0, 300));
      const panel = await openPanel(page);
      const before = await page.evaluate(pageView);
      const heard = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard.splice(0));
      await heard();
      expect(before).toMatchObject({ scroll: 300, hostChildren: 0, hostOpenRoot: false });

      await panel.click('[data-part="reader"]');
      const { frame: reader } = await readerShown(page);
      await reader.waitForFunction(() => document.activeElement?.tagName === "H1" && document.hasFocus());
      const shown = await reader.evaluate(readerState);
      expect(shown.title).toBe("Moscow and Kiev exchange remains of fallen soldiers");
      expect(shown.text).toContain(FIRST);
      expect(shown.text).not.toMatch(/No comments yet|Try Our AI Features|Download the app|Related Articles/i);
      expect(shown.unsafe).toBe(0);
      for (const link of shown.links) expect(link).toMatch(/^_blank noopener noreferrer https?:$/);
      expect(await panel.evaluate(() => document.querySelector('[data-part="reader"]')?.getAttribute("aria-pressed"))).toBe("true");

      // The page's world: the same DOM (but for the attribute that keeps it from scrolling), the
      // same text, no copy of the article anywhere it can query, its host empty and closed.
      expect(await page.evaluate(pageView)).toEqual({ ...before, overflow: "hidden" });
      expect(await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-reading"))).toBe(true);

      // Escape in the frame leaves: the frame goes, the page is where it was, and focus is back in
      // Tidyread's own UI (the panel's button was pressed): its host, not the page's body.
      await pressEscape(page);
      expect(await page.evaluate(pageView)).toEqual(before);
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

      // Again, with bigger text (the reader page saves it), then its Leave button.
      await panel.click('[data-part="reader"]');
      const again = await readerShown(page);
      await again.frame.click('[data-part="larger"]');
      await again.frame.waitForFunction((size: number) => parseFloat(getComputedStyle(document.querySelector("article") ?? document.body).fontSize) === size, {}, again.state.size + 1);
      await again.frame.click('[data-part="close"]');
      await readerGone(page);
      expect(await page.evaluate(pageView)).toEqual(before);

      // The size is remembered; the panel's button leaves too.
      await panel.click('[data-part="reader"]');
      const third = await readerShown(page);
      expect(third.state.size).toBe(again.state.size + 1);
      await third.frame.click('[data-part="smaller"]');
      await third.frame.waitForFunction((size: number) => parseFloat(getComputedStyle(document.querySelector("article") ?? document.body).fontSize) === size, {}, again.state.size);
      // Width and colours (each select set as a script would: the choice is what is tested).
      const look = (): Promise<{ width: number; background: string }> =>
        third.frame.evaluate(() => ({ width: document.querySelector("article")?.getBoundingClientRect().width ?? 0, background: getComputedStyle(document.querySelector("main") ?? document.body).backgroundColor }));
      const medium = await look();
      await third.frame.evaluate(() => {
        for (const [part, value] of [["width", "narrow"], ["theme", "sepia"]] as const) {
          const select = document.querySelector(`[data-part="${part}"]`) as HTMLSelectElement;
          select.value = value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
      const sepia = await look();
      expect(sepia.background).toBe("rgb(244, 236, 216)");
      expect(sepia.width).toBeLessThan(medium.width);
      await panel.click('[data-part="reader"]');
      await readerGone(page);
      expect(await page.evaluate(pageView)).toEqual(before);
      // All along, the page heard no key pressed in the reader view and saw no node with text arrive.
      expect(await heard()).toEqual([]);
      // (The page's listeners do work: a key pressed in the page itself, a node of its own.)
      await page.mouseClick(40, 400);
      await page.press("x");
      await page.evaluate(() => document.body.append("own words"));
      await page.waitForFunction(() => (window as unknown as { __heard: string[] }).__heard.length >= 2);
      expect(await heard()).toEqual(["key x", "node own words"]);
    } finally {
      await page.close();
    }
  });
});
