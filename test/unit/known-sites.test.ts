// The known aggregators the reader may grant: the options page's rows and the context menu's grant.
import { describe, expect, it, vi } from "vitest";
import { isKnownSitePattern, KNOWN_SITES, knownSiteFor, knownSiteRows } from "../../src/shared/known-sites";
import { ALL_SITES } from "../../src/shared/origins";

const permissions = vi.hoisted(() => ({
  requested: [] as string[][],
  removed: [] as string[][],
}));
vi.mock("webextension-polyfill", () => ({
  default: {
    permissions: {
      request: async ({ origins }: { origins: string[] }) => (permissions.requested.push(origins), true),
      remove: async ({ origins }: { origins: string[] }) => (permissions.removed.push(origins), true),
      contains: async () => false,
    },
  },
}));

const { accessFor, setSiteAccess } = await import("../../src/background/site-access");

describe("known sites", () => {
  it("are every profile but those granted at install", () => {
    expect(KNOWN_SITES.map((s) => s.id)).not.toContain("daily8");
    expect(KNOWN_SITES.length).toBe(18);
    expect(KNOWN_SITES.every((s) => !s.grantedAtInstall)).toBe(true);
  });

  it("a page belongs to one by its host, on the web only", () => {
    expect(knownSiteFor("https://lifestyle.msn.com/your-life/article.aspx?cp-documentid=1")?.id).toBe("msn");
    expect(knownSiteFor("https://n.news.naver.com/article/607/0000001728")?.id).toBe("naver");
    expect(knownSiteFor("https://www.daily8.com/en/article/1")).toBeNull();
    expect(knownSiteFor("https://news.example.org/")).toBeNull();
    expect(knownSiteFor("view-source:https://www.msn.com/")).toBeNull();
    expect(knownSiteFor("not a url")).toBeNull();
    expect(knownSiteFor(undefined)).toBeNull();
  });

  it("a row is on only when all of the site's patterns are granted; the all-sites grant shows it on and fixed", () => {
    const row = (granted: string[], id: string) => knownSiteRows(granted).find((r) => r.site.id === id);
    expect(row([], "msn")).toMatchObject({ on: false, viaAllSites: false, patterns: ["*://msn.com/*", "*://*.msn.com/*"] });
    expect(row(["*://msn.com/*", "*://*.msn.com/*"], "msn")).toMatchObject({ on: true, viaAllSites: false });
    // Half a grant (one pattern left behind) is not the site.
    expect(row(["*://*.msn.com/*"], "msn")).toMatchObject({ on: false });
    expect(row(["*://msn.com/*", "*://*.msn.com/*"], "yahoo")).toMatchObject({ on: false });
    expect(row([ALL_SITES], "sohu")).toMatchObject({ on: false, viaAllSites: true });
    expect(row([ALL_SITES, "*://sohu.com/*", "*://*.sohu.com/*"], "sohu")).toMatchObject({ on: true, viaAllSites: false });
    expect(knownSiteRows([]).map((r) => r.site.id)).toEqual(KNOWN_SITES.map((s) => s.id));
  });

  it("its patterns are told from a site the reader added by hand", () => {
    expect(isKnownSitePattern("*://*.msn.com/*")).toBe(true);
    expect(isKnownSitePattern("https://www.msn.com/*")).toBe(false);
    expect(isKnownSitePattern("https://news.example.org/*")).toBe(false);
  });
});

describe("the button's context menu", () => {
  it("on a known aggregator names it and grants all its hosts; elsewhere the page's origin", async () => {
    expect(accessFor("http://www.msn.com/en-us/news/technology/x/ar-AAkm7Xj")).toEqual({
      origins: ["*://msn.com/*", "*://*.msn.com/*"],
      title: "Always tidy MSN",
    });
    expect(accessFor("https://news.example.org/story/1")).toEqual({ origins: ["https://news.example.org/*"], title: "Always tidy this site" });
    expect(accessFor("chrome://extensions")).toBeNull();

    await setSiteAccess("https://headlines.yahoo.co.jp/hl?a=20170309-35097838-cnetj-sci", true);
    expect(permissions.requested.at(-1)).toEqual(["*://yahoo.co.jp/*", "*://*.yahoo.co.jp/*"]);
    await setSiteAccess("https://www.sohu.com/a/733320600_429139", false);
    expect(permissions.removed.at(-1)).toEqual(["*://sohu.com/*", "*://*.sohu.com/*"]);
  });
});
