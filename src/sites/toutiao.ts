import type { SiteExamples, SiteProfile } from "./types";

/**
 * Toutiao (今日头条, toutiao.com): items at /a<19-digit id>/, /article/<id>/, /i<id>/ and the old
 * /group/<id>/; its accounts' posts (/w/) are short items of the same kind.
 */
export const toutiao: SiteProfile = {
  id: "toutiao",
  name: "今日头条 Toutiao",
  hosts: ["toutiao.com"],
  pages: [
    { kind: "article", url: String.raw`^/(?:a|i|article/|group/|w/(?:a|i)?)\d{15,}/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/ch/[a-z_]+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)`, on: ["www.toutiao.com", "toutiao.com"] },
  ],
  language: "zh",
  dateOrder: "ymd",
};

export const toutiaoExamples: SiteExamples = [
  { url: "https://www.toutiao.com/a6732819573189378572/", kind: "article" },
  { url: "https://www.toutiao.com/a6734577895106150924/", kind: "article" },
  { url: "https://www.toutiao.com/article/7296789012345678901/?log_from=abc", kind: "article" },
  { url: "https://www.toutiao.com/group/6512345678901234567/", kind: "article" },
  { url: "https://www.toutiao.com/", kind: "listing" },
  { url: "https://www.toutiao.com/ch/news_hot/", kind: "listing" },
  { url: "https://mp.toutiao.com/", kind: "none" },
  { url: "https://www.toutiao.com/c/user/token/MS4wLjABAAAA/", kind: "none" },
];
