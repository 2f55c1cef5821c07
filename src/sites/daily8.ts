import type { SiteExamples, SiteProfile } from "./types";

/** Daily8 (daily8.com), an AI news aggregator serving English and Arabic. */
export const daily8: SiteProfile = {
  id: "daily8",
  name: "Daily8",
  hosts: ["daily8.com"],
  pages: [
    { kind: "article", url: String.raw`^/(?<lang>[a-z]{2})/article/[^/?]+/?(?:\?|$)` },
    { kind: "listing", url: String.raw`^/(?<lang>[a-z]{2})/(?:hashtag|category|source|topic|search)(?:[/?]|$)` },
    { kind: "listing", url: String.raw`^/(?<lang>[a-z]{2})/?(?:\?|$)` },
  ],
  language: "en",
  dateOrder: "dmy",
  grantedAtInstall: true,
  words: {
    en: {
      "ai-promo": ["explore what daily8 ai can do for you"],
    },
  },
};

export const daily8Examples: SiteExamples = [
  { url: "https://www.daily8.com/en/article/6812345", kind: "article" },
  { url: "https://test.daily8.com/ar/article/abc-123", kind: "article" },
  { url: "https://www.daily8.com/en/article/6812345?utm_source=x", kind: "article" },
  { url: "https://daily8.com/en/hashtag/Ukraine", kind: "listing" },
  { url: "https://www.daily8.com/en", kind: "listing" },
  { url: "https://www.daily8.com/en/?page=2", kind: "listing" },
  { url: "https://www.daily8.com/en/search?q=gaza", kind: "listing" },
  { url: "https://www.daily8.com/en/about", kind: "none" },
  { url: "https://www.daily8.com/en/article/6812345/comments", kind: "none" },
  { url: "https://www.daily8.com/favicon.ico", kind: "none" },
];
