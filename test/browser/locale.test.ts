// The UI in a right-to-left language: with the browser's UI in Arabic, the options page and the panel
// speak Arabic and mirror. Needs the browsers' Arabic (Debian: chromium-l10n, firefox-esr-l10n-ar):
// without it the launch fails and says so.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BROWSERS } from "./harness/browsers";
import { closePanel, openPanel, readHandle, readUi, waitForTidy } from "./harness/panel";
import { REPO_ROOT } from "./harness/server";
import { useBrowser } from "./harness/suite";

const AR = JSON.parse(readFileSync(path.join(REPO_ROOT, "src/_locales/ar/messages.json"), "utf8")) as Record<string, { message: string }>;
const ar = (key: string, ...subs: (string | number)[]): string =>
  (AR[key]?.message ?? `(no ${key})`).replace(/\$(\d)/g, (_m, n: string) => String(subs[Number(n) - 1] ?? ""));

describe.each(BROWSERS)("%s with its UI in Arabic", (name) => {
  const suite = useBrowser(name, { locale: "ar" });

  it("the options page is in Arabic and mirrors", async () => {
    const page = await suite.browser.newPage();
    try {
      void page.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
      await page.waitForFunction(() => document.documentElement.dir === "rtl" && document.getElementById("shortcut")?.textContent !== "…");
      const seen = await page.evaluate(() => {
        const box = document.querySelector("#defaults input[data-category]") as HTMLInputElement;
        const label = box.nextElementSibling as HTMLElement;
        return {
          lang: document.documentElement.lang,
          title: document.title,
          heading: document.querySelector("h2")?.textContent,
          direction: getComputedStyle(document.querySelector("h2") as HTMLElement).direction,
          // Mirrored: the checkbox stands right of its words.
          boxRightOfLabel: box.getBoundingClientRect().left > label.getBoundingClientRect().right,
          shortcut: document.getElementById("shortcut")?.textContent,
          shortcutHelp: document.getElementById("shortcut-help")?.textContent,
          placeholder: (document.getElementById("site") as HTMLInputElement).placeholder,
          sitesLabel: document.getElementById("sites")?.getAttribute("aria-label"),
        };
      });
      expect(seen).toEqual({
        lang: "ar",
        title: ar("optionsTitle"),
        heading: ar("optionsToggleHeading"),
        direction: "rtl",
        boxRightOfLabel: true,
        shortcut: expect.stringMatching(/^Alt\+Shift\+U$/i),
        shortcutHelp: name === "firefox" ? ar("optionsShortcutHelpFirefox") : ar("optionsShortcutHelpChrome", "\u2068chrome://extensions/shortcuts\u2069"),
        placeholder: ar("optionsSitePlaceholder"),
        sitesLabel: ar("optionsSitesList"),
      });
      // A status message in Arabic, from options.ts.
      await page.evaluate(() => {
        const select = document.getElementById("panel-start") as HTMLSelectElement;
        select.value = "remember";
        select.dispatchEvent(new Event("change"));
      });
      await page.waitForFunction((text: string) => document.getElementById("status")?.textContent === text, {}, ar("optionsSaved"));
    } finally {
      await page.close();
    }
  });

  it("the panel on a Daily8 page is in Arabic and mirrors", async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      await waitForTidy(page);
      // Its words come from the browser's UI language. Open: a hidden frame has no computed style in Firefox.
      const frame = await openPanel(page);
      const seen = await frame.evaluate(() => {
        const panel = document.querySelector("section[aria-labelledby]");
        return {
          dir: panel?.getAttribute("dir"),
          lang: panel?.getAttribute("lang"),
          documentDir: document.documentElement.dir,
          direction: panel ? getComputedStyle(panel).direction : null,
          close: document.querySelector('[data-part="close"]')?.getAttribute("aria-label"),
          listLabel: document.querySelector('[data-part="teasers"]')?.getAttribute("aria-label"),
          teasers: document.querySelectorAll('[data-part="teasers"] > li').length,
        };
      });
      const count = seen.teasers;
      expect(count).toBeGreaterThan(0);
      expect(seen).toEqual({ dir: "rtl", lang: "ar", documentDir: "rtl", direction: "rtl", close: ar("panelClose"), listLabel: ar("relatedArticles"), teasers: count });
      // The handle and the frame's name, in Tidyread's closed shadow root.
      const ui = await readUi(page);
      expect(ui?.frames.find((f) => f.kind === "panel")?.title).toBe(ar("panelName"));
      expect(ui?.handle).toMatchObject({ text: ar("handleClose", count), label: ar("handleCloseLabel"), expanded: "true" });
      await closePanel(page);
      expect(await readHandle(page)).toMatchObject({ text: ar("handleOpen", count), label: ar("handleOpenLabel", count), expanded: "false" });
    } finally {
      await page.close();
    }
  });
});
