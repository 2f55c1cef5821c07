import { describe, expect, it, vi } from "vitest";
import { PAGE_SIZE, SidePanel, type PanelActions } from "../../src/panel/panel";
import type { PanelView } from "../../src/shared/frame-protocol";
import type { Teaser } from "../../src/shared/types";

const teaser = (over: Partial<Teaser> = {}): Teaser => ({
  title: "US to cut Ukraine aid",
  url: "https://www.daily8.com/en/article/8812",
  source: "Russia Today",
  time: { text: "an hour ago", iso: "2026-11-22T11:00:00.000Z" },
  summary: "The White House will be slashing military funding for Ukraine.",
  ...over,
});

const onCategory = vi.fn();
const onFindOriginal = vi.fn();
const onClose = vi.fn();

interface Mounted {
  panel: SidePanel;
  root: HTMLElement;
  /** Sends the panel a view, as the content script does: what is not given keeps its default. */
  show(change: Partial<PanelView>): void;
  setContent(teasers: Teaser[], hiddenBlocks: number, seen?: ReadonlySet<string>): void;
  destroy(): void;
}

function mount(actions: Partial<PanelActions> = {}): Mounted {
  const root = document.createElement("div");
  document.body.append(root);
  const panel = new SidePanel(document, root, {
    onClose,
    onRestore: vi.fn(),
    onCategory,
    onSiteOff: vi.fn(),
    onReader: vi.fn(),
    onFindOriginal,
    onPick: vi.fn(),
    onPickCategory: vi.fn(),
    onPickKey: vi.fn(),
    ...actions,
  });
  let view: PanelView = {
    host: "www.daily8.com",
    lang: "en",
    teasers: null,
    hiddenBlocks: 0,
    report: { kind: "article", signals: [], counts: { comments: 0, "ai-promo": 0, "app-banner": 0, sponsored: 0, related: 0 }, shown: [] },
    article: null,
    reading: false,
    picker: { stage: "off" },
    message: "",
  };
  const show = (change: Partial<PanelView>): void => {
    view = { ...view, ...change };
    panel.show(view);
  };
  return {
    panel,
    root,
    show,
    setContent: (teasers, hiddenBlocks, seen) => show({ teasers: teasers.map((t) => ({ ...t, isNew: !!seen && !seen.has(t.url ?? "") })), hiddenBlocks }),
    destroy: () => root.remove(),
  };
}

describe("side panel", () => {
  it("renders page strings as text, never as markup", () => {
    const m = mount();
    const { root } = m;
    const hostile = '<img src=x onerror="alert(1)">Breaking';
    m.setContent([teaser({ title: hostile, source: "<b>RT</b>", summary: `<script>alert(1)</script>${"x".repeat(40)}` })], 3);
    expect(root.querySelectorAll("img, script, b")).toHaveLength(0);
    expect(root.querySelector("li a")?.textContent).toBe(hostile);
    expect(root.querySelector('[data-part="source"]')?.textContent).toBe("<b>RT</b>");
    m.destroy();
  });

  it("links only web URLs, shows the time with its ISO datetime, keeps the summary collapsed", () => {
    const m = mount();
    const { root } = m;
    m.setContent([teaser(), teaser({ title: "No link", url: null })], 2);
    const items = root.querySelectorAll('[data-part="teasers"] > li');
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector("a")?.getAttribute("href")).toBe("https://www.daily8.com/en/article/8812");
    expect(items[0]?.querySelector("a")?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(items[1]?.querySelector("a")).toBeNull();
    const time = items[0]?.querySelector("time");
    expect([time?.getAttribute("datetime"), time?.textContent]).toEqual(["2026-11-22T11:00:00.000Z", "an hour ago"]);
    expect(items[0]?.querySelector("details")?.open).toBe(false);
    m.destroy();
  });

  it("closes from its × and from Escape, and names itself for assistive technology", () => {
    const m = mount();
    expect(m.root.querySelector("section")?.getAttribute("aria-labelledby")).toBe("tidyread-title");
    expect(m.root.querySelector("#tidyread-title")?.textContent).toBe("Tidyread");
    m.root.querySelector<HTMLButtonElement>('[data-part="close"]')?.click();
    expect(onClose).toHaveBeenCalledTimes(1);
    m.root.querySelector("h2")?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(2);
    m.destroy();
  });
});

describe("what Tidyread did", () => {
  it("explains the page kind and offers a switch per hidden category, checked while hidden", () => {
    const m = mount();
    const { root } = m;
    m.show({ report: {
      kind: "article",
      signals: ["Daily8 article address"],
      counts: { comments: 1, "ai-promo": 0, "app-banner": 2, sponsored: 0, related: 1 },
      shown: ["app-banner"],
    } });
    expect(root.querySelector(".did summary")?.textContent).toBe("Article page: why");
    expect([...root.querySelectorAll(".signals li")].map((li) => li.textContent)).toEqual(["Daily8 article address"]);
    const boxes = [...root.querySelectorAll<HTMLInputElement>(".did input[type=checkbox]")];
    expect(boxes.map((b) => [b.dataset["category"], b.checked, b.parentElement?.textContent?.trim()])).toEqual([
      ["comments", true, "Comments hidden (1)"],
      ["app-banner", false, "App and newsletter promos hidden (2)"],
      ["related", true, "Related articles hidden (1)"],
    ]);
    boxes[0]?.click();
    expect(onCategory).toHaveBeenLastCalledWith("comments", false);
    m.destroy();
  });
});

describe("the teaser list's controls", () => {
  const many = [
    teaser({ title: "Older story", url: "https://a.test/1", time: { text: "3 hours ago", iso: new Date(Date.now() - 3 * 3_600_000).toISOString() } }),
    teaser({ title: "Newer story", url: "https://a.test/2", source: "NPR", time: { text: "1 hour ago", iso: new Date(Date.now() - 3_600_000).toISOString() } }),
    teaser({ title: "Newer story", url: "https://b.test/2", source: "AP", time: { text: "2 hours ago", iso: new Date(Date.now() - 7_200_000).toISOString() } }),
  ];
  const titles = (root: HTMLElement): string[] => [...root.querySelectorAll('[data-part="teasers"] > li > a')].map((a) => a.textContent ?? "");

  it("sorts, filters, groups sources and marks new stories", () => {
    const m = mount();
    const { root } = m;
    m.setContent(many, 0, new Set(["https://a.test/1"]));
    expect(titles(root)).toEqual(["Older story", "Newer story"]);
    expect(root.querySelector('[data-part="source-count"]')?.textContent).toBe("(2 sources)");
    expect([...root.querySelectorAll('[data-part="new"]')].length).toBe(1);
    const sort = root.querySelector<HTMLSelectElement>('[data-part="sort"]');
    if (sort) sort.value = "newest";
    sort?.dispatchEvent(new Event("change"));
    expect(titles(root)).toEqual(["Newer story", "Older story"]);
    const filter = root.querySelector<HTMLInputElement>('[data-part="filter"]');
    if (filter) filter.value = "older";
    filter?.dispatchEvent(new Event("input"));
    expect(titles(root)).toEqual(["Older story"]);
    m.destroy();
  });

  it("moves between stories with the arrow keys", () => {
    const m = mount();
    const { root } = m;
    m.setContent(many, 0);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-part="teasers"] > li > a')];
    links[0]?.focus();
    links[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(document.activeElement).toBe(links[1]);
    links[1]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
    expect(document.activeElement).toBe(links[0]);
    m.destroy();
  });

  it("offers Find the original per story, naming the outlet it will search at", () => {
    const m = mount();
    const { root } = m;
    m.setContent([teaser(), teaser({ title: "Unsourced", source: null })], 0);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-part="find-original"]')];
    expect(buttons.map((b) => b.textContent)).toEqual(["Find the original at Russia Today", "Find the original"]);
    buttons[1]?.click();
    expect(onFindOriginal).toHaveBeenLastCalledWith("Unsourced", null);
    buttons[0]?.click();
    expect(onFindOriginal).toHaveBeenLastCalledWith("US to cut Ukraine aid", "Russia Today");
    m.destroy();
  });

  it("offers Find the original for the story itself once its title is known, at its credited outlet", () => {
    const m = mount();
    const { root } = m;
    const button = root.querySelector<HTMLButtonElement>('[data-part="find-article-original"]');
    expect(button?.hidden).toBe(true);
    m.show({ article: { title: "Moscow and Kiev exchange remains of fallen soldiers", source: "Russia Today" } });
    expect(button?.hidden).toBe(false);
    expect(button?.textContent).toBe("Find this story’s original at Russia Today");
    button?.click();
    expect(onFindOriginal).toHaveBeenLastCalledWith("Moscow and Kiev exchange remains of fallen soldiers", "Russia Today");
    m.show({ article: { title: "Untold", source: null } });
    expect(button?.textContent).toBe("Find this story’s original");
    m.show({ article: null });
    expect(button?.hidden).toBe(true);
    m.destroy();
  });
});

describe("a long teaser list", () => {
  const numbered = Array.from({ length: 2 * PAGE_SIZE + 20 }, (_, i) =>
    teaser({ title: `Story number ${i + 1}`, url: `https://a.test/${i + 1}`, summary: i === 2 * PAGE_SIZE + 10 ? "A summary that only this far-down story has, long enough." : null }),
  );
  const rendered = (root: HTMLElement): string[] => [...root.querySelectorAll('[data-part="teasers"] > li > a')].map((a) => a.textContent ?? "");
  const more = (root: HTMLElement): HTMLButtonElement | null => root.querySelector('[data-part="show-more"]');

  it("renders one page, then one more per Show more, focusing the first story added", () => {
    const m = mount();
    const { root } = m;
    m.setContent(numbered, 0);
    expect(rendered(root)).toHaveLength(PAGE_SIZE);
    expect([more(root)?.hidden, more(root)?.textContent]).toEqual([false, `Show more (${PAGE_SIZE + 20} left)`]);
    expect(root.querySelector('[data-part="list-count"]')?.textContent).toBe(`Showing ${PAGE_SIZE} of ${numbered.length}`);
    more(root)?.click();
    expect(rendered(root)).toHaveLength(2 * PAGE_SIZE);
    expect(document.activeElement?.textContent).toBe(`Story number ${PAGE_SIZE + 1}`);
    more(root)?.click();
    expect(rendered(root)).toHaveLength(numbered.length);
    expect(more(root)?.hidden).toBe(true);
    // A late teaser from the page keeps what the reader has opened, and waits behind Show more.
    m.setContent([...numbered, teaser({ title: "A late story", url: "https://a.test/late" })], 0);
    expect(rendered(root)).toHaveLength(numbered.length);
    expect([more(root)?.hidden, more(root)?.textContent]).toEqual([false, "Show more (1 left)"]);
    m.destroy();
  });

  it("filters and sorts all stories, not only the rendered ones", () => {
    const m = mount();
    const { root } = m;
    m.setContent(numbered, 0);
    const filter = root.querySelector<HTMLInputElement>('[data-part="filter"]');
    if (filter) filter.value = "far-down";
    filter?.dispatchEvent(new Event("input"));
    expect(rendered(root)).toEqual([`Story number ${2 * PAGE_SIZE + 11}`]);
    expect(more(root)?.hidden).toBe(true);
    if (filter) filter.value = "";
    filter?.dispatchEvent(new Event("input"));
    expect(rendered(root)).toHaveLength(PAGE_SIZE);
    m.destroy();
  });

  it("Down from the last rendered story renders the next page and moves on", () => {
    const m = mount();
    const { root } = m;
    m.setContent(numbered, 0);
    const last = [...root.querySelectorAll<HTMLAnchorElement>('[data-part="teasers"] > li > a')].at(-1);
    last?.focus();
    last?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect(document.activeElement?.textContent).toBe(`Story number ${PAGE_SIZE + 1}`);
    expect(rendered(root)).toHaveLength(2 * PAGE_SIZE);
    m.destroy();
  });
});

describe("picking from the keyboard", () => {
  it("walks the page's blocks with the arrows pressed on a focused button; Enter presses the button until a block was walked to, then picks it", () => {
    const onPickKey = vi.fn();
    const onPick = vi.fn();
    const m = mount({ onPick, onPickKey });
    const { root } = m;
    m.show({ picker: { stage: "pointing" } });
    const pick = root.querySelector<HTMLButtonElement>('[data-part="pick"]');
    const press = (key: string): boolean => pick?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true })) ?? false;
    // Not walked yet: the arrows walk, Enter is the button's own.
    expect(press("ArrowDown")).toBe(false);
    expect(press("Enter")).toBe(true);
    expect(onPickKey.mock.calls).toEqual([["ArrowDown", false]]);
    m.show({ picker: { stage: "walking", block: "div, “Get our newsletter”" } });
    expect(press("Enter")).toBe(false);
    expect(onPickKey.mock.calls).toEqual([
      ["ArrowDown", false],
      ["Enter", false],
    ]);
    expect(onPick).not.toHaveBeenCalled();
    m.destroy();
  });
});
