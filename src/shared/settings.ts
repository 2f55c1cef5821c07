import browser from "webextension-polyfill";
import { CATEGORY_REGISTRY, perCategory } from "./categories";
import { t } from "./i18n";
import { CATEGORIES, type Category } from "./types";

/** The defaults are the schema: a stored value of another type falls back to its default. */
export const DEFAULTS = {
  /** Which categories are hidden on a page by default (the panel's switches change one page). */
  hide: perCategory((): boolean => true, (c) => c.optionKey),
  /** Hosts where the reader turned Tidyread off. */
  sitesOff: [] as string[],
  /** The panel's colours: the system's, or always light or dark. */
  theme: "system" as "system" | "light" | "dark",
  /** The panel when a page opens: as last left on that site, or always open or closed. */
  panelStart: "remember" as "remember" | "open" | "closed",
  /** The panel's side: the page's end side (right on left-to-right pages), or always left or right. */
  panelSide: "auto" as "auto" | "left" | "right",
  /** The reader view: text size in px, line width, colours. */
  reader: { size: 19, width: "medium", theme: "system" } as ReaderPrefs,
  /**
   * The reader's own rules, per host: "this block is comments / a promo / ...". Stored as one
   * `rules:<host>` item per site; in memory a prototype-less object, read it with `rulesFor`.
   */
  rules: Object.create(null) as Record<string, UserRule[]>,
};

export const READER_WIDTHS = ["narrow", "medium", "wide"] as const;
export const READER_THEMES = ["system", "light", "dark", "sepia"] as const;
export const READER_SIZE = { min: 14, max: 32 } as const;

export interface ReaderPrefs {
  size: number;
  width: (typeof READER_WIDTHS)[number];
  theme: (typeof READER_THEMES)[number];
}

/** A block the reader picked on a page: found again by its structural path on the same host. */
export interface UserRule {
  category: Category;
  /** A CSS selector built from tag names and positions (never class names), see content/rules.ts. */
  selector: string;
}

export type Settings = typeof DEFAULTS;

/** What a save did: the settings as stored, or why nothing (or not all) was stored. */
export type SaveResult = { ok: true; settings: Settings } | SaveFailure;
/** `message` is a sentence for the reader, in the UI's language; `saveErrorText` frames it. */
export type SaveFailure = { ok: false; reason: "quota" | "rate" | "invalid" | "unknown"; message: string };

/**
 * Limits on what a page (or a file) may add, so that it cannot fill storage.sync, whose items hold
 * 8 KB each and 100 KB together: a site's rules are one item, the sites turned off another. addRule,
 * setSiteOff and parseSettingsFile check them; saveSettings stores what its caller gives, and a
 * write the browser refuses for its size is reported as "quota".
 */
export const MAX_RULES_PER_SITE = 50;
export const MAX_SELECTOR_LENGTH = 500;
export const MAX_SITES_OFF = 500;
/** The longest host name DNS allows. */
export const MAX_HOST_LENGTH = 253;
/** Saves within this many ms of each other are one write (storage.sync allows 120 writes a minute)... */
export const WRITE_DELAY_MS = 400;
/** ...and a stream of saves is still written at least this often. */
const MAX_WRITE_DELAY_MS = 2_000;

/** Each site's rules are one storage.sync item under this prefix and the host in lower case. */
export const RULES_PREFIX = "rules:";

/** Renames of stored keys, oldest first: each maps an old stored object to a newer one. */
const MIGRATIONS: ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 2026-11: "disabledSites" (early builds) became "sitesOff".
  ({ disabledSites, ...rest }) => (disabledSites !== undefined && rest["sitesOff"] === undefined ? { ...rest, sitesOff: disabledSites } : rest),
  // 2027-01: one "rules" item for all sites (8 KB in all) became one "rules:<host>" item per site.
  // Settings in memory and exported files keep the "rules" object, so they pass through here too.
  ({ rules, ...rest }) => {
    for (const [host, list] of Object.entries(record(rules))) rest[RULES_PREFIX + host] ??= list;
    return rest;
  },
];
/** Stored keys that an older shape used: their presence asks for one write in the new shape. */
const OLD_KEYS = ["disabledSites", "rules"];

const oneOf = <T extends string | number>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const record = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function sanitizeReader(raw: unknown): ReaderPrefs {
  const r = record(raw);
  const size = typeof r["size"] === "number" && Number.isFinite(r["size"]) ? Math.round(r["size"]) : DEFAULTS.reader.size;
  return {
    size: Math.min(READER_SIZE.max, Math.max(READER_SIZE.min, size)),
    width: oneOf(r["width"], READER_WIDTHS, DEFAULTS.reader.width),
    theme: oneOf(r["theme"], READER_THEMES, DEFAULTS.reader.theme),
  };
}

/**
 * Rules from the `rules:<host>` items: only well-formed entries, one per selector (the later
 * category wins); a host with none left is dropped. Limits are checked where rules are added, so
 * that what was once stored is never lost on reading.
 */
function sanitizeRules(stored: Record<string, unknown>): Record<string, UserRule[]> {
  const rules: Record<string, UserRule[]> = Object.create(null);
  for (const [key, list] of Object.entries(stored)) {
    const host = key.slice(RULES_PREFIX.length).toLowerCase();
    if (!key.startsWith(RULES_PREFIX) || !host || !Array.isArray(list)) continue;
    for (const r of list.map(record)) {
      const category = CATEGORIES.find((c) => c === r["category"]);
      const selector = r["selector"];
      if (category && typeof selector === "string" && selector.length > 0 && selector.length < 2000) rules[host] = withRule(rules[host] ?? [], { category, selector });
    }
  }
  return rules;
}

/** `list` with `rule` in it: a rule for the same selector takes the new category in its place. */
function withRule(list: readonly UserRule[], rule: UserRule): UserRule[] {
  const at = list.findIndex((r) => r.selector === rule.selector);
  return at < 0 ? [...list, rule] : list.map((r, i) => (i === at ? rule : r));
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Stored data (or an exported file) as settings: unknown keys dropped, bad values replaced by defaults, never an error. */
export function sanitize(raw: unknown): Settings {
  const stored = MIGRATIONS.reduce((s, migrate) => migrate(s), typeof raw === "object" && raw !== null ? { ...(raw as Record<string, unknown>) } : {});
  const hide = { ...DEFAULTS.hide };
  const storedHide = stored["hide"];
  if (typeof storedHide === "object" && storedHide !== null) {
    for (const { optionKey } of CATEGORY_REGISTRY) {
      const v = (storedHide as Record<string, unknown>)[optionKey];
      if (typeof v === "boolean") hide[optionKey] = v;
    }
  }
  const sitesOff = isStringList(stored["sitesOff"]) ? [...new Set(stored["sitesOff"].map((h) => h.toLowerCase()))] : [];
  return {
    hide,
    sitesOff,
    theme: oneOf(stored["theme"], ["system", "light", "dark"], DEFAULTS.theme),
    panelStart: oneOf(stored["panelStart"], ["remember", "open", "closed"], DEFAULTS.panelStart),
    panelSide: oneOf(stored["panelSide"], ["auto", "left", "right"], DEFAULTS.panelSide),
    reader: sanitizeReader(stored["reader"]),
    rules: sanitizeRules(stored),
  };
}

const NO_RULES: readonly UserRule[] = Object.freeze([]);

/** The reader's rules for `host`; [] for a host with none (also for "constructor", "__proto__"...). */
export function rulesFor(settings: Settings, host: string): readonly UserRule[] {
  const key = host.toLowerCase();
  return Object.hasOwn(settings.rules, key) ? (settings.rules[key] ?? NO_RULES) : NO_RULES;
}

/** A host in a sentence keeps its own direction in a right-to-left one. */
const isolate = (host: string): string => `\u2068${host}\u2069`;
const failed = (reason: SaveFailure["reason"], message: string): SaveFailure => ({ ok: false, reason, message });

/** Why `change` may not be stored (too many or too long entries), or null. */
function limitFailure(change: Record<string, unknown>): SaveFailure | null {
  const off = change["sitesOff"];
  if (Array.isArray(off) && off.length > MAX_SITES_OFF) return failed("quota", t("saveTooManySitesOff", MAX_SITES_OFF));
  const hosts = [...(Array.isArray(off) ? off : []), ...Object.keys(record(change["rules"]))];
  if (hosts.some((h) => typeof h === "string" && (!h || h.length > MAX_HOST_LENGTH))) return failed("invalid", t("saveBadHost", MAX_HOST_LENGTH));
  for (const [host, list] of Object.entries(record(change["rules"]))) {
    if (!Array.isArray(list)) continue;
    if (list.length > MAX_RULES_PER_SITE) return failed("quota", t("saveTooManyRules", isolate(host), MAX_RULES_PER_SITE));
    if (list.some((r) => String(record(r)["selector"] ?? "").length > MAX_SELECTOR_LENGTH)) return failed("invalid", t("saveBadSelector", MAX_SELECTOR_LENGTH));
  }
  return null;
}

/**
 * A browser's storage error as a reason: its messages name the quota that was exceeded, e.g.
 * Chromium's "Resource::kQuotaBytesPerItem quota exceeded", Firefox's "QuotaExceededError: ...".
 */
function storageFailure(error: unknown): SaveFailure {
  const text = error instanceof Error ? error.message : String(error);
  // "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota." names a quota too: test it first.
  if (/MAX_WRITE_OPERATIONS/i.test(text)) return failed("rate", t("saveTooFast"));
  if (/QUOTA_BYTES|quota/i.test(text)) return failed("quota", t("saveStorageFull"));
  return failed("unknown", t("saveBrowserError", text.slice(0, 200)));
}

/** The text for the reader when a save failed. */
export function saveErrorText(result: SaveFailure): string {
  return t("saveNotSaved", result.message);
}

const isSettingsKey = (key: string): boolean => Object.hasOwn(DEFAULTS, key) || key.startsWith(RULES_PREFIX) || OLD_KEYS.includes(key);

/** Settings as storage.sync items: one per top-level setting, one per site with rules. */
function toItems({ rules, ...rest }: Settings): Record<string, unknown> {
  const items: Record<string, unknown> = { ...rest };
  for (const [host, list] of Object.entries(rules)) if (list.length) items[RULES_PREFIX + host] = list;
  return items;
}

/** Writes the items of `next` that differ from `stored` and removes the ones it no longer has. */
async function store(stored: Record<string, unknown>, next: Settings): Promise<SaveResult> {
  const items = toItems(next);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    const json = JSON.stringify(value);
    // A default that was never stored stays unstored.
    const old = stored[key] ?? (Object.hasOwn(DEFAULTS, key) ? DEFAULTS[key as keyof Settings] : undefined);
    if (JSON.stringify(old) !== json) changed[key] = value;
  }
  const removed = Object.keys(stored).filter((key) => isSettingsKey(key) && !Object.hasOwn(items, key));
  try {
    if (Object.keys(changed).length) await browser.storage.sync.set(changed);
    if (removed.length) await browser.storage.sync.remove(removed);
  } catch (error) {
    return storageFailure(error);
  }
  return { ok: true, settings: next };
}

/** A change to apply to the settings as stored when the write happens, or why it cannot be. */
type Edit = (current: Settings) => Settings | SaveFailure;
interface Queued {
  edit: Edit;
  done: (result: SaveResult) => void;
}

let queue: Queued[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let firstQueuedAt = 0;
/** Writes run one after another: each reads what the one before stored. */
let writing: Promise<void> = Promise.resolve();

/** Applies the queued edits to the stored settings and stores the result: one write for all of them. */
async function writeQueued(batch: readonly Queued[]): Promise<void> {
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.sync.get(null);
  } catch (error) {
    for (const q of batch) q.done(storageFailure(error));
    return;
  }
  let next = sanitize(stored);
  const applied: Queued[] = [];
  for (const q of batch) {
    let edited: Settings | SaveFailure;
    try {
      edited = q.edit(next);
    } catch (error) {
      edited = storageFailure(error);
    }
    if ("ok" in edited) {
      q.done(edited);
    } else {
      next = edited;
      applied.push(q);
    }
  }
  const result = await store(stored, next).catch(storageFailure);
  for (const q of applied) q.done(result);
}

/** Queues `edit` for the next write, which waits until no edit arrived for WRITE_DELAY_MS. */
function enqueue(edit: Edit): Promise<SaveResult> {
  return new Promise((done) => {
    const now = Date.now();
    if (!queue.length) firstQueuedAt = now;
    queue.push({ edit, done });
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = queue;
      queue = [];
      writing = writing.then(() => writeQueued(batch));
    }, Math.max(0, Math.min(WRITE_DELAY_MS, firstQueuedAt + MAX_WRITE_DELAY_MS - now)));
  });
}

let migrating = false;

export async function loadSettings(): Promise<Settings> {
  const stored: Record<string, unknown> = await browser.storage.sync.get(null).catch(() => ({}));
  // An older shape is read as the new one, and written in it once (by the first page that reads it).
  if (!migrating && OLD_KEYS.some((key) => Object.hasOwn(stored, key))) {
    migrating = true;
    void enqueue((current) => current);
  }
  return sanitize(stored);
}

/**
 * Stores `change`: what it names replaces the stored value (`rules`: every site's rules, as an
 * import does; for one site use addRule and removeRule, for sites off setSiteOff). Saves (of any
 * kind) within WRITE_DELAY_MS of each other are one write, only of the items that changed, and
 * every caller gets that write's result. Never throws.
 */
export function saveSettings(change: Partial<Settings>): Promise<SaveResult> {
  return enqueue((current) => sanitize({ ...current, ...change }));
}

function checkedHost(host: string): string | SaveFailure {
  const key = host.toLowerCase();
  return key && key.length <= MAX_HOST_LENGTH ? key : failed("invalid", t("saveBadHost", MAX_HOST_LENGTH));
}

/** `current` with `list` as `host`'s rules (none: the host is dropped). */
function withSiteRules(current: Settings, host: string, list: UserRule[]): Settings {
  const others = Object.entries(current.rules).filter(([h]) => h !== host);
  const rules: Record<string, UserRule[]> = Object.assign(Object.create(null), Object.fromEntries(list.length ? [...others, [host, list]] : others));
  return { ...current, rules };
}

/** Adds a rule for `host` (the same selector again takes the new category); writes only that site's item. */
export function addRule(host: string, rule: UserRule): Promise<SaveResult> {
  const key = checkedHost(host);
  if (typeof key !== "string") return Promise.resolve(key);
  if (!CATEGORIES.includes(rule.category) || !rule.selector || rule.selector.length > MAX_SELECTOR_LENGTH) {
    return Promise.resolve(failed("invalid", t("saveBadSelector", MAX_SELECTOR_LENGTH)));
  }
  return enqueue((current) => {
    const list = rulesFor(current, key);
    const isNew = !list.some((r) => r.selector === rule.selector);
    if (isNew && list.length >= MAX_RULES_PER_SITE) return failed("quota", t("saveTooManyRules", isolate(key), MAX_RULES_PER_SITE));
    return withSiteRules(current, key, withRule(list, { category: rule.category, selector: rule.selector }));
  });
}

/** Removes `host`'s rule for `selector`; the site's item goes when its last rule does. */
export function removeRule(host: string, selector: string): Promise<SaveResult> {
  const key = host.toLowerCase();
  return enqueue((current) => withSiteRules(current, key, rulesFor(current, key).filter((r) => r.selector !== selector)));
}

/** Turns Tidyread off (or on again) on `host`, whatever other tabs did meanwhile. */
export function setSiteOff(host: string, off: boolean): Promise<SaveResult> {
  const key = checkedHost(host);
  if (typeof key !== "string") return Promise.resolve(key);
  return enqueue((current) => {
    if (current.sitesOff.includes(key) === off) return current;
    if (off && current.sitesOff.length >= MAX_SITES_OFF) return failed("quota", t("saveTooManySitesOff", MAX_SITES_OFF));
    return { ...current, sitesOff: off ? [...current.sitesOff, key] : current.sitesOff.filter((h) => h !== key) };
  });
}

/** Calls `listener` with the new settings whenever they change (in any tab or page). */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "sync" && Object.keys(changes).some(isSettingsKey)) void loadSettings().then(listener);
  });
}

/** An exported settings file: a JSON object with settings' keys (rules as one object, per host). */
export function parseSettingsFile(text: string): { ok: true; settings: Settings } | { ok: false; message: string } {
  const notSettings = { ok: false, message: t("optionsNotSettingsFile") } as const;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return notSettings;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.keys(parsed).some(isSettingsKey)) return notSettings;
  const refused = limitFailure(parsed as Record<string, unknown>);
  return refused ? { ok: false, message: refused.message } : { ok: true, settings: sanitize(parsed) };
}
