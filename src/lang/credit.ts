import type { LanguageWords } from "../shared/language-words";
import { escapeRegExp } from "../shared/regexp";

/** The two readings of a short line near a story's title: who it is credited to, and whether it names a person. */
export interface CreditPatterns {
  /** A credit line, "Source: Reuters", "2019-09-07 09:59:22 来源: 新京报": group 1 is the outlet. */
  credit: RegExp;
  /** A byline: "By Jane Doe", "文/张三", "澎湃新闻记者 贺梨萍", "이용민 기자". */
  byline: RegExp;
}

const alternation = (words: Iterable<string>): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

/**
 * Words of spaced scripts end at a non-letter ("by" is not "Byron"); Han and kana run into the
 * name ("记者张三"), and a word ending in punctuation ("文/") has its own end. (`\b` knows ASCII
 * letters only: "بقلم" never matched it.)
 */
const wordEnd = (word: string): string => (/[\p{L}\p{N}]$/u.test(word) && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(word) ? "(?![\\p{L}\\p{N}])" : "");

const cache = new Map<string, CreditPatterns>();

/**
 * The credit and byline patterns for a page's languages (cached per list). A credit line may
 * begin with its date ("2019-09-07 09:59:22 来源: 新京报"); its words are followed by a colon
 * or a space ("via AP", "来源：新京报"), never run into the name ("viable").
 */
export function creditPatterns(languages: LanguageWords[]): CreditPatterns {
  const key = languages.map((l) => l.lang).join();
  const cached = cache.get(key);
  if (cached) return cached;
  const credit = alternation(languages.flatMap((l) => l.credit));
  const starts = [...new Set(languages.flatMap((l) => l.byline))].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w) + wordEnd(w));
  const after = alternation(languages.flatMap((l) => l.bylineAfter ?? []));
  const patterns: CreditPatterns = {
    credit: new RegExp(`^(?:[\\d:./年月日号\\-]+\\s+)*(?:${credit})(?:\\s*[:：]\\s*|\\s+)(.{2,50})$`, "iu"),
    // A role word after the outlet or the name ("新京报记者 张三", "홍길동 기자") ends a word, not a name.
    byline: new RegExp(`^(?:${starts.join("|")})${after ? `|(?:${after})(?:\\s|$)` : ""}`, "iu"),
  };
  cache.set(key, patterns);
  return patterns;
}
