// Extreme and hostile pages: very deep nesting, a 5 MB text node, a page that fights the marks,
// garbage in the settings storage, and a thousand in-page navigations.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ATTR } from "../../src/content/hide";
import { watchNavigation } from "../../src/content/navigation";
import { FIGHT_BUDGET, FIGHT_REFILL_MS, type PageSession } from "../../src/content/session";
import { createSession } from "../../src/content/start";
import { daily8 } from "../../src/sites/daily8";
import { hiddenUnder, tidy } from "./support";

vi.mock("webextension-polyfill", () => ({ default: {} }));
const { DEFAULTS, sanitize } = await import("../../src/shared/settings");

const URL_ARTICLE = "https://www.daily8.com/en/article/1";
const TITLE = "A long enough story title";
const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><title>${TITLE} | Daily8</title></head><body>${body}</body></html>`;
const STORY =
  `<article id="story"><h1>${TITLE}</h1><p><span>Russia Today</span> <time>3 hours ago</time></p>` +
  "<p>First paragraph of the story, which says what happened and why it matters to readers.</p></article>";
const COMMENTS = '<section id="comments"><h2>Comments</h2><p>No comments yet...</p><form><textarea></textarea></form></section>';
const RELATED =
  '<section id="related"><h2>Related Articles</h2>' +
  '<div><a href="/en/article/2"><h3>Teaser number two has a title</h3></a><span>Reuters</span><span>2 hours ago</span></div>' +
  '<div><a href="/en/article/3"><h3>Teaser number three has a title</h3></a><span>NPR</span><span>5 hours ago</span></div></section>';

/** Every text of the story is outside any hidden block. */
function storyVisible(doc: Document): boolean {
  const story = doc.getElementById("story");
  if (!story) return false;
  const walker = doc.createTreeWalker(story, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement && hiddenUnder(n.parentElement)) return false;
  return !hiddenUnder(story);
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The nodes of an HTML fragment, imported into `doc`. */
const nodes = (doc: Document, html: string): Node[] =>
  [...new DOMParser().parseFromString(page(html), "text/html").body.childNodes].map((n) => doc.importNode(n, true));

function depthOf(el: Element | null): number {
  let depth = 0;
  for (let e = el; e; e = e.parentElement) depth += 1;
  return depth;
}

/**
 * `content` under `depth` nested elements in `parent`, added `chunk` levels at a time. (jsdom
 * checks each insertion against all the ancestors, and attaches a subtree recursively: one level
 * at a time is quadratic, and 5,000 at once overflows its stack. Tidyread does neither.)
 */
function nest(parent: Element, depth: number, content: Node[], chunk = 500): void {
  const doc = parent.ownerDocument;
  let at = parent;
  for (let done = 0; done < depth; done += chunk) {
    const innermost = doc.createElement("div");
    let outer: Element = innermost;
    for (let i = 1; i < Math.min(chunk, depth - done); i += 1) {
      const wrapper = doc.createElement(i % 2 ? "section" : "div");
      wrapper.appendChild(outer);
      outer = wrapper;
    }
    at.appendChild(outer);
    at = innermost;
  }
  for (const n of content) at.appendChild(n);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("extreme pages", { timeout: 60_000 }, () => {
  it("5,000 nested elements around the story and the blocks: no stack overflow, the blocks hidden, the story visible", () => {
    const doc = new DOMParser().parseFromString(page(""), "text/html");
    // The story and the blocks under 5,000 levels, and a comments block again under its own 5,000.
    nest(doc.body, 5000, nodes(doc, STORY + COMMENTS + RELATED));
    nest(doc.body, 5000, nodes(doc, COMMENTS.replace("comments", "comments2")));
    expect(depthOf(doc.getElementById("story"))).toBeGreaterThan(5000);
    expect(depthOf(doc.getElementById("comments2"))).toBeGreaterThan(5000);

    const started = performance.now();
    const session = createSession(doc, new URL(URL_ARTICLE), { site: daily8, forced: false, changed() {} });
    session?.start();
    const ms = performance.now() - started;
    console.info(`5,000-deep page cleaned in ${Math.round(ms)} ms`);
    expect(session?.detection.kind).toBe("article");
    expect(storyVisible(doc)).toBe(true);
    expect(hiddenUnder(doc.getElementById("comments") as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("comments2") as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("related") as Element)).toBe("related");
    expect(session?.teasers.map((t) => t.source)).toEqual(["Reuters", "NPR"]);
    session?.stop();
    expect(doc.querySelectorAll(`[${ATTR.hidden}]`)).toHaveLength(0);
  });

  it("5,000 nested elements added after start, in pieces as a parser or a script adds them: the blocks hidden, the story visible", async () => {
    const doc = new DOMParser().parseFromString(page(""), "text/html");
    const session = createSession(doc, new URL(URL_ARTICLE), { site: daily8, forced: false, changed() {} });
    session?.start();
    nest(doc.body, 5000, nodes(doc, STORY + COMMENTS + RELATED), 100);
    const started = performance.now();
    await tick();
    console.info(`5,000 levels added after start handled in ${Math.round(performance.now() - started)} ms`);
    expect(storyVisible(doc)).toBe(true);
    expect(hiddenUnder(doc.getElementById("comments") as Element)).toBe("comments");
    expect(hiddenUnder(doc.getElementById("related") as Element)).toBe("related");
    session?.stop();
  });

  describe.each([
    ["prose", (n: number): string => "The minister said the talks would resume next week. ".repeat(Math.ceil(n / 52)).slice(0, n)],
    ["one run of dots and spaces", (n: number): string => ". ".repeat(n / 2)],
    ["one run of dashes", (n: number): string => "-".repeat(n)],
    ["no spaces at all", (n: number): string => "x".repeat(n)],
  ])("a 5 MB text node of %s", (_name, make) => {
    const big = make(5 * 1024 * 1024);

    it.each([
      ["in the story", `<article id="story"><h1>${TITLE}</h1><p>Russia Today 3 hours ago</p><p id="big"></p></article>${COMMENTS}${RELATED}`],
      ["in a teaser card", `${STORY}${COMMENTS}${RELATED.replace("<span>NPR</span>", '<span>NPR</span><p id="big"></p>')}`],
      ["beside a label", `${STORY}<section id="comments"><h2>Comments <span id="big"></span></h2><p>No comments yet...</p></section>${RELATED}`],
      ["around everything", `<div id="big"></div>${STORY}${COMMENTS}${RELATED}`],
    ])("%s: finishes, the story stays visible", (_where, body) => {
      const { doc, session } = tidy(page(body), URL_ARTICLE);
      session.stop();
      // The big text goes in after parsing (a page's script), then Tidyread starts again over it.
      const big$ = doc.getElementById("big");
      big$?.insertBefore(doc.createTextNode(big), big$.firstChild);
      const started = performance.now();
      const again = createSession(doc, new URL(URL_ARTICLE), { site: daily8, forced: false, changed() {} });
      again?.start();
      const ms = performance.now() - started;
      expect(storyVisible(doc)).toBe(true);
      expect(hiddenUnder(doc.getElementById("related") as Element)).toBe("related");
      // Linear work on 5 MB takes well under a second; a quadratic regex took minutes.
      expect(ms).toBeLessThan(10_000);
      again?.stop();
    });
  });
});

describe("a page that fights the marks", () => {
  /**
   * Runs a hostile page script for at most `rounds` rounds: each time Tidyread sets its
   * attribute, the script undoes it. Returns how many times Tidyread marked a block again and how
   * many rounds the page got to play.
   */
  async function fight(undo: (el: Element) => void, rounds = 500): Promise<{ remarks: number; played: number; session: PageSession; doc: Document; blocks: number }> {
    const { doc, session } = tidy(page(STORY + COMMENTS + RELATED), URL_ARTICLE);
    let remarks = 0;
    const setAttribute = Element.prototype.setAttribute;
    vi.spyOn(Element.prototype, "setAttribute").mockImplementation(function (this: Element, name: string, value: string) {
      if (name === ATTR.hidden) remarks += 1;
      setAttribute.call(this, name, value);
    });
    let played = 0;
    const page$ = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (r.type !== "attributes" || !el.isConnected || !el.hasAttribute(ATTR.hidden) || played >= rounds) continue;
        played += 1;
        undo(el);
      }
    });
    page$.observe(doc, { attributes: true, attributeFilter: [ATTR.hidden], subtree: true });
    // The page's first move: undo every block Tidyread hid.
    const hidden = [...doc.querySelectorAll(`[${ATTR.hidden}]`)];
    expect(hidden.length).toBeGreaterThan(0);
    for (const el of hidden) {
      played += 1;
      undo(el);
    }
    for (let i = 0; i < 20; i += 1) await tick();
    page$.disconnect();
    return { remarks, played, session, doc, blocks: hidden.length };
  }

  it("strips the attribute each time: Tidyread marks again, a bounded number of times", async () => {
    const { remarks, played, session, doc, blocks } = await fight((el) => el.removeAttribute(ATTR.hidden));
    console.info(`attribute stripped: ${played} undos by the page, ${remarks} re-marks by Tidyread (${blocks} blocks)`);
    expect(remarks).toBeGreaterThan(0);
    // At most the budget's rounds, each marking every block again.
    expect(remarks).toBeLessThanOrEqual(FIGHT_BUDGET * blocks);
    expect(played).toBeLessThan(500);
    session.stop();
    expect(doc.querySelectorAll(`[${ATTR.hidden}], [${ATTR.pending}]`)).toHaveLength(0);
  });

  it("re-inserts a fresh copy of each hidden block: Tidyread marks again, a bounded number of times", async () => {
    const { remarks, played, session, doc, blocks } = await fight((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.removeAttribute(ATTR.hidden);
      el.replaceWith(copy);
    });
    console.info(`block re-inserted: ${played} undos by the page, ${remarks} re-marks by Tidyread (${blocks} blocks)`);
    expect(remarks).toBeGreaterThan(0);
    expect(remarks).toBeLessThanOrEqual(FIGHT_BUDGET * blocks);
    expect(played).toBeLessThan(500);
    expect(storyVisible(doc)).toBe(true);
    session.stop();
    expect(doc.querySelectorAll(`[${ATTR.hidden}], [${ATTR.pending}]`)).toHaveLength(0);
  });

  it.each([
    ["strips the attribute", (el: Element) => el.removeAttribute(ATTR.hidden)],
    ["re-inserts a fresh copy", (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      copy.removeAttribute(ATTR.hidden);
      el.replaceWith(copy);
    }],
  ])("%s until Tidyread's budget is spent, then stops: the page reads clean again within the refill time", async (_, undo) => {
    const { session, doc, blocks } = await fight(undo);
    expect(doc.querySelectorAll(`[${ATTR.hidden}]`).length).toBeLessThan(blocks);
    await new Promise((resolve) => setTimeout(resolve, FIGHT_REFILL_MS + 200));
    expect(doc.querySelectorAll(`[${ATTR.hidden}]`)).toHaveLength(blocks);
    expect(storyVisible(doc)).toBe(true);
    session.stop();
  });

  it("re-inserts a copy that keeps the attribute: turning off still restores the page", async () => {
    const { session, doc } = await fight((el) => el.replaceWith(el.cloneNode(true)));
    session.stop();
    expect(doc.querySelectorAll(`[${ATTR.hidden}], [${ATTR.pending}]`)).toHaveLength(0);
  });
});

describe("settings storage holding garbage or an old shape", () => {
  const shapeOf = (v: unknown): string => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

  it("any stored value gives settings of the defaults' shape, never an error, and sanitizing again changes nothing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.constantFrom(...Object.keys(DEFAULTS), "disabledSites", "__proto__", "constructor"), fc.anything()),
          fc.record({ hide: fc.dictionary(fc.string(), fc.anything()), sitesOff: fc.array(fc.anything()), theme: fc.anything(), panelStart: fc.anything() }),
        ),
        (raw) => {
          const s = sanitize(raw);
          expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULTS).sort());
          for (const [key, value] of Object.entries(DEFAULTS)) expect(shapeOf(s[key as keyof typeof s]), key).toBe(shapeOf(value));
          expect(Object.keys(s.hide).sort()).toEqual(Object.keys(DEFAULTS.hide).sort());
          expect(s.sitesOff.every((h) => typeof h === "string")).toBe(true);
          expect(sanitize(s)).toEqual(s);
          expect(sanitize(JSON.parse(JSON.stringify(s)))).toEqual(s);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("nonsense gives the defaults", () => {
    for (const raw of [undefined, null, 0, NaN, "", "{}", [], [1, 2], true, () => 1, Symbol("x"), new Date(0), { hide: null, sitesOff: null, theme: null, panelStart: null }]) {
      expect(sanitize(raw)).toEqual(DEFAULTS);
    }
  });

  it("an old shape keeps what it can say", () => {
    // Early builds: "disabledSites", categories as a list, a theme that is no longer offered.
    const s = sanitize({ disabledSites: ["Old.Example", 3, "old.example"], hide: ["comments"], theme: "sepia" });
    expect(s.hide).toEqual(DEFAULTS.hide);
    expect(s.theme).toBe(DEFAULTS.theme);
    expect(sanitize({ disabledSites: ["Old.Example", "old.example"] }).sitesOff).toEqual(["old.example"]);
  });

  it("a stored __proto__ key pollutes nothing", () => {
    const s = sanitize(JSON.parse('{"__proto__": {"theme": "dark", "polluted": true}, "hide": {"__proto__": {"comments": false}}}'));
    expect(s.theme).toBe(DEFAULTS.theme);
    expect(s.hide.comments).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("1,000 in-page navigations (History API)", { timeout: 60_000 }, () => {
  it("start over each time and leak no observer or listener", async () => {
    const observing = new Set<MutationObserver>();
    const observe = MutationObserver.prototype.observe;
    const disconnect = MutationObserver.prototype.disconnect;
    vi.spyOn(MutationObserver.prototype, "observe").mockImplementation(function (this: MutationObserver, target, options) {
      observing.add(this);
      observe.call(this, target, options);
    });
    vi.spyOn(MutationObserver.prototype, "disconnect").mockImplementation(function (this: MutationObserver) {
      observing.delete(this);
      disconnect.call(this);
    });
    // Listeners registered on the page's window and document during the test (jsdom's own
    // documents, one per page parsed here, register theirs on themselves).
    const registered = new Set<string>();
    const ids = new WeakMap<object, number>();
    let lastId = 0;
    const idOf = (o: object): number => {
      const known = ids.get(o);
      if (known !== undefined) return known;
      lastId += 1;
      ids.set(o, lastId);
      return lastId;
    };
    const key = (target: EventTarget, type: string, listener: unknown, options: unknown): string | null => {
      if ((target !== window && target !== document) || !listener || (typeof listener !== "object" && typeof listener !== "function")) return null;
      const capture = typeof options === "boolean" ? options : !!(options as { capture?: boolean } | undefined)?.capture;
      return `${target === window ? "window" : "document"} ${type} ${idOf(listener)} ${capture}`;
    };
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    vi.spyOn(EventTarget.prototype, "addEventListener").mockImplementation(function (this: EventTarget, type, listener, options) {
      const k = key(this, type, listener, options);
      if (k) registered.add(k);
      add.call(this, type, listener, options);
    });
    vi.spyOn(EventTarget.prototype, "removeEventListener").mockImplementation(function (this: EventTarget, type, listener, options) {
      const k = key(this, type, listener, options);
      if (k) registered.delete(k);
      remove.call(this, type, listener, options);
    });

    // The content script's way: end the session and begin a new one when the address changes.
    // Every other navigation starts while the document says it is still loading.
    let session: PageSession | null = null;
    let navigations = 0;
    let loading = false;
    vi.spyOn(document, "readyState", "get").mockImplementation(() => (loading ? "loading" : "complete"));
    const begin = (): void => {
      session = createSession(document, new URL(location.href), { site: daily8, forced: false, changed() {} });
      session?.start();
    };
    const stopWatching = watchNavigation(document, () => {
      navigations += 1;
      session?.stop();
      begin();
    });
    begin();
    for (let i = 1; i <= 1000; i += 1) {
      loading = i % 2 === 0;
      if (i % 10 === 0) {
        // Back: the browser fires popstate.
        history.replaceState(null, "", `/en/article/back-${i}`);
        window.dispatchEvent(new PopStateEvent("popstate"));
      } else {
        // The page's router: pushState, then it renders the new story.
        history.pushState(null, "", `/en/article/${i}`);
        document.body.replaceChildren(new DOMParser().parseFromString(page(STORY + COMMENTS), "text/html").body.firstElementChild as Element);
      }
      await Promise.resolve();
      await Promise.resolve();
    }
    await tick();
    expect(navigations).toBe(1000);
    // The navigation watcher and the current session's observer; popstate, and the current
    // session's DOMContentLoaded if it started while loading.
    expect(observing.size).toBe(2);
    expect(registered.size).toBeLessThanOrEqual(2);
    const session$ = session as PageSession | null;
    expect(session$?.detection.kind).toBe("article");
    session$?.stop();
    stopWatching();
    expect(observing.size).toBe(0);
    expect([...registered]).toEqual([]);
  });
});
