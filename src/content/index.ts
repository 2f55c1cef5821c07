// The always-on content script: runs at document_start on the hosts of known site profiles.
import browser from "webextension-polyfill";
import { wordsFor } from "../lang";
import { SidePanel } from "../panel/panel";
import { siteFor } from "../sites";
import { isToContent, type PageState, type ToBackground, type ToContent } from "../shared/messages";
import { detectPage } from "./detect";
import { ATTR } from "./hide";
import { watchNavigation } from "./navigation";
import { PageSession } from "./session";

const site = siteFor(location.hostname);
const panelKey = `panelOpen:${site?.id ?? location.hostname}`;

let session: PageSession | null = null;
let panel: SidePanel | null = null;
let enabled = true;
let panelOpen = false;

/** Remembered per site; read once, and the panel follows when the answer arrives. */
void browser.storage.local.get(panelKey).then((stored) => {
  panelOpen = stored[panelKey] === true;
  if (panel) panel.toggle(panelOpen);
});

function state(): PageState {
  return {
    detection: session?.detection ?? detectPage(new URL(location.href), site, null),
    enabled,
    panelOpen: panel?.isOpen() ?? false,
    hidden: session?.marks.counts() ?? { comments: 0, "ai-promo": 0, "app-banner": 0, related: 0 },
    teasers: session?.teasers.length ?? 0,
  };
}

function report(): void {
  const message: ToBackground = { type: "page:state", state: state() };
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be asleep or reloading; the next change reports again.
  });
}

function render(): void {
  if (!session || !enabled) return;
  // At document_start <html> may not exist yet; by now it does.
  document.documentElement.setAttribute(ATTR.kind, session.detection.kind);
  if (session.detection.kind === "article") {
    panel ??= new SidePanel(document, {
      dir: document.documentElement.dir === "rtl" || getComputedStyle(document.documentElement).direction === "rtl" ? "rtl" : "ltr",
      lang: session.detection.lang,
      open: panelOpen,
      onToggle: (open) => {
        panelOpen = open;
        document.documentElement.toggleAttribute(ATTR.open, open);
        void browser.storage.local.set({ [panelKey]: open });
      },
      onRestore: () => setEnabled(false),
    });
    const counts = session.marks.counts();
    panel.setContent(session.teasers, Object.values(counts).reduce((a, b) => a + b, 0));
    panel.attach();
    document.documentElement.toggleAttribute(ATTR.open, panel.isOpen());
  }
  report();
}

function begin(): void {
  const detection = detectPage(new URL(location.href), site, document.documentElement?.lang ?? null);
  if (detection.kind === "none") return;
  document.documentElement?.setAttribute(ATTR.kind, detection.kind);
  session = new PageSession(document, detection, site, wordsFor(detection.lang), { changed: render });
  session.start();
}

function end(): void {
  session?.stop();
  session = null;
  panel?.destroy();
  panel = null;
  document.documentElement?.removeAttribute(ATTR.kind);
  document.documentElement?.removeAttribute(ATTR.open);
}

function setEnabled(on: boolean): void {
  if (on === enabled) return;
  enabled = on;
  if (on) begin();
  else end();
  report();
}

/** In-site navigation changes the URL without a new document: start over. */
function navigated(): void {
  if (!enabled) return;
  end();
  begin();
}

function handle(message: ToContent): PageState {
  switch (message.type) {
    case "panel:toggle":
      if (!enabled) setEnabled(true);
      else panel?.toggle();
      break;
    case "page:set-enabled":
      setEnabled(message.enabled);
      break;
    case "page:get-state":
      break;
  }
  return state();
}

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isToContent(message)) return undefined;
  return Promise.resolve(handle(message));
});
if (site) {
  begin();
  watchNavigation(document, navigated);
}
