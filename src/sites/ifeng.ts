import type { SiteExamples, SiteProfile } from "./types";

/** ifeng (凤凰网, ifeng.com): stories at /c/<11-char id> since 2018, /a/<yyyymmdd>/<id>_0.shtml before. */
export const ifeng: SiteProfile = {
  id: "ifeng",
  name: "凤凰网 ifeng",
  hosts: ["ifeng.com"],
  pages: [
    { kind: "article", url: String.raw`^/c/[0-9A-Za-z]{8,16}/?(?:\?|$)` },
    { kind: "article", url: String.raw`^/a/\d{8}/\d+_\d+\.shtml(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:mainland|world|society|shanklist/[0-9-]+)/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)`, on: ["news.ifeng.com", "finance.ifeng.com", "tech.ifeng.com"] },
  ],
  language: "zh",
  dateOrder: "ymd",
};

export const ifengExamples: SiteExamples = [
  { url: "https://news.ifeng.com/c/7rtKNyg6PU9", kind: "article" },
  { url: "https://finance.ifeng.com/c/8Ux2AbCdEfG?from=home", kind: "article" },
  { url: "http://news.ifeng.com/a/20180306/56521234_0.shtml", kind: "article" },
  { url: "https://news.ifeng.com/mainland/", kind: "listing" },
  { url: "https://news.ifeng.com/", kind: "listing" },
  { url: "https://www.ifeng.com/", kind: "none" },
  { url: "https://v.ifeng.com/video_123.shtml", kind: "none" },
];
