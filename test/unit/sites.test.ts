import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectPage } from "../../src/content/detect";
import { buildVocabulary } from "../../src/content/markers";
import { LANGUAGES } from "../../src/lang";
import { SITES, siteFor } from "../../src/sites";
import { daily8Examples } from "../../src/sites/daily8";
import type { SiteExamples } from "../../src/sites/types";

/** Every site's example URLs, by site id. A new site adds its line here. */
const EXAMPLES: Record<string, SiteExamples> = { daily8: daily8Examples };

const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as {
  content_scripts: { matches: string[] }[];
};

describe("site profiles", () => {
  it("are sorted by id and unique", () => {
    const ids = SITES.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every host is matched by the manifest's content script, and nothing else is", () => {
    const matches = manifest.content_scripts.flatMap((c) => c.matches).sort();
    const wanted = SITES.flatMap((s) => s.hosts.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`])).sort();
    expect(matches).toEqual(wanted);
  });

  for (const site of SITES) {
    it(`${site.id}: each example URL is detected as its kind`, () => {
      const examples = EXAMPLES[site.id] ?? [];
      expect(examples.length, "each site lists example URLs").toBeGreaterThan(0);
      for (const { url, kind } of examples) {
        const u = new URL(url);
        expect(siteFor(u.hostname)?.id, url).toBe(site.id);
        expect(detectPage(u, site, null).kind, url).toBe(kind);
      }
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

  it("does not claim look-alike hosts", () => {
    expect(siteFor("notdaily8.com")).toBeNull();
    expect(siteFor("daily8.com.evil.test")).toBeNull();
    expect(siteFor("WWW.DAILY8.COM")?.id).toBe("daily8");
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
