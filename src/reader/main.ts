// The reader view's page: asks the content script of the page it is shown over for the article,
// builds it, and keeps the reader's size, width and colours itself (an extension page may).
import { FramePort } from "../shared/frame-port";
import { isToReader, type FromReader, type ToReader } from "../shared/frame-protocol";
import { uiDir, uiLang } from "../shared/i18n";
import { DEFAULTS, loadSettings, saveSettings } from "../shared/settings";
import { ReaderView } from "./view";

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDir();

// Saves wait up to 400 ms to be merged into one write: leaving waits for the last one, which
// would be lost with the frame.
let saved: Promise<unknown> = Promise.resolve();
const view = new ReaderView(document, document.body, {
  onClose: () => void saved.then(() => port.send({ type: "close" })),
  onPrefs: (prefs) => (saved = saveSettings({ reader: prefs })),
});

// Nothing is drawn before the reader's choices are known: no flash of the default size or colours.
const prefs = loadSettings().then(
  (settings) => settings.reader,
  () => DEFAULTS.reader,
);
// Messages are handled in order: "focus" comes after the article it focuses.
let handled: Promise<unknown> = prefs;
const port = new FramePort<ToReader, FromReader>(isToReader, (message) => {
  handled = handled.then(async () => {
    if (message.type === "focus") view.focus();
    else view.show(message.article, await prefs);
  });
});
port.send({ type: "article?" });
