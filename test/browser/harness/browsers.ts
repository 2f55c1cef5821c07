// One interface over Chromium (playwright-core, CDP) and Firefox ESR (puppeteer-core, WebDriver
// BiDi), each with the built extension loaded, so that a browser test is written once and run for
// both. See /work/shared/BROWSER-TESTING.md for the facts behind the flags and prefs.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page as PwPage, type Worker } from "playwright-core";
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from "puppeteer-core";
import { SITES_AT_INSTALL } from "../../../src/sites";
import { describeFn, toExpression, toWaitExpression } from "./expressions";
import { chromiumExtensionFrame, firefoxExtensionFrame, type TestFrame } from "./frames";
import { REPO_ROOT, type FixtureServer } from "./server";

export type { Box, TestFrame } from "./frames";

export type BrowserName = "chromium" | "firefox";
export const BROWSERS: readonly BrowserName[] = ["chromium", "firefox"];

export const GECKO_ID = "tidyread@tidyread.app";
export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env["TIDYREAD_CHROMIUM"] ?? "/usr/bin/chromium",
  firefox: process.env["TIDYREAD_FIREFOX"] ?? "/usr/bin/firefox-esr",
};
/** The unpacked builds loaded by default (override: TIDYREAD_DIST_CHROME / TIDYREAD_DIST_FIREFOX). */
export const DIST: Record<BrowserName, string> = {
  chromium: path.resolve(process.env["TIDYREAD_DIST_CHROME"] ?? path.join(REPO_ROOT, "dist/chrome")),
  firefox: path.resolve(process.env["TIDYREAD_DIST_FIREFOX"] ?? path.join(REPO_ROOT, "dist/firefox")),
};
/**
 * The hosts the browsers send to 127.0.0.1: the sites granted at install (from the site profiles,
 * as the manifest is) and the fixtures' own domain, where the extension does not run by itself.
 * A test that serves pages of the other profiles passes `hosts: allSiteHosts()` (src/sites).
 */
export const MAPPED_DOMAINS: readonly string[] = [...SITES_AT_INSTALL.flatMap((site) => site.hosts), "example-news.test"];

/** Chromium's resolver rules for these domains and every host under them. */
export function chromiumHostRules(domains: readonly string[]): string {
  return [...new Set(domains)].flatMap((d) => [`MAP *.${d} 127.0.0.1`, `MAP ${d} 127.0.0.1`]).join(", ");
}

/** Chromium sends every host under these suffixes to 127.0.0.1. */
export const CHROMIUM_HOST_RULES = chromiumHostRules(MAPPED_DOMAINS);
/**
 * Firefox has no wildcards: these exact names go to loopback (each domain, its www. and test.),
 * with every host the fixture server knows at launch. Add more with `launch(..., {hosts})`.
 */
export const FIREFOX_LOCAL_HOSTS = MAPPED_DOMAINS.flatMap((d) => [d, `www.${d}`, `test.${d}`]);
const VIEWPORT = { width: 1280, height: 800 };

/** A request a page made, as seen by the browser (not only those that reached the fixture server). */
export interface BrowserRequest {
  url: string;
  method: string;
  resourceType: string;
  time: number;
  /**
   * Who asked: the URL of the service worker (Chromium; the extension's background is one), or of
   * the frame that made the request as it was then ("" when the driver cannot say).
   */
  initiator: string;
}

export interface WaitOptions {
  /** Milliseconds; default 10 000. */
  timeout?: number;
  /** Poll every N ms (default 50), or on every animation frame (stalls in background tabs). */
  polling?: number | "raf";
}

export interface GotoOptions {
  /** Default "load". */
  waitUntil?: "load" | "domcontentloaded";
}

/** A function run in the page: serialised with toString(), so it must not use outer variables. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R;

export interface TestPage {
  readonly browserName: BrowserName;
  /** The underlying driver page, for what this interface does not cover. */
  readonly native: { kind: "playwright"; page: PwPage } | { kind: "puppeteer"; page: PpPage };
  /** Navigates and waits for the load event. Extension pages (moz-extension:, chrome-extension:) work too. */
  goto(url: string, opts?: GotoOptions): Promise<void>;
  url(): string;
  /**
   * Runs a function (or a JS expression string) in the page's main world and returns its
   * (awaited) result. Arguments and result must be JSON-serialisable.
   */
  evaluate<R = unknown>(expression: string): Promise<R>;
  evaluate<R, A extends unknown[]>(fn: PageFunction<A, R>, ...args: A): Promise<Awaited<R>>;
  /**
   * Waits until the function (or expression) returns a truthy value, and returns that value (a DOM
   * node comes back as `true`). Times out with a message that quotes the function.
   */
  waitForFunction<R = unknown>(expression: string, opts?: WaitOptions): Promise<R>;
  waitForFunction<R, A extends unknown[]>(fn: PageFunction<A, R>, opts?: WaitOptions, ...args: A): Promise<Awaited<R>>;
  /**
   * CSS selector; ` >>> ` steps into an element's open shadow root, e.g.
   * `[data-tidyread-panel] >>> button[data-part="handle"]`.
   */
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /**
   * A key or a combination such as "Enter", "Space", "Tab", "Shift+Tab", "Escape", "Alt+Shift+U",
   * sent to whatever has the focus (an element in an extension frame too).
   */
  press(key: string): Promise<void>;
  /** Types `text` with real key events into whatever has the focus (use press() for Enter, Tab…). */
  type(text: string): Promise<void>;
  /** A trusted click (move, press and release of the left button) at the viewport's x, y (CSS px). */
  mouseClick(x: number, y: number): Promise<void>;
  /** Moves the mouse (no button) to the viewport's x, y (CSS px). */
  mouseMove(x: number, y: number): Promise<void>;
  /**
   * Waits (default 10 s) until a frame anywhere in the page shows an extension page whose path
   * starts with `pathPrefix` (e.g. "/src/panel/") and has loaded, and returns it (the first in
   * tree order). Reaches frames the page cannot: in closed shadow roots, on the extension's origin.
   */
  extensionFrame(pathPrefix: string, opts?: WaitOptions): Promise<TestFrame>;
  screenshot(file: string, fullPage?: boolean): Promise<void>;
  /** Runs `source` in the main world before any page script, on every later navigation of this page. */
  addInitScript(source: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  readonly name: BrowserName;
  readonly version: string;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  readonly extensionOrigin: string;
  /** Every request made by the pages this harness opened (Chromium: the whole context). */
  readonly requests: BrowserRequest[];
  newPage(): Promise<TestPage>;
  /**
   * Sends `message` to the content script of the active tab of the last focused window (the page
   * opened or brought to front last), as the background does; resolves to the content script's
   * reply, rejects if no content script listens there.
   */
  sendToActiveTab(message: unknown): Promise<unknown>;
  /**
   * Invokes the extension's toolbar action on this page (it must be the active tab) the way a
   * reader does, so the browser grants activeTab. Chromium: a click on the action through CDP
   * `Extensions.triggerAction`. Firefox (no such command): the action's keyboard shortcut
   * (`_execute_action`), run as a key command in the browser window through WebDriver BiDi's
   * chrome scope (allowed by --remote-allow-system-access).
   */
  clickToolbarButton(page: TestPage): Promise<void>;
  extensionPageUrl(pagePath: string): string;
  close(): Promise<void>;
}

/** Raw WebDriver BiDi, for what Puppeteer's API leaves out (the toolbar button, extension frames). */
export interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export interface LaunchOptions {
  /** Firefox maps the host names this server knows (at launch) to 127.0.0.1. */
  server: FixtureServer;
  /** Default true. */
  headless?: boolean;
  /**
   * Extra host names to send to 127.0.0.1: Firefox maps these exact names; Chromium maps each with
   * every host under it (`allSiteHosts()` from src/sites covers every profile's domains).
   */
  hosts?: string[];
  /** Load the extension (default true). */
  extension?: boolean;
  /** The unpacked extension to load; default dist/chrome or dist/firefox. */
  dist?: string;
  /** What `prefers-color-scheme` answers in pages (default: the browser's own, light). */
  colorScheme?: "light" | "dark";
  /** Let the driver close the browser on SIGINT/SIGTERM/SIGHUP (default true; the demo handles them). */
  handleSignals?: boolean;
  /**
   * The browser's UI language, e.g. "ar": what browser.i18n answers the extension. Needs the
   * browser's own translation (Debian: chromium-l10n; firefox-esr-l10n-ar); the launch fails
   * without it, as the browser would quietly run in en-US (Chromium with --lang alone even hands
   * the extension Arabic strings with @@bidi_dir "ltr").
   */
  locale?: string;
  /**
   * Accept any certificate (the fixture server's https side is self-signed, see tls.ts). Chromium:
   * Playwright's ignoreHTTPSErrors, which also covers HSTS hosts, where no click-through exists.
   * Firefox: puppeteer's acceptInsecureCerts.
   */
  acceptInsecureCerts?: boolean;
  /**
   * Chromium only: every host not mapped to 127.0.0.1 fails to resolve at once (`MAP * ~NOTFOUND`),
   * so a page's scripts, styles and images on other hosts fail fast and never reach the network.
   * Firefox has no such rule: asking for it there throws.
   */
  unmappedHostsFail?: boolean;
}

function requireFile(file: string, what: string, hint: string): void {
  if (!existsSync(file)) throw new Error(`${what} not found at ${file}: ${hint}`);
}

interface BuiltManifest {
  icons?: Record<string, string>;
  action?: { default_icon?: string | Record<string, string>; default_popup?: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  options_ui?: { page?: string };
  options_page?: string;
}

function readManifest(dist: string): BuiltManifest {
  return JSON.parse(readFileSync(path.join(dist, "manifest.json"), "utf8")) as BuiltManifest;
}

/** Files the built manifest names. A missing icon makes Chromium refuse the whole extension, silently. */
function filesNamedBy(m: BuiltManifest): string[] {
  const icon = m.action?.default_icon;
  return [
    ...Object.values(m.icons ?? {}),
    ...(typeof icon === "string" ? [icon] : Object.values(icon ?? {})),
    ...(m.action?.default_popup ? [m.action.default_popup] : []),
    ...(m.background?.service_worker ? [m.background.service_worker] : []),
    ...(m.background?.scripts ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(m.options_ui?.page ? [m.options_ui.page] : []),
    ...(m.options_page ? [m.options_page] : []),
  ];
}

function checkPrerequisites(name: BrowserName, dist: string | null): void {
  requireFile(EXECUTABLES[name], `${name} executable`, "install with: apt-get install chromium firefox-esr");
  if (dist === null) return;
  requireFile(path.join(dist, "manifest.json"), "built extension", "run `npm run build` first");
  const missing = filesNamedBy(readManifest(dist)).filter((f) => !existsSync(path.join(dist, f)));
  if (missing.length > 0) {
    throw new Error(`The build in ${dist} is incomplete: its manifest.json names missing files: ${[...new Set(missing)].join(", ")}`);
  }
}

async function withWaitMessage<T>(fn: string | ((...args: never[]) => unknown), timeout: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isTimeout(error)) {
      throw new Error(`waitForFunction timed out after ${timeout} ms: ${describeFn(fn)}`, { cause: error });
    }
    throw error;
  }
}

const isTimeout = (error: unknown): boolean => /timeout|timed out|exceeded/i.test(error instanceof Error ? error.message : String(error));

/**
 * In-page polling fails on extension pages: their CSP forbids the string evaluation Playwright's
 * poller uses, and Firefox's BiDi poller can break while such a page is still replacing
 * about:blank. Then the condition is polled from here, through plain evaluate calls (which work
 * there), until it holds or the time is up; errors while the page navigates are retried.
 */
async function waitInPageOrPoll<R>(inPage: () => Promise<R>, evaluate: () => Promise<unknown>, timeout: number): Promise<R> {
  const deadline = Date.now() + timeout;
  try {
    return await inPage();
  } catch (error) {
    if (isTimeout(error)) throw error;
    let last: unknown = error;
    while (Date.now() < deadline) {
      try {
        const value = await evaluate();
        if (value) return value as R;
      } catch (retry) {
        last = retry;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out (polled after: ${String(error)}; last: ${String(last)})`, { cause: error });
  }
}

/** Playwright's CSS engine pierces open shadow roots; `a >> b` finds b within a. */
const toPlaywrightSelector = (selector: string): string => selector.split(/\s*>>>\s*/).join(" >> ");

// ---------------------------------------------------------------------------------------------
// Chromium

class ChromiumPage implements TestPage {
  readonly browserName = "chromium" as const;
  readonly native;
  constructor(private readonly page: PwPage) {
    this.native = { kind: "playwright" as const, page };
  }
  async goto(url: string, opts: GotoOptions = {}): Promise<void> {
    await this.page.goto(url, { waitUntil: opts.waitUntil ?? "load" });
  }
  url(): string {
    return this.page.url();
  }
  evaluate<R>(fn: string | ((...args: never[]) => R), ...args: unknown[]): Promise<R> {
    return this.page.evaluate(toExpression(fn, args)) as Promise<R>;
  }
  async waitForFunction<R>(fn: string | ((...args: never[]) => R), opts: WaitOptions = {}, ...args: unknown[]): Promise<R> {
    const timeout = opts.timeout ?? 10_000;
    const expression = toWaitExpression(fn, args);
    return withWaitMessage(fn, timeout, () =>
      waitInPageOrPoll(
        async () => {
          const handle = await this.page.waitForFunction(expression, undefined, { timeout, polling: opts.polling ?? 50 });
          const value = (await handle.jsonValue()) as R;
          await handle.dispose();
          return value;
        },
        () => this.page.evaluate(expression),
        timeout,
      ),
    );
  }
  async click(selector: string): Promise<void> {
    await this.page.locator(toPlaywrightSelector(selector)).click();
  }
  async focus(selector: string): Promise<void> {
    await this.page.locator(toPlaywrightSelector(selector)).focus();
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async mouseClick(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }
  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }
  extensionFrame(pathPrefix: string, opts?: WaitOptions): Promise<TestFrame> {
    return chromiumExtensionFrame(this.page, this, pathPrefix, opts);
  }
  async screenshot(file: string, fullPage = false): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage });
  }
  async addInitScript(source: string): Promise<void> {
    await this.page.addInitScript(source);
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Chromium's translation of its own UI for `locale` (e.g. locales/ar.pak), next to the binary. */
function requireChromiumLocale(locale: string): void {
  const pak = `${locale.replace("_", "-")}.pak`;
  const dirs = [path.join(path.dirname(EXECUTABLES.chromium), "locales"), "/usr/lib/chromium/locales"];
  if (!dirs.some((d) => existsSync(path.join(d, pak)))) {
    throw new Error(`Chromium has no ${pak} in ${dirs.join(" or ")}: it would run in English. Install its translations (Debian: apt-get install chromium-l10n).`);
  }
}

/** The bits of the chrome.* API the service worker code below uses. */
interface ChromeInWorker {
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

async function launchChromium(opts: LaunchOptions): Promise<TestBrowser> {
  const withExtension = opts.extension ?? true;
  const dist = path.resolve(opts.dist ?? DIST.chromium);
  checkPrerequisites("chromium", withExtension ? dist : null);
  const profile = mkdtempSync(path.join(tmpdir(), "tidyread-chromium-"));
  // Rules apply in order, the first match wins: the catch-all goes last.
  const hostRules = chromiumHostRules([...MAPPED_DOMAINS, ...(opts.hosts ?? [])]) + (opts.unmappedHostsFail ? ", MAP * ~NOTFOUND" : "");
  const args = [
    `--host-resolver-rules=${hostRules}`,
    "--no-sandbox",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    // No --disable-features here: it would replace Playwright's list (HttpsUpgrades, ...).
  ];
  if (withExtension) args.unshift(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  // On Linux Chromium takes its UI language from LANGUAGE; --lang too, for the other platforms.
  if (opts.locale) {
    requireChromiumLocale(opts.locale);
    args.push(`--lang=${opts.locale}`);
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLES.chromium,
      headless: opts.headless ?? true,
      args,
      ignoreDefaultArgs: withExtension ? ["--disable-extensions"] : [],
      viewport: VIEWPORT,
      ...(opts.acceptInsecureCerts ? { ignoreHTTPSErrors: true } : {}),
      ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
      ...(opts.locale ? { env: { ...process.env, LANGUAGE: opts.locale.replace("-", "_") } } : {}),
      handleSIGINT: opts.handleSignals ?? true,
      handleSIGTERM: opts.handleSignals ?? true,
      handleSIGHUP: opts.handleSignals ?? true,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const requests: BrowserRequest[] = [];
  context.on("request", (r) => {
    let initiator = "";
    try {
      // frame() throws for a service worker's requests.
      initiator = r.serviceWorker()?.url() ?? r.frame().url();
    } catch {
      // keep ""
    }
    requests.push({ url: r.url(), method: r.method(), resourceType: r.resourceType(), time: Date.now(), initiator });
  });

  let worker: Worker | null = null;
  let extensionId = "";
  const findWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"));
    if (live) return live;
    return context.waitForEvent("serviceworker", {
      predicate: (w) => w.url().startsWith("chrome-extension://"),
      timeout: 10_000,
    });
  };
  if (withExtension) {
    try {
      worker = await findWorker();
    } catch (error) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`Chromium did not start the extension's service worker (loaded from ${dist})`, { cause: error });
    }
    extensionId = new URL(worker.url()).host;
  }
  // The first tab of a persistent context: reused by the first newPage() so that no blank tab
  // stays behind as the active one.
  let spare: PwPage | null = context.pages()[0] ?? null;
  const version = context.browser()?.version() ?? (await readChromiumVersion());

  const send = async (w: Worker, message: unknown): Promise<unknown> =>
    w.evaluate(async (m: unknown) => {
      const c = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error("no active tab");
      return c.tabs.sendMessage(tab.id, m);
    }, message);

  return {
    name: "chromium",
    version,
    extensionOrigin: `chrome-extension://${extensionId}`,
    requests,
    async newPage() {
      const page = spare ?? (await context.newPage());
      spare = null;
      return new ChromiumPage(page);
    },
    async sendToActiveTab(message) {
      if (!worker) throw new Error("sendToActiveTab: launched without the extension");
      try {
        return await send(worker, message);
      } catch (error) {
        // The worker may have been stopped and restarted since: take the live one and retry once.
        if (!/closed|detached|destroyed/i.test(String(error))) throw error;
        worker = await findWorker();
        return send(worker, message);
      }
    },
    async clickToolbarButton(page) {
      if (page.native.kind !== "playwright") throw new Error("clickToolbarButton: not a Chromium page");
      const session = await context.browser()?.newBrowserCDPSession();
      if (!session) throw new Error("clickToolbarButton: no browser-level CDP session");
      try {
        // The action is clicked on a tab target, not on the page's frame target.
        const { targetInfos } = await session.send("Target.getTargets", { filter: [{ type: "tab" }] });
        const tab = targetInfos.find((t) => t.url === page.url());
        if (!tab) throw new Error(`clickToolbarButton: no tab shows ${page.url()}`);
        await session.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
      } finally {
        await session.detach();
      }
    },
    extensionPageUrl(pagePath) {
      if (!extensionId) throw new Error("extensionPageUrl: launched without the extension");
      return `chrome-extension://${extensionId}/${pagePath.replace(/^\//, "")}`;
    },
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      }
    },
  };
}

async function readChromiumVersion(): Promise<string> {
  const { execFileSync } = await import("node:child_process");
  try {
    return execFileSync(EXECUTABLES.chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "chromium";
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox

const isExtensionUrl = (url: string): boolean => /^(moz|chrome)-extension:/.test(url);

class FirefoxPage implements TestPage {
  readonly browserName = "firefox" as const;
  readonly native;
  constructor(private readonly page: PpPage) {
    this.native = { kind: "puppeteer" as const, page };
  }
  async goto(url: string, opts: GotoOptions = {}): Promise<void> {
    if (isExtensionUrl(url)) {
      // page.goto on a moz-extension: page never resolves: start it, then watch the page.
      // Polled by hand: evaluating while the old document goes away fails with odd errors.
      this.page.goto(url).catch(() => undefined);
      const check = toExpression((u: string) => location.href === u && document.readyState === "complete", [url]);
      const deadline = Date.now() + 15_000;
      while (!(await this.page.evaluate(check).catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`goto ${url}: the page did not load within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return;
    }
    await this.page.goto(url, { waitUntil: opts.waitUntil === "domcontentloaded" ? "domcontentloaded" : "load" });
  }
  url(): string {
    return this.page.url();
  }
  evaluate<R>(fn: string | ((...args: never[]) => R), ...args: unknown[]): Promise<R> {
    return this.page.evaluate(toExpression(fn, args)) as Promise<R>;
  }
  async waitForFunction<R>(fn: string | ((...args: never[]) => R), opts: WaitOptions = {}, ...args: unknown[]): Promise<R> {
    const timeout = opts.timeout ?? 10_000;
    const expression = toWaitExpression(fn, args);
    return withWaitMessage(fn, timeout, () =>
      waitInPageOrPoll(
        async () => {
          const handle = await this.page.waitForFunction(expression, { timeout, polling: opts.polling ?? 50 });
          const value = (await handle.jsonValue()) as R;
          await handle.dispose();
          return value;
        },
        () => this.page.evaluate(expression),
        timeout,
      ),
    );
  }
  async click(selector: string): Promise<void> {
    await this.page.locator(selector).click();
  }
  async focus(selector: string): Promise<void> {
    const handle = await this.page.waitForSelector(selector, { timeout: 10_000 });
    if (!handle) throw new Error(`focus: no element matches ${selector}`);
    await handle.focus();
    await handle.dispose();
  }
  async press(key: string): Promise<void> {
    const parts = key.split("+").filter((p) => p !== "");
    if (key.endsWith("++")) parts.push("+");
    const main = parts.pop();
    if (main === undefined) throw new Error(`press: no key in "${key}"`);
    type KeyName = Parameters<PpPage["keyboard"]["press"]>[0];
    // Puppeteer sends "Enter" as WebDriver's \uE007, which Firefox reports as code "NumpadEnter";
    // \uE006 gives code "Enter" as in Chromium. Puppeteer knows no "Space".
    const bidiKey = (k: string): KeyName => (k === "Enter" ? "\uE006" : k === "Space" ? " " : k) as KeyName;
    for (const mod of parts) await this.page.keyboard.down(bidiKey(mod));
    await this.page.keyboard.press(bidiKey(main));
    for (const mod of parts.reverse()) await this.page.keyboard.up(bidiKey(mod));
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async mouseClick(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }
  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }
  extensionFrame(pathPrefix: string, opts?: WaitOptions): Promise<TestFrame> {
    return firefoxExtensionFrame(this.page, this, pathPrefix, opts);
  }
  async screenshot(file: string, fullPage = false): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file as `${string}.png`, fullPage });
  }
  async addInitScript(source: string): Promise<void> {
    await this.page.evaluateOnNewDocument(source);
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

/** An extension page of ours that the built manifest declares (gets the browser.* APIs). */
function extensionPageOf(dist: string): string | null {
  const manifest = readManifest(dist);
  return manifest.options_ui?.page ?? manifest.options_page ?? manifest.action?.default_popup ?? null;
}

/** Firefox's language pack for `locale`, installed with the browser (Debian: firefox-esr-l10n-<locale>). */
function requireFirefoxLangpack(locale: string): void {
  const dirs = [path.join(path.dirname(realpathSync(EXECUTABLES.firefox)), "browser/extensions"), "/usr/lib/firefox-esr/browser/extensions"];
  const found = dirs.some((d) => existsSync(d) && readdirSync(d).some((f) => f.startsWith(`langpack-${locale}@`)));
  if (!found) {
    throw new Error(`Firefox has no langpack-${locale}@….xpi in ${dirs.join(" or ")}: it would run in en-US. Install it (Debian: apt-get install firefox-esr-l10n-${locale}).`);
  }
}

/** The bits of the browser.* API used in the bridge page below. */
interface BrowserInPage {
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

async function launchFirefox(opts: LaunchOptions): Promise<TestBrowser> {
  const withExtension = opts.extension ?? true;
  if (opts.unmappedHostsFail) throw new Error("launch firefox: unmappedHostsFail is Chromium-only (Firefox maps exact host names and has no catch-all rule)");
  if (opts.locale) requireFirefoxLangpack(opts.locale);
  const dist = path.resolve(opts.dist ?? DIST.firefox);
  checkPrerequisites("firefox", withExtension ? dist : null);
  const uuid = randomUUID();
  // Firefox has no wildcard mapping: every host the server knows now, plus the usual ones.
  const hosts = [...new Set([...FIREFOX_LOCAL_HOSTS, ...opts.server.hosts(), ...(opts.hosts ?? [])])].filter(
    (h) => !/^[\d.]+$/.test(h) && h !== "localhost",
  );
  const browser: PpBrowser = await puppeteer.launch({
    browser: "firefox",
    executablePath: EXECUTABLES.firefox,
    headless: opts.headless ?? true,
    args: ["--remote-allow-system-access"],
    defaultViewport: VIEWPORT,
    ...(opts.acceptInsecureCerts ? { acceptInsecureCerts: true } : {}),
    handleSIGINT: opts.handleSignals ?? true,
    handleSIGTERM: opts.handleSignals ?? true,
    handleSIGHUP: opts.handleSignals ?? true,
    extraPrefsFirefox: {
      "network.dns.localDomains": hosts.join(","),
      // permissions.request() grants without a prompt: headless has no one to click "Allow".
      "extensions.webextOptionalPermissionPrompts": false,
      // 0 = dark, 1 = light: BiDi cannot emulate media features.
      ...(opts.colorScheme ? { "layout.css.prefers-color-scheme.content-override": opts.colorScheme === "dark" ? 0 : 1 } : {}),
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: uuid }),
      // The UI language: its langpack, installed with the browser, is loaded from the application scope.
      ...(opts.locale ? { "intl.locale.requested": opts.locale } : {}),
      // No background traffic: keeps the request lists about the pages under test.
      "app.normandy.enabled": false,
      "app.update.auto": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "browser.safebrowsing.downloads.enabled": false,
      "browser.ping-centre.telemetry": false,
      "datareporting.healthreport.uploadEnabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "extensions.getAddons.cache.enabled": false,
      "services.settings.server": "http://127.0.0.1:9/remote-settings-off",
    },
  });
  try {
    if (withExtension) await browser.installExtension(dist);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox did not install the extension from ${dist}`, { cause: error });
  }
  const version = await browser.version();
  const origin = `moz-extension://${uuid}`;
  const requests: BrowserRequest[] = [];
  const bridgePagePath = withExtension ? extensionPageOf(dist) : null;
  // BiDi gives no access to the background, so messages go out from an extension page of ours
  // (it has the browser.* APIs), kept in the tab Firefox starts with. Pages under test open in
  // later tabs and so are the active ones. (A tab opened in the background instead costs ~1 s.)
  // Pitfall: in that first tab, Enter/Space on a focused <button> does not click it; in tabs
  // opened by newPage() it does. So test pages never reuse it.
  let bridge: FirefoxPage | null = null;
  if (bridgePagePath) {
    bridge = new FirefoxPage((await browser.pages())[0] ?? (await browser.newPage()));
    try {
      await bridge.goto(`${origin}/${bridgePagePath}`);
      await bridge.waitForFunction("typeof browser === 'object' && !!browser.tabs", { timeout: 10_000 });
    } catch (error) {
      await browser.close();
      throw new Error(`Firefox did not open the extension page ${origin}/${bridgePagePath}`, { cause: error });
    }
  }

  return {
    name: "firefox",
    version,
    extensionOrigin: origin,
    requests,
    async newPage() {
      const page = await browser.newPage();
      page.on("request", (r) => {
        let resourceType = "other";
        try {
          resourceType = r.resourceType(); // Not implemented over BiDi yet.
        } catch {
          // keep "other"
        }
        let initiator = "";
        try {
          initiator = r.frame()?.url() ?? "";
        } catch {
          // keep ""
        }
        requests.push({ url: r.url(), method: r.method(), resourceType, time: Date.now(), initiator });
      });
      return new FirefoxPage(page);
    },
    async clickToolbarButton(page) {
      if (page.native.kind !== "puppeteer") throw new Error("clickToolbarButton: not a Firefox page");
      await page.bringToFront();
      const connection = (browser as unknown as { connection: BidiSend }).connection;
      const tree = (await connection.send("browsingContext.getTree", { "moz:scope": "chrome" })).result as {
        contexts: { context: string }[];
      };
      const window = tree.contexts[0]?.context;
      if (!window) throw new Error("clickToolbarButton: no browser window in the chrome scope");
      const { result } = await connection.send("script.evaluate", {
        expression: `(() => {
          const key = document.querySelector("keyset[id^='ext-keyset-id-'] key");
          if (!key) return "no shortcut key for the extension";
          key.doCommand();
          return "ok";
        })()`,
        target: { context: window },
        awaitPromise: false,
      });
      const value = (result as { result?: { value?: unknown } }).result?.value;
      if (value !== "ok") throw new Error(`clickToolbarButton: ${String(value)}`);
    },
    async sendToActiveTab(message) {
      if (!withExtension) throw new Error("sendToActiveTab: launched without the extension");
      if (!bridge) {
        throw new Error("sendToActiveTab needs an extension page (options_ui, options_page or a popup) in dist/firefox/manifest.json");
      }
      return bridge.evaluate(async (m: unknown) => {
        const b = (globalThis as unknown as { browser: BrowserInPage }).browser;
        const [tab] = await b.tabs.query({ active: true, lastFocusedWindow: true });
        const self = await b.tabs.getCurrent();
        if (tab?.id === undefined) throw new Error("no active tab");
        if (tab.id === self?.id) throw new Error("the active tab is the harness's own extension page");
        return b.tabs.sendMessage(tab.id, m);
      }, message);
    },
    extensionPageUrl(pagePath) {
      if (!withExtension) throw new Error("extensionPageUrl: launched without the extension");
      return `${origin}/${pagePath.replace(/^\//, "")}`;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Starts a browser with the built extension (dist/chrome or dist/firefox). Fails, never skips,
 * when the browser or the build is missing.
 */
export async function launch(name: BrowserName, opts: LaunchOptions): Promise<TestBrowser> {
  return name === "chromium" ? launchChromium(opts) : launchFirefox(opts);
}
