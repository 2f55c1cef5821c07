// The background: the toolbar button (and its shortcut) toggles the panel, or tidies a page
// no site profile knows; the button's context menu grants a site for good.
import "webext-dynamic-content-scripts";
import browser from "webextension-polyfill";
import { isToBackground, type PageState, type ToContent } from "../shared/messages";
import { t } from "../shared/i18n";
import { originalQuery } from "./original";
import { relayFramePorts } from "./frames";
import { addSiteAccessMenu, notePage } from "./site-access";

addSiteAccessMenu();
relayFramePorts(browser.runtime.getURL(""));

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

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isToBackground(message) || tabId === undefined) return undefined;
  switch (message.type) {
    case "page:state":
      void notePage(tabId, sender.url).catch(() => undefined);
      return showCount(tabId, message.state);
    case "reader:load":
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ["src/reader/index.js"] })
        .then(() => true);
    case "search:original":
      return browser.search.query({ text: originalQuery(message.title, message.source), disposition: "NEW_TAB" });
  }
});
