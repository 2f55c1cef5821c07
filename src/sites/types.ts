import type { Category, PageKind } from "../shared/types";

/** One kind of page of a site, told by its address. */
export interface SitePage {
  kind: Exclude<PageKind, "none">;
  /**
   * A regular-expression source matched against the address's path and query (`pathname +
   * search`, e.g. `/hl?a=20170309-35097838-cnetj-sci`); a `lang` group names the language.
   */
  url: string;
  /** Only on these exact host names (e.g. a portal's front page, where `/` elsewhere is mail). */
  on?: string[];
}

/** What is known about one aggregator site. Data only: adding a site is adding a file. */
export interface SiteProfile {
  id: string;
  name: string;
  /** Registrable domains (or a site's own host); their subdomains belong to the site too. */
  hosts: string[];
  /** Page kinds by address, first match wins. */
  pages: SitePage[];
  /** The site's main language (BCP 47), when neither the address nor the page says. */
  language: string;
  /** How the site writes numeric dates such as 16-05-2025. */
  dateOrder: "dmy" | "mdy" | "ymd";
  /**
   * The content script runs here from install (the manifest's matches and host permissions).
   * Every other site is tidied once per click, or every time once the reader grants it.
   */
  grantedAtInstall?: true;
  /** Site-specific wording per language, added to that language's labels and evidence. */
  words?: Record<string, Partial<Record<Category, string[]>>>;
}

/** URLs of a site and the kind they must be detected as; a test walks them (kept out of the bundle). */
export type SiteExamples = { url: string; kind: PageKind }[];
