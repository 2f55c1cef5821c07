// The options page's list of known aggregator sites, one switch each: on asks for the site's
// hosts (webext-dynamic-content-scripts then runs the content script there), off gives them back.
import browser from "webextension-polyfill";
import { t } from "../shared/i18n";
import { KNOWN_SITES, knownSiteRows, type KnownSiteRow } from "../shared/known-sites";
import { hostPatterns, type SiteProfile } from "../sites";

interface SiteSwitch {
  box: HTMLInputElement;
  note: HTMLElement;
}

function siteItem(site: SiteProfile): { li: HTMLLIElement; control: SiteSwitch } {
  const li = document.createElement("li");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.setAttribute("role", "switch");
  box.id = `known-site-${site.id}`;
  box.dataset["site"] = site.id;
  const label = document.createElement("label");
  label.htmlFor = box.id;
  // <bdi>: a name in another script keeps its own direction in the list.
  label.append(Object.assign(document.createElement("bdi"), { textContent: site.name }));
  const hosts = Object.assign(document.createElement("small"), { dir: "ltr", textContent: site.hosts.join(", ") });
  const note = document.createElement("small");
  li.append(box, " ", label, " ", hosts, " ", note);
  return { li, control: { box, note } };
}

function update({ box, note }: SiteSwitch, row: KnownSiteRow): void {
  box.checked = row.on || row.viaAllSites;
  // Under the all-sites grant a site cannot be taken back alone: that switch decides.
  box.disabled = row.viaAllSites;
  note.textContent = row.viaAllSites ? `(${t("optionsKnownSiteViaAll")})` : "";
}

/** Fills `list` with the known sites, one switch each, kept in step with the browser's grants. */
export function showKnownSites(list: HTMLElement, say: (text: string) => void): void {
  const controls = new Map<string, SiteSwitch>();
  const refresh = async (): Promise<void> => {
    const granted = (await browser.permissions.getAll()).origins ?? [];
    for (const row of knownSiteRows(granted)) {
      const control = controls.get(row.site.id);
      if (control) update(control, row);
    }
  };
  list.replaceChildren(
    ...KNOWN_SITES.map((site) => {
      const { li, control } = siteItem(site);
      controls.set(site.id, control);
      control.box.addEventListener("change", async () => {
        const origins = hostPatterns(site);
        // permissions.request needs the reader's gesture: it is the first thing this handler awaits.
        if (control.box.checked) {
          const granted = await browser.permissions.request({ origins }).catch(() => false);
          say(granted ? t("optionsKnownSiteOn", site.name) : t("optionsNotGranted"));
        } else {
          await browser.permissions.remove({ origins }).catch(() => false);
          say(t("optionsKnownSiteOff", site.name));
        }
        await refresh();
      });
      return li;
    }),
  );
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
  void refresh();
}
