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

/** Messages from a content script to the background. */
export type ToBackground =
  | { type: "page:state"; state: PageState }
  /** Inject the reader view's script into the sender's frame (it is not part of the content script). */
  | { type: "reader:load" }
  /** Search for a story's title at its source outlet with the reader's default search engine. */
  | { type: "search:original"; title: string; source: string | null };

const CONTENT_TYPES = new Set<string>(["panel:toggle", "page:clean", "page:set-enabled", "page:get-state"]);

/** Narrows an unknown message; anything else is ignored. */
export function isToContent(m: unknown): m is ToContent {
  if (typeof m !== "object" || m === null) return false;
  const { type, enabled } = m as { type?: unknown; enabled?: unknown };
  if (typeof type !== "string" || !CONTENT_TYPES.has(type)) return false;
  return type !== "page:set-enabled" || typeof enabled === "boolean";
}

export function isToBackground(m: unknown): m is ToBackground {
  if (typeof m !== "object" || m === null) return false;
  const { type, state, title, source } = m as { type?: unknown; state?: unknown; title?: unknown; source?: unknown };
  switch (type) {
    case "page:state":
      return typeof state === "object" && state !== null;
    case "reader:load":
      return true;
    case "search:original":
      return typeof title === "string" && (source === null || typeof source === "string");
    default:
      return false;
  }
}
