// "Always tidy this site": a checkbox on the toolbar button's context menu that grants (or
// takes back) this one origin, or on a known aggregator ("Always tidy MSN") all of that site's
// hosts. webext-dynamic-content-scripts then runs the content script there.
import browser from "webextension-polyfill";
import { hostPatterns } from "../sites";
import { knownSiteFor } from "../shared/known-sites";
import { originPattern } from "../shared/origins";
import { t } from "../shared/i18n";

const MENU_ID = "always-tidy-site";

/** The last page that said where it is, so that a grant elsewhere (the options page) updates the tick. */
let lastNoted: { tabId: number; url: string } | null = null;

/** What the menu grants for a page: its known site's hosts, or its own origin; and how it says so. */
export function accessFor(pageUrl: string | undefined): { origins: string[]; title: string } | null {
  const site = knownSiteFor(pageUrl);
  if (site) return { origins: hostPatterns(site), title: t("menuAlwaysTidyKnownSite", site.name) };
  const pattern = originPattern(pageUrl);
  return pattern ? { origins: [pattern], title: t("optionsSiteAdd") } : null;
}

async function isGranted(origins: string[] | undefined): Promise<boolean> {
  return !!origins?.length && (await browser.permissions.contains({ origins }));
}

/**
 * The tick and the wording for the tab's page. Its URL is visible to us exactly where the site is
 * granted (or the button was just clicked there), which is what the tick shows; elsewhere the menu
 * says "this site", and the click that opens it makes the URL visible to the grant.
 */
async function syncMenu(tabId: number, pageUrl?: string): Promise<void> {
  const url = pageUrl ?? (await browser.tabs.get(tabId).catch(() => null))?.url;
  const access = accessFor(url);
  const checked = await isGranted(access?.origins);
  await browser.contextMenus.update(MENU_ID, { checked, title: access?.title ?? t("optionsSiteAdd") });
}

/**
 * A page the content script runs on said where it is (after a click on the button the tab's own
 * URL may not be readable yet): on the active tab, the menu names its site.
 */
export async function notePage(tabId: number, pageUrl: string | undefined): Promise<void> {
  // Pages report their state on every change: the menu is updated when the page is another one.
  if (!pageUrl || (lastNoted?.tabId === tabId && lastNoted.url === pageUrl)) return;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== tabId) return;
  lastNoted = { tabId, url: pageUrl };
  await syncMenu(tabId, pageUrl);
}

/** Grants or takes back the page's site; returns whether it is granted afterwards. */
export async function setSiteAccess(pageUrl: string | undefined, grant: boolean): Promise<boolean> {
  const access = accessFor(pageUrl);
  if (!access) return false;
  if (grant) return browser.permissions.request({ origins: access.origins });
  // A site granted at install cannot be taken back: the answer is what is granted after trying.
  await browser.permissions.remove({ origins: access.origins }).catch(() => false);
  return isGranted(access.origins);
}

export function addSiteAccessMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, type: "checkbox", checked: false, title: t("optionsSiteAdd"), contexts: ["action"] });
  });
  // The click is a user gesture: permissions.request may ask the reader here.
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const granted = await setSiteAccess(info.pageUrl ?? tab?.url, info.checked === true).catch(() => false);
    await browser.contextMenus.update(MENU_ID, { checked: granted });
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    lastNoted = null;
    void syncMenu(tabId);
  });
  const resync = (): void => {
    if (lastNoted) void syncMenu(lastNoted.tabId, lastNoted.url);
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (!tab.active || change.status !== "complete") return;
    lastNoted = null;
    void syncMenu(tabId);
  });
}
