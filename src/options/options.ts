import browser from "webextension-polyfill";
import { CATEGORY, CATEGORY_REGISTRY, perCategory } from "../shared/categories";
import { t } from "../shared/i18n";
import { ALL_SITES, originPattern } from "../shared/origins";
import {
  loadSettings,
  onSettingsChanged,
  parseSettingsFile,
  removeRule,
  saveErrorText,
  saveSettings,
  setSiteOff,
  type SaveResult,
  type Settings,
} from "../shared/settings";
import { isKnownSitePattern } from "../shared/known-sites";
import { showKnownSites } from "./known-sites";
import { localize } from "./localize";

/** Wraps a host or address for a sentence, so that it keeps its own direction in a right-to-left one. */
const isolate = (text: string): string => `\u2068${text}\u2069`;

localize(document);

const isFirefox = browser.runtime.getURL("").startsWith("moz-extension:");
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

async function showShortcut(): Promise<void> {
  const commands = await browser.commands.getAll();
  const shortcut = commands.find((c) => c.name === "_execute_action")?.shortcut;
  byId("shortcut").textContent = shortcut || t("optionsNoShortcut");
  byId("shortcut-help").textContent = isFirefox ? t("optionsShortcutHelpFirefox") : t("optionsShortcutHelpChrome", isolate("chrome://extensions/shortcuts"));
}

/** Origins the reader granted: everything but the manifest's sites, the known aggregators and the all-sites switch. */
async function grantedSites(): Promise<{ sites: string[]; all: boolean }> {
  const builtIn = new Set(browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []));
  const origins = (await browser.permissions.getAll()).origins ?? [];
  // A known aggregator's hosts are its switch in the known-sites list, not lines here.
  const listed = origins.filter((o) => !builtIn.has(o) && o !== ALL_SITES && !isKnownSitePattern(o));
  return { sites: listed.sort(), all: origins.includes(ALL_SITES) };
}

function say(text: string): void {
  byId("status").textContent = text;
}

/** Waits for the save to be stored, then says `done`, or why it was not stored. */
async function report(save: Promise<SaveResult>, done?: string): Promise<void> {
  const result = await save;
  if (!result.ok) say(saveErrorText(result));
  else if (done) say(done);
}

async function render(): Promise<void> {
  const { sites, all } = await grantedSites();
  byId<HTMLInputElement>("all-sites").checked = all;
  byId("sites").replaceChildren(
    ...sites.map((pattern) =>
      stopButton(t("optionsStopTidying"), pattern, async () => {
        await browser.permissions.remove({ origins: [pattern] });
        say(t("optionsStoppedSite", isolate(pattern)));
      }),
    ),
  );
}

// permissions.request needs the reader's gesture: it is called straight from these handlers.
byId<HTMLFormElement>("add-site").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>("site");
  const pattern = originPattern(input.value.trim());
  if (!pattern) return say(t("optionsNotAnAddress"));
  const granted = await browser.permissions.request({ origins: [pattern] });
  say(granted ? t("optionsSiteAdded", isolate(pattern)) : t("optionsNotGranted"));
  if (granted) input.value = "";
});

byId<HTMLInputElement>("all-sites").addEventListener("change", async (event) => {
  const box = event.currentTarget as HTMLInputElement;
  if (box.checked) {
    box.checked = await browser.permissions.request({ origins: [ALL_SITES] });
    say(box.checked ? t("optionsAllSitesOn") : t("optionsNotGranted"));
  } else {
    await browser.permissions.remove({ origins: [ALL_SITES] });
    say(t("optionsAllSitesOff"));
  }
});

function stopButton(label: string, name: string, onClick: () => Promise<unknown>): HTMLLIElement {
  const li = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-label", t("optionsButtonFor", label, name));
  button.addEventListener("click", () => void onClick());
  // <bdi>: a host or address keeps its own direction in a right-to-left list.
  li.append(Object.assign(document.createElement("bdi"), { textContent: name }), " ", button);
  return li;
}

function renderSettings(settings: Settings): void {
  byId<HTMLSelectElement>("theme").value = settings.theme;
  byId<HTMLSelectElement>("panel-start").value = settings.panelStart;
  byId<HTMLSelectElement>("panel-side").value = settings.panelSide;
  const rules = Object.entries(settings.rules).flatMap(([host, list]) => list.map((rule) => ({ host, rule })));
  byId("rules").replaceChildren(
    ...(rules.length
      ? rules.map(({ host, rule }) =>
          stopButton(t("optionsRemove"), t("optionsRuleItem", host, t(CATEGORY[rule.category].nameKey), rule.selector), () =>
            report(removeRule(host, rule.selector)),
          ),
        )
      : [Object.assign(document.createElement("li"), { textContent: t("optionsNoRules") })]),
  );
  for (const { id, optionKey } of CATEGORY_REGISTRY) defaultSwitches[id].checked = settings.hide[optionKey];
  byId("sites-off").replaceChildren(
    ...settings.sitesOff.map((host) =>
      stopButton(t("optionsTurnOn"), host, () => report(setSiteOff(host, false))),
    ),
  );
}

byId<HTMLSelectElement>("theme").addEventListener("change", async (event) => {
  const theme = (event.currentTarget as HTMLSelectElement).value;
  await report(saveSettings({ theme: theme === "light" || theme === "dark" ? theme : "system" }), t("optionsSavedNow"));
});

byId<HTMLSelectElement>("panel-side").addEventListener("change", async (event) => {
  const side = (event.currentTarget as HTMLSelectElement).value;
  await report(saveSettings({ panelSide: side === "left" || side === "right" ? side : "auto" }), t("optionsSavedNow"));
});

byId<HTMLSelectElement>("panel-start").addEventListener("change", async (event) => {
  const start = (event.currentTarget as HTMLSelectElement).value;
  await report(saveSettings({ panelStart: start === "open" || start === "closed" ? start : "remember" }), t("optionsSaved"));
});

// "Hide by default": one switch per category of the registry, so a new category gets one.
const defaultSwitches = perCategory(({ id }) => {
  const box = Object.assign(document.createElement("input"), { type: "checkbox" });
  box.dataset["category"] = id;
  return box;
});
byId("defaults").append(
  ...CATEGORY_REGISTRY.map(({ id, optionLabelKey }) => {
    const label = document.createElement("label");
    label.append(defaultSwitches[id], " ", Object.assign(document.createElement("span"), { textContent: t(optionLabelKey) }));
    return label;
  }),
);

byId("defaults").addEventListener("change", async () => {
  const hide = perCategory((c) => defaultSwitches[c.id].checked, (c) => c.optionKey);
  await report(saveSettings({ hide }), t("optionsSavedNow"));
});

byId("export").addEventListener("click", async () => {
  const json = JSON.stringify(await loadSettings(), null, 2);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  link.download = "tidyread-settings.json";
  link.click();
  URL.revokeObjectURL(link.href);
});

byId<HTMLInputElement>("import").addEventListener("change", async (event) => {
  const file = (event.currentTarget as HTMLInputElement).files?.[0];
  if (!file) return;
  // Only a JSON object of settings is imported; unknown keys are dropped, bad values replaced by defaults.
  const parsed = parseSettingsFile(await file.text().catch(() => ""));
  if (!parsed.ok) return say(parsed.message);
  const { settings } = parsed;
  // The file's rules replace every site's rules, each site in its own storage item.
  await report(saveSettings(settings), t("optionsImported", CATEGORY_REGISTRY.filter((c) => settings.hide[c.optionKey]).length, settings.sitesOff.length));
});

onSettingsChanged(renderSettings);
void loadSettings().then(renderSettings);
browser.permissions.onAdded.addListener(() => void render());
browser.permissions.onRemoved.addListener(() => void render());
void showShortcut();
void render();
showKnownSites(byId("known-sites"), say);
