// Real aggregator pages and their controls (../shared/real-pages/aggregators/), in jsdom: the fast
// loop beside the browser run (npm run real-pages). Each page is read twice as the content script
// would: untouched (the detector's own verdict), then as after a click on the toolbar button.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusSlugs, formatTable, loadPage, missedTargets, score, totals, type Observed, type Score } from "../real-pages/corpus";
import { detectGeneric } from "../../src/content/generic";
import { languagesFor, pageLanguage } from "../../src/lang";
import { runSession } from "./support";

/** The text a reader sees: not in scripts or styles, not under a block Tidyread hid. */
function textOf(doc: Document, withHidden: boolean): string {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest("script, style, noscript, template, title")) continue;
    if (!withHidden && parent.closest("[data-tidyread-hidden], [data-tidyread-pending]")) continue;
    out.push(n.nodeValue ?? "");
  }
  return out.join("");
}

const slugs = corpusSlugs();
const scores: Score[] = [];

describe.runIf(slugs.length > 0)("real aggregator pages (jsdom)", () => {
  it("are all there", () => {
    expect(slugs.length).toBeGreaterThanOrEqual(34);
  });

  describe.each(slugs)("%s", (slug) => {
    const page = loadPage(slug);
    const url = page.expect.serve_as;

    it("keeps every story snippet visible, and the detector's verdict matches the page's kind", () => {
      const now = new Date();
      const untouched = runSession(page.html, url);
      const verdict = untouched.session?.detection.kind ?? "none";
      const before = textOf(untouched.doc, true);
      const { doc, session } = runSession(page.html, url, true);
      const observed: Observed = {
        visibleText: textOf(doc, false),
        allText: textOf(doc, true),
        verdict,
        genericVerdict: detectGeneric(untouched.doc, languagesFor(pageLanguage(untouched.doc))).kind,
        listed: session ? [...session.teasers] : [],
      };
      const result = score(page, before, observed, now);
      scores.push(result);
      expect(result.lost, `story snippets hidden on ${slug}`).toEqual([]);
      if (!result.aggregator) expect(verdict, untouched.session?.detection.signals.join("\n")).toBe("none");
    });
  });

  it("meet issue 11's targets over the corpus", () => {
    expect(scores.length, "every page was scored first").toBe(slugs.length);
    expect(missedTargets(totals(scores))).toEqual([]);
  });

  afterAll(() => {
    const out = path.resolve("test-output");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "aggregator-pages.json"), JSON.stringify({ totals: totals(scores), pages: scores }, null, 2));
    console.info(formatTable(scores));
  });
});

it("the corpus is there on CI", () => {
  if (process.env["CI"]) expect(slugs.length, "../shared/real-pages/aggregators is missing").toBeGreaterThan(0);
});
