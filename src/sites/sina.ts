import type { SiteExamples, SiteProfile } from "./types";

/**
 * Sina (新浪, sina.com.cn): news., finance., tech. … .sina.com.cn/<channel>/<yyyy-mm-dd>/doc-<id>.shtml
 * (older: a numeric id), and k.sina.com.cn/article_<uid>_<id>.html (its accounts).
 */
export const sina: SiteProfile = {
  id: "sina",
  name: "新浪 Sina",
  hosts: ["sina.com.cn"],
  pages: [
    { kind: "article", url: String.raw`^/(?:[a-z0-9]+/)*\d{4}-\d{2}-\d{2}/(?:doc-[a-z0-9]+|\d+)\.shtml(?:\?|$)` },
    { kind: "article", url: String.raw`^/article_\d+_[0-9a-z]+\.html(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?:china|world|society|roll|gov|chinanews)/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)`, on: ["news.sina.com.cn", "finance.sina.com.cn", "tech.sina.com.cn"] },
  ],
  language: "zh",
  dateOrder: "ymd",
};

export const sinaExamples: SiteExamples = [
  { url: "https://news.sina.com.cn/c/2019-09-07/doc-iicezzrq4076655.shtml", kind: "article" },
  { url: "https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml", kind: "article" },
  { url: "https://finance.sina.com.cn/roll/2023-11-02/doc-imztmfcn1234567.shtml?cref=cj", kind: "article" },
  { url: "http://news.sina.com.cn/c/2012-03-15/024124112345.shtml", kind: "article" },
  { url: "https://k.sina.com.cn/article_1234567890_499a3b2c02001abcd.html", kind: "article" },
  { url: "https://news.sina.com.cn/china/", kind: "listing" },
  { url: "https://news.sina.com.cn/", kind: "listing" },
  { url: "https://mail.sina.com.cn/", kind: "none" },
  { url: "https://www.sina.com.cn/", kind: "none" },
  { url: "https://news.sina.com.cn/about/", kind: "none" },
];
