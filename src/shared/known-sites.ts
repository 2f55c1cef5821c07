// The aggregators Tidyread knows but does not run on from install: the toolbar button's "Always
// tidy <site>" and the options page's switches grant one of them as a whole (all its hosts).
import { hostPatterns, SITES, siteFor, type SiteProfile } from "../sites";
import { ALL_SITES } from "./origins";

/** Known sites the reader may grant, sorted by id as SITES is. */
export const KNOWN_SITES: readonly SiteProfile[] = SITES.filter((site) => !site.grantedAtInstall);

/** The known (not granted-at-install) site a page belongs to, or null. */
export function knownSiteFor(pageUrl: string | undefined): SiteProfile | null {
  if (!pageUrl) return null;
  try {
    const { protocol, hostname } = new URL(pageUrl);
    if (protocol !== "http:" && protocol !== "https:") return null;
    const site = siteFor(hostname);
    return site && !site.grantedAtInstall ? site : null;
  } catch {
    return null;
  }
}

/** Whether an origin the reader granted is one of a known site's own patterns. */
export function isKnownSitePattern(origin: string): boolean {
  return KNOWN_SITES.some((site) => hostPatterns(site).includes(origin));
}

export interface KnownSiteRow {
  site: SiteProfile;
  /** What is asked for when the switch goes on, and taken back when it goes off. */
  patterns: string[];
  /** Every one of its patterns is granted: the content script runs there. */
  on: boolean;
  /** Not granted by itself but by the all-sites switch: it runs there, and only that switch stops it. */
  viaAllSites: boolean;
}

/** The options page's list, from the origins the browser says are granted. */
export function knownSiteRows(granted: readonly string[]): KnownSiteRow[] {
  const all = granted.includes(ALL_SITES);
  return KNOWN_SITES.map((site) => {
    const patterns = hostPatterns(site);
    const on = patterns.every((p) => granted.includes(p));
    return { site, patterns, on, viaAllSites: !on && all };
  });
}
