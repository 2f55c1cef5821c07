// Pages of sites not granted at install, in real browsers: the one-click clean (both browsers) and a site
// the reader grants and takes back (Firefox, where a test can answer the permission request).
import { beforeAll, describe, expect, it } from "vitest";
import { siteFor } from "../../src/sites";
import { fixtureSlugs, loadFixture } from "../fixture-data";
import { BROWSERS, type TestPage } from "./harness/browsers";
import { describeViolations, PROBE_SCRIPT, readProbe } from "./harness/probe";
import { checkVisibility, formatSnippets } from "./harness/visibility";
import { panelWithView, readUi, storyTitles } from "./harness/panel";
import { useBrowser } from "./harness/suite";

const generic = fixtureSlugs()
  .map((slug) => ({ slug, expected: loadFixture(slug).expected }))
  .filter(({ expected }) => !siteFor(new URL(expected.url).hostname)?.grantedAtInstall);

/** No mark of Tidyread's in the page and no element of its own (its closed shadow root's host). */
const untouched = async (page: TestPage): Promise<boolean> =>
  (await page.evaluate(() => !document.querySelector("[data-tidyread-hidden], [data-tidyread-kind]"))) && (await readUi(page)) === null;

async function expectTidied(page: TestPage, teasers: string[]): Promise<void> {
  const seen = await checkVisibility(page);
  expect(seen.articleCount).toBeGreaterThan(0);
  expect(formatSnippets(seen.hiddenArticle)).toBe("");
  expect(formatSnippets(seen.shownClutter)).toBe("");
  if (teasers.length) {
    // The panel's frame (open or not) lists them once the content script sent its view.
    const frame = await panelWithView(page);
    await frame.waitForFunction((n: number) => document.querySelectorAll('[data-part="teasers"] > li').length >= n, {}, teasers.length).catch(() => undefined);
    expect(await storyTitles(frame)).toEqual(teasers);
  }
}

describe.each(BROWSERS)("%s: the toolbar button tidies a page no site profile knows", (name) => {
  const suite = useBrowser(name);

  describe.each(generic)("$slug", ({ slug, expected }) => {
    it("is left alone until the click, then tidied (the article kept, the clutter hidden, the teasers listed)", async () => {
      const page = await suite.browser.newPage();
      try {
        await page.addInitScript(PROBE_SCRIPT);
        await page.goto(suite.server.urlFor(slug));
        expect(await untouched(page)).toBe(true);
        await suite.browser.clickToolbarButton(page);
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-tidyread-kind"));
        if (expected.late) await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
        await expectTidied(page, expected.teasers.map((t) => t.title));
        if (expected.late) {
          // Blocks that arrive after the click are hidden before they are painted.
          const probe = await readProbe(page, { stop: true });
          const afterClick = probe.violations.filter((v) => probe.activeFrame !== null && v.frame >= probe.activeFrame);
          expect(afterClick.map((v) => `${v.category}: ${v.text}`)).toEqual([]);
        }
        // A second click toggles the panel, as on Daily8 (an article has one; a listing does not).
        if ((await page.evaluate(() => document.documentElement.getAttribute("data-tidyread-kind"))) === "article") {
          const before = await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-open"));
          await suite.browser.clickToolbarButton(page);
          await page.waitForFunction((was: boolean) => document.documentElement.hasAttribute("data-tidyread-open") !== was, {}, before);
        }
      } finally {
        await page.close();
      }
    });
  });
});

describe("firefox: a site the reader grants is tidied every time, until taken back", () => {
  const suite = useBrowser("firefox");
  let options: TestPage;
  // After useBrowser's own hook (hooks run in the order they are declared).
  beforeAll(async () => {
    options = await suite.browser.newPage();
    void options.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
    await options.waitForFunction(() => document.getElementById("shortcut")?.textContent !== "…");
  });

  /** Types the site into the options page and submits, as a reader would. */
  async function grant(origin: string): Promise<void> {
    await options.evaluate((value: string) => {
      const input = document.getElementById("site") as HTMLInputElement;
      input.value = value;
    }, origin);
    await options.click('#add-site button[type="submit"]');
    await options.waitForFunction((o: string) => document.getElementById("sites")?.textContent?.includes(o) ?? false, {}, origin);
  }

  async function revoke(origin: string): Promise<void> {
    await options.click(`#sites button[aria-label="Stop tidying: ${origin}/*"]`);
    await options.waitForFunction((o: string) => !(document.getElementById("sites")?.textContent?.includes(o) ?? true), {}, origin);
  }

  describe.each(generic)("$slug", ({ slug, expected }) => {
    it(expected.kind === "none" ? "is granted, and left alone: the detector says it is not an aggregator page" : "is granted, detected and tidied, with no flash; taken back, it is left alone", async () => {
      const url = suite.server.urlFor(slug);
      const { protocol, hostname } = new URL(url);
      const origin = `${protocol}//${hostname}`;
      await grant(origin);
      const page = await suite.browser.newPage();
      try {
        await page.addInitScript(PROBE_SCRIPT);
        await page.goto(url);
        if (expected.late) await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        if (expected.kind === "none") {
          expect(await untouched(page)).toBe(true);
        } else {
          expect(await page.evaluate(() => document.documentElement.getAttribute("data-tidyread-kind"))).toBe(expected.kind);
          await expectTidied(page, expected.teasers.map((t) => t.title));
          const probe = await readProbe(page, { stop: true });
          expect(describeViolations(probe)).toBe("");
        }
        await revoke(origin);
        await page.goto(url);
        if (expected.late) await page.waitForFunction(() => document.documentElement.dataset["fixtureDone"] === "1");
        expect(await untouched(page)).toBe(true);
      } finally {
        await page.close();
      }
    });
  });
});
