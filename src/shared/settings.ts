import browser from "webextension-polyfill";
import { CATEGORIES, type Category } from "./types";

/** The defaults are the schema: a stored value of another type falls back to its default. */
export const DEFAULTS = {
  /** Which categories are hidden on a page by default (the panel's switches change one page). */
  hide: { comments: true, "ai-promo": true, "app-banner": true, related: true } as Record<Category, boolean>,
  /** Hosts where the reader turned Tidyread off. */
  sitesOff: [] as string[],
  /** The panel's colours: the system's, or always light or dark. */
  theme: "system" as "system" | "light" | "dark",
  /** The panel when a page opens: as last left on that site, or always open or closed. */
  panelStart: "remember" as "remember" | "open" | "closed",
};

export type Settings = typeof DEFAULTS;

/** Renames of stored keys, oldest first: each maps an old stored object to a newer one. */
const MIGRATIONS: ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 2026-11: "disabledSites" (early builds) became "sitesOff".
  ({ disabledSites, ...rest }) => (disabledSites !== undefined && rest["sitesOff"] === undefined ? { ...rest, sitesOff: disabledSites } : rest),
];

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Stored data as settings: unknown keys dropped, bad values replaced by defaults, never an error. */
export function sanitize(raw: unknown): Settings {
  const stored = MIGRATIONS.reduce((s, migrate) => migrate(s), typeof raw === "object" && raw !== null ? { ...(raw as Record<string, unknown>) } : {});
  const hide = { ...DEFAULTS.hide };
  const storedHide = stored["hide"];
  if (typeof storedHide === "object" && storedHide !== null) {
    for (const c of CATEGORIES) {
      const v = (storedHide as Record<string, unknown>)[c];
      if (typeof v === "boolean") hide[c] = v;
    }
  }
  const sitesOff = isStringList(stored["sitesOff"]) ? [...new Set(stored["sitesOff"].map((h) => h.toLowerCase()))] : [];
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    hide,
    sitesOff,
    theme: oneOf(stored["theme"], ["system", "light", "dark"], DEFAULTS.theme),
    panelStart: oneOf(stored["panelStart"], ["remember", "open", "closed"], DEFAULTS.panelStart),
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
