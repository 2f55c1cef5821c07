// Tidyread's panel as a reader meets it: a handle at the page's edge (in a closed shadow root the
// page's main world cannot query) and an extension page in a frame. Tests reach both as a user
// does: a real click where the handle is drawn, and the frame through TestPage.extensionFrame.
import type { BidiSend, TestFrame, TestPage } from "./browsers";

export const PANEL_PATH = "/src/panel/panel.html";
export const READER_PATH = "/src/reader/reader.html";

/**
 * Where the handle is drawn: at the middle of the page's end edge (the left one on right-to-left
 * pages, or as the options say); while the panel is open, beside it (the panel's side is the value
 * of <html data-tidyread-open>).
 */
export async function handlePoint(page: TestPage, side?: "left" | "right"): Promise<{ x: number; y: number }> {
  return page.evaluate((forced: "left" | "right" | null) => {
    const root = document.documentElement;
    const openSide = root.getAttribute("data-tidyread-open");
    const rtl = root.dir === "rtl" || getComputedStyle(root).direction === "rtl";
    const onLeft = openSide ? openSide === "left" : forced ? forced === "left" : rtl;
    // The open panel is min(380px, 100vw) wide (ui-host.css); the handle stands at its inner edge.
    const inset = openSide ? Math.min(380, innerWidth) : 0;
    // clientWidth leaves out a classic scrollbar, which Firefox draws over the page's end edge.
    return { x: onLeft ? inset + 8 : root.clientWidth - inset - 8, y: Math.round(innerHeight / 2) };
  }, side ?? null);
}

/** Waits until Tidyread has tidied the page (the kind mark on <html>). */
export async function waitForTidy(page: TestPage, kind = "article"): Promise<void> {
  await page.waitForFunction((k: string) => document.documentElement.getAttribute("data-tidyread-kind") === k, { timeout: 15_000 }, kind);
}

/** The panel frame, once it exists (it is made at idle after load, or when the panel first opens). */
export function panelFrame(page: TestPage, timeout = 10_000): Promise<TestFrame> {
  return page.extensionFrame(PANEL_PATH, { timeout });
}

/** Whether the panel's frame is drawn in the page (the iframe element laid out with a size), read through readUi. */
export async function panelVisible(page: TestPage): Promise<boolean> {
  return (await readUi(page))?.frames.some((f) => f.kind === "panel" && f.shown) ?? false;
}

/**
 * Whether the panel is shown, as its own document sees it (its window has a size). Chromium keeps a
 * hidden (display: none) frame's last size: there a closed panel still reads as shown. panelVisible()
 * asks the page's side.
 */
export async function panelShown(frame: TestFrame): Promise<boolean> {
  return frame.evaluate(() => innerWidth > 0 && innerHeight > 0 && document.visibilityState === "visible");
}

/**
 * Opens the panel with a real click on its handle and returns its frame once it lists what the
 * content script sent (the first view arrived).
 */
export async function openPanel(page: TestPage, opts: { side?: "left" | "right" } = {}): Promise<TestFrame> {
  await waitForTidy(page);
  // Open or closed is remembered per site: a click on an open panel's handle would close it.
  if (!(await isPanelOpen(page))) {
    const point = await handlePoint(page, opts.side);
    await page.mouseClick(point.x, point.y);
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-open"));
  }
  return panelWithView(page);
}

/** The panel frame (open or not) once it shows what the content script sent: the first view with the page's stories. */
export async function panelWithView(page: TestPage): Promise<TestFrame> {
  const frame = await panelFrame(page);
  await frame.waitForFunction(() => document.querySelector('[data-part="note"]')?.textContent !== "" || document.querySelector('[data-part="teasers"] > li') !== null, {
    timeout: 10_000,
  });
  return frame;
}

/** The panel's story titles, in the order shown. */
export function storyTitles(frame: TestFrame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('[data-part="teasers"] > li')].map((li) => (li.querySelector("a, .title")?.textContent ?? "").trim()));
}

/** Whether the panel is open: the content script marks <html> while it is (its value is the panel's side). */
export function isPanelOpen(page: TestPage): Promise<boolean> {
  return page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-open"));
}

/** Closes the panel with a real click on its handle (drawn beside the open panel), if it is open. */
export async function closePanel(page: TestPage): Promise<void> {
  if (!(await isPanelOpen(page))) return;
  const point = await handlePoint(page);
  await page.mouseClick(point.x, point.y);
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-open"));
}

/**
 * Runs in the page: whether what is drawn at (x, y) is Tidyread's element. The page sees only the
 * host of its closed shadow root there (events and hit tests are retargeted to it): a div child of
 * <html> in the top layer, which no fixture page has.
 */
export function isTidyreadAt(x: number, y: number): boolean {
  const hit = document.elementFromPoint(x, y);
  return !!hit && hit.parentElement === document.documentElement && hit.localName === "div" && hit.matches(":popover-open");
}

/** Runs in the page: elements under <html> that could be Tidyread's host (divs in the top layer). */
export function tidyreadHosts(): number {
  return [...document.documentElement.children].filter((el) => el.localName === "div" && el.matches(":popover-open")).length;
}

/** Whether the handle is drawn (and takes clicks) where a reader looks for it. */
export async function handleShown(page: TestPage, side?: "left" | "right"): Promise<boolean> {
  const point = await handlePoint(page, side);
  return page.evaluate(isTidyreadAt, point.x, point.y);
}

/**
 * Runs in the page: what of Tidyread the page's own scripts can find. Its UI is in a closed shadow
 * root and its frames are another origin: the page finds no element of Tidyread's but the bare host,
 * no extension frame and no word of Tidyread's text, open shadow roots included.
 */
export function tidyreadSeenByPage(): string[] {
  const found: string[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i += 1) {
    const root = roots[i];
    if (!root) continue;
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      if (el.localName === "iframe" && /^(chrome|moz)-extension:/.test((el as HTMLIFrameElement).src)) found.push(`iframe ${(el as HTMLIFrameElement).src}`);
      if (el.hasAttribute("data-tidyread-panel") || el.hasAttribute("data-tidyread-reader")) found.push(el.localName);
    }
    const text = root instanceof Document ? (root.documentElement?.textContent ?? "") : root.textContent ?? "";
    if (/Tidyread/.test(text)) found.push("the word Tidyread");
  }
  return found;
}

/** The handle as a reader and a screen reader find it: its words, name and state. */
export interface HandleView {
  text: string;
  label: string | null;
  expanded: string | null;
  hidden: boolean;
  /** Laid out with a size, visible and not transparent. */
  shown: boolean;
  /** It has the focus (keys go to it). */
  focused: boolean;
  color: string;
  fontSize: string;
  side: string | null;
  box: { x: number; y: number; width: number; height: number };
}

/** One of Tidyread's frames as the page holds it: its kind (class), accessible name and whether it is shown. */
export interface FrameView {
  kind: string;
  title: string | null;
  hidden: boolean;
  /** Laid out with a size, not display: none. */
  shown: boolean;
  position: string;
  box: { x: number; y: number; width: number; height: number };
}

/** What Tidyread's closed shadow root holds. */
export interface UiView {
  handle: HandleView | null;
  /** The picker's outline over the block being picked, when drawn. */
  outline: { x: number; y: number; width: number; height: number } | null;
  frames: FrameView[];
}

/**
 * Reads Tidyread's closed shadow root, which the page (and page.evaluate) cannot reach: Chromium
 * through CDP (DOM.describeNode pierces closed roots), Firefox through WebDriver BiDi
 * (serialization with includeShadowTree "all"). Null when Tidyread has no element in the page.
 */
export async function readUi(page: TestPage): Promise<UiView | null> {
  // Called with the shadow root as `this`.
  const read = `function () {
    const handle = this.querySelector("button.handle");
    const r = handle?.getBoundingClientRect();
    const outline = this.querySelector(".outline");
    const o = outline && !outline.hidden ? outline.getBoundingClientRect() : null;
    return JSON.stringify({
      outline: o ? { x: o.x, y: o.y, width: o.width, height: o.height } : null,
      handle: handle && r ? { text: handle.textContent, label: handle.getAttribute("aria-label"), expanded: handle.getAttribute("aria-expanded"),
        hidden: handle.hidden, shown: handle.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0,
        focused: this.activeElement === handle, side: handle.dataset.side ?? null,
        color: getComputedStyle(handle).color, fontSize: getComputedStyle(handle).fontSize,
        box: { x: r.x, y: r.y, width: r.width, height: r.height } } : null,
      frames: [...this.querySelectorAll("iframe")].map((f) => {
        const box = f.getBoundingClientRect();
        return { kind: f.className, title: f.getAttribute("title"), hidden: f.hidden, shown: f.checkVisibility() && box.width > 0 && box.height > 0,
          position: getComputedStyle(f).position, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
      }),
    });
  }`;
  const native = page.native;
  if (native.kind === "playwright") {
    const cdp = await native.page.context().newCDPSession(native.page);
    try {
      const { root } = (await cdp.send("DOM.getDocument", { depth: 1, pierce: true })) as { root: CdpNode };
      const html = root.children?.find((n) => n.localName === "html");
      const { node } = (await cdp.send("DOM.describeNode", { backendNodeId: html?.backendNodeId ?? 0, depth: 1, pierce: true })) as { node: CdpNode };
      const shadow = node.children?.map((n) => n.shadowRoots?.find((s) => s.shadowRootType === "closed")).find((s) => s !== undefined);
      if (!shadow) return null;
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send("Runtime.callFunctionOn", { objectId: object.objectId, functionDeclaration: read, returnByValue: true });
      return typeof result.value === "string" ? (JSON.parse(result.value) as UiView) : null;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }
  const connection = (native.page.browser() as unknown as { connection: BidiSend }).connection;
  const context = (native.page.mainFrame() as unknown as { _id: string })._id;
  // A sandbox: the page's own scripts cannot change what the reading code calls.
  const target = { context, sandbox: "tidyread-harness" };
  const { result } = await connection.send("script.evaluate", {
    expression: "document.documentElement",
    target,
    awaitPromise: false,
    resultOwnership: "root",
    serializationOptions: { maxDomDepth: 1, includeShadowTree: "all" },
  });
  const html = (result as { result?: { value?: { children?: BidiNode[] } } }).result?.value;
  const shadow = html?.children?.map((n) => n.value?.shadowRoot).find((s) => s?.value?.mode === "closed");
  if (!shadow?.sharedId) return null;
  const called = await connection.send("script.callFunction", {
    functionDeclaration: read,
    this: { sharedId: shadow.sharedId },
    target,
    awaitPromise: false,
    resultOwnership: "none",
  });
  const value = (called.result as { result?: { value?: unknown } }).result?.value;
  return typeof value === "string" ? (JSON.parse(value) as UiView) : null;
}

/** The handle (see readUi), or null when Tidyread has none on the page. */
export async function readHandle(page: TestPage): Promise<HandleView | null> {
  return (await readUi(page))?.handle ?? null;
}

interface CdpNode {
  backendNodeId: number;
  localName: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

interface BidiNode {
  sharedId?: string;
  value?: { mode?: string; shadowRoot?: BidiNode | null; children?: BidiNode[] };
}
