import type { Category } from "./types";

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
  /**
   * Headings of a list of one outlet's stories, "{}" standing for the outlet: "More from {}"
   * ("More from CNN" gives every card the outlet CNN), "{} 헤드라인". Such a heading introduces a
   * related list.
   */
  outletLists?: string[];
  /**
   * Words that make a name an organisation's, never a person's: "Fox Nation", "Associated Press",
   * "The Grayzone", "南方都市报", "参考消息". Whole words in spaced scripts; in Han, kana and Hangul
   * the name ends with one; a word with a trailing space ("the ") only as the name's first. A name by
   * the story's time is its outlet's only when it is one of these.
   */
  outletWords?: string[];
  /**
   * A platform's notice that it only hosts what its accounts post ("搜狐号系信息发布平台，搜狐仅提供信息存储空间服务"):
   * phrases found inside such a line. A publisher says no such thing of its own stories.
   */
  platformNotice?: string[];
  /**
   * Opening words of a comment section's notes, its disclaimer or its rules: "reader comments do not
   * necessarily reflect", "网友评论仅供其表达个人看法". An element whose whole text starts with one
   * (a site's name may follow) is a comments label and its own evidence.
   */
  commentNotes?: string[];
  /**
   * The site's own channels named in a promo, "{}" standing for a name: "subscribe to {}",
   * "{}公众号", "{}で読む". A heading saying one is an app-banner label (proved by an e-mail box,
   * a follow link, a store link); a link or button saying one is the promo itself.
   */
  promos?: string[];
  /** Alt texts of store badges ("app-store", "Google Play"), and of app QR codes ("二维码"). */
  storeBadges: string[];
  /**
   * Words that introduce the outlet a story is credited to, before the name: "Source: Reuters",
   * "via AP", "来源：新京报". Matched at the start of a short line, a colon optional.
   */
  credit: string[];
  /**
   * Words that introduce a person, not an outlet: "By Jane Doe", "文/张三", "记者 李四", "홍길동 기자"
   * (Korean and Chinese put 기자/记者 after the name too: see `bylineAfter`).
   */
  byline: string[];
  /** Byline words written after the person's name ("홍길동 기자"), where the language does that. */
  bylineAfter?: string[];
  /**
   * A page's furniture around a credit, never an outlet: "Updated", "Published", "Report" ("举报"),
   * "Original" ("原创"), "Posted in" ("发布于"). Stripped from the ends of a credited name.
   */
  furniture?: string[];
  /** Clock words: between a date and its time ("at", "à"), and the two halves of a 12-hour day. */
  clock: {
    at: string[];
    /** "am", "午前", "오전": written before or after the time. */
    am: string[];
    pm: string[];
  };
  relativeTime: {
    /**
     * Words before or after the amount: "ago" (after), "منذ" (before). A language may have both
     * ("há 2 horas", "2 horas atrás"). After-words may follow the unit without a space ("3小时前").
     */
    before: string[];
    after: string[];
    /** Unit words; a number value is the count the word implies by itself ("ساعتين" = 2). */
    units: Record<TimeUnit, Record<string, number | null>>;
    /** Number words ("an" → 1, "two" → 2, "半" → 0.5). */
    numbers: Record<string, number>;
    /** Whole phrases meaning "just now". */
    now: string[];
    /** Whole phrases meaning one day ago. */
    yesterday: string[];
  };
  /** Weekday names and abbreviations: a date's start moves back over one ("Sat, May 17, 2025"), or it would read as a source. */
  weekdays?: string[];
  /** Month names and abbreviations, January first. */
  months: string[][];
}
