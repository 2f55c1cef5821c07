// The panel page: connects to the content script of the page it is shown in, shows what it
// sends, and passes the reader's choices back. Settings it changes itself (Turn off on this site).
import browser from "webextension-polyfill";
import { FramePort } from "../shared/frame-port";
import { isToPanel, type FromPanel, type PanelView, type ToPanel } from "../shared/frame-protocol";
import { uiDir, uiLang } from "../shared/i18n";
import type { ToBackground } from "../shared/messages";
import { loadSettings, onSettingsChanged, saveErrorText, setSiteOff, type Settings } from "../shared/settings";
import { SidePanel } from "./panel";

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDir();

let view: PanelView | null = null;
const port = new FramePort<ToPanel, FromPanel>(isToPanel, (message) => {
  if (message.type === "focus") return panel.focus();
  view = message.view;
  panel.show(view);
});

const panel = new SidePanel(document, document.body, {
  onClose: () => port.send({ type: "close" }),
  onReader: () => port.send({ type: "reader" }),
  onRestore: () => port.send({ type: "restore" }),
  onCategory: (category, hidden) => port.send({ type: "category", category, hidden }),
  onPick: (action) => port.send({ type: "pick", action }),
  onPickCategory: (category) => port.send({ type: "pick-category", category }),
  onPickKey: (key, shift) => port.send({ type: "pick-key", key, shift }),
  onFindOriginal: (title, source) => {
    const message: ToBackground = { type: "search:original", title, source };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  },
  onSiteOff: () => {
    const host = view?.host;
    if (!host) return;
    // On success the content script hears the change and steps back; a failure is said here.
    void setSiteOff(host, true).then((result) => {
      if (!result.ok) panel.say(saveErrorText(result));
    });
  },
});

/** "light" or "dark" forces the panel's colours; "system" follows prefers-color-scheme. */
const applyTheme = (settings: Settings): void => {
  document.documentElement.dataset["theme"] = settings.theme;
};
void loadSettings().then(applyTheme);
onSettingsChanged(applyTheme);
