import browser from "webextension-polyfill";
import { CATEGORY_REGISTRY, perCategory } from "./categories";
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
  /** The reader's own rules, per host: "this block is comments / a promo / ...". */
  rules: {} as Record<string, UserRule[]>,
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

/** Renames of stored keys, oldest first: each maps an old stored object to a newer one. */
const MIGRATIONS: ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 2026-11: "disabledSites" (early builds) became "sitesOff".
  ({ disabledSites, ...rest }) => (disabledSites !== undefined && rest["sitesOff"] === undefined ? { ...rest, sitesOff: disabledSites } : rest),
];

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

/** Rules keep only well-formed entries; a host with none left is dropped. */
function sanitizeRules(raw: unknown): Record<string, UserRule[]> {
  const rules: Record<string, UserRule[]> = {};
  for (const [host, list] of Object.entries(record(raw))) {
    if (!Array.isArray(list)) continue;
    const kept = list
      .map(record)
      .filter((r) => typeof r["selector"] === "string" && r["selector"].length > 0 && r["selector"].length < 2000)
      .flatMap((r) => {
        const category = CATEGORIES.find((c) => c === r["category"]);
        return category ? [{ category, selector: r["selector"] as string }] : [];
      });
    if (kept.length) rules[host.toLowerCase()] = kept;
  }
  return rules;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Stored data as settings: unknown keys dropped, bad values replaced by defaults, never an error. */
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
    rules: sanitizeRules(stored["rules"]),
  };
}

export async function loadSettings(): Promise<Settings> {
  return sanitize(await browser.storage.sync.get(null).catch(() => ({})));
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitize({ ...(await loadSettings()), ...change });
  await browser.storage.sync.set(next);
  return next;
}

/** Calls `listener` with the new settings whenever they change (in any tab or page). */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === "sync") void loadSettings().then(listener);
  });
}
