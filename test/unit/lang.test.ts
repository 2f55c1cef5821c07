import { describe, expect, it } from "vitest";
import { normalizeLabel } from "../../src/content/text";
import { creditPatterns, LANGUAGES, languagesFor, pageLanguage, promoPatterns } from "../../src/lang";

const all = Object.values(LANGUAGES);

describe("language files", () => {
  it.each(all.map((w) => [w.lang, w] as const))("%s: phrases are lower case and match their own label form", (_, words) => {
    const phrases = [...Object.values(words.labels), ...Object.values(words.evidence), words.commentNotes ?? []].flat();
    // markers compares normalizeLabel(page text) with normalizeLabel(phrase): a phrase that loses
    // characters under it (a count, trailing punctuation) would match something other than it says.
    // (Arabic alef folding keeps the length.)
    expect(phrases.filter((p) => p !== p.toLowerCase() || normalizeLabel(p).length !== p.length)).toEqual([]);
    expect(words.labels.sponsored?.length ?? 0).toBeGreaterThan(0);
    expect(words.credit.length).toBeGreaterThan(0);
    expect(words.months).toHaveLength(12);
    expect(words.commentNotes?.length ?? 0).toBeGreaterThan(0);
  });

  it.each([
    ["ar", "الأكثر قراءة"],
    ["de", "meistgelesen"],
    ["en", "most read"],
    ["es", "lo más leído"],
    ["fr", "les plus lus"],
    ["id", "terpopuler"],
    ["ja", "アクセスランキング"],
    ["ko", "많이 본 뉴스"],
    ["pt", "mais lidas"],
    ["ro", "cele mai citite"],
    ["ru", "самое читаемое"],
    ["zh", "阅读排行榜"],
  ])("%s: a ranking ('%s') heads a list of other stories, a related one", (lang, phrase) => {
    expect(LANGUAGES[lang]?.labels.related).toContain(phrase);
  });

  it.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["zh-Hant", "zh"],
    ["zh_Hant_HK", "zh"],
    ["ja-JP", "ja"],
    ["ko", "ko"],
    ["pt-BR", "pt"],
    ["ro-MD", "ro"],
    ["in", "id"],
    ["ru", "ru"],
    ["xx", "en"],
  ])("%s reads %s (then English)", (tag, code) => {
    const langs = languagesFor(tag).map((w) => w.lang);
    expect(langs[0]).toBe(code);
    expect(langs.at(-1)).toBe("en");
  });
});

describe("normalizeLabel: counts as CJK pages write them", () => {
  it.each([
    ["评论(15)", "评论"],
    ["我要评论( 0 )", "我要评论"],
    ["0 条评论", "条评论"],
    ["4,060 条评论", "条评论"],
    ["6条评论", "条评论"],
    ["跟贴31", "跟贴"],
    ["댓글 12", "댓글"],
    ["【関連記事】", "【関連記事】"],
    ["※コメントは個人の見解であり、記事提供社と関係はありません。", "※コメントは個人の見解であり、記事提供社と関係はありません"],
    ["Comments (1,204)", "comments"],
    // Latin words keep their numbers: a count is run into CJK words only.
    ["Top 10", "top 10"],
    ["Formula1", "formula1"],
  ])("%s → %s", (text, label) => {
    expect(normalizeLabel(text)).toBe(label);
  });
});

describe("creditPatterns", () => {
  const { credit, byline } = creditPatterns(all);

  it.each([
    ["Source: Reuters", "Reuters"],
    ["via AP", "AP"],
    ["Originally published by The Conversation", "The Conversation"],
    ["来源：澎湃新闻网", "澎湃新闻网"],
    ["2019-09-07 09:59:22 来源: 新京报", "新京报"],
    ["2019年11月25日 16:04:30 来源：澎湃新闻网", "澎湃新闻网"],
    ["來源：中央社", "中央社"],
    ["出典：ITmedia", "ITmedia"],
    ["출처: 연합뉴스", "연합뉴스"],
    ["Fonte: Reuters", "Reuters"],
    ["Sursa: Unica.md", "Unica.md"],
    ["المصدر: رويترز", "رويترز"],
    ["Quelle: dpa", "dpa"],
  ])("%s credits %s", (line, outlet) => {
    expect(credit.exec(line)?.[1]).toBe(outlet);
  });

  it("needs a colon or a space after the word, and the word at the start", () => {
    for (const line of ["viable options for all", "Fontes", "Photo via Getty", "新闻来源：新京报"]) {
      expect(credit.exec(line)?.[1], line).toBeUndefined();
    }
  });

  it.each(["By Jane Doe", "By: Jared T. Miller", "Story by Ann Lee", "بقلم محمد علي", "文/张三", "记者 李四", "澎湃新闻记者 贺梨萍", "이용민 기자", "Par Elsa Provenzano", "Von Max Muster", "Oleh Andi"])(
    "%s is a byline",
    (line) => {
      expect(byline.test(line)).toBe(true);
    },
  );

  it.each(["Byron Bay News", "Associated Press", "Reuters", "De Telegraaf", "Parool", "新京报", "뉴스타파", "Vonage"])("%s is not a byline", (name) => {
    expect(byline.test(name)).toBe(false);
  });

  it("is built once per list of languages", () => {
    expect(creditPatterns(all)).toBe(creditPatterns(all));
    expect(creditPatterns(languagesFor("zh"))).toBe(creditPatterns(languagesFor("zh-TW")));
    expect(creditPatterns(languagesFor("zh")).credit.test("来源：新京报")).toBe(true);
    expect(creditPatterns(languagesFor("en")).credit.test("来源：新京报")).toBe(false);
  });
});

describe("pageLanguage", () => {
  const doc = (html: string): Document => new DOMParser().parseFromString(html, "text/html");
  it("takes a page's own language over a template's lang=\"en\" beside it", () => {
    expect(pageLanguage(doc('<html lang="en"><head><meta name="language" content="ro"></head></html>'))).toBe("ro");
    expect(pageLanguage(doc('<html lang="fr"><head><meta name="language" content="ro"></head></html>'))).toBe("fr");
    expect(pageLanguage(doc('<html lang="en"><head><meta name="language" content="English"></head></html>'))).toBe("en");
    expect(pageLanguage(doc('<html><head><meta name="language" content="ro"></head></html>'))).toBe("ro");
  });
});

describe("promoPatterns: the site's own channels named in a promo", () => {
  const says = (lang: string, line: string): boolean => promoPatterns(languagesFor(lang)).some((p) => p.test(line));

  it.each([
    ["en", "SUBSCRIBE TO & FOLLOW POLITICS"],
    ["en", "Sign up for Breaking News by AOL to get the latest breaking news alerts and updates delivered straight to your inbox."],
    ["en", "Get the Digg New Tab Extension"],
    ["zh", "新浪新闻公众号"],
    ["zh", "投资热点尽在新浪财经APP>"],
    ["zh", "澎湃新闻APP下载"],
    ["ja", "SmartNewsで読む"],
    ["ko", "네이버에서 뉴스타파 구독하기"],
    ["pt", "Assine a newsletter UOL"],
  ])("%s: “%s” is a promo", (lang, line) => {
    expect(says(lang, line)).toBe(true);
  });

  it.each([
    ["en", "Follow the money"],
    ["en", "Newsletter"],
    ["en", "He asked readers to sign up"],
    ["zh", "关注民生"],
    ["ja", "続きを読む"],
    ["ko", "구독"],
  ])("%s: “%s” is not", (lang, line) => {
    expect(says(lang, line)).toBe(false);
  });

  it("is built once per list of languages", () => {
    expect(promoPatterns(languagesFor("zh"))).toBe(promoPatterns(languagesFor("zh-CN")));
  });
});
