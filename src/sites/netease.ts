import type { SiteExamples, SiteProfile } from "./types";

/**
 * NetEase (网易, 163.com): news., money., tech. … .163.com/<yy>/<mmdd>/<hh>/<16-char id>.html, and
 * since 2020 www.163.com/<channel>/article/<id>.html (dy: NetEase's own accounts).
 */
export const netease: SiteProfile = {
  id: "netease",
  name: "网易 NetEase",
  hosts: ["163.com"],
  pages: [
    { kind: "article", url: String.raw`^/\d{2}/\d{4}/\d{2}/[0-9A-Z]{16}\.html(?:\?|$)` },
    { kind: "article", url: String.raw`^/(?:[a-z]+/)*article/[0-9A-Z]{16}\.html(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:domestic|world|shehui|rank|special/[a-z0-9_]+)/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:news|money|tech|ent|sports)?/?(?:\?|$)`, on: ["www.163.com", "news.163.com", "money.163.com", "tech.163.com"] },
  ],
  language: "zh",
  dateOrder: "ymd",
};

export const neteaseExamples: SiteExamples = [
  { url: "https://news.163.com/19/0907/09/EOFBHDHQ0001899N.html", kind: "article" },
  { url: "https://money.163.com/19/0907/13/EOFOC8MJ00258105.html", kind: "article" },
  { url: "https://www.163.com/news/article/H8N1DNA50001899O.html", kind: "article" },
  { url: "https://www.163.com/dy/article/IABCDEF20534A4SC.html?spss=dy_author", kind: "article" },
  { url: "https://news.163.com/domestic/", kind: "listing" },
  { url: "https://news.163.com/", kind: "listing" },
  { url: "https://mail.163.com/", kind: "none" },
  { url: "https://news.163.com/photo/", kind: "none" },
];
