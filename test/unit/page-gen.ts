// Generated aggregator pages for the property tests: a marked article (title, source and time,
// body paragraphs) with Daily8-like boilerplate blocks dropped in around it at random places,
// in random nesting, with random text in several scripts and directions.
//
// Test-only annotations (Tidyread never reads data-* attributes of the page):
//   data-gen="article"        the article's title, credit line, paragraphs: none of their text may be hidden
//   data-gen-block="<cat>"    a block (its wrapper, or in a flat layout every sibling of it)
//   data-gen-card="<href>"    a teaser card, with data-gen-title, -source, -time: what the panel lists
//
// All generated text is letters and spaces (no digits, no markup characters), so a random
// sentence is never a time stamp, a count or a tag; boilerplate wording comes from fixed lists.
import fc from "fast-check";
import type { Category } from "../../src/shared/types";
import { LANGUAGES } from "../../src/lang";

export type Lang = "en" | "ar";
type Script = "latin" | "arabic" | "hebrew" | "cjk";
type Dir = "" | "ltr" | "rtl" | "auto";

const RANGES: Record<Script, [number, number][]> = {
  latin: [
    [0x61, 0x7a],
    [0xe0, 0xf6],
  ],
  // Arabic letters without tatweel (U+0640) or diacritics.
  arabic: [
    [0x0621, 0x063a],
    [0x0641, 0x064a],
  ],
  hebrew: [[0x05d0, 0x05ea]],
  cjk: [
    [0x4e00, 0x4fff],
    [0x3041, 0x3096],
  ],
};
const SCRIPTS = Object.keys(RANGES) as Script[];

const char = (s: Script): fc.Arbitrary<string> =>
  fc.oneof(...RANGES[s].map(([min, max]) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c))));
/** Every label and evidence phrase of every language: random filler never says one by chance (a commenter named "ad" is the sponsored label "Ad"). */
const PHRASES = new Set(Object.values(LANGUAGES).flatMap((l) => [...Object.values(l.labels), ...Object.values(l.evidence)].flat()));
const word = (s: Script): fc.Arbitrary<string> =>
  fc.string({ unit: char(s), minLength: 2, maxLength: 8 }).filter((w) => !PHRASES.has(w.toLowerCase()));
/** Words in one script, or in a mix of them (a Latin name in an Arabic sentence). */
const words = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .constantFrom<Script | "mixed">(...SCRIPTS, "mixed")
    .chain((s) => fc.array(s === "mixed" ? fc.constantFrom(...SCRIPTS).chain(word) : word(s), { minLength: min, maxLength: max }))
    .map((ws) => ws.join(" "));
const dir = fc.constantFrom<Dir>("", "", "", "rtl", "ltr", "auto");

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const attrs = (a: Record<string, string>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
const el = (tag: string, a: Record<string, string>, inner: string): string => `<${tag}${attrs(a)}>${inner}</${tag}>`;

/** The wording of each block, per language. Labels are the whole text of their element. */
const WORDS = {
  en: {
    comments: { labels: ["Comments", "Reader comments", "Discussion", "COMMENTS", "Comments (0)", "Join the conversation"], evidence: ["No comments yet...", "Be the first to comment", "No comments yet"] },
    "ai-promo": { labels: ["Try Our AI Features", "Try our AI features:"], body: ["Explore what Daily8 AI can do for you:", "Summaries, translations and answers"] },
    "app-banner": { labels: ["Download the app", "DOWNLOAD THE APP", "Get the app", "Download our app"], badges: ["App Store", "Google Play", "Get it on Google Play"] },
    related: { labels: ["Related Articles", "Related stories", "More for you", "You may also like", "Read next", "RELATED ARTICLES"] },
    sources: ["Russia Today", "Reuters", "Sky News", "Al Jazeera", "BBC News", "Newsweek"],
    times: ["3 hours ago", "an hour ago", "2 days ago", "5 minutes ago", "1 hour ago", "12 hours ago"],
    traps: ["No comments yet", "Try our AI features", "Related articles", "Download the app", "Comments", "Google Play"],
    subheadings: { comments: "Comments", "ai-promo": "AI features", "app-banner": "Download the app", related: "Related articles" },
  },
  ar: {
    comments: { labels: ["التعليقات", "تعليقات"], evidence: ["لا توجد تعليقات بعد", "كن أول من يعلق"] },
    "ai-promo": { labels: ["جرب ميزات الذكاء الاصطناعي"], body: ["اكتشف ما يمكن أن يفعله الذكاء الاصطناعي لك"] },
    "app-banner": { labels: ["حمل التطبيق", "تحميل التطبيق"], badges: ["App Store", "Google Play"] },
    related: { labels: ["مقالات ذات صلة", "اقرأ أيضا"] },
    sources: ["سكاي نيوز عربية", "رويترز", "الجزيرة", "روسيا اليوم"],
    times: ["منذ 3 ساعات", "منذ ساعتين", "منذ يومين", "منذ ٥ دقائق", "منذ ساعة"],
    traps: ["لا توجد تعليقات بعد", "التعليقات", "مقالات ذات صلة", "حمل التطبيق"],
    subheadings: { comments: "التعليقات", "ai-promo": "ميزات الذكاء الاصطناعي", "app-banner": "حمل التطبيق", related: "مقالات ذات صلة" },
  },
} as const;

export interface Block {
  category: Category;
  /** Laid out as siblings of the page's other content (a heading and what follows it), not wrapped. */
  flat: boolean;
  /** The block's elements in order (the flat run, or the wrapper's children). */
  parts: string[];
  wrapper: string;
  dir: Dir;
}

const labelTag = fc.constantFrom("h2", "h3", "h4", "div", "p", "strong");
const wrapperTag = fc.constantFrom("section", "div", "aside", "div");

/**
 * Invisible characters pages put around short texts: direction marks (LRM, RLM, the Arabic letter
 * mark), a no-break space, a zero-width space.
 */
const invisible = fc.constantFrom("", "", "", "", "\u200f", "\u200e", "\u061c", "\u00a0", "\u200b");
const marked = (text: string): fc.Arbitrary<string> => fc.tuple(invisible, invisible).map(([a, b]) => `${a}${text}${b}`);

/** A label, sometimes split over nodes or after an icon: `Related <b>Articles</b>`, `<img> Comments`. */
const label = (plain: string): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom("plain", "split", "icon", "span"), marked(plain)).map(([how, text]) => {
    const space = text.lastIndexOf(" ");
    if (how === "split" && space > 0) return `${esc(text.slice(0, space))} <b>${esc(text.slice(space + 1))}</b>`;
    if (how === "icon") return `<img src="data:," alt=""> ${esc(text)}`;
    if (how === "span") return `<span>${esc(text)}</span>`;
    return esc(text);
  });

const commentsBlock = (lang: Lang): fc.Arbitrary<string[]> => {
  const w = WORDS[lang].comments;
  return fc
    .record({
      tag: labelTag,
      label: fc.constantFrom(...w.labels).chain(label),
      // Evidence: "No comments yet", a comment form, or both.
      evidence: fc.constantFrom("text", "form", "both", "editable"),
      text: fc.constantFrom(...w.evidence).chain(marked),
      extra: fc.option(words(4, 12), { nil: null }),
      // Readers' comments: a name, a time, the comment.
      entries: fc.array(fc.record({ name: words(1, 2), time: fc.constantFrom(...WORDS[lang].times), text: words(3, 20) }), { maxLength: 3 }),
    })
    .map((r) => [
      `<${r.tag}>${r.label}</${r.tag}>`,
      ...(r.evidence === "text" || r.evidence === "both" ? [el("p", {}, esc(r.text))] : []),
      ...(r.evidence === "form" || r.evidence === "both"
        ? [`<form action="#"><textarea name="c" aria-label="${esc(w.labels[0])}"></textarea><button type="submit">Post</button></form>`]
        : []),
      ...(r.evidence === "editable" ? ['<div contenteditable="true"></div>'] : []),
      ...(r.extra ? [el("p", {}, esc(r.extra))] : []),
      ...r.entries.map((e) => el("div", {}, `${el("b", {}, esc(e.name))} ${el("span", {}, esc(e.time))}${el("p", {}, esc(e.text))}`)),
    ]);
};

const promoBlock = (lang: Lang, flat: boolean): fc.Arbitrary<string[]> => {
  const w = WORDS[lang]["ai-promo"];
  return fc
    .record({ tag: labelTag, label: fc.constantFrom(...w.labels).chain(label), body: fc.constantFrom(...w.body), image: fc.boolean(), list: fc.array(words(1, 3), { maxLength: 3 }) })
    .map((r) => [
      // An image before a flat layout's heading may as well be the end of what came before: only wrapped.
      ...(r.image && !flat ? ['<img src="data:," alt="Orange background">'] : []),
      `<${r.tag}>${r.label}</${r.tag}>`,
      el("p", {}, esc(r.body)),
      ...(r.list.length ? [el("ul", {}, r.list.map((t) => el("li", {}, esc(t))).join(""))] : []),
    ]);
};

const STORES = ["https://apps.apple.com/app/id000000", "https://play.google.com/store/apps/details?id=com.daily8"];

const bannerBlock = (lang: Lang, flat: boolean): fc.Arbitrary<string[]> => {
  const w = WORDS[lang]["app-banner"];
  const heading = fc.constantFrom(...w.labels).chain(label);
  return fc
    .record({
      tag: labelTag,
      // A banner with no heading is only generated wrapped: text then badges among the page's other
      // siblings have no start a reader could point to (the text may as well end the story).
      label: flat ? heading : fc.option(heading, { nil: null }),
      text: fc.option(words(4, 14), { nil: null }),
      // Badges are images (alt "app-store") or store names as the link's whole text.
      badges: fc.array(fc.record({ store: fc.constantFrom(...STORES), image: fc.boolean(), name: fc.constantFrom(...w.badges) }), { minLength: 1, maxLength: 2 }),
    })
    .map((r) => [
      ...(r.label ? [`<${r.tag}>${r.label}</${r.tag}>`] : []),
      ...(r.text ? [el("p", {}, esc(r.text))] : []),
      ...r.badges.map((b) =>
        el("a", { href: b.store }, b.image ? `<img src="data:," alt="${b.store.includes("apple") ? "app-store" : "play-store"}">` : esc(b.name)),
      ),
    ]);
};

/** A teaser card: title (heading or long link), source name and relative time, maybe a summary. */
const card = (lang: Lang): fc.Arbitrary<string> => {
  const w = WORDS[lang];
  return fc
    .record({
      // At least 12 characters: a card's title is a heading, or a link long enough to be one.
      title: words(3, 8).filter((t) => t.length >= 12),
      source: fc.constantFrom(...w.sources).chain(marked),
      // Relative times, or dates (with a machine-readable datetime or without).
      time: fc.oneof(
        fc.constantFrom(...w.times).chain(marked).map((text) => ({ text, datetime: "" })),
        fc.constantFrom(["16-05-2025", "2025-05-16"], ["2025-05-16", "2025-05-16"], ["May 3, 2025", "2025-05-03"]).map(([text = "", datetime = ""]) => ({ text, datetime })),
      ),
      layout: fc.constantFrom("heading-link", "link-heading", "link", "run-in"),
      tag: fc.constantFrom("div", "article"),
      thumb: fc.boolean(),
      summary: fc.option(words(10, 20), { nil: null }),
    })
    .map((c) => {
      // An address names one story: the same address never carries two titles (shrinking made ids collide).
      const href = `/${lang}/article/${[...c.title].reduce((h, ch) => (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0, 7)}`;
      const title =
        c.layout === "heading-link"
          ? `<h3>${el("a", { href }, esc(c.title))}</h3>`
          : c.layout === "link-heading"
            ? el("a", { href }, `<h4>${esc(c.title)}</h4>`)
            : el("a", { href }, esc(c.title));
      const time = c.time.datetime ? el("time", { datetime: c.time.datetime }, esc(c.time.text)) : esc(c.time.text);
      const meta =
        c.layout === "run-in" && !c.time.datetime
          ? el("div", {}, `${esc(c.source)} · ${time}`)
          : `${el("span", {}, esc(c.source))}${el("span", {}, time)}`;
      const thumb = c.thumb ? el("a", { href }, `<img src="data:," alt="${esc(c.title)}">`) : "";
      // What the panel must list for this card (the time only when the page gives it as relative).
      const expect = { "data-gen-card": href, "data-gen-title": c.title, "data-gen-source": c.source.replace(/[\u00a0\u061c\u200b-\u200f]/g, ""), "data-gen-time": c.time.datetime ? "" : c.time.text.replace(/[\u00a0\u061c\u200b-\u200f]/g, "") };
      return el(c.tag, expect, `${thumb}${title}${meta}${c.summary ? el("p", {}, esc(c.summary)) : ""}`);
    });
};

const relatedBlock = (lang: Lang, flat: boolean): fc.Arbitrary<string[]> => {
  const w = WORDS[lang].related;
  return fc
    .record({ tag: labelTag, label: fc.constantFrom(...w.labels).chain(label), cards: fc.array(card(lang), { minLength: 1, maxLength: 4 }), list: fc.boolean() })
    .map((r) => [
      `<${r.tag}>${r.label}</${r.tag}>`,
      // A flat layout has the cards as siblings of its heading; a wrapped block may hold them in a list.
      ...(r.list && !flat ? [el("div", {}, r.cards.join(""))] : r.cards),
    ]);
};

const block = (pageLang: Lang): fc.Arbitrary<Block> =>
  fc
    .record({
      category: fc.constantFrom("comments", "ai-promo", "app-banner", "related" as const),
      // Arabic pages often keep English wording for the site's chrome.
      lang: pageLang === "ar" ? fc.constantFrom<Lang>("ar", "ar", "en") : fc.constant<Lang>("en"),
      flat: fc.boolean(),
      wrapper: wrapperTag,
      dir,
    })
    .chain((b) => {
      const parts =
        b.category === "comments"
          ? commentsBlock(b.lang)
          : b.category === "ai-promo"
            ? promoBlock(b.lang, b.flat)
            : b.category === "app-banner"
              ? bannerBlock(b.lang, b.flat)
              : relatedBlock(b.lang, b.flat);
      return parts.map((p) => ({ category: b.category, flat: b.flat, parts: p, wrapper: b.wrapper, dir: b.dir }));
    });

/** A paragraph of the story; a boilerplate phrase may sit inside its running text. */
const paragraph = (lang: Lang): fc.Arbitrary<string> =>
  fc
    .record({
      // Never empty before a trap: a paragraph that is *only* a boilerplate phrase is a boilerplate
      // block, not a paragraph of a story (ambiguous, so not generated).
      before: words(2, 30),
      trap: fc.option(
        fc.record({ text: fc.constantFrom(...WORDS[lang].traps, ...WORDS.en.traps), tag: fc.constantFrom("b", "em", "q", "a", "span") }),
        { freq: 3, nil: null },
      ),
      after: words(0, 20),
      dir,
    })
    .map((p) => {
      const trap = p.trap
        ? el(p.trap.tag, p.trap.tag === "a" ? { href: p.trap.text.includes("Google") ? STORES[1] ?? "" : STORES[0] ?? "" } : {}, esc(p.trap.text))
        : "";
      return el("p", { dir: p.dir }, `${esc(p.before)} ${trap} ${esc(p.after)}`);
    });

export interface Article {
  tag: string;
  dir: Dir;
  title: string;
  /** The title is an h1, or (as on some sites) another element whose text is the document's title. */
  titleTag: string;
  credit: string;
  creditFirst: boolean;
  figure: boolean;
  /** Paragraphs and label-only sub-headings, in order. */
  body: string[];
  /** Categories of the label-only sub-headings inside the story ("Comments" over a paragraph). */
  subheadings: Category[];
  innerWrap: boolean;
}

const article = (lang: Lang): fc.Arbitrary<Article> =>
  fc
    .record({
      tag: fc.constantFrom("article", "div", "section"),
      dir,
      title: words(3, 10).filter((t) => t.length >= 8),
      titleTag: fc.constantFrom("h1", "h1", "h1", "div", "h2"),
      source: fc.constantFrom(...WORDS[lang].sources),
      time: fc.constantFrom(...WORDS[lang].times),
      creditFirst: fc.boolean(),
      figure: fc.boolean(),
      paragraphs: fc.array(paragraph(lang), { minLength: 1, maxLength: 5 }),
      // A label as a sub-heading of the story (no evidence under it): must stay visible. Only
      // label-only wording: a sub-heading that is the promo's exact heading ("Try Our AI Features")
      // or the comment box's "No comments yet" is that block, not a story's sub-heading.
      subheading: fc.option(fc.record({ category: fc.constantFrom<Exclude<Category, "sponsored">>("comments", "ai-promo", "app-banner", "related"), at: fc.nat(6), tag: fc.constantFrom("h2", "h3") }), { nil: null }),
      innerWrap: fc.boolean(),
    })
    .map((a) => {
      const body = [...a.paragraphs];
      if (a.subheading) {
        const text = WORDS[lang].subheadings[a.subheading.category];
        body.splice(Math.min(a.subheading.at, body.length - 1), 0, el(a.subheading.tag, {}, esc(text)));
      }
      return {
        tag: a.tag,
        dir: a.dir,
        title: a.title,
        titleTag: a.titleTag,
        credit: el("p", {}, `${el("span", {}, esc(a.source))} ${el("time", {}, esc(a.time))}`),
        creditFirst: a.creditFirst,
        figure: a.figure,
        body,
        subheadings: a.subheading ? [a.subheading.category] : [],
        innerWrap: a.innerWrap,
      };
    });

/** Page content that is neither story nor boilerplate: navigation, other text, images, empty boxes. */
const noise: fc.Arbitrary<string> = fc.oneof(
  words(3, 25).map((t) => el("p", {}, esc(t))),
  fc.array(words(1, 2), { minLength: 1, maxLength: 5 }).map((ls) => `<nav><ul>${ls.map((t, i) => `<li><a href="/${i}">${esc(t)}</a></li>`).join("")}</ul></nav>`),
  words(2, 6).map((t) => el("h2", {}, esc(t))),
  fc.constant('<div><img src="data:," alt=""></div>'),
  fc.constant("<div></div>"),
  fc.constant("<script>window.x = 1;</script>"),
  words(2, 8).map((t) => `<figure><img src="data:," alt=""><figcaption>${esc(t)}</figcaption></figure>`),
);

export interface GeneratedPage {
  lang: Lang;
  /** At a host no site profile knows, tidied by the toolbar button; otherwise a Daily8 article. */
  generic: boolean;
  url: string;
  html: string;
  blocks: Block[];
}

/** Deterministic nesting from a tape of random numbers. */
class Tape {
  private i = 0;
  constructor(private readonly values: number[]) {}
  next(n: number): number {
    const v = this.values[this.i % this.values.length] ?? 0;
    this.i += 1;
    return n <= 0 ? 0 : v % n;
  }
}

const CONTAINERS = ["div", "div", "section", "main", "aside", "footer", "span"];

/**
 * Where a block goes: among the page's other content (most often), or inside the article's own
 * container: before the title (a promo above the headline), between two paragraphs (a box in the
 * story), or after the last paragraph (one shared wrapper).
 */
type Place = "out" | "before" | "mid" | "after";

export const page: fc.Arbitrary<GeneratedPage> = fc
  .record({ lang: fc.constantFrom<Lang>("en", "ar"), generic: fc.boolean() })
  .chain(({ lang, generic }) =>
    fc.record({
      lang: fc.constant(lang),
      generic: fc.constant(generic),
      article: article(lang),
      blocks: fc.array(block(lang), { maxLength: 6 }),
      places: fc.array(fc.constantFrom<Place>("out", "out", "out", "before", "mid", "after"), { minLength: 6, maxLength: 6 }),
      at: fc.array(fc.nat(6), { minLength: 6, maxLength: 6 }),
      noise: fc.array(noise, { maxLength: 5 }),
      order: fc.array(fc.nat(1000), { minLength: 14, maxLength: 14 }),
      tape: fc.array(fc.nat(1000), { minLength: 24, maxLength: 24 }),
    }),
  )
  .map((g) => {
    const tape = new Tape(g.tape);
    const wrap = (html: string, d = ""): string => {
      let out = html;
      for (let n = tape.next(3); n > 0; n -= 1) out = el("div", { dir: n === 1 ? d : "" }, out);
      return out;
    };
    const mark = (html: string, a: string): string => html.replace(/^<([a-z0-9]+)/, `<$1 ${a}`);
    const renderBlock = (b: Block, flat = b.flat): string[] =>
      flat ? b.parts.map((p) => mark(p, `data-gen-block="${b.category}"`)) : [el(b.wrapper, { "data-gen-block": b.category, dir: b.dir }, b.parts.join(""))];

    const a = g.article;
    const before: string[] = [];
    const mid: { at: number; html: string }[] = [];
    const after: string[] = [];
    const outside: Block[] = [];
    g.blocks.forEach((b, i) => {
      const place = g.places[i] ?? "out";
      // Not inside the article when a story sub-heading has the block's category: the sub-heading's
      // flat run would reach the block and take its evidence (a story sub-heading "Comments" right
      // above the page's comment box, in one flat container, is genuinely ambiguous).
      if (place === "out" || a.subheadings.includes(b.category)) outside.push(b);
      // A flat block right above a credit line that precedes the title would take the credit
      // line into its run: which of the two the line belongs to is ambiguous. Wrapped then.
      else if (place === "before") before.push(wrap(renderBlock(b, b.flat && !a.creditFirst).join("")));
      // A flat run in the middle of the story would run on over the paragraphs after it (a
      // heading, cards, then paragraphs, all siblings: where the box ends is ambiguous). Wrapped.
      else if (place === "mid") mid.push({ at: g.at[i] ?? 0, html: wrap(renderBlock(b, false).join("")) });
      else after.push(wrap(renderBlock(b).join("")));
    });
    const title = el(a.titleTag, { "data-gen": "article" }, esc(a.title));
    const credit = mark(a.credit, 'data-gen="article"');
    const body = a.body.map((p) => mark(p, 'data-gen="article"'));
    for (const m of mid.reverse()) body.splice(Math.min(m.at, body.length), 0, m.html);
    const articleHtml = el(
      a.tag,
      { dir: a.dir },
      [
        ...before,
        a.figure ? `<figure data-gen="article"><img src="data:," alt="${esc(a.title)}"></figure>` : "",
        ...(a.creditFirst ? [credit, title] : [title, credit]),
        a.innerWrap ? el("div", {}, body.join("")) : body.join(""),
        ...after,
      ].join(""),
    );
    const items: string[][] = [
      [wrap(articleHtml)],
      ...outside.map((b) => (b.flat ? renderBlock(b) : [wrap(renderBlock(b).join(""), b.dir)])),
      ...g.noise.map((n) => [wrap(n)]),
    ];
    // A random order: sort by the order keys (ties keep their place).
    const keyed = items.map((item, i) => ({ item, key: g.order[i % g.order.length] ?? 0 }));
    keyed.sort((x, y) => x.key - y.key);
    const group = (list: string[][], depth: number): string => {
      if (list.length <= 1 || depth > 3) return list.flat().join("");
      const out: string[] = [];
      let i = 0;
      while (i < list.length) {
        const size = 1 + tape.next(list.length - i);
        const chunk = list.slice(i, i + size);
        i += size;
        out.push(tape.next(2) === 1 && chunk.length < list.length ? el(CONTAINERS[tape.next(CONTAINERS.length)] ?? "div", { dir: ["", "rtl", "ltr"][tape.next(3)] ?? "" }, group(chunk, depth + 1)) : chunk.flat().join(""));
      }
      return out.join("");
    };
    const page = group(
      keyed.map((k) => k.item),
      0,
    );
    const url = g.generic ? `https://news.example.org/${g.lang}/story/1` : `https://www.daily8.com/${g.lang}/article/1`;
    const html =
      `<!doctype html><html lang="${g.lang}"${g.lang === "ar" ? ' dir="rtl"' : ""}><head><meta charset="utf-8">` +
      `<base href="${url}"><title>${esc(a.title)} | Daily8</title></head><body>${page}</body></html>`;
    return { lang: g.lang, generic: g.generic, url, html, blocks: g.blocks };
  });
