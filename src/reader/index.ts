// The reader view: loaded into the page only when the reader asks for it (it carries
// Readability and DOMPurify, which the always-on content script must not).
import { readerSlot } from "../shared/reader-api";
import { ReaderView } from "./view";

readerSlot.tidyreadReader ??= new ReaderView(document);
