import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { id } from "./id";
import { ja } from "./ja";
import { ko } from "./ko";
import { pt } from "./pt";
import { ro } from "./ro";
import { ru } from "./ru";
import type { LanguageWords } from "../shared/language-words";
import { zh } from "./zh";
import { escapeRegExp } from "../shared/regexp";

export type { LanguageWords, TimeUnit } from "../shared/language-words";
export { creditPatterns, type CreditPatterns } from "./credit";

/** Every language Tidyread reads, by code. English is the fallback. */
export const LANGUAGES: Record<string, LanguageWords> = { ar, de, en, es, fr, id, ja, ko, pt, ro, ru, zh };

/** Old codes pages still use: "in" for Indonesian, "mo" (Moldovan) for Romanian. */
const ALIASES: Record<string, string> = { in: "id", mo: "ro" };

/** The words for a BCP 47 tag such as "en-GB", "zh-Hant-TW"; English when the language is unknown. */
function wordsFor(tag: string | null | undefined): LanguageWords {
  const code = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LANGUAGES[ALIASES[code] ?? code] ?? en;
}

const patternCaches = new Map<string, Map<string, RegExp[]>>();

/**
 * The languages' wordings of one kind ("{}" standing for a name of up to `gap` characters) as
 * patterns over a short text (whitespace squashed, any case, trailing marks allowed), once per list
 * of languages.
 */
function wordingPatterns(kind: "outletLists" | "promos", languages: LanguageWords[], gap: number): RegExp[] {
  const cache = patternCaches.get(kind) ?? new Map<string, RegExp[]>();
  patternCaches.set(kind, cache);
  const key = languages.map((l) => l.lang).join();
  let patterns = cache.get(key);
  if (!patterns) {
    patterns = [...new Set(languages.flatMap((l) => l[kind] ?? []))].map(
      (p) => new RegExp(`^${p.split("{}").map(escapeRegExp).join(`(.{2,${gap}}?)`)}[\\s.…:!·•|>»›-]*$`, "iu"),
    );
    cache.set(key, patterns);
  }
  return patterns;
}

/**
 * The languages' "More from {}" headings as patterns over a heading's text; the outlet's name is
 * the first group.
 */
export const outletListPatterns = (languages: LanguageWords[]): RegExp[] => wordingPatterns("outletLists", languages, 50);

/**
 * The languages' promo wordings (see LanguageWords.promos). The name may be long ("Sign up for
 * Breaking News by AOL to get … your inbox"), and a wording may name two things ("{}尽在{}app").
 */
export const promoPatterns = (languages: LanguageWords[]): RegExp[] => wordingPatterns("promos", languages, 120);

/** Scripts that name their language well enough for a page that does not say its own. */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, "ko"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Han}/u, "zh"],
  [/\p{Script=Arabic}/u, "ar"],
  [/\p{Script=Cyrillic}/u, "ru"],
];

/**
 * The page's language: its `lang`, its Content-Language (or `<meta name="language">`), or else a guess from the script of its
 * title (many Chinese and Korean pages declare none). Null when nothing says.
 */
export function pageLanguage(doc: Document): string | null {
  const meta = doc.querySelector('meta[http-equiv="content-language" i], meta[name="language" i]')?.getAttribute("content")?.trim();
  const lang = doc.documentElement?.lang;
  // A template's `lang="en"` left beside a page's own language (`<meta name="language" content="ro">`):
  // the one not English is the one someone chose.
  if (lang && meta && /^en\b/i.test(lang) && !/^en\b/i.test(meta) && wordsFor(meta) !== en) return meta;
  const declared = lang || meta;
  if (declared) return declared;
  const title = doc.title ?? "";
  return SCRIPTS.find(([script]) => script.test(title))?.[1] ?? null;
}

/** The page's language first, then English, whose wording many pages use for their chrome. */
export function languagesFor(tag: string | null | undefined): LanguageWords[] {
  const words = wordsFor(tag);
  return words === en ? [en] : [words, en];
}
