// Extension pages shown in iframes inside a web page (the side panel, the reader view), read and
// driven as a reader would: trusted mouse and key events go to the top page, at the element's
// place on screen. The page cannot reach these frames (another origin, inside a closed shadow
// root), and neither can page.evaluate: each browser's driver finds them by itself.
import type { Frame as PwFrame, Page as PwPage } from "playwright-core";
import type { Page as PpPage } from "puppeteer-core";
import type { BidiSend, PageFunction, TestPage, WaitOptions } from "./browsers";
import { describeFn, toExpression, toWaitExpression } from "./expressions";

/** A box in the top page's viewport, in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * An extension page in a frame of a TestPage. Selectors are plain CSS in the frame's document.
 * It stays bound to that frame: when the iframe is removed and made again, look it up again.
 * Assumes the frame is not scaled or rotated (box() and click() add its offset, nothing more).
 */
export interface TestFrame {
  /** The frame's URL (Firefox: as of the last call into the frame). */
  url(): string;
  /** Runs a function (or an expression) in the frame's document, as TestPage.evaluate does. */
  evaluate<R = unknown>(expression: string): Promise<R>;
  evaluate<R, A extends unknown[]>(fn: PageFunction<A, R>, ...args: A): Promise<Awaited<R>>;
  /** Waits until the function returns a truthy value in the frame, as TestPage.waitForFunction does. */
  waitForFunction<R = unknown>(expression: string, opts?: WaitOptions): Promise<R>;
  waitForFunction<R, A extends unknown[]>(fn: PageFunction<A, R>, opts?: WaitOptions, ...args: A): Promise<Awaited<R>>;
  /**
   * A trusted mouse click at the centre of the element: waits (10 s) until it is shown, scrolls it
   * into view, fails if something in the frame covers its centre, waits until its box keeps still
   * and a mouse move there reaches it at that very point (seen from the frame), clicks, and fails
   * if the press did not reach it (e.g. the page covers the frame).
   */
  click(selector: string): Promise<void>;
  /** Focuses the element; fails unless it then has the focus of a focused document (so keys reach it). */
  focus(selector: string): Promise<void>;
  /** Focuses the element and types `text` with real key events (press() on the page for Enter, Tab…). */
  type(selector: string, text: string): Promise<void>;
  /** The element's box in the top page's viewport coordinates (CSS px), or null (no element, or not rendered). */
  box(selector: string): Promise<Box | null>;
}

/** What each browser supplies: code run in the frame, and where the frame's viewport lies. */
interface FrameDriver {
  url(): string;
  /** Evaluates a JS expression in the frame's document: its awaited, JSON-serialisable value. */
  evaluate(expression: string): Promise<unknown>;
  /** The top-left corner of the frame's viewport in the top page's viewport (CSS px). */
  origin(): Promise<{ x: number; y: number }>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `check` until it returns something (errors count as nothing yet), or fails after `timeout` ms. */
async function poll<T>(check: () => Promise<T | null | undefined | false>, timeout: number, interval: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what()} within ${timeout} ms${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    }
    await sleep(interval);
  }
}

/** The promise's value, or undefined if it has not settled within `ms`. */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * An expression that re-evaluates `condition` in the frame until it is truthy, resolving to
 * `{value}`, or to `{timedOut: true}` after `timeout` ms. Polled inside the frame rather than by
 * the drivers' own waitForFunction, which builds functions from strings: the extension pages' CSP
 * forbids that.
 */
function pollingExpression(condition: string, timeout: number, polling: number | "raf"): string {
  const next = polling === "raf" ? "requestAnimationFrame(check)" : `setTimeout(check, ${polling})`;
  return `new Promise((resolve, reject) => {
    const deadline = Date.now() + ${timeout};
    const check = async () => {
      try {
        const value = await (${condition});
        if (value) resolve({ value });
        else if (Date.now() > deadline) resolve({ timedOut: true });
        else ${next};
      } catch (error) {
        reject(error);
      }
    };
    check();
  })`;
}

// Functions run in the frame (sent as source text: nothing from outside their bodies).

function isShown(selector: string): boolean {
  const element = document.querySelector(selector);
  if (!element) return false;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== "hidden";
}

function rectOf(selector: string): Box | null {
  const element = document.querySelector(selector);
  if (!element || element.getClientRects().length === 0) return null;
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
}

/** Scrolls the element into view (its frame and the page too); "" when nothing in the frame covers its centre. */
function scrollIntoViewAndHitTest(selector: string): string {
  const element = document.querySelector(selector);
  if (!element) return "no element matches";
  element.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
  const rect = element.getBoundingClientRect();
  const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
  if (!hit) return "its centre is outside the frame's view";
  if (element.contains(hit)) return "";
  return `its centre is covered by <${hit.tagName.toLowerCase()}${hit.id ? ` id="${hit.id}"` : ""}>`;
}

interface PointerWatch {
  tidyreadHarnessPointer?: {
    events: { type: string; x: number; y: number; on: boolean; target: string }[];
    listener: (event: MouseEvent) => void;
  };
}

/** Starts (or starts again) recording mouse moves and presses in the frame, each with whether it reached the element. */
function watchPointer(selector: string): void {
  const w = window as unknown as PointerWatch;
  const types = ["mousemove", "mousedown"] as const;
  if (w.tidyreadHarnessPointer) for (const type of types) removeEventListener(type, w.tidyreadHarnessPointer.listener, true);
  const events: { type: string; x: number; y: number; on: boolean; target: string }[] = [];
  const listener = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target : null;
    const on = !!target && !!document.querySelector(selector)?.contains(target);
    events.push({ type: event.type, x: event.clientX, y: event.clientY, on, target: target?.tagName.toLowerCase() ?? "?" });
  };
  for (const type of types) addEventListener(type, listener, true);
  w.tidyreadHarnessPointer = { events, listener };
}

/** Waits briefly for a recorded event of this type on the element (at x, y in frame px, unless null): "" then, else what the pointer did. */
async function pointerReached(type: string, x: number | null, y: number | null): Promise<string> {
  const watch = (window as unknown as PointerWatch).tidyreadHarnessPointer;
  if (!watch) return "no pointer watch";
  const at = (e: { x: number; y: number }): boolean => x === null || y === null || (Math.abs(e.x - x) <= 1 && Math.abs(e.y - y) <= 1);
  const deadline = Date.now() + 300;
  while (!watch.events.some((e) => e.type === type && e.on && at(e))) {
    if (Date.now() > deadline) {
      const last = watch.events.filter((e) => e.type === type).at(-1);
      if (!last) return `no ${type} reached the frame (does something of the page cover it?)`;
      return `the ${last.type} landed on <${last.target}> at ${last.x},${last.y}${x === null ? "" : `, not at ${x},${y} (is the frame moving?)`}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return "";
}

function stopWatchingPointer(): void {
  const w = window as unknown as PointerWatch;
  if (!w.tidyreadHarnessPointer) return;
  for (const type of ["mousemove", "mousedown"] as const) removeEventListener(type, w.tidyreadHarnessPointer.listener, true);
  delete w.tidyreadHarnessPointer;
}

/** Focuses the element; "" when it has the focus and its document has the window's. */
function focusAndCheck(selector: string): string {
  const element = document.querySelector(selector);
  if (!(element instanceof HTMLElement || element instanceof SVGElement)) return "no focusable element matches";
  element.focus();
  if (document.activeElement !== element) return `it did not take the focus (the focus is on <${document.activeElement?.tagName.toLowerCase() ?? "nothing"}>)`;
  if (!document.hasFocus()) return "the frame's document does not have the focus: keys would go elsewhere";
  return "";
}

const sameBox = (a: Box, b: Box): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

class ExtensionFrame implements TestFrame {
  constructor(
    private readonly driver: FrameDriver,
    private readonly page: TestPage,
  ) {}
  url(): string {
    return this.driver.url();
  }
  evaluate<R>(fn: string | ((...args: never[]) => R), ...args: unknown[]): Promise<R> {
    return this.driver.evaluate(toExpression(fn, args)) as Promise<R>;
  }
  async waitForFunction<R>(fn: string | ((...args: never[]) => R), opts: WaitOptions = {}, ...args: unknown[]): Promise<R> {
    const timeout = opts.timeout ?? 10_000;
    const expression = pollingExpression(toWaitExpression(fn, args), timeout, opts.polling ?? 50);
    // A frame removed mid-wait may leave the evaluation pending for good: give up a little later.
    const result = (await settledWithin(this.driver.evaluate(expression), timeout + 5_000)) as { value?: R; timedOut?: true } | undefined;
    if (!result || result.timedOut) throw new Error(`waitForFunction timed out after ${timeout} ms in ${this.url()}: ${describeFn(fn)}`);
    return result.value as R;
  }
  async box(selector: string): Promise<Box | null> {
    return (await this.place(selector))?.box ?? null;
  }
  /** The element's box in the top page, and the frame's viewport origin there. */
  private async place(selector: string): Promise<{ box: Box; origin: { x: number; y: number } } | null> {
    const rect = await this.evaluate(rectOf, selector);
    if (!rect) return null;
    const origin = await this.driver.origin();
    return { box: { x: origin.x + rect.x, y: origin.y + rect.y, width: rect.width, height: rect.height }, origin };
  }
  async click(selector: string): Promise<void> {
    const timeout = 10_000;
    const where = (): string => `click: ${selector} in ${this.url()}`;
    await this.waitForFunction(isShown, { timeout }, selector).catch((error: unknown) => {
      throw new Error(`${where()}: not shown within ${timeout} ms`, { cause: error });
    });
    const covered = await this.evaluate(scrollIntoViewAndHitTest, selector);
    if (covered) throw new Error(`${where()}: ${covered}`);
    try {
      const point = await this.aim(selector, timeout, where);
      await this.page.mouseClick(point.x, point.y);
      // The press itself must have reached the element too. (Not checked when the click closed or
      // reloaded the frame.)
      const lost = await this.evaluate(pointerReached, "mousedown", null, null).catch(() => "");
      if (lost) throw new Error(`${where()}: ${lost}`);
    } finally {
      await this.evaluate(stopWatchingPointer).catch(() => undefined);
    }
  }
  /**
   * Where to click: the centre of the element's box once the box keeps still (two equal boxes
   * 50 ms apart: the panel may be sliding in) and a harmless move there reaches the element at
   * that very point, seen from the frame (Firefox's boxes do not follow a sliding frame; the
   * browser's hits do). The move goes beside the centre, from further off, so that it is a move
   * every time: after a layout change a frame may replay a move at the pointer's last place
   * (Chromium does), the centre after an earlier click. (So: elements over 6 px.)
   */
  private async aim(selector: string, timeout: number, where: () => string): Promise<{ x: number; y: number }> {
    const nudge = 3;
    let last: Box | null = null;
    let missed = "its box did not keep still";
    return poll(
      async () => {
        const place = await this.place(selector);
        const still = place && last && sameBox(place.box, last);
        last = place?.box ?? null;
        if (!still) return null;
        const x = Math.round(place.box.x + place.box.width / 2);
        const y = Math.round(place.box.y + place.box.height / 2);
        await this.evaluate(watchPointer, selector);
        await this.page.mouseMove(x - nudge, y - nudge);
        await this.page.mouseMove(x + nudge, y + nudge);
        missed = await this.evaluate(pointerReached, "mousemove", x + nudge - place.origin.x, y + nudge - place.origin.y);
        return missed ? null : { x, y };
      },
      timeout,
      50,
      () => `${where()}: ${missed}`,
    );
  }
  async focus(selector: string): Promise<void> {
    await this.waitForFunction((s: string) => !!document.querySelector(s), {}, selector);
    const problem = await this.evaluate(focusAndCheck, selector);
    if (problem) throw new Error(`focus: ${selector} in ${this.url()}: ${problem}`);
  }
  async type(selector: string, text: string): Promise<void> {
    await this.focus(selector);
    await this.page.type(text);
  }
}

/** An extension page (chrome-extension:, moz-extension:) whose path starts with `pathPrefix`. */
function isExtensionPage(url: string, pathPrefix: string): boolean {
  return /^(chrome|moz)-extension:\/\//.test(url) && new URL(url).pathname.startsWith(pathPrefix);
}

/** Waits until the frame's document is the extension page and has loaded (its scripts have run). */
async function loaded(driver: FrameDriver, page: TestPage, pathPrefix: string, deadline: number, interval: number): Promise<TestFrame> {
  const check = toExpression((prefix: string) => location.pathname.startsWith(prefix) && document.readyState === "complete", [pathPrefix]);
  // Errors here are the frame still replacing about:blank: poll() tries again.
  await poll(() => driver.evaluate(check), Math.max(0, deadline - Date.now()), interval, () => `${driver.url()} did not load`);
  return new ExtensionFrame(driver, page);
}

const lookupTimes = (opts: WaitOptions): { timeout: number; interval: number } => ({
  timeout: opts.timeout ?? 10_000,
  interval: typeof opts.polling === "number" ? opts.polling : 50,
});

// ---------------------------------------------------------------------------------------------
// Chromium: Playwright lists every frame, out-of-process ones too, and evaluates in them.

/**
 * Where the frame's viewport lies in the top page: each iframe element's content box, summed up
 * the chain. (Playwright's own boundingBox() for elements in out-of-process frames leaves out
 * the iframe's border and padding.)
 */
async function chromiumOrigin(frame: PwFrame): Promise<{ x: number; y: number }> {
  let x = 0;
  let y = 0;
  for (let child = frame, parent = frame.parentFrame(); parent; child = parent, parent = parent.parentFrame()) {
    const owner = await child.frameElement();
    try {
      const corner = await owner.evaluate((iframe: Element) => {
        const rect = iframe.getBoundingClientRect();
        const style = getComputedStyle(iframe);
        return { x: rect.x + iframe.clientLeft + parseFloat(style.paddingLeft), y: rect.y + iframe.clientTop + parseFloat(style.paddingTop) };
      });
      x += corner.x;
      y += corner.y;
    } finally {
      await owner.dispose();
    }
  }
  return { x, y };
}

export async function chromiumExtensionFrame(page: PwPage, testPage: TestPage, pathPrefix: string, opts: WaitOptions = {}): Promise<TestFrame> {
  const { timeout, interval } = lookupTimes(opts);
  const deadline = Date.now() + timeout;
  const frame = await poll(
    async () => page.frames().find((f) => isExtensionPage(f.url(), pathPrefix)),
    timeout,
    interval,
    () => `extensionFrame: no frame of an extension page under ${pathPrefix} in ${page.url()} (frames: ${page.frames().map((f) => f.url()).join(", ")})`,
  );
  const driver: FrameDriver = {
    url: () => frame.url(),
    evaluate: (expression) => frame.evaluate(expression),
    origin: () => chromiumOrigin(frame),
  };
  return loaded(driver, testPage, pathPrefix, deadline, interval);
}

// ---------------------------------------------------------------------------------------------
// Firefox: Puppeteer's page.frames() leaves out moz-extension: frames, but WebDriver BiDi lists
// them as child browsing contexts of the tab, and script.evaluate runs in them.

interface BidiContextInfo {
  context: string;
  url: string;
  children: BidiContextInfo[] | null;
}

type BidiEvaluateResult =
  | { type: "success"; result: { type: string; value?: unknown } }
  | { type: "exception"; exceptionDetails: { text: string } };

function findContext(contexts: readonly BidiContextInfo[], pathPrefix: string): BidiContextInfo | undefined {
  for (const info of contexts) {
    if (isExtensionPage(info.url, pathPrefix)) return info;
    const inChild = findContext(info.children ?? [], pathPrefix);
    if (inChild) return inChild;
  }
  return undefined;
}

/** Evaluates in a context (or a sandbox there); the value comes back as JSON, with the document's URL. */
async function bidiEvaluate(connection: BidiSend, target: { context: string; sandbox?: string }, expression: string): Promise<{ value?: unknown; href: string }> {
  // Newlines around the expression: a trailing // comment in it must not swallow the ")".
  const wrapped = `(async () => JSON.stringify({ value: await (\n${expression}\n), href: location.href }))()`;
  const { result } = await connection.send("script.evaluate", { expression: wrapped, target, awaitPromise: true, resultOwnership: "none" });
  const evaluated = result as BidiEvaluateResult;
  if (evaluated.type === "exception") throw new Error(evaluated.exceptionDetails.text);
  if (typeof evaluated.result.value !== "string") throw new Error(`script.evaluate gave no JSON: ${JSON.stringify(evaluated.result)}`);
  return JSON.parse(evaluated.result.value) as { value?: unknown; href: string };
}

// Gecko's own: the position of a window's viewport on the screen, in CSS px.
const SCREEN_POSITION = "[window.mozInnerScreenX, window.mozInnerScreenY]";

export async function firefoxExtensionFrame(page: PpPage, testPage: TestPage, pathPrefix: string, opts: WaitOptions = {}): Promise<TestFrame> {
  const { timeout, interval } = lookupTimes(opts);
  const deadline = Date.now() + timeout;
  const connection = (page.browser() as unknown as { connection: BidiSend }).connection;
  // The tab's browsing context: Puppeteer keeps its id on the main frame.
  const tab = (page.mainFrame() as unknown as { _id: string })._id;
  let tree: BidiContextInfo[] = [];
  const found = await poll(
    async () => {
      const { result } = await connection.send("browsingContext.getTree", { root: tab });
      tree = (result as { contexts: BidiContextInfo[] }).contexts;
      return findContext(tree, pathPrefix);
    },
    timeout,
    interval,
    () => `extensionFrame: no frame of an extension page under ${pathPrefix} in ${page.url()} (contexts: ${JSON.stringify(tree)})`,
  );
  let href = found.url;
  const driver: FrameDriver = {
    url: () => href,
    async evaluate(expression) {
      try {
        const evaluated = await bidiEvaluate(connection, { context: found.context }, expression);
        href = evaluated.href;
        return evaluated.value;
      } catch (error) {
        throw new Error(`evaluate in ${href}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    // Both windows' viewports on the screen, the frame's less the tab's (read in a sandbox, where
    // the page's scripts cannot redefine it). Covers any depth, borders, padding and scrolling.
    async origin() {
      const [inFrame, inTab] = await Promise.all([
        bidiEvaluate(connection, { context: found.context }, SCREEN_POSITION),
        bidiEvaluate(connection, { context: tab, sandbox: "tidyread-harness" }, SCREEN_POSITION),
      ]);
      const [frameX, frameY] = inFrame.value as [number, number];
      const [tabX, tabY] = inTab.value as [number, number];
      return { x: frameX - tabX, y: frameY - tabY };
    },
  };
  return loaded(driver, testPage, pathPrefix, deadline, interval);
}
