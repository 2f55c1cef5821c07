// Hostile and extreme pages in real Chromium and Firefox: links and markup meant to escape into the
// panel, 10,000 teasers, a page that fights the marks or removes the panel, page-wide !important
// styles, 5,000-deep nesting and a 5 MB text node. Each test logs what it measured.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIGHT_BUDGET, FIGHT_REFILL_MS } from "../../src/content/session";
import { LIMITS } from "../../src/content/panel-data";
import { PAGE_SIZE } from "../../src/panel/panel";
import { BROWSERS, type TestPage } from "./harness/browsers";
import { FIXTURES_DIR } from "./harness/server";
import { checkVisibility, formatSnippets } from "./harness/visibility";
import { closePanel, handlePoint, isPanelOpen, isTidyreadAt, openPanel, panelVisible, panelWithView, readHandle, readUi, tidyreadHosts, waitForTidy } from "./harness/panel";
import { useBrowser } from "./harness/suite";

const SEMANTIC = readFileSync(path.join(FIXTURES_DIR, "daily8-article-semantic", "page.html"), "utf8");
/** The semantic fixture hides 4 blocks: AI promo, comments, related, app banner. */
const BLOCKS = 4;

/** The semantic fixture with `head` added to <head> and `script` run first thing in <body>. */
const semanticWith = ({ head = "", script = "" }: { head?: string; script?: string }): string =>
  SEMANTIC.replace("</head>", `${head}</head>`).replace("<body>", `<body>${script ? `<script>${script}</script>` : ""}`);

/**
 * In every page: a 20 ms timer that records the longest gap between its ticks (the main thread was
 * busy that long), and long tasks where the browser reports them (Chromium).
 */
const HEARTBEAT = `(() => {
  const beat = { last: performance.now(), maxGap: 0, ticks: 0, longTasks: [], reset() { this.last = performance.now(); this.maxGap = 0; this.ticks = 0; this.longTasks = []; } };
  window.__beat = beat;
  setInterval(() => { const now = performance.now(); beat.maxGap = Math.max(beat.maxGap, now - beat.last); beat.last = now; beat.ticks += 1; }, 20);
  if (PerformanceObserver.supportedEntryTypes?.includes("longtask")) {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) beat.longTasks.push(Math.round(e.duration)); }).observe({ type: "longtask" });
  }
})();`;

interface Beat {
  maxGap: number;
  ticks: number;
  longTasks: number[];
}
/** Runs in the page. */
function readBeat(): Beat {
  const b = (window as unknown as { __beat: Beat }).__beat;
  return { maxGap: Math.round(b.maxGap), ticks: b.ticks, longTasks: [...b.longTasks] };
}
/** Runs in the page. */
function resetBeat(): void {
  (window as unknown as { __beat: { reset(): void } }).__beat.reset();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Runs in the page: blocks hidden now, and whether any marked-article text is hidden. */
function cleanState(): { hidden: number; clutterShown: number; articleHidden: number } {
  const shown = (el: Element): boolean => el.checkVisibility() && [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
  return {
    hidden: document.querySelectorAll("[data-tidyread-hidden]").length,
    clutterShown: [...document.querySelectorAll("[data-expect-hidden]")].filter(shown).length,
    articleHidden: [...document.querySelectorAll("[data-expect=article]")].filter((el) => !el.checkVisibility() || !!el.closest("[data-tidyread-hidden], [data-tidyread-pending]")).length,
  };
}

const TOPICS = [
  "grain exports through the Black Sea",
  "a rail strike in the north",
  "central bank interest rates",
  "a storm on the coast",
  "the new energy bill",
  "football club ownership",
  "the deepest ocean trench",
  "a tram line for the city",
  "winter flight cancellations",
  "a cheaper phone",
];

/** The semantic fixture with its related block holding `n` cards. */
function withTeasers(n: number): string {
  const cards: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const topic = TOPICS[i % TOPICS.length] ?? "";
    cards.push(
      `<article class="c4"><h3><a href="/en/article/t${i}">Story ${i}: ${topic}</a></h3><span class="c5">Outlet ${i % 40}</span><span class="c6">${(i % 23) + 1} hours ago</span></article>`,
    );
  }
  return SEMANTIC.replace(/(<div class="s5">)[\s\S]*?(<\/div>\s*<\/section>\s*<section class="s6")/, `$1\n${cards.join("\n")}\n$2`);
}

describe.each(BROWSERS)("%s: hostile pages", (name) => {
  const suite = useBrowser(name);

  async function open(url: string, init = HEARTBEAT): Promise<TestPage> {
    const page = await suite.browser.newPage();
    await page.addInitScript(init);
    await page.goto(url);
    return page;
  }

  it("teaser links in javascript:, data:, vbscript:, file: and disguises never become live links; markup in titles and summaries stays text", async () => {
    const page = await open(suite.server.urlFor("daily8-hostile-links"));
    try {
      const panel = await openPanel(page);
      // Every summary opened, so anything that could run from one has had its chance.
      await panel.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      await sleep(300);
      const seen = await panel.evaluate(() => {
        const items = [...document.querySelectorAll('[data-part="teasers"] > li')];
        return {
          items: items.length,
          links: [...document.querySelectorAll("a")].map((a) => a.getAttribute("href")),
          // Elements only markup in the page's strings could have made.
          made: document.querySelectorAll("li img, li script, li svg, li iframe, li style, li b, li i, li a a, li a[href^='javascript']").length,
          // The panel's own stylesheet and nothing else.
          styles: document.querySelectorAll("style, link[rel=stylesheet]").length,
          titles: items.map((li) => li.querySelector("a, .title")?.textContent ?? ""),
          sources: items.map((li) => li.querySelector('[data-part="source"]')?.textContent ?? ""),
          summaries: items.map((li) => li.querySelector("details p")?.textContent ?? ""),
          pwnedPanel: (window as unknown as { __tidyreadPwned?: unknown }).__tidyreadPwned ?? null,
        };
      });
      const pwned = await page.evaluate(() => (window as unknown as { __tidyreadPwned?: unknown }).__tidyreadPwned ?? null);
      console.info(`${name} hostile links: ${seen.items} stories, ${seen.links.length} links: ${seen.links.join(" ")}`);
      expect(seen.items).toBe(14);
      // Only the four web links are links; each one http(s) and resolved.
      expect(seen.links).toHaveLength(4);
      for (const href of seen.links) expect(new URL(href ?? "about:blank").protocol).toMatch(/^https?:$/);
      expect(seen.made).toBe(0);
      expect(seen.styles).toBe(1);
      expect(seen.pwnedPanel).toBeNull();
      expect(pwned).toBeNull();
      expect(seen.titles).toContain('<img src=x onerror="window.__tidyreadPwned=2">Markets <b>rally</b> again on rate hopes');
      expect(seen.titles).toContain('<a href="javascript:window.__tidyreadPwned=5">Click</a> Election results due on Sunday');
      expect(seen.sources).toContain("<i>Reuters</i>");
      expect(seen.summaries.some((s) => s.startsWith("<script>window.__tidyreadPwned=3</script>"))).toBe(true);
      // The page's own links are the page's: Tidyread changed none of them.
      expect(await page.evaluate(() => document.querySelector('a[href^="javascript:window"]')?.getAttribute("href"))).toBe("javascript:window.__tidyreadPwned=1");
    } finally {
      await page.close();
    }
  });

  it("10,000 teasers: the page is cleaned in bounded time, the panel renders one page of them, opens and filters all it is sent (the first 5,000) at once", async () => {
    const n = 10_000;
    // The panel is sent at most LIMITS.teasers stories (5,000), the page's first.
    const listed = Math.min(n, LIMITS.teasers);
    const url = suite.server.addPage("www.daily8.com", "/en/article/ten-thousand", withTeasers(n));
    const page = await open(url);
    try {
      // Time from navigation start until the handle counts all of them (read through Tidyread's
      // closed root, polled every 50 ms: up to ~100 ms late).
      const deadline = Date.now() + 90_000;
      let cleanAt = 0;
      while (!cleanAt && Date.now() < deadline) {
        const label = (await readHandle(page).catch(() => null))?.text ?? "";
        if (label.includes(`(${listed})`) && (await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-kind")))) {
          cleanAt = await page.evaluate(() => Math.round(performance.now()));
        } else await sleep(50);
      }
      expect(cleanAt, `the handle never said (${listed})`).toBeGreaterThan(0);
      const loadAt = await page.evaluate(() => Math.round((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd));
      const state = await page.evaluate(cleanState);
      expect(state).toMatchObject({ clutterShown: 0, articleHidden: 0 });

      // Open or closed is remembered per site (an earlier test may have left it open): start closed.
      await closePanel(page);
      await sleep(300);
      await page.evaluate(resetBeat);
      // Opened by a real click on the handle, timed until the shown panel has painted a frame with
      // its list (this includes the harness's own click and polling, ~100-200 ms).
      const point = await handlePoint(page);
      const t0 = Date.now();
      await page.mouseClick(point.x, point.y);
      while (!(await panelVisible(page)) && Date.now() - t0 < 10_000) await sleep(10);
      const frame = await panelWithView(page);
      await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      const openMs = Date.now() - t0;
      // In the panel's own document, as before in its shadow root: typing in the filter and Show more.
      const timing = await frame.evaluate(async (word: string) => {
        const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const count = (): number => document.querySelectorAll('[data-part="teasers"] > li').length;
        const rendered = count();
        const filter = document.querySelector<HTMLInputElement>('[data-part="filter"]');
        if (!filter) return null;
        // Typed one character at a time, as a reader would: each keystroke filters all the stories.
        const keystrokes: number[] = [];
        for (const ch of word) {
          const t = performance.now();
          filter.value += ch;
          filter.dispatchEvent(new Event("input", { bubbles: true }));
          await frame();
          keystrokes.push(Math.round(performance.now() - t));
        }
        const found = [...document.querySelectorAll('[data-part="teasers"] > li > a')].map((a) => a.textContent ?? "");
        filter.value = "";
        filter.dispatchEvent(new Event("input", { bubbles: true }));
        const more = document.querySelector<HTMLButtonElement>('[data-part="show-more"]');
        const t1 = performance.now();
        more?.click();
        await frame();
        return { rendered, keystrokes, found, afterMore: count(), moreMs: Math.round(performance.now() - t1), moreText: more?.textContent ?? "" };
      }, `Story ${listed - 1}:`);
      const beat = await page.evaluate(readBeat);
      console.info(
        `${name} 10,000 teasers: clean at ${cleanAt} ms (load event ${loadAt} ms); open ${openMs} ms (click to painted) with ${timing?.rendered} items; ` +
          `keystrokes ${timing?.keystrokes.join("/")} ms; Show more ${timing?.moreMs} ms; longest main-thread stall meanwhile ${beat.maxGap} ms; long tasks ${beat.longTasks.join(",") || "none reported"}`,
      );
      // Bounds many times what this 2-core machine measured (open ~30 ms, a keystroke ~10-60 ms, a
      // stall under 100 ms), so that a busy neighbour does not fail them. Rendering all 10,000 items
      // fails them: measured here, open 1.3-1.8 s, keystrokes up to 2.6 s, a 3.9 s stall.
      expect(cleanAt).toBeLessThan(60_000);
      expect(timing?.rendered).toBe(PAGE_SIZE);
      expect(openMs).toBeLessThan(1_000);
      expect(Math.max(...(timing?.keystrokes ?? [Infinity]))).toBeLessThan(1_000);
      // The filter found a story far beyond the rendered page.
      expect(timing?.found).toEqual([`Story ${listed - 1}: ${TOPICS[(listed - 1) % TOPICS.length]}`]);
      expect(timing?.afterMore).toBe(2 * PAGE_SIZE);
      expect(timing?.moreText).toBe(`Show more (${listed - 2 * PAGE_SIZE} left)`);
      expect(beat.maxGap).toBeLessThan(1_500);
      // The page's own timer kept running through it all.
      expect(beat.ticks).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  describe.each([
    ["strips Tidyread's attribute", "el.removeAttribute('data-tidyread-hidden')"],
    ["re-inserts a fresh copy of each hidden block", "{ const copy = el.cloneNode(true); copy.removeAttribute('data-tidyread-hidden'); el.replaceWith(copy); }"],
  ])("a page that %s every time Tidyread marks it", (what, undo) => {
    // The page's own loop: each mark Tidyread sets is undone at once, for as long as `on` holds.
    const script = `window.__fight = { on: true, undos: 0, marks: 0 };
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target;
          if (r.oldValue !== null || !el.hasAttribute('data-tidyread-hidden')) continue;
          window.__fight.marks += 1;
          if (!window.__fight.on || !el.isConnected) continue;
          window.__fight.undos += 1;
          ${undo};
        }
      }).observe(document, { attributes: true, attributeOldValue: true, subtree: true, attributeFilter: ['data-tidyread-hidden'] });`;

    it("no endless loop: Tidyread's re-marks stop at its budget, the page's timer keeps running, and once the page stops the page reads clean again", async () => {
      const url = suite.server.addPage("www.daily8.com", `/en/article/fight-${what.split(" ")[0]}`, semanticWith({ script }));
      const page = await open(url);
      try {
        await page.waitForFunction(() => (window as unknown as { __fight: { marks: number } }).__fight.marks >= 4);
        await page.evaluate(resetBeat);
        const fightMs = 5_000;
        await sleep(fightMs);
        const during = await page.evaluate(() => ({ ...(window as unknown as { __fight: { marks: number; undos: number } }).__fight }));
        const beat = await page.evaluate(readBeat);
        // The page stops; the next catch-up marks everything again.
        const stoppedAt = Date.now();
        await page.evaluate(() => {
          (window as unknown as { __fight: { on: boolean } }).__fight.on = false;
        });
        await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4, { timeout: FIGHT_REFILL_MS + 3_000 });
        const cleanAfter = Date.now() - stoppedAt;
        const after = await page.evaluate(cleanState);
        console.info(
          `${name} page that ${what}: ${during.undos} undos and ${during.marks} marks in ~${(fightMs / 1000).toFixed(0)} s after load; ` +
            `page timer ${beat.ticks} ticks, longest stall ${beat.maxGap} ms; clean again ${cleanAfter} ms after the page stopped`,
        );
        // Marks at load, the budget's rounds, then one catch-up per refill (the load and this wait
        // took less than fightMs + 10 s, a generous allowance).
        const catchUps = Math.ceil((fightMs + 10_000) / FIGHT_REFILL_MS);
        expect(during.marks).toBeGreaterThan(BLOCKS);
        expect(during.marks).toBeLessThanOrEqual(BLOCKS * (1 + FIGHT_BUDGET + catchUps));
        // A loop would have run thousands of times and starved the timer (250 ticks in 5 s at best).
        expect(beat.ticks).toBeGreaterThan(100);
        expect(beat.maxGap).toBeLessThan(1_000);
        expect(cleanAfter).toBeLessThan(FIGHT_REFILL_MS + 2_000);
        expect(after).toMatchObject({ hidden: BLOCKS, clutterShown: 0, articleHidden: 0 });
      } finally {
        await page.close();
      }
    });
  });

  // Chromium's own renderer crashes laying out more than about 2,500 levels (checked without the
  // extension: 3,000 and 5,000 crash the tab, 2,000 does not), so there the page keeps its 5,000
  // levels unrendered (display: none) and Tidyread's work on them is checked by its marks; Firefox
  // lays them out. 2,000 levels are rendered in both.
  describe.each([
    { depth: 5000, rendered: name === "firefox" },
    { depth: 2000, rendered: true },
  ])("$depth-deep nesting", ({ depth, rendered }) => {
    it(`the page loads, no stack overflow, the blocks hidden, the article never hidden by Tidyread, in bounded time (rendered: ${rendered})`, async () => {
      // The HTML parser caps nesting (Chromium at 512), so the page's own script nests its content.
      const script = `document.addEventListener("DOMContentLoaded", () => {
        const main = document.querySelector("main");
        const outer = document.createElement("div");
        ${rendered ? "" : 'outer.style.display = "none";'}
        let inner = outer;
        for (let i = 1; i < ${depth}; i += 1) { const d = document.createElement(i % 2 ? "section" : "div"); inner.append(d); inner = d; }
        main.replaceWith(outer);
        inner.append(main);
        let depth = 0;
        for (let e = main; e; e = e.parentElement) depth += 1;
        document.documentElement.dataset.depth = String(depth);
      });`;
      const page = await suite.browser.newPage();
      await page.addInitScript(`window.addEventListener("error", (e) => { (window.__errors ??= []).push(String(e.message)); });`);
      /** Runs in the page: article elements not painted, and those under a Tidyread mark. */
      const article = (): { unpainted: string[]; marked: number } => {
        const all = [...document.querySelectorAll("[data-expect=article]")];
        const painted = (el: Element): boolean => el.checkVisibility() && [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
        return {
          unpainted: all.filter((el) => !painted(el)).map((el) => (el.textContent ?? "").trim().slice(0, 30)),
          marked: all.filter((el) => el.closest("[data-tidyread-hidden], [data-tidyread-pending]")).length,
        };
      };
      try {
        const t0 = Date.now();
        await page.goto(suite.server.addPage("www.daily8.com", `/en/article/deep-${depth}-${rendered}`, semanticWith({ script })));
        await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4 && !!document.documentElement.dataset["depth"], { timeout: 30_000 });
        const ms = Date.now() - t0;
        const measured = await page.evaluate(() => Number(document.documentElement.dataset["depth"]));
        const errors = await page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? []);
        const hidden = await page.evaluate(() => [...document.querySelectorAll("[data-tidyread-hidden]")].map((el) => el.getAttribute("data-tidyread-hidden")).sort());
        const on = await page.evaluate(article);
        // Tidyread off: what the browser itself does not paint is not Tidyread's doing.
        await suite.browser.sendToActiveTab({ type: "page:set-enabled", enabled: false });
        await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length === 0);
        const off = await page.evaluate(article);
        console.info(`${name} ${depth}-deep (rendered: ${rendered}): article at depth ${measured}, clean ${ms} ms after navigation; article elements not painted: ${on.unpainted.length} with Tidyread, ${off.unpainted.length} without`);
        expect(measured).toBeGreaterThan(depth);
        expect(errors).toEqual([]);
        expect(hidden).toEqual(["ai-promo", "app-banner", "comments", "related"]);
        expect(on.marked).toBe(0);
        expect(on.unpainted).toEqual(off.unpainted);
        if (rendered && name === "chromium") expect(on.unpainted).toEqual([]);
        expect(ms).toBeLessThan(20_000);
      } finally {
        await page.close();
      }
    });
  });

  it("a 5 MB text node in the article: the page loads, the blocks hidden, the article visible, in bounded time", async () => {
    const sentence = "The ministry said the talks would continue next week, and both delegations agreed to meet again. ";
    const big = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length));
    const html = SEMANTIC.replace("</article>", `<p data-expect="article" id="huge">${big}</p></article>`);
    const page = await open(suite.server.addPage("www.daily8.com", "/en/article/five-mb", html));
    try {
      const cleanAt = await page.waitForFunction(() => (document.querySelectorAll("[data-tidyread-hidden]").length >= 4 && document.getElementById("huge") ? Math.round(performance.now()) : 0), { timeout: 30_000 });
      const length = await page.evaluate(() => document.getElementById("huge")?.firstChild?.nodeValue?.length ?? 0);
      const state = await page.evaluate(cleanState);
      const seen = await checkVisibility(page);
      console.info(`${name} 5 MB text node (${length} characters in one node): clean at ${cleanAt} ms`);
      expect(length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
      expect(state).toMatchObject({ hidden: BLOCKS, clutterShown: 0, articleHidden: 0 });
      expect(formatSnippets(seen.hiddenArticle)).toBe("");
      expect(cleanAt).toBeLessThan(20_000);
    } finally {
      await page.close();
    }
  });

  it("1,000 History API navigations in a row: one panel, the last story clean, and a DOM change costs what it did before (no observer left behind)", async () => {
    const html = SEMANTIC.replace("</footer>", '</footer><p id="ticker">0</p>');
    const page = await open(suite.server.addPage("www.daily8.com", "/en/article/router", html));
    try {
      await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4);
      await waitForTidy(page);
      const run = (): Promise<{ before: number; after: number; navigated: number; ms: number }> =>
        page.evaluate(async () => {
          const macrotask = (): Promise<void> =>
            new Promise((resolve) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve();
              channel.port2.postMessage(0);
            });
          const ticker = document.getElementById("ticker") as HTMLElement;
          // 300 small changes, each its own task: what every observer on the page is called for.
          const tick = async (): Promise<number> => {
            const t0 = performance.now();
            for (let i = 0; i < 300; i += 1) {
              ticker.textContent = String(i);
              await macrotask();
            }
            return performance.now() - t0;
          };
          const main = document.querySelector("main") as HTMLElement;
          // The page's router renders each story from its own copy, without Tidyread's attributes.
          const story = main.cloneNode(true) as HTMLElement;
          for (const el of story.querySelectorAll("*")) for (const a of [...el.attributes]) if (a.name.startsWith("data-tidyread-")) el.removeAttribute(a.name);
          const before = await tick();
          const t0 = performance.now();
          for (let i = 1; i <= 1000; i += 1) {
            if (i % 10 === 0) {
              history.replaceState(null, "", `/en/article/back-${i}`);
              window.dispatchEvent(new PopStateEvent("popstate"));
            } else {
              history.pushState(null, "", `/en/article/nav-${i}`);
              main.replaceChildren(...(story.cloneNode(true) as HTMLElement).childNodes);
            }
            await macrotask();
          }
          const ms = performance.now() - t0;
          await new Promise((resolve) => setTimeout(resolve, 500));
          return { before, after: await tick(), navigated: 1000, ms };
        });
      const result = await run();
      await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4);
      const state = await page.evaluate(cleanState);
      // One element of Tidyread's, with at most one panel frame and one handle in it.
      const hosts = await page.evaluate(tidyreadHosts);
      const ui = await readUi(page);
      const panels = ui?.frames.filter((f) => f.kind === "panel").length ?? 0;
      console.info(`${name} 1,000 navigations: ${Math.round(result.ms)} ms; 300 DOM changes ${Math.round(result.before)} ms before, ${Math.round(result.after)} ms after`);
      expect(hosts).toBe(1);
      expect(ui?.handle).not.toBeNull();
      expect(panels).toBeLessThanOrEqual(1);
      expect(state).toMatchObject({ hidden: BLOCKS, clutterShown: 0, articleHidden: 0 });
      // A session (its observers, its timers) left behind per navigation would make each change
      // cost a thousand times over.
      expect(result.after).toBeLessThan(result.before * 3 + 300);
    } finally {
      await page.close();
    }
  });

  it("settings storage holding garbage or an old shape: the page is tidied with the defaults, the options page shows them", async () => {
    const options = await suite.browser.newPage();
    const store = (items: Record<string, unknown> | null): Promise<void> =>
      options.evaluate(async (value: Record<string, unknown> | null) => {
        interface SyncArea {
          clear(): Promise<void>;
          set(items: Record<string, unknown>): Promise<void>;
        }
        const g = globalThis as unknown as { browser?: { storage: { sync: SyncArea } }; chrome: { storage: { sync: SyncArea } } };
        const sync = (g.browser ?? g.chrome).storage.sync;
        await sync.clear();
        if (value) await sync.set(value);
      }, items);
    try {
      void options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
      await options.waitForFunction(() => (document.getElementById("panel-side") as HTMLSelectElement | null)?.value !== "");
      // Wrong types everywhere; sitesOff a string holding the host (a careless includes() would match it);
      // rules that are not rules; an old build's key; a key this build does not know.
      await store({
        hide: "yes",
        sitesOff: "www.daily8.com",
        theme: 42,
        panelStart: { open: true },
        panelSide: "upside-down",
        reader: { size: "huge", width: null, theme: ["dark"] },
        rules: { "www.daily8.com": [{ category: "comments", selector: 5 }, "main > article", null] },
        disabledSites: { host: "www.daily8.com" },
        unknownKey: "x".repeat(1000),
      });
      const page = await open(suite.server.urlFor("daily8-article-semantic"));
      try {
        await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4);
        await waitForTidy(page);
        // Settings arrive after the first pass: wait past them, then look again.
        await sleep(500);
        expect(await page.evaluate(cleanState)).toMatchObject({ hidden: BLOCKS, clutterShown: 0, articleHidden: 0 });
        expect((await readHandle(page))?.side).toBe("right");
      } finally {
        await page.close();
      }
      await options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
      await options.waitForFunction(() => (document.getElementById("panel-side") as HTMLSelectElement | null)?.value !== "");
      const shown = await options.evaluate(() => ({
        side: (document.getElementById("panel-side") as HTMLSelectElement).value,
        theme: (document.getElementById("theme") as HTMLSelectElement).value,
        sitesOff: document.getElementById("sites-off")?.textContent?.includes("www.daily8.com") ?? false,
      }));
      expect(shown).toEqual({ side: "auto", theme: "system", sitesOff: false });
    } finally {
      await store(null).catch(() => undefined);
      await options.close();
    }
  });

  it("a page that removes Tidyread's element: it comes back at once, the handle drawn and clickable; a page that always removes it gets it back a bounded number of times, and for good once it stops", async () => {
    // The page cannot know the element is Tidyread's (a plain div, its UI in a closed shadow
    // root): it removes whatever it did not put under <html> itself.
    const script = `window.__removal = { on: false, count: 0 };
      window.__foreign = () => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);
      new MutationObserver(() => {
        if (!window.__removal.on) return;
        for (const el of window.__foreign()) { window.__removal.count += 1; el.remove(); }
      }).observe(document.documentElement, { childList: true });`;
    const foreign = (): number => (window as unknown as { __foreign(): Element[] }).__foreign().length;
    const page = await open(suite.server.addPage("www.daily8.com", "/en/article/panel-remover", semanticWith({ script })));
    try {
      await waitForTidy(page);
      await page.waitForFunction(foreign);
      const point = await handlePoint(page);
      // Once, by hand: back before the next frame, the handle drawn where it was.
      const back = await page.evaluate(async (x: number, y: number) => {
        for (const el of (window as unknown as { __foreign(): Element[] }).__foreign()) el.remove();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const hit = document.elementFromPoint(x, y);
        return !!hit && hit.parentElement === document.documentElement && hit !== document.body;
      }, point.x, point.y);
      expect(back).toBe(true);
      // A real click on it still opens the panel.
      await openPanel(page);

      // Always, for 6 s.
      await page.evaluate(resetBeat);
      await page.evaluate(() => {
        const w = window as unknown as { __removal: { on: boolean }; __foreign(): Element[] };
        w.__removal.on = true;
        for (const el of w.__foreign()) el.remove();
      });
      await sleep(6_000);
      const removals = await page.evaluate(() => (window as unknown as { __removal: { count: number } }).__removal.count);
      const beat = await page.evaluate(readBeat);
      const stoppedAt = Date.now();
      await page.evaluate(() => {
        (window as unknown as { __removal: { on: boolean } }).__removal.on = false;
      });
      await page.waitForFunction(foreign, { timeout: 10_000 });
      const backAfter = Date.now() - stoppedAt;
      console.info(`${name} panel remover: ${removals} removals in 6 s, longest stall ${beat.maxGap} ms; back ${backAfter} ms after the page stopped`);
      // 10 returns at once, then one per 500 ms: about 22 in 6 s (30 allowed for timing); a loop would be thousands.
      expect(removals).toBeGreaterThan(10);
      expect(removals).toBeLessThanOrEqual(30);
      expect(beat.maxGap).toBeLessThan(1_000);
      // The next return is due within 500 ms of the page stopping (the rest is the test's polling).
      expect(backAfter).toBeLessThan(2_000);
      // It came back as it was: open, with its stories (the frame loads again when its element returns).
      expect(await isPanelOpen(page)).toBe(true);
      expect(await page.evaluate(tidyreadHosts)).toBe(1);
      const frame = await panelWithView(page);
      expect(await panelVisible(page)).toBe(true);
      expect(await frame.evaluate(() => document.querySelectorAll('[data-part="teasers"] > li').length)).toBe(3);
      const handle = await handlePoint(page);
      expect(await page.evaluate(isTidyreadAt, handle.x, handle.y)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("a page that restyles every element with !important: the panel keeps its place, size and colours, and the page still reads clean", async () => {
    const head = `<style>
      * { all: unset !important; color: red !important; display: block !important; font-size: 40px !important; width: 10px !important; position: static !important; }
      html > div, html > :not(head, body) { display: none !important; visibility: hidden !important; opacity: 0 !important; }
      script, style, head, title { display: none !important; }
      /* Rules as specific as one or two ids, or three classes, on the very blocks Tidyread hides. */
      section:is(#a, .s1), section:is(#a #b, .s2), section:is(#a, .s4) *, section.s6.s6.s6 { display: block !important; }
    </style>`;
    const page = await open(suite.server.addPage("www.daily8.com", "/en/article/restyled", semanticWith({ head })));
    try {
      // Opened by a real click where the handle is drawn: the page's rules neither hid nor moved it.
      const panel = await openPanel(page);
      // After the panel is shown (the frame's box keeps still).
      await panel.box("html");
      const ui = await readUi(page);
      const frame = ui?.frames.find((f) => f.kind === "panel");
      const linkColor = await panel.evaluate(() => getComputedStyle(document.querySelector('[data-part="teasers"] a') ?? document.body).color);
      const viewport = await page.evaluate(() => ({
        // The viewport without its scrollbar (Firefox shows one: the page is 10px wide and long).
        innerWidth: document.documentElement.clientWidth,
        innerHeight: document.documentElement.clientHeight,
      }));
      const look = ui?.handle && frame
        ? {
            position: frame.position,
            handleShown: ui.handle.shown,
            handleColor: ui.handle.color,
            linkColor,
            fontSize: ui.handle.fontSize,
            width: Math.round(frame.box.width),
            height: Math.round(frame.box.height),
            right: Math.round(frame.box.x + frame.box.width),
            ...viewport,
          }
        : null;
      const state = await page.evaluate(cleanState);
      console.info(`${name} restyled page: panel ${JSON.stringify(look)}`);
      expect(look).not.toBeNull();
      expect(look).toMatchObject({ position: "fixed", handleShown: true, fontSize: "15px", width: 380 });
      expect(look?.handleColor).not.toBe("rgb(255, 0, 0)");
      expect(look?.linkColor).not.toBe("rgb(255, 0, 0)");
      expect(look?.height).toBe(look?.innerHeight);
      expect(look?.right).toBe(look?.innerWidth);
      // hide.css's rules outweigh the page's `*` and its id-strength rules on the blocks: they stay hidden.
      expect(state).toMatchObject({ hidden: BLOCKS, clutterShown: 0, articleHidden: 0 });
    } finally {
      await page.close();
    }
  });
});
