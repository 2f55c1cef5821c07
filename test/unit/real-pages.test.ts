// 61 real publisher pages (Mozilla Readability's test corpus, less its four aggregator pages), read in place from ../shared/.
// They are not aggregators: the detector must say so, and a forced clean must hide no word
// of the article Readability extracted from each (expected.html).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/shared/types";
import { runSession } from "./support";

const CORPUS = path.resolve("..", "shared", "real-pages", "readability");

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Words of the page's text that a reader sees, and those under a block Tidyread hid. */
function pageWords(doc: Document): { visible: Map<string, number>; hidden: Map<string, number> } {
  const visible: string[] = [];
  const hidden: string[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest("script, style, noscript, template")) continue;
    (parent.closest("[data-tidyread-hidden]") ? hidden : visible).push(...words(n.nodeValue ?? ""));
  }
  return { visible: count(visible), hidden: count(hidden) };
}

/** Article words that are missing from view because Tidyread hid them (not because Readability reworded). */
function hiddenArticleWords(articleHtml: string, doc: Document): { total: number; hidden: number; examples: string[] } {
  const article = count(words(new DOMParser().parseFromString(articleHtml, "text/html").body.textContent ?? ""));
  const { visible, hidden } = pageWords(doc);
  let lost = 0;
  const examples: string[] = [];
  let total = 0;
  for (const [w, n] of article) {
    total += n;
    const missing = Math.min(Math.max(0, n - (visible.get(w) ?? 0)), hidden.get(w) ?? 0);
    if (missing > 0) {
      lost += missing;
      if (examples.length < 8) examples.push(w);
    }
  }
  return { total, hidden: lost, examples };
}

interface Row {
  page: string;
  verdict: string;
  confidence: number;
  blocks: string;
  articleWords: number;
  wordsHidden: number;
}

/** Pages of the corpus that are aggregators' (its README says so); they are in ../aggregators/ too, and tested there. */
const AGGREGATORS = new Set(["msn", "yahoo-2", "yahoo-4", "qq"]);

const pages = existsSync(CORPUS)
  ? readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !AGGREGATORS.has(d.name) && existsSync(path.join(CORPUS, d.name, "source.html")))
      .map((d) => d.name)
      .sort()
  : [];

if (pages.length === 0) {
  if (process.env["CI"]) {
    it("finds the real-page corpus", () => {
      throw new Error(`The real-page corpus is missing at ${CORPUS}; CI must have ../shared/ beside the project.`);
    });
  } else {
    describe.skip(`real pages: no corpus at ${CORPUS} on this machine, so nothing is checked here (CI has it)`, () => {
      it("detector and forced clean on real pages", () => undefined);
    });
  }
} else {
  const rows: Row[] = [];

  describe("real publisher pages", () => {
    it("are all there", () => {
      expect(pages.length).toBe(61);
    });

    describe.each(pages)("%s", (page) => {
      const html = readFileSync(path.join(CORPUS, page, "source.html"), "utf8");
      const url = `https://${page.replace(/[^a-z0-9-]/gi, "")}.real-pages.test/article`;

      it("is not called an aggregator page, and a forced clean hides no word of its article", () => {
        const detected = runSession(html, url).session?.detection;
        const { doc, session } = runSession(html, url, true);
        const counts = session?.marks.counts();
        const result = hiddenArticleWords(readFileSync(path.join(CORPUS, page, "expected.html"), "utf8"), doc);
        rows.push({
          page,
          verdict: detected?.kind ?? "none",
          confidence: detected?.confidence ?? 0,
          blocks: CATEGORIES.filter((c) => (counts?.[c] ?? 0) > 0).map((c) => `${c} ${counts?.[c]}`).join(", "),
          articleWords: result.total,
          wordsHidden: result.hidden,
        });
        expect(detected?.kind ?? "none", detected?.signals.join("\n")).toBe("none");
        expect(result.examples, `article words hidden on ${page}`).toEqual([]);
        expect(result.hidden).toBe(0);
      });
    });
  });

  afterAll(() => {
    const out = path.resolve("test-output");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "real-pages.json"), JSON.stringify(rows, null, 2));
    const called = rows.filter((r) => r.verdict !== "none").length;
    const hidden = rows.reduce((a, r) => a + r.wordsHidden, 0);
    const words = rows.reduce((a, r) => a + r.articleWords, 0);
    console.info(
      [
        "page | verdict (confidence) | blocks a forced clean hid | article words | hidden",
        ...rows.map((r) => `${r.page} | ${r.verdict} (${r.confidence}) | ${r.blocks || "-"} | ${r.articleWords} | ${r.wordsHidden}`),
        `TOTAL: ${rows.length} pages, ${called} called aggregators, ${hidden} of ${words} article words hidden`,
      ].join("\n"),
    );
  });
}
