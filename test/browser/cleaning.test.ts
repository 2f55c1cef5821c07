// The built extension in real Chromium and Firefox: what a reader sees on every fixture.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PageState } from "../../src/shared/messages";
import { siteFor } from "../../src/sites";
import { BROWSERS, launch, type Box, type TestFrame, type TestPage } from "./harness/browsers";
import { closePanel, handleShown, isPanelOpen, openPanel, panelVisible, panelWithView, readHandle, readUi, tidyreadSeenByPage, waitForTidy } from "./harness/panel";
import { describeViolations, PROBE_SCRIPT, readProbe } from "./harness/probe";
import { FIXTURES_DIR } from "./harness/server";
import { checkVisibility, formatSnippets } from "./harness/visibility";
import { fixtureSlugs, loadFixture } from "../fixture-data";
import { useBrowser } from "./harness/suite";

// Pages of the sites granted at install, where the content script runs by itself (generic.test.ts has the others).
const fixtures = fixtureSlugs()
  .map((slug) => ({ slug, expected: loadFixture(slug).expected }))
  .filter(({ expected }) => siteFor(new URL(expected.url).hostname)?.grantedAtInstall);

interface PanelItem {
  title: string;
  href: string | null;
  source: string | null;
  datetime: string | null;
  time: string | null;
  summary: string | null;
}

/** Runs in the panel's frame: the panel as a reader (or screen reader) finds it. */
function readPanel(): { label: string | null; listLabel: string | null; items: PanelItem[] } {
  const section = document.querySelector("section[aria-labelledby]");
  const list = document.querySelector('[data-part="teasers"]');
  return {
    label: document.getElementById(section?.getAttribute("aria-labelledby") ?? "")?.textContent ?? null,
    listLabel: list?.getAttribute("aria-label") ?? null,
    items: [...document.querySelectorAll('[data-part="teasers"] > li')].map((li) => ({
      title: (li.querySelector("a, .title")?.textContent ?? "").trim(),
      href: li.querySelector("a")?.getAttribute("href") ?? null,
      source: li.querySelector('[data-part="source"]')?.textContent ?? null,
      datetime: li.querySelector("time")?.getAttribute("datetime") ?? null,
      time: li.querySelector("time")?.textContent ?? null,
      summary: li.querySelector("details p")?.textContent ?? null,
    })),
  };
}

/** A link the page gave as relative resolves against the test server's address, not https. */
function sameLink(got: string | null, want: string | null, pageUrl: string): boolean {
  if (want === null || got === null) return got === want;
  const w = new URL(want);
  const p = new URL(pageUrl);
  return w.hostname === p.hostname ? new URL(got).pathname === w.pathname : got === want;
}

/** Runs in the panel's frame: its html background, r + g + b (765 white, 0 black). */
function panelBrightness(): number {
  const [r = 0, g = 0, b = 0] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []).map(Number);
  return r + g + b;
}

const nextFrames = (page: TestPage): Promise<unknown> =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe.each(BROWSERS)("%s", (name) => {
  const suite = useBrowser(name);

  async function open(url: string, init?: string): Promise<TestPage> {
    const page = await suite.browser.newPage();
    if (init) await page.addInitScript(init);
    await page.goto(url);
    return page;
  }

  describe.each(fixtures)("$slug", ({ slug, expected }) => {
    it("hides the clutter, keeps the article visible, and lists the teasers in the panel", async () => {
      const page = await open(suite.server.urlFor(slug));
      try {
        if (expected.late) {
          await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
          await nextFrames(page);
        }
        const kind = await page.evaluate(() => document.documentElement.getAttribute("data-tidyread-kind"));
        expect(kind).toBe(expected.kind === "none" ? null : expected.kind);

        const seen = await checkVisibility(page);
        expect(seen.articleCount).toBeGreaterThan(0);
        expect(formatSnippets(seen.hiddenArticle)).toBe("");
        expect(formatSnippets(seen.shownClutter)).toBe("");

        if (expected.kind === "none") {
          expect(await page.evaluate(() => document.querySelectorAll("[data-tidyread-hidden]").length)).toBe(0);
          expect(await readUi(page)).toBeNull();
          return;
        }
        const state = (await suite.browser.sendToActiveTab({ type: "page:get-state" })) as PageState;
        expect(state.hidden).toEqual({ comments: 0, "ai-promo": 0, "app-banner": 0, sponsored: 0, related: 0, ...expected.hidden });

        if (expected.kind === "listing") {
          // No handle and no panel on a listing: Tidyread has no element in it at all.
          expect(await readUi(page)).toBeNull();
          return;
        }
        // The panel's frame is made at idle, open or not, and shows the stories the page sent it.
        const frame = await panelWithView(page);
        const ui = await readUi(page);
        expect(ui?.frames.find((f) => f.kind === "panel")?.title).toBe("Tidyread: related articles");
        const panel = await frame.evaluate(readPanel);
        expect(panel).toMatchObject({ label: "Tidyread", listLabel: "Related articles" });
        // The panel is not in the page: its scripts find neither the frame nor a word of it.
        expect(await page.evaluate(tidyreadSeenByPage)).toEqual([]);
        const items = panel.items;
        expect(items.map((i) => i.title)).toEqual(expected.teasers.map((t) => t.title));
        expected.teasers.forEach((want, i) => {
          const got = items[i];
          if (!got) return;
          expect(sameLink(got.href, want.url, page.url()), `${got.href} vs ${want.url}`).toBe(true);
          expect(got.source).toBe(want.source);
          if (want.time && "agoSeconds" in want.time) {
            expect(got.time).toBe(want.time.text);
            const age = (Date.now() - Date.parse(got.datetime ?? "")) / 1000;
            expect(Math.abs(age - want.time.agoSeconds)).toBeLessThan(120);
          } else if (want.time) {
            expect(got.datetime).toBe(want.time.iso);
            expect(got.time).toMatch(/ago$/);
          }
          if (want.summaryStartsWith) expect(got.summary).toContain(want.summaryStartsWith);
        });
      } finally {
        await page.close();
      }
    });

    if (expected.kind === "none") return;

    it("never paints a hidden block, not even for one frame, while the page trickles in", async () => {
      const url = expected.late ? suite.server.urlFor(slug) : suite.server.urlFor(slug, { trickle: 25 });
      const page = await open(url, PROBE_SCRIPT);
      try {
        if (expected.late) await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
        await nextFrames(page);
        const probe = await readProbe(page, { stop: true });
        expect(describeViolations(probe)).toBe("");
        expect(probe.violationCount).toBe(0);
        // The probe must have watched the blocks exist: mid-parse for trickled pages, after load for late ones.
        if (expected.late) expect(probe.framesWithTargets).toBeGreaterThan(0);
        else expect(probe.framesWithTargetsWhileLoading).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    });
  });

  describe("the panel", () => {
    const article = (): string => suite.server.urlFor("daily8-article-semantic");

    it("opens and closes with its handle, Escape, and the toolbar button's message; it is remembered per site", async () => {
      const page = await open(article());
      try {
        await waitForTidy(page);
        // Start closed whatever an earlier test left remembered.
        await closePanel(page);
        expect(await handleShown(page)).toBe(true);

        const frame = await openPanel(page);
        expect(await panelVisible(page)).toBe(true);
        expect(await readHandle(page)).toMatchObject({ expanded: "true" });

        // From the keyboard: opened from the handle, the panel takes the focus (its heading); Tab
        // leads through its close button and actions to the filter, the sort menu and the first
        // story; the arrow keys move between stories; Escape closes and returns to the handle.
        const focused = (): Promise<string | null> =>
          frame.evaluate(() => {
            const active = document.hasFocus() ? document.activeElement : null;
            return active && active !== document.body ? (active.getAttribute("data-part") ?? active.textContent?.trim() ?? active.tagName) : null;
          });
        await frame.waitForFunction(() => document.hasFocus() && document.activeElement?.id === "tidyread-title");
        expect(await focused()).toBe("Tidyread");
        for (const action of ["close", "reader", "find-article-original", "pick", "restore", "site-off", "filter"]) {
          await page.press("Tab");
          expect(await focused()).toBe(action);
        }
        await page.press("Tab");
        expect(await focused()).toBe("sort");
        await page.press("Tab");
        expect(await focused()).toBe("US to cut Ukraine aid");
        await page.press("ArrowDown");
        expect(await focused()).toBe("WHISPERING GIANT: Russia's quiet power leaves the West in the dust");
        await page.press("Escape");
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-open"));
        expect(await panelVisible(page)).toBe(false);
        expect(await readHandle(page)).toMatchObject({ expanded: "false", focused: true });
        // The handle works from the keyboard too: Enter on it opens the panel, Escape closes it again.
        await page.press("Enter");
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-open"));
        await frame.waitForFunction(() => document.activeElement?.id === "tidyread-title" && document.hasFocus());
        await page.press("Escape");
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-open"));

        // What the toolbar button and its shortcut do: the background sends this message.
        const reply = (await suite.browser.sendToActiveTab({ type: "panel:toggle" })) as PageState;
        expect(reply.panelOpen).toBe(true);
        expect(await isPanelOpen(page)).toBe(true);
        expect(await panelVisible(page)).toBe(true);

        await page.goto(suite.server.urlFor("daily8-article-divsoup"));
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-open"));
        const reply2 = (await suite.browser.sendToActiveTab({ type: "panel:toggle" })) as PageState;
        expect(reply2.panelOpen).toBe(false);
      } finally {
        await page.close();
      }
    });

    it("never covers the article, closed or open on a wide window, and sits on the left of right-to-left pages", async () => {
      /** Runs in the page: article elements under any of the boxes Tidyread draws. */
      const covered = (parts: { x: number; y: number; width: number; height: number }[]): string => {
        const hits = [...document.querySelectorAll("[data-expect=article]")].filter((el) =>
          [...el.getClientRects()].some((r) => parts.some((p) => r.left < p.x + p.width && r.right > p.x && r.top < p.y + p.height && r.bottom > p.y)),
        );
        return hits.map((el) => el.textContent?.trim().slice(0, 40)).join(" | ");
      };
      /** The handle's box and, when open, the panel's (the frame's viewport in the page). */
      const drawn = async (page: TestPage, frame: TestFrame | null): Promise<Box[]> => {
        const handle = await readHandle(page);
        const panel = frame && (await isPanelOpen(page)) ? await frame.box("html") : null;
        return [handle?.hidden ? null : handle?.box, panel].filter((b): b is Box => !!b && b.width > 0);
      };
      const page = await open(article());
      try {
        await waitForTidy(page);
        await closePanel(page);
        const closed = await drawn(page, null);
        expect(closed).toHaveLength(1);
        expect(await page.evaluate(covered, closed)).toBe("");
        const frame = await openPanel(page);
        expect(await page.evaluate(() => innerWidth)).toBeGreaterThanOrEqual(1000);
        const opened = await drawn(page, frame);
        expect(opened).toHaveLength(2);
        expect(await page.evaluate(covered, opened)).toBe("");
      } finally {
        await page.close();
      }

      const html = readFileSync(path.join(FIXTURES_DIR, "daily8-article-semantic", "page.html"), "utf8").replace(
        /<html[^>]*>/,
        '<html lang="en" dir="rtl">',
      );
      const rtl = await open(suite.server.addPage("www.daily8.com", "/en/article/rtl-1", html));
      try {
        await waitForTidy(rtl);
        expect(await readHandle(rtl)).toMatchObject({ side: "left" });
        const frame = await openPanel(rtl);
        expect(await rtl.evaluate(() => document.documentElement.getAttribute("data-tidyread-open"))).toBe("left");
        const box = await frame.box("html");
        const width = await rtl.evaluate(() => innerWidth);
        expect(box?.x ?? -1).toBeLessThan(1);
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? width)).toBeLessThan(width / 2);
      } finally {
        await rtl.close();
      }
    });

    it("follows the system's dark mode", async () => {
      const dark = await launch(name, { server: suite.server, colorScheme: "dark" });
      try {
        const page = await dark.newPage();
        await page.goto(article());
        const frame = await openPanel(page);
        expect(await frame.evaluate(panelBrightness)).toBeLessThan(200);
      } finally {
        await dark.close();
      }
    });
  });

  describe("the page", () => {
    /** The document as the page itself made it, with the extension not running (another host). */
    async function pristine(slug: string): Promise<string> {
      const page = await open(suite.server.urlFor(slug, { host: "127.0.0.1" }));
      try {
        return await page.evaluate(() => document.documentElement.outerHTML);
      } finally {
        await page.close();
      }
    }

    it("is restored exactly when Tidyread is turned off for it, and cleaned again when turned on", async () => {
      const before = await pristine("daily8-article-semantic");
      const page = await open(suite.server.urlFor("daily8-article-semantic"));
      try {
        expect(await page.evaluate(() => document.querySelectorAll("[data-tidyread-hidden]").length)).toBeGreaterThan(0);
        const frame = await openPanel(page);
        await frame.click('button[data-part="restore"]');
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-kind"));
        expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
        const state = (await suite.browser.sendToActiveTab({ type: "panel:toggle" })) as PageState;
        expect(state.enabled).toBe(true);
        expect(await page.evaluate(() => document.querySelectorAll("[data-tidyread-hidden]").length)).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    });

    it("shows a category again from the panel's switch, and hides it again exactly", async () => {
      const page = await open(suite.server.urlFor("daily8-article-semantic"));
      try {
        const frame = await openPanel(page);
        const before = await page.evaluate(() => document.documentElement.outerHTML);
        await frame.click('input[data-category="comments"]');
        await page.waitForFunction(() => document.documentElement.getAttribute("data-tidyread-show") === "comments");
        const seen = await checkVisibility(page);
        expect(seen.shownClutter.map((s) => s.what)).toEqual(["section[comments]"]);
        expect(formatSnippets(seen.hiddenArticle)).toBe("");
        await frame.click('input[data-category="comments"]');
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-show"));
        expect(formatSnippets((await checkVisibility(page)).shownClutter)).toBe("");
        expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
      } finally {
        await page.close();
      }
    });

    it("is turned off for the whole site from the panel, stays off after a reload, and the toolbar button turns it on again", async () => {
      const url = suite.server.urlFor("daily8-article-semantic");
      const before = await pristine("daily8-article-semantic");
      const hidden = (p: TestPage): Promise<number> => p.evaluate(() => document.querySelectorAll("[data-tidyread-hidden]").length);
      const page = await open(url);
      try {
        const frame = await openPanel(page);
        await frame.click('button[data-part="site-off"]');
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-kind"));
        expect(await readUi(page)).toBeNull();
        expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
        await page.goto(url);
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-kind"));
        expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
        await suite.browser.sendToActiveTab({ type: "panel:toggle" });
        await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length > 0);
        await page.goto(url);
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-kind"));
        expect(await hidden(page)).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    });

    it("follows a change on the options page at once, without a reload", async () => {
      const page = await open(suite.server.urlFor("daily8-article-semantic"));
      const options = await suite.browser.newPage();
      const box = '#defaults input[data-category="comments"]';
      try {
        void options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
        await options.waitForFunction((sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true, {}, box);
        await options.click(box);
        await page.waitForFunction(() => document.documentElement.getAttribute("data-tidyread-show") === "comments");
        expect((await checkVisibility(page)).shownClutter.map((s) => s.what)).toEqual(["section[comments]"]);
        await options.click(box);
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-show"));
        expect(formatSnippets((await checkVisibility(page)).shownClutter)).toBe("");
      } finally {
        await options.close();
        await page.close();
      }
    });

    it("follows the options' panel colours at once, and opens the panel on new pages when asked to", async () => {
      const page = await open(suite.server.urlFor("daily8-article-semantic"));
      const options = await suite.browser.newPage();
      const choose = (id: string, value: string): Promise<void> =>
        options.evaluate(
          (i: string, v: string) => {
            const select = document.getElementById(i) as HTMLSelectElement;
            select.value = v;
            select.dispatchEvent(new Event("change"));
          },
          id,
          value,
        );
      try {
        void options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
        await options.waitForFunction(() => (document.getElementById("theme") as HTMLSelectElement | null)?.value === "system");
        const frame = await openPanel(page);
        expect(await frame.evaluate(panelBrightness)).toBeGreaterThan(600);
        await choose("theme", "dark");
        await frame.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "dark");
        expect(await frame.evaluate(panelBrightness)).toBeLessThan(200);
        await choose("theme", "system");
        // Leave the panel closed, so that only the option can open it on the next page.
        await closePanel(page);
        await choose("panel-start", "open");
        await frame.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "system");
        await page.goto(suite.server.urlFor("daily8-article-flat"));
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-open"));
        await panelWithView(page);
        expect(await panelVisible(page)).toBe(true);
        await choose("panel-start", "remember");
      } finally {
        await options.close();
        await page.close();
      }
    });

    it("is left exactly as it was when it is not an aggregator page", async () => {
      const before = await pristine("daily8-not-aggregator");
      const page = await open(suite.server.urlFor("daily8-not-aggregator"));
      try {
        await nextFrames(page);
        expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
      } finally {
        await page.close();
      }
    });

    it("settles: once the page is cleaned, Tidyread does not react to its own changes", async () => {
      const page = await open(suite.server.urlFor("daily8-late"));
      try {
        await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
        await openPanel(page);
        const changes = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let count = 0;
              const observer = new MutationObserver((records) => (count += records.length));
              observer.observe(document, { attributes: true, childList: true, subtree: true, characterData: true });
              setTimeout(() => {
                observer.disconnect();
                resolve(count);
              }, 1000);
            }),
        );
        expect(changes).toBe(0);
      } finally {
        await page.close();
      }
    });

    it("is detected again after in-site navigation through the History API", async () => {
      const page = await open(suite.server.urlFor("daily8-article-semantic"));
      const hiddenCount = (): Promise<number> => page.evaluate(() => document.querySelectorAll("[data-tidyread-hidden]").length);
      try {
        expect(await hiddenCount()).toBeGreaterThan(0);
        await page.evaluate(() => {
          history.pushState({}, "", "/en/about");
          document.body.append(document.createElement("div"));
        });
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-kind"));
        expect(await hiddenCount()).toBe(0);
        await page.evaluate(() => {
          history.pushState({}, "", "/en/article/6812345");
          document.body.append(document.createElement("div"));
        });
        await page.waitForFunction(() => document.documentElement.getAttribute("data-tidyread-kind") === "article");
        expect(await hiddenCount()).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    });
  });

  it("takes the before/after screenshots of the demo page (test-output/screenshots/)", async () => {
    const dir = path.join("test-output", "screenshots");
    const before = await open(suite.server.urlFor("daily8-article-semantic", { host: "127.0.0.1" }));
    const after = await open(suite.server.urlFor("daily8-article-semantic"));
    try {
      await before.screenshot(path.join(dir, `${name}-before.png`), true);
      await openPanel(after);
      await after.screenshot(path.join(dir, `${name}-after.png`), true);
      for (const shot of ["before", "after"]) {
        expect(statSync(path.join(dir, `${name}-${shot}.png`)).size).toBeGreaterThan(10_000);
      }
    } finally {
      await before.close();
      await after.close();
    }
  });

  it("makes no request of its own: every request went to the pages' own server", () => {
    const foreign = suite.browser.requests
      .map((r) => r.url)
      .filter((u) => !/^(data:|chrome-extension:|moz-extension:|about:)/.test(u))
      .filter((u) => new URL(u).port !== String(suite.server.port));
    expect(suite.browser.requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });

  it("shows the keyboard shortcut the browser assigned on the options page", async () => {
    const page = await suite.browser.newPage();
    try {
      void page.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
      const shortcut = await page.waitForFunction(() => {
        const text = document.getElementById("shortcut")?.textContent ?? "…";
        return text !== "…" && text;
      });
      expect(String(shortcut).replace(/\s/g, "")).toMatch(/^Alt\+Shift\+U$/i);
    } finally {
      await page.close();
    }
  });
});
