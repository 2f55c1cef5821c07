import { aol } from "./aol";
import { apHosted } from "./ap-hosted";
import { biglobe } from "./biglobe";
import { daily8 } from "./daily8";
import { digg } from "./digg";
import { getnews } from "./getnews";
import { ifeng } from "./ifeng";
import { msn } from "./msn";
import { naver } from "./naver";
import { netease } from "./netease";
import { qq } from "./qq";
import { sina } from "./sina";
import { sohu } from "./sohu";
import { sott } from "./sott";
import { toutiao } from "./toutiao";
import type { SiteProfile } from "./types";
import { uol } from "./uol";
import { yahoo } from "./yahoo";
import { yahooJapan } from "./yahoo-japan";
import { yamnews } from "./yamnews";

export type { SiteProfile } from "./types";

/** Every known site, sorted by id. */
export const SITES: readonly SiteProfile[] = [
  aol,
  apHosted,
  biglobe,
  daily8,
  digg,
  getnews,
  ifeng,
  msn,
  naver,
  netease,
  qq,
  sina,
  sohu,
  sott,
  toutiao,
  uol,
  yahoo,
  yahooJapan,
  yamnews,
];

/** The sites the content script runs on from install; the build writes their hosts into the manifest. */
export const SITES_AT_INSTALL: readonly SiteProfile[] = SITES.filter((site) => site.grantedAtInstall);

/** Match patterns for a site: each host and its subdomains, on http and https. */
export function hostPatterns(site: SiteProfile): string[] {
  return site.hosts.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
}

/** Every profile's hosts (registrable domains), e.g. for a test browser that maps them to loopback. */
export function allSiteHosts(): string[] {
  return [...new Set(SITES.flatMap((site) => site.hosts))].sort();
}

const serves = (host: string, siteHost: string): boolean => host === siteHost || host.endsWith(`.${siteHost}`);

/** The profile whose host (or a subdomain of it) serves this hostname; the most specific host wins. */
export function siteFor(hostname: string): SiteProfile | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  let best: { site: SiteProfile; length: number } | null = null;
  for (const site of SITES) {
    for (const siteHost of site.hosts) {
      if (serves(host, siteHost) && siteHost.length > (best?.length ?? 0)) best = { site, length: siteHost.length };
    }
  }
  return best?.site ?? null;
}

/** The profile with this id. */
export function siteById(id: string): SiteProfile | null {
  return SITES.find((site) => site.id === id) ?? null;
}
