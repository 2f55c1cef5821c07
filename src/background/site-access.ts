// "Always tidy this site": a checkbox on the toolbar button's context menu that grants (or
// takes back) this one origin. webext-dynamic-content-scripts then runs the content script there.
import browser from "webextension-polyfill";
import { originPattern } from "../shared/origins";
import { t } from "../shared/i18n";

const MENU_ID = "always-tidy-site";

async function isGranted(pattern: string | null): Promise<boolean> {
  return !!pattern && (await browser.permissions.contains({ origins: [pattern] }));
}

/** The tab's URL is visible to us exactly where the site is granted, which is what the tick shows. */
async function syncCheckbox(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const checked = await isGranted(originPattern(tab?.url));
  await browser.contextMenus.update(MENU_ID, { checked });
}

/** Grants or takes back the page's origin; returns whether it is granted afterwards. */
export async function setSiteAccess(pageUrl: string | undefined, grant: boolean): Promise<boolean> {
  const pattern = originPattern(pageUrl);
  if (!pattern) return false;
  if (grant) return browser.permissions.request({ origins: [pattern] });
  await browser.permissions.remove({ origins: [pattern] });
  return isGranted(pattern);
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
  browser.tabs.onActivated.addListener(({ tabId }) => void syncCheckbox(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (tab.active && change.status === "complete") void syncCheckbox(tabId);
  });
}
