// The reader view as an extension page in a frame over the page: opened from the panel, it shows
// the article in its own document, which the page cannot reach; the page's DOM, text and scroll
// stay as they were, and Escape or Leave bring the reader back where they were.
//
// Frames of extension pages are driven with each browser's own driver (Chromium: Playwright's
// frames; Firefox: WebDriver BiDi's child contexts, which Puppeteer's page.frames() leaves out),
// clicked with trusted mouse events at the element's place on screen.
import { describe, expect, it } from "vitest";
import { BROWSERS, type TestPage } from "./harness/browsers";
import { useBrowser } from "./harness/suite";

const FIRST = "Moscow and Kiev have exchanged the remains of fallen servicemen";
const LAST = "Russia's chief negotiator Vladimir Medinsky confirmed an exchange is being prepared.";

interface Frame {
  /** A JS expression evaluated in the frame's document; its JSON-serialisable value. */
  evaluate<R>(expression: string): Promise<R>;
  /** A trusted click at the centre of the element. */
  click(selector: string): Promise<void>;
  /** A click that removes this frame: resolves once the frame is gone. */
  clickAway(selector: string): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(check: () => Promise<T | null | undefined | false>, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} within ${timeout} ms${last ? ` (${String(last)})` : ""}`);
    await sleep(50);
  }
}

interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiContext {
  context: string;
  url: string;
  children: BidiContext[] | null;
}

function findContext(contexts: readonly BidiContext[], path: string): BidiContext | undefined {
  for (const c of contexts) {
    if (/^(moz|chrome)-extension:/.test(c.url) && c.url.includes(path)) return c;
    const inner = findContext(c.children ?? [], path);
    if (inner) return inner;
  }
  return undefined;
}

/** The extension frame whose address holds `path`, or null if there is none now. */
async function frameOf(page: TestPage, path: string): Promise<Frame | null> {
  const native = page.native;
  if (native.kind === "playwright") {
    const frame = native.page.frames().find((f) => /^chrome-extension:/.test(f.url()) && f.url().includes(path));
    if (!frame) return null;
    return {
      evaluate: (expression) => frame.evaluate(expression),
      click: (selector) => frame.locator(selector).click(),
      async clickAway(selector) {
        // Not awaited, only its effect: the DevTools call can wait for good for the answer of the frame it removed.
        void frame.locator(selector).click().catch(() => undefined);
        await poll(async () => frame.isDetached(), `the frame of ${frame.url()} is still there`);
      },
    };
  }
  const pp = native.page;
  const connection = (pp.browser() as unknown as { connection: BidiSend }).connection;
  const tab = (pp.mainFrame() as unknown as { _id: string })._id;
  const { result } = await connection.send("browsingContext.getTree", { root: tab });
  const found = findContext((result as { contexts: BidiContext[] }).contexts, path);
  if (!found) return null;
  const run = async <R>(target: { context: string; sandbox?: string }, expression: string): Promise<R> => {
    const wrapped = `(async () => JSON.stringify({ value: await (\n${expression}\n) }))()`;
    const { result: evaluated } = await connection.send("script.evaluate", { expression: wrapped, target, awaitPromise: true, resultOwnership: "none" });
    const r = evaluated as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (r.type !== "success" || typeof r.result?.value !== "string") throw new Error(r.exceptionDetails?.text ?? "no result");
    return (JSON.parse(r.result.value) as { value: R }).value;
  };
  const frame: Frame = {
    evaluate: (expression) => run({ context: found.context }, expression),
    async clickAway(selector) {
      await frame.click(selector);
      await poll(async () => findContext(((await connection.send("browsingContext.getTree", { root: tab })).result as { contexts: BidiContext[] }).contexts, found.url) === undefined, `the frame of ${found.url} is still there`);
    },
    async click(selector) {
      const rect = await run<{ x: number; y: number } | null>(
        { context: found.context },
        `(() => { const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect(); return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null })()`,
      );
      if (!rect) throw new Error(`no ${selector} in ${found.url}`);
      // The frame's viewport on the screen less the tab's: where the frame lies in the tab (Gecko's own).
      const screen = "[window.mozInnerScreenX, window.mozInnerScreenY]";
      const [[fx, fy], [tx, ty]] = await Promise.all([run<[number, number]>({ context: found.context }, screen), run<[number, number]>({ context: tab, sandbox: "tidyread-test" }, screen)]);
      await pp.mouse.click(fx - tx + rect.x, fy - ty + rect.y);
    },
  };
  return frame;
}

/**
 * Escape, pressed in the focused reader frame. Chromium: the key is not awaited, only its effect:
 * the DevTools call that sends it can wait for good for the answer of a frame the key removed.
 */
async function pressEscape(page: TestPage): Promise<void> {
  const native = page.native;
  if (native.kind !== "playwright") return page.press("Escape");
  void native.page.keyboard.press("Escape").catch(() => undefined);
  await waitUntilGone(page, "/src/reader/reader.html");
}

const waitForFrame = (page: TestPage, path: string): Promise<Frame> => poll(() => frameOf(page, path), `no frame of ${path}`);
const waitUntilGone = (page: TestPage, path: string): Promise<boolean> => poll(async () => (await frameOf(page, path)) === null, `the frame of ${path} is still there`);

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

/** In the reader frame: what it shows, and where its focus is. */
const READER_STATE = `(() => ({
  title: document.querySelector("article h1")?.textContent ?? "",
  text: (document.querySelector("article")?.innerText ?? "").replace(/\\s+/g, " "),
  focused: document.activeElement?.tagName ?? "",
  hasFocus: document.hasFocus(),
  links: [...document.querySelectorAll("article a")].map((a) => [a.target, a.rel, a.protocol].join(" ")),
  unsafe: document.querySelectorAll("article script, article style, article iframe, article form, article [style], article [onclick]").length,
  size: parseFloat(getComputedStyle(document.querySelector("article") ?? document.body).fontSize),
}))()`;

interface ReaderState {
  title: string;
  text: string;
  focused: string;
  hasFocus: boolean;
  links: string[];
  unsafe: number;
  size: number;
}

describe.each(BROWSERS)("%s: reader view frame", (name) => {
  const suite = useBrowser(name);

  it("opens from the panel in its own frame, shows the article there and nowhere the page can see, and leaves the page as it was", async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      await page.evaluate(() => scrollTo(0, 300));
      await suite.browser.sendToActiveTab({ type: "panel:toggle" });
      const panel = await waitForFrame(page, "/src/panel/");
      await poll(() => panel.evaluate<boolean>(`!!document.querySelector('[data-part="reader"]')?.checkVisibility()`), "the panel's Reader view button");
      const before = await page.evaluate(pageView);
      expect(before).toMatchObject({ scroll: 300, hostChildren: 0, hostOpenRoot: false });

      await panel.click('[data-part="reader"]');
      const reader = await waitForFrame(page, "/src/reader/reader.html");
      const shown = await poll(async () => {
        const state = await reader.evaluate<ReaderState>(READER_STATE);
        return state.text.includes(LAST) && state.focused === "H1" ? state : null;
      }, "the article in the reader frame, its heading focused");
      expect(shown.title).toBe("Moscow and Kiev exchange remains of fallen soldiers");
      expect(shown.text).toContain(FIRST);
      expect(shown.text).not.toMatch(/No comments yet|Try Our AI Features|Download the app|Related Articles/i);
      expect(shown.unsafe).toBe(0);
      expect(shown.hasFocus).toBe(true);
      for (const link of shown.links) expect(link).toMatch(/^_blank noopener noreferrer https?:$/);

      // The page's world: the same DOM (but for the attribute that holds its scroll), the same
      // text, no copy of the article anywhere it can query, its host empty and closed.
      const reading = await page.evaluate(pageView);
      expect(reading).toMatchObject({ ...before, overflow: "hidden" });
      expect(await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-reading"))).toBe(true);

      // Escape in the frame leaves: the frame goes, the page is where it was.
      await pressEscape(page);
      await waitUntilGone(page, "/src/reader/reader.html");
      expect(await page.evaluate(pageView)).toEqual(before);
      // Focus went back to Tidyread's own UI (the panel's button was pressed): its host, not the page's body.
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

      // Again, bigger text (remembered by the reader page), then its Leave button.
      await panel.click('[data-part="reader"]');
      const again = await waitForFrame(page, "/src/reader/reader.html");
      const first = await poll(async () => {
        const state = await again.evaluate<ReaderState>(READER_STATE);
        return state.text.includes(LAST) ? state : null;
      }, "the article again");
      await again.click('[data-part="larger"]');
      await poll(async () => (await again.evaluate<ReaderState>(READER_STATE)).size === first.size + 1, "larger text");
      await again.clickAway('[data-part="close"]');
      await waitUntilGone(page, "/src/reader/reader.html");
      expect(await page.evaluate(pageView)).toEqual(before);

      await panel.click('[data-part="reader"]');
      const third = await waitForFrame(page, "/src/reader/reader.html");
      const remembered = await poll(async () => {
        const state = await third.evaluate<ReaderState>(READER_STATE);
        return state.text.includes(LAST) ? state : null;
      }, "the article a third time");
      expect(remembered.size).toBe(first.size + 1);
      await third.click('[data-part="smaller"]');
      await poll(async () => (await third.evaluate<ReaderState>(READER_STATE)).size === first.size, "the size back");
      // The panel's button toggles it too.
      await panel.click('[data-part="reader"]');
      await waitUntilGone(page, "/src/reader/reader.html");
      expect(await page.evaluate(pageView)).toEqual(before);
    } finally {
      await page.close();
    }
  });
});
