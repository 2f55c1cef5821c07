import type { SiteExamples, SiteProfile } from "./types";

/** BIGLOBE News (BIGLOBEニュース, news.biglobe.ne.jp): /<section>/<mmdd>/<provider>_<yymmdd>_<id>.html. */
export const biglobe: SiteProfile = {
  id: "biglobe",
  name: "BIGLOBEニュース",
  hosts: ["news.biglobe.ne.jp"],
  pages: [
    { kind: "article", url: String.raw`^/[a-z]+/\d{4}/[a-z0-9]+_\d{6}_[0-9a-z]+\.html(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:[a-z]+|list/\d+/\d+|ranking(?:/[a-z]+)?)?/?(?:\?|$)` },
  ],
  language: "ja",
  dateOrder: "ymd",
};

export const biglobeExamples: SiteExamples = [
  { url: "https://news.biglobe.ne.jp/entertainment/0215/ori_200215_7568645051.html", kind: "article" },
  { url: "https://news.biglobe.ne.jp/domestic/1102/kyo_231102_1234567890.html?utm_source=x", kind: "article" },
  { url: "https://news.biglobe.ne.jp/", kind: "listing" },
  { url: "https://news.biglobe.ne.jp/entertainment/", kind: "listing" },
  { url: "https://news.biglobe.ne.jp/entertainment/0215/", kind: "none" },
  { url: "https://news.biglobe.ne.jp/info/privacy.html", kind: "none" },
];
