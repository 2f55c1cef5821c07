import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import type { LanguageWords } from "./types";

export type { LanguageWords, TimeUnit } from "./types";

/** Every language Tidyread reads, by code. English is the fallback. */
export const LANGUAGES: Record<string, LanguageWords> = { ar, de, en, es, fr };

/** The words for a BCP 47 tag such as "en-GB"; English when the language is unknown. */
function wordsFor(tag: string | null | undefined): LanguageWords {
  const code = (tag ?? "").toLowerCase().split("-")[0] ?? "";
  return LANGUAGES[code] ?? en;
}

/** The page's language first, then English, whose wording many pages use for their chrome. */
export function languagesFor(tag: string | null | undefined): LanguageWords[] {
  const words = wordsFor(tag);
  return words === en ? [en] : [words, en];
}
