// The background: the toolbar button (and its shortcut) toggles the panel in the tab.
import browser from "webextension-polyfill";
import { isToBackground, type ToContent } from "../shared/messages";

async function sendToTab(tabId: number, message: ToContent): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script in this tab (not a site Tidyread knows): nothing to toggle.
    await browser.action.setTitle({ tabId, title: "Tidyread: nothing to tidy on this page" });
  }
}

// `_execute_action` (the keyboard shortcut) fires this too, since there is no popup.
browser.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) void sendToTab(tab.id, { type: "panel:toggle" });
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
