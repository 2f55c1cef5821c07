// The content script. It runs at document_start on the hosts of known site profiles and on
// sites the reader granted; the toolbar button injects it into any other page on request.
import browser from "webextension-polyfill";
import { SidePanel } from "../panel/panel";
import { CATEGORY, CATEGORY_REGISTRY } from "../shared/categories";
import { t } from "../shared/i18n";
import { readerSlot } from "../shared/reader-api";
import { siteFor } from "../sites";
import { isToContent, type PageState, type ToBackground, type ToContent } from "../shared/messages";
import { DEFAULTS, loadSettings, onSettingsChanged, saveSettings, type Settings } from "../shared/settings";
import type { Category, Teaser } from "../shared/types";
import { detectPage } from "./detect";
import { ATTR, zeroCounts } from "./hide";
import { watchNavigation } from "./navigation";
import type { PageSession } from "./session";
import { BlockPicker } from "./picker";
import { structuralSelector } from "./rules";
import { createSession } from "./start";
import { squash } from "./text";
import { teaserKey } from "./teasers";

const site = siteFor(location.hostname);
const panelKey = `panelOpen:${site?.id ?? location.hostname}`;
const seenKey = `seen:${site?.id ?? location.hostname}`;
/** Stories seen on this site before this visit: what is not among them is marked new. */
let lastSeen: ReadonlySet<string> | null = null;

let session: PageSession | null = null;
let panel: SidePanel | null = null;
/** On for this page (the panel's "Show the original page" turns it off until the next click). */
let enabled = true;
let settings: Settings = DEFAULTS;
/** Categories the reader chose to see on this page (the panel's switches). */
let shown = new Set<Category>();

const host = location.hostname.toLowerCase();
const siteIsOff = (): boolean => settings.sitesOff.includes(host);
let panelOpen = false;
/** The reader (or a forced clean) set the panel before the remembered state arrived. */
let panelTouched = false;
/** Open or closed as the reader last left the panel on this site. */
let rememberedOpen = false;

function pageLanguage(): string | null {
  return document.documentElement?.lang || null;
}

function state(): PageState {
  return {
    detection: session?.detection ?? detectPage(new URL(location.href), site, pageLanguage()),
    enabled: enabled && !siteIsOff(),
    panelOpen: panel?.isOpen() ?? false,
    hidden: session?.marks.counts() ?? zeroCounts(),
    // What the panel lists; reading cards still queued waits for the panel (see fillList).
    teasers: listed,
  };
}

/** Stories in the panel's list (its last setContent). */
let listed = 0;
/** The panel's list is out of date: cards or counts changed since it was filled. */
let listDue = false;
let listTimer: { cancel(): void } | null = null;

/**
 * Fills the panel's list, reading the teasers' details if that is still to do, and the story's
 * credited outlet. At load only the blocks are hidden (before the first paint); this runs when the
 * panel opens, the reader asks for the page's state, or the page is idle.
 */
function fillList(): void {
  listTimer?.cancel();
  listTimer = null;
  if (!session || !panel) return;
  showArticle(panel, session);
  if (!listDue) return;
  listDue = false;
  const teasers = session.teasers;
  const counts = session.marks.counts();
  panel.setContent(teasers, Object.values(counts).reduce((a, b) => a + b, 0), lastSeen);
  listed = teasers.length;
  rememberSeen(teasers);
}

/** The list when the page is idle (within a second on a busy one), then the new count reported. */
function fillListSoon(): void {
  if (listTimer) return;
  const done = (): void => {
    listTimer = null;
    fillList();
    report();
  };
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(done, { timeout: 1000 });
    listTimer = { cancel: () => cancelIdleCallback(id) };
  } else {
    const id = setTimeout(done, 50);
    listTimer = { cancel: () => clearTimeout(id) };
  }
}

function report(): void {
  const message: ToBackground = { type: "page:state", state: state() };
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be asleep or reloading; the next change reports again.
  });
}

function render(): void {
  if (!session || !enabled) return;
  if (session.detection.kind === "none") {
    // Not an aggregator page (yet): nothing of ours on it; the session listens for late blocks.
    panel?.destroy();
    panel = null;
    listed = 0;
    document.documentElement.removeAttribute(ATTR.kind);
    report();
    return;
  }
  // At document_start <html> may not exist yet; by now it does.
  document.documentElement.setAttribute(ATTR.kind, session.detection.kind);
  if (session.detection.kind === "article") {
    panel ??= new SidePanel(document, {
      side: panelSide(),
      lang: session.detection.lang,
      open: panelOpen,
      onToggle: (open) => {
        if (open) fillList();
        panelOpen = open;
        panelTouched = true;
        markPanelOpen();
        void browser.storage.local.set({ [panelKey]: open });
      },
      onReader: () => void toggleReader(),
      onFindOriginal: (title, source) => {
        const message: ToBackground = { type: "search:original", title, source };
        void browser.runtime.sendMessage(message);
      },
      onPick: startPicking,
      onRestore: () => setEnabled(false),
      onCategory: (category, hidden) => {
        if (hidden) shown.delete(category);
        else shown.add(category);
        applyShown();
        render();
      },
      onSiteOff: () => void saveSettings({ sitesOff: [...settings.sitesOff, host] }).then(applySettings),
    });
    panel.setTheme(settings.theme);
    const counts = session.marks.counts();
    listDue = true;
    if (panel.isOpen()) fillList();
    else fillListSoon();
    panel.setReport({ kind: session.detection.kind, signals: session.detection.signals, counts, shown });
    panel.attach();
    markPanelOpen();
  }
  report();
}

/** The title each panel's "Find this story's original" was set for: the credit is read once per title. */
const creditedTitles = new WeakMap<SidePanel, Element>();
function showArticle(target: SidePanel, current: PageSession): void {
  const title = current.articleTitle();
  if (!title || creditedTitles.get(target) === title) return;
  creditedTitles.set(target, title);
  target.setArticle({ title: squash(title.textContent ?? ""), source: current.articleSource() });
}

/** The panel's screen side: the page's end side, unless the options say left or right. */
function panelSide(): "left" | "right" {
  if (settings.panelSide !== "auto") return settings.panelSide;
  const root = document.documentElement;
  return root.dir === "rtl" || getComputedStyle(root).direction === "rtl" ? "left" : "right";
}

/** On <html>: the side of the open panel, so the page (and the reader view) make room for it. */
function markPanelOpen(): void {
  if (panel?.isOpen()) document.documentElement.setAttribute(ATTR.open, panelSide());
  else document.documentElement.removeAttribute(ATTR.open);
}

/** The reader view: its script is injected on first use (it is not part of this one). */
async function toggleReader(): Promise<void> {
  if (!readerSlot.tidyreadReader) {
    const message: ToBackground = { type: "reader:load" };
    await browser.runtime.sendMessage(message).catch(() => undefined);
  }
  const reader = readerSlot.tidyreadReader;
  if (!reader) return panel?.say(t("readerUnavailable"));
  if (reader.isOpen()) return reader.close();
  const opened = reader.open({
    prefs: settings.reader,
    onPrefs: (prefs) => void saveSettings({ reader: prefs }),
    onClose: () => panel?.setReading(false),
  });
  panel?.setReading(opened);
  if (!opened) panel?.say(t("readerUnavailable"));
}

let picker: BlockPicker | null = null;

/** "Hide a block…": the picked block becomes a rule for this site, applied by the session. */
function startPicking(): void {
  if (!panel || !session || picker) return;
  picker = new BlockPicker(
    document,
    panel,
    session.articleTitle(),
    (el, category) => {
      const rules = [...(settings.rules[host] ?? []), { category, selector: structuralSelector(el) }];
      void saveSettings({ rules: { ...settings.rules, [host]: rules } }).then(applySettings);
      panel?.say(t("pickSaved", t(CATEGORY[category].nameKey)));
    },
    () => (picker = null),
  );
}

/** What this visit showed, for the next visit's "new" marks (the most recent 300 stories). */
function rememberSeen(teasers: readonly Teaser[]): void {
  const keys = [...new Set([...teasers.map(teaserKey), ...(lastSeen ?? [])])].slice(0, 300);
  void browser.storage.local.set({ [seenKey]: keys });
}

/** The panel's state when the page opens: remembered per site, or as the options say. */
function applyPanelStart(): void {
  if (panelTouched) return;
  panelOpen = settings.panelStart === "remember" ? rememberedOpen : settings.panelStart === "open";
  panel?.toggle(panelOpen, false);
}

/** The switches as one attribute on <html>, which hide.css reads; absent when all is hidden. */
function applyShown(): void {
  const root = document.documentElement;
  if (!root) return;
  if (shown.size && session) root.setAttribute(ATTR.show, [...shown].join(" "));
  else root.removeAttribute(ATTR.show);
}

/** New settings (loaded, or changed in another tab or the options page) apply at once. */
function applySettings(next: Settings): void {
  const first = settings === DEFAULTS;
  settings = next;
  if (first) applyPanelStart();
  shown = new Set(CATEGORY_REGISTRY.filter((c) => !next.hide[c.optionKey]).map((c) => c.id));
  session?.setRules(next.rules[host] ?? []);
  panel?.setSide(panelSide());
  if (siteIsOff()) end();
  else if (enabled && !session) begin();
  applyShown();
  render();
  report();
}

/** Starts Tidyread on this page (see start.ts). `forced`: the reader clicked the button. */
function begin(forced = false): void {
  if (siteIsOff() && !forced) return;
  session = createSession(document, new URL(location.href), { site, forced, changed: render });
  session?.setRules(settings.rules[host] ?? []);
  // After load the session finishes at once and calls render(), which needs `session` set.
  session?.start();
}

function end(): void {
  picker?.end();
  readerSlot.tidyreadReader?.close();
  session?.stop();
  session = null;
  panel?.destroy();
  panel = null;
  listTimer?.cancel();
  listTimer = null;
  listDue = false;
  listed = 0;
  document.documentElement?.removeAttribute(ATTR.kind);
  document.documentElement?.removeAttribute(ATTR.open);
  document.documentElement?.removeAttribute(ATTR.show);
}

function setEnabled(on: boolean): void {
  if (on === enabled && (!on || session)) return;
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
      // The toolbar button turns Tidyread back on where the reader turned it off.
      if (siteIsOff()) void saveSettings({ sitesOff: settings.sitesOff.filter((h) => h !== host) }).then(applySettings);
      else if (!enabled) setEnabled(true);
      else panel?.toggle();
      break;
    case "page:clean":
      // The reader asked: tidy even where the detector said no (or nothing ran yet).
      if (!session || session.detection.kind === "none") {
        end();
        enabled = true;
        begin(true);
        report();
      }
      panel?.toggle(true);
      break;
    case "page:set-enabled":
      setEnabled(message.enabled);
      break;
    case "page:get-state":
      break;
  }
  // The state counts the panel's stories: list them now if that waits for idle.
  fillList();
  return state();
}

function main(): void {
  /** Remembered per site; read once, and the panel follows when the answer arrives. */
  void browser.storage.local.get([panelKey, seenKey]).then((stored) => {
    const seen = stored[seenKey];
    if (Array.isArray(seen)) lastSeen = new Set(seen.filter((k): k is string => typeof k === "string"));
    rememberedOpen = stored[panelKey] === true;
    applyPanelStart();
    render();
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isToContent(message)) return undefined;
    return Promise.resolve(handle(message));
  });
  begin();
  // Settings arrive after the first nodes: a site turned off is restored then (within milliseconds).
  void loadSettings().then(applySettings);
  onSettingsChanged(applySettings);
  watchNavigation(document, navigated);
}

// The toolbar button may inject this script into a page where it already runs.
const loaded = globalThis as { tidyreadLoaded?: boolean };
if (!loaded.tidyreadLoaded) {
  loaded.tidyreadLoaded = true;
  main();
}
