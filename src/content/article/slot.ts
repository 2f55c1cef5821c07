import type { Runtime } from "webextension-polyfill";
import type { PageUi } from "../ui-host";

/** What a page run gives its reader view. */
export interface ReaderHooks {
  ui: () => PageUi;
  doc: Document;
  /** The page run's end: the view closes with it. */
  signal: AbortSignal;
  /** Opened or closed; on closing, `focusRestored` says whether focus went back to the page's element. */
  onChange: (reading: boolean, focusRestored: boolean) => void;
}

/** The reader view of one page run, as the content script drives it. */
export interface ReaderApi {
  isOpen(): boolean;
  accept(port: Runtime.Port): boolean;
  /** Opens or closes the view; false when no article could be found, null when it closed. */
  toggle(): boolean | null;
}

/**
 * The reader view's script (./index.ts: extraction with Readability and DOMPurify, and the
 * frame) is injected on first use into the content script's isolated world, which the page
 * cannot see; it leaves its factory here for the content script (../reader.ts).
 */
export const readerSlot = globalThis as { tidyreadReader?: (hooks: ReaderHooks) => ReaderApi };
