// The cleaning pass's work, counted: what must happen once happens once, and what a busy page
// does that concerns no block costs (almost) nothing.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as classifier from "../../src/content/classify";
import * as markers from "../../src/content/markers";
import { WORDS_CHECK_MS } from "../../src/content/session";
import * as teasers from "../../src/content/teasers";
import { en } from "../../src/lang/en";
import { tidy } from "./support";

// Every reading of teaser cards, with the roots it read.
const reads: Element[][] = [];
vi.mock("../../src/content/teasers", async (importOriginal) => {
  const real = await importOriginal<typeof teasers>();
  return {
    ...real,
    readTeasers: (roots: Element[], ...rest: [teasers.TeaserContext, Set<string>?]) => {
      reads.push([...roots]);
      return real.readTeasers(roots, ...rest);
    },
  };
});

// Every classification of the page.
let passes = 0;
vi.mock("../../src/content/classify", async (importOriginal) => {
  const real = await importOriginal<typeof classifier>();
  return {
    ...real,
    classify: (...args: Parameters<typeof classifier.classify>) => {
      passes += 1;
      return real.classify(...args);
    },
  };
});

// Every search for clues, with the root it searched.
const searched: Node[] = [];
vi.mock("../../src/content/markers", async (importOriginal) => {
  const real = await importOriginal<typeof markers>();
  return {
    ...real,
    findMarkers: (root: Node, vocab: markers.Vocabulary) => {
      searched.push(root);
      return real.findMarkers(root, vocab);
    },
  };
});

const URL_ARTICLE = "https://www.daily8.com/en/article/1";
const card = (n: number): string =>
  `<div class="card"><a href="/en/article/${n}"><h3>Teaser number ${n} has a title</h3></a><span>Source ${n}</span><span>${n} hours ago</span></div>`;
const page = (cards: number): string =>
  `<!doctype html><html lang="en"><head><title>A long enough story title | Daily8</title></head><body>
  <header><a href="/en">Daily8</a><p class="ticker"><span id="tk">DOW 40000</span></p></header><main>
  <article><h1>A long enough story title</h1><p>First paragraph of the story, which says what happened and why.</p></article>
  <section><h2>Comments</h2><p>No comments yet...</p><form><textarea></textarea></form></section>
  <section id="related"><h2>Related Articles</h2>${Array.from({ length: cards }, (_, i) => card(i + 1)).join("")}</section>
  </main></body></html>`;

const readsOf = (el: Element): number => reads.filter((roots) => roots.some((r) => r.contains(el))).length;

afterEach(() => {
  reads.length = 0;
  searched.length = 0;
  passes = 0;
});

/** The session's observer runs once the current task's microtasks have. */
const mutationsDelivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("teaser cards", () => {
  it("are not read to hide their block, and are read once when the list is asked for", () => {
    const { doc, session } = tidy(page(5), URL_ARTICLE);
    expect(session.marks.counts().related).toBe(1);
    expect(reads).toHaveLength(0);
    expect(session.teasersDue).toBe(true);
    expect(session.teasers).toHaveLength(5);
    expect(session.teasers).toHaveLength(5);
    expect(session.teasersDue).toBe(false);
    for (const c of doc.querySelectorAll(".card")) expect(readsOf(c)).toBe(1);
  });

  it("hasTeaser answers as readTeasers would, from the first card with a title", () => {
    const ctx: teasers.TeaserContext = { languages: [en], order: "dmy", now: new Date("2026-11-22T12:00:00Z"), baseURI: "https://www.daily8.com/" };
    const cases: [string, boolean][] = [
      ["", false],
      ["<p>No stamp here, only a long enough sentence.</p>", false],
      ["<div><span>Reuters</span> <span>2 hours ago</span></div>", false],
      ["<div><span>2 hours ago</span></div><div><h3>A card title long enough</h3><span>3 hours ago</span></div>", true],
      ["<div><span>2 hours ago</span><span>3 hours ago</span><a href='/x'>A link title long enough</a></div>", false],
      ["<div><p><span>2 hours ago</span><a href='/x'>A link title long enough</a></p><p><span>3 hours ago</span></p></div>", true],
      ["<div><span>1 hour ago</span></div><div><span>2 hours ago</span></div><div><a href='/y'>A title in the third card</a><span>5 hours ago</span></div>", true],
      ["<ul><li><h3>Related Articles</h3></li><li><span>2 hours ago</span></li></ul>", false],
      ["<div><h3>Set for June 3, 2025</h3></div>", false],
    ];
    for (const [html, want] of cases) {
      const root = new DOMParser().parseFromString(`<section>${html}</section>`, "text/html").body.firstElementChild as Element;
      const labels = new Set(["related articles"]);
      const full = teasers.readTeasers([root], ctx, labels).length > 0;
      expect(full, html).toBe(want);
      expect(teasers.hasTeaser([root], ctx, labels), html).toBe(want);
      // Several roots (a block's heading and the siblings after it) answer the same.
      const parts = [...root.children];
      expect(teasers.hasTeaser(parts, ctx, labels), html).toBe(teasers.readTeasers(parts, ctx, labels).length > 0);
    }
  });
});

describe("a busy page", () => {
  it("changing a ticker outside every block classifies nothing again", async () => {
    const { doc, session } = tidy(page(3), URL_ARTICLE);
    const before = passes;
    const tk = doc.getElementById("tk") as HTMLElement;
    for (let i = 0; i < 100; i += 1) {
      tk.textContent = `DOW ${40000 + i} ▲ ${i / 10}%`;
      await mutationsDelivered();
    }
    (tk.firstChild as Text).nodeValue = "DOW 1";
    tk.append(doc.createElement("b"));
    await mutationsDelivered();
    expect(passes).toBe(before);
    expect(session.marks.counts()).toMatchObject({ comments: 1, related: 1 });
  });

  it("still classifies again for what concerns a block: a card added to it, text in it, a new label", async () => {
    const { doc, session } = tidy(page(3), URL_ARTICLE);
    /** How many classifications one change of the page causes. */
    const passesFor = async (change: () => void): Promise<number> => {
      const before = passes;
      change();
      await mutationsDelivered();
      return passes - before;
    };
    const related = doc.getElementById("related") as HTMLElement;
    expect(await passesFor(() => related.append(doc.importNode(new DOMParser().parseFromString(card(4), "text/html").body.firstChild as Node, true)))).toBe(1);
    expect(session.teasers).toHaveLength(4);

    const comment = doc.createElement("p");
    comment.textContent = "First!";
    expect(await passesFor(() => doc.querySelector("textarea")?.before(comment))).toBe(1);

    const label = doc.createElement("section");
    label.innerHTML = "<h2>Download the app</h2><a href='https://apps.apple.com/app/x'><img alt='app-store'></a>";
    expect(await passesFor(() => doc.querySelector("header")?.append(label))).toBe(1);
    expect(session.marks.counts()["app-banner"]).toBe(1);
  });

  it("reads a ticker's words at most every WORDS_CHECK_MS once its text has changed quietly", async () => {
    const { doc } = tidy(page(3), URL_ARTICLE);
    const tk = doc.getElementById("tk") as HTMLElement;
    const wordsRead = (): number => searched.filter((n) => tk.contains(n) || n.parentNode === null).length;
    const started = Date.now();
    for (let i = 0; i < 50; i += 1) {
      tk.textContent = `DOW ${40000 + i} ▲ ${i / 10}%`;
      await mutationsDelivered();
    }
    const elapsed = Date.now() - started;
    await sleep(WORDS_CHECK_MS + 50);
    // The first change is read in full; the other 49 in a few reads, one per WORDS_CHECK_MS at most.
    expect(wordsRead()).toBeGreaterThanOrEqual(2);
    expect(wordsRead()).toBeLessThanOrEqual(2 + Math.ceil(elapsed / WORDS_CHECK_MS));
  });

  it("hides a block that quietly changing text turns into, within WORDS_CHECK_MS", async () => {
    // Cards under a heading that says nothing yet, outside what the classification read (the
    // blocks' <main>): not a block until the heading names it.
    const html = page(3).replace("</main>", `</main><section id="late"><h2 id="lbl">Loading</h2>${card(7)}${card(8)}</section>`);
    const { doc, session } = tidy(html, URL_ARTICLE);
    const late = doc.getElementById("late") as HTMLElement;
    const lbl = doc.getElementById("lbl") as HTMLElement;
    expect(late.closest("[data-tidyread-hidden]")).toBeNull();
    const before = passes;
    for (const text of ["Loading.", "Loading..", "Loading..."]) {
      lbl.textContent = text;
      await mutationsDelivered();
    }
    expect(passes).toBe(before);
    lbl.textContent = "Related Articles";
    await mutationsDelivered();
    await sleep(WORDS_CHECK_MS + 50);
    expect(late.getAttribute("data-tidyread-hidden")).toBe("related");
    expect(session.marks.counts().related).toBe(2);
  });

  it("takes an element added to quietly changing text at once, before the next paint", async () => {
    const { doc, session } = tidy(page(3), URL_ARTICLE);
    const tk = doc.getElementById("tk") as HTMLElement;
    for (let i = 0; i < 5; i += 1) {
      tk.textContent = `DOW ${40000 + i}`;
      await mutationsDelivered();
    }
    tk.innerHTML = "<span>Download the app</span> <a href='https://apps.apple.com/app/x'><img alt='App Store'></a>";
    await mutationsDelivered();
    expect(session.marks.counts()["app-banner"]).toBe(1);
  });
});
