import { beforeEach, describe, expect, it, vi } from "vitest";

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener> = {};
const api = {
  action: {
    onClicked: { addListener: (l: Listener) => (listeners["clicked"] = l) },
    setTitle: vi.fn(async () => undefined),
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
  },
  runtime: {
    onMessage: { addListener: (l: Listener) => (listeners["message"] = l) },
    getManifest: () => ({ content_scripts: [{ js: ["src/content/index.js"], css: ["src/content/hide.css"] }] }),
  },
  tabs: { sendMessage: vi.fn(async (_tabId: number, _message: unknown): Promise<unknown> => ({})) },
  scripting: { insertCSS: vi.fn(async () => undefined), executeScript: vi.fn(async () => []) },
};
const siteAccess = vi.hoisted(() => ({ added: 0 }));
vi.mock("webextension-polyfill", () => ({ default: api }));
vi.mock("webext-dynamic-content-scripts", () => ({}));
vi.mock("../../src/background/site-access", () => ({ addSiteAccessMenu: () => (siteAccess.added += 1), notePage: async () => undefined }));

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
    await listeners["message"]?.(state(3), { tab: { id: 5 } });
    expect(api.action.setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: "3" });
    await listeners["message"]?.(state(3, false), { tab: { id: 5 } });
    expect(api.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: "" });
    expect(listeners["message"]?.({ type: "something-else" }, { tab: { id: 5 } })).toBeUndefined();
    expect(listeners["message"]?.(state(1), {})).toBeUndefined();
  });
});
