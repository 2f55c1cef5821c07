import type { SiteExamples, SiteProfile } from "./types";

/** Getnews (ガジェット通信, getnews.jp): every item, its partners' included, at /archives/<id>. */
export const getnews: SiteProfile = {
  id: "getnews",
  name: "ガジェット通信 Getnews",
  hosts: ["getnews.jp"],
  pages: [
    { kind: "article", url: String.raw`^/archives/\d+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:(?:category|tag|author)/[^?]+)?/?(?:\?|$)` },
  ],
  language: "ja",
  dateOrder: "ymd",
};

export const getnewsExamples: SiteExamples = [
  { url: "https://getnews.jp/archives/2146078", kind: "article" },
  { url: "https://getnews.jp/archives/3401234/?utm_source=smartnews", kind: "article" },
  { url: "https://getnews.jp/", kind: "listing" },
  { url: "https://getnews.jp/category/entame", kind: "listing" },
  { url: "https://getnews.jp/archives/2146078/gallery-1", kind: "none" },
  { url: "https://getnews.jp/privacy", kind: "none" },
];
