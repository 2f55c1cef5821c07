// The hostile-page suite (issue 12, "The page cannot touch Tidyread"), in Chromium and Firefox.
// The page is untrusted: a script of its own (installed with addInitScript, so it runs in the
// page's main world before anything else) attacks whatever of Tidyread it can reach, and each test
// asserts what must hold. Before issue 12 the panel, the picker and their buttons lived in open
// shadow roots of the page: every attack below then worked. The reader view's attacks are left out
// here (it is moving into an extension frame on its own branch).
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BROWSERS, launch, type Box, type TestBrowser, type TestFrame, type TestPage } from "./harness/browsers";
import { handlePoint, openPanel, panelFrame, panelShown, READER_PATH, storyTitles, waitForTidy } from "./harness/panel";
import { countColour, readPng } from "./harness/pixels";
import { FIXTURES_DIR, REPO_ROOT } from "./harness/server";
import { useBrowser } from "./harness/suite";

const SEMANTIC = readFileSync(path.join(FIXTURES_DIR, "daily8-article-semantic", "page.html"), "utf8");
const OPTIONS_PAGE = "src/options/options.html";
const HOST = "www.daily8.com";
const SHOTS = path.join(REPO_ROOT, "test-output", "untrusted");

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The semantic fixture with its related list replaced by these cards (title, link): each a teaser with a time stamp. */
function withCards(cards: readonly { title: string; href: string }[]): string {
  const html = cards
    .map((c, i) => `<article class="c4"><h3><a href="${c.href}">${c.title}</a></h3><span class="c5">Outlet ${i % 7}</span><span class="c6">${(i % 20) + 1} hours ago</span></article>`)
    .join("\n");
  return SEMANTIC.replace(/(<div class="s5">)[\s\S]*?(<\/div>\s*<\/section>\s*<section class="s6")/, `$1\n${html}\n$2`);
}

// ---------------------------------------------------------------------------------------------
// The page's own script: its tools for every attack, on window.__hostile. Sent as source text.

/** What the hostile page's script offers the tests (in the page: window.__hostile). */
interface Hostile {
  /** Trusted-or-not key and input events the page heard, from the moment the page started. */
  heard: { type: string; key: string; trusted: boolean }[];
  /** Shadow roots it caught: by replacing Element.prototype.attachShadow, or through a caret API's node. */
  leakedRoots: ShadowRoot[];
  /** Scripted clicks, pointer and key events on every element it can reach, for `ms`. */
  storm(ms: number): Promise<{ rounds: number; events: number; elements: number; reachedHost: boolean }>;
  /** Thousands of scripted events at the handle's place and on Tidyread's element, for `ms`. */
  flood(ms: number): Promise<{ events: number }>;
  /** Every text, attribute and name the page can read. */
  collect(): string;
  /** What the page can measure of Tidyread from its side (for the seen-list trick). */
  observe(): Record<string, unknown>;
  /** Removes Tidyread's element `removals` times and closes its popover in a loop, for `ms`. */
  harass(ms: number, removals: number): Promise<{ removed: number; hid: number; popoverTargetClicks: number }>;
  /** Where `document.elementFromPoint` lands: "tidyread", a decoy's id, or the element's tag. */
  hitAt(x: number, y: number): string;
  /** Whether Tidyread's element is in the page and in the top layer. */
  hostIntact(): boolean;
  /** Decoys: one catching every click over the whole window, two painted over `box` letting clicks through (a div, and <html>'s ::after). */
  layDecoys(box: Box): void;
  /** A decoy over `box` in the page's own top layer (a popover shown after Tidyread's). */
  layTopLayerDecoy(box: Box): void;
  /** Trusted clicks the decoys received. */
  decoyClicks: number;
  /** A page-made copy of Tidyread's old panel host; returns the centre of its fake category button. */
  fakePanel(): { x: number; y: number };
  /** Clicks the page's own handlers on the fake panel's buttons received. */
  fakeClicks: number;
}
type HostileWindow = Window & { __hostile: Hostile };

function installHostilePage(): void {
  // Only the page itself: the drivers may run init scripts in Tidyread's frames too.
  if (!/^https?:$/.test(location.protocol) || window.top !== window) return;
  const leakedRoots: ShadowRoot[] = [];
  // Catch every shadow root as it is made, forced open (Tidyread's would be, if it shared this world).
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit): ShadowRoot {
    const root = attachShadow.call(this, { ...init, mode: "open" });
    leakedRoots.push(root);
    return root;
  };
  const heard: Hostile["heard"] = [];
  // Heard on window and on document: each event noted once.
  const noted = new WeakSet<Event>();
  for (const type of ["keydown", "keyup", "keypress", "input", "beforeinput", "textInput", "compositionstart", "compositionupdate", "compositionend"]) {
    const note = (e: Event): void => {
      if (noted.has(e)) return;
      noted.add(e);
      heard.push({ type: e.type, key: (e as KeyboardEvent).key ?? (e as InputEvent).data ?? "", trusted: e.isTrusted });
    };
    window.addEventListener(type, note, true);
    document.addEventListener(type, note, true);
  }
  // The page's scripted clicks must not navigate it away (its links, its comment form).
  window.addEventListener("click", (e) => {
    if (e.target instanceof Element && e.target.closest("a[href], [type=submit]")) e.preventDefault();
  });
  window.addEventListener("submit", (e) => e.preventDefault(), true);

  let knownHost: Element | null = null;
  /** Tidyread's element as the page finds it: the child of <html> that is neither <head> nor <body>. */
  const tidyreadHost = (): Element | null => {
    const found = [...document.documentElement.children].find((el) => el !== document.head && el !== document.body);
    if (found) knownHost = found;
    return found ?? knownHost;
  };
  type CaretDocument = Document & {
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
  };
  /** Nodes the caret APIs find at the handle's edge and over the panel's column (they could name a node in a closed root). */
  const caretNodes = (): Node[] => {
    const doc = document as CaretDocument;
    const nodes: Node[] = [];
    const right = document.documentElement.clientWidth;
    for (let y = 8; y < innerHeight; y += 24) {
      for (const x of [right - 4, right - 12, right - 60, right - 200, right - 340]) {
        for (const node of [doc.caretRangeFromPoint?.(x, y)?.startContainer, doc.caretPositionFromPoint?.(x, y)?.offsetNode]) if (node) nodes.push(node);
      }
    }
    return nodes;
  };
  /** Every element the page can reach: the document, open shadow roots, caught ones, the top layer, caret hits. */
  const reachable = (): Element[] => {
    for (const node of caretNodes()) {
      const root = node.getRootNode();
      if (root instanceof ShadowRoot && !leakedRoots.includes(root)) leakedRoots.push(root);
    }
    const all = new Set<Element>([document.documentElement]);
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll("*")) {
        all.add(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    for (const root of leakedRoots) visit(root);
    for (const el of document.querySelectorAll(":popover-open")) all.add(el);
    for (const el of document.documentElement.children) all.add(el);
    const host = tidyreadHost();
    if (host) all.add(host);
    return [...all];
  };
  const mouse = (type: string, x: number, y: number): Event => {
    const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0, buttons: 1, view: window };
    return type.startsWith("pointer") ? new PointerEvent(type, { ...init, pointerType: "mouse", isPrimary: true }) : new MouseEvent(type, init);
  };
  const key = (type: string, k: string): Event =>
    new KeyboardEvent(type, { key: k, code: k === " " ? "Space" : k, bubbles: true, cancelable: true, composed: true, view: window });
  /** Everything a script can do to make an element act: returns how many events it sent. */
  const poke = (el: Element, x: number, y: number): number => {
    let sent = 0;
    for (const type of ["pointerover", "pointerdown", "mousedown", "pointerup", "mouseup", "click", "dblclick", "auxclick"]) {
      el.dispatchEvent(mouse(type, x, y));
      sent++;
    }
    for (const k of ["Enter", " ", "Escape"]) {
      for (const type of ["keydown", "keypress", "keyup"]) {
        el.dispatchEvent(key(type, k));
        sent++;
      }
    }
    if (el instanceof HTMLElement) {
      el.focus();
      el.click();
      sent++;
    }
    return sent;
  };
  /** What is under a point, down through every shadow root the page can open. */
  const deepestAt = (x: number, y: number): Element | null => {
    let hit = document.elementFromPoint(x, y);
    for (let inner = hit?.shadowRoot?.elementFromPoint(x, y); hit && inner && inner !== hit; inner = hit.shadowRoot?.elementFromPoint(x, y)) hit = inner;
    return hit;
  };
  const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  const handlePlace = (): { x: number; y: number } => ({ x: document.documentElement.clientWidth - 8, y: Math.round(innerHeight / 2) });

  const hostile: Hostile = {
    heard,
    leakedRoots,
    decoyClicks: 0,
    fakeClicks: 0,
    async storm(ms) {
      const end = performance.now() + ms;
      let rounds = 0;
      let events = 0;
      let elements = 0;
      let reachedHost = false;
      while (performance.now() < end) {
        const els = reachable();
        elements = els.length;
        reachedHost ||= els.includes(tidyreadHost() as Element);
        for (const el of els) {
          const r = el.getBoundingClientRect();
          events += poke(el, r.x + r.width / 2, r.y + r.height / 2);
        }
        const at = handlePlace();
        const hit = deepestAt(at.x, at.y);
        if (hit) events += poke(hit, at.x, at.y);
        rounds++;
        await nextTask();
      }
      return { rounds, events, elements, reachedHost };
    },
    async flood(ms) {
      const end = performance.now() + ms;
      let events = 0;
      while (performance.now() < end) {
        const at = handlePlace();
        const targets = [deepestAt(at.x, at.y), tidyreadHost()].filter((el): el is Element => el !== null);
        for (let i = 0; i < 20; i++) for (const el of targets) events += poke(el, at.x, at.y);
        await nextTask();
      }
      return { events };
    },
    collect() {
      const parts: string[] = [document.documentElement.outerHTML, document.title, document.body.innerText, location.href, document.cookie];
      for (const el of reachable()) {
        for (const a of el.attributes) parts.push(`${a.name}=${a.value}`);
        if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
        if (el instanceof HTMLIFrameElement) parts.push(el.src, el.title, el.name);
      }
      for (const root of leakedRoots) parts.push(root.innerHTML);
      const host = tidyreadHost();
      if (host) {
        parts.push(host.outerHTML, host.innerHTML, host.textContent ?? "", String(host.shadowRoot));
        for (const pseudo of [null, "::before", "::after", "::backdrop"]) {
          const style = getComputedStyle(host, pseudo);
          for (const p of style) parts.push(`${p}:${style.getPropertyValue(p)}`);
        }
        parts.push(...host.getAnimations().map((a) => a.id));
      }
      parts.push(...performance.getEntries().map((e) => e.name));
      parts.push(`frames:${window.length}`);
      for (let i = 0; i < window.length; i++) {
        try {
          parts.push(String(window[i]?.location.href));
        } catch (error) {
          parts.push(String(error));
        }
      }
      for (const sheet of document.styleSheets) {
        try {
          for (const rule of sheet.cssRules) parts.push(rule.cssText);
        } catch {
          // A sheet of another origin.
        }
      }
      parts.push(String(getSelection()), JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
      const active = document.activeElement;
      parts.push(active?.outerHTML.slice(0, 500) ?? "");
      return parts.join("\n");
    },
    observe() {
      const host = tidyreadHost();
      const rect = host?.getBoundingClientRect();
      const style = host ? getComputedStyle(host) : null;
      const grid: string[] = [];
      for (let y = 4; y < innerHeight; y += 16) {
        let row = "";
        for (let x = 4; x < innerWidth; x += 16) {
          const el = document.elementFromPoint(x, y);
          row += el === host ? "T" : (el?.localName[0] ?? ".");
        }
        grid.push(row);
      }
      const html = document.documentElement.outerHTML;
      return {
        html,
        newWords: (document.body.innerText.match(/\bNew\b/g) ?? []).length + (html.match(/\bNew\b/g) ?? []).length,
        rootAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
        host: host && {
          html: host.outerHTML,
          rect: rect && [rect.x, rect.y, rect.width, rect.height],
          sizes: host instanceof HTMLElement ? [host.offsetWidth, host.offsetHeight, host.scrollWidth, host.scrollHeight, host.clientWidth, host.clientHeight] : null,
          style: style ? [...style].map((p) => `${p}:${style.getPropertyValue(p)}`).join(";") : null,
          popoverOpen: host.matches(":popover-open"),
        },
        grid,
        active: document.activeElement === host ? "tidyread" : (document.activeElement?.localName ?? null),
        frames: window.length,
        // The browser's own favicon request is left out: a profile that has been here before does not repeat it.
        resources: performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((n) => !n.endsWith("/favicon.ico")),
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      };
    },
    async harass(ms, removals) {
      const host = tidyreadHost();
      if (!host) return { removed: 0, hid: 0, popoverTargetClicks: 0 };
      // A page button that closes Tidyread's popover by its invoker attribute, on scripted clicks.
      host.id = "tidyread-host-named-by-page";
      const closer = Object.assign(document.createElement("button"), { textContent: "close it" });
      closer.setAttribute("popovertarget", host.id);
      closer.setAttribute("popovertargetaction", "hide");
      document.body.append(closer);
      const end = performance.now() + ms;
      // The removals in the first 80 % of the time (late ones caught up at once), the popover closed throughout.
      const every = (ms * 0.8) / removals;
      let removed = 0;
      let hid = 0;
      let popoverTargetClicks = 0;
      let nextRemoval = performance.now();
      while (performance.now() < end) {
        while (removed < removals && performance.now() >= nextRemoval) {
          // Put back somewhere else by the page, then removed: each time a change to repair.
          if (!host.isConnected) document.body.append(host);
          host.remove();
          removed++;
          nextRemoval += every;
        }
        if (host.isConnected) {
          try {
            (host as HTMLElement).hidePopover();
            hid++;
          } catch {
            // Not a popover (any more).
          }
          closer.click();
          popoverTargetClicks++;
        }
        await nextTask();
      }
      // It leaves Tidyread's element out of the page.
      host.remove();
      closer.remove();
      return { removed, hid, popoverTargetClicks };
    },
    hitAt(x, y) {
      const el = document.elementFromPoint(x, y);
      if (!el) return "nothing";
      if (el === tidyreadHost()) return "tidyread";
      return el.id || el.localName;
    },
    hostIntact() {
      const host = tidyreadHost();
      return !!host && host.parentNode === document.documentElement && host.matches(":popover-open");
    },
    layDecoys(box) {
      const catcher = document.createElement("div");
      catcher.id = "decoy-catcher";
      catcher.style.cssText = "position:fixed;inset:0;z-index:2147483647;pointer-events:auto;background:rgb(255,0,255);";
      catcher.addEventListener("click", (e) => {
        if (e.isTrusted) hostile.decoyClicks++;
      });
      const win = document.createElement("div");
      win.id = "decoy-win";
      win.textContent = "Click here to win";
      win.style.cssText = `position:fixed;left:${box.x - 10}px;top:${box.y - 10}px;width:${box.width + 20}px;height:${box.height + 20}px;z-index:2147483647;pointer-events:none;background:rgb(0,255,0);color:black;font:bold 16px sans-serif;`;
      document.body.append(catcher, win);
      // The same again where stacking favours the page most: its root's ::after pseudo-element
      // comes after every child of <html>, Tidyread's element included, at the same z-index.
      const style = document.createElement("style");
      style.textContent = `html::after{content:"Click here to win";position:fixed;left:${box.x - 10}px;top:${box.y - 10}px;width:${box.width + 20}px;height:${box.height + 20}px;z-index:2147483647;pointer-events:none;background:rgb(0,255,0);color:black;font:bold 16px sans-serif;}`;
      document.head.append(style);
    },
    layTopLayerDecoy(box) {
      const win = document.createElement("div");
      win.id = "decoy-top-layer";
      win.popover = "manual";
      win.textContent = "Click here to win";
      win.style.cssText = `position:fixed;inset:auto;margin:0;border:0;padding:0;left:${box.x - 10}px;top:${box.y - 10}px;width:${box.width + 20}px;height:${box.height + 20}px;pointer-events:none;background:rgb(0,255,0);color:black;font:bold 16px sans-serif;`;
      document.body.append(win);
      win.showPopover();
    },
    fakePanel() {
      const fake = document.createElement("div");
      fake.setAttribute("data-tidyread-panel", "");
      fake.style.cssText = "position:fixed;left:24px;top:96px;width:300px;padding:16px;background:white;border:2px solid teal;z-index:1000;";
      const button = (part: string, text: string): HTMLButtonElement => {
        const b = Object.assign(document.createElement("button"), { type: "button", textContent: text });
        b.setAttribute("data-part", part);
        b.style.cssText = "margin:4px;padding:8px 12px;font:16px sans-serif;";
        b.addEventListener("click", () => hostile.fakeClicks++);
        return b;
      };
      const comments = button("pick-comments", "Comments");
      fake.append(button("site-off", "Turn off on this site"), " ", comments);
      document.body.append(fake);
      const r = comments.getBoundingClientRect();
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    },
  };
  (window as unknown as HostileWindow).__hostile = hostile;
}

const HOSTILE_SCRIPT = `(${installHostilePage.toString()})();`;

// ---------------------------------------------------------------------------------------------
// The extension's side, read through one of its own pages (the options page): storage and tabs.

interface ExtensionApi {
  storage: {
    sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> };
    local: { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void>; getBytesInUse?: (keys: null) => Promise<number> };
    onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
  };
  tabs: { query(q: object): Promise<unknown[]> };
}
type ExtensionWindow = Window & { browser?: ExtensionApi; chrome?: ExtensionApi; storageChanges?: { area: string; keys: string[] }[] };

interface ExtensionState {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  tabs: number;
  /** storage.local's size: the browser's own count where it has one (getBytesInUse), and its JSON's length. */
  localBytes: number | null;
  localJsonLength: number;
}

/** Runs in the extension page. */
async function readExtensionState(): Promise<ExtensionState> {
  const w = window as ExtensionWindow;
  const api = (w.browser ?? w.chrome) as ExtensionApi;
  const [sync, local, tabs] = await Promise.all([api.storage.sync.get(null), api.storage.local.get(null), api.tabs.query({})]);
  const getBytesInUse = api.storage.local.getBytesInUse;
  const localBytes = typeof getBytesInUse === "function" ? await getBytesInUse.call(api.storage.local, null).catch(() => null) : null;
  return { sync, local, tabs: tabs.length, localBytes, localJsonLength: JSON.stringify(local).length };
}

/** Runs in the extension page: empties both storage areas, and starts counting changes to them. */
async function resetStorage(): Promise<void> {
  const w = window as ExtensionWindow;
  const api = (w.browser ?? w.chrome) as ExtensionApi;
  await api.storage.sync.clear();
  await api.storage.local.clear();
  if (!w.storageChanges) api.storage.onChanged.addListener((changes, area) => w.storageChanges?.push({ area, keys: Object.keys(changes) }));
  w.storageChanges = [];
}

/** Runs in the extension page: the storage changes since the last call (or reset). */
function takeStorageChanges(): { area: string; keys: string[] }[] {
  const w = window as ExtensionWindow;
  const changes = w.storageChanges ?? [];
  w.storageChanges = [];
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Reading the page and the panel.

/** Runs in the page: whether the four blocks are still hidden (marked and not displayed) and the story shown. */
function cleaning(): { hidden: string[]; shown: string[]; articleHidden: number; commentsDisplay: string | null } {
  const blocks = [...document.querySelectorAll("[data-expect-hidden]")];
  const comments = document.querySelector('[data-expect-hidden="comments"]');
  return {
    hidden: blocks.filter((b) => b.getAttribute("data-tidyread-hidden") && getComputedStyle(b).display === "none").map((b) => b.getAttribute("data-expect-hidden") ?? ""),
    shown: blocks.filter((b) => b.checkVisibility()).map((b) => b.getAttribute("data-expect-hidden") ?? ""),
    articleHidden: [...document.querySelectorAll("[data-expect=article]")].filter((el) => !el.checkVisibility()).length,
    commentsDisplay: comments ? getComputedStyle(comments).display : null,
  };
}
const CLEAN = { hidden: ["ai-promo", "comments", "related", "app-banner"], shown: [], articleHidden: 0, commentsDisplay: "none" };

const panelOpenMark = (page: TestPage): Promise<string | null> => page.evaluate(() => document.documentElement.getAttribute("data-tidyread-open"));

/** The picker's line in the panel. */
const pickerText = (frame: TestFrame): Promise<string> => frame.evaluate(() => document.querySelector('[data-part="picker"]')?.textContent ?? "");

/** The panel's category buttons offered for a chosen block (none when the block was refused). */
const categoryChoices = (frame: TestFrame): Promise<string[]> =>
  frame.evaluate(() =>
    [...document.querySelectorAll('[data-part="picker"] button')].map((b) => b.getAttribute("data-part") ?? "").filter((p) => !["pick-cancel", "pick-wider"].includes(p)),
  );

describe.each(BROWSERS)("%s: a hostile page cannot touch Tidyread", (name) => {
  const suite = useBrowser(name);
  /** One of Tidyread's own pages, kept open to read storage and count tabs. */
  let extension: TestPage;

  beforeAll(async () => {
    extension = await suite.browser.newPage();
    await extension.goto(suite.browser.extensionPageUrl(OPTIONS_PAGE));
    await extension.waitForFunction(() => {
      const w = window as ExtensionWindow;
      return !!(w.browser ?? w.chrome)?.storage;
    });
  });
  beforeEach(async () => {
    await extension.evaluate(resetStorage);
  });

  const extensionState = (): Promise<ExtensionState> => extension.evaluate(readExtensionState);

  /** A new tab with the hostile script, on `html` served at `pagePath`, once Tidyread tidied it. */
  async function hostilePage(pagePath: string, html = SEMANTIC): Promise<TestPage> {
    const url = suite.server.addPage(HOST, pagePath, html);
    const page = await suite.browser.newPage();
    await page.addInitScript(HOSTILE_SCRIPT);
    await page.goto(url);
    await waitForTidy(page);
    return page;
  }

  // 1. Before: the page's click() on the panel's buttons opened search tabs, turned the site off,
  //    drove the picker and flipped the switches. Now: scripted events on everything the page can
  //    reach (its DOM, open shadow roots, the top layer, Tidyread's element itself, the handle's
  //    place), with the panel closed and then open, change nothing.
  it("scripted clicks and keys on everything open no tab, change no setting, undo no cleaning and open no panel", async () => {
    const page = await hostilePage("/en/article/untrusted-storm");
    try {
      const frame = await panelFrame(page);
      const before = await extensionState();
      const closed = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.storm(2_000));
      console.info(`${name} storm, panel closed: ${closed.rounds} rounds over ${closed.elements} elements, ${closed.events} events`);
      expect(closed.reachedHost).toBe(true);
      expect(closed.events).toBeGreaterThan(1_000);
      // Whatever was queued has had its turn.
      await sleep(500);
      expect(await page.evaluate(() => (window as unknown as HostileWindow).__hostile.leakedRoots.length)).toBe(0);
      expect(await panelOpenMark(page)).toBeNull();
      expect(await panelShown(frame)).toBe(false);
      expect(await page.evaluate(cleaning)).toEqual(CLEAN);
      expect(await extensionState()).toEqual(before);

      // The reader opens the panel; the page tries again on everything, the panel's host included.
      await openPanel(page);
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-open"));
      await sleep(300);
      const opened = await extensionState();
      const whileOpen = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.storm(2_000));
      console.info(`${name} storm, panel open: ${whileOpen.rounds} rounds, ${whileOpen.events} events`);
      await sleep(500);
      expect(await panelOpenMark(page)).not.toBeNull();
      expect(await panelShown(frame)).toBe(true);
      expect(await page.evaluate(cleaning)).toEqual(CLEAN);
      expect(await extensionState()).toEqual(opened);
      expect(opened.tabs).toBe(before.tabs);
    } finally {
      await page.close();
    }
  });

  // 2. Before: the page read the panel (its strings, settings, the reader's filter text) from its
  //    open shadow root. Now: of all the text, attributes, styles and entry names the page can
  //    reach, none is the panel's, the typed text, a setting or the frame's one-time token.
  it("nothing of the panel, the reader's typing, the settings or the frame's token is readable by the page", async () => {
    // A setting to look for: the panel's theme.
    await extension.evaluate(async () => {
      const w = window as ExtensionWindow;
      await (w.browser ?? w.chrome)?.storage.sync.set({ theme: "dark" });
    });
    const page = await hostilePage("/en/article/untrusted-read");
    try {
      const frame = await openPanel(page);
      await frame.waitForFunction(() => document.documentElement.dataset["theme"] === "dark");
      await frame.type('[data-part="filter"]', "secret words");
      await frame.waitForFunction(() => (document.querySelector('[data-part="filter"]') as HTMLInputElement).value === "secret words");
      const token = await frame.evaluate(() => location.hash.slice(1));
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      const seen = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.collect());
      console.info(`${name}: the page read ${seen.length} characters`);
      // The page's own words are there (the reading worked)...
      expect(seen).toContain("Moscow and Kiev exchange remains of fallen soldiers");
      // ...and nothing of Tidyread's. ("Related Articles" is the page's own heading; the panel's is "Related articles".)
      const secrets = [
        "Related articles",
        "What Tidyread did",
        "Turn off on this site",
        "Hide a block",
        "Show the original page",
        "Filter related articles",
        "Tidyread: related articles",
        "secret words",
        token,
        "src/panel",
        "-extension://",
        "data-theme",
      ];
      expect(secrets.filter((s) => seen.includes(s))).toEqual([]);
      expect(seen).not.toMatch(/\bdark\b/i);
    } finally {
      await page.close();
    }
  });

  // 3. Before: keys typed in the panel's filter were composed events that left its shadow root:
  //    the page heard every one. Now the filter is in another document: the page hears nothing.
  it("the reader's typing in the panel is not heard by the page", async () => {
    const page = await hostilePage("/en/article/untrusted-keys");
    const heard = (): Promise<Hostile["heard"]> => page.evaluate(() => (window as unknown as HostileWindow).__hostile.heard.splice(0));
    try {
      // The page's listeners hear what is typed in the page's own field (they work)...
      await page.evaluate(() => {
        const input = Object.assign(document.createElement("input"), { id: "page-field" });
        document.querySelector("article")?.prepend(input);
      });
      await page.focus("#page-field");
      await heard();
      await page.type("ab");
      expect((await heard()).filter((e) => e.type === "keydown" && e.trusted).map((e) => e.key)).toEqual(["a", "b"]);
      const frame = await openPanel(page);
      // ...and nothing of what the reader types in the panel's filter.
      await frame.focus('[data-part="filter"]');
      await heard();
      await page.type("secret words");
      await frame.waitForFunction(() => (document.querySelector('[data-part="filter"]') as HTMLInputElement).value === "secret words");
      await sleep(200);
      expect(await heard()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // 4. Before: the panel marked stories "New" in the page's DOM, so a page that showed crafted
  //    teasers could read on the next visit which ones this browser had seen (a visitor ID that
  //    survives cleared cookies). Now the page's every observation on visit 2 (its DOM, Tidyread's
  //    element's size and style, what lies under each point) is the same for a visitor who saw the
  //    stories and for a fresh profile that never did, while the panel itself marks them.
  it("the seen-list trick: the page learns nothing of which stories are new", async () => {
    const card = (id: string): { title: string; href: string } => ({ title: `Crafted story ${id} for the tracker`, href: `/en/article/crafted-${id}` });
    const visit1 = withCards(["a", "b", "c", "d"].map(card));
    const visit2 = withCards(["b", "c", "e", "f"].map(card));
    suite.server.addPage(HOST, "/en/article/seen-1", visit1);
    const visit2Url = suite.server.addPage(HOST, "/en/article/seen-2", visit2);

    /** Visit 2 in `browser`: the page observes, the reader opens the panel, the page observes again. */
    async function secondVisit(browser: TestBrowser): Promise<{ observed: unknown[]; marked: string[]; titles: string[] }> {
      const page = await browser.newPage();
      try {
        await page.addInitScript(HOSTILE_SCRIPT);
        await page.goto(visit2Url);
        await waitForTidy(page);
        // The list is read at idle and the frame made then: wait for it, as the page could.
        await panelFrame(page);
        const observe = (): Promise<Record<string, unknown>> => page.evaluate(() => (window as unknown as HostileWindow).__hostile.observe());
        const observed: unknown[] = [await observe()];
        const frame = await openPanel(page);
        await frame.waitForFunction(() => document.querySelectorAll('[data-part="teasers"] > li').length === 4);
        observed.push(await observe());
        await sleep(300);
        observed.push(await observe());
        const marked = await frame.evaluate(() =>
          [...document.querySelectorAll('[data-part="teasers"] > li')].filter((li) => li.querySelector('[data-part="new"]')).map((li) => li.querySelector("a")?.textContent ?? ""),
        );
        return { observed, marked, titles: await storyTitles(frame) };
      } finally {
        await page.close();
      }
    }

    // Visit 1: the reader looks at the panel (the stories become seen), then closes it, so that
    // both visitors meet the panel closed on visit 2 (open or closed is remembered per site, and
    // a page can tell: that one bit is the reader's choice, not the seen list).
    const first = await hostilePage("/en/article/seen-1", visit1);
    try {
      const frame = await openPanel(first);
      expect(await storyTitles(frame)).toHaveLength(4);
      await frame.click('[data-part="close"]');
      await first.waitForFunction(() => !document.documentElement.hasAttribute("data-tidyread-open"));
      await extension.waitForFunction(async () => {
        const w = window as ExtensionWindow;
        const local = await (w.browser ?? w.chrome)?.storage.local.get(null);
        return Array.isArray(local?.["seen:daily8"]) && local?.["panelOpen:daily8"] === false;
      });
    } finally {
      await first.close();
    }
    const returning = await secondVisit(suite.browser);
    const fresh = await launch(name, { server: suite.server });
    let stranger: Awaited<ReturnType<typeof secondVisit>>;
    try {
      stranger = await secondVisit(fresh);
    } finally {
      await fresh.close();
    }
    // The panel knows: for the returning reader two stories are new, for the stranger none (a first visit marks nothing).
    expect(returning.marked).toEqual(["Crafted story e for the tracker", "Crafted story f for the tracker"]);
    expect(stranger.marked).toEqual([]);
    expect(returning.titles).toEqual(stranger.titles);
    // The page does not.
    expect(returning.observed).toEqual(stranger.observed);
  });

  // 5. Before: scripted clicks exhausted storage.sync's write rate (a real change on the options
  //    page was then silently lost) and 290 teasers with 36,000-character links filled
  //    storage.local. Now thousands of scripted events write nothing, a real change still saves,
  //    and storage.local stays small after the reader opens the panel on that page.
  it("a flood of scripted events writes nothing; a real change on the options page still saves; storage.local stays small", async () => {
    const long = "x".repeat(36_000);
    const cards = Array.from({ length: 290 }, (_, i) => ({ title: `Flooding story number ${i + 1}`, href: `/en/article/flood-${i + 1}?q=${long}` }));
    const page = await hostilePage("/en/article/untrusted-flood", withCards(cards));
    try {
      await extension.evaluate(takeStorageChanges);
      const flood = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.flood(3_000));
      console.info(`${name} flood: ${flood.events} scripted events in 3 s`);
      await sleep(500);
      expect(await extension.evaluate(takeStorageChanges)).toEqual([]);
      expect(await panelOpenMark(page)).toBeNull();
      expect(flood.events).toBeGreaterThan(5_000);

      // The reader opens the panel on this page: the seen list is written, in short hashes.
      const frame = await openPanel(page);
      expect(await storyTitles(frame)).toHaveLength(50);
      await extension.waitForFunction(async () => {
        const w = window as ExtensionWindow;
        const local = await (w.browser ?? w.chrome)?.storage.local.get(null);
        return Array.isArray(local?.["seen:daily8"]);
      });
      const state = await extensionState();
      const seenList = state.local["seen:daily8"] as string[];
      console.info(
        `${name} storage.local after 290 teasers with 36,000-character links: ${state.localJsonLength} characters of JSON` +
          `${state.localBytes === null ? " (no getBytesInUse for storage.local here)" : `, ${state.localBytes} bytes by getBytesInUse`}; seen list ${seenList.length} hashes`,
      );
      expect(seenList.length).toBeLessThanOrEqual(200);
      // Before the fix the same visit stored ~10 MB. (Firefox counts ~2.5 bytes per character of JSON.)
      expect(state.localJsonLength).toBeLessThan(16_384);
      if (state.localBytes !== null) expect(state.localBytes).toBeLessThan(16_384);

      // A real change on the options page is saved and reads back.
      const options = await suite.browser.newPage();
      try {
        await options.goto(suite.browser.extensionPageUrl(OPTIONS_PAGE));
        await options.waitForFunction(() => (document.getElementById("theme") as HTMLSelectElement | null)?.value === "system");
        await options.evaluate(() => {
          const select = document.getElementById("theme") as HTMLSelectElement;
          select.value = "dark";
          select.dispatchEvent(new Event("change"));
        });
        const status = await options.waitForFunction(() => {
          const text = document.getElementById("status")?.textContent ?? "";
          return text === "" ? null : text;
        });
        expect(status).toMatch(/^Saved/);
        expect((await extensionState()).sync["theme"]).toBe("dark");
      } finally {
        await options.close();
      }
    } finally {
      await page.close();
    }
  });

  // 6. Before: a page element laid over the panel with pointer-events: none turned a real click on
  //    "Turn off on this site" into the page's wish. Now Tidyread's element is in the top layer:
  //    the page's decoys (at z-index 2147483647, even as <html>'s ::after, which a plain element
  //    at the end of <html> would lose to) are under the panel, neither hit there nor painted
  //    there; a real click there reaches the panel; clicking the decoys elsewhere does nothing to
  //    Tidyread.
  it("decoys over the panel: the panel stays on top, hit and painted; clicks on the decoys elsewhere do nothing to Tidyread", async () => {
    const page = await hostilePage("/en/article/untrusted-decoy");
    try {
      const frame = await openPanel(page);
      const siteOff = await frame.box('[data-part="site-off"]');
      const filter = await frame.box('[data-part="filter"]');
      if (!siteOff || !filter) throw new Error("the panel shows no 'Turn off on this site' or filter");
      const before = await extensionState();
      await page.evaluate((b: Box) => (window as unknown as HostileWindow).__hostile.layDecoys(b), siteOff);
      const centre = (b: Box): [number, number] => [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)];
      const hitAt = (x: number, y: number): Promise<string> => page.evaluate((px: number, py: number) => (window as unknown as HostileWindow).__hostile.hitAt(px, py), x, y);
      expect(await hitAt(...centre(siteOff))).toBe("tidyread");
      expect(await hitAt(...centre(filter))).toBe("tidyread");
      // Outside the panel the page's catcher is what a click hits.
      expect(await hitAt(100, 100)).toBe("decoy-catcher");

      // What the reader sees: no pixel of either decoy inside the panel's controls, the catcher's colour beside it.
      mkdirSync(SHOTS, { recursive: true });
      const shot = path.join(SHOTS, `${name}-decoys.png`);
      await page.bringToFront();
      await page.screenshot(shot);
      const picture = readPng(shot);
      const width = await page.evaluate(() => innerWidth);
      const magenta = [255, 0, 255] as const;
      const green = [0, 255, 0] as const;
      expect(countColour(picture, { x: 60, y: 60, width: 80, height: 80 }, magenta, width)).toBe(80 * 80);
      for (const box of [siteOff, filter]) {
        expect(countColour(picture, box, magenta, width) + countColour(picture, box, green, width)).toBe(0);
      }

      // A real click on the panel reaches it (the harness checks the press arrived there).
      await frame.click('[data-part="filter"]');
      expect(await frame.evaluate(() => document.activeElement?.getAttribute("data-part"))).toBe("filter");
      // A real click on the decoy outside the panel is the page's alone.
      await page.mouseClick(100, 100);
      await sleep(300);
      expect(await page.evaluate(() => (window as unknown as HostileWindow).__hostile.decoyClicks)).toBe(1);
      expect(await panelOpenMark(page)).not.toBeNull();
      expect(await page.evaluate(cleaning)).toEqual(CLEAN);
      expect(await extensionState()).toEqual(before);
    } finally {
      await page.close();
    }
  });

  // 6b. The same decoy as 6, but in the page's own top layer: a manual popover the page shows
  //     after Tidyread's. The top layer paints and hits in the order elements entered it, so the
  //     page's is drawn over the panel, and with pointer-events: none a real click on "Click here
  //     to win" reaches "Turn off on this site" under it. Before, that click turned the site off
  //     (measured in both browsers, ~3,600-3,900 of the decoy's pixels over the button). The page
  //     can still draw there; now the content script finds the page's top-layer element over the
  //     panel when the reader acts, does nothing, and the panel says why.
  it("a decoy the page shows in its own top layer over the panel turns no click into Tidyread's action", async () => {
    const page = await hostilePage("/en/article/untrusted-top-layer");
    try {
      const frame = await openPanel(page);
      const siteOff = await frame.box('[data-part="site-off"]');
      if (!siteOff) throw new Error("the panel shows no 'Turn off on this site'");
      await page.evaluate((b: Box) => (window as unknown as HostileWindow).__hostile.layTopLayerDecoy(b), siteOff);
      mkdirSync(SHOTS, { recursive: true });
      const shot = path.join(SHOTS, `${name}-top-layer-decoy.png`);
      await page.bringToFront();
      await page.screenshot(shot);
      const painted = countColour(readPng(shot), siteOff, [0, 255, 0], await page.evaluate(() => innerWidth));
      const centre = { x: Math.round(siteOff.x + siteOff.width / 2), y: Math.round(siteOff.y + siteOff.height / 2) };
      // The reader clicks "Click here to win".
      await page.mouseClick(centre.x, centre.y);
      await frame.waitForFunction(() => /covers/.test(document.querySelector('[data-part="status"]')?.textContent ?? ""), { timeout: 5_000 });
      await sleep(500);
      const off = (await extensionState()).sync["sitesOff"];
      console.info(`${name} top-layer decoy: ${painted} of its pixels painted over the button; the click turned the site off: ${JSON.stringify(off ?? null)}`);
      expect(painted).toBeGreaterThan(0); // the page did draw over the button: the test is the attack it says
      expect(off).toBeUndefined();
      expect(await panelOpenMark(page)).not.toBeNull();
    } finally {
      await page.close();
    }
  });

  // 10. Before: the reader view was an open shadow root in the page's DOM: the page could read its
  //     article and settings, rewrite its text and insert links into it after it opened. Now it is
  //     an extension page in a frame: the page's storm of scripted events, its reading of all it can
  //     reach and its attempts to insert a link everywhere it can reach leave the reader's article
  //     as it was, unread.
  it("the reader view: the page can neither read it nor rewrite it nor insert links into it", async () => {
    const page = await hostilePage("/en/article/untrusted-reader");
    try {
      const panel = await openPanel(page);
      await panel.click('[data-part="reader"]');
      const reader = await page.extensionFrame(READER_PATH);
      const article = (): { text: string; links: string[] } => {
        const body = document.querySelector("article") ?? document.body;
        return { text: (body.textContent ?? "").replace(/\s+/g, " ").trim(), links: [...body.querySelectorAll("a")].map((a) => a.href) };
      };
      await reader.waitForFunction(() => (document.querySelector("article")?.textContent ?? "").length > 200);
      const before = await reader.evaluate(article);
      const tampered = await page.evaluate(() => {
        let inserted = 0;
        const everything = [document.documentElement, ...document.querySelectorAll("*")];
        for (const el of everything) {
          if (el.localName === "script" || el.localName === "head") continue;
          try {
            const a = document.createElement("a");
            a.href = "https://evil.example/phish";
            a.textContent = "PAGE-INSERTED";
            el.append(a);
            inserted += 1;
          } catch {
            // Some elements refuse children.
          }
        }
        return inserted;
      });
      await page.evaluate(() => (window as unknown as HostileWindow).__hostile.storm(1_000));
      const seen = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.collect());
      const after = await reader.evaluate(article);
      expect(tampered).toBeGreaterThan(10);
      expect(after).toEqual(before);
      expect(after.links.filter((href) => href.includes("evil.example"))).toEqual([]);
      // A sentence of the story as the reader shows it is in the page's own DOM too (the page wrote
      // it); what the page must not find is the reader view's own words.
      expect(seen).not.toMatch(/Reader view|Leave reader view|Smaller text|src\/reader/);
      expect(await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-reading"))).toBe(true);
    } finally {
      await page.close();
    }
  });

  // 7. Before: the picker let clicks on any [data-tidyread-panel] element through as Tidyread's
  //    own, so a page-made copy was clickable during picking. Now the picker knows Tidyread's UI by
  //    identity: the copy is a page block like any other (the panel offers to hide it), and the
  //    page's own handlers on it do not run (the picker holds page clicks back).
  it("a fake panel host is a page block to the picker, and its page handlers do not run", async () => {
    const page = await hostilePage("/en/article/untrusted-fake-host");
    try {
      const fake = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.fakePanel());
      const frame = await openPanel(page);
      await frame.click('[data-part="pick"]');
      await frame.waitForFunction(() => /Click the block/.test(document.querySelector('[data-part="picker"]')?.textContent ?? ""));
      await page.mouseClick(fake.x, fake.y);
      await frame.waitForFunction(() => /^Selected:/.test(document.querySelector('[data-part="picker"]')?.textContent ?? ""), { timeout: 5_000 });
      expect(await pickerText(frame)).toMatch(/^Selected: div, “Turn off on this site Comments”/);
      expect(await categoryChoices(frame)).toContain("pick-comments");
      expect(await page.evaluate(() => (window as unknown as HostileWindow).__hostile.fakeClicks)).toBe(0);
      await frame.click('[data-part="pick-cancel"]');
      await frame.waitForFunction(() => document.querySelector('[data-part="picker"]')?.textContent === "");
      expect(Object.keys((await extensionState()).sync).filter((k) => k.startsWith("rules:"))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // 8. Before: only the story's title was guarded, so the picker (driven by the page's scripted
  //    clicks) could store a rule hiding a paragraph of the story on every page of the site. Now
  //    scripted clicks choose nothing, a real click on the story is refused, and a rule planted in
  //    storage that would hide the story hides nothing.
  it("the picker ignores scripted clicks, refuses the story's own paragraph, and a planted rule cannot hide the story", async () => {
    const page = await hostilePage("/en/article/untrusted-picker");
    try {
      const frame = await openPanel(page);
      await frame.click('[data-part="pick"]');
      await frame.waitForFunction(() => /Click the block/.test(document.querySelector('[data-part="picker"]')?.textContent ?? ""));
      // The page pokes the comments block and a paragraph of the story with scripted events.
      await page.evaluate(() => {
        const targets = [document.querySelector('[data-expect-hidden="comments"] p'), document.querySelectorAll("article p")[3]];
        for (const el of targets) {
          for (const type of ["pointermove", "pointerdown", "mousedown", "mouseup", "click"]) el?.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
          el?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
        }
      });
      await sleep(300);
      expect(await pickerText(frame)).toMatch(/^Click the block/);
      // The reader clicks a paragraph of the story.
      const paragraph = await page.evaluate(() => {
        const p = document.querySelectorAll("article p")[3] as HTMLElement;
        p.scrollIntoView({ block: "center" });
        const r = p.getBoundingClientRect();
        return { x: Math.round(r.x + 40), y: Math.round(r.y + r.height / 2) };
      });
      await page.mouseClick(paragraph.x, paragraph.y);
      await frame.waitForFunction(() => /never hides the article/.test(document.querySelector('[data-part="picker"]')?.textContent ?? ""), { timeout: 5_000 });
      expect(await categoryChoices(frame)).toEqual([]);
      await frame.click('[data-part="pick-cancel"]');
      expect(Object.keys((await extensionState()).sync).filter((k) => k.startsWith("rules:"))).toEqual([]);
      expect(await page.evaluate(cleaning)).toEqual(CLEAN);
    } finally {
      await page.close();
    }

    // A rule that would hide the whole story, as if a page had once got it stored.
    await extension.evaluate(async (host: string) => {
      const w = window as ExtensionWindow;
      await (w.browser ?? w.chrome)?.storage.sync.set({ [`rules:${host}`]: [{ category: "comments", selector: "body > main:nth-of-type(1) > article:nth-of-type(1)" }] });
    }, HOST);
    const planted = await hostilePage("/en/article/untrusted-planted");
    try {
      const frame = await openPanel(planted);
      await frame.waitForFunction(() => /would hide words of the story/.test(document.querySelector('[data-part="status"]')?.textContent ?? ""), { timeout: 5_000 });
      expect(await planted.evaluate(cleaning)).toEqual(CLEAN);
    } finally {
      await planted.close();
    }
  });

  // 9. Before: the panel was an element of the page, which the page could remove or hide for good.
  //    Now Tidyread's element comes back, within its repair budget: after 100 removals and 2 s of
  //    closing its popover (by hidePopover and by a popovertarget button), it is back in the top
  //    layer within a second of the page stopping, and a real click on the handle opens the panel.
  it("removed 100 times and its popover closed for 2 s, Tidyread's element is back within a second and the handle works", async () => {
    const page = await hostilePage("/en/article/untrusted-remove");
    try {
      await panelFrame(page);
      const done = await page.evaluate(() => (window as unknown as HostileWindow).__hostile.harass(2_000, 100));
      const stopped = Date.now();
      console.info(`${name} harass: ${done.removed} removals, ${done.hid} hidePopover calls, ${done.popoverTargetClicks} popovertarget clicks`);
      expect(done.removed).toBe(100);
      await page.waitForFunction(() => (window as unknown as HostileWindow).__hostile.hostIntact(), { timeout: 5_000, polling: 20 });
      const back = Date.now() - stopped;
      console.info(`${name}: Tidyread's element back ${back} ms after the page stopped`);
      expect(back).toBeLessThanOrEqual(1_000);
      const point = await handlePoint(page);
      expect(await page.evaluate((x: number, y: number) => (window as unknown as HostileWindow).__hostile.hitAt(x, y), point.x, point.y)).toBe("tidyread");
      const frame = await openPanel(page);
      expect(await panelShown(frame)).toBe(true);
      expect(await storyTitles(frame)).toHaveLength(3);
      expect(await page.evaluate(cleaning)).toEqual(CLEAN);
    } finally {
      await page.close();
    }
  });
});
