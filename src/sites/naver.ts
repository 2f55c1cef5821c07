import type { SiteExamples, SiteProfile } from "./types";

/**
 * Naver News (네이버 뉴스, news.naver.com only: the rest of naver.com is not news): outlets'
 * stories at n.news.naver.com/(mnews/)article/<outlet>/<10-digit id>, and before 2022 at
 * news.naver.com/main/read.nhn?…&oid=<outlet>&aid=<id> (the story is in the query; sports. and
 * entertain-ment pages kept news.nhn?oid=…&aid=…). The comment pages are not stories.
 */
export const naver: SiteProfile = {
  id: "naver",
  name: "네이버 뉴스 Naver News",
  hosts: ["news.naver.com"],
  pages: [
    { kind: "article", url: String.raw`^/(?:mnews/)?article/\d{3}/\d{10}/?(?:\?|$)` },
    {
      kind: "article",
      url: String.raw`^/(?:main/read|news|read)(?:\.n(?:hn|aver))?\?(?=(?:[^#]*&)?oid=\d{3}(?:&|$))(?=(?:[^#]*&)?aid=\d{10}(?:&|$))`,
    },
    { kind: "listing", url: String.raw`^/(?:main/(?:main|list|ranking/popularDay)\.n(?:hn|aver)|section/\d{3}|breakingnews/section/\d{3}/\d{3})(?:/|\?|$)` },
    { kind: "listing", url: String.raw`^/?(?:\?|$)` },
  ],
  language: "ko",
  dateOrder: "ymd",
};

export const naverExamples: SiteExamples = [
  { url: "https://n.news.naver.com/article/607/0000001728", kind: "article" },
  { url: "https://n.news.naver.com/mnews/article/001/0014312345?sid=100", kind: "article" },
  { url: "https://news.naver.com/main/read.nhn?mode=LSD&mid=sec&sid1=101&oid=001&aid=0011234567", kind: "article" },
  { url: "https://news.naver.com/main/read.naver?aid=0004567890&oid=025", kind: "article" },
  { url: "https://sports.news.naver.com/news.nhn?oid=477&aid=0000212345", kind: "article" },
  { url: "https://news.naver.com/main/main.naver?mode=LSD&mid=shm&sid1=100", kind: "listing" },
  { url: "https://news.naver.com/section/105", kind: "listing" },
  { url: "https://news.naver.com/", kind: "listing" },
  { url: "https://n.news.naver.com/article/comment/607/0000001728", kind: "none" },
  { url: "https://news.naver.com/main/read.nhn?mode=LSD&oid=001", kind: "none" },
  { url: "https://news.naver.com/main/read.nhn?oid=001&aid=0011234567X", kind: "none" },
];
