import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectPage } from "../../src/content/detect";
import { createSession } from "../../src/content/start";
import { buildVocabulary } from "../../src/content/markers";
import { LANGUAGES } from "../../src/lang";
import { allSiteHosts, hostPatterns, SITES, SITES_AT_INSTALL, siteById, siteFor } from "../../src/sites";
import { aolExamples } from "../../src/sites/aol";
import { apHostedExamples } from "../../src/sites/ap-hosted";
import { biglobeExamples } from "../../src/sites/biglobe";
import { daily8Examples } from "../../src/sites/daily8";
import { diggExamples } from "../../src/sites/digg";
import { getnewsExamples } from "../../src/sites/getnews";
import { ifengExamples } from "../../src/sites/ifeng";
import { msnExamples } from "../../src/sites/msn";
import { naverExamples } from "../../src/sites/naver";
import { neteaseExamples } from "../../src/sites/netease";
import { qqExamples } from "../../src/sites/qq";
import { sinaExamples } from "../../src/sites/sina";
import { sohuExamples } from "../../src/sites/sohu";
import { sottExamples } from "../../src/sites/sott";
import { toutiaoExamples } from "../../src/sites/toutiao";
import type { SiteExamples } from "../../src/sites/types";
import { uolExamples } from "../../src/sites/uol";
import { yahooExamples } from "../../src/sites/yahoo";
import { yahooJapanExamples } from "../../src/sites/yahoo-japan";
import { yamnewsExamples } from "../../src/sites/yamnews";

/** Every site's example URLs, by site id. A new site adds its line here. */
const EXAMPLES: Record<string, SiteExamples> = {
  aol: aolExamples,
  "ap-hosted": apHostedExamples,
  biglobe: biglobeExamples,
  daily8: daily8Examples,
  digg: diggExamples,
  getnews: getnewsExamples,
  ifeng: ifengExamples,
  msn: msnExamples,
  naver: naverExamples,
  netease: neteaseExamples,
  qq: qqExamples,
  sina: sinaExamples,
  sohu: sohuExamples,
  sott: sottExamples,
  toutiao: toutiaoExamples,
  uol: uolExamples,
  yahoo: yahooExamples,
  "yahoo-japan": yahooJapanExamples,
  yamnews: yamnewsExamples,
};

const CORPUS = "../shared/real-pages/aggregators";

describe("site profiles", () => {
  it("are sorted by id and unique, and each has its examples", () => {
    const ids = SITES.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(EXAMPLES).sort()).toEqual(ids);
  });

  it("only Daily8 runs from install; the others wait for a click or a grant", () => {
    expect(SITES_AT_INSTALL.map((s) => s.id)).toEqual(["daily8"]);
    expect(SITES.filter((s) => s.grantedAtInstall).map((s) => s.id)).toEqual(["daily8"]);
  });

  it("manifest.json names no site by hand: the build derives them from SITES", () => {
    const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as {
      content_scripts: { matches?: string[] }[];
      host_permissions?: string[];
    };
    expect(manifest.content_scripts.map((c) => c.matches)).toEqual([undefined]);
    expect(manifest.host_permissions).toBeUndefined();
  });

  it("hosts are bare lower-case host names, each claimed by one site", () => {
    const hosts = SITES.flatMap((s) => s.hosts);
    for (const host of hosts) expect(host, host).toMatch(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(allSiteHosts()).toEqual([...new Set(hosts)].sort());
    const naver = siteById("naver");
    expect(naver && hostPatterns(naver)).toEqual(["*://news.naver.com/*", "*://*.news.naver.com/*"]);
  });

  for (const site of SITES) {
    const examples = EXAMPLES[site.id] ?? [];

    it(`${site.id}: each example URL is detected as its kind`, () => {
      for (const { url, kind } of examples) {
        const u = new URL(url);
        expect(siteFor(u.hostname)?.id, url).toBe(site.id);
        expect(detectPage(u, site, null).kind, url).toBe(kind);
      }
    });

    it(`${site.id}: has article, listing and neither examples, and a known language shape`, () => {
      expect(new Set(examples.map((e) => e.kind))).toEqual(new Set(["article", "listing", "none"]));
      expect(site.language).toMatch(/^[a-z]{2}$/);
      expect(site.name.trim()).not.toBe("");
      for (const page of site.pages) expect(() => new RegExp(page.url), page.url).not.toThrow();
    });

    it(`${site.id}: its words are for known languages and become labels`, () => {
      for (const [lang, words] of Object.entries(site.words ?? {})) {
        const language = LANGUAGES[lang];
        expect(language, lang).toBeDefined();
        if (!language) continue;
        const vocab = buildVocabulary([language], site);
        for (const phrase of Object.values(words).flat()) expect(vocab.phrases.has(phrase), phrase).toBe(true);
      }
    });
  }

  it("every aggregator page of the real corpus belongs to its site's profile and is an article (Yahoo's modal: its news front)", () => {
    // Without the corpus checked out there is nothing to walk; "the corpus is there on CI" says so.
    if (!existsSync(`${CORPUS}/README.md`)) return;
    const corpus = readdirSync(CORPUS)
      .filter((slug) => existsSync(`${CORPUS}/${slug}/expect.json`))
      .map((slug) => JSON.parse(readFileSync(`${CORPUS}/${slug}/expect.json`, "utf8")) as { serve_as: string; kind: string })
      .filter((page) => page.kind === "aggregator-article");
    expect(corpus.length).toBe(25);
    for (const { serve_as } of corpus) {
      const url = new URL(serve_as);
      const site = siteFor(url.hostname);
      expect(site, serve_as).not.toBeNull();
      const expected = serve_as === "https://us.yahoo.com/news/" ? "listing" : "article";
      expect(detectPage(url, site, null).kind, serve_as).toBe(expected);
    }
  });

  it("does not claim look-alike hosts or publishers on other hosts", () => {
    expect(siteFor("notdaily8.com")).toBeNull();
    expect(siteFor("daily8.com.evil.test")).toBeNull();
    expect(siteFor("WWW.DAILY8.COM")?.id).toBe("daily8");
    expect(siteFor("www.daily8.com.")?.id).toBe("daily8");
    for (const publisher of ["apnews.com", "www.ap.org", "www.reuters.com", "blog.naver.com", "www.naver.com", "yam.md", "www.thepaper.cn", "www.msn.example-news.test", "notyahoo.com"]) {
      expect(siteFor(publisher)?.id ?? null, publisher).toBeNull();
    }
    expect(siteFor("news.yahoo.co.jp")?.id).toBe("yahoo-japan");
    expect(siteFor("uk.news.yahoo.com")?.id).toBe("yahoo");
  });
});

describe("detectPage", () => {
  it("reads the query string where a site keeps its story there, and names it in the signal", () => {
    const naver = siteById("naver");
    const url = new URL("https://news.naver.com/main/read.nhn?mode=LSD&oid=001&aid=0011234567");
    const detection = detectPage(url, naver, null);
    expect(detection.kind).toBe("article");
    expect(detection.signals[0]).toContain("/main/read.nhn?mode=LSD&oid=001&aid=0011234567");
    // The same path without the story's id is not a story.
    expect(detectPage(new URL("https://news.naver.com/main/read.nhn?mode=LSD"), naver, null).kind).toBe("none");
    // The fragment is not part of the address.
    expect(detectPage(new URL("https://headlines.yahoo.co.jp/hl#a=20170309-35097838-cnetj-sci"), siteById("yahoo-japan"), null).kind).toBe("none");
  });

  it("takes the language from the address, then the page, then the site", () => {
    const daily8 = siteById("daily8");
    expect(detectPage(new URL("https://www.daily8.com/ar/article/1"), daily8, "en").lang).toBe("ar");
    const qq = siteById("qq");
    expect(detectPage(new URL("http://tech.qq.com/a/20161014/006270.htm"), qq, null).lang).toBe("zh");
    expect(detectPage(new URL("http://tech.qq.com/a/20161014/006270.htm"), qq, "zh-CN").lang).toBe("zh");
    expect(detectPage(new URL("https://news.yam.md/ru/story/1"), siteById("yamnews"), "ro").lang).toBe("ru");
    expect(detectPage(new URL("https://example.org/"), null, null).lang).toBe("en");
  });

  it("limits a pattern to its hosts where it says so (a portal's front page, not its mail)", () => {
    const yahoo = siteById("yahoo");
    expect(detectPage(new URL("https://news.yahoo.com/"), yahoo, null).kind).toBe("listing");
    expect(detectPage(new URL("https://mail.yahoo.com/"), yahoo, null).kind).toBe("none");
  });
});

describe("a listing's address that shows a story", () => {
  const paragraphs = [1, 2, 3].map((n) => `<p>Paragraph ${n}: the cargo ship broke up over the region, the agency said on Thursday, and its crew was never at risk.</p>`).join("");
  const stream = [1, 2, 3, 4].map((n) => `<li><a href="/news/s-${n}"><h3>Stream story number ${n} about the day's news</h3></a><span>Reuters</span></li>`).join("");
  const run = (head: string, story: string): string | undefined => {
    const url = new URL("https://news.yahoo.com/");
    const doc = new DOMParser().parseFromString(`<html><head><base href="${url.href}">${head}</head><body><ul>${stream}</ul>${story}</body></html>`, "text/html");
    const session = createSession(doc, url, { site: siteFor(url.hostname), forced: false, changed() {} });
    session?.start();
    return session?.detection.kind;
  };
  const modal = `<div><h1>Space ship malfunctions over Siberia</h1><div><span>Associated Press</span> <time>December 2, 2016</time></div>${paragraphs}</div>`;

  it("is read as an article: the page's named headline, its paragraphs, its credit", () => {
    expect(run("<title>Space ship malfunctions over Siberia</title>", modal)).toBe("article");
  });

  it("stays a listing without a named headline, without paragraphs, or without a credit", () => {
    expect(run("<title>Yahoo News - Latest News &amp; Headlines</title>", modal)).toBe("listing");
    // A topic's page names its topic, not a story: "#Ukraine" over its cards.
    expect(run("<title>#Ukraine</title>", modal.replace("Space ship malfunctions over Siberia", "#Ukraine"))).toBe("listing");
    expect(run("<title>Space ship malfunctions over Siberia</title>", `<div><h1>Space ship malfunctions over Siberia</h1><div><span>Associated Press</span> <time>December 2, 2016</time></div></div>`)).toBe("listing");
    expect(run("<title>Space ship malfunctions over Siberia</title>", `<div><h1>Space ship malfunctions over Siberia</h1><div><span>Jane Doe</span> <time>December 2, 2016</time></div>${paragraphs}</div>`)).toBe("listing");
  });
});

describe("a known aggregator tidied from the toolbar button", () => {
  it("uses its profile: the address decides, not only the click", () => {
    const url = new URL("http://www.msn.com/en-us/news/technology/nintendos-first-iphone-game/ar-AAkm7Xj");
    const doc = new DOMParser().parseFromString("<html><body><h1>Story</h1><p>Text.</p></body></html>", "text/html");
    const session = createSession(doc, url, { site: siteFor(url.hostname), forced: true, changed() {} });
    expect(session?.detection.site).toBe("msn");
    expect(session?.detection.kind).toBe("article");
    expect(session?.detection.signals.join(" ")).toMatch(/^MSN article address/);
    expect(session?.detection.signals.join(" ")).not.toContain("tidied because you asked");
  });
});

describe("language data", () => {
  it("is lower case and every label category is present", () => {
    for (const words of Object.values(LANGUAGES)) {
      for (const list of [...Object.values(words.labels), ...Object.values(words.evidence)]) {
        for (const phrase of list) expect(phrase).toBe(phrase.toLowerCase());
      }
      expect(Object.keys(words.labels).sort()).toEqual(["ai-promo", "app-banner", "comments", "related", "sponsored"]);
    }
  });
});
