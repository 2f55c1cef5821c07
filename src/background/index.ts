// The background: the toolbar button (and its shortcut) toggles the panel, or tidies a page
// no site profile knows; the button's context menu grants a site for good.
import "webext-dynamic-content-scripts";
import browser from "webextension-polyfill";
import { readToBackground, type PageState, type SearchAnswer, type ToBackground, type ToContent } from "../shared/messages";
import { t } from "../shared/i18n";
import { originalQuery } from "./original";
import { relayFramePorts } from "./frames";
import { RateLimiter } from "./rate-limit";
import { ownExtension, senderKind, type SenderKind } from "./senders";
import { addSiteAccessMenu, notePage } from "./site-access";

const OWN = ownExtension(browser.runtime.id, browser.runtime.getURL(""));

addSiteAccessMenu();
relayFramePorts(OWN);

/** Who may send each message: the page's own script reports and loads; only our pages search. */
const SENT_BY: Record<ToBackground["type"], SenderKind> = {
  "page:state": "content",
  "reader:load": "content",
  "search:original": "extension-page",
};

const send = (tabId: number, message: ToContent): Promise<unknown> => browser.tabs.sendMessage(tabId, message);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chromium hands the click's activeTab grant to the page's renderer asynchronously, so an
 * injection right after the click can be refused for lack of permission (about 1 click in 50
 * under test). Such a refusal is retried a few times; any other error is not.
 */
async function withGrantSettled<T>(inject: () => Promise<T>): Promise<T> {
  for (const wait of [50, 150, 400]) {
    try {
      return await inject();
    } catch (error) {
      if (!/permission/i.test(String(error))) throw error;
      await pause(wait);
    }
  }
  return inject();
}

/** Tidies the tab once, with the permission the click just gave (activeTab). */
async function tidyOnce(tabId: number): Promise<void> {
  const [script] = browser.runtime.getManifest().content_scripts ?? [];
  await withGrantSettled(() => browser.scripting.insertCSS({ target: { tabId }, files: script?.css ?? [] }));
  await withGrantSettled(() => browser.scripting.executeScript({ target: { tabId }, files: script?.js ?? [] }));
  await send(tabId, { type: "page:clean" });
}

// `_execute_action` (the keyboard shortcut) fires this too, since there is no popup.
browser.action.onClicked.addListener(async (tab) => {
  const tabId = tab.id;
  if (tabId === undefined) return;
  try {
    await send(tabId, { type: "panel:toggle" });
    return;
  } catch {
    // No content script here yet: a page no site profile knows.
  }
  try {
    if (!/^https?:/.test(tab.url ?? "")) throw new Error("not a web page");
    await tidyOnce(tabId);
  } catch (error) {
    console.warn("Tidyread could not tidy this page:", error);
    await browser.action.setTitle({ tabId, title: t("actionCannotTidy") });
  }
});

/** The badge: how many blocks Tidyread hides on the tab. */
async function showCount(tabId: number, state: PageState): Promise<void> {
  const hidden = Object.values(state.hidden).reduce((a, b) => a + b, 0);
  const text = state.enabled && hidden > 0 ? String(hidden) : "";
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: "#0b6e75" }),
  ]);
}

/**
 * One search tab per click: however many requests a tab's frame sends, at most one search per
 * 2 seconds and 5 a minute per tab.
 */
const searches = new RateLimiter<number>([
  { count: 1, ms: 2_000 },
  { count: 5, ms: 60_000 },
]);
browser.tabs.onRemoved.addListener((tabId) => searches.forget(tabId));

async function searchOriginal(tabId: number, title: string, source: string | null): Promise<SearchAnswer> {
  if (!searches.take(tabId, Date.now())) return { ok: false, reason: "limit" };
  await browser.search.query({ text: originalQuery(title, source), disposition: "NEW_TAB" });
  return { ok: true };
}

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  const kind = senderKind(sender, OWN);
  const message = kind ? readToBackground(raw) : null;
  const tabId = sender.tab?.id;
  if (!message || SENT_BY[message.type] !== kind || tabId === undefined) return undefined;
  switch (message.type) {
    case "page:state":
      void notePage(tabId, sender.url).catch(() => undefined);
      return showCount(tabId, message.state);
    case "reader:load":
      return browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ["src/content/article/index.js"] }).then(() => true);
    case "search:original":
      return searchOriginal(tabId, message.title, message.source);
  }
});
