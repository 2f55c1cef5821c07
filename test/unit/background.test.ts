import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "../../src/background/rate-limit";
import { ownExtension, senderKind } from "../../src/background/senders";
import { MESSAGE_LIMITS, readToBackground } from "../../src/shared/messages";

type Listener = (...args: unknown[]) => unknown;
const OWN_ID = vi.hoisted(() => "abcdefghijklmnopabcdefghijklmnop");
const listeners: Record<string, Listener> = {};
const api = {
  action: {
    onClicked: { addListener: (l: Listener) => (listeners["clicked"] = l) },
    setTitle: vi.fn(async () => undefined),
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
  },
  runtime: {
    id: OWN_ID,
    getURL: (path: string) => `chrome-extension://${OWN_ID}/${path}`,
    onMessage: { addListener: (l: Listener) => (listeners["message"] = l) },
    onConnect: { addListener: (l: Listener) => (listeners["connect"] = l) },
    getManifest: () => ({ content_scripts: [{ js: ["src/content/index.js"], css: ["src/content/hide.css"] }] }),
  },
  tabs: {
    sendMessage: vi.fn(async (_tabId: number, _message: unknown): Promise<unknown> => ({})),
    connect: vi.fn((_tabId: number, _info: unknown) => fakePort(undefined)),
    onRemoved: { addListener: (l: Listener) => (listeners["removed"] = l) },
  },
  search: { query: vi.fn(async (_query: unknown) => undefined) },
  scripting: { insertCSS: vi.fn(async () => undefined), executeScript: vi.fn(async () => []) },
};
const siteAccess = vi.hoisted(() => ({ added: 0 }));
vi.mock("webextension-polyfill", () => ({ default: api }));
vi.mock("webext-dynamic-content-scripts", () => ({}));
vi.mock("../../src/background/site-access", () => ({ addSiteAccessMenu: () => (siteAccess.added += 1), notePage: async () => undefined }));

/** A runtime port as the relay sees it: what it was sent, and whether it was cut. */
interface FakePort {
  name: string;
  sender: unknown;
  sent: unknown[];
  disconnected: boolean;
  listeners: { message: Listener[]; disconnect: Listener[] };
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(l: Listener): void };
  onDisconnect: { addListener(l: Listener): void };
}
function fakePort(sender: unknown, name = "tidyread-frame:0123"): FakePort {
  const port: FakePort = {
    name,
    sender,
    sent: [],
    disconnected: false,
    listeners: { message: [], disconnect: [] },
    postMessage: (m) => void port.sent.push(m),
    disconnect: () => {
      port.disconnected = true;
    },
    onMessage: { addListener: (l) => void port.listeners.message.push(l) },
    onDisconnect: { addListener: (l) => void port.listeners.disconnect.push(l) },
  };
  return port;
}

/** Senders as the browser describes them. */
const contentIn = (tabId: number, url = "https://news.example.org/story/1"): unknown => ({ id: OWN_ID, url, tab: { id: tabId }, frameId: 0 });
const panelIn = (tabId: number): unknown => ({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/panel/frame.html`, tab: { id: tabId }, frameId: 4 });
const search = { type: "search:original", title: "US to cut Ukraine aid", source: "Russia Today" };

const state = (hidden: number, enabled = true): unknown => ({
  type: "page:state",
  state: { enabled, panelOpen: false, teasers: 0, hidden: { comments: hidden, "ai-promo": 0, "app-banner": 0, sponsored: 0, related: 0 } },
});

describe("background", () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    await import("../../src/background/index");
  });

  it("the toolbar button (and its shortcut) toggles the panel in its tab, with no popup in between", async () => {
    await listeners["clicked"]?.({ id: 7 });
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(7, { type: "panel:toggle" });
  });

  it("on a page no site profile knows, tidies it once with the click's permission", async () => {
    api.tabs.sendMessage.mockRejectedValueOnce(new Error("Receiving end does not exist"));
    await listeners["clicked"]?.({ id: 9, url: "https://news.example.org/story/1" });
    expect(api.scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 9 }, files: ["src/content/hide.css"] });
    expect(api.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 9 }, files: ["src/content/index.js"] });
    expect(api.tabs.sendMessage).toHaveBeenLastCalledWith(9, { type: "page:clean" });
  });

  it("retries an injection Chromium refuses before the click's grant reached the page, and nothing else", async () => {
    const refused = new Error("Cannot access contents of the page. Extension manifest must request permission to access the respective host.");
    api.tabs.sendMessage.mockRejectedValueOnce(new Error("Receiving end does not exist"));
    api.scripting.executeScript.mockRejectedValueOnce(refused);
    await listeners["clicked"]?.({ id: 10, url: "https://news.example.org/story/2" });
    expect(api.scripting.executeScript).toHaveBeenCalledTimes(2);
    expect(api.tabs.sendMessage).toHaveBeenLastCalledWith(10, { type: "page:clean" });

    vi.clearAllMocks();
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    api.tabs.sendMessage.mockRejectedValueOnce(new Error("Receiving end does not exist"));
    api.scripting.executeScript.mockRejectedValueOnce(new Error("Frame with ID 0 was removed."));
    await listeners["clicked"]?.({ id: 11, url: "https://news.example.org/story/3" });
    expect(api.scripting.executeScript).toHaveBeenCalledTimes(1);
    expect(api.action.setTitle).toHaveBeenCalledWith({ tabId: 11, title: expect.stringMatching(/cannot be tidied/) });
  });

  it("says so in the button's title where a page cannot be tidied", async () => {
    api.tabs.sendMessage.mockRejectedValueOnce(new Error("Receiving end does not exist"));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await listeners["clicked"]?.({ id: 8, url: "about:addons" });
    expect(api.scripting.executeScript).not.toHaveBeenCalled();
    expect(api.action.setTitle).toHaveBeenCalledWith({ tabId: 8, title: expect.stringMatching(/cannot be tidied/) });
  });

  it("offers 'Always tidy this site' on the button's context menu", () => {
    expect(siteAccess.added).toBe(1);
  });

  it("shows the number of hidden blocks on the tab's badge, and ignores other messages", async () => {
    await listeners["message"]?.(state(3), contentIn(5));
    expect(api.action.setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: "3" });
    await listeners["message"]?.(state(3, false), contentIn(5));
    expect(api.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: "" });
    expect(listeners["message"]?.({ type: "something-else" }, contentIn(5))).toBeUndefined();
    expect(listeners["message"]?.(state(1), { id: OWN_ID, url: "https://news.example.org/" })).toBeUndefined();
  });

  describe("acts only for Tidyread", () => {
    afterEach(() => vi.useRealTimers());

    it.each([
      ["another extension", { id: "zyxwvutsrqponmlkzyxwvutsrqponmlk", url: "https://news.example.org/story/1", tab: { id: 5 }, frameId: 0 }],
      ["another extension's page", { id: "zyxwvutsrqponmlkzyxwvutsrqponmlk", url: "chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/x.html", tab: { id: 5 }, frameId: 3 }],
      ["our content script in a sub-frame", { id: OWN_ID, url: "https://ads.example.net/frame", tab: { id: 5 }, frameId: 2 }],
      ["our content script on a page that is not http(s)", { id: OWN_ID, url: "file:///home/me/story.html", tab: { id: 5 }, frameId: 0 }],
      ["a web page (no tab)", { id: OWN_ID, url: "https://news.example.org/story/1" }],
      ["a sender with no id", { url: "https://news.example.org/story/1", tab: { id: 5 }, frameId: 0 }],
    ])("refuses every message from %s", (_who, sender) => {
      expect(listeners["message"]?.(state(2), sender)).toBeUndefined();
      expect(listeners["message"]?.({ type: "reader:load" }, sender)).toBeUndefined();
      expect(listeners["message"]?.(search, sender)).toBeUndefined();
      expect(api.action.setBadgeText).not.toHaveBeenCalled();
      expect(api.scripting.executeScript).not.toHaveBeenCalled();
      expect(api.search.query).not.toHaveBeenCalled();
    });

    it("lets only the page's own script report and load the reader, into its top frame", async () => {
      expect(listeners["message"]?.(state(2), panelIn(21))).toBeUndefined();
      expect(listeners["message"]?.({ type: "reader:load" }, panelIn(21))).toBeUndefined();
      expect(api.scripting.executeScript).not.toHaveBeenCalled();
      await expect(listeners["message"]?.({ type: "reader:load" }, contentIn(21))).resolves.toBe(true);
      expect(api.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 21, frameIds: [0] }, files: ["src/content/article/index.js"] });
    });

    it("searches only for Tidyread's own pages, never for the page's script", () => {
      expect(listeners["message"]?.(search, contentIn(22))).toBeUndefined();
      expect(api.search.query).not.toHaveBeenCalled();
    });

    it("10 searches in a second from one tab open one search tab; 2 seconds later another one opens", async () => {
      vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
      const answers: unknown[] = [];
      for (let i = 0; i < 10; i++) {
        answers.push(await listeners["message"]?.(search, panelIn(23)));
        vi.advanceTimersByTime(100);
      }
      expect(api.search.query).toHaveBeenCalledTimes(1);
      expect(api.search.query).toHaveBeenCalledWith({ text: '"US to cut Ukraine aid" Russia Today', disposition: "NEW_TAB" });
      expect(answers[0]).toEqual({ ok: true });
      expect(answers.slice(1)).toEqual(Array(9).fill({ ok: false, reason: "limit" }));
      // Another tab has its own allowance.
      expect(await listeners["message"]?.(search, panelIn(24))).toEqual({ ok: true });
      vi.advanceTimersByTime(1_000); // 2 s after the first search
      expect(await listeners["message"]?.(search, panelIn(23))).toEqual({ ok: true });
      expect(api.search.query).toHaveBeenCalledTimes(3);
    });

    it("cuts a message's strings on arrival", async () => {
      vi.useFakeTimers({ now: 2_000_000, toFake: ["Date"] });
      await listeners["message"]?.({ ...search, title: "T".repeat(5_000), source: "S".repeat(5_000) }, panelIn(25));
      expect(api.search.query).toHaveBeenCalledWith({ text: `"${"T".repeat(300)}" ${"S".repeat(100)}`, disposition: "NEW_TAB" });
    });
  });
});

describe("the frame relay", () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    await import("../../src/background/index");
  });

  it("joins our frame's port to its tab's content script under the frame's token, both ways", () => {
    const frame = fakePort(panelIn(5));
    listeners["connect"]?.(frame);
    expect(api.tabs.connect).toHaveBeenCalledWith(5, { name: "tidyread-frame:0123", frameId: 0 });
    const page = api.tabs.connect.mock.results[0]?.value as FakePort;
    frame.listeners.message[0]?.({ type: "close" });
    page.listeners.message[0]?.({ type: "focus" });
    expect([page.sent, frame.sent]).toEqual([[{ type: "close" }], [{ type: "focus" }]]);
    page.listeners.disconnect[0]?.();
    expect(frame.disconnected).toBe(true);
  });

  it("cuts a port from a page, another extension, our top-level page or without the frame prefix", () => {
    const refused = [
      fakePort(contentIn(5)),
      fakePort({ id: "another", url: "chrome-extension://another/x.html", tab: { id: 5 }, frameId: 3 }),
      fakePort({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/options/options.html`, tab: { id: 5 }, frameId: 0 }),
      fakePort(panelIn(5), "something-else"),
    ];
    for (const port of refused) listeners["connect"]?.(port);
    expect(refused.map((p) => p.disconnected)).toEqual([true, true, true, true]);
    expect(api.tabs.connect).not.toHaveBeenCalled();
  });
});

describe("senderKind", () => {
  const own = ownExtension(OWN_ID, `chrome-extension://${OWN_ID}/`);
  const firefox = ownExtension(OWN_ID, "moz-extension://5b3c1d2e-0000-4000-8000-123456789abc/");

  it("knows our content script in a tab's top frame, on http(s) pages only", () => {
    expect(senderKind({ id: OWN_ID, url: "https://a.example/x", tab: {}, frameId: 0 }, own)).toBe("content");
    expect(senderKind({ id: OWN_ID, url: "http://a.example/x", tab: {}, frameId: 0 }, own)).toBe("content");
    expect(senderKind({ id: OWN_ID, url: "https://a.example/x", tab: {}, frameId: 1 }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, url: "https://a.example/x", tab: {} }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, url: "https://a.example/x", frameId: 0 }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, url: "data:text/html,hi", tab: {}, frameId: 0 }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, url: "about:blank", tab: {}, frameId: 0 }, own)).toBeNull();
  });

  it("knows our own pages by their address, in a tab's frame or not, at the static-id address Chrome reports too", () => {
    expect(senderKind({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/options/options.html` }, own)).toBe("extension-page");
    expect(senderKind({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/panel/frame.html`, tab: {}, frameId: 7 }, own)).toBe("extension-page");
    expect(senderKind({ id: OWN_ID, url: "moz-extension://5b3c1d2e-0000-4000-8000-123456789abc/p.html", tab: {}, frameId: 7 }, firefox)).toBe("extension-page");
    // Firefox's pages are known by their own address; the static-id one is accepted beside it.
    expect(senderKind({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/p.html`, tab: {}, frameId: 7 }, firefox)).toBe("extension-page");
  });

  it("refuses other extensions, addresses that only start like ours, and senders without an address", () => {
    expect(senderKind({ id: "other", url: `chrome-extension://${OWN_ID}/p.html` }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, url: `chrome-extension://${OWN_ID}x/p.html` }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, url: `chrome-extension://${OWN_ID}` }, own)).toBeNull();
    expect(senderKind({ id: OWN_ID, tab: {}, frameId: 0 }, own)).toBeNull();
    expect(senderKind({ id: "", url: "https://a.example/" }, ownExtension("", "chrome-extension:///"))).toBeNull();
  });
});

describe("RateLimiter", () => {
  it("allows one request per 2 s and 5 a minute per key, counting only what it let through", () => {
    const limiter = new RateLimiter<number>([
      { count: 1, ms: 2_000 },
      { count: 5, ms: 60_000 },
    ]);
    const at = (key: number, times: number[]): boolean[] => times.map((t) => limiter.take(key, t));
    expect(at(1, [0, 500, 1_999, 2_000, 3_000, 4_000])).toEqual([true, false, false, true, false, true]);
    expect(at(2, [0])).toEqual([true]);
    // Tab 1: 3 so far; two more fit in the minute, then none until the first is a minute old.
    expect(at(1, [6_000, 8_000, 10_000, 59_999])).toEqual([true, true, false, false]);
    expect(at(1, [60_000])).toEqual([true]);
    limiter.forget(1);
    expect(at(1, [60_001])).toEqual([true]);
  });
});

describe("readToBackground", () => {
  it("reads only the messages the background knows, with their strings cut", () => {
    expect(readToBackground(null)).toBeNull();
    expect(readToBackground({ type: "search:original", title: 3, source: null })).toBeNull();
    expect(readToBackground({ type: "search:original", title: "t", source: 4 })).toBeNull();
    expect(readToBackground({ type: "page:state", state: null })).toBeNull();
    expect(readToBackground({ type: "reader:load", extra: "x" })).toEqual({ type: "reader:load" });
    const long = readToBackground({ type: "search:original", title: "x".repeat(1_000), source: "y".repeat(1_000) });
    expect(long).toEqual({ type: "search:original", title: "x".repeat(MESSAGE_LIMITS.title), source: "y".repeat(MESSAGE_LIMITS.source) });
    expect(readToBackground({ type: "search:original", title: "t", source: null })).toEqual({ type: "search:original", title: "t", source: null });
  });
});
