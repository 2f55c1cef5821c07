import browser from "webextension-polyfill";
import type { Runtime } from "webextension-polyfill";
import type { ToBackground } from "../shared/messages";
import { readerSlot } from "../shared/reader-api";
import type { ReaderPrefs } from "../shared/settings";
import { saveSettings } from "../shared/settings";
import type { PageUi } from "./ui-host";

/** The reader view for one page run: its script is injected on first use (it is not part of this one). */
export class Reader {
  constructor(
    private readonly ui: () => PageUi,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly onChange: (reading: boolean) => void,
  ) {
    signal.addEventListener("abort", () => readerSlot.tidyreadReader?.close(), { once: true });
  }

  isOpen(): boolean {
    return readerSlot.tidyreadReader?.isOpen() ?? false;
  }

  accept(_port: Runtime.Port): boolean {
    return false;
  }

  /** Opens or closes the view; false when no article could be found, null when it closed. */
  async toggle(prefs: ReaderPrefs): Promise<boolean | null> {
    if (!readerSlot.tidyreadReader) {
      const message: ToBackground = { type: "reader:load" };
      await browser.runtime.sendMessage(message).catch(() => undefined);
    }
    const reader = readerSlot.tidyreadReader;
    if (!reader) return false;
    if (reader.isOpen()) {
      reader.close();
      return null;
    }
    const opened = reader.open({
      prefs,
      onPrefs: (next) => void saveSettings({ reader: next }),
      onClose: () => this.onChange(false),
    });
    return opened;
  }
}
