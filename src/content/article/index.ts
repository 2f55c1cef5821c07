// The reader view's own script: injected by the background only when the reader first asks for
// the view, because it carries Readability and DOMPurify, which the always-on content script must not.
import { ReaderFrame } from "./reader-frame";
import { readerSlot } from "./slot";

readerSlot.tidyreadReader ??= (hooks) => new ReaderFrame(hooks);
