import { languagesFor, pageLanguage } from "../lang";
import type { SiteProfile } from "../sites";
import type { Detection } from "../shared/types";
import { detectPage, listingOrArticle } from "./detect";
import { detectGeneric } from "./generic";
import { PageSession } from "./session";

export interface StartOptions {
  site: SiteProfile | null;
  /** The reader clicked the toolbar button: tidy even a page the detector doubts. */
  forced: boolean;
  changed(): void;
}

/** The generic detector's verdict; when the reader asked, a page it doubts is tidied as an article. */
function decideGenerically(doc: Document, forced: boolean): Detection {
  const detection = detectGeneric(doc, languagesFor(pageLanguage(doc)));
  if (!forced || detection.kind !== "none") return detection;
  return { ...detection, kind: "article", signals: [...detection.signals, "tidied because you asked"] };
}

/**
 * Tidyread for a page, not started yet (the caller keeps it, then calls `start()`), or null
 * when there is nothing to do. A site profile decides from the address; elsewhere the generic
 * detector decides once the page is parsed.
 */
export function createSession(doc: Document, url: URL, options: StartOptions): PageSession | null {
  const lang = pageLanguage(doc);
  const known = options.site ? detectPage(url, options.site, lang) : null;
  if (known?.kind === "none" && !options.forced) return null;
  const undecided = !known || known.kind === "none";
  const detection: Detection = undecided
    ? { kind: "article", verdict: "none", confidence: 0, signals: ["not decided until the page is parsed"], lang: (lang ?? "en").split("-")[0] || "en", site: null }
    : known;
  const languages = languagesFor(known?.lang ?? lang);
  // A listing's address may show a story (an article open over the stream): decided once parsed.
  const decide = undecided ? () => decideGenerically(doc, options.forced) : known.kind === "listing" ? () => listingOrArticle(known, doc, languages) : null;
  return new PageSession(doc, detection, options.site, languages, { changed: options.changed, ...(decide ? { decide } : {}) });
}
