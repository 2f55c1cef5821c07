import browser from "webextension-polyfill";
import type { Runtime } from "webextension-polyfill";
import type { ToBackground } from "../shared/messages";
import { readerSlot, type ReaderApi, type ReaderHooks } from "./article/slot";
import type { PageUi } from "./ui-host";

/**
 * The reader view for one page run: an extension page in a frame over the window (see
 * article/reader-frame.ts). Its code, with the extraction's libraries, is injected on first use
 * (background "reader:load"); this part, always loaded, only hands it the page run.
 */
export class Reader implements ReaderHooks {
  private view: ReaderApi | null = null;

  constructor(
    readonly ui: () => PageUi,
    readonly doc: Document,
    readonly signal: AbortSignal,
    /** Opened or closed; on closing, `focusRestored` says whether focus went back to the page's element. */
    readonly onChange: (reading: boolean, focusRestored: boolean) => void,
  ) {}

  isOpen(): boolean {
    return this.view?.isOpen() ?? false;
  }

  /** Takes the port of this run's reader frame (and no other). */
  accept(port: Runtime.Port): boolean {
    return this.view?.accept(port) ?? false;
  }

  /** Opens or closes the view; false when no article could be found, null when it closed. */
  async toggle(): Promise<boolean | null> {
    if (!readerSlot.tidyreadReader) {
      const message: ToBackground = { type: "reader:load" };
      await browser.runtime.sendMessage(message).catch(() => undefined);
    }
    this.view ??= readerSlot.tidyreadReader?.(this) ?? null;
    return this.view?.toggle() ?? false;
  }
}
