import { daily8 } from "./daily8";
import type { SiteProfile } from "./types";

export type { SiteProfile } from "./types";

/** Every known site, sorted by id. The manifest's content-script matches must cover their hosts. */
export const SITES: readonly SiteProfile[] = [daily8];

/** The profile whose host (or a subdomain of it) serves this hostname. */
export function siteFor(hostname: string): SiteProfile | null {
  const host = hostname.toLowerCase();
  return SITES.find((site) => site.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}
