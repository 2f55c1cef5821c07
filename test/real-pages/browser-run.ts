// The real aggregator pages (../shared/real-pages/aggregators/) in Chromium with the built
// extension, scored by corpus.ts as the jsdom run is. Used by `npm run real-pages`
// (scripts/real-pages.mjs) and by test/browser/real-pages.test.ts.
//
// Each page is served byte for byte under its real address (`serve_as`: host, path and query) by
// the harness's fixture server, loaded once untouched (Tidyread must not run by itself there), then
// tidied with a click on the toolbar button, as a reader would.
//
// Hosts and TLS: the corpus's hosts are mapped to 127.0.0.1 by Chromium's resolver rules, and every
// other host fails to resolve at once (`MAP * ~NOTFOUND`): the pages' scripts, styles and images on
// other hosts fail fast and never reach the network. msn.com, yahoo.com and others are on Chromium's
// HSTS preload list, so Chromium asks for them over https whatever the URL says; resolver rules
// cannot change that, so the server answers TLS on the same port as http (it peeks at the first
// byte) with a self-signed certificate made at start with openssl, and Chromium accepts it
// (ignoreHTTPSErrors, which covers HSTS hosts too). Pages whose address is https are loaded over
// https, the others over http (upgraded by Chromium where HSTS says so).
//
// Chromium only: Firefox maps only exact host names (network.dns.localDomains) and has no rule to
// make every other host fail at once, so the pages' many third-party requests would go to the
// system's resolver; the issue asks for Chromium.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PageState } from "../../src/shared/messages";
import type { PageKind } from "../../src/shared/types";
import { launch, type TestBrowser, type TestPage } from "../browser/harness/browsers";
import { startFixtureServer, type FixtureServer } from "../browser/harness/server";
import { PANEL_PATH } from "../browser/harness/panel";
import { makeTestCertificate } from "../browser/harness/tls";
import { AGGREGATOR_CORPUS, compact, corpusSlugs, formatTable, loadPage, score, totals, type CorpusPage, type Observed, type Score, type Totals } from "./corpus";

export const BROWSER_REPORT_FILE = path.resolve("test-output", "real-pages-browser.json");

/** What the content script said about the page after the click (`page:get-state`). */
export interface DetectionSeen {
  /** The detector's own verdict, by the page's signals alone. */
  verdict: PageKind;
  /** What Tidyread acted as after the click. */
  kind: PageKind;
  site: string | null;
  signals: string[];
  /** Teasers the content script read (the panel merges a story several outlets carry into one). */
  teasers: number;
}

export interface PageRun {
  slug: string;
  kind: CorpusPage["expect"]["kind"];
  /** The address loaded, with the server's port. */
  url: string;
  /** Where the tab ended up: https where Chromium upgraded an HSTS host. */
  finalUrl: string;
  /** Requests the page made to other hosts (they fail to resolve at once), and to its own. */
  requests: { otherHosts: number; ownHost: number };
  /** What went wrong if the page could not be measured to the end; null when it was. */
  error: string | null;
  /** Traces of Tidyread found on the untouched load (attributes, a panel, a content script that answered). */
  untouchedChanges: string[];
  /** Characters of visible text on the untouched load (0: nothing was rendered). */
  untouchedTextLength: number;
  /**
   * expect.json's snippets a reader does not see on the untouched load (each was checked visible on
   * a plain load): a page served wrongly (encoding, a script replacing it) shows here, where the
   * score, which only counts snippets seen before, would not notice.
   */
  untouchedMissing: { article: string[]; clutter: string[] };
  detection: DetectionSeen | null;
  listed: Observed["listed"];
  score: Score | null;
  /** Milliseconds: the untouched load, from the click to a settled panel, and the whole page. */
  timings: { load: number; tidy: number; total: number };
}

export interface RealPagesRun {
  browser: string;
  corpus: string;
  startedAt: string;
  ms: number;
  pages: PageRun[];
  /** Scores of the pages measured to the end (a later target assertion is one line on `totals`). */
  scores: Score[];
  totals: Totals;
  /** Pages the click tidied (kind not "none"), beside `totals.detected` (the detector's own). */
  tidiedByClick: number;
}

export interface RealPagesOptions {
  /** Default: every page of the corpus. */
  slugs?: string[];
  /** Progress, one line a page. */
  log?: (line: string) => void;
  /** The unpacked extension; default dist/chrome. */
  dist?: string;
}

/** Does the page name its encoding itself (a <meta> before <body>)? */
function declaresCharset(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 64 * 1024).toString("latin1");
  const bodyAt = head.search(/<body[\s>]/i);
  return /<meta[^>]+charset/i.test(bodyAt >= 0 ? head.slice(0, bodyAt) : head);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Headers as the page's own server would send them: its real charset where expect.json gives one;
 * UTF-8 for a UTF-8 file that names no encoding (a few saved pages have no <meta charset>: their
 * server named it, and without it Chromium falls back to windows-1252); no scripts where they
 * break the saved page.
 */
export function headersFor(page: CorpusPage, bytes: Buffer): Record<string, string> {
  const charset = page.expect.charset ?? (!declaresCharset(bytes) && isUtf8(bytes) ? "utf-8" : null);
  const headers: Record<string, string> = { "content-type": charset ? `text/html; charset=${charset}` : "text/html" };
  if (page.expect.scripts === false) headers["content-security-policy"] = "script-src 'none'";
  return headers;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/** Runs in the page: every `data-tidyread-*` attribute there is (at most 10). */
function tidyreadTraces(): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll("*")) {
    for (const name of el.getAttributeNames()) if (name.startsWith("data-tidyread")) found.push(`<${el.localName} ${name}>`);
    if (found.length >= 10) break;
  }
  return found;
}

/**
 * Runs in the page: what a reader sees, as the browser renders it (innerText leaves out
 * display:none and visibility:hidden text). The panel's host hangs off <html>, outside <body>, so
 * its list never counts as page text.
 */
function pageText(): { visible: string; all: string } {
  const body = document.body ?? document.documentElement;
  return { visible: body.innerText, all: body.textContent ?? "" };
}

/** Runs in the panel's frame: how far the panel is (stories rendered, its note), to wait until it stops changing. */
function panelProgress(): string {
  const items = document.querySelectorAll('[data-part="teasers"] > li').length;
  const more = document.querySelector('[data-part="show-more"]')?.textContent ?? "";
  return `${items}|${more}|${document.querySelector('[data-part="note"]')?.textContent ?? ""}`;
}

/** Runs in the panel's frame: every story the panel lists (after "Show more" until all are shown), as shown. */
function panelStories(): Observed["listed"] {
  const root = document;
  const more = root.querySelector<HTMLButtonElement>('[data-part="show-more"]');
  for (let i = 0; more && !more.hidden && i < 1000; i++) more.click();
  return [...root.querySelectorAll('[data-part="teasers"] > li')].map((li) => {
    const time = li.querySelector(".meta time");
    return {
      title: (li.querySelector(":scope > a, :scope > .title")?.textContent ?? "").trim(),
      source: li.querySelector('[data-part="source"]')?.textContent?.trim() ?? null,
      time: time ? { text: (time.textContent ?? "").trim(), iso: time.getAttribute("datetime") ?? "" } : null,
    };
  });
}

/** Polls until `read` gives the same answer `times` times in a row, `every` ms apart (or `within` ms pass). */
async function untilStable(read: () => Promise<string | null>, { every = 150, times = 3, within = 8000 } = {}): Promise<void> {
  const deadline = Date.now() + within;
  let last: string | null | undefined;
  let same = 0;
  while (Date.now() < deadline) {
    const now = await read();
    same = now === last ? same + 1 : 0;
    if (same >= times - 1) return;
    last = now;
    await sleep(every);
  }
}

/** Loads one page untouched, then tidies it with the toolbar button, and scores what the reader sees. */
async function measure(browser: TestBrowser, server: FixtureServer, page: CorpusPage, file: string): Promise<PageRun> {
  const started = Date.now();
  const url = server.serveFile(page.expect.serve_as, file, headersFor(page, readFileSync(file)));
  const run: PageRun = {
    slug: page.slug,
    kind: page.expect.kind,
    url,
    finalUrl: "",
    requests: { otherHosts: 0, ownHost: 0 },
    error: null,
    untouchedChanges: [],
    untouchedTextLength: 0,
    untouchedMissing: { article: [], clutter: [] },
    detection: null,
    listed: [],
    score: null,
    timings: { load: 0, tidy: 0, total: 0 },
  };
  let tab: TestPage | null = null;
  const firstRequest = browser.requests.length;
  try {
    tab = await browser.newPage();
    await tab.bringToFront();
    await tab.goto(url);
    run.timings.load = Date.now() - started;
    run.finalUrl = tab.url();
    // Tidyread runs at document_start where it runs at all: a moment after load is enough to see it.
    await sleep(200);
    run.untouchedChanges = await tab.evaluate(tidyreadTraces);
    const answered = await browser.sendToActiveTab({ type: "page:get-state" }).then(
      () => true,
      () => false,
    );
    if (answered) run.untouchedChanges.push("a content script answered page:get-state before the click");
    const before = await tab.evaluate(pageText);
    run.untouchedTextLength = before.visible.trim().length;
    const seen = compact(before.visible);
    const unseen = (snippets: string[]): string[] => snippets.filter((snippet) => !seen.includes(compact(snippet)));
    run.untouchedMissing = { article: unseen(page.expect.article), clutter: unseen(page.expect.clutter) };

    const clickedAt = Date.now();
    const now = new Date();
    await browser.clickToolbarButton(tab);
    await tab.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-kind"), { timeout: 15_000 });
    // The state also has the content script list the panel's stories now rather than at idle.
    const state = (await browser.sendToActiveTab({ type: "page:get-state" })) as PageState;
    // An article's panel: the extension page in its frame (made by the click, if not at idle).
    const panel = state.detection.kind === "article" ? await tab.extensionFrame(PANEL_PATH, { timeout: 10_000 }).catch(() => null) : null;
    if (panel) await untilStable(() => panel.evaluate(panelProgress));
    const listed = panel ? await panel.evaluate(panelStories) : null;
    const after = await tab.evaluate(pageText);
    run.timings.tidy = Date.now() - clickedAt;
    const { verdict, kind, site, signals } = state.detection;
    run.detection = { verdict, kind, site, signals, teasers: state.teasers };
    run.listed = listed ?? [];
    // Tidyread gives a listing no panel (its teasers are the page); an article must have one.
    if (listed === null && kind === "article") run.error = "no panel after the click";
    run.score = score(page, before.visible, { visibleText: after.visible, allText: after.all, verdict, listed: run.listed }, now);
  } catch (error) {
    run.error = message(error);
  } finally {
    await tab?.close().catch(() => undefined);
    run.timings.total = Date.now() - started;
    const host = new URL(url).hostname;
    for (const r of browser.requests.slice(firstRequest)) {
      if (!/^https?:/.test(r.url)) continue;
      if (new URL(r.url).hostname === host) run.requests.ownHost += 1;
      else run.requests.otherHosts += 1;
    }
  }
  return run;
}

/** Every page of the corpus (or `slugs`), one at a time, in one Chromium. */
export async function runRealPages(options: RealPagesOptions = {}): Promise<RealPagesRun> {
  const started = Date.now();
  const slugs = options.slugs ?? corpusSlugs();
  if (slugs.length === 0) throw new Error(`no pages in ${AGGREGATOR_CORPUS} (each needs <slug>/expect.json and source.html)`);
  const pages = slugs.map((slug) => loadPage(slug));
  const hosts = [...new Set(pages.map((p) => new URL(p.expect.serve_as).hostname))];
  const server = await startFixtureServer({ tls: makeTestCertificate() });
  let browser: TestBrowser | null = null;
  const runs: PageRun[] = [];
  try {
    browser = await launch("chromium", { server, hosts, acceptInsecureCerts: true, unmappedHostsFail: true, ...(options.dist ? { dist: options.dist } : {}) });
    for (const [i, page] of pages.entries()) {
      const run = await measure(browser, server, page, path.join(AGGREGATOR_CORPUS, page.slug, "source.html"));
      runs.push(run);
      options.log?.(
        `[${i + 1}/${pages.length}] ${page.slug}: ${run.error ? `ERROR ${run.error}` : `${run.detection?.verdict} / ${run.detection?.kind}, ${run.listed.length} listed`} (${(run.timings.total / 1000).toFixed(1)} s)`,
      );
    }
    const scores = runs.flatMap((r) => (r.score ? [r.score] : []));
    return {
      browser: `chromium ${browser.version}`,
      corpus: AGGREGATOR_CORPUS,
      startedAt: new Date(started).toISOString(),
      ms: Date.now() - started,
      pages: runs,
      scores,
      totals: totals(scores),
      tidiedByClick: runs.filter((r) => r.detection && r.detection.kind !== "none").length,
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** formatTable's per-page table and totals, then both verdicts of each page and what could not be measured. */
export function formatRun(run: RealPagesRun): string {
  const lines = [formatTable(run.scores), "", "verdicts (detector's own / after the click):"];
  for (const p of run.pages) {
    const d = p.detection;
    lines.push(`  ${p.slug.padEnd(36)} ${p.kind === "aggregator-article" ? "agg" : "ctl"} ${d ? `${d.verdict.padEnd(7)} / ${d.kind.padEnd(7)} site ${d.site ?? "-"}` : "not measured"}`);
  }
  lines.push(`tidied by the click: ${run.tidiedByClick}/${run.pages.length}; ${run.browser}; ${(run.ms / 1000).toFixed(1)} s`);
  for (const p of run.pages) {
    const unseen = [...p.untouchedMissing.article, ...p.untouchedMissing.clutter].map((snippet) => `not seen untouched: “${snippet.slice(0, 40)}”`);
    const problems = [p.error, ...p.untouchedChanges, ...unseen].filter(Boolean);
    if (problems.length) lines.push(`  ${p.slug}: ${problems.join("; ")}`);
  }
  return lines.join("\n");
}

export function writeRunJson(run: RealPagesRun, file = BROWSER_REPORT_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(run, null, 2));
}
