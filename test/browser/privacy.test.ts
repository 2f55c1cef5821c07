// Privacy: a whole reading session with Tidyread, every request recorded by the browser and by the
// fixture server. Tidyread must send nothing: every request is a page the test itself opened (or
// the browser's own favicon probe), and none comes from the extension.
import { describe, expect, it } from "vitest";
import { BROWSERS } from "./harness/browsers";
import { openPanel, panelWithView, READER_PATH } from "./harness/panel";
import { useBrowser } from "./harness/suite";


describe.each(BROWSERS)("%s: privacy", (name) => {
  const suite = useBrowser(name);

  it("a full session (pages, panel, switches, filter, reader view, toolbar button, options) makes no request but the pages opened", async () => {
    const opened = new Set<string>();
    const page = await suite.browser.newPage();
    const visit = async (url: string): Promise<void> => {
      opened.add(new URL(url).hostname + new URL(url).pathname);
      await page.goto(url);
    };
    const sessionStart = Date.now();
    try {
      await visit(suite.server.urlFor("daily8-article-semantic"));
      const panel = await openPanel(page);
      // A category switch off and on, the filter, the sort.
      await panel.click('.did input[data-category="comments"]');
      await panel.click('.did input[data-category="comments"]');
      await panel.focus('[data-part="filter"]');
      for (const key of ["U", "S", "Backspace", "Backspace"]) await page.press(key);
      await panel.evaluate(() => {
        const sort = document.querySelector<HTMLSelectElement>('[data-part="sort"]');
        if (!sort) return;
        sort.value = "newest";
        sort.dispatchEvent(new Event("change"));
      });
      // The reader view: its extraction script is injected on first use; the view is an extension page in a frame.
      await panel.click('[data-part="reader"]');
      const reader = await page.extensionFrame(READER_PATH);
      await reader.waitForFunction(() => !!document.querySelector("article p"));
      await reader.click('[data-part="close"]');
      await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-reading"));

      for (const slug of ["daily8-article-divsoup", "daily8-hostile-links", "daily8-article-seed2", "daily8-listing", "daily8-article-flat"]) {
        await visit(suite.server.urlFor(slug));
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-kind"));
      }
      await visit(suite.server.urlFor("daily8-late"));
      await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
      // Sites Tidyread does not know: the toolbar button injects it.
      for (const slug of ["msn-like-article", "arabic-article"]) {
        await visit(suite.server.urlFor(slug));
        await suite.browser.clickToolbarButton(page);
        await panelWithView(page);
      }

      // The options page: a setting changed and put back.
      const options = await suite.browser.newPage();
      try {
        void options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
        await options.waitForFunction(() => (document.getElementById("panel-side") as HTMLSelectElement | null)?.value !== "");
        for (const value of ["left", "auto"]) {
          await options.evaluate((v: string) => {
            const select = document.getElementById("panel-side") as HTMLSelectElement;
            select.value = v;
            select.dispatchEvent(new Event("change"));
          }, value);
        }
      } finally {
        await options.close();
      }
      // Anything sent late (a timer, a beacon on close) has time to show.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      await page.close();
    }

    const fixtureOrigins = new Set(suite.server.hosts().map((h) => `http://${h}:${suite.server.port}`));
    const seen = suite.browser.requests.filter((r) => r.time >= sessionStart);
    // Packaged files of the extension itself and inline images are not network requests.
    const local = (url: string): boolean => /^(chrome-extension|moz-extension|data|about|blob):/.test(url);
    const elsewhere = seen.filter((r) => !local(r.url) && !fixtureOrigins.has(new URL(r.url).origin));
    const fromExtension = seen.filter((r) => !local(r.url) && r.initiator.startsWith(suite.browser.extensionOrigin));
    const served = suite.server.requests.filter((r) => r.time >= sessionStart);
    const unasked = served.filter((r) => r.url !== "/favicon.ico" && !opened.has(r.host + new URL(r.url, "http://x").pathname));
    console.info(
      `${name} privacy: ${seen.length} requests seen by the browser (${seen.filter((r) => !local(r.url)).length} over the network), ${served.length} served; ` +
        `${elsewhere.length} elsewhere, ${fromExtension.length} from the extension, ${unasked.length} not asked for`,
    );
    expect(served.length).toBeGreaterThanOrEqual(opened.size);
    expect(seen.filter((r) => !local(r.url)).length).toBeGreaterThanOrEqual(opened.size);
    expect(elsewhere.map((r) => `${r.method} ${r.url} (from ${r.initiator})`)).toEqual([]);
    expect(fromExtension.map((r) => `${r.method} ${r.url} (from ${r.initiator})`)).toEqual([]);
    expect(unasked.map((r) => `${r.method} ${r.host}${r.url}`)).toEqual([]);
    // Pages are only read: every request to the server is a GET (or a HEAD).
    expect(served.filter((r) => r.method !== "GET" && r.method !== "HEAD")).toEqual([]);
  });

  if (name === "chromium") {
    it("the harness does see the extension's own requests: a fetch from the service worker is recorded as such", async () => {
      const page = await suite.browser.newPage();
      try {
        await page.goto(suite.server.urlFor("daily8-article-semantic"));
        const before = suite.browser.requests.length;
        const native = page.native;
        if (native.kind !== "playwright") throw new Error("not a Chromium page");
        const worker = native.page.context().serviceWorkers().find((w) => w.url().startsWith(suite.browser.extensionOrigin));
        if (!worker) throw new Error("no service worker");
        await worker.evaluate(async (url: string) => {
          await fetch(url).catch(() => undefined);
        }, `${suite.server.origin}/probe-from-worker`);
        const recorded = (): typeof suite.browser.requests => suite.browser.requests.slice(before).filter((r) => r.url.endsWith("/probe-from-worker"));
        for (let i = 0; i < 40 && recorded().length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(recorded().map((r) => r.initiator.startsWith(suite.browser.extensionOrigin))).toEqual([true]);
      } finally {
        await page.close();
      }
    });
  }
});
