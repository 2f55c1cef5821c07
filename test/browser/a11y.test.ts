// axe-core on what Tidyread adds to a page (the panel, in light, dark and right-to-left) and on its
// options page. The panel is an extension page in a frame: axe runs inside that frame.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BROWSERS, launch, type TestFrame, type TestPage } from "./harness/browsers";
import { closePanel, openPanel, READER_PATH, readHandle } from "./harness/panel";
import { useBrowser } from "./harness/suite";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  help: string;
}

type AxeApi = { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[]; help: string }[] }> };

/** Runs axe in the page (or an extension frame), on `selector` (its shadow tree included) or the whole document. */
async function axe(page: TestPage | TestFrame, selector: string | null): Promise<Violation[]> {
  // One expression (a frame's evaluate wraps it in parentheses); axe sets window.axe.
  await page.evaluate(`(() => {\n${AXE_SOURCE}\n;return true;\n})()`);
  return page.evaluate(async (sel: string | null) => {
    const api = (window as unknown as { axe: AxeApi }).axe;
    const context = sel ? document.querySelector(sel) : document;
    const result = await api.run(context, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  }, selector);
}

/**
 * Runs axe inside the panel's frame, on its whole document. The drivers' evaluation is not bound
 * by the extension page's CSP (axe itself needs no eval); the source is wrapped in a function,
 * as Firefox's harness evaluates expressions, not scripts. landmark-one-main is left out: the
 * panel is a part of the page it is shown in, whose main landmark is the page's; a main of its own
 * would be a second one for a screen reader.
 */
async function axeInPanel(frame: TestFrame): Promise<Violation[]> {
  await frame.evaluate(`(() => {\n${AXE_SOURCE}\n; return true; })()`);
  return frame.evaluate(async () => {
    const api = (window as unknown as { axe: AxeApi }).axe;
    const result = await api.run(document, { resultTypes: ["violations"], rules: { "landmark-one-main": { enabled: false } } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
}

const describeViolations = (list: Violation[]): string[] => list.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help}`);

describe.each(BROWSERS)("%s: accessibility (axe-core)", (name) => {
  const suite = useBrowser(name);

  for (const [what, url] of [
    ["left-to-right", () => suite.server.urlFor("daily8-article-semantic")],
    ["right-to-left", () => suite.server.urlFor("arabic-article")],
  ] as const) {
    it(`the panel has no violations (${what}); the handle has a name and says whether the panel is open`, async () => {
      const page = await suite.browser.newPage();
      try {
        await page.goto(url());
        // A page no site profile knows is tidied by the toolbar button, which opens the panel.
        if (!(await page.evaluate(() => document.documentElement.hasAttribute("data-tidyread-kind")))) await suite.browser.clickToolbarButton(page);
        const frame = await openPanel(page);
        expect(describeViolations(await axeInPanel(frame))).toEqual([]);
        // The handle is in a closed shadow root, out of axe's reach: its name, role and state are read by the harness.
        expect(await readHandle(page)).toMatchObject({ label: expect.stringMatching(/^Close the related-articles panel$/), expanded: "true" });
        await closePanel(page);
        expect(await readHandle(page)).toMatchObject({ label: expect.stringMatching(/^Open the related-articles panel, \d+ articles$/), expanded: "false", hidden: false });
        // Opened again: the view it shows again still passes.
        expect(describeViolations(await axeInPanel(await openPanel(page)))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("the panel has no violations in the system's dark mode", async () => {
    const dark = await launch(name, { server: suite.server, colorScheme: "dark" });
    try {
      const page = await dark.newPage();
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      const frame = await openPanel(page);
      expect(await frame.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
      expect(describeViolations(await axeInPanel(frame))).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it("the panel has no violations with more stories than it shows at once (Show more, the count)", async () => {
    const semantic = readFileSync(new URL("../fixtures/daily8-article-semantic/page.html", import.meta.url), "utf8");
    const cards = Array.from({ length: 120 }, (_, i) => `<article><h3><a href="/en/article/m${i}">Story number ${i + 1} of a long list</a></h3><span>Outlet ${i % 7}</span><span>${(i % 20) + 1} hours ago</span></article>`);
    const html = semantic.replace(/(<div class="s5">)[\s\S]*?(<\/div>\s*<\/section>\s*<section class="s6")/, `$1${cards.join("")}$2`);
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.addPage("www.daily8.com", "/en/article/a11y-long-list", html));
      const frame = await openPanel(page);
      await frame.click('button[data-part="show-more"]');
      const shown = await frame.evaluate(() => ({
        items: document.querySelectorAll('[data-part="teasers"] > li').length,
        more: document.querySelector('[data-part="show-more"]')?.checkVisibility(),
      }));
      expect(shown).toEqual({ items: 100, more: true });
      expect(describeViolations(await axeInPanel(frame))).toEqual([]);
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

  it("axe runs for real inside the panel's frame: it reports a nameless button put there", async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.server.urlFor("daily8-article-semantic"));
      const frame = await openPanel(page);
      await frame.evaluate(() => document.body.append(document.createElement("button")));
      expect((await axeInPanel(frame)).map((v) => v.id)).toContain("button-name");
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
