import type { SiteExamples, SiteProfile } from "./types";

/**
 * AOL (aol.com): /article/<section>/<yyyy>/<mm>/<dd>/<slug>/<id>/ until about 2020, then Yahoo's
 * scheme (/news/<slug>-<id>.html, /articles/<slug>.html) since AOL moved onto its platform.
 */
export const aol: SiteProfile = {
  id: "aol",
  name: "AOL",
  hosts: ["aol.com"],
  pages: [
    { kind: "article", url: String.raw`^/article/(?:[a-z-]+/)+\d{4}/\d{2}/\d{2}/[^/?]+/\d+/?(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:[a-z-]+/)*[a-z0-9]+(?:-[a-z0-9]+)*-\d{6,}\.html(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:[a-z-]+/)?articles/[a-z0-9-]+\.html(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:news|entertainment|finance|lifestyle|sports|weather|politics|us|world)/?(?:\?|$)` },
  ],
  language: "en",
  dateOrder: "mdy",
};

export const aolExamples: SiteExamples = [
  { url: "http://www.aol.com/article/news/2016/12/01/son-of-slain-police-officer-given-teddy-bears-made-from-dads-un/21618553/", kind: "article" },
  { url: "https://www.aol.com/article/entertainment/2017/05/02/met-gala-red-carpet/22065432/", kind: "article" },
  { url: "https://www.aol.com/news/heat-wave-grips-midwest-153012345.html", kind: "article" },
  { url: "https://www.aol.com/articles/judge-blocks-new-rule-204512345.html", kind: "article" },
  { url: "https://www.aol.com/news/", kind: "listing" },
  { url: "https://www.aol.com/entertainment", kind: "listing" },
  { url: "https://mail.aol.com/", kind: "none" },
  { url: "https://www.aol.com/", kind: "none" },
  { url: "https://www.aol.com/products/", kind: "none" },
];
