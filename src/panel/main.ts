// The panel page: connects to the content script of the page it is shown in, shows what it
// sends, and passes the reader's choices back. Settings it changes itself (Turn off on this site).
import browser from "webextension-polyfill";
import { FramePort } from "../shared/frame-port";
import { isToPanel, type FromPanel, type ToPanel } from "../shared/frame-protocol";
import { uiDir, uiLang } from "../shared/i18n";
import type { ToBackground } from "../shared/messages";
import { loadSettings, onSettingsChanged, type Settings } from "../shared/settings";
import { SidePanel } from "./panel";

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDir();

const port = new FramePort<ToPanel, FromPanel>(isToPanel, (message) => {
  switch (message.type) {
    case "focus":
      return panel.focus();
    case "search": {
      const search: ToBackground = { type: "search:original", title: message.title, source: message.source };
      void browser.runtime.sendMessage(search).catch(() => undefined);
      return;
    }
    case "view":
      panel.show(message.view);
  }
});

const panel = new SidePanel(document, document.body, {
  onClose: () => port.send({ type: "close" }),
  onReader: () => port.send({ type: "reader" }),
  onRestore: () => port.send({ type: "restore" }),
  onCategory: (category, hidden) => port.send({ type: "category", category, hidden }),
  onPick: (action) => port.send({ type: "pick", action }),
  onPickCategory: (category) => port.send({ type: "pick-category", category }),
  onPickKey: (key, shift) => port.send({ type: "pick-key", key, shift }),
  // Both go by the content script, which acts (or answers "search") only if nothing of the page's covers the panel.
  onFindOriginal: (title, source) => port.send({ type: "find", title, source }),
  onSiteOff: () => port.send({ type: "site-off" }),
});

/** "light" or "dark" forces the panel's colours; "system" follows prefers-color-scheme. */
const applyTheme = (settings: Settings): void => {
  document.documentElement.dataset["theme"] = settings.theme;
};
void loadSettings().then(applyTheme);
onSettingsChanged(applyTheme);
