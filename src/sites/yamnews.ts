import type { SiteExamples, SiteProfile } from "./types";

/** YamNews (news.yam.md), a Moldovan aggregator in Romanian and Russian: /<lang>/story/<id>. */
export const yamnews: SiteProfile = {
  id: "yamnews",
  name: "YamNews",
  hosts: ["news.yam.md"],
  pages: [
    { kind: "article", url: String.raw`^/(?<lang>ro|ru)/story/\d+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?<lang>ro|ru)(?:/(?:category|source|tag|search)(?:/[^?]*)?)?/?(?:\?|$)` },
  ],
  language: "ro",
  dateOrder: "dmy",
};

export const yamnewsExamples: SiteExamples = [
  { url: "https://news.yam.md/ro/story/10939686", kind: "article" },
  { url: "https://news.yam.md/ru/story/11123456?utm_source=fb", kind: "article" },
  { url: "https://news.yam.md/ro", kind: "listing" },
  { url: "https://news.yam.md/ro/source/unica-md", kind: "listing" },
  { url: "https://news.yam.md/ro/about", kind: "none" },
  { url: "https://news.yam.md/", kind: "none" },
];
