// Settings and the seen list in storage: what a page (or a file) can make Tidyread store is bounded,
// each site's rules are their own storage.sync item, saves are merged and say when they failed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

type Items = Record<string, unknown>;
type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

/** A storage area as the browsers keep it: values stored as JSON, every write counted, errors on demand. */
const fake = vi.hoisted(() => {
  const listeners: ChangeListener[] = [];
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  function area(name: "sync" | "local") {
    const data: Items = Object.create(null) as Items;
    const state = { failWith: null as Error | null, getFails: null as Error | null };
    const notify = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): void => {
      for (const l of listeners) l(changes, name);
    };
    return {
      data,
      state,
      get: vi.fn(async (keys: string | string[] | null): Promise<Items> => {
        if (state.getFails) throw state.getFails;
        const wanted = keys === null ? Object.keys(data) : typeof keys === "string" ? [keys] : keys;
        return copy(Object.fromEntries(wanted.filter((k) => Object.hasOwn(data, k)).map((k) => [k, data[k]])));
      }),
      set: vi.fn(async (items: Items): Promise<void> => {
        if (state.failWith) throw state.failWith;
        // Chrome's and Firefox's limit per storage.sync item: key and JSON value, 8 KB (Chromium 156's words).
        if (name === "sync" && Object.entries(items).some(([k, v]) => k.length + JSON.stringify(v).length > 8192)) throw new Error("Resource::kQuotaBytesPerItem quota exceeded");
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { oldValue: data[k], newValue: copy(v) }]));
        for (const [k, v] of Object.entries(items)) Object.defineProperty(data, k, { value: copy(v), enumerable: true, configurable: true, writable: true });
        notify(changes);
      }),
      remove: vi.fn(async (keys: string | string[]): Promise<void> => {
        if (state.failWith) throw state.failWith;
        const list = typeof keys === "string" ? [keys] : keys;
        const changes = Object.fromEntries(list.map((k) => [k, { oldValue: data[k] }]));
        for (const k of list) Reflect.deleteProperty(data, k);
        notify(changes);
      }),
      clear(): void {
        for (const k of Object.keys(data)) Reflect.deleteProperty(data, k);
        state.failWith = null;
        state.getFails = null;
      },
    };
  }
  const sync = area("sync");
  const local = area("local");
  const api = {
    storage: { sync, local, onChanged: { addListener: (l: ChangeListener) => void listeners.push(l) } },
    runtime: { getURL: (p: string) => `chrome-extension://tidyread/${p}`, getManifest: () => ({ content_scripts: [] }) },
    commands: { getAll: async () => [] },
    permissions: { getAll: async () => ({ origins: [] }), onAdded: { addListener: () => undefined }, onRemoved: { addListener: () => undefined } },
  };
  return { sync, local, api, listeners };
});
vi.mock("webextension-polyfill", () => ({ default: fake.api }));

const settingsModule = await import("../../src/shared/settings");
const { DEFAULTS, MAX_RULES_PER_SITE, MAX_SELECTOR_LENGTH, MAX_SITES_OFF, addRule, loadSettings, onSettingsChanged, parseSettingsFile, removeRule, rulesFor } =
  settingsModule;
const { WRITE_DELAY_MS, saveErrorText, saveSettings, setSiteOff } = settingsModule;
const { MAX_SEEN_PER_SITE, isSeen, loadSeen, rememberSeen, storyHash } = await import("../../src/shared/seen");
type SaveResult = import("../../src/shared/settings").SaveResult;
type UserRule = import("../../src/shared/settings").UserRule;

const ROOT = path.resolve(import.meta.dirname, "../..");
const EN = JSON.parse(readFileSync(path.join(ROOT, "src/_locales/en/messages.json"), "utf8")) as Record<string, { message: string }>;
const en = (key: string): string => EN[key]?.message ?? `(no ${key})`;

const rule = (selector: string, category: UserRule["category"] = "comments"): UserRule => ({ category, selector });
/** The keys each storage.sync.set call wrote. */
const writtenKeys = (): string[][] => fake.sync.set.mock.calls.map(([items]) => Object.keys(items).sort());
const failure = (r: SaveResult): Extract<SaveResult, { ok: false }> => {
  if (r.ok) throw new Error("the save said it was stored");
  return r;
};

beforeEach(() => {
  fake.sync.clear();
  fake.local.clear();
  vi.clearAllMocks();
});

describe("rules, one storage.sync item per site", () => {
  it("are stored under rules:<host> in lower case, never in one shared item, and read back per site", async () => {
    const results = await Promise.all([addRule("WWW.Example.org", rule("body > div:nth-of-type(2)")), addRule("news.example", rule("#promo", "app-banner"))]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(Object.keys(fake.sync.data).sort()).toEqual(["rules:news.example", "rules:www.example.org"]);
    expect(fake.sync.data["rules:www.example.org"]).toEqual([rule("body > div:nth-of-type(2)")]);
    const settings = await loadSettings();
    expect(rulesFor(settings, "www.example.ORG")).toEqual([rule("body > div:nth-of-type(2)")]);
    expect(rulesFor(settings, "news.example")).toEqual([rule("#promo", "app-banner")]);
    expect(rulesFor(settings, "other.example")).toEqual([]);
  });

  it("a rule added on one site writes that site's item only; removing its last rule removes the item", async () => {
    await Promise.all([addRule("a.example", rule("#one")), addRule("b.example", rule("#two"))]);
    fake.sync.set.mockClear();
    expect((await addRule("b.example", rule("#three"))).ok).toBe(true);
    expect(writtenKeys()).toEqual([["rules:b.example"]]);
    expect((await removeRule("a.example", "#one")).ok).toBe(true);
    expect(fake.sync.remove).toHaveBeenCalledWith(["rules:a.example"]);
    expect(Object.keys(fake.sync.data).sort()).toEqual(["rules:b.example"]);
    expect(rulesFor(await loadSettings(), "b.example")).toEqual([rule("#two"), rule("#three")]);
  });

  it("an old shared 'rules' item is moved to per-site items once, and removed", async () => {
    Object.assign(fake.sync.data, { theme: "dark", rules: { "Old.Example": [rule("#x")], "b.example": [rule("#y", "related")] } });
    const settings = await loadSettings();
    expect(rulesFor(settings, "old.example")).toEqual([rule("#x")]);
    await vi.waitFor(() => expect(fake.sync.data["rules"]).toBeUndefined(), { timeout: 2_000 });
    expect(fake.sync.data["rules:old.example"]).toEqual([rule("#x")]);
    expect(fake.sync.data["rules:b.example"]).toEqual([rule("#y", "related")]);
    expect(fake.sync.data["theme"]).toBe("dark");
    // Only the new items were written (the theme did not change), and the next read does not migrate again.
    expect(writtenKeys()).toEqual([["rules:b.example", "rules:old.example"]]);
    expect(fake.sync.remove).toHaveBeenCalledWith(["rules"]);
    await loadSettings();
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sync.set).toHaveBeenCalledTimes(1);
  });

  it("hosts named constructor, __proto__ or toString find no rules of Object.prototype, and can have their own", async () => {
    for (const settings of [DEFAULTS, await loadSettings()]) {
      for (const host of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect(rulesFor(settings, host), host).toEqual([]);
    }
    expect((await addRule("__proto__", rule("#a"))).ok).toBe(true);
    expect((await addRule("constructor", rule("#b"))).ok).toBe(true);
    const settings = await loadSettings();
    expect(rulesFor(settings, "__proto__")).toEqual([rule("#a")]);
    expect(rulesFor(settings, "constructor")).toEqual([rule("#b")]);
    expect(rulesFor(settings, "toString")).toEqual([]);
    expect(Object.keys(fake.sync.data).sort()).toEqual(["rules:__proto__", "rules:constructor"]);
    expect(({} as Record<string, unknown>)["0"]).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe("limits", () => {
  it("the same selector again replaces the category, not adds a rule", async () => {
    await addRule("a.example", rule("#x", "comments"));
    await addRule("a.example", rule("#x", "sponsored"));
    expect(fake.sync.data["rules:a.example"]).toEqual([rule("#x", "sponsored")]);
  });

  it(`a site holds ${MAX_RULES_PER_SITE} rules; one more is refused with a reason, and nothing is dropped`, async () => {
    const all = await Promise.all(Array.from({ length: MAX_RULES_PER_SITE }, (_, i) => addRule("a.example", rule(`main > div:nth-of-type(${i + 1})`))));
    expect(all.every((r) => r.ok)).toBe(true);
    const over = failure(await addRule("a.example", rule("main > p")));
    expect(over.reason).toBe("quota");
    expect(over.message).toContain(String(MAX_RULES_PER_SITE));
    expect(saveErrorText(over)).toMatch(/^Not saved: /);
    expect(fake.sync.data["rules:a.example"]).toHaveLength(MAX_RULES_PER_SITE);
    // Replacing a category on a full site is no new rule.
    expect((await addRule("a.example", rule("main > div:nth-of-type(1)", "related"))).ok).toBe(true);
    // Other sites are not affected.
    expect((await addRule("b.example", rule("main > p"))).ok).toBe(true);
  });

  it(`a selector over ${MAX_SELECTOR_LENGTH} characters, an empty one or a host over 253 characters is refused`, async () => {
    expect(failure(await addRule("a.example", rule("x".repeat(MAX_SELECTOR_LENGTH + 1)))).reason).toBe("invalid");
    expect(failure(await addRule("a.example", rule(""))).reason).toBe("invalid");
    expect(failure(await addRule(`${"a".repeat(250)}.com`, rule("#x"))).reason).toBe("invalid");
    expect((await addRule("a.example", rule("x".repeat(MAX_SELECTOR_LENGTH)))).ok).toBe(true);
    expect(fake.sync.set).toHaveBeenCalledTimes(1);
  });

  it("rules too long for one storage item: the browser's refusal is reported as quota, and the stored rules stay", async () => {
    const long = (i: number): UserRule => rule(`${"div > ".repeat(80)}p:nth-of-type(${i})`);
    fake.sync.data["rules:a.example"] = Array.from({ length: 10 }, (_, i) => long(i));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => addRule("a.example", long(i + 10))));
    expect(results.map((r) => !r.ok && r.reason)).toEqual(Array(10).fill("quota"));
    expect(fake.sync.data["rules:a.example"]).toEqual(Array.from({ length: 10 }, (_, i) => long(i)));
    expect(saveErrorText(failure(results[0] ?? { ok: true, settings: DEFAULTS }))).toBe(`Not saved: ${en("saveStorageFull")}`);
  });

  it(`sites turned off: at most ${MAX_SITES_OFF}, host names of at most 253 characters`, async () => {
    expect(failure(await setSiteOff("a".repeat(254), true)).reason).toBe("invalid");
    expect(fake.sync.set).not.toHaveBeenCalled();
    expect((await setSiteOff("A.example", true)).ok).toBe(true);
    expect(fake.sync.data["sitesOff"]).toEqual(["a.example"]);
    fake.sync.data["sitesOff"] = Array.from({ length: MAX_SITES_OFF }, (_, i) => `s${i}.ex`);
    const over = failure(await setSiteOff("one-more.example", true));
    expect(over.reason).toBe("quota");
    expect(over.message).toContain(String(MAX_SITES_OFF));
    // Turning a site on again, or off again where it is off, is no new entry.
    expect((await setSiteOff("s7.ex", true)).ok).toBe(true);
    expect((await setSiteOff("s7.ex", false)).ok).toBe(true);
    expect(fake.sync.data["sitesOff"]).toHaveLength(MAX_SITES_OFF - 1);
    expect(fake.sync.data["sitesOff"]).not.toContain("one-more.example");
  });
});

describe("saves", () => {
  it("50 saves in a burst are one storage write, and every caller gets its result", async () => {
    const themes = ["dark", "light"] as const;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => saveSettings({ theme: themes[i % 2] ?? "dark", panelStart: i % 3 ? "open" : "closed" })));
    expect(fake.sync.set).toHaveBeenCalledTimes(1);
    expect(results).toHaveLength(50);
    expect(results.every((r) => r.ok && r.settings.theme === "light" && r.settings.panelStart === "open")).toBe(true);
    expect(fake.sync.data["theme"]).toBe("light");
  });

  it(`saves ${WRITE_DELAY_MS / 4} ms apart are one write too; a stream of them is still written every 2 s`, async () => {
    const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    const spaced: Promise<SaveResult>[] = [];
    for (let i = 0; i < 4; i++) {
      spaced.push(saveSettings({ theme: i % 2 ? "dark" : "light" }));
      await pause(WRITE_DELAY_MS / 4);
    }
    expect((await Promise.all(spaced)).every((r) => r.ok)).toBe(true);
    expect(fake.sync.set).toHaveBeenCalledTimes(1);
    fake.sync.set.mockClear();
    // A page clicking every 300 ms for 3 s: never a 400 ms pause, yet its saves are not held back for ever.
    const stream: Promise<SaveResult>[] = [];
    for (let i = 0; i < 10; i++) {
      stream.push(saveSettings({ panelSide: i % 2 ? "left" : "right" }));
      await pause(300);
    }
    const writtenDuringStream = fake.sync.set.mock.calls.length;
    expect((await Promise.all(stream)).every((r) => r.ok)).toBe(true);
    expect(writtenDuringStream).toBeGreaterThanOrEqual(1);
    expect(fake.sync.set.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it("write only the items that changed, and nothing when nothing did", async () => {
    await saveSettings({ theme: "dark" });
    expect(writtenKeys()).toEqual([["theme"]]);
    await saveSettings({ theme: "dark", hide: DEFAULTS.hide });
    expect(fake.sync.set).toHaveBeenCalledTimes(1);
    expect(fake.sync.remove).not.toHaveBeenCalled();
  });

  it.each([
    // What Chromium 156 and Firefox ESR 153 say (measured), and older Chrome's wording.
    "Resource::kQuotaBytes quota exceeded",
    "QuotaExceededError: storage.sync API call exceeded its quota limitations.",
    "QUOTA_BYTES_PER_ITEM quota exceeded",
  ])("a quota error from storage (%s) is a failure with reason 'quota', never 'saved'", async (text) => {
    fake.sync.state.failWith = new Error(text);
    const results = await Promise.all([saveSettings({ theme: "dark" }), addRule("a.example", rule("#x"))]);
    for (const r of results) {
      expect(failure(r).reason).toBe("quota");
      expect(saveErrorText(failure(r))).toBe(`Not saved: ${en("saveStorageFull")}`);
      expect(saveErrorText(failure(r))).not.toMatch(/\bSaved\b/);
    }
    expect(fake.sync.data["theme"]).toBeUndefined();
  });

  it("the browser's rate limit is reason 'rate'; any other error 'unknown' with its text; a failed read fails too", async () => {
    // Chromium 156's words after 120 writes in a minute (measured).
    fake.sync.state.failWith = new Error("This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.");
    expect(failure(await saveSettings({ theme: "dark" })).reason).toBe("rate");
    fake.sync.state.failWith = new Error("disk on fire");
    const unknown = failure(await saveSettings({ theme: "dark" }));
    expect(unknown.reason).toBe("unknown");
    expect(saveErrorText(unknown)).toContain("disk on fire");
    fake.sync.state.failWith = null;
    fake.sync.state.getFails = new Error("QuotaExceededError: storage.sync API call exceeded its quota limitations.");
    expect(failure(await saveSettings({ theme: "dark" })).reason).toBe("quota");
    fake.sync.state.getFails = null;
    expect((await saveSettings({ theme: "dark" })).ok).toBe(true);
  });

  it("a change on a rules:<host> item reaches onSettingsChanged; an unrelated key does not", async () => {
    const heard = vi.fn();
    onSettingsChanged(heard);
    await fake.sync.set({ "rules:x.example": [rule("#late", "related")] });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(rulesFor(heard.mock.calls[0]?.[0], "x.example")).toEqual([rule("#late", "related")]);
    await fake.sync.set({ somethingElse: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe("the seen list", () => {
  const teaserLink = (i: number): string => `https://news.example/story/${i}?${"q".repeat(36_000)}`;

  it("storyHash is 32-bit FNV-1a in base 36", () => {
    expect(storyHash("")).toBe((0x811c9dc5).toString(36));
    expect(storyHash("a")).toBe((0xe40c292c).toString(36));
    expect(storyHash("foobar")).toBe((0xbf9cf968).toString(36));
  });

  it(`keeps at most ${MAX_SEEN_PER_SITE} short hashes per site, this visit's first, and no link or title`, async () => {
    const keys = Array.from({ length: 290 }, (_, i) => teaserLink(i));
    await rememberSeen("daily8", keys, await loadSeen("daily8"));
    const stored = fake.local.data["seen:daily8"] as string[];
    expect(stored).toHaveLength(MAX_SEEN_PER_SITE);
    expect(stored.every((h) => /^[0-9a-z]{1,7}$/.test(h))).toBe(true);
    expect(JSON.stringify(fake.local.data).length).toBeLessThan(2_000);
    expect(JSON.stringify(fake.local.data)).not.toMatch(/news\.example|http/);
    const seen = await loadSeen("daily8");
    expect(isSeen(seen, teaserLink(0))).toBe(true);
    expect(isSeen(seen, teaserLink(199))).toBe(true);
    expect(isSeen(seen, teaserLink(250))).toBe(false);
    expect(isSeen(seen, "title:never shown")).toBe(false);
    // The next visit's stories come first; the oldest fall off the end.
    await rememberSeen("daily8", ["https://news.example/new"], seen);
    const next = fake.local.data["seen:daily8"] as string[];
    expect(next[0]).toBe(storyHash("https://news.example/new"));
    expect(next).toHaveLength(MAX_SEEN_PER_SITE);
    expect(isSeen(await loadSeen("daily8"), teaserLink(0))).toBe(true);
    expect(isSeen(await loadSeen("daily8"), teaserLink(199))).toBe(false);
  });

  it("sites are kept apart, nothing is written when nothing changed, and an early build's keys still count as seen", async () => {
    await rememberSeen("a", ["k1"], new Set());
    expect(await loadSeen("b")).toEqual(new Set());
    fake.local.set.mockClear();
    await rememberSeen("a", ["k1"], await loadSeen("a"));
    expect(fake.local.set).not.toHaveBeenCalled();
    fake.local.data["seen:old"] = ["https://news.example/a", "title:a story", 7];
    const seen = await loadSeen("old");
    expect(isSeen(seen, "https://news.example/a") && isSeen(seen, "title:a story")).toBe(true);
    expect(seen.size).toBe(2);
  });
});

describe("settings files", () => {
  const notSettings = en("optionsNotSettingsFile");

  it("refuse anything but a JSON object of settings", () => {
    for (const text of ["[]", '[{"theme":"dark"}]', "42", '"theme"', "null", "true", "{broken", "", '{"name":"tidyread","version":"1"}']) {
      expect(parseSettingsFile(text), text).toEqual({ ok: false, message: notSettings });
    }
  });

  it("a file over the limits is refused with the reason", () => {
    const rules = { "a.example": Array.from({ length: MAX_RULES_PER_SITE + 1 }, (_, i) => rule(`#r${i}`)) };
    const refused = parseSettingsFile(JSON.stringify({ rules }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain(String(MAX_RULES_PER_SITE));
    expect(parseSettingsFile(JSON.stringify({ sitesOff: Array.from({ length: MAX_SITES_OFF + 1 }, (_, i) => `s${i}.ex`) })).ok).toBe(false);
  });

  it("an export is accepted as it was, unknown keys ignored, and imported back one item per site", async () => {
    await Promise.all([addRule("a.example", rule("#x")), addRule("b.example", rule("#y", "related")), saveSettings({ theme: "dark", sitesOff: ["off.example"] })]);
    const exported = JSON.stringify({ ...(await loadSettings()), futureKey: [1, 2] }, null, 2);
    expect(JSON.parse(exported).rules).toEqual({ "a.example": [rule("#x")], "b.example": [rule("#y", "related")] });
    const parsed = parseSettingsFile(exported);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.settings).toEqual(await loadSettings());
    expect(parsed.settings).not.toHaveProperty("futureKey");
    // Imported on a browser with other rules: the file's rules replace them, per site.
    fake.sync.clear();
    await addRule("c.example", rule("#z"));
    expect((await saveSettings(parsed.settings)).ok).toBe(true);
    expect(Object.keys(fake.sync.data).filter((k) => k.startsWith("rules")).sort()).toEqual(["rules:a.example", "rules:b.example"]);
    expect(fake.sync.data["theme"]).toBe("dark");
  });
});

describe("the options page", () => {
  const status = (): string => document.getElementById("status")?.textContent ?? "";
  const importFile = (text: string): void => {
    const input = document.getElementById("import") as HTMLInputElement;
    // jsdom's File has no text(): the page reads only that.
    Object.defineProperty(input, "files", { value: [{ name: "settings.json", text: async () => text }], configurable: true });
    input.dispatchEvent(new Event("change"));
  };

  it("says why a save or an import failed instead of 'Saved' or 'Imported'", async () => {
    const page = new DOMParser().parseFromString(readFileSync(path.join(ROOT, "src/options/options.html"), "utf8"), "text/html");
    document.replaceChild(document.importNode(page.documentElement, true), document.documentElement);
    await import("../../src/options/options");

    importFile("[1, 2, 3]");
    await vi.waitFor(() => expect(status()).toBe(en("optionsNotSettingsFile")));

    fake.sync.state.failWith = new Error("QUOTA_BYTES quota exceeded");
    importFile(JSON.stringify({ theme: "dark" }));
    await vi.waitFor(() => expect(status()).toBe(`Not saved: ${en("saveStorageFull")}`), { timeout: 2_000 });

    fake.sync.state.failWith = new Error("This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.");
    const theme = document.getElementById("theme") as HTMLSelectElement;
    theme.value = "light";
    theme.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(status()).toBe(`Not saved: ${en("saveTooFast")}`), { timeout: 2_000 });

    fake.sync.state.failWith = null;
    theme.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(status()).toBe(en("optionsSavedNow")), { timeout: 2_000 });
    expect(fake.sync.data["theme"]).toBe("light");
  });
});
