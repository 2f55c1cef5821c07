// What the content script and Tidyread's frames in the page (the panel, the reader view) say to
// each other. They talk over a runtime port relayed by the background (src/background/frames.ts):
// never through the page's DOM, window.postMessage or attributes the page can read. Messages
// carry data (text, numbers, http(s) links), never markup.
import { isArticleData, type ArticleData } from "./article";
import { CATEGORIES, type Category, type PageKind, type Teaser } from "./types";

/** A frame's port is named after the one-time token the content script put in its address. */
export const FRAME_PORT_PREFIX = "tidyread-frame:";

/** The frames: each is an extension page listed in the manifest's web_accessible_resources. */
export const FRAME_PAGES = {
  panel: "src/panel/panel.html",
  reader: "src/reader/reader.html",
} as const;
export type FrameKind = keyof typeof FRAME_PAGES;

/** A teaser as the panel gets it: cut to size, and whether the reader saw it on the last visit. */
export interface PanelTeaser extends Teaser {
  isNew: boolean;
}

/** What Tidyread did on the page, for the panel to explain. */
export interface PanelReport {
  kind: Exclude<PageKind, "none">;
  signals: string[];
  counts: Record<Category, number>;
  /** Categories the reader chose to see on this page. */
  shown: Category[];
}

/** The block picker's progress, for the panel to say and offer choices. */
export type PickerState =
  | { stage: "off" }
  | { stage: "pointing" }
  | { stage: "walking"; block: string }
  | { stage: "chosen"; block: string; canWiden: boolean }
  /** The block holds words of the story: it cannot be hidden. */
  | { stage: "refused"; block: string; canWiden: boolean };

/** Everything the panel shows; sent whole whenever it changes (and on every new connection). */
export interface PanelView {
  /** The page's host: the site "Turn off on this site" means. */
  host: string;
  /** The page's language: teaser times are written in it. */
  lang: string;
  /** Null until the page's teasers are read (at idle, or when the panel opens). */
  teasers: PanelTeaser[] | null;
  hiddenBlocks: number;
  report: PanelReport;
  /** The story's title and credited outlet, for "Find this story's original". */
  article: { title: string; source: string | null } | null;
  reading: boolean;
  picker: PickerState;
  /** A short message for the status area (a saved rule, no article for the reader view), or "". */
  message: string;
}

/** Content script → panel frame. `search`: the page did not cover the panel when the reader asked; go ahead. */
export type ToPanel = { type: "view"; view: PanelView } | { type: "focus" } | { type: "search"; title: string; source: string | null };

/** Panel frame → content script. */
export type FromPanel =
  | { type: "close" }
  | { type: "reader" }
  | { type: "restore" }
  | { type: "site-off" }
  /** "Find the original": the content script checks that nothing of the page's covers the panel first. */
  | { type: "find"; title: string; source: string | null }
  | { type: "category"; category: Category; hidden: boolean }
  | { type: "pick"; action: "start" | "cancel" | "wider" | "choose-key" }
  /** While picking, arrow keys and Enter pressed in the panel walk the page's blocks. */
  | { type: "pick-key"; key: "ArrowDown" | "ArrowUp" | "Enter"; shift: boolean }
  | { type: "pick-category"; category: Category };

const isRecord = (m: unknown): m is Record<string, unknown> => typeof m === "object" && m !== null;
const isCategory = (c: unknown): c is Category => CATEGORIES.some((k) => k === c);
const isSearch = (m: Record<string, unknown>): boolean => typeof m["title"] === "string" && (m["source"] === null || typeof m["source"] === "string");

/** Narrows what arrives on the panel's port (from Tidyread only, but checked all the same). */
export function isFromPanel(m: unknown): m is FromPanel {
  if (!isRecord(m)) return false;
  switch (m["type"]) {
    case "close":
    case "reader":
    case "restore":
    case "site-off":
      return true;
    case "find":
      return isSearch(m);
    case "category":
      return isCategory(m["category"]) && typeof m["hidden"] === "boolean";
    case "pick":
      return ["start", "cancel", "wider", "choose-key"].includes(String(m["action"]));
    case "pick-key":
      return ["ArrowDown", "ArrowUp", "Enter"].includes(String(m["key"])) && typeof m["shift"] === "boolean";
    case "pick-category":
      return isCategory(m["category"]);
    default:
      return false;
  }
}

export function isToPanel(m: unknown): m is ToPanel {
  return isRecord(m) && ((m["type"] === "view" && isRecord(m["view"])) || m["type"] === "focus" || (m["type"] === "search" && isSearch(m)));
}

/**
 * Content script → reader frame: the article as data (null: none found), and "move focus to the
 * article's heading" when the view opens.
 */
export type ToReader = { type: "article"; article: ArticleData | null } | { type: "focus" };
export function isToReader(m: unknown): m is ToReader {
  return isRecord(m) && ((m["type"] === "article" && (m["article"] === null || isArticleData(m["article"]))) || m["type"] === "focus");
}

/** Reader frame → content script: it asks for the article, and says when the reader leaves. */
export type FromReader = { type: "article?" } | { type: "close" };
export function isFromReader(m: unknown): m is FromReader {
  return isRecord(m) && (m["type"] === "article?" || m["type"] === "close");
}
