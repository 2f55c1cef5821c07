// Hostile and extreme pages in real Chromium and Firefox: links and markup meant to escape into the
// panel, 10,000 teasers, a page that fights the marks or removes the panel, page-wide !important
// styles, 5,000-deep nesting and a 5 MB text node. Each test logs what it measured.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIGHT_BUDGET, FIGHT_REFILL_MS } from "../../src/content/session";
import { PAGE_SIZE } from "../../src/panel/panel";
import { BROWSERS, type TestPage } from "./harness/browsers";
import { FIXTURES_DIR } from "./harness/server";
import { checkVisibility, formatSnippets } from "./harness/visibility";
import { openPanel, panelOpen } from "./harness/panel";
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
      await openPanel(page);
      // Every summary opened, so anything that could run from one has had its chance.
      await page.evaluate(() => {
        for (const d of document.querySelector("[data-tidyread-panel]")?.shadowRoot?.querySelectorAll("details") ?? []) d.open = true;
      });
      await sleep(300);
      const seen = await page.evaluate(() => {
        const root = document.querySelector("[data-tidyread-panel]")?.shadowRoot;
        const items = [...(root?.querySelectorAll('[data-part="teasers"] > li') ?? [])];
        return {
          items: items.length,
          links: [...(root?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href")),
          // Elements only markup in the page's strings could have made.
          made: root?.querySelectorAll("li img, li script, li svg, li iframe, li style, li b, li i, li a a, li a[href^='javascript']").length ?? -1,
          styles: root?.querySelectorAll("style").length ?? -1,
          titles: items.map((li) => li.querySelector("a, .title")?.textContent ?? ""),
          sources: items.map((li) => li.querySelector('[data-part="source"]')?.textContent ?? ""),
          summaries: items.map((li) => li.querySelector("details p")?.textContent ?? ""),
          pwned: (window as unknown as { __tidyreadPwned?: unknown }).__tidyreadPwned ?? null,
        };
      });
      console.info(`${name} hostile links: ${seen.items} stories, ${seen.links.length} links: ${seen.links.join(" ")}`);
      expect(seen.items).toBe(14);
      // Only the four web links are links; each one http(s) and resolved.
      expect(seen.links).toHaveLength(4);
      for (const href of seen.links) expect(new URL(href ?? "about:blank").protocol).toMatch(/^https?:$/);
      expect(seen.made).toBe(0);
      expect(seen.styles).toBe(1);
      expect(seen.pwned).toBeNull();
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

  it("10,000 teasers: the page is cleaned in bounded time, the panel renders one page of them, opens and filters all of them at once", async () => {
    const n = 10_000;
    const url = suite.server.addPage("www.daily8.com", "/en/article/ten-thousand", withTeasers(n));
    const page = await open(url);
    try {
      // Time from navigation start until the panel lists all of them (polled, so up to ~50 ms late).
      const cleanAt = await page.waitForFunction(
        (count: number) => {
          const root = document.querySelector("[data-tidyread-panel]")?.shadowRoot;
          const label = root?.querySelector('[data-part="handle"]')?.textContent ?? "";
          return label.includes(`(${count})`) && document.documentElement.hasAttribute("data-tidyread-kind") ? Math.round(performance.now()) : 0;
        },
        { timeout: 90_000 },
        n,
      );
      const loadAt = await page.evaluate(() => Math.round((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd));
      const state = await page.evaluate(cleanState);
      expect(state).toMatchObject({ clutterShown: 0, articleHidden: 0 });

      await page.evaluate(resetBeat);
      const timing = await page.evaluate(async (word: string) => {
        const root = document.querySelector("[data-tidyread-panel]")?.shadowRoot;
        if (!root) return null;
        const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const count = (): number => root.querySelectorAll('[data-part="teasers"] > li').length;
        const handleButton = root.querySelector<HTMLButtonElement>('[data-part="handle"]');
        if (handleButton?.getAttribute("aria-expanded") === "true") handleButton.click();
        await frame();
        const t0 = performance.now();
        handleButton?.click();
        await frame();
        const openMs = performance.now() - t0;
        const rendered = count();
        const filter = root.querySelector<HTMLInputElement>('[data-part="filter"]');
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
        const found = [...root.querySelectorAll('[data-part="teasers"] > li > a')].map((a) => a.textContent ?? "");
        filter.value = "";
        filter.dispatchEvent(new Event("input", { bubbles: true }));
        const more = root.querySelector<HTMLButtonElement>('[data-part="show-more"]');
        const t1 = performance.now();
        more?.click();
        await frame();
        return { openMs: Math.round(openMs), rendered, keystrokes, found, afterMore: count(), moreMs: Math.round(performance.now() - t1), moreText: more?.textContent ?? "" };
      }, "Story 9999:");
      const beat = await page.evaluate(readBeat);
      console.info(
        `${name} 10,000 teasers: clean at ${cleanAt} ms (load event ${loadAt} ms); open ${timing?.openMs} ms with ${timing?.rendered} items; ` +
          `keystrokes ${timing?.keystrokes.join("/")} ms; Show more ${timing?.moreMs} ms; longest main-thread stall meanwhile ${beat.maxGap} ms; long tasks ${beat.longTasks.join(",") || "none reported"}`,
      );
      // Bounds many times what this 2-core machine measured (open ~30 ms, a keystroke ~10-60 ms, a
      // stall under 100 ms), so that a busy neighbour does not fail them. Rendering all 10,000 items
      // fails them: measured here, open 1.3-1.8 s, keystrokes up to 2.6 s, a 3.9 s stall.
      expect(cleanAt).toBeLessThan(60_000);
      expect(timing?.rendered).toBe(PAGE_SIZE);
      expect(timing?.openMs).toBeLessThan(1_000);
      expect(Math.max(...(timing?.keystrokes ?? [Infinity]))).toBeLessThan(1_000);
      // The filter found a story far beyond the rendered page.
      expect(timing?.found).toEqual(["Story 9999: a cheaper phone"]);
      expect(timing?.afterMore).toBe(2 * PAGE_SIZE);
      expect(timing?.moreText).toBe(`Show more (${n - 2 * PAGE_SIZE} left)`);
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
      await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4 && !!document.querySelector("[data-tidyread-panel]"));
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
      const panels = await page.evaluate(() => document.querySelectorAll("[data-tidyread-panel]").length);
      console.info(`${name} 1,000 navigations: ${Math.round(result.ms)} ms; 300 DOM changes ${Math.round(result.before)} ms before, ${Math.round(result.after)} ms after`);
      expect(panels).toBe(1);
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
        await page.waitForFunction(() => document.querySelectorAll("[data-tidyread-hidden]").length >= 4 && !!document.querySelector("[data-tidyread-panel]"));
        // Settings arrive after the first pass: wait past them, then look again.
        await sleep(500);
        expect(await page.evaluate(cleanState)).toMatchObject({ hidden: BLOCKS, clutterShown: 0, articleHidden: 0 });
        expect(await page.evaluate(() => document.querySelector("[data-tidyread-panel]")?.shadowRoot?.querySelector("aside")?.getAttribute("data-side"))).toBe("right");
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

  it("a page that removes the panel: it comes back at once; a page that always removes it gets it back a bounded number of times, and for good once it stops", async () => {
    const script = `window.__removal = { on: false, count: 0 };
      new MutationObserver(() => {
        const host = document.querySelector("[data-tidyread-panel]");
        if (window.__removal.on && host) { window.__removal.count += 1; host.remove(); }
      }).observe(document.documentElement, { childList: true });`;
    const page = await open(suite.server.addPage("www.daily8.com", "/en/article/panel-remover", semanticWith({ script })));
    try {
      await page.waitForFunction(() => !!document.querySelector("[data-tidyread-panel]"));
      // Once, by hand: back before the next frame.
      const back = await page.evaluate(async () => {
        document.querySelector("[data-tidyread-panel]")?.remove();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return !!document.querySelector("[data-tidyread-panel]")?.shadowRoot?.querySelector("aside");
      });
      expect(back).toBe(true);
      await openPanel(page);

      // Always, for 6 s.
      await page.evaluate(resetBeat);
      await page.evaluate(() => {
        const r = (window as unknown as { __removal: { on: boolean } }).__removal;
        r.on = true;
        document.querySelector("[data-tidyread-panel]")?.remove();
      });
      await sleep(6_000);
      const removals = await page.evaluate(() => (window as unknown as { __removal: { count: number } }).__removal.count);
      const beat = await page.evaluate(readBeat);
      const stoppedAt = Date.now();
      await page.evaluate(() => {
        (window as unknown as { __removal: { on: boolean } }).__removal.on = false;
      });
      await page.waitForFunction(() => !!document.querySelector("[data-tidyread-panel]"), { timeout: 10_000 });
      const backAfter = Date.now() - stoppedAt;
      console.info(`${name} panel remover: ${removals} removals in 6 s, longest stall ${beat.maxGap} ms; back ${backAfter} ms after the page stopped`);
      // 10 returns at once, then one per 500 ms: about 22 in 6 s (30 allowed for timing); a loop would be thousands.
      expect(removals).toBeGreaterThan(10);
      expect(removals).toBeLessThanOrEqual(30);
      expect(beat.maxGap).toBeLessThan(1_000);
      // The next return is due within 500 ms of the page stopping (the rest is the test's polling).
      expect(backAfter).toBeLessThan(2_000);
      // It came back as it was: open, with its stories.
      expect(await page.evaluate(panelOpen)).toBe(true);
      expect(await page.evaluate(() => document.querySelector("[data-tidyread-panel]")?.shadowRoot?.querySelectorAll('[data-part="teasers"] > li').length)).toBe(3);
    } finally {
      await page.close();
    }
  });

  it("a page that restyles every element with !important: the panel keeps its place, size and colours, and the page still reads clean", async () => {
    const head = `<style>
      * { all: unset !important; color: red !important; display: block !important; font-size: 40px !important; width: 10px !important; position: static !important; }
      html > div, [data-tidyread-panel] { display: none !important; visibility: hidden !important; opacity: 0 !important; }
      script, style, head, title { display: none !important; }
      /* Rules as specific as one or two ids, or three classes, on the very blocks Tidyread hides. */
      section:is(#a, .s1), section:is(#a #b, .s2), section:is(#a, .s4) *, section.s6.s6.s6 { display: block !important; }
    </style>`;
    const page = await open(suite.server.addPage("www.daily8.com", "/en/article/restyled", semanticWith({ head })));
    try {
      await openPanel(page);
      const look = await page.evaluate(async () => {
        const root = document.querySelector("[data-tidyread-panel]")?.shadowRoot;
        // After the panel's slide-in.
        await Promise.all((root?.querySelector(".body")?.getAnimations() ?? []).map((an) => an.finished));
        const aside = root?.querySelector("aside");
        const button = root?.querySelector('[data-part="handle"]');
        const body = root?.querySelector(".body");
        const a = root?.querySelector('[data-part="teasers"] a');
        if (!aside || !button || !body || !a) return null;
        const r = body.getBoundingClientRect();
        return {
          position: getComputedStyle(aside).position,
          handleShown: button.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          handleColor: getComputedStyle(button).color,
          linkColor: getComputedStyle(a).color,
          fontSize: getComputedStyle(button).fontSize,
          width: Math.round(r.width),
          height: Math.round(r.height),
          right: Math.round(r.right),
          // The viewport without its scrollbar (Firefox shows one: the page is 10px wide and long).
          innerWidth: document.documentElement.clientWidth,
          innerHeight: document.documentElement.clientHeight,
        };
      });
      const state = await page.evaluate(cleanState);
      console.info(`${name} restyled page: panel ${JSON.stringify(look)}`);
      expect(look).not.toBeNull();
      expect(look).toMatchObject({ position: "fixed", handleShown: true, fontSize: "15px", width: 360 });
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
