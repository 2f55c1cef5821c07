// The content script. It runs at document_start on the hosts of known site profiles and on
// sites the reader granted; the toolbar button injects it into any other page on request.
// This file holds what lasts as long as the document: settings, messages from the background,
// navigation. Each page run (until in-site navigation, or until Tidyread is turned off) is one
// PageController (controller.ts).
import browser from "webextension-polyfill";
import type { Runtime } from "webextension-polyfill";
import { isToContent, type PageState, type ToBackground, type ToContent } from "../shared/messages";
import { loadSeen, rememberSeen } from "../shared/seen";
import { addRule, DEFAULTS, loadSettings, onSettingsChanged, saveErrorText, setSiteOff, type Settings } from "../shared/settings";
import type { Category } from "../shared/types";
import { siteFor } from "../sites";
import { PageController } from "./controller";
import { detectPage } from "./detect";
import { zeroCounts } from "./hide";
import { watchNavigation } from "./navigation";

const site = siteFor(location.hostname);
const host = location.hostname.toLowerCase();
const siteKey = site?.id ?? host;
const panelKey = `panelOpen:${siteKey}`;

let settings: Settings = DEFAULTS;
let page: PageController | null = null;
/** On for this page (the panel's "Show the original page" turns it off until the next click). */
let enabled = true;
/** Read once from storage.local; null until it arrives. */
let rememberedOpen: boolean | null = null;
/** Stories seen on the last visit to this site; null until read, and on a first visit. */
let lastSeen: ReadonlySet<string> | null = null;

const siteIsOff = (): boolean => settings.sitesOff.includes(host);

function report(state: PageState): void {
  const message: ToBackground = { type: "page:state", state: { ...state, enabled: enabled && !siteIsOff() } };
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be asleep or reloading; the next change reports again.
  });
}

function state(): PageState {
  if (page) return { ...page.state(), enabled: enabled && !siteIsOff() };
  return { detection: detectPage(new URL(location.href), site, document.documentElement?.lang || null), enabled: false, panelOpen: false, hidden: zeroCounts(), teasers: 0 };
}

/** A block the reader picked becomes a rule for this site: null when saved, or why it was not. */
async function saveRule(selector: string, category: Category): Promise<string | null> {
  const result = await addRule(host, { category, selector });
  if (!result.ok) return saveErrorText(result);
  applySettings(result.settings);
  return null;
}

/** Starts Tidyread on this page. `forced`: the reader clicked the button. */
function begin(forced = false): void {
  if (siteIsOff() && !forced) return;
  page = new PageController({
    doc: document,
    url: new URL(location.href),
    site,
    host,
    settings,
    rememberedOpen,
    lastSeen: () => lastSeen,
    forced,
    report,
    rememberOpen: (open) => void browser.storage.local.set({ [panelKey]: open }),
    // Written only once the reader looked at the panel; at most a bounded list of short hashes.
    rememberSeen: (keys) => void rememberSeen(siteKey, keys, lastSeen ?? new Set()),
    saveRule,
    restore: () => setEnabled(false),
    turnOff: async () => {
      const result = await setSiteOff(host, true);
      if (!result.ok) return saveErrorText(result);
      applySettings(result.settings);
      return null;
    },
  });
}

function end(): void {
  page?.end();
  page = null;
}

function setEnabled(on: boolean): void {
  if (on === enabled && (!on || page)) return;
  enabled = on;
  if (on) begin();
  else end();
  report(state());
}

/** New settings (loaded, or changed in another tab or the options page) apply at once. */
function applySettings(next: Settings): void {
  const first = settings === DEFAULTS;
  settings = next;
  if (siteIsOff()) end();
  else if (enabled && !page) begin();
  else page?.applySettings(next);
  // The remembered open state may have arrived first and been applied with the defaults: the
  // options' "Panel on new pages" holds once they are known.
  if (first && rememberedOpen !== null) page?.startOpen(rememberedOpen);
  report(state());
}

function handle(message: ToContent): PageState {
  switch (message.type) {
    case "panel:toggle":
      // The toolbar button turns Tidyread back on where the reader turned it off.
      if (siteIsOff()) void setSiteOff(host, false).then((result) => result.ok && applySettings(result.settings));
      else if (!enabled) setEnabled(true);
      else page?.setOpen(!page.isOpen(), { remember: true, focus: true });
      break;
    case "page:clean":
      // The reader asked: tidy even where the detector said no (or nothing ran yet).
      if (!page?.session || page.session.detection.kind === "none") {
        end();
        enabled = true;
        begin(true);
      }
      page?.setOpen(true, { remember: true, focus: true });
      break;
    case "page:set-enabled":
      setEnabled(message.enabled);
      break;
    case "page:get-state":
      break;
  }
  // The state counts the panel's stories: list them now if that waits for idle.
  page?.fillList();
  return state();
}

/** A frame of ours connected (through the background): the page run that made it takes the port. */
function connected(port: Runtime.Port): void {
  if (!page?.acceptPort(port)) port.disconnect();
}

function main(): void {
  void loadSeen(siteKey).then((seen) => (lastSeen = seen.size ? seen : null));
  void browser.storage.local.get(panelKey).then((stored) => {
    rememberedOpen = stored[panelKey] === true;
    page?.startOpen(rememberedOpen);
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isToContent(message)) return undefined;
    return Promise.resolve(handle(message));
  });
  browser.runtime.onConnect.addListener(connected);
  begin();
  // Settings arrive after the first nodes: a site turned off is restored then (within milliseconds).
  void loadSettings().then(applySettings);
  onSettingsChanged(applySettings);
  // In-site navigation changes the URL without a new document: start over.
  watchNavigation(document, () => {
    if (!enabled) return;
    end();
    begin();
  });
}

// The toolbar button may inject this script into a page where it already runs.
const loaded = globalThis as { tidyreadLoaded?: boolean };
if (!loaded.tidyreadLoaded) {
  loaded.tidyreadLoaded = true;
  main();
}
