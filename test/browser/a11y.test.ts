// axe-core on what Tidyread adds to a page (the panel, open and closed) and on its options page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BROWSERS, type TestFrame, type TestPage } from "./harness/browsers";
import { openPanel, READER_PATH } from "./harness/panel";
import { useBrowser } from "./harness/suite";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  help: string;
}

/** Runs axe in the page (or an extension frame), on `selector` (its shadow tree included) or the whole document. */
async function axe(page: TestPage | TestFrame, selector: string | null): Promise<Violation[]> {
  // One expression (a frame's evaluate wraps it in parentheses); axe sets window.axe.
  await page.evaluate(`(() => {\n${AXE_SOURCE}\n;return true;\n})()`);
  return page.evaluate(async (sel: string | null) => {
    const api = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[]; help: string }[] }> } }).axe;
    const context = sel ? document.querySelector(sel) : document;
    const result = await api.run(context, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  }, selector);
}

const describeViolations = (list: Violation[]): string[] => list.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help}`);

describe.each(BROWSERS)("%s: accessibility (axe-core)", (name) => {
  const suite = useBrowser(name);

  for (const url of [() => suite.server.urlFor("daily8-article-semantic"), () => suite.server.urlFor("arabic-article")]) {
    it("the panel has no violations, closed or open", async () => {
      const page = await suite.browser.newPage();
      try {
        await page.goto(url());
        if (!(await page.evaluate(() => !!document.querySelector("[data-tidyread-panel]")))) await suite.browser.clickToolbarButton(page);
        await page.waitForFunction(() => !!document.querySelector("[data-tidyread-panel]"));
        const handle = '[data-tidyread-panel] >>> button[data-part="handle"]';
        const expanded = (): Promise<string | null> =>
          page.evaluate(() => document.querySelector("[data-tidyread-panel]")?.shadowRoot?.querySelector('[data-part="handle"]')?.getAttribute("aria-expanded") ?? null);
        for (let round = 0; round < 2; round += 1) {
          expect(describeViolations(await axe(page, "[data-tidyread-panel]")), `with aria-expanded=${await expanded()}`).toEqual([]);
          await page.click(handle);
        }
      } finally {
        await page.close();
      }
    });
  }

  it("the panel has no violations with more stories than it shows at once (Show more, the count)", async () => {
    const semantic = readFileSync(new URL("../fixtures/daily8-article-semantic/page.html", import.meta.url), "utf8");
    const cards = Array.from({ length: 120 }, (_, i) => `<article><h3><a href="/en/article/m${i}">Story number ${i + 1} of a long list</a></h3><span>Outlet ${i % 7}</span><span>${(i % 20) + 1} hours ago</span></article>`);
    const html = semantic.replace(/(<div class="s5">)[\s\S]*?(<\/div>\s*<\/section>\s*<section class="s6")/, `$1${cards.join("")}$2`);
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.addPage("www.daily8.com", "/en/article/a11y-long-list", html));
      await page.waitForFunction(() => !!document.querySelector("[data-tidyread-panel]"));
      if ((await page.evaluate(() => document.querySelector("[data-tidyread-panel]")?.shadowRoot?.querySelector('[data-part="handle"]')?.getAttribute("aria-expanded"))) !== "true") {
        await page.click('[data-tidyread-panel] >>> button[data-part="handle"]');
      }
      await page.click('[data-tidyread-panel] >>> button[data-part="show-more"]');
      const shown = await page.evaluate(() => {
        const root = document.querySelector("[data-tidyread-panel]")?.shadowRoot;
        return { items: root?.querySelectorAll('[data-part="teasers"] > li').length, more: root?.querySelector('[data-part="show-more"]')?.checkVisibility() };
      });
      expect(shown).toEqual({ items: 100, more: true });
      expect(describeViolations(await axe(page, "[data-tidyread-panel]"))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("the reader view has no violations, in each of its colours", async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      const panel = await openPanel(page);
      await panel.click('[data-part="reader"]');
      // The reader view is its own extension page, in a frame: axe runs in its document.
      const reader = await page.extensionFrame(READER_PATH);
      await reader.waitForFunction(() => !!document.querySelector("article p"));
      for (const theme of ["light", "dark", "sepia"]) {
        await reader.evaluate((value: string) => {
          const select = document.querySelector('[data-part="theme"]') as HTMLSelectElement;
          select.value = value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }, theme);
        expect(describeViolations(await axe(reader, null)), theme).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it("axe runs for real here and looks into open shadow roots: it reports a nameless button in one", async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.urlFor("daily8-not-aggregator"));
      await page.evaluate(() => {
        const host = Object.assign(document.createElement("div"), { id: "shadow-host" });
        host.attachShadow({ mode: "open" }).append(document.createElement("button"));
        document.body.append(host);
      });
      expect((await axe(page, "#shadow-host")).map((v) => v.id)).toContain("button-name");
    } finally {
      await page.close();
    }
  });

  it("the options page has no violations", async () => {
    const page = await suite.browser.newPage();
    try {
      void page.goto(suite.browser.extensionPageUrl("src/options/options.html")).catch(() => undefined);
      await page.waitForFunction(() => document.getElementById("shortcut")?.textContent !== "…");
      expect(describeViolations(await axe(page, null))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
