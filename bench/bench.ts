// `npm run bench`: Tidyread against Readability.parse() and a bare TreeWalker pass in headless
// Chromium, plus the busy-page, size, first-paint, panel-opening and memory measurements. bench/run.mjs builds
// the in-page bundle and calls main(); see README.md, "Performance".
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type CDPSession, type Frame, type Page } from "playwright-core";
import { CHROMIUM_HOST_RULES, DIST, EXECUTABLES, launch, type TestBrowser, type TestPage } from "../test/browser/harness/browsers";
import { PROBE_SCRIPT, readProbe } from "../test/browser/harness/probe";
import { REPO_ROOT, startFixtureServer, type FixtureServer } from "../test/browser/harness/server";
import { loadFixture } from "../test/fixture-data";
import type { Contender, Timing } from "./entry";
import { generatePage, tickerPage } from "./pages";
import { AGGREGATOR_CORPUS, corpusSlugs, loadPage } from "../test/real-pages/corpus";
import { headersFor } from "../test/real-pages/browser-run";

export interface BenchOptions {
  /** Timed runs per contender and page (at least 15 for the report). */
  runs: number;
  /** Loads of the Daily8 fixtures under the no-flash probe. */
  paintLoads: number;
  /** Busy-page measurements per condition (with and without the extension), 10 s each. */
  busyRuns: number;
  busySeconds: number;
  /** Loads of the Daily8 fixture and of the 100x page per condition for the heap reading. */
  memoryLoads: number;
  /** Fresh loads of the Daily8 fixture on which the panel is opened, closed and opened again. */
  openLoads: number;
  /** The built extension (default dist/chrome). */
  dist: string;
  out: string;
  bundle: string;
}

/**
 * Real aggregator pages of ../shared/real-pages/aggregators/ timed beside the generated ones,
 * chosen to span its sizes (28 KB to 1.6 MB) and scripts (Latin, Han, Hangul).
 */
const REAL_PAGES = [
  "msn-2016-medicaldaily",
  "hosted-ap-2019-citizensvoice",
  "naver-2023-adoption-newstapa",
  "sina-2019-park-cankao",
  "netease-2019-zhouqi-xjb",
  "msn-2016-techinsider",
  "yahoo-news-2016-ap-soyuz",
];

/**
 * The real pages, served byte for byte from the bench's own origin (cross-origin isolated, for
 * the timer's resolution) with their charset and without their scripts (offline, some redirect
 * or rewrite the page); Tidyread reads each as at its real address.
 */
function realPages(server: PageServer): BenchPage[] {
  const present = new Set(corpusSlugs());
  return REAL_PAGES.filter((slug) => present.has(slug)).map((slug) => {
    const page = loadPage(slug);
    const bytes = readFileSync(path.join(AGGREGATOR_CORPUS, slug, "source.html"));
    const headers = { ...headersFor(page, bytes), "content-security-policy": "script-src 'none'" };
    return {
      name: `real: ${slug}`,
      url: server.add(`http://www.daily8.com/real/${slug}`, bytes, headers),
      bytes: bytes.length,
      teasers: page.expect.teasers.length,
      address: page.expect.serve_as,
    };
  });
}

const CONTENDERS: readonly Contender[] = ["tidyread", "readability", "walk"];
const LABELS: Record<Contender, string> = { tidyread: "Tidyread", readability: "Readability.parse", walk: "bare walk" };

// ------------------------------------------------------------------------------------------------
// Small helpers

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? NaN;
};
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const sleep = (t: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, t));
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function playwrightPage(page: TestPage): Page {
  if (page.native.kind !== "playwright") throw new Error("the benchmark drives Chromium through playwright-core");
  return page.native.page;
}

async function cdpFor(page: TestPage): Promise<CDPSession> {
  const pw = playwrightPage(page);
  return pw.context().newCDPSession(pw);
}

/** Two animation frames: the page has been styled, laid out and painted once. */
const settle = (page: TestPage): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

// ------------------------------------------------------------------------------------------------
// The panel: an extension page in a frame inside Tidyread's closed-shadow host. The page cannot
// see into the host, so the bench finds the frame through playwright (it is an out-of-process
// frame in Chromium) and clicks the handle where the reader would.

const PANEL_PATH = "/src/panel/panel.html";
const STORIES = '[data-part="teasers"] > li';
/** The open panel's width (`min(380px, 100vw)` in ui-host.css); the handle sits at its edge. */
const PANEL_WIDTH = 380;

function panelFrame(page: Page): Frame | null {
  return (
    page.frames().find((f) => {
      try {
        return new URL(f.url()).pathname.startsWith(PANEL_PATH);
      } catch {
        return false;
      }
    }) ?? null
  );
}

/**
 * Waits until Tidyread has cleaned the page (the kind attribute on <html>) and made the panel
 * frame (at idle); with `stories`, until the frame also lists the page's stories (it fills its
 * list while still hidden). Without the extension (or on a page Tidyread leaves alone) it returns
 * null at once.
 */
async function panelReady(page: Page, opts: { stories: boolean; timeout: number }): Promise<Frame | null> {
  const deadline = Date.now() + opts.timeout;
  if (!(await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-kind")))) return null;
  for (;;) {
    const frame = panelFrame(page);
    if (frame) {
      if (!opts.stories) return frame;
      await frame.waitForFunction((s) => document.querySelector(s) !== null, STORIES, { timeout: Math.max(1, deadline - Date.now()), polling: 20 });
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`no panel frame after ${opts.timeout} ms on ${page.url()}`);
    await sleep(20);
  }
}

const panelIsOpen = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-open"));

/** A trusted click on the handle: at the page's right edge when closed, at the open panel's edge when open (LTR pages). */
async function clickHandle(page: Page, open: boolean): Promise<void> {
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: innerHeight }));
  const x = open ? width - Math.min(PANEL_WIDTH, width) - 8 : width - 8;
  await page.mouse.click(x, height / 2);
}

/**
 * Arms both clocks for one opening: in the page, the time of the next trusted click (its input
 * event's timestamp); in the panel frame, the time of the first layout in which its first story
 * intersects the window (IntersectionObserver's entry time; a hidden frame's story never does).
 * A list rebuilt meanwhile is followed. Both are performance.timeOrigin-based times, so they can
 * be compared across the page's and the frame's processes.
 */
async function armOpenClocks(page: Page, frame: Frame): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchClick?: number | null };
    w.__benchClick = null;
    addEventListener(
      "click",
      (e) => {
        if (e.isTrusted && w.__benchClick === null) w.__benchClick = performance.timeOrigin + e.timeStamp;
      },
      { capture: true, once: true },
    );
  });
  await frame.evaluate((selector) => {
    const w = window as unknown as { __benchShown?: number | null; __benchStop?: () => void };
    w.__benchStop?.();
    w.__benchShown = null;
    const seen = new IntersectionObserver((entries) => {
      const entry = entries.find((x) => x.isIntersecting);
      if (entry && w.__benchShown === null) w.__benchShown = performance.timeOrigin + entry.time;
    });
    let watched: Element | null = null;
    const follow = (): void => {
      const first = document.querySelector(selector);
      if (first === watched) return;
      if (watched) seen.unobserve(watched);
      watched = first;
      if (first) seen.observe(first);
    };
    const rebuilt = new MutationObserver(follow);
    rebuilt.observe(document.body, { childList: true, subtree: true });
    follow();
    w.__benchStop = () => {
      seen.disconnect();
      rebuilt.disconnect();
    };
  }, STORIES);
}

/** One opening of the closed panel by a click on its handle: ms from the click to its first story laid out in view. */
async function openPanelTimed(page: Page, frame: Frame): Promise<number> {
  await armOpenClocks(page, frame);
  // A closed panel's story is never in view: a time already taken would be a stale one.
  await sleep(100);
  if (await frame.evaluate(() => (window as unknown as { __benchShown?: number | null }).__benchShown !== null)) {
    throw new Error("the closed panel's first story counts as in view");
  }
  await clickHandle(page, false);
  const shown = await frame.waitForFunction(() => (window as unknown as { __benchShown?: number | null }).__benchShown ?? false, undefined, {
    timeout: 30_000,
    polling: 20,
  });
  const shownAt = (await shown.jsonValue()) as number;
  const clickAt = await page.evaluate(() => (window as unknown as { __benchClick?: number | null }).__benchClick ?? null);
  if (clickAt === null) throw new Error("the click on the handle was not seen");
  return shownAt - clickAt;
}

/** Closes the panel with its handle (so that the site's remembered state stays "closed"). */
async function closePanel(page: Page): Promise<void> {
  await clickHandle(page, true);
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-open"), undefined, { timeout: 10_000, polling: 20 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The panel frame's JS heap after garbage collection (its own renderer, an out-of-process frame). */
async function frameHeap(page: Page, frame: Frame): Promise<number> {
  const cdp = await page.context().newCDPSession(frame);
  try {
    for (let i = 0; i < 3; i += 1) await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  } finally {
    await cdp.detach();
  }
}

const storiesIn = (frame: Frame): Promise<number> => frame.evaluate((s) => document.querySelectorAll(s).length, STORIES);

// ------------------------------------------------------------------------------------------------
// The page server: generated pages and fixtures at Daily8 addresses, cross-origin isolated so
// that performance.now() has 5 µs resolution (100 µs otherwise).

interface PageServer {
  port: number;
  /** Serves `body` at `url` (UTF-8 HTML unless `headers` say otherwise); returns the address to load. */
  add(url: string, body: string | Buffer, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

async function startPageServer(): Promise<PageServer> {
  const routes = new Map<string, { body: Buffer; headers: Record<string, string> }>();
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const route = routes.get(`${host}${new URL(req.url ?? "/", "http://x").pathname}`);
    if (route === undefined) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      ...route.headers,
      "content-length": route.body.length,
      "cache-control": "no-store",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    add(url, body, headers = {}) {
      const u = new URL(url);
      routes.set(`${u.hostname}${u.pathname}`, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), headers });
      u.port = String(port);
      return u.href;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ------------------------------------------------------------------------------------------------
// 1. In-page timing

interface BenchPage {
  name: string;
  url: string;
  bytes: number;
  /** Teasers the page holds (generated pages), for checking Tidyread's work. */
  teasers: number | null;
  /** A real page's own address, where Tidyread reads it from (it is served from the bench's origin). */
  address?: string;
}

interface PageResult {
  name: string;
  bytes: number;
  elements: number;
  teasersOnPage: number | null;
  times: Record<Contender, number[]>;
  /** Tidyread's work left for idle (the panel's list), and one markers pass alone: see bench/entry.ts. */
  later: number[];
  markers: number[];
  detail: Record<Contender, Record<string, number | string>>;
}

/**
 * One timed pass on a fresh load. The previous page is dropped and collected first (on a blank
 * page, where that is quick), so that no collection of it falls into the next timing.
 */
async function timeOne(page: Page, cdp: CDPSession, p: BenchPage, contender: Contender): Promise<Timing> {
  await page.goto("about:blank");
  await cdp.send("HeapProfiler.collectGarbage");
  await page.goto(p.url, { waitUntil: "load", timeout: 120_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const args = contender === "tidyread" && p.address ? JSON.stringify(p.address) : "";
  return page.evaluate<Timing>(`TidyreadBench.contenders.${contender}(${args})`);
}

/**
 * A Chromium of its own (no extension: the bundle is injected instead) in which the page server's
 * origin counts as secure, so its COOP/COEP headers make the pages cross-origin isolated.
 */
async function timing(server: PageServer, pages: BenchPage[], opts: BenchOptions): Promise<PageResult[]> {
  const browser = await chromium.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: [
      // Any other host fails at once: a real page's images and styles elsewhere would each wait seconds on the resolver before the load event.
      `--host-resolver-rules=${CHROMIUM_HOST_RULES}, MAP * ~NOTFOUND`,
      `--unsafely-treat-insecure-origin-as-secure=http://www.daily8.com:${server.port}`,
      "--no-sandbox",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    // Playwright may wrap an init script in a function: make the IIFE's global explicit.
    await page.addInitScript(`${readFileSync(opts.bundle, "utf8")}\n;globalThis.TidyreadBench = TidyreadBench;`);
    const results: PageResult[] = pages.map((p) => ({
      name: p.name,
      bytes: p.bytes,
      elements: 0,
      teasersOnPage: p.teasers,
      times: { tidyread: [], readability: [], walk: [] },
      later: [],
      markers: [],
      detail: { tidyread: {}, readability: {}, walk: {} },
    }));
    // Warm-up (not counted) on the small pages: the browser, the server, the first compile of the bundle.
    for (const p of pages.slice(0, 2)) {
      for (const c of CONTENDERS) await timeOne(page, cdp, p, c);
    }
    if (!(await page.evaluate(() => crossOriginIsolated))) {
      log("warning: the pages are not cross-origin isolated; performance.now() is coarse (100 µs)");
    }
    const started = Date.now();
    for (let run = 0; run < opts.runs; run += 1) {
      for (const [i, p] of pages.entries()) {
        const result = results[i];
        if (!result) continue;
        // Interleaved: each run rotates the order of the contenders, each on a fresh load.
        const order = CONTENDERS.map((_, k) => CONTENDERS[(k + run + i) % CONTENDERS.length] as Contender);
        for (const c of order) {
          const t = await timeOne(page, cdp, p, c);
          result.times[c].push(t.ms);
          if (t.later !== undefined) result.later.push(t.later);
          if (t.markers !== undefined) result.markers.push(t.markers);
          result.detail[c] = t.detail;
        }
      }
      log(`  run ${run + 1}/${opts.runs} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    for (const r of results) r.elements = Number(r.detail.walk["elements"] ?? 0);
    return results;
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------------------------------------
// 2. Busy page: the extension's script time while the page's ticker changes 100 times a second

interface BusyRun {
  wallSeconds: number;
  scriptSeconds: number;
  ticks: number;
  kind: string | null;
}

/**
 * One load of the busy page. The window opens once the page has loaded and (with the extension)
 * has been cleaned and its panel frame made (at idle), and closes when the ticker stops: Tidyread's cost on a
 * page that keeps changing, not its first pass.
 */
async function busyOnce(browser: TestBrowser, url: string): Promise<BusyRun> {
  const page = await browser.newPage();
  await page.bringToFront();
  const cdp = await cdpFor(page);
  await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
  await playwrightPage(page).goto(url, { waitUntil: "load", timeout: 120_000 });
  await panelReady(playwrightPage(page), { stories: false, timeout: 30_000 });
  const metric = (m: { metrics: { name: string; value: number }[] }, name: string): number =>
    m.metrics.find((x) => x.name === name)?.value ?? NaN;
  const ticks = "(window.__ticks ?? 0)";
  const ticksBefore = await page.evaluate<number>(ticks);
  const before = await cdp.send("Performance.getMetrics");
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-ticker-done"), { timeout: 60_000, polling: 250 });
  const after = await cdp.send("Performance.getMetrics");
  const ticksAfter = await page.evaluate<number>(ticks);
  const kind = await page.evaluate<string | null>(`document.documentElement.getAttribute("data-tidyread-kind")`);
  await cdp.send("Performance.disable");
  await cdp.detach();
  await page.close();
  return {
    wallSeconds: metric(after, "Timestamp") - metric(before, "Timestamp"),
    scriptSeconds: metric(after, "ScriptDuration") - metric(before, "ScriptDuration"),
    ticks: ticksAfter - ticksBefore,
    kind,
  };
}

const busyWindow = (runs: BusyRun[]): string => `${median(runs.map((r) => r.wallSeconds)).toFixed(1)} s`;
const ticksIn = (runs: BusyRun[]): string => String(median(runs.map((r) => r.ticks)));

interface BusyResult {
  seconds: number;
  withExtension: BusyRun[];
  withoutExtension: BusyRun[];
  /** Script time as a share of wall time, medians. */
  shareWith: number;
  shareWithout: number;
  /** The extension's share: with minus without. */
  extensionShare: number;
}

// ------------------------------------------------------------------------------------------------
// 3. Sizes of the built bundles

interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
}

function sizes(dist: string): SizeRow[] {
  const rows: SizeRow[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(js|css|html)$/.test(entry.name)) {
        const data = readFileSync(full);
        rows.push({ file: path.relative(dist, full), raw: data.length, gzip: gzipSync(data).length });
      }
    }
  };
  visit(dist);
  const first = "src/content/index.js";
  return rows.sort((a, b) => (a.file === first ? -1 : b.file === first ? 1 : a.file.localeCompare(b.file)));
}

// ------------------------------------------------------------------------------------------------
// 4. First paint: frames in which a hidden block was painted, under the browser tests' probe

interface PaintLoad {
  slug: string;
  frames: number;
  framesWithTargets: number;
  framesWithTargetsWhileLoading: number;
  paintedFrames: number;
}

async function firstPaint(browser: TestBrowser, fixtures: FixtureServer, loads: number): Promise<PaintLoad[]> {
  const slugs = [...fixtures.fixtures().values()]
    .filter((f) => /(^|\.)daily8\.com$/.test(f.url.hostname))
    .map((f) => f.slug)
    .filter((slug) => loadFixture(slug).expected.kind !== "none")
    .sort();
  const out: PaintLoad[] = [];
  for (let i = 0; i < loads; i += 1) {
    const slug = slugs[i % slugs.length];
    if (!slug) break;
    const late = loadFixture(slug).expected.late;
    const page = await browser.newPage();
    await page.bringToFront();
    await page.addInitScript(PROBE_SCRIPT);
    await page.goto(late ? fixtures.urlFor(slug) : fixtures.urlFor(slug, { trickle: 25 }));
    if (late) await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
    await settle(page);
    const probe = await readProbe(page, { stop: true });
    await page.close();
    out.push({
      slug,
      frames: probe.frames,
      framesWithTargets: probe.framesWithTargets,
      framesWithTargetsWhileLoading: probe.framesWithTargetsWhileLoading,
      paintedFrames: new Set(probe.violations.map((v) => v.frame)).size,
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// 5. Opening the panel: from the reader's click on the handle to the panel's first story in view

interface OpenLoad {
  /** The first opening on a fresh load (the frame made at idle, its list filled while hidden), ms. */
  first: number;
  /** Closed with the handle, then opened again, ms. */
  second: number;
  /** When the panel frame was made: its navigation start, ms after the page's. */
  frameMadeMs: number;
  /** The page's load event, ms after its navigation start. */
  loadMs: number;
  stories: number;
}

/**
 * One fresh load: waits until the page is cleaned and the panel frame lists its stories (made at
 * idle, hidden), then opens it with a trusted click on the handle, closes it with the handle and
 * opens it again; closes it at the end so that the site's remembered state stays "closed".
 */
async function openOnce(browser: TestBrowser, url: string): Promise<OpenLoad> {
  const page = await browser.newPage();
  await page.bringToFront();
  const pw = playwrightPage(page);
  await pw.goto(url, { waitUntil: "load", timeout: 120_000 });
  const frame = await panelReady(pw, { stories: true, timeout: 30_000 });
  if (!frame) throw new Error(`Tidyread did not clean ${url}`);
  if (await panelIsOpen(pw)) {
    log("warning: the panel started open (remembered for the site); closing it first");
    await closePanel(pw);
  }
  await settle(page);
  const first = await openPanelTimed(pw, frame);
  const stories = await storiesIn(frame);
  await closePanel(pw);
  await sleep(200);
  const second = await openPanelTimed(pw, frame);
  await closePanel(pw);
  const frameOrigin = await frame.evaluate(() => performance.timeOrigin);
  const { pageOrigin, loadMs } = await pw.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { pageOrigin: performance.timeOrigin, loadMs: nav ? nav.loadEventStart : NaN };
  });
  await page.close();
  return { first, second, frameMadeMs: frameOrigin - pageOrigin, loadMs, stories };
}

// ------------------------------------------------------------------------------------------------
// 6. Memory: the page's JS heap once cleaned, with and without the extension, and the panel frame's

interface MemoryRun {
  usedBytes: number;
  /** Navigation start to the load event, ms. */
  loadMs: number;
  kind: string | null;
  /** With the extension: the panel frame's JS heap once opened, its stories, and that opening, ms. */
  frameBytes: number | null;
  teasersInPanel: number;
  openMs: number | null;
}

async function memoryOnce(browser: TestBrowser, url: string): Promise<MemoryRun> {
  const page = await browser.newPage();
  await page.bringToFront();
  const pw = playwrightPage(page);
  const cdp = await cdpFor(page);
  await pw.goto(url, { waitUntil: "load", timeout: 600_000 });
  // With the extension: wait until the page is cleaned and the panel frame lists its stories (null without).
  const frame = await panelReady(pw, { stories: true, timeout: 60_000 });
  await sleep(300);
  await settle(page);
  for (let i = 0; i < 3; i += 1) await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const info = await page.evaluate<{ kind: string | null; loadMs: number }>(`(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return { kind: document.documentElement.getAttribute("data-tidyread-kind"), loadMs: nav ? nav.loadEventStart : NaN };
  })()`);
  await cdp.detach();
  let frameBytes: number | null = null;
  let teasersInPanel = 0;
  let openMs: number | null = null;
  if (frame) {
    openMs = await openPanelTimed(pw, frame);
    await sleep(300);
    teasersInPanel = await storiesIn(frame);
    frameBytes = await frameHeap(pw, frame);
    await closePanel(pw);
  }
  await page.close();
  return { usedBytes: heap.usedSize, loadMs: info.loadMs, kind: info.kind, frameBytes, teasersInPanel, openMs };
}

interface MemoryResult {
  page: string;
  withExtension: MemoryRun[];
  withoutExtension: MemoryRun[];
  usedWith: number;
  usedWithout: number;
  loadWith: number;
  loadWithout: number;
  /** The open panel frame's JS heap, median. */
  frameWith: number;
}

// ------------------------------------------------------------------------------------------------
// Report

interface Target {
  what: string;
  target: string;
  measured: string;
  pass: boolean;
}

interface Machine {
  cores: number;
  cpu: string;
  chromium: string;
  node: string;
  date: string;
}

function machine(): Machine {
  let cpu = "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu;
  }
  let chromium = "unknown";
  try {
    chromium = execFileSync(EXECUTABLES.chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // keep "unknown"
  }
  return { cores: os.cpus().length, cpu, chromium, node: process.version, date: new Date().toISOString() };
}

function timingTable(results: PageResult[], runs: number): string[] {
  const lines = [
    `| page | size | elements | teasers found | Tidyread ms | Readability.parse ms | bare walk ms | Tidyread / Readability | Tidyread / bare walk |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const r of results) {
    const t = median(r.times.tidyread);
    const rd = median(r.times.readability);
    const w = median(r.times.walk);
    const found = `${r.detail.tidyread["teasers"] ?? "?"}${r.teasersOnPage !== null ? ` of ${r.teasersOnPage}` : ""}`;
    lines.push(
      `| ${r.name} | ${kb(r.bytes)} | ${r.elements} | ${found} | ${ms(t)} | ${ms(rd)} | ${ms(w)} | ${ratio(t / rd)} | ${ratio(t / w)} |`,
    );
  }
  lines.push(
    "",
    `Medians of ${runs} runs each, every run on a fresh load of the page. Tidyread's column is the pass before the first paint`,
    "(detect, find the clues, classify, hide, the handle in Tidyread's closed-shadow host); reading the teaser cards and",
    "cutting them into the panel's data waits until the page is idle or the panel opens (the panel frame is not in this pass):",
    "",
    `| page | Tidyread at load ms | list at idle ms | both ms | both / Readability | both / bare walk | markers pass alone ms | markers alone / bare walk |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  );
  for (const r of results) {
    const t = median(r.times.tidyread);
    const later = median(r.later);
    const both = t + later;
    const m = median(r.markers);
    const w = median(r.times.walk);
    lines.push(`| ${r.name} | ${ms(t)} | ${ms(later)} | ${ms(both)} | ${ratio(both / median(r.times.readability))} | ${ratio(both / w)} | ${ms(m)} | ${ratio(m / w)} |`);
  }
  lines.push(
    "",
    "The markers pass alone: `findMarkers` over the page once more after the pass (warm), every text node against the",
    "vocabulary plus store links and text boxes; any pass that finds blocks by their words does at least this.",
  );
  return lines;
}

export async function main(opts: BenchOptions): Promise<void> {
  const t0 = Date.now();
  mkdirSync(opts.out, { recursive: true });
  const server = await startPageServer();
  const fixtures = await startFixtureServer();
  const semantic = loadFixture("daily8-article-semantic");
  const generated = [1, 10, 100].map((scale) => generatePage({ scale }));
  const pages: BenchPage[] = [
    {
      name: "daily8-article-semantic",
      url: server.add(semantic.expected.url.replace(/^https:/, "http:"), semantic.html),
      bytes: Buffer.byteLength(semantic.html),
      teasers: semantic.expected.teasers.length,
    },
    ...generated.map((g) => ({ name: g.name, url: server.add(g.url, g.html), bytes: Buffer.byteLength(g.html), teasers: g.teasers })),
    ...realPages(server),
  ];
  const busy = tickerPage(opts.busySeconds);
  const busyUrl = server.add(busy.url, busy.html);
  const big = generated[2];
  if (!big) throw new Error("no 100x page");
  const bigUrl = pages[3]?.url ?? "";
  const daily8Url = pages[0]?.url ?? "";

  const info = machine();
  log(`Tidyread benchmark: ${info.cores} cores, ${info.cpu}, ${info.chromium}`);

  // 1. In-page timing, in a browser without the extension (the bundle is injected instead).
  log(`1/6 in-page timing: ${pages.map((p) => `${p.name} (${kb(p.bytes)})`).join(", ")}; ${opts.runs} runs`);
  const results = await timing(server, pages, opts);

  // 2 to 5 use the real built extension; the same pages in a browser without it for comparison.
  log(`2/6 busy page: ${opts.busySeconds} s ticker, ${opts.busyRuns} run(s) with and without the extension`);
  const withExt = await launch("chromium", { server: fixtures, dist: opts.dist, unmappedHostsFail: true });
  const withoutExt = await launch("chromium", { server: fixtures, extension: false, unmappedHostsFail: true });
  let busyResult: BusyResult;
  let paint: PaintLoad[];
  let opening: OpenLoad[];
  let memory: MemoryResult[];
  try {
    const runsWith: BusyRun[] = [];
    const runsWithout: BusyRun[] = [];
    for (let i = 0; i < opts.busyRuns; i += 1) {
      runsWith.push(await busyOnce(withExt, busyUrl));
      runsWithout.push(await busyOnce(withoutExt, busyUrl));
    }
    const share = (r: BusyRun): number => r.scriptSeconds / r.wallSeconds;
    const shareWith = median(runsWith.map(share));
    const shareWithout = median(runsWithout.map(share));
    busyResult = {
      seconds: opts.busySeconds,
      withExtension: runsWith,
      withoutExtension: runsWithout,
      shareWith,
      shareWithout,
      extensionShare: shareWith - shareWithout,
    };
    if (runsWith.some((r) => r.kind !== "article")) log("warning: Tidyread did not run on the busy page");

    log(`3/6 first paint: ${opts.paintLoads} loads of the Daily8 fixtures under the no-flash probe`);
    paint = await firstPaint(withExt, fixtures, opts.paintLoads);

    log(`4/6 opening the panel: ${opts.openLoads} fresh load(s) of the Daily8 fixture, opened, closed and opened again`);
    opening = [];
    for (let i = 0; i < opts.openLoads; i += 1) opening.push(await openOnce(withExt, daily8Url));

    log(`5/6 memory: the Daily8 fixture and the 100x page, ${opts.memoryLoads} load(s) each with and without the extension`);
    memory = [];
    for (const [name, url] of [
      ["daily8-article-semantic", daily8Url],
      ["generated 100x", bigUrl],
    ] as const) {
      const memWith: MemoryRun[] = [];
      const memWithout: MemoryRun[] = [];
      for (let i = 0; i < opts.memoryLoads; i += 1) {
        memWith.push(await memoryOnce(withExt, url));
        memWithout.push(await memoryOnce(withoutExt, url));
      }
      if (memWith.some((r) => r.kind !== "article" || r.frameBytes === null)) log(`warning: Tidyread did not clean ${name} or made no panel`);
      memory.push({
        page: name,
        withExtension: memWith,
        withoutExtension: memWithout,
        usedWith: median(memWith.map((r) => r.usedBytes)),
        usedWithout: median(memWithout.map((r) => r.usedBytes)),
        loadWith: median(memWith.map((r) => r.loadMs)),
        loadWithout: median(memWithout.map((r) => r.loadMs)),
        frameWith: median(memWith.map((r) => r.frameBytes ?? NaN)),
      });
    }
  } finally {
    await withExt.close();
    await withoutExt.close();
    await fixtures.close();
    await server.close();
  }
  log("6/6 sizes");
  const sizeRows = sizes(opts.dist);
  const content = sizeRows.find((r) => r.file === "src/content/index.js");

  // Ratios and targets
  const med = (name: string, c: Contender): number => median(results.find((r) => r.name === name)?.times[c] ?? []);
  const scaling = (c: Contender, from: string, to: string): number => med(to, c) / med(from, c);
  const s10 = scaling("tidyread", "generated 1x", "generated 10x");
  const s100 = scaling("tidyread", "generated 10x", "generated 100x");
  const painted = paint.reduce((n, p) => n + p.paintedFrames, 0);
  const daily8 = results.find((r) => r.name === "daily8-article-semantic");
  const daily8Ratio = daily8 ? median(daily8.times.tidyread) / median(daily8.times.readability) : NaN;
  const firstOpen = median(opening.map((o) => o.first));
  const secondOpen = median(opening.map((o) => o.second));
  const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
  const frameMemory = memory.map((m) => `${mb(m.frameWith)} (${m.page})`).join(", ");
  const targets: Target[] = [
    ...results.map((r) => {
      const q = median(r.times.tidyread) / median(r.times.readability);
      const both = (median(r.times.tidyread) + median(r.later)) / median(r.times.readability);
      const what = `Tidyread at load / Readability, ${r.name}`;
      return { what: r === daily8 ? `**${what}**` : what, target: "≤ 0.5", measured: `${ratio(q)} (with the list at idle: ${ratio(both)})`, pass: q <= 0.5 };
    }),
    ...results.map((r) => {
      const q = median(r.times.tidyread) / median(r.times.walk);
      const both = (median(r.times.tidyread) + median(r.later)) / median(r.times.walk);
      return { what: `Tidyread at load / bare walk, ${r.name}`, target: "≤ 5", measured: `${ratio(q)} (with the list at idle: ${ratio(both)})`, pass: q <= 5 };
    }),
    { what: "Tidyread 10x / 1x", target: "≤ 11", measured: ratio(s10), pass: s10 <= 11 },
    { what: "Tidyread 100x / 10x", target: "≤ 11", measured: ratio(s100), pass: s100 <= 11 },
    {
      what: "busy page: the extension's script time / wall time",
      target: "≤ 1%",
      measured: `${(busyResult.extensionShare * 100).toFixed(2)}%`,
      pass: busyResult.extensionShare <= 0.01,
    },
    {
      what: "content script, gzipped",
      target: "≤ 16 KB",
      measured: content ? kb(content.gzip) : "missing",
      pass: !!content && content.gzip <= 16 * 1024,
    },
    { what: `first paint: frames with a hidden block painted (${paint.length} loads)`, target: "0", measured: String(painted), pass: painted === 0 },
  ];

  const distName = path.relative(REPO_ROOT, opts.dist) || opts.dist;
  const md: string[] = [];
  const q = (xs: readonly number[], at: number): string => ms(quantile(xs, at));
  md.push(
    "### Headline",
    "",
    "| | measured | target | |",
    "| --- | ---: | ---: | --- |",
    `| content script, gzipped | ${content ? kb(content.gzip) : "missing"} | ≤ 16 KB | ${content && content.gzip <= 16 * 1024 ? "pass" : "**miss**"} |`,
    `| Tidyread at load / Readability.parse, Daily8 fixture | ${ratio(daily8Ratio)} | ≤ 0.5 | ${daily8Ratio <= 0.5 ? "pass" : "**miss**"} |`,
    `| panel, first open / second open | ${ms(firstOpen)} ms / ${ms(secondOpen)} ms | | |`,
    `| panel frame's JS heap, open | ${frameMemory} | | |`,
    "",
    `- content script: \`${distName}/src/content/index.js\`, the script every matched page runs at document_start, gzipped by Node's zlib (level 6).`,
    `- Tidyread at load / Readability.parse: medians of ${opts.runs} fresh loads each, the pass before the first paint against Readability on a clone (other pages below).`,
    `- panel open: medians of ${opening.length} fresh loads; from a trusted click on the handle (its input event's timestamp) to the layout in which the panel's first story is in view, in the panel frame; the second open follows a close with the handle. Details below.`,
    "- panel frame's JS heap: the panel's extension page (an out-of-process frame) after garbage collection, once opened; median of the memory loads.",
    "",
  );
  md.push("### In-page timing", "", ...timingTable(results, opts.runs), "");
  md.push(
    "Scaling (median time at 10x / at 1x, and at 100x / at 10x):",
    "",
    "| | 10x / 1x | 100x / 10x |",
    "| --- | ---: | ---: |",
    ...CONTENDERS.map(
      (c) => `| ${LABELS[c]} | ${ratio(scaling(c, "generated 1x", "generated 10x"))} | ${ratio(scaling(c, "generated 10x", "generated 100x"))} |`,
    ),
    `| elements on the page | ${ratio((results[2]?.elements ?? 0) / (results[1]?.elements ?? 1))} | ${ratio((results[3]?.elements ?? 0) / (results[2]?.elements ?? 1))} |`,
    "",
  );
  md.push(
    "### Busy page",
    "",
    `The 1x page with a ticker its script rewrites 100 times a second for ${opts.busySeconds} s, with the real extension (${distName}) and without; CDP \`Performance.getMetrics\` ScriptDuration over wall time, from the moment the page is loaded and cleaned until the ticker stops; median of ${opts.busyRuns} run(s):`,
    "",
    "| | window | ticks | script / wall |",
    "| --- | ---: | ---: | ---: |",
    `| with the extension | ${busyWindow(busyResult.withExtension)} | ${ticksIn(busyResult.withExtension)} | ${(busyResult.shareWith * 100).toFixed(2)}% |`,
    `| without | ${busyWindow(busyResult.withoutExtension)} | ${ticksIn(busyResult.withoutExtension)} | ${(busyResult.shareWithout * 100).toFixed(2)}% |`,
    `| **the extension's share** | | | **${(busyResult.extensionShare * 100).toFixed(2)}%** |`,
    "",
  );
  md.push(
    `### Bundle sizes (${distName})`,
    "",
    "| file | raw | gzipped |",
    "| --- | ---: | ---: |",
    ...sizeRows.map((r) => `| ${r.file}${r.file === "src/content/index.js" ? " (always-on content script)" : ""} | ${kb(r.raw)} | ${kb(r.gzip)} |`),
    "",
  );
  const bySlug = new Map<string, PaintLoad[]>();
  for (const p of paint) bySlug.set(p.slug, [...(bySlug.get(p.slug) ?? []), p]);
  md.push(
    "### First paint",
    "",
    `${paint.length} loads of the Daily8 fixtures (trickled in ~30 chunks 25 ms apart, as in the browser tests; the late page as served), the no-flash probe checking every frame:`,
    "",
    "| fixture | loads | frames checked with the blocks in the page (of them while it loaded) | frames with a hidden block painted |",
    "| --- | ---: | ---: | ---: |",
    ...[...bySlug].map(
      ([slug, list]) =>
        `| ${slug} | ${list.length} | ${list.reduce((n, p) => n + p.framesWithTargets, 0)} (${list.reduce((n, p) => n + p.framesWithTargetsWhileLoading, 0)}) | ${list.reduce((n, p) => n + p.paintedFrames, 0)} |`,
    ),
    "",
  );
  const firsts = opening.map((o) => o.first);
  const seconds2 = opening.map((o) => o.second);
  md.push(
    "### Opening the panel",
    "",
    `${opening.length} fresh load(s) of the Daily8 fixture with the real extension. Once the page is cleaned and the panel frame (made at idle, hidden) lists its stories, a trusted click on the handle opens it; the time runs from the click's input event (its timestamp, in the page) to the first layout in which the panel's first story is in view (IntersectionObserver's entry time, in the panel frame; that frame is then painted). It includes the content script's handler, the page making room for the panel, and the frame's first style and layout of its list; the list itself was sent and built while the frame was hidden. The second open follows a close with the handle. The two clocks are of two processes (performance.timeOrigin-based):`,
    "",
    "| | median | p25 | p75 |",
    "| --- | ---: | ---: | ---: |",
    `| first open | ${ms(firstOpen)} ms | ${q(firsts, 0.25)} ms | ${q(firsts, 0.75)} ms |`,
    `| second open | ${ms(secondOpen)} ms | ${q(seconds2, 0.25)} ms | ${q(seconds2, 0.75)} ms |`,
    `| panel frame made (its navigation start, after the page's) | ${ms(median(opening.map((o) => o.frameMadeMs)))} ms | | |`,
    `| the page's load event | ${ms(median(opening.map((o) => o.loadMs)))} ms | | |`,
    "",
    `Stories in the open panel: ${median(opening.map((o) => o.stories))}.`,
    "",
  );
  md.push(
    "### Memory",
    "",
    `JS heap in use (CDP \`Runtime.getHeapUsage\` after garbage collection) once the page is cleaned and the panel frame lists its stories (panel closed), with the extension and without; then, with it, the panel opened by its handle (timed as above) and the panel frame's own heap (its renderer's main-thread heap, which it shares with no other page here); medians of ${opts.memoryLoads} load(s):`,
    "",
    "| page | page's JS heap with / without the extension | difference | panel frame's JS heap (open) | stories in the open panel | opening | load event with / without |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...memory.map(
      (m) =>
        `| ${m.page} | ${mb(m.usedWith)} / ${mb(m.usedWithout)} | ${mb(m.usedWith - m.usedWithout)} | ${mb(m.frameWith)} | ${median(m.withExtension.map((r) => r.teasersInPanel))} | ${ms(median(m.withExtension.map((r) => r.openMs ?? NaN)))} ms | ${m.loadWith.toFixed(0)} / ${m.loadWithout.toFixed(0)} ms |`,
    ),
    "",
  );
  md.push("### Targets", "", "| | target | measured | |", "| --- | --- | ---: | --- |");
  for (const t of targets) md.push(`| ${t.what} | ${t.target} | ${t.measured} | ${t.pass ? "pass" : "**miss**"} |`);
  const seconds = (Date.now() - t0) / 1000;
  md.push(
    "",
    `${info.cores} cores, ${info.cpu}, ${info.chromium} (headless), Node ${info.node}; ${info.date.slice(0, 10)}; the bench took ${seconds.toFixed(0)} s.`,
  );

  const markdown = `${md.join("\n")}\n`;
  writeFileSync(path.join(opts.out, "results.md"), markdown);
  writeFileSync(
    path.join(opts.out, "results.json"),
    `${JSON.stringify(
      {
        machine: info,
        options: { ...opts, dist: path.relative(REPO_ROOT, opts.dist) || ".", out: path.relative(REPO_ROOT, opts.out), bundle: path.relative(REPO_ROOT, opts.bundle) },
        seconds,
        pages: results.map((r) => ({
          ...r,
          median: Object.fromEntries(CONTENDERS.map((c) => [c, median(r.times[c])])),
          medianLater: median(r.later),
          medianMarkers: median(r.markers),
          p25: Object.fromEntries(CONTENDERS.map((c) => [c, quantile(r.times[c], 0.25)])),
          p75: Object.fromEntries(CONTENDERS.map((c) => [c, quantile(r.times[c], 0.75)])),
        })),
        ratios: {
          tidyreadOverReadability: Object.fromEntries(results.map((r) => [r.name, median(r.times.tidyread) / median(r.times.readability)])),
          tidyreadOverWalk: Object.fromEntries(results.map((r) => [r.name, median(r.times.tidyread) / median(r.times.walk)])),
          tidyread10xOver1x: s10,
          tidyread100xOver10x: s100,
        },
        busy: busyResult,
        sizes: sizeRows,
        firstPaint: paint,
        opening,
        medianOpen: { first: firstOpen, second: secondOpen },
        memory,
        targets,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(markdown);
  log(`\nwrote ${path.relative(REPO_ROOT, path.join(opts.out, "results.md"))} and results.json (${seconds.toFixed(0)} s)`);
}

export const DEFAULTS = {
  runs: 15,
  paintLoads: 20,
  busyRuns: 5,
  busySeconds: 10,
  memoryLoads: 2,
  openLoads: 10,
  dist: DIST.chromium,
  out: path.join(REPO_ROOT, "bench-out"),
  bundle: path.join(REPO_ROOT, "bench-out/bundle/tidyread-bench.js"),
} satisfies BenchOptions;
