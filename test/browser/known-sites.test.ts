// Known aggregators the extension does not run on from install (src/sites, all but Daily8): the
// options page lists them with a switch each; the toolbar button tidies one by its profile; a
// switch turned on (Firefox, where a test can answer the permission request) tidies it every time.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PageState } from "../../src/shared/messages";
import { KNOWN_SITES } from "../../src/shared/known-sites";
import { BROWSERS, type TestBrowser, type TestPage } from "./harness/browsers";
import { readUi } from "./harness/panel";
import { FIXTURES_DIR } from "./harness/server";
import { useBrowser } from "./harness/suite";

/**
 * An aggregator-style fixture served under a known site's real host, at one of its article
 * addresses. Sott.net: Chromium's HSTS preload list sends http://www.msn.com (and other big
 * portals) to https, which the fixture server does not speak.
 */
const SITE_HOST = "www.sott.net";
const ARTICLE_PATH = "/article/434715-The-American-friends";
const PAGE_HTML = readFileSync(path.join(FIXTURES_DIR, "msn-like-article", "page.html"), "utf8");

/** No mark of Tidyread's in the page and no element of its own (its closed shadow root's host). */
const untouched = async (page: TestPage): Promise<boolean> =>
  (await page.evaluate(() => !document.querySelector("[data-tidyread-hidden], [data-tidyread-kind]"))) && (await readUi(page)) === null;

/** Runs in the options page: each known site's switch as a reader finds it. */
function readSwitches(): { id: string; name: string; on: boolean; disabled: boolean }[] {
  return [...document.querySelectorAll<HTMLInputElement>('#known-sites input[role="switch"]')].map((box) => ({
    id: box.dataset["site"] ?? "",
    name: (box.labels?.[0]?.textContent ?? "").trim(),
    on: box.checked,
    disabled: box.disabled,
  }));
}

async function openOptions(browser: TestBrowser): Promise<TestPage> {
  const options = await browser.newPage();
  // Firefox never resolves a goto on an extension page: poll for the list instead.
  void options.goto(browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
  await options.waitForFunction(() => document.querySelectorAll('#known-sites input[role="switch"]').length > 0);
  return options;
}

describe.each(BROWSERS)("%s: known aggregator sites", (name) => {
  // Chromium maps sott.net and every host under it; Firefox the exact name.
  const suite = useBrowser(name, { hosts: [name === "chromium" ? "sott.net" : SITE_HOST] });

  it("the options page lists each known site with a switch, off at install; Daily8 is not one", async () => {
    const options = await openOptions(suite.browser);
    try {
      const switches = await options.evaluate(readSwitches);
      expect(switches.map((s) => s.id)).toEqual(KNOWN_SITES.map((s) => s.id));
      expect(switches.map((s) => s.name)).toEqual(KNOWN_SITES.map((s) => s.name));
      expect(switches.filter((s) => s.on || s.disabled)).toEqual([]);
      expect(switches.some((s) => s.id === "daily8")).toBe(false);
    } finally {
      await options.close();
    }
  });

  it("a known site is left alone at install; the toolbar button tidies it by its profile's address", async () => {
    const url = suite.server.addPage(SITE_HOST, ARTICLE_PATH, PAGE_HTML);
    const page = await suite.browser.newPage();
    try {
      await page.goto(url);
      expect(await untouched(page)).toBe(true);
      await suite.browser.clickToolbarButton(page);
      await page.waitForFunction(() => document.documentElement.getAttribute("data-tidyread-kind") === "article");
      const state = (await suite.browser.sendToActiveTab({ type: "page:get-state" })) as PageState;
      expect(state.detection.site).toBe("sott");
      expect(state.detection.signals.join("\n")).toContain("Sott.net article address");
    } finally {
      await page.close();
    }
  });
});

describe("firefox: a known site switched on is tidied every time, until switched off", () => {
  const suite = useBrowser("firefox", { hosts: [SITE_HOST] });

  it("on: its hosts are granted and the page is tidied by itself; off: given back and left alone", async () => {
    const url = suite.server.addPage(SITE_HOST, ARTICLE_PATH, PAGE_HTML);
    const options = await openOptions(suite.browser);
    const page = await suite.browser.newPage();
    try {
      const isOn = (): Promise<boolean> => options.evaluate(() => (document.getElementById("known-site-sott") as HTMLInputElement).checked);
      const origins = (): Promise<string[]> =>
        options.evaluate(() => (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser.permissions.getAll().then((p) => p.origins ?? []));

      await options.click("#known-site-sott");
      await options.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Sott.net") ?? false);
      expect(await isOn()).toBe(true);
      expect(await origins()).toEqual(expect.arrayContaining(["*://sott.net/*", "*://*.sott.net/*"]));

      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.getAttribute("data-tidyread-kind") === "article");
      expect(await page.evaluate(() => document.querySelectorAll("[data-tidyread-hidden]").length)).toBeGreaterThan(0);

      await options.click("#known-site-sott");
      await options.waitForFunction(() => !(document.getElementById("known-site-sott") as HTMLInputElement).checked);
      expect(await origins()).not.toEqual(expect.arrayContaining(["*://*.sott.net/*"]));
      await page.goto(url);
      expect(await untouched(page)).toBe(true);
    } finally {
      await page.close();
      await options.close();
    }
  });
});
