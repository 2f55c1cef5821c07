import type { Category, PageKind } from "../shared/types";

/** What is known about one aggregator site. Data only: adding a site is adding a file. */
export interface SiteProfile {
  id: string;
  name: string;
  /** Registrable domains; their subdomains belong to the site too. */
  hosts: string[];
  /** Path patterns (regular-expression sources) per page kind; a `lang` group names the language. */
  pages: { kind: Exclude<PageKind, "none">; path: string }[];
  /** How the site writes numeric dates such as 16-05-2025. */
  dateOrder: "dmy" | "mdy" | "ymd";
  /** Site-specific wording per language, added to that language's labels and evidence. */
  words?: Record<string, Partial<Record<Category, string[]>>>;
}

/** URLs of a site and the kind they must be detected as; a test walks them (kept out of the bundle). */
export type SiteExamples = { url: string; kind: PageKind }[];
