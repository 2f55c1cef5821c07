import type { Category, Detection } from "./types";

/** What a tab reports about itself. */
export interface PageState {
  detection: Detection;
  enabled: boolean;
  panelOpen: boolean;
  hidden: Record<Category, number>;
  teasers: number;
}

/** Messages from the background (or an extension page) to a tab's content script. */
export type ToContent =
  | { type: "panel:toggle" }
  /** The reader asked to tidy a page no site profile knows (toolbar button). */
  | { type: "page:clean" }
  | { type: "page:set-enabled"; enabled: boolean }
  | { type: "page:get-state" };

/**
 * Messages to the background, each from one kind of sender (src/background/senders.ts): the
 * content script in a tab's top frame, or one of Tidyread's own pages.
 */
export type ToBackground =
  | { type: "page:state"; state: PageState }
  /** Inject the reader view's extraction into the sender's frame (it is not part of the content script). */
  | { type: "reader:load" }
  /**
   * Search for a story's title at its source outlet with the reader's default search engine. From
   * Tidyread's own pages only (the panel's frame), and at most one search tab per tab per 2 s,
   * 5 a minute; answered with a SearchAnswer.
   */
  | { type: "search:original"; title: string; source: string | null };

const CONTENT_TYPES = new Set<string>(["panel:toggle", "page:clean", "page:set-enabled", "page:get-state"]);

/** Narrows an unknown message; anything else is ignored. */
export function isToContent(m: unknown): m is ToContent {
  if (typeof m !== "object" || m === null) return false;
  const { type, enabled } = m as { type?: unknown; enabled?: unknown };
  if (typeof type !== "string" || !CONTENT_TYPES.has(type)) return false;
  return type !== "page:set-enabled" || typeof enabled === "boolean";
}

/** The longest strings a message may carry: a title, an outlet's name. Longer ones are cut on arrival. */
export const MESSAGE_LIMITS = { title: 300, source: 100 } as const;

/**
 * Reads a message to the background: null for anything else, strings cut to MESSAGE_LIMITS.
 * It returns a copy: nothing the sender keeps a handle on is read twice.
 */
export function readToBackground(m: unknown): ToBackground | null {
  if (typeof m !== "object" || m === null) return null;
  const { type, state, title, source } = m as { type?: unknown; state?: unknown; title?: unknown; source?: unknown };
  switch (type) {
    case "page:state":
      return typeof state === "object" && state !== null ? { type, state: state as PageState } : null;
    case "reader:load":
      return { type };
    case "search:original":
      if (typeof title !== "string" || (source !== null && typeof source !== "string")) return null;
      return { type, title: title.slice(0, MESSAGE_LIMITS.title), source: source === null ? null : source.slice(0, MESSAGE_LIMITS.source) };
    default:
      return null;
  }
}

/** The background's answer to "search:original": a search tab opened, or the request dropped. */
export type SearchAnswer = { ok: true } | { ok: false; reason: "limit" };
