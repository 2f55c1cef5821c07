import browser from "webextension-polyfill";
import { ALL_SITES, originPattern } from "../shared/origins";

const isFirefox = browser.runtime.getURL("").startsWith("moz-extension:");
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

async function showShortcut(): Promise<void> {
  const commands = await browser.commands.getAll();
  const shortcut = commands.find((c) => c.name === "_execute_action")?.shortcut;
  byId("shortcut").textContent = shortcut || "no shortcut set";
  byId("shortcut-help").textContent = isFirefox
    ? "change it in Add-ons and themes → gear menu → Manage Extension Shortcuts"
    : "change it at chrome://extensions/shortcuts";
}

/** Origins the reader granted: everything but the known sites of the manifest and the all-sites switch. */
async function grantedSites(): Promise<{ sites: string[]; all: boolean }> {
  const builtIn = new Set(browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []));
  const origins = (await browser.permissions.getAll()).origins ?? [];
  return { sites: origins.filter((o) => !builtIn.has(o) && o !== ALL_SITES).sort(), all: origins.includes(ALL_SITES) };
}

function say(text: string): void {
  byId("status").textContent = text;
}

async function render(): Promise<void> {
  const { sites, all } = await grantedSites();
  byId<HTMLInputElement>("all-sites").checked = all;
  byId("sites").replaceChildren(
    ...sites.map((pattern) => {
      const li = document.createElement("li");
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Stop tidying";
      remove.setAttribute("aria-label", `Stop tidying ${pattern}`);
      remove.addEventListener("click", async () => {
        await browser.permissions.remove({ origins: [pattern] });
        say(`Tidyread no longer runs on ${pattern} by itself.`);
      });
      li.append(`${pattern} `, remove);
      return li;
    }),
  );
}

// permissions.request needs the reader's gesture: it is called straight from these handlers.
byId<HTMLFormElement>("add-site").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>("site");
  const pattern = originPattern(input.value.trim());
  if (!pattern) return say("That is not a web address (http or https).");
  const granted = await browser.permissions.request({ origins: [pattern] });
  say(granted ? `Tidyread will tidy ${pattern} every time.` : "Access was not granted.");
  if (granted) input.value = "";
});

byId<HTMLInputElement>("all-sites").addEventListener("change", async (event) => {
  const box = event.currentTarget as HTMLInputElement;
  if (box.checked) {
    box.checked = await browser.permissions.request({ origins: [ALL_SITES] });
    say(box.checked ? "Tidyread looks for aggregator pages on every site." : "Access was not granted.");
  } else {
    await browser.permissions.remove({ origins: [ALL_SITES] });
    say("Tidyread runs only on Daily8 and the sites listed above.");
  }
});

browser.permissions.onAdded.addListener(() => void render());
browser.permissions.onRemoved.addListener(() => void render());
void showShortcut();
void render();
