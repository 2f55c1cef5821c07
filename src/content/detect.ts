import type { SiteProfile } from "../sites";
import type { Detection } from "../shared/types";

/** The part of an address a profile's patterns read: path and query, e.g. `/hl?a=2017-cnetj`. */
export const addressOf = (url: URL): string => url.pathname + url.search;

/**
 * What kind of page this is, from the site profile's URL patterns. The page's
 * structure (markers, blocks) adds its signals once it has been read.
 */
export function detectPage(url: URL, site: SiteProfile | null, docLang: string | null): Detection {
  const langOf = (tag: string | null | undefined): string => (tag ?? "").toLowerCase().split("-")[0] ?? "";
  const lang = langOf(docLang) || langOf(site?.language) || "en";
  if (!site) return { kind: "none", verdict: "none", confidence: 0, signals: ["no site profile for this host"], lang, site: null };
  const address = addressOf(url);
  const host = url.hostname.toLowerCase();
  for (const page of site.pages) {
    if (page.on && !page.on.includes(host)) continue;
    const m = new RegExp(page.url).exec(address);
    if (!m) continue;
    return {
      kind: page.kind,
      verdict: page.kind,
      confidence: 0.9,
      signals: [`${site.name} ${page.kind} address (${address} matches ${page.url})`],
      lang: langOf(m.groups?.["lang"]) || lang,
      site: site.id,
    };
  }
  return {
    kind: "none",
    verdict: "none",
    confidence: 0.9,
    signals: [`${site.name} page that is neither an article nor a listing (${address})`],
    lang,
    site: site.id,
  };
}
