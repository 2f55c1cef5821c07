import type { SiteExamples, SiteProfile } from "./types";

/**
 * Tencent QQ (qq.com): the channels' /a/<yyyymmdd>/<id>.htm (tech.qq.com, news.qq.com, until
 * about 2018), then new.qq.com/omn/…/<id>.html and /rain/a/<id> (news.qq.com too).
 */
export const qq: SiteProfile = {
  id: "qq",
  name: "Tencent QQ",
  hosts: ["qq.com"],
  pages: [
    { kind: "article", url: String.raw`^/a/\d{8}/\d+\.html?(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:omn|cmsn)/(?:\d{8}/)?[0-9A-Za-z]+(?:/[0-9A-Za-z]+)?\.html(?:\?|$)` },
    { kind: "article", url: String.raw`^/rain/a/[0-9A-Za-z]+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/ch/[a-z0-9]+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)`, on: ["news.qq.com", "new.qq.com", "tech.qq.com"] },
  ],
  language: "zh",
  dateOrder: "ymd",
};

export const qqExamples: SiteExamples = [
  { url: "http://tech.qq.com/a/20161014/006270.htm", kind: "article" },
  { url: "https://news.qq.com/a/20180312/015521.htm", kind: "article" },
  { url: "https://new.qq.com/omn/20200316/20200316A0HBQK00.html", kind: "article" },
  { url: "https://new.qq.com/rain/a/20230105A06PXL00", kind: "article" },
  { url: "https://news.qq.com/rain/a/20240601A03ABC00?suid=&media_id=", kind: "article" },
  { url: "https://new.qq.com/ch/tech/", kind: "listing" },
  { url: "https://news.qq.com/", kind: "listing" },
  { url: "https://mail.qq.com/", kind: "none" },
  { url: "https://www.qq.com/", kind: "none" },
  { url: "https://v.qq.com/x/cover/abc123.html", kind: "none" },
];
