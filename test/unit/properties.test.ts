// Property tests: generated aggregator pages (random nesting, text in Latin, Arabic, Hebrew and
// CJK, random dir attributes, Daily8-like boilerplate blocks dropped in around a marked article)
// cleaned by the content script's own entry points: createSession() + start(), stop() to turn off.
//
// A failure prints fast-check's seed and path; replay it with FC_SEED=<seed> (and the path in
// FC_PATH) to get the same case and its shrunk page.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PageSession } from "../../src/content/session";
import { createSession } from "../../src/content/start";
import { siteFor } from "../../src/sites";
import { page, type GeneratedPage } from "./page-gen";
import { hiddenUnder, pathOf } from "./support";

const RUNS = Number(process.env["FC_RUNS"] ?? 1000);
const seed = process.env["FC_SEED"] ? Number(process.env["FC_SEED"]) : Date.now() % 2_147_483_647;
const path = process.env["FC_PATH"];
const settings: fc.Parameters<[GeneratedPage]> = { numRuns: RUNS, seed, ...(path ? { path } : {}) };

const parse = (p: GeneratedPage): Document => new DOMParser().parseFromString(p.html, "text/html");
const serialize = (doc: Document): string => doc.documentElement.outerHTML;

/** Tidyread on the page as the content script starts it (a Daily8 article, or the toolbar button elsewhere). */
function clean(doc: Document, p: GeneratedPage): PageSession {
  const url = new URL(p.url);
  const session = createSession(doc, url, { site: siteFor(url.hostname), forced: p.generic, changed() {} });
  if (!session) throw new Error(`no session for ${p.url}`);
  session.start();
  return session;
}

/** What went wrong, with the page, for a failure message. */
const show = (p: GeneratedPage, what: string[]): string => `${what.join("\n")}\n--- page (${p.url}) ---\n${p.html}`;

function articleTextHidden(doc: Document): string[] {
  const out: string[] = [];
  for (const root of doc.querySelectorAll('[data-gen="article"]')) {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !/\S/.test(n.nodeValue ?? "")) continue;
      const under = hiddenUnder(parent);
      if (under) out.push(`${pathOf(parent)} “${(n.nodeValue ?? "").trim().slice(0, 40)}” is under ${under}`);
    }
  }
  return out;
}

/** The teaser cards the page holds, as the panel must list them: page order, one per link. */
function expectedTeasers(doc: Document, p: GeneratedPage): { title: string; url: string; source: string; time: string }[] {
  const seen = new Set<string>();
  return [...doc.querySelectorAll("[data-gen-card]")]
    .map((card) => ({
      title: card.getAttribute("data-gen-title") ?? "",
      url: new URL(card.getAttribute("data-gen-card") ?? "", p.url).href,
      source: (card.getAttribute("data-gen-source") ?? "").trim(),
      time: card.getAttribute("data-gen-time") ?? "",
    }))
    .filter((t) => !seen.has(t.url) && !!seen.add(t.url));
}

function blocksMissed(doc: Document): string[] {
  return [...doc.querySelectorAll("[data-gen-block]")]
    .filter((el) => hiddenUnder(el) !== el.getAttribute("data-gen-block"))
    .map((el) => `${pathOf(el)} (${el.getAttribute("data-gen-block")}) is under ${hiddenUnder(el)}: “${(el.textContent ?? "").trim().slice(0, 40)}”`);
}

// One generated page per run is checked against all four properties: parsing a page and
// cleaning it are most of the cost, and four separate runs of 1,000 would take a minute in jsdom.
describe(`generated pages (${RUNS} runs, seed ${seed})`, { timeout: 120_000 }, () => {
  it("clean twice = clean once; off restores exactly; no article word hidden; every block found, every card listed; no exception", () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let blocks = 0;
    let cards = 0;
    fc.assert(
      fc.property(page, (p) => {
        const doc = parse(p);
        const before = serialize(doc);

        // No exception escapes: everything below runs unguarded.
        const first = clean(doc, p);
        const once = serialize(doc);
        const stripped = once.replace(/ data-tidyread-(?:hidden|pending)="[^"]*"/g, "");
        expect(stripped, show(p, ["cleaning changed more than Tidyread's attributes (a node added, removed or moved)"])).toBe(before);

        // No text node of the marked article is hidden.
        expect(articleTextHidden(doc), show(p, [`article text hidden (verdict ${first.detection.kind})`])).toEqual([]);

        // Every dropped-in block is found, under its own category.
        const reasons = first.marks.currentBlocks().map((b) => `${b.category}: ${b.reason}`);
        expect(blocksMissed(doc), show(p, ["a block was not hidden", `verdict: ${first.detection.kind}`, ...first.detection.signals, ...reasons])).toEqual([]);
        blocks += p.blocks.length;

        // Every teaser card is in the panel's list, with its title, link, source and time.
        const want = expectedTeasers(doc, p);
        const got = first.teasers.map((t, i) => ({ title: t.title, url: t.url ?? "", source: t.source ?? "", time: want[i]?.time ? (t.time?.text ?? "") : "" }));
        expect(got, show(p, ["the panel's list is not the page's cards"])).toEqual(want);
        cards += want.length;

        // Cleaning twice equals cleaning once (the script injected again into a page it tidies).
        const second = clean(doc, p);
        expect(serialize(doc), show(p, ["a second clean changed the page"])).toBe(once);

        // Turning Tidyread off restores the page exactly.
        second.stop();
        first.stop();
        expect(serialize(doc), show(p, ["turning off did not restore the page"])).toBe(before);
      }),
      settings,
    );
    const { user, system } = process.cpuUsage(cpu);
    console.info(
      `properties: ${RUNS} generated pages (${blocks} blocks, ${cards} teaser cards) in ${Math.round(performance.now() - started)} ms ` +
        `(${Math.round((user + system) / 1000)} ms CPU), seed ${seed}`,
    );
  });
});
