import type { ReaderPrefs } from "./settings";

/**
 * The reader view is its own script, injected only when the reader asks for it; it shares the
 * content script's isolated world and hands over this API on a global of that world.
 */
export interface ReaderApi {
  /** Opens the view; false when no article could be found on the page. */
  open(options: ReaderOpenOptions): boolean;
  close(): void;
  isOpen(): boolean;
}

export interface ReaderOpenOptions {
  prefs: ReaderPrefs;
  /** The reader changed size, width or colours: to be remembered. */
  onPrefs(prefs: ReaderPrefs): void;
  /** The view closed (its button or Escape); the page is as it was. */
  onClose(): void;
}

export const readerSlot = globalThis as { tidyreadReader?: ReaderApi };
