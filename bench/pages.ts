// Deterministic (seeded) Daily8-style aggregator pages for the benchmark: an article, an AI
// promo, a comments block, related-article teasers and an app banner, at 1x, 10x and 100x size.
// Bigger pages have more teasers (50 per 1x), longer articles (12 paragraphs per 1x), more
// comments (5 per 1x) and deeper markup (one more wrapper around every card and around the
// story per 10x). The same seed and scale always give the same bytes.

/** mulberry32: small, fast, good enough to pick words. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// News copy in the style of the seed pages (no label, time or store words among them).
const WORDS = (
  "the government said on tuesday that its ministers would meet officials from the region to discuss " +
  "a new agreement on energy exports trade and security after weeks of talks between the two sides " +
  "according to a statement released by the foreign ministry analysts expect the deal to shape markets " +
  "prices rose sharply in early trading as investors weighed the latest figures from the central bank " +
  "the committee approved funding for infrastructure projects in several provinces while opposition " +
  "lawmakers criticised the plan as too costly and vague officials insisted the budget would remain " +
  "balanced despite rising costs of fuel food and housing in major cities across the country residents " +
  "reported long queues at petrol stations and shops as the crisis deepened over the weekend the " +
  "president told reporters that negotiations were progressing and a ceasefire could be agreed soon " +
  "delegations from both countries gathered at the palace in istanbul for the first direct meeting " +
  "in over three years diplomats described the atmosphere as tense but constructive and said further " +
  "rounds were planned for next month in geneva the defense ministry confirmed that prisoners had been " +
  "exchanged under the supervision of international observers and humanitarian organisations"
).split(" ");

const OUTLETS = [
  "Russia Today",
  "Reuters",
  "Associated Press",
  "Al Jazeera",
  "Sky News Arabia",
  "Bloomberg",
  "The Hill",
  "Newsweek",
  "France 24",
  "Deutsche Welle",
  "NPR",
  "BBC News",
];
const NAMES = ["Maria K.", "Omar Haddad", "J. Peters", "Lena Vogt", "Sam Okafor", "Ana Ruiz", "Tom Baker", "Yuki Sato"];
const TIMES = [
  "an hour ago",
  "2 hours ago",
  "3 hours ago",
  "5 hours ago",
  "12 minutes ago",
  "45 minutes ago",
  "a day ago",
  "2 days ago",
  "16-05-2025",
  "03-04-2025",
];

/**
 * A 1×1 picture for the few images in the page's frame. Card images are `data-src` only, as a
 * site's lazy loader leaves them: 5,000 decoded pictures would add seconds to every load of the
 * 100x page and measure nothing Tidyread or Readability does.
 */
const PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface GeneratedPage {
  name: string;
  /** Where the page is served (a Daily8 article address, so the Daily8 profile applies). */
  url: string;
  html: string;
  scale: number;
  teasers: number;
  paragraphs: number;
  comments: number;
}

export interface PageOptions {
  /** 1, 10, 100 … */
  scale: number;
  seed?: number;
  /** Extra markup for the header (the busy page's ticker). */
  header?: string;
  /** A script at the end of the body. */
  script?: string;
  name?: string;
}

export function generatePage(opts: PageOptions): GeneratedPage {
  const { scale } = opts;
  const rnd = random((opts.seed ?? 8) * 1000 + scale);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (min: number, max: number): string => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) out.push(pick(WORDS));
    return out.join(" ");
  };
  const sentence = (min: number, max: number): string => {
    const s = words(min, max);
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const titleCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

  const depth = Math.round(Math.log10(scale));
  const teasers = 50 * scale;
  const paragraphs = 12 * scale;
  const comments = 5 * scale;
  const open = (n: number, cls: string): string => Array.from({ length: n }, (_, i) => `<div class="${cls}${i}">`).join("");
  const close = (n: number): string => "</div>".repeat(n);

  const title = `Moscow and Kiev exchange remains of fallen soldiers (${scale}x)`;
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Daily8</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; }
  header, footer { padding: 12px 24px; background: #f3f4f6; }
  main { max-width: 760px; margin: 0 auto; padding: 16px; }
  .s1 { background: #fff3e0; padding: 16px; margin: 24px 0; }
  .s5 { display: grid; gap: 16px; }
  .c4 { border: 1px solid #ddd; padding: 12px; }
</style>
</head>
<body>
<header class="h1x"><a href="/en"><img src="${PIXEL}" width="120" height="32" alt="logo"></a>
<nav><a href="/en">Home</a> <a href="/en/category/world">World</a> <a href="/en/category/business">Business</a></nav>${opts.header ?? ""}
</header>
<main>
${open(1 + 2 * depth, "w")}<article class="a1">
<figure class="a2"><img src="${PIXEL}" width="640" height="360" alt="${escapeHtml(title)}"></figure>
<h1>${escapeHtml(title)}</h1>
<p class="a3"><span>Russia Today</span> <time datetime="2025-05-16">16-05-2025</time></p>
`);
  for (let i = 0; i < paragraphs; i += 1) {
    if (i > 0 && i % 8 === 0) parts.push(`<h2>${escapeHtml(titleCase(words(3, 7)))}</h2>\n`);
    const body = [sentence(10, 24), sentence(8, 20), sentence(6, 18)];
    if (i % 3 === 1) body[1] = `${sentence(4, 8)} <a href="/en/article/${9000 + i}">${words(2, 4)}</a> ${words(3, 8)}.`;
    if (i % 5 === 2) body[0] = `<b>${escapeHtml(sentence(3, 6))}</b> ${body[0]}`;
    parts.push(`<p>${body.join(" ")}</p>\n`);
  }
  parts.push(`</article>${close(1 + 2 * depth)}

<section class="s1">
<img src="${PIXEL}" width="320" height="120" alt="Orange background">
<h2>Try Our AI Features</h2>
<p>Explore what Daily8 AI can do for you:</p>
</section>

<section class="s2">
<h2>Comments</h2>
<ol class="m0">
`);
  for (let i = 0; i < comments; i += 1) {
    parts.push(
      `<li>${open(depth, "mw")}<div class="m1"><span>${pick(NAMES)}</span> <span>${pick(TIMES)}</span></div><p>${sentence(8, 30)}</p>${close(depth)}</li>\n`,
    );
  }
  parts.push(`</ol>
<form class="s3" action="#" method="post"><textarea name="body" rows="3" cols="40" aria-label="Your comment"></textarea><button type="submit">Post</button></form>
</section>
`);
  // Four fifths of the teasers under "Related Articles", the rest under "More stories".
  const groups: [string, number][] = [
    ["Related Articles", Math.round(teasers * 0.8)],
    ["More stories", teasers - Math.round(teasers * 0.8)],
  ];
  let id = 10_000;
  for (const [label, count] of groups) {
    parts.push(`\n<section class="s4">\n<h2>${label}</h2>\n<div class="s5">\n`);
    for (let i = 0; i < count; i += 1) {
      id += 1;
      const href = `https://www.daily8.com/en/article/${id}`;
      const t = escapeHtml(`${titleCase(words(4, 10))} ${id}`);
      const source = pick(OUTLETS);
      parts.push(
        `${open(depth, "cw")}<article class="c4"><a href="${href}"><img data-src="/img/${id}.jpg" width="160" height="90" alt="${t}"></a>` +
          `<h3><a href="${href}">${t}</a></h3><span class="c5">${source}</span> <span class="c6">${pick(TIMES)}</span>` +
          `<ul class="c7"><li>${source}</li></ul><p>${sentence(20, 60)}</p></article>${close(depth)}\n`,
      );
    }
    parts.push("</div>\n</section>\n");
  }
  parts.push(`
<section class="s6">
<h2>DOWNLOAD THE APP</h2>
<h3>Get Started Now: Download the App</h3>
<p>Ready to dive into the world of global news and events? Download our app today from your preferred app store and start exploring.</p>
<a href="https://apps.apple.com/app/id000000"><img src="${PIXEL}" width="120" height="40" alt="app-store"></a><a href="https://play.google.com/store/apps/details?id=com.daily8"><img src="${PIXEL}" width="135" height="40" alt="play-store"></a>
</section>
</main>
<footer class="f1"><a href="/en/about">About</a> · <a href="/en/contact">Contact</a> · <span>© Daily8</span></footer>
${opts.script ? `<script>${opts.script}</script>\n` : ""}</body>
</html>
`);
  const name = opts.name ?? `generated ${scale}x`;
  return {
    name,
    url: `http://www.daily8.com/en/article/bench-${name.replace(/\W+/g, "-")}`,
    html: parts.join(""),
    scale,
    teasers,
    paragraphs,
    comments,
  };
}

/**
 * The busy page: the 1x page with a live ticker in its header whose text the page's script
 * replaces every 10 ms (100 times a second) for `seconds` (counting in `window.__ticks`), then
 * sets <html data-ticker-done>.
 */
export function tickerPage(seconds = 10): GeneratedPage {
  const ticks = seconds * 100;
  const script = `(() => {
  const el = document.getElementById("tk");
  let i = 0;
  const start = () => {
    const timer = setInterval(() => {
      i += 1;
      window.__ticks = i;
      el.textContent = "DOW " + (40000 + ((i * 37) % 1000)) + " \\u25B2 " + (i % 97) / 10 + "%";
      if (i >= ${ticks}) {
        clearInterval(timer);
        document.documentElement.setAttribute("data-ticker-done", String(performance.now()));
      }
    }, 10);
    document.documentElement.setAttribute("data-ticker-start", String(performance.now()));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();`;
  return generatePage({ scale: 1, name: "busy ticker", header: `<p class="tk"><span id="tk">DOW 40000</span></p>`, script });
}
