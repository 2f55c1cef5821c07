import type { SiteProfile } from "../sites";
import type { Detection } from "../shared/types";

/**
 * What kind of page this is, from the site profile's URL patterns. The page's
 * structure (markers, blocks) adds its signals once it has been read.
 */
export function detectPage(url: URL, site: SiteProfile | null, docLang: string | null): Detection {
  const lang = (docLang ?? "").toLowerCase().split("-")[0] || "en";
  if (!site) return { kind: "none", verdict: "none", confidence: 0, signals: ["no site profile for this host"], lang, site: null };
  for (const page of site.pages) {
    const m = new RegExp(page.path).exec(url.pathname);
    if (!m) continue;
    return {
      kind: page.kind,
      verdict: page.kind,
      confidence: 0.9,
      signals: [`${site.name} ${page.kind} address (${url.pathname} matches ${page.path})`],
      lang: m.groups?.["lang"] ?? lang,
      site: site.id,
    };
  }
  return {
    kind: "none",
    verdict: "none",
    confidence: 0.9,
    signals: [`${site.name} page that is neither an article nor a listing (${url.pathname})`],
    lang,
    site: site.id,
  };
}
