// The category registry (src/shared/categories.ts) is the one list of categories: every place that
// names them (settings, hide.css, the options page, the panel, the picker, the UI strings) has each
// registered category, and no other.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Just enough of the extension API for the options page to load and save. */
const api = vi.hoisted(() => {
  const stored: Record<string, unknown> = {};
  return {
    stored,
    runtime: { getURL: (p: string) => `chrome-extension://tidyread/${p}`, getManifest: () => ({ content_scripts: [] }) },
    commands: { getAll: async () => [] },
    permissions: {
      getAll: async () => ({ origins: [] }),
      onAdded: { addListener: () => undefined },
      onRemoved: { addListener: () => undefined },
    },
    storage: {
      sync: {
        get: async () => ({ ...stored }),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
      },
      onChanged: { addListener: () => undefined },
    },
  };
});
vi.mock("webextension-polyfill", () => ({ default: api }));

const { CATEGORIES, CATEGORY_REGISTRY, perCategory } = await import("../../src/shared/categories");
const { DEFAULTS, sanitize } = await import("../../src/shared/settings");
const { SidePanel } = await import("../../src/panel/panel");
const { BlockPicker } = await import("../../src/content/picker");

type Messages = Record<string, { message: string } | undefined>;
const messages = (locale: string): Messages => JSON.parse(readFileSync(path.join(ROOT, "src/_locales", locale, "messages.json"), "utf8")) as Messages;
const EN = messages("en");
const en = (key: string): string => EN[key]?.message ?? `(no ${key})`;

/** What `found` lacks of `expected`, has beyond it, and has twice: all empty when the two agree. */
function against(found: readonly string[], expected: readonly string[] = CATEGORIES): Record<"missing" | "unknown" | "repeated", string[]> {
  return {
    missing: expected.filter((id) => !found.includes(id)),
    unknown: found.filter((id) => !expected.includes(id)),
    repeated: found.filter((id, i) => found.indexOf(id) !== i),
  };
}
const AGREE = { missing: [], unknown: [], repeated: [] };

describe("the registry", () => {
  it("has unique ids and option keys, and ids that are plain CSS tokens", () => {
    expect(new Set(CATEGORIES).size).toBe(CATEGORY_REGISTRY.length);
    expect(new Set(CATEGORY_REGISTRY.map((c) => c.optionKey)).size).toBe(CATEGORY_REGISTRY.length);
    // hide.css matches them with ~= in a space-separated list and inside quotes.
    for (const id of CATEGORIES) expect(id).toMatch(/^[a-z][a-z-]*$/);
  });

  it("explains each category in words: its proof and its signal name", () => {
    for (const c of CATEGORY_REGISTRY) {
      expect(c.proof.trim(), c.id).not.toBe("");
      expect(c.signalName.trim(), c.id).not.toBe("");
    }
  });
});

describe("settings", () => {
  it("have a default for every category, and no other", () => {
    expect(against(Object.keys(DEFAULTS.hide), CATEGORY_REGISTRY.map((c) => c.optionKey))).toEqual(AGREE);
    expect(Object.values(DEFAULTS.hide).every((v) => v)).toBe(true);
  });

  it("keep a stored choice for every category", () => {
    for (const { optionKey } of CATEGORY_REGISTRY) {
      expect(sanitize({ hide: { [optionKey]: false } }).hide, optionKey).toEqual({ ...DEFAULTS.hide, [optionKey]: false });
    }
  });
});

describe("hide.css", () => {
  const style = document.createElement("style");
  style.textContent = readFileSync(path.join(ROOT, "src/content/hide.css"), "utf8");
  document.head.append(style);
  const rules = (list: CSSRuleList): CSSStyleRule[] =>
    [...list].flatMap((r) => (r instanceof CSSStyleRule ? [r] : "cssRules" in r ? rules((r as CSSGroupingRule).cssRules) : []));
  // The switch on <html> brings a category back; the three :not(#\#) outweigh the page's rules of up to three ids.
  const SHAPE = /^html:not\(\[data-tidyread-show~="([^"]*)"\]\) \[data-tidyread-hidden="([^"]*)"\]:not\(#\\#\):not\(#\\#\):not\(#\\#\)$/;
  const hiding = rules(style.sheet?.cssRules ?? ({ length: 0 } as CSSRuleList)).flatMap((rule) =>
    rule.selectorText
      .split(/\s*,\s*/)
      .filter((s) => s.includes("data-tidyread-hidden") || s.includes("data-tidyread-show"))
      .map((selector) => ({ selector, rule, match: SHAPE.exec(selector) })),
  );

  it("has one hiding rule of the usual shape per category, and none for another", () => {
    expect(hiding.filter((h) => !h.match || h.match[1] !== h.match[2]).map((h) => h.selector), "rules of another shape").toEqual([]);
    expect(against(hiding.map((h) => h.match?.[2] ?? ""))).toEqual(AGREE);
  });

  it("hides with display: none !important", () => {
    for (const { rule, selector } of hiding) {
      expect(rule.style.getPropertyValue("display"), selector).toBe("none");
      expect(rule.style.getPropertyPriority("display"), selector).toBe("important");
    }
  });
});

describe("the UI strings", () => {
  it.each(["en", "ar"])("%s has a name and an option label for every category, each its own", (locale) => {
    const table = messages(locale);
    for (const field of ["nameKey", "optionLabelKey"] as const) {
      const texts = CATEGORY_REGISTRY.map((c) => table[c[field]]?.message.trim() ?? "");
      expect(texts.filter((t) => !t), `${locale} ${field}: missing`).toEqual([]);
      expect(new Set(texts).size, `${locale} ${field}: two categories share one`).toBe(texts.length);
    }
  });
});

describe("the panel", () => {
  it("has a switch for every category with blocks hidden, named in the UI, that reports its category", () => {
    const onCategory = vi.fn();
    const noop = (): void => undefined;
    const root = document.body.appendChild(document.createElement("div"));
    const panel = new SidePanel(document, root, {
      onClose: noop,
      onRestore: noop,
      onCategory,
      onSiteOff: noop,
      onReader: noop,
      onFindOriginal: noop,
      onPick: noop,
      onPickCategory: noop,
      onPickKey: noop,
    });
    try {
      panel.show({
        host: "www.daily8.com",
        lang: "en",
        teasers: null,
        hiddenBlocks: 10,
        report: { kind: "article", signals: [], counts: perCategory(() => 2), shown: [] },
        article: null,
        reading: false,
        picker: { stage: "off" },
        message: "",
      });
      const boxes = [...root.querySelectorAll<HTMLInputElement>("input[data-category]")];
      expect(against(boxes.map((b) => b.dataset["category"] ?? ""))).toEqual(AGREE);
      for (const { id, nameKey } of CATEGORY_REGISTRY) {
        const box = boxes.find((b) => b.dataset["category"] === id);
        expect(box?.closest("label")?.textContent, id).toContain(en(nameKey));
        box?.click();
        expect(onCategory).toHaveBeenLastCalledWith(id, false);
      }
    } finally {
      root.remove();
    }
  });

  it("offers every category for a picked block, named in the UI, and files the one clicked", () => {
    const root = document.body.appendChild(document.createElement("div"));
    const onPickCategory = vi.fn();
    const noop = (): void => undefined;
    const panel = new SidePanel(document, root, {
      onClose: noop,
      onRestore: noop,
      onCategory: noop,
      onSiteOff: noop,
      onReader: noop,
      onFindOriginal: noop,
      onPick: noop,
      onPickCategory,
      onPickKey: noop,
    });
    panel.show({
      host: "www.daily8.com",
      lang: "en",
      teasers: null,
      hiddenBlocks: 0,
      report: { kind: "article", signals: [], counts: perCategory(() => 0), shown: [] },
      article: null,
      reading: false,
      picker: { stage: "chosen", block: "section, “x”", canWiden: false },
      message: "",
    });
    const offered = [...root.querySelectorAll<HTMLButtonElement>('[data-part="picker"] button[data-part^="pick-"]')]
      .map((b) => b.dataset["part"]?.replace(/^pick-/, "") ?? "")
      .filter((part) => part !== "wider" && part !== "cancel");
    expect(against(offered)).toEqual(AGREE);
    for (const { id, nameKey } of CATEGORY_REGISTRY) {
      const button = root.querySelector<HTMLButtonElement>(`[data-part="pick-${id}"]`);
      expect(button?.textContent).toBe(en(nameKey));
      button?.click();
      expect(onPickCategory).toHaveBeenLastCalledWith(id);
    }
    root.remove();
  });
});

describe("the picker", () => {
  const hooks = (holdsStory: (el: Element) => boolean) => ({
    outline: document.createElement("div"),
    owns: () => false,
    holdsStory,
    onState: vi.fn(),
    onChoose: vi.fn(),
    onEnd: vi.fn(),
  });

  it("files a chosen block under the category the reader names", () => {
    const block = document.body.appendChild(document.createElement("section"));
    for (const { id } of CATEGORY_REGISTRY) {
      const h = hooks(() => false);
      const picker = new BlockPicker(document, h, null, new AbortController().signal);
      picker.choose(block);
      expect(h.onState).toHaveBeenLastCalledWith({ stage: "chosen", block: "section, “”", canWiden: false });
      picker.file(id);
      expect(h.onChoose).toHaveBeenCalledWith(block, id);
      expect(h.onState).toHaveBeenLastCalledWith({ stage: "off" });
    }
    block.remove();
  });

  it("refuses a block holding story text, even when asked to file it", () => {
    const block = document.body.appendChild(document.createElement("section"));
    const h = hooks((el) => el === block);
    const picker = new BlockPicker(document, h, null, new AbortController().signal);
    picker.choose(block);
    expect(h.onState).toHaveBeenLastCalledWith({ stage: "refused", block: "section, “”", canWiden: false });
    picker.file("comments");
    expect(h.onChoose).not.toHaveBeenCalled();
    picker.end();
    block.remove();
  });

  it("ignores clicks a page script makes", () => {
    const block = document.body.appendChild(document.createElement("section"));
    const h = hooks(() => false);
    const picker = new BlockPicker(document, h, null, new AbortController().signal);
    block.click();
    expect(h.onState).toHaveBeenLastCalledWith({ stage: "pointing" });
    picker.end();
    block.remove();
  });
});

describe("the options page", () => {
  it("has a 'Hide by default' switch for every category, with its label, saved under its option key", async () => {
    const page = new DOMParser().parseFromString(readFileSync(path.join(ROOT, "src/options/options.html"), "utf8"), "text/html");
    document.replaceChild(document.importNode(page.documentElement, true), document.documentElement);
    await import("../../src/options/options");
    const boxes = (): HTMLInputElement[] => [...document.querySelectorAll<HTMLInputElement>("#defaults input[type=checkbox][data-category]")];
    // Checked once the stored settings (none: the defaults) are shown.
    await vi.waitFor(() => expect(boxes().length && boxes().every((b) => b.checked)).toBe(true));
    expect(against(boxes().map((b) => b.dataset["category"] ?? ""))).toEqual(AGREE);
    for (const { id, optionKey, optionLabelKey } of CATEGORY_REGISTRY) {
      const box = boxes().find((b) => b.dataset["category"] === id);
      expect(box?.closest("label")?.textContent?.trim(), id).toBe(en(optionLabelKey));
      box?.click();
      await vi.waitFor(() => expect(api.stored["hide"], id).toEqual({ ...DEFAULTS.hide, [optionKey]: false }));
      box?.click();
      await vi.waitFor(() => expect(api.stored["hide"], id).toEqual(DEFAULTS.hide));
    }
  });
});
