import type { Category } from "../shared/types";

export type TimeUnit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

/** The words Tidyread looks for, per language. All entries are lower case. */
export interface LanguageWords {
  lang: string;
  dir: "ltr" | "rtl";
  /**
   * Labels introduce a block when they are the whole text of an element (a heading,
   * a caption): "Comments", "Related Articles".
   */
  labels: Partial<Record<Category, string[]>>;
  /**
   * Whole-element texts that prove a block is what its label says ("No comments yet").
   * A label alone hides nothing: an article may have a sub-heading "Comments".
   */
  evidence: Partial<Record<Category, string[]>>;
  /** Alt texts of store badges ("app-store", "Google Play"). */
  storeBadges: string[];
  relativeTime: {
    /** Words before or after the amount: "ago" (after), "منذ" (before). */
    before: string[];
    after: string[];
    /** Unit words; a number value is the count the word implies by itself ("ساعتين" = 2). */
    units: Record<TimeUnit, Record<string, number | null>>;
    /** Number words ("an" → 1, "two" → 2). */
    numbers: Record<string, number>;
    /** Whole phrases meaning "just now". */
    now: string[];
    /** Whole phrases meaning one day ago. */
    yesterday: string[];
  };
  /** Month names and abbreviations, January first. */
  months: string[][];
}
