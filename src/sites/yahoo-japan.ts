import type { SiteExamples, SiteProfile } from "./types";

/**
 * Yahoo!ニュース (yahoo.co.jp): the old headlines.yahoo.co.jp/hl?a=<date>-<id>-<outlet>-<section>
 * (the story is in the query), news.yahoo.co.jp/articles/<40 hex> (a partner's story; its
 * /comments page is not) and /pickup/<id> (the editors' summary of one).
 */
export const yahooJapan: SiteProfile = {
  id: "yahoo-japan",
  name: "Yahoo!ニュース",
  hosts: ["yahoo.co.jp"],
  pages: [
    { kind: "article", url: String.raw`^/(?:hl|article)\?(?:[^#]*&)?a=\d{8}-[0-9a-z]+-[0-9a-z_]+` },
    { kind: "article", url: String.raw`^/articles/[0-9a-f]{40}(?:/(?:images/\d+/?)?)?(?:\?|$)` },
    { kind: "article", url: String.raw`^/pickup/\d+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:categories|topics|ranking)(?:/[a-z0-9-]+)*/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)`, on: ["news.yahoo.co.jp", "headlines.yahoo.co.jp"] },
  ],
  language: "ja",
  dateOrder: "ymd",
};

export const yahooJapanExamples: SiteExamples = [
  { url: "http://headlines.yahoo.co.jp/hl?a=20170309-35097838-cnetj-sci", kind: "article" },
  { url: "https://headlines.yahoo.co.jp/hl?a=20190421-00000012-kyodonews-soci&p=2", kind: "article" },
  { url: "https://headlines.yahoo.co.jp/article?a=20180110-00000501-san-pol", kind: "article" },
  { url: "https://news.yahoo.co.jp/articles/3f1a9b0c2d4e5f60718293a4b5c6d7e8f9012345", kind: "article" },
  { url: "https://news.yahoo.co.jp/articles/3f1a9b0c2d4e5f60718293a4b5c6d7e8f9012345?page=2", kind: "article" },
  { url: "https://news.yahoo.co.jp/pickup/6501234", kind: "article" },
  { url: "https://news.yahoo.co.jp/", kind: "listing" },
  { url: "https://news.yahoo.co.jp/categories/domestic", kind: "listing" },
  { url: "https://news.yahoo.co.jp/ranking/access/news", kind: "listing" },
  { url: "https://news.yahoo.co.jp/articles/3f1a9b0c2d4e5f60718293a4b5c6d7e8f9012345/comments", kind: "none" },
  { url: "https://headlines.yahoo.co.jp/hl?c=sci", kind: "none" },
  { url: "https://www.yahoo.co.jp/", kind: "none" },
  { url: "https://auctions.yahoo.co.jp/", kind: "none" },
];
