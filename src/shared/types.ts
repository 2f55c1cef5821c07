/** What Tidyread hides, by kind of block: the ids of the registry (src/shared/categories.ts). */
export { CATEGORIES, type Category } from "./categories";

export type PageKind = "article" | "listing" | "none";

/** A detector's verdict, with the evidence behind it so the UI can explain it. */
export interface Detection {
  /** What Tidyread treats the page as (a page the reader asked to tidy is an article). */
  kind: PageKind;
  /** The detector's own verdict, by the page's own signals: what it would say without a click. */
  verdict: PageKind;
  /** 0..1 */
  confidence: number;
  /** Human-readable reasons, e.g. `url matches /<lang>/article/<id>`. */
  signals: string[];
  /** Language code whose words were used (e.g. "en"). */
  lang: string;
  /** Site profile id, when the page belongs to a known site. */
  site: string | null;
}

export interface TeaserTime {
  /** The relative time shown to the reader, e.g. "an hour ago". */
  text: string;
  /** ISO 8601: a full date-time for relative times, a date for date-only stamps. */
  iso: string;
}

/** One related-article card, read from the page as plain text. */
export interface Teaser {
  title: string;
  /** Absolute http(s) URL, or null when the page's link was anything else. */
  url: string | null;
  source: string | null;
  time: TeaserTime | null;
  summary: string | null;
}
