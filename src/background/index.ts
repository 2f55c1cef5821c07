// The background: the toolbar button (and its shortcut) toggles the panel, or tidies a page
// no site profile knows; the button's context menu grants a site for good.
import "webext-dynamic-content-scripts";
import browser from "webextension-polyfill";
import { isToBackground, type ToContent } from "../shared/messages";
import { addSiteAccessMenu } from "./site-access";

addSiteAccessMenu();

const send = (tabId: number, message: ToContent): Promise<unknown> => browser.tabs.sendMessage(tabId, message);

/** Tidies the tab once, with the permission the click just gave (activeTab). */
async function tidyOnce(tabId: number): Promise<void> {
  const [script] = browser.runtime.getManifest().content_scripts ?? [];
  await browser.scripting.insertCSS({ target: { tabId }, files: script?.css ?? [] });
  await browser.scripting.executeScript({ target: { tabId }, files: script?.js ?? [] });
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
  } catch {
    await browser.action.setTitle({ tabId, title: "Tidyread: this page cannot be tidied" });
  }
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isToBackground(message) || tabId === undefined) return undefined;
  const hidden = Object.values(message.state.hidden).reduce((a, b) => a + b, 0);
  const text = message.state.enabled && hidden > 0 ? String(hidden) : "";
  return Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: "#0b6e75" }),
  ]).then(() => undefined);
});
